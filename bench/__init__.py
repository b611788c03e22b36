"""`make bench`: per-stage timings of the pipeline on the corpus text documents, and a build's wall time."""
