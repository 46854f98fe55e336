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
# make notebooks LESSONS="00 03" FORCE=1 : which lessons (slugs or number prefixes,
# default all) and whether to rebuild notebooks whose source has not changed.
LESSONS ?=
FORCE   ?=
NBVAL     := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
NOTEBOOKS := notebooks/pt notebooks/en

.PHONY: lab test test-unit test-notebooks test-browser notebooks bench present clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

lab: $(STAMP)
	$(PY) -m nnlessons.build --jobs $(JOBS) || echo "make lab: some notebooks could not be rebuilt; opening the stored ones."
	$(PY) -m jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root,)

# One pytest run: unit tests, gradient checks, lesson parity and nbval over every
# built notebook (--dist loadfile keeps each notebook's cells on one worker).
test: $(STAMP)
	$(PY) -m pytest -n $(JOBS) --dist loadfile $(NBVAL) tests $(NOTEBOOKS)

test-notebooks: $(STAMP)
	$(PY) -m pytest -n $(JOBS) --dist loadfile $(NBVAL) tests/test_lessons.py $(NOTEBOOKS)

# Build notebooks/{pt,en}/NN_slug.ipynb from notebooks/lessons/NN_slug.md (only the
# lessons whose source changed, unless FORCE=1), executing them to store outputs.
notebooks: $(STAMP)
	$(PY) -m nnlessons.build --jobs $(JOBS) $(if $(FORCE),--force) $(LESSONS)

bench: $(STAMP)
	$(PY) benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
