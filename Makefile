# Two commands do all the set-up on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
PYTHON ?= python3

.PHONY: install demo test lint bench bench-api lock clean

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	touch $@

install: $(VENV)/.installed

# The seed page is read from ../shared when that folder is present (it is not copied here).
SEED := $(wildcard ../shared/seed)

demo: install
	$(BIN)/allegiance run samples $(SEED) --db allegiance.duckdb
	# events per document, the richest first (the seed page's story, then the samples')
	$(PY) tools/demo.py allegiance.duckdb
	$(BIN)/allegiance actors --db allegiance.duckdb --limit 15

test: install
	$(PY) -m pytest -q -n 2

lint: install
	$(BIN)/ruff check src tests
	$(BIN)/mypy

# Regenerate the lock from the current environment after changing pyproject.toml.
lock:
	$(PY) -m pip freeze --exclude-editable | grep -v '^allegiance' > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache allegiance.duckdb

bench: install
	$(PY) bench/run.py

# Only the API figures (/api/events p50/p95 on BENCH_EVENTS synthetic events): no spaCy, about a minute.
bench-api: install
	$(PY) bench/run.py --api
