"""The `vanban` command: build the knowledge base, serve it, parse one file."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click

DATASETTE_DIR = Path(__file__).parent / "datasette"


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="vanban")
def cli() -> None:
    """vanban: Vietnamese legal documents into a SQLite knowledge base.

    \b
    Examples:
      vanban build data --db vanban.db
      vanban serve vanban.db
      vanban parse data/1963-QD-UBND-2021-HCM.txt
    """


@cli.command()
@click.argument("source", type=click.Path(exists=True, path_type=Path))
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default="vanban.db",
              show_default=True, help="SQLite file to create or update.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Parallel parser processes (default: one per core).")
@click.option("--force", is_flag=True, help="Parse every file again, even when unchanged since the last build.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only failures and the summary.")
def build(source: Path, db_path: Path, jobs: int | None, force: bool, quiet: bool) -> None:
    """Parse every document under SOURCE (a folder, searched recursively, or one file) into --db.

    Reads .txt, .md, .html, .docx, .doc and .pdf. Unchanged files are skipped; a file that cannot
    be read gives one line with its name and the reason, and the build goes on.

    \b
    Examples:
      vanban build data --db vanban.db
      vanban build ../shared/corpus --db /tmp/corpus.db --jobs 2
    """
    from kb.build import build as run_build

    report = run_build(source, db_path, jobs=jobs, force=force, progress=not quiet,
                       echo=lambda line: click.echo(line, err=True))
    click.echo(f"{db_path}: {report.summary()}", err=True)


@cli.command()
@click.argument("db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default="vanban.db")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", "-p", default=8001, show_default=True, type=int, help="Port to listen on.")
@click.option("--open", "open_browser", is_flag=True, help="Open a browser at the served page.")
def serve(db_path: Path, host: str, port: int, open_browser: bool) -> None:
    """Publish DB_PATH with Datasette, with the vanban metadata and pages.

    \b
    Examples:
      vanban serve vanban.db
      vanban serve /tmp/corpus.db --port 8002
    """
    args = [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", host, "--port", str(port),
            "--metadata", str(_metadata_for(db_path))]
    templates = DATASETTE_DIR / "templates"
    if templates.is_dir() and any(templates.iterdir()):
        args += ["--template-dir", str(templates)]
    if open_browser:
        args.append("--open")
    click.echo(f"Serving {db_path} on http://{host}:{port}/", err=True)
    os.execv(sys.executable, args)


@cli.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--text", "with_text", is_flag=True, help="Include the normalized text of the document.")
@click.option("--indent", type=int, default=2, show_default=True, help="JSON indentation (0 for one line).")
def parse(path: Path, with_text: bool, indent: int) -> None:
    """Print the rows a build would write for PATH as one JSON object (nothing is stored).

    \b
    Examples:
      vanban parse data/1963-QD-UBND-2021-HCM.txt
      vanban parse data/1963-QD-UBND-2021-HCM.txt --text | jq '.citations[].cited_number'
    """
    from ingest.pipeline import parse_file
    from ingest.readers import ReadError

    try:
        record = parse_file(path)
    except ReadError as e:
        raise click.ClickException(str(e)) from None
    out = dict(record["document"])
    if not with_text:
        out.pop("text", None)
    for key in ("units", "citations", "relations", "stubs", "bodies", "body_mentions", "tasks", "task_bodies"):
        out[key] = record.get(key, [])
    click.echo(json.dumps(out, ensure_ascii=False, indent=indent or None))


def _metadata_for(db_path: Path) -> Path:
    """The metadata file with its database section named after this file (`corpus.db` -> `corpus`)."""
    import tempfile

    import yaml

    meta = yaml.safe_load((DATASETTE_DIR / "metadata.yml").read_text("utf-8"))
    dbs = meta.get("databases", {})
    if db_path.stem != "vanban" and "vanban" in dbs:
        dbs[db_path.stem] = dbs.pop("vanban")
    out = Path(tempfile.mkdtemp(prefix="vanban-")) / "metadata.yml"
    out.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), "utf-8")
    return out


def main() -> None:
    cli(prog_name="vanban")
