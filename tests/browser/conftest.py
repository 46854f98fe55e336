"""The browser suite: every widget lesson live in JupyterLab (and one in Voilà), driven
by headless Chromium through Playwright.

It is slow and needs Debian's Chromium, so a plain ``pytest tests`` (and ``make test``'s
first pytest run) does not collect it. It runs when

- ``NNLESSONS_BROWSER=1`` is set (``make test-browser`` does that), or
- pytest is pointed at this folder or a file in it: ``pytest tests/browser``.

Environment knobs: ``NNLESSONS_CHROMIUM`` (default ``/usr/bin/chromium``),
``NNLESSONS_BROWSER_RUN_TIMEOUT`` (s per "run all cells", default 600),
``NNLESSONS_BROWSER_MOVE_TIMEOUT`` (s per control move, default 30),
``NNLESSONS_BROWSER_LATENCY_MOVES`` (timed slider moves per widget, default 5).
"""

import os
import tempfile
from pathlib import Path

import pytest

import browser_helpers as bh

HERE = Path(__file__).resolve().parent


def _asked_for(config):
    if os.environ.get("NNLESSONS_BROWSER") == "1":
        return True
    for arg in config.args:
        path = Path(arg.split("::")[0]).resolve()
        if path == HERE or HERE in path.parents:
            return True
    return False


def pytest_ignore_collect(collection_path, config):
    if collection_path.parent == HERE and collection_path.name.startswith("test_") and not _asked_for(config):
        return True
    return None


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(item.fspath).resolve().parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the whole run (Debian's: Playwright's download needs
    the internet)."""
    if not os.access(bh.CHROMIUM, os.X_OK):
        pytest.fail(f"no Chromium at {bh.CHROMIUM}: install it with `apt-get install -y chromium` "
                    "(or set NNLESSONS_CHROMIUM to another Chromium binary)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=bh.CHROMIUM, args=bh.CHROMIUM_ARGS,
                                             headless=True)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def lab():
    """One JupyterLab server for the whole run, on a temporary copy of the notebooks;
    always stopped (kernels included), also when a test fails."""
    with tempfile.TemporaryDirectory(prefix="nnlessons-lab-") as tmp:
        server = bh.JupyterLab(tmp)
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture
def page(chromium):
    """A fresh browser context and page per test (closed without 'leave page?' prompts)."""
    context = chromium.new_context(viewport={"width": 1280, "height": 1000}, device_scale_factor=1)
    context.set_default_timeout(60_000)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


def pytest_terminal_summary(terminalreporter):
    """Write build/browser-latency.md and print it at the end of the run."""
    if not bh.LATENCY:
        return
    table = bh.latency_table(bh.LATENCY)
    bh.LATENCY_REPORT.parent.mkdir(parents=True, exist_ok=True)
    bh.LATENCY_REPORT.write_text(table, encoding="utf-8")
    terminalreporter.write_sep("=", f"widget latency (also in {bh.LATENCY_REPORT.relative_to(bh.ROOT)})")
    terminalreporter.write_line(table)
