# softpower: two-command quick start (`make run`, `make test`).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SP := $(VENV)/bin/softpower
LEDGER ?= softpower.duckdb
OUT ?= out

.PHONY: run test lint typecheck pytest bench browser clean train train-check lock fuzz mutation load

# Installs come from lock files (requirements*.lock, made by `make lock`): `make run` installs
# the runtime dependencies only; `make test` and `make bench` add the test, bench and abc extras.
$(VENV)/.installed-run: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed: pyproject.toml requirements-test.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@ $(VENV)/.installed-run

# Re-resolve the lock files after a change to pyproject.toml (needs uv and the network).
lock:
	uv pip compile pyproject.toml --universal --python-version 3.11 -q -o requirements.lock
	uv pip compile pyproject.toml --extra test --extra bench --extra abc --universal --python-version 3.11 -q -o requirements-test.lock

run: $(VENV)/.installed-run
	@mkdir -p $(OUT)
	$(SP) ledger import --bundled --ledger $(LEDGER)
	$(SP) ledger stats --ledger $(LEDGER)
	$(SP) index --ledger $(LEDGER) --mc 1000 --seed 1 --output $(OUT)/index.csv --format csv
	$(SP) index --ledger $(LEDGER) --mc 1000 --seed 1
	$(SP) simulate baseline --ledger $(LEDGER) --runs 200 --seed 1 --output $(OUT)/baseline.json --format json
	$(SP) report --ledger $(LEDGER) --scenario baseline --output $(OUT)/report.html
	@echo ""
	@echo "Open $(OUT)/report.html in any browser (it works offline)."
	@echo "Dashboard: $(SP) serve --ledger $(LEDGER)   then open http://127.0.0.1:8050"

browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = "0" ]; then \
	    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
	      || echo "WARNING: could not install Debian's chromium: the browser tests will be skipped"; \
	  else echo "WARNING: chromium missing (apt-get install chromium as root): the browser tests will be skipped"; fi; }

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/ruff format --check src tests benchmarks

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy

pytest: $(VENV)/.installed browser
	$(PY) -m pytest -q

test: lint typecheck pytest

# Rebuild the extraction models (src/softpower/data/extract_model/) from config.toml and its seed.
train: $(VENV)/.installed
	$(PY) -m softpower.extract.learned.train --config src/softpower/data/extract_model/config.toml
	$(PY) -m softpower.extract.learned.train_recall --config src/softpower/data/extract_model/recall.toml
	$(PY) -m softpower.extract.learned.fields_train --config src/softpower/data/extract_model/fields.toml
	$(PY) -m softpower.extract.learned.tagger_train --config src/softpower/data/extract_model/tagger.toml

# Retrain into a temporary folder and compare with the shipped weights and metrics byte for byte (the recall
# model on a CPU other than the one that trained it: the same features, probabilities within 0.002).
train-check: $(VENV)/.installed
	$(PY) -m softpower.extract.learned.train --config src/softpower/data/extract_model/config.toml --check
	$(PY) -m softpower.extract.learned.train_recall --config src/softpower/data/extract_model/recall.toml --check
	$(PY) -m softpower.extract.learned.fields_train --config src/softpower/data/extract_model/fields.toml --check
	$(PY) -m softpower.extract.learned.tagger_train --config src/softpower/data/extract_model/tagger.toml --check

# Long property-based fuzzing of every parser (FUZZ_EXAMPLES inputs per target, new seeds each run).
FUZZ_EXAMPLES ?= 2000
fuzz: $(VENV)/.installed
	@rm -f $(OUT)/fuzz-tried.tsv; mkdir -p $(OUT)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_SEED=1 FUZZ_REPORT=$(OUT)/fuzz-tried.tsv nice $(PY) -m pytest -q -p no:cacheprovider tests/test_fuzz_parsers.py
	@echo "inputs tried per target:"; cat $(OUT)/fuzz-tried.tsv

# Mutation testing (mutmut) of records, ledger, measure and simulate, one stratum at a time (a
# package, or a part of it with the fast tests that exercise it: pyproject.toml
# [tool.softpower.mutation.tests] and [tool.softpower.mutation.strata.*]), under nice -n 15 and a
# 3 GiB memory bound, each stratum bounded to MUTATION_TIME seconds; MUTATION_SAMPLE mutants per
# stratum drawn with MUTATION_SEED (0 = every mutant: about 22,000, many hours on two cores).
# Prints survived % per stratum and per package (weighted by stratum size) with a 95 % interval.
# See docs/testing.md.
MUTATION_SAMPLE ?= 50
MUTATION_SEED ?= 1
MUTATION_TIME ?= 600
MUTATION_JOBS ?= 1
MUTATION_PACKAGES ?= records ledger measure simulate
MUTATION_ARGS ?=
mutation: $(VENV)/.installed
	$(PY) tools/mutation.py --sample $(MUTATION_SAMPLE) --seed $(MUTATION_SEED) --time-limit $(MUTATION_TIME) \
	  --jobs $(MUTATION_JOBS) --out $(OUT)/mutation $(MUTATION_ARGS) $(MUTATION_PACKAGES)

bench: $(VENV)/.installed
	$(PY) benchmarks/run_all.py

# Bounded load test of the dashboard on 127.0.0.1 (<= 60 s, <= 20,000 requests a ledger): the bundled
# ledger, then LOAD_LEDGER when it exists (a copy of the all-real-data ledger; never written).
LOAD_LEDGER ?= /tmp/softpower_all.duckdb
load: $(VENV)/.installed
	$(PY) benchmarks/load_test.py --seconds 45
	@if [ -f "$(LOAD_LEDGER)" ]; then $(PY) benchmarks/load_test.py --seconds 45 --ledger $(LOAD_LEDGER) --name all-data; \
	else echo "make load: no $(LOAD_LEDGER) (cp /work/ledgers/all.duckdb $(LOAD_LEDGER) to test the all-data ledger)"; fi

clean:
	rm -rf $(VENV) $(OUT) *.egg-info src/*.egg-info .pytest_cache .mypy_cache .ruff_cache
