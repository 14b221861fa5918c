# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
WAREHOUSE ?= $(or $(ASN_WAREHOUSE),data/warehouse.duckdb)
SAMPLE := data/sample
PORT ?= 8501

.PHONY: setup chromium run demo test lint bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

setup: $(VENV)/.installed chromium  ## install the Python packages into .venv (and Chromium where we can)

chromium:  # chart images (deck, PDF, PNG) need the system Chromium; installed when root, else a note
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 \
		&& DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
		|| echo "Note: no Chromium; the app offers CSV, XLSX and HTML but no deck, PDF or PNG (apt-get install chromium)."

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

bench: setup demo  ## benchmarks (not tests): load against DuckDB's read_csv, page times, overview deck
	$(PY) -m benchmarks.load --scales $(or $(SCALES),1)
	$(PY) -m benchmarks.pages --db $(WAREHOUSE)
	$(PY) -m benchmarks.export --db $(WAREHOUSE)

clean:
	rm -rf $(SAMPLE) $(WAREHOUSE)
