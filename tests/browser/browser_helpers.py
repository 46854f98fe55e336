"""Helpers of the browser suite: find the widget lessons, run JupyterLab and Voilà,
drive their pages with Playwright, compare labels with the i18n catalogue.

Nothing here imports Playwright at module level, so ``make test`` (which never
collects the browser tests) can load ``conftest.py`` without a browser installed.
"""

import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

from nnlessons.classroom.processes import free_port, stop_process_group, tail
from nnlessons.i18n import LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("NNLESSONS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
#: Seconds allowed for "run all cells" of one lesson (lessons that train a network
#: take a while on two cores) and for one control move to redraw the picture.
RUN_TIMEOUT = float(os.environ.get("NNLESSONS_BROWSER_RUN_TIMEOUT", "600"))
MOVE_TIMEOUT = float(os.environ.get("NNLESSONS_BROWSER_MOVE_TIMEOUT", "30"))
#: Slider moves timed per widget for the latency table.
LATENCY_MOVES = int(os.environ.get("NNLESSONS_BROWSER_LATENCY_MOVES", "5"))
SCREENSHOTS = ROOT / "screenshots"
LATENCY_REPORT = ROOT / "build" / "browser-latency.md"

WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
ERROR_WORDS = re.compile(r"Traceback|\w*Error\b")

#: One row per timed widget: filled by the tests, written out by conftest.py.
LATENCY = []


# ---- which lessons have widgets ------------------------------------------------------

def lesson_number(path):
    match = re.match(r"(\d+)", Path(path).name)
    return int(match.group(1)) if match else None


def widget_cells(notebook_path):
    """Indices of the code cells of a built notebook that show a widget: stored outputs
    with a widget view, or an ``nbval-ignore-output`` tag on a cell calling ``.show()``
    or ``interact`` (a notebook stored without outputs still counts)."""
    nb = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
    found = []
    for index, cell in enumerate(nb.get("cells", [])):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        tags = cell.get("metadata", {}).get("tags", [])
        shows_widget = any(WIDGET_MIME in output.get("data", {}) for output in cell.get("outputs", []))
        tagged = "nbval-ignore-output" in tags or "# NBVAL_IGNORE_OUTPUT" in source
        if shows_widget or (tagged and re.search(r"\.show\(\)|\binteract", source)):
            found.append(index)
    return found


def widget_notebooks():
    """``(language, path)`` of every built lesson with widget cells, in lesson order."""
    found = []
    for language in LANGUAGES:
        for path in sorted((ROOT / "notebooks" / language).glob("*.ipynb")):
            if widget_cells(path):
                found.append((language, path))
    return found


def first_heading(notebook_path):
    """The first markdown heading of a notebook (the lesson title), without the #'s."""
    nb = json.loads(Path(notebook_path).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    return None


# ---- processes -----------------------------------------------------------------------

def venv_python():
    """The project's .venv interpreter (the one `make` installs), else this one."""
    python = ROOT / ".venv" / "bin" / "python"
    return str(python) if python.exists() else os.environ.get("PYTHON", "python3")




def isolated_env(tmp):
    """Environment for a server: Jupyter/IPython config, data and runtime in ``tmp``, so
    the user's settings, workspaces and extensions neither leak in nor get written."""
    env = dict(os.environ)
    for name, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                      ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
        path = Path(tmp) / sub
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env.pop("JUPYTER_TOKEN", None)
    env["PYTHONUNBUFFERED"] = "1"
    if os.environ.get("NNLESSONS_BROWSER_SABOTAGE"):
        startup = Path(env["IPYTHONDIR"]) / "profile_default" / "startup"
        startup.mkdir(parents=True, exist_ok=True)
        (startup / "00-nnlessons-sabotage.py").write_text(SABOTAGE)
    return env


#: Self-test of the suite (NNLESSONS_BROWSER_SABOTAGE=raise|freeze): the kernels of our
#: servers break every explorer's callback, so the widget tests must fail. ``raise``: the
#: callback raises; ``freeze``: it recomputes but never sends a new picture.
SABOTAGE = """
import os, sys
from nnlessons.widgets import base

_mode = os.environ["NNLESSONS_BROWSER_SABOTAGE"]
_update = base.Widget.update

def update(self, **params):
    if self._view is None or sys._getframe(1).f_code.co_name != "changed":
        return _update(self, **params)  # not a control move: leave it alone
    if _mode == "raise":
        raise RuntimeError("sabotaged widget callback (NNLESSONS_BROWSER_SABOTAGE=raise)")
    view, self._view = self._view, None
    try:
        return _update(self, **params)  # "freeze": compute and draw, but no new picture
    finally:
        self._view = view

base.Widget.update = update
"""


def http_get(url, token=None, method="GET", timeout=5):
    request = urllib.request.Request(url, method=method)
    if token:
        request.add_header("Authorization", f"token {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
        return response.status, body


def wait_until_up(url, process, log_path, timeout=90, token=None):
    """Poll ``url`` until it answers 200; fail early (with the log) if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with code {process.returncode}:\n{tail(log_path)}")
        try:
            if http_get(url, token)[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.3)
    raise RuntimeError(f"server did not answer {url} within {timeout} s:\n{tail(log_path)}")








class JupyterLab:
    """One JupyterLab server on 127.0.0.1 with a random port and token, serving a
    temporary copy of notebooks/pt and notebooks/en (the repo's files stay untouched)."""

    def __init__(self, tmp):
        self.tmp = Path(tmp)
        self.root = self.tmp / "root"
        for language in LANGUAGES:
            shutil.copytree(ROOT / "notebooks" / language, self.root / language)
        settings = self.tmp / "settings"
        # No virtual scrolling (every cell's outputs stay in the page), no autosave,
        # no news pop-up over the screenshots.
        for plugin, values in {
            "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
            "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
            "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
        }.items():
            path = settings / f"{plugin}.jupyterlab-settings"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values))
        (self.tmp / "workspaces").mkdir()
        self.port = free_port()
        self.token = os.urandom(16).hex()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = self.tmp / "jupyterlab.log"
        command = [
            venv_python(), "-m", "jupyterlab",
            "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}", "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={self.token}", "--ServerApp.open_browser=False",
            f"--ServerApp.root_dir={self.root}", "--expose-app-in-browser",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={self.tmp / 'workspaces'}",
            "--ServerApp.terminals_enabled=False",
        ]
        if os.geteuid() == 0:
            command.append("--allow-root")
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(command, cwd=self.tmp, env=isolated_env(self.tmp),
                                        stdout=self.log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True)
        try:
            wait_until_up(f"{self.base}/api/status", self.process, self.log_path, token=self.token)
        except Exception:
            self.stop()
            raise

    def url(self, path, workspace):
        return f"{self.base}/lab/workspaces/{workspace}/tree/{path}?token={self.token}"

    def shutdown_kernels(self):
        try:
            _, body = http_get(f"{self.base}/api/kernels", self.token)
            for kernel in json.loads(body):
                http_get(f"{self.base}/api/kernels/{kernel['id']}", self.token, method="DELETE", timeout=15)
        except (urllib.error.URLError, OSError, ValueError):
            pass

    def log_size(self):
        return self.log_path.stat().st_size

    def log_since(self, offset):
        with open(self.log_path, "rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

    def stop(self):
        if self.process.poll() is None:
            self.shutdown_kernels()
        stop_process_group(self.process, marker=self.tmp)
        self.log.close()


class Voila:
    """``make present LESSON=.. LANG=.. NO_BROWSER=1`` on a random free port: the very
    command a teacher runs. Stopped with its process group (and kernels) by ``stop``."""

    def __init__(self, tmp, notebook, language):
        self.tmp = Path(tmp)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = self.tmp / "voila.log"
        lesson = notebook.stem.split("_")[0]
        env = isolated_env(self.tmp)
        env["TMPDIR"] = str(self.tmp)  # Voilà's kernel connection files: ties kernels to tmp
        self.command = ["make", "--no-print-directory", "-C", str(ROOT), "present", f"LESSON={lesson}",
                        f"LANG={language}", "NO_BROWSER=1", f"PORT={self.port}"]
        self.log = open(self.log_path, "wb")
        self.process = subprocess.Popen(self.command, cwd=ROOT, env=env, stdout=self.log,
                                        stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                        start_new_session=True)
        try:
            self._wait_for_port()
        except Exception:
            self.stop()
            raise

    def _wait_for_port(self, timeout=120):
        # Only a TCP connect: a GET of "/" would run the whole notebook.
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"`{' '.join(self.command)}` exited with code "
                                   f"{self.process.returncode}:\n{tail(self.log_path)}")
            with socket.socket() as sock:
                sock.settimeout(1)
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.3)
        raise RuntimeError(f"Voilà did not listen on port {self.port} within {timeout} s:\n{tail(self.log_path)}")

    def stop(self):
        stop_process_group(self.process, marker=self.tmp)
        self.log.close()


# ---- the i18n catalogue ----------------------------------------------------------------

def catalogue():
    """``{"pt": {text: [keys]}, "en": {...}}`` of every registered string (its raw
    template), after importing every nnlessons module that registers strings."""
    import importlib
    import pkgutil

    import nnlessons
    from nnlessons import i18n

    for module in pkgutil.walk_packages(nnlessons.__path__, "nnlessons."):
        if module.name != "nnlessons.build":
            importlib.import_module(module.name)
    before = i18n.get_language()
    texts = {}
    try:
        for language in LANGUAGES:
            i18n.set_language(language)
            texts[language] = {}
            for key in i18n.registered_keys():
                texts[language].setdefault(normalise(i18n.tr(key)), []).append(key)
    finally:
        i18n.set_language(before)
    return texts


def normalise(text):
    return " ".join(text.replace("\u00a0", " ").split())


def label_problems(labels, language, texts):
    """Labels that are not the notebook language's text of an i18n key.

    Language-neutral labels (no letters: numbers, symbols, "3×3") pass; a label that is
    the other language's text is reported as such."""
    other = "en" if language == "pt" else "pt"
    problems = []
    for label in labels:
        text = normalise(label)
        if not text or not re.search(r"[^\W\d_]", text) or text in texts[language]:
            continue
        if text in texts[other]:
            keys = texts[other][text]
            problems.append(f"{label!r} is the {other!r} text of {keys[0]!r}; "
                            f"in {language!r} it should read {tr_in(keys[0], language)!r}")
        else:
            problems.append(f"{label!r} is not a registered i18n string (use tr(key))")
    return problems


def tr_in(key, language):
    from nnlessons import i18n

    before = i18n.get_language()
    try:
        i18n.set_language(language)
        return i18n.tr(key)
    finally:
        i18n.set_language(before)


# ---- text alternatives -----------------------------------------------------------------

#: Every picture in the scope's outputs: its ``alt`` (null when missing), whether a
#: widget shows it and, for a widget's picture, the text of the caption under it.
IMAGE_ALTS = r"""
(scope) => [...document.querySelector(scope).querySelectorAll('.jp-OutputArea-output img')].map(img => {
  const holder = img.closest('.widget-html');
  const caption = holder && holder.nextElementSibling;
  return {alt: img.getAttribute('alt'), widget: !!img.closest('.jupyter-widgets'),
          caption: caption ? caption.textContent : null};
})
"""


def alt_problems(images, language):
    """Pictures without a text alternative, or with one not in ``language``.

    Every ``alt`` starts as the notebook language's templates of ``plots/alt.py`` start
    ("Figure: …" / "Figura: …", "Explorer picture. …" / "Figura do painel interativo. …"), and
    a widget's is its caption, kept in sync: the template with the caption's text."""
    import nnlessons.plots.alt  # noqa: F401  (registers the alt.* texts)

    keys = ("alt.figure", "alt.figure_plain", "alt.explorer")
    starts = {lang: tuple(normalise(tr_in(key, lang).split("{")[0]) for key in keys) for lang in LANGUAGES}
    explorer = normalise(tr_in("alt.explorer", language))
    problems = []
    for image in images:
        alt = normalise(image["alt"] or "")
        what = "a widget's picture" if image["widget"] else "an output picture"
        if not alt:
            problems.append(f"{what} has no alt text")
        elif not alt.startswith(starts[language]):
            other = [lang for lang in LANGUAGES if lang != language and alt.startswith(starts[lang])]
            problems.append(f"{what}: alt {alt[:80]!r} is " + (f"in {other[0]!r}" if other else "not from plots/alt.py")
                            + f", the notebook is in {language!r}")
        elif image["widget"] and image["caption"] is not None:
            expected = normalise(explorer.replace("{caption}", normalise(image["caption"])))
            in_sync = expected.startswith(alt[:-1]) if alt.endswith("…") else alt == expected
            if not in_sync:
                problems.append(f"{what}: alt {alt[:80]!r} is not its caption {expected[:80]!r}")
    return problems


# ---- latency ---------------------------------------------------------------------------

def latency_target(lesson):
    """Median slider→picture target: 150 ms for lessons 00–07, 300 ms for the
    convolution and training lessons (08 on)."""
    return 150 if lesson is not None and lesson <= 7 else 300


def latency_table(rows):
    lines = [
        "# Slider → picture latency in JupyterLab and Voilà (headless Chromium)",
        "",
        "Time from the ArrowRight key press on a slider handle to the new `src` of the",
        "widget's picture, measured in the page (`performance.now()`, MutationObserver).",
        "Targets (reported, not asserted): median ≤ 150 ms for lessons 00–07, ≤ 300 ms",
        "for the training and convolution lessons.",
        "",
        "| lesson | language | widget | moves | median ms | max ms | target ms | within |",
        "|---|---|---|---:|---:|---:|---:|:---:|",
    ]
    for row in rows:
        samples = row["samples"]
        if samples:
            median, worst = statistics.median(samples), max(samples)
            target = latency_target(row["lesson_number"])
            lines.append(f"| {row['lesson']} | {row['language']} | {row['widget']} | {len(samples)} | "
                         f"{median:.0f} | {worst:.0f} | {target} | {'✓' if median <= target else '✗'} |")
        else:
            lines.append(f"| {row['lesson']} | {row['language']} | {row['widget']} | 0 | – | – | – | "
                         f"{row.get('note', 'no slider')} |")
    return "\n".join(lines) + "\n"


# ---- the page side -----------------------------------------------------------------------

#: Installed once per page: marks each widget view and control, records picture changes
#: (new img src, or an added img) per view and the time of each key press / click.
PAGE_TOOLS = r"""
() => {
  if (window.__nnl) return;
  const nnl = window.__nnl = {changes: [], inputs: [], commErrors: [], sent: [], handled: {}};
  const stamp = () => nnl.inputs.push(performance.now());
  document.addEventListener('keydown', stamp, true);
  document.addEventListener('mousedown', stamp, true);
  nnl.observe = (view) => {
    const id = view.dataset.nnlView;
    if (view.__nnlObserved) return;
    view.__nnlObserved = true;
    new MutationObserver((mutations) => {
      const t = performance.now();
      for (const m of mutations) {
        if (m.type === 'attributes' && m.target.tagName === 'IMG' && m.target.src) {
          nnl.changes.push([id, t]); return;
        }
        if (m.type === 'childList') {
          for (const n of m.addedNodes) {
            if (n.nodeType === 1 && (n.tagName === 'IMG' || n.querySelector('img'))) {
              nnl.changes.push([id, t]); return;
            }
          }
        }
      }
    }).observe(view, {subtree: true, childList: true, attributes: true, attributeFilter: ['src']});
  };
}
"""

RESET_PAGE_TOOLS = """() => { Object.assign(window.__nnl, {changes: [], inputs: [], commErrors: [], sent: [], handled: {}}); }"""

#: Widget views (outputs whose first child is a widget) and their controls, tagged with
#: data-nnl-view / data-nnl-control; returns a description of each for Python.
FIND_VIEWS = r"""
(scope) => {
  const root = scope ? document.querySelector(scope) : document;
  const views = [...root.querySelectorAll('.jp-OutputArea-output')]
    .filter(o => o.querySelector(':scope > .jupyter-widgets'));
  const text = (e) => e ? e.textContent.trim() : '';
  const panel = window.jupyterapp && window.jupyterapp.shell.currentWidget;
  const cells = (panel && panel.content && panel.content.widgets) || [];
  return views.map((view, i) => {
    view.dataset.nnlView = String(i);
    window.__nnl.observe(view);
    const controls = [];
    const add = (el, kind, description, options) => {
      if (el.dataset.nnlControl !== undefined) return;
      el.dataset.nnlControl = String(controls.length);
      controls.push({index: controls.length, kind, description, options: options || [],
                     hasMath: !!el.querySelector('mjx-container, .MathJax')});
    };
    const label = (el) => text(el.querySelector(':scope > label.widget-label'));
    for (const el of view.querySelectorAll(
        '.widget-slider, .widget-toggle-buttons, .widget-checkbox, .widget-dropdown, ' +
        '.widget-radio, .widget-radio-box, .widget-select, .widget-text, button.widget-button')) {
      if (el.matches('.widget-slider')) add(el, 'slider', label(el));
      else if (el.matches('.widget-toggle-buttons'))
        add(el, 'toggle-buttons', label(el), [...el.querySelectorAll('button')].map(text));
      else if (el.matches('.widget-checkbox'))
        add(el, 'checkbox', label(el) || text(el.querySelector('.widget-label-basic span')));
      else if (el.matches('.widget-dropdown, .widget-select'))
        add(el, 'select', label(el), [...el.querySelectorAll('option')].map(text));
      else if (el.matches('.widget-radio, .widget-radio-box')) {
        const box = el.closest('.widget-radio') || el;
        add(box, 'radio', label(box), [...box.querySelectorAll('label')].map(text).filter(Boolean));
      }
      else if (el.matches('.widget-text')) {
        if (el.querySelector('input[type=number]')) add(el, 'number', label(el));
      }
      else if (el.matches('button.widget-button')) add(el, 'button', text(el));
    }
    const cell = cells.findIndex(c => c.node.contains(view));
    return {view: i, cell, source: cell >= 0 ? cells[cell].model.sharedModel.getSource() : '',
            images: view.querySelectorAll('img').length, controls,
            error: /Error displaying widget|Error rendering/.test(view.textContent) ? text(view).slice(0, 300) : ''};
  });
}
"""

#: What a reader sees as the widget's picture: the img sources, or (a widget with no
#: image) its HTML and Output areas.
PICTURE = r"""
(id) => {
  const view = document.querySelector(`[data-nnl-view="${id}"]`);
  const imgs = [...view.querySelectorAll('img')];
  if (imgs.length) return imgs.map(i => i.src).join('|');
  return [...view.querySelectorAll('.widget-html-content, .widget-htmlmath-content, .widget-output')]
    .map(e => e.innerHTML).join('|');
}
"""

#: Errors in a JupyterLab notebook: stderr outputs with a traceback or an "...Error",
#: per cell (cells tagged raises-exception may show one on purpose).
NOTEBOOK_ERRORS = r"""
() => {
  const panel = window.jupyterapp.shell.currentWidget;
  const found = [];
  panel.content.widgets.forEach((cell, index) => {
    const tags = (cell.model.getMetadata && cell.model.getMetadata('tags')) || [];
    const source = cell.model.sharedModel.getSource();
    const expected = tags.includes('raises-exception') || /^\s*#\s*NBVAL_RAISES_EXCEPTION/m.test(source);
    for (const out of cell.node.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], ' +
        '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')) {
      found.push({cell: index, expected, text: out.textContent});
    }
    for (const out of cell.node.querySelectorAll('.jp-OutputArea-output')) {
      if (/^\s*Error displaying widget/.test(out.textContent))
        found.push({cell: index, expected: false, text: out.textContent});
    }
  });
  return found;
}
"""

PAGE_ERRORS = r"""
() => [...document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"], ' +
    '.jp-RenderedText[data-mime-type="application/vnd.jupyter.stderr"]')].map(e => e.textContent)
"""

KERNEL = "window.jupyterapp.shell.currentWidget.sessionContext.session.kernel"

#: Watch the kernel's messages: stderr or error output sent while handling a widget
#: message (a callback that raised) lands in JupyterLab's log console, not in a cell.
WATCH_COMM_ERRORS = r"""
() => {
  const kernel = """ + KERNEL + r""";
  const nnl = window.__nnl;
  kernel.anyMessage.connect((_, args) => {
    if (args.direction === 'send' && args.msg.header.msg_type === 'comm_msg')
      nnl.sent.push([performance.now(), args.msg.header.msg_id]);
  });
  kernel.iopubMessage.connect((_, msg) => {
    if (msg.header.msg_type === 'status' && msg.content.execution_state === 'idle' && msg.parent_header)
      nnl.handled[msg.parent_header.msg_id] = performance.now();
    const parent = msg.parent_header && msg.parent_header.msg_type;
    if (parent !== 'comm_msg') return;
    const type = msg.header.msg_type;
    if (type === 'error') window.__nnl.commErrors.push(msg.content.traceback.join('\n'));
    if (type === 'stream' && msg.content.name === 'stderr') window.__nnl.commErrors.push(msg.content.text);
  });
}
"""


def lab_log_problems(log):
    """Lines of the JupyterLab server log that say something broke: error-level records
    and tracebacks (a kernel's own stderr lands here too)."""
    return [line.strip() for line in log.splitlines()
            if line.startswith("[E ") or "Traceback (most recent call last)" in line]


def is_error_text(text):
    return bool(ERROR_WORDS.search(text))


def strip_ansi(text):
    return re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)


# ---- moving controls ------------------------------------------------------------------------

def control(page, view, index):
    return page.locator(f'[data-nnl-view="{view}"] [data-nnl-control="{index}"]')


def move(page, view, control_info, wait, kernel_status=False):
    """Move one control once. Returns ``(outcome, detail)``: outcome "changed" (a new
    picture that loads), "unchanged" or "broken" (a new picture that does not load);
    detail says what the reader sees.

    With ``kernel_status`` (JupyterLab, where WATCH_COMM_ERRORS also records the widget
    messages sent and when the kernel finished each) a move that changes nothing is
    known half a second after the kernel has handled its messages (2 s if it sent
    none); otherwise we wait MOVE_TIMEOUT."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    before = page.evaluate(PICTURE, str(view))
    element = control(page, view, control_info["index"])
    kind = control_info["kind"]
    page.evaluate("() => window.__nnl.inputs.push(performance.now())")
    if kind == "slider":
        handle = element.locator(".noUi-handle").first
        handle.press(slider_key(handle))
    elif kind == "toggle-buttons":
        element.locator("button:not(.mod-active)").first.click()
    elif kind == "checkbox":
        element.locator("input[type=checkbox]").click()
    elif kind == "select":
        select = element.locator("select")
        options = select.locator("option")
        current = select.evaluate("s => s.selectedIndex")
        select.select_option(index=1 if current == 0 and options.count() > 1 else 0)
    elif kind == "radio":
        element.locator("input[type=radio]:not(:checked)").first.click()
    elif kind == "number":
        field = element.locator("input[type=number]")
        field.press("ArrowUp")
        field.press("Enter")
    elif kind == "button":
        element.click()
    try:
        outcome = page.wait_for_function(
            "([view, before, useKernel]) => {"
            "  if ((" + PICTURE + ")(view) !== before) return 'changed';"
            "  if (!useKernel) return false;"
            "  const nnl = window.__nnl, input = nnl.inputs[nnl.inputs.length - 1], now = performance.now();"
            "  const sent = nnl.sent.filter(([t]) => t >= input);"
            "  if (!sent.length) return now - input > 2000 ? 'unchanged' : false;"
            "  const done = sent.map(([, id]) => nnl.handled[id]);"
            "  if (done.some(t => t === undefined)) return false;"
            "  return now - Math.max(...done) > 500 ? 'unchanged' : false;"
            "}", arg=[str(view), before, kernel_status], timeout=MOVE_TIMEOUT * 1000).json_value()
    except PlaywrightTimeout:
        outcome = "timeout"
    wait()
    if outcome == "unchanged":
        return "unchanged", f"the picture did not change (the kernel handled the move); {seen(page, view)}"
    if outcome == "timeout":
        return "unchanged", f"the picture did not change within {MOVE_TIMEOUT:.0f} s; {seen(page, view)}"
    try:
        page.wait_for_function(IMAGES_LOADED, arg=str(view), timeout=MOVE_TIMEOUT * 1000)
    except PlaywrightTimeout:
        return "broken", f"the new picture does not load (broken image?); {seen(page, view)}"
    return "changed", ""


IMAGES_LOADED = r"""
(id) => [...document.querySelector(`[data-nnl-view="${id}"]`).querySelectorAll('img')]
  .every(i => i.complete && i.naturalWidth > 0)
"""


def seen(page, view):
    """What the widget shows: its pictures' sizes and its caption (for failure messages)."""
    info = page.evaluate(r"""(id) => {
        const view = document.querySelector(`[data-nnl-view="${id}"]`);
        return {images: [...view.querySelectorAll('img')].map(i => `${i.naturalWidth}x${i.naturalHeight}`),
                caption: [...view.querySelectorAll('.widget-html-content')].map(e => e.textContent.trim())
                          .filter(Boolean).join(' / ')};
    }""", str(view))
    return f"images {info['images'] or 'none'}, caption {info['caption'][:300]!r}"


def slider_key(handle):
    now = float(handle.get_attribute("aria-valuenow"))
    high = float(handle.get_attribute("aria-valuemax"))
    return "ArrowLeft" if now >= high else "ArrowRight"


def time_slider(page, view, slider, wait, moves=None):
    """Milliseconds from each key press on the slider to the picture's change."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    handle = control(page, view, slider["index"]).locator(".noUi-handle").first
    samples = []
    for _ in range(moves or LATENCY_MOVES):
        count = page.evaluate("(v) => window.__nnl.changes.filter(c => c[0] === v).length", str(view))
        handle.press(slider_key(handle))
        try:
            page.wait_for_function("([v, n]) => window.__nnl.changes.filter(c => c[0] === v).length > n",
                                   arg=[str(view), count], timeout=MOVE_TIMEOUT * 1000)
        except PlaywrightTimeout:
            break
        samples.append(page.evaluate("""([v, n]) => {
            const change = window.__nnl.changes.filter(c => c[0] === v)[n][1];
            const pressed = window.__nnl.inputs.filter(t => t <= change);
            return change - pressed[pressed.length - 1];
        }""", [str(view), count]))
        wait()
        time.sleep(0.05)
    return samples
