# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
WAREHOUSE ?= $(or $(ASN_WAREHOUSE),data/warehouse.duckdb)
SAMPLE := data/sample
PORT ?= 8501

.PHONY: setup run demo test lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed  ## install the Python packages into .venv

$(WAREHOUSE): | $(VENV)/.installed
	$(PY) -m etl sample --out $(SAMPLE)
	$(PY) -m etl load $(SAMPLE) --db $(WAREHOUSE)

demo: $(WAREHOUSE)  ## build the synthetic demo warehouse if there is none

run: setup demo  ## install, build the demo warehouse if missing, serve the dashboard
	ASN_WAREHOUSE=$(WAREHOUSE) $(PY) -m streamlit run dashboard.py --server.port $(PORT)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

test: lint  ## lint and the whole test suite
	$(PY) -m pytest -q

bench: setup demo  ## benchmarks (not tests): load against DuckDB's read_csv, page times
	$(PY) -m benchmarks.load --scales $(or $(SCALES),1)
	$(PY) -m benchmarks.pages --db $(WAREHOUSE)

clean:
	rm -rf $(SAMPLE) $(WAREHOUSE)
