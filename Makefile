# nnlessons — the commands a reader, a teacher and a maintainer need.
#   make lab        set up .venv (first time only) and open JupyterLab on the lessons
#   make test       set up .venv and run everything: unit tests, gradient checks,
#                   lesson parity, nbval over every notebook in both languages
#   make notebooks  rebuild notebooks/pt and notebooks/en from notebooks/lessons
#   make bench      speed benchmarks (never part of the tests)
#   make clean      remove .venv and caches

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
JOBS   ?= 2

.PHONY: lab test test-unit test-notebooks test-browser notebooks bench present clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

lab: $(STAMP)
	$(PY) -m jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root,)

test: $(STAMP)
	$(PY) -m pytest -n $(JOBS) --dist loadfile tests

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
