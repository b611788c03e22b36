"""Regenerate the CLI reference of README.md from `--help` (`python -m kb.readme`)."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from kb.cli import cli

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- cli start -->", "<!-- cli end -->"


def cli_reference() -> str:
    """The `--help` of `vanban` and of each command, as markdown."""
    runner = CliRunner()
    parts = []
    for args in [[]] + [[name] for name in sorted(cli.commands)]:
        out = runner.invoke(cli, [*args, "--help"], prog_name="vanban", terminal_width=100).output
        parts.append(f"### `vanban {' '.join(args)} --help`\n\n```\n{out.rstrip()}\n```".replace("  --help`", " --help`"))
    return "\n\n".join(parts)


def render(readme: str) -> str:
    block = f"{START}\n{cli_reference()}\n{END}"
    return re.sub(re.escape(START) + ".*?" + re.escape(END), lambda _: block, readme, flags=re.S)


if __name__ == "__main__":
    README.write_text(render(README.read_text("utf-8")), "utf-8")
