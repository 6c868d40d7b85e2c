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
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .

# Optional, not yet in `make test`: pyright in standard mode over planbook/ (pyrightconfig.json). Its Python
# wrapper installs on first use and fetches pyright itself through npm (Node.js must be on PATH).
typecheck: $(STAMP)
	test -x $(VENV)/bin/pyright || $(PY) -m pip install --quiet pyright
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
