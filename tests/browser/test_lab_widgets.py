"""Every widget lesson, in both languages, live in JupyterLab: run all cells, no error
shows, every control of every widget redraws its picture, labels follow the notebook's
language, every picture has alt text in it; slider→picture latency goes to
build/browser-latency.md. One lesson is also driven with the keyboard alone.

One JupyterLab page serves every lesson: each test opens its notebook there, runs it,
then shuts its kernel down and closes it unsaved (reloading JupyterLab per lesson would
cost ~6 s each). A test that leaves the page in doubt gets the next test a fresh page.
"""

import re
import uuid
import warnings

import pytest

import browser_helpers as bh

NOTEBOOKS = bh.widget_notebooks()


class ControlWithoutEffect(UserWarning):
    """A widget control whose move left the picture as it was."""


@pytest.fixture(scope="module")
def texts():
    return bh.catalogue()


class LabPage:
    """The shared JupyterLab page; ``get()`` (re)opens it when needed."""

    def __init__(self, chromium, lab):
        self.chromium, self.lab = chromium, lab
        self.context = self.page = None

    def get(self):
        if self.page is None:
            self.context = self.chromium.new_context(viewport={"width": 1280, "height": 1000})
            self.context.set_default_timeout(60_000)
            self.page = self.context.new_page()
            self.page.goto(f"{self.lab.base}/lab/workspaces/t-{uuid.uuid4().hex[:8]}?token={self.lab.token}")
            self.page.wait_for_function("() => window.jupyterapp && document.querySelector('.jp-LabShell')",
                                        timeout=90_000)
            self.page.evaluate("async () => { await window.jupyterapp.restored; }")
            self.page.evaluate(bh.PAGE_TOOLS)
        return self.page

    def discard(self):
        if self.context is not None:
            self.context.close()
        self.context = self.page = None


@pytest.fixture(scope="module")
def lab_page(chromium, lab):
    holder = LabPage(chromium, lab)
    yield holder
    holder.discard()


def test_there_are_widget_lessons():
    assert NOTEBOOKS, "no built notebook in notebooks/pt or notebooks/en shows a widget"


@pytest.mark.parametrize("language, notebook", NOTEBOOKS,
                         ids=[f"{language}-{path.stem}" for language, path in NOTEBOOKS])
def test_widgets_live_in_jupyterlab(lab, lab_page, texts, language, notebook):
    lesson = notebook.stem
    relative = f"{language}/{notebook.name}"
    log_start = lab.log_size()
    problems = []
    page = lab_page.get()
    clean = False
    try:
        open_notebook(page, relative)
        run_all(page)

        errors = [e for e in page.evaluate(bh.NOTEBOOK_ERRORS) if not e["expected"] and bh.is_error_text(e["text"])]
        problems += [f"cell {e['cell']} shows an error:\n{bh.strip_ansi(e['text'])[-1500:]}" for e in errors]
        seen = {(e["cell"], e["text"]) for e in errors}

        views = page.evaluate(bh.FIND_VIEWS, ".jp-NotebookPanel:not(.lm-mod-hidden)")
        expected = len(bh.widget_cells(notebook))
        if len(views) < expected:
            problems.append(f"{expected} widget cell(s) in the notebook, but {len(views)} widget view(s) on the page")
        bh.SCREENSHOTS.mkdir(exist_ok=True)
        for view in views:
            problems += check_view(page, view, lesson, language, notebook, texts)
        if views:
            page.locator('[data-nnl-view="0"]').scroll_into_view_if_needed()
        page.screenshot(path=bh.SCREENSHOTS / f"{lesson}-{language}.png")

        comm_errors = [bh.strip_ansi(t) for t in page.evaluate("() => window.__nnl.commErrors") if bh.is_error_text(t)]
        if comm_errors:
            last = "\n".join(comm_errors[-1].strip().splitlines()[-12:])
            problems.append(f"{len(comm_errors)} widget callback error(s) in the kernel's messages "
                            f"(JupyterLab's log console); the last one ends:\n{last}")
        errors = [e for e in page.evaluate(bh.NOTEBOOK_ERRORS) if not e["expected"] and bh.is_error_text(e["text"])]
        problems += [f"after the moves, cell {e['cell']} shows an error:\n{bh.strip_ansi(e['text'])[-1500:]}"
                     for e in errors if (e["cell"], e["text"]) not in seen]
        wait_training_done(page)          # a live trainer's picture and caption are two messages
        images = page.evaluate(bh.IMAGE_ALTS, ".jp-NotebookPanel:not(.lm-mod-hidden)")
        if not images:
            problems.append("no picture in the notebook's outputs")
        problems += bh.alt_problems(images, language)              # after the moves: alt still in sync
        if problems:
            page.screenshot(path=bh.SCREENSHOTS / f"{lesson}-{language}-failure.png")
        clean = close_notebook(page)
    finally:
        if not clean:
            lab_page.discard()
            lab.shutdown_kernels()
    problems += [f"JupyterLab server log: {line}" for line in bh.lab_log_problems(lab.log_since(log_start))]
    assert not problems, f"{relative}:\n- " + "\n- ".join(problems)


KEYBOARD_LESSON = "01_neuron"


@pytest.mark.parametrize("language", ["pt"])
def test_an_explorer_works_with_the_keyboard_alone(lab, lab_page, language):
    """From the output just above lesson 01's first explorer, Tab reaches a slider, an
    arrow key moves it and the picture (and its alt text) changes: no mouse at all."""
    page = lab_page.get()
    clean = False
    try:
        open_notebook(page, f"{language}/{KEYBOARD_LESSON}.ipynb")
        run_all(page)
        views = page.evaluate(bh.FIND_VIEWS, ".jp-NotebookPanel:not(.lm-mod-hidden)")
        assert views, "no explorer on the page"
        page.evaluate("""() => {                      // start where a reader tabbing down would be
            const area = document.querySelector('[data-nnl-view="0"]').closest('.jp-OutputArea');
            area.setAttribute('tabindex', '-1');
            area.focus();
        }""")
        for presses in range(1, 20):
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('[data-nnl-view=\"0\"] .widget-slider')"):
                break
        else:
            pytest.fail("20 presses of Tab never reached a slider of the first explorer")
        before = page.evaluate(bh.PICTURE, "0")
        alt = page.evaluate("() => document.querySelector('[data-nnl-view=\"0\"] img').alt")
        page.keyboard.press("ArrowRight")
        page.wait_for_function("([view, before]) => (" + bh.PICTURE + ")(view) !== before", arg=["0", before],
                               timeout=bh.MOVE_TIMEOUT * 1000)
        wait_idle(page)
        assert page.evaluate("() => document.querySelector('[data-nnl-view=\"0\"] img').alt") != alt
        problems = bh.alt_problems(page.evaluate(bh.IMAGE_ALTS, ".jp-NotebookPanel:not(.lm-mod-hidden)"), language)
        assert not problems, problems
        page.locator('[data-nnl-view="0"]').screenshot(path=bh.SCREENSHOTS / f"keyboard-{language}-tab{presses}.png")
        clean = close_notebook(page)
    finally:
        if not clean:
            lab_page.discard()
            lab.shutdown_kernels()


def check_view(page, view, lesson, language, notebook, texts):
    """Labels, every control once, timed slider moves and a screenshot of one widget."""
    name = widget_name(view)
    if view["error"]:
        return [f"{name}: {view['error']}"]
    problems = []
    if not view["controls"]:
        problems.append(f"{name}: no control found in the widget")
    # (c) labels in the notebook's language
    labels = [c["description"] for c in view["controls"] if not c["hasMath"]]
    labels += [option for c in view["controls"] for option in c["options"]]
    problems += [f"{name}: label {p}" for p in bh.label_problems(labels, language, texts)]
    # (b) the controls redraw the picture: every one is moved once; the widget fails when
    # none redraws or a new picture does not load. A control with no visible effect in
    # the state reached (e.g. leaky ReLU's α while "step" is chosen) is only a warning.
    redrew, unchanged = [], []
    for control in view["controls"]:
        outcome, detail = bh.move(page, view["view"], control, wait=lambda: wait_idle(page), kernel_status=True)
        what = f"{name}: moving {control['kind']} {control['description']!r}: {detail}"
        if outcome == "changed":
            redrew.append(control)
        elif outcome == "broken":
            problems.append(what)
        else:
            unchanged.append(what)
    if view["controls"] and not redrew:
        problems += unchanged or [f"{name}: no control redrew the picture"]
    else:
        for what in unchanged:
            warnings.warn(ControlWithoutEffect(f"{language}/{notebook.name} {what}"))
    # latency: several timed moves of the first slider that redrew
    sliders = [c for c in redrew if c["kind"] == "slider"]
    row = {"lesson": lesson, "lesson_number": bh.lesson_number(notebook), "language": language,
           "widget": name, "samples": [], "note": "no slider"}
    if sliders:
        row["samples"] = bh.time_slider(page, view["view"], sliders[0], wait=lambda: wait_idle(page))
        row["note"] = "no redraw"
    bh.LATENCY.append(row)
    page.locator(f'[data-nnl-view="{view["view"]}"]').screenshot(
        path=bh.SCREENSHOTS / f"{lesson}-{language}-widget{view['view']}.png")
    return problems


# ---- driving JupyterLab -----------------------------------------------------------------

def open_notebook(page, relative):
    """Open ``relative`` in the shared page and wait for its kernel to be idle."""
    page.evaluate(bh.RESET_PAGE_TOOLS)
    page.evaluate("""(path) => {
        const app = window.jupyterapp;
        app.commands.execute('docmanager:open', {path, factory: 'Notebook'})
          .then((panel) => app.shell.activateById(panel.id));
    }""", relative)
    page.wait_for_function(
        """(path) => {
            const w = window.jupyterapp.shell.currentWidget;
            if (!w || !w.context || w.context.path !== path) return false;
            const k = w.sessionContext && w.sessionContext.session && w.sessionContext.session.kernel;
            return !!k && k.status === 'idle' && !document.querySelector('.jp-Dialog');
        }""", arg=relative, timeout=90_000)
    page.evaluate(bh.WATCH_COMM_ERRORS)


def run_all(page):
    page.evaluate("""() => {
        window.__nnl.run = 'running';
        window.jupyterapp.commands.execute('notebook:run-all-cells').then(
            (ok) => { window.__nnl.run = ok ? 'ok' : 'error'; },
            (err) => { window.__nnl.run = 'failed: ' + err; });
    }""")
    page.wait_for_function("() => window.__nnl.run !== 'running'", timeout=bh.RUN_TIMEOUT * 1000)
    wait_idle(page, timeout=bh.RUN_TIMEOUT)


def wait_idle(page, timeout=None):
    """Wait until the kernel is idle and no cell waits to run ([*])."""
    page.wait_for_function(
        f"""() => {bh.KERNEL}.status === 'idle' && ![...document.querySelectorAll(
            '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputPrompt')].some(p => p.textContent.includes('*'))""",
        timeout=(timeout or bh.MOVE_TIMEOUT) * 1000)


def wait_training_done(page):
    """Wait until no live trainer of the notebook is still training: a ``LiveTrainer``'s
    view carries the class ``nnl-training`` until its last slice is drawn (the kernel
    reports "idle" between slices, so an idle kernel says nothing about them)."""
    page.wait_for_function(
        "() => !document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .nnl-training')",
        timeout=bh.RUN_TIMEOUT * 1000)
    wait_idle(page)


def close_notebook(page):
    """Shut the notebook's kernel down and close it without saving; True if all went well."""
    try:
        page.evaluate("""async () => {
            const panel = window.jupyterapp.shell.currentWidget;
            await panel.sessionContext.shutdown();
            panel.context.model.dirty = false;
            panel.dispose();
        }""")
        return not page.evaluate("() => !!document.querySelector('.jp-Dialog, .jp-NotebookPanel')")
    except Exception:  # the page is in doubt: the caller replaces it
        return False


def widget_name(view):
    classes = [name for name in re.findall(r"\b([A-Z]\w*)\s*\(", view["source"]) if name not in {"True", "False"}]
    what = classes[0] if classes else ("interact" if "interact" in view["source"] else "widget")
    return f"cell {view['cell']} {what}"
