# vanban: `make run` builds the knowledge base from data/ and serves it; `make test` runs every test.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= vanban.db
CORPUS ?= ../shared/corpus

.PHONY: run build serve test lint eval bench clean

$(BIN)/vanban: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $(BIN)/vanban

build: $(BIN)/vanban
	$(BIN)/vanban build data --db $(DB)

run: build
	$(BIN)/vanban serve $(DB) --port 8001

test: $(BIN)/vanban
	$(BIN)/pytest -q

lint: $(BIN)/vanban
	$(BIN)/ruff check ingest kb tests eval bench

eval: $(BIN)/vanban
	$(BIN)/python -m eval --corpus $(CORPUS)

bench: $(BIN)/vanban
	$(BIN)/python -m bench --corpus $(CORPUS)

clean:
	rm -rf $(VENV) $(DB) *.egg-info
