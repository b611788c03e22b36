"""`python -m kb` runs the `vanban` command."""

from kb.cli import main

main()
