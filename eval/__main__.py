"""`python -m eval`: score the parser on the corpus and print the before/after table.

A report, not a gate: it always exits 0. Example:
    python -m eval --corpus ../shared/corpus --only citations --no-save
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from eval import bodies, citations, foundation, tasks
from eval.report import report

HELDOUT = Path(__file__).parent / "gold" / "heldout"
EVALS = {"foundation": lambda corpus, seeds: foundation.run(corpus),
         "citations": citations.run, "tasks": tasks.run, "bodies": bodies.run,
         # gold written after the finders were tuned: figures on documents the rules never saw
         "heldout_citations": lambda corpus, seeds: citations.run(corpus, seeds, gold_dir=HELDOUT / "citations"),
         "heldout_tasks": lambda corpus, seeds: tasks.run(corpus, seeds, gold_dir=HELDOUT / "tasks"),
         "heldout_bodies": lambda corpus, seeds: bodies.run(corpus, seeds, gold_dir=HELDOUT / "bodies")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m eval", description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus"),
                    help="corpus root holding metadata.jsonl (default ../shared/corpus)")
    ap.add_argument("--seeds", type=Path, default=Path("../shared/seeds"),
                    help="folder of the seed documents that `seed:NAME` gold paths name (default ../shared/seeds)")
    ap.add_argument("--only", choices=list(EVALS), help="run one evaluation, e.g. --only tasks")
    ap.add_argument("--no-save", action="store_true", help="print the table without recording eval/last.json")
    args = ap.parse_args(argv)
    if not (args.corpus / "metadata.jsonl").is_file():
        print(f"eval: no corpus at {args.corpus} (metadata.jsonl missing); nothing to score")
        return 0
    results = {}
    for name, run in EVALS.items():
        if args.only and name != args.only:
            continue
        if name.startswith("heldout") and not any((HELDOUT / name.split("_")[1]).glob("*.yaml")):
            continue
        t0 = time.perf_counter()
        try:
            results[name] = run(args.corpus, args.seeds)
        except Exception as e:  # noqa: BLE001 - one broken evaluation must not hide the others
            results[name] = {"errors": [f"{type(e).__name__}: {e}"]}
        print(f"eval: {name} done in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    print(report(results, save=not args.no_save))
    return 0


if __name__ == "__main__":
    sys.exit(main())
