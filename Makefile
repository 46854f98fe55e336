# nnlessons — the commands a reader, a teacher and a maintainer need.
#   make lab        set up .venv (first time only) and open JupyterLab on the lessons
#   make test       set up .venv and run everything: unit tests, gradient checks,
#                   lesson parity, nbval over every notebook in both languages
#   make notebooks  rebuild notebooks/pt and notebooks/en from notebooks/lessons
#   make bench      speed benchmarks (never part of the tests)
#   make classroom  a JupyterHub for a class on this machine (Ctrl-C stops it)
#   make clean      remove .venv and caches

PYTHON ?= python3
# One BLAS thread: the lessons' matrices are small, and on a shared or busy machine
# extra threads make training several times slower, not faster.
export OPENBLAS_NUM_THREADS ?= 1
export OMP_NUM_THREADS ?= 1
export MKL_NUM_THREADS ?= 1
# Same arithmetic on every x86-64 machine: a network trained for a thousand steps
# amplifies last-bit differences between CPU-specific kernels (AVX-512 vs AVX2) into a
# different printed loss, and nbval compares printed numbers. So OpenBLAS uses its AVX2
# (Haswell) kernels and NumPy its AVX2 loops everywhere; the notebooks' stored outputs
# were computed that way. Override with e.g. `make test OPENBLAS_CORETYPE=`.
ifeq ($(shell uname -m),x86_64)
export OPENBLAS_CORETYPE ?= Haswell
export NPY_DISABLE_CPU_FEATURES ?= X86_V4 AVX512_ICL AVX512_SPR
endif
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

.PHONY: lab test test-unit test-notebooks test-browser notebooks bench bench-classroom present classroom clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,classroom]'
	touch $(STAMP)

lab: $(STAMP)
	$(PY) -m nnlessons.build --jobs $(JOBS) || echo "make lab: some notebooks could not be rebuilt; opening the stored ones."
	$(PY) -m jupyter lab notebooks/ $(if $(filter 0,$(shell id -u)),--allow-root,)

# One pytest run: unit tests, gradient checks, lesson parity and nbval over every
# built notebook (--dist loadfile keeps each notebook's cells on one worker).
test: $(STAMP)
	$(PY) -m pytest -n $(JOBS) --dist loadfile $(NBVAL) tests $(NOTEBOOKS)
	@if [ -x /usr/bin/chromium ]; then $(MAKE) --no-print-directory test-browser; \
	else echo "skipping browser tests: no Chromium at /usr/bin/chromium (apt-get install chromium)"; fi

test-notebooks: $(STAMP)
	$(PY) -m pytest -n $(JOBS) --dist loadfile $(NBVAL) tests/test_lessons.py $(NOTEBOOKS)

# Every widget lesson live in JupyterLab and one in Voilà, in headless Chromium
# (tests/browser); writes build/browser-latency.md and screenshots/.
# make test-browser BROWSER_ARGS="-k 01" : extra pytest arguments.
test-browser: $(STAMP)
	NNLESSONS_BROWSER=1 $(PY) -m pytest tests/browser $(BROWSER_ARGS)

# make present LESSON=01 LANG=pt : one lesson as a clean page (prose and widgets, no
# code) with Voilà on http://127.0.0.1:$(PORT)/. NO_BROWSER=1 only serves it.
# LANG defaults to pt when your locale is Portuguese, else en.
PORT ?= 8866
PRESENT_LANG = $(if $(filter pt en,$(LANG)),$(LANG),$(if $(filter pt%,$(LANG)),pt,en))
present: $(STAMP)
	@test -n "$(LESSON)" || { echo "make present: which lesson? e.g. make present LESSON=01 LANG=pt"; exit 2; }
	@nb=$$(ls notebooks/$(PRESENT_LANG)/$(LESSON)_*.ipynb notebooks/$(PRESENT_LANG)/$(LESSON).ipynb 2>/dev/null | head -n 1); \
	if [ -z "$$nb" ]; then echo "make present: no lesson $(LESSON) in notebooks/$(PRESENT_LANG)/; there are:"; \
	  ls notebooks/$(PRESENT_LANG) | sed -n 's/\.ipynb$$//p'; exit 2; fi; \
	echo "Presenting $$nb on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"; \
	exec env LANG=C.UTF-8 $(VENV)/bin/voila "$$nb" --Voila.ip=127.0.0.1 --port=$(PORT) \
	  $(if $(NO_BROWSER),--no-browser)

# Build notebooks/{pt,en}/NN_slug.ipynb from notebooks/lessons/NN_slug.md (only the
# lessons whose source changed, unless FORCE=1), executing them to store outputs.
notebooks: $(STAMP)
	$(PY) -m nnlessons.build --jobs $(JOBS) $(if $(FORCE),--force) $(LESSONS)

bench: $(STAMP)
	$(PY) benchmarks/run.py

# make classroom CLASSROOM_ARGS="--auth native --ip 0.0.0.0" : a JupyterHub for a class
# (`make classroom CLASSROOM_ARGS=--help` lists the options; README: teaching section).
CLASSROOM_ARGS ?=
classroom: $(STAMP)
	$(PY) -c "from nnlessons.classroom import main; main()" $(CLASSROOM_ARGS)

# How many students one machine holds (headless Chromium students on a real classroom
# hub): writes build/classroom-capacity.md. make bench-classroom STUDENTS="1 5" SECONDS=30
STUDENTS ?= 1 5 10 20 30
SECONDS  ?= 60
bench-classroom: $(STAMP)
	$(PY) benchmarks/classroom.py --students $(STUDENTS) --seconds $(SECONDS)

clean:
	rm -rf $(VENV) .pytest_cache build src/*.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
