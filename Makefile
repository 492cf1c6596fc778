# Two entry points: `make demo` and `make test`. Both create .venv when missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test browser eval schemas bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[test,dask]"
	touch $(STAMP)

demo: $(STAMP)
	@mkdir -p out
	$(BIN)/extractor extract fixtures/articles --output out/events.jsonl --force --summary

# Debian's chromium and chromium-driver for the browser test of `extractor render`, installed when missing
browser:
	@bash .ci/install-browser

test: $(STAMP) browser
	$(BIN)/ruff check extractor tests benchmarks corpus
	$(BIN)/ruff format --check extractor tests benchmarks corpus
	$(BIN)/mypy
	$(BIN)/python -m pytest

# seeds, fixtures and the real-article corpus, scored per type with `extractor eval`'s rules (see corpus/README.md)
eval: $(STAMP)
	$(BIN)/python corpus/evaluate.py

schemas: $(STAMP)
	$(BIN)/extractor schema --write schemas/

bench: $(STAMP)
	$(BIN)/python benchmarks/peer_accuracy.py

clean:
	rm -rf out $(VENV) build *.egg-info
