# nnlessons — the commands a reader, a teacher and a maintainer need.
#   make lab        set up .venv (first time only) and open JupyterLab on the lessons
#   make test       set up .venv and run everything: ruff, unit tests, gradient checks,
#                   lesson parity, nbval over every notebook in both languages
#   make test-colab the explorers and two lessons under Google Colab's ipywidgets 7.7.1
#   make notebooks  rebuild notebooks/pt and notebooks/en from notebooks/lessons
#   make bench      speed benchmarks (never part of the tests)
#   make classroom  a JupyterHub for a class on this machine (Ctrl-C stops it)
#   make clean      remove .venv and caches

PYTHON ?= python3
# Every target below runs `python -m nnlessons <command>` (src/nnlessons/__main__.py), the
# same commands Windows and conda users run without make. Those commands give every child
# process the settings the stored notebook outputs were computed with (one BLAS thread;
# on x86-64, OpenBLAS's Haswell kernels and NumPy's AVX2 loops): see lesson_environment().
# Override one with e.g. `make test OPENBLAS_CORETYPE=`.
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-stamp
JOBS   ?= 2
# make notebooks LESSONS="00 03" FORCE=1 : which lessons (slugs or number prefixes,
# default all) and whether to rebuild notebooks whose source has not changed.
LESSONS ?=
FORCE   ?=

.PHONY: lab test test-notebooks test-browser test-colab notebooks bench bench-classroom present classroom clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[lab,build,test,classroom]'
	touch $(STAMP)

lab: $(STAMP)
	$(PY) -m nnlessons lab --jobs $(JOBS)

# One pytest run: unit tests, gradient checks, lesson parity and nbval over every
# built notebook; then the browser suite where /usr/bin/chromium exists.
test: $(STAMP)
	$(PY) -m nnlessons test --jobs $(JOBS)

test-notebooks: $(STAMP)
	$(PY) -m nnlessons test --suite notebooks --jobs $(JOBS)

# Every explorer shown and moved, and lessons 07 and 15 under nbval, with Colab's widget and
# kernel packages (ipywidgets 7.7.1) in their own venv build/venv-ipyw7, made on first use
# (needs the package index); nnlessons is installed there normally, not editable.
test-colab: $(STAMP)
	$(PY) -m nnlessons test --suite colab

# Every widget lesson live in JupyterLab and one in Voilà, in headless Chromium
# (tests/browser); writes build/browser-latency.md and screenshots/.
# make test-browser BROWSER_ARGS="-k 01" : extra pytest arguments.
test-browser: $(STAMP)
	$(PY) -m nnlessons test --suite browser $(BROWSER_ARGS)

# make present LESSON=01 LANG=pt : one lesson as a clean page (prose and widgets, no
# code) with Voilà on http://127.0.0.1:$(PORT)/. NO_BROWSER=1 only serves it.
# Without LANG=pt|en, python -m nnlessons present follows your locale (pt_* → pt, else en).
PORT ?= 8866
present: $(STAMP)
	@test -n "$(LESSON)" || { echo "make present: which lesson? e.g. make present LESSON=01 LANG=pt"; exit 2; }
	$(PY) -m nnlessons present $(LESSON) $(if $(filter pt en,$(LANG)),--lang $(LANG)) --port $(PORT) $(if $(NO_BROWSER),--no-browser)

# Build notebooks/{pt,en}/NN_slug.ipynb from notebooks/lessons/NN_slug.md (only the
# lessons whose source changed, unless FORCE=1), executing them to store outputs.
notebooks: $(STAMP)
	$(PY) -m nnlessons notebooks --jobs $(JOBS) $(if $(FORCE),--force) $(LESSONS)

# make bench BENCH=cnn : only some benchmarks (engine, cnn, widgets; default engine and widgets).
BENCH ?=
bench: $(STAMP)
	$(PY) -m nnlessons bench $(BENCH)

# make classroom CLASSROOM_ARGS="--auth native --ip 0.0.0.0" : a JupyterHub for a class
# (`make classroom CLASSROOM_ARGS=--help` lists the options; README: teaching section).
CLASSROOM_ARGS ?=
classroom: $(STAMP)
	$(PY) -m nnlessons classroom $(CLASSROOM_ARGS)

# How many students one machine holds (headless Chromium students on a real classroom
# hub): writes build/classroom-capacity.md. make bench-classroom STUDENTS="1 5" SECONDS=30;
# THINK=0 is the stress case (no pause between a student's slider moves)
STUDENTS ?= 1 5 10 20 30
SECONDS  ?= 60
THINK    ?= 1
bench-classroom: $(STAMP)
	$(PY) benchmarks/classroom.py --students $(STUDENTS) --seconds $(SECONDS) --think $(THINK)

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
