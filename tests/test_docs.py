"""The README's CLI reference is the CLI's own `--help`; the README shows the two commands first."""

from pathlib import Path

from kb.readme import README, render


def test_cli_reference_is_current():
    text = README.read_text("utf-8")
    assert render(text) == text, "run: python -m kb.readme"


def test_readme_shows_the_two_commands_first():
    text = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")
    assert text.index("make run") < text.index("make test") < text.index("vanban build")
