"""`python -m bench` on the first few corpus text files: the JSON it writes has every field, with positive figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

# `bench` is a folder of the repository, not an installed package (pyproject installs ingest and kb only).
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.__main__ import STAGES, main, text_files  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_missing_corpus_exits_zero(tmp_path, capsys):
    assert main(["--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "b.json")]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1
    assert not (tmp_path / "b.json").exists()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no corpus at ../shared/corpus")
def test_bench_limit_3(tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert main(["--corpus", str(CORPUS), "--limit", "3", "--out", str(out)]) == 0
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r == json.loads(capsys.readouterr().out)
    for key in ("machine", "files", "documents", "chars", "stages", "pipeline_seconds", "citations_share",
                "build", "peak_rss_mb"):
        assert key in r
    assert set(r["machine"]) >= {"platform", "python", "cpu_count", "cpu_model"}
    assert r["files"] == 3 and r["documents"] >= 1
    assert r["chars"] > 0 and r["pipeline_seconds"] > 0 and r["citations_share"] > 0
    for s in STAGES:
        assert r["stages"][s]["seconds"] > 0 and r["stages"][s]["mchars_per_s"] > 0
    assert r["build"]["wall_seconds"] > 0 and r["build"]["parsed"] >= 1
    assert r["peak_rss_mb"]["self"] > 0


def test_text_files_skip_meta_and_readme(tmp_path):
    for rel in ("a/x.txt", "a/y.md", "a/README.md", "a/_meta/m.md", "a/z.pdf", ".hidden/h.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("Điều 1. Phạm vi", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in text_files(tmp_path)] == ["a/x.txt", "a/y.md"]
