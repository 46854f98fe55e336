"""`make present` shows a lesson as a clean page in Voilà: the prose and the widgets,
no code, no error, and moving a slider redraws the picture."""

import json
import tempfile
import time

import pytest

import browser_helpers as bh


def presented_lesson(language):
    """The lesson to present in ``language``: lesson 01 (the README's example) when it
    has a widget, else the first widget lesson."""
    lessons = [path for lang, path in bh.widget_notebooks() if lang == language]
    return next((path for path in lessons if bh.lesson_number(path) == 1), lessons[0] if lessons else None)


@pytest.fixture
def voila(request):
    notebook = presented_lesson(request.param)
    if notebook is None:
        pytest.skip(f"no widget lesson in notebooks/{request.param}")
    with tempfile.TemporaryDirectory(prefix="nnlessons-voila-") as tmp:
        server = bh.Voila(tmp, notebook, request.param)
        try:
            yield server, notebook, request.param
        finally:
            server.stop()


def code_lines_to_hide(notebook):
    """Distinctive lines of the notebook's code cells: lines that no markdown cell and no
    stored output also contains (those may legitimately show)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    shown = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            shown.append("".join(cell["source"]))
        for output in cell.get("outputs", []):
            shown.append("".join(output.get("text", "")) + "".join(output.get("data", {}).get("text/plain", "")))
    shown = "\n".join(shown)
    lines = []
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            for line in "".join(cell["source"]).splitlines():
                line = line.strip()
                if len(line) >= 12 and not line.startswith("#") and line not in shown:
                    lines.append(line)
    return lines


@pytest.mark.parametrize("voila", bh.LANGUAGES, indirect=True)
def test_make_present_shows_prose_and_live_widgets_without_code(voila, page):
    server, notebook, language = voila
    page.goto(server.base + "/", wait_until="domcontentloaded", timeout=bh.RUN_TIMEOUT * 1000)
    page.wait_for_function("() => document.readyState === 'complete' && "
                           "document.querySelector('.jp-OutputArea-output > .jupyter-widgets')",
                           timeout=bh.RUN_TIMEOUT * 1000)
    page.evaluate(bh.PAGE_TOOLS)
    time.sleep(1)  # let the last outputs and widget views settle
    views = page.evaluate(bh.FIND_VIEWS)
    problems = []

    # no code
    code_ui = page.evaluate("""() => document.querySelectorAll(
        '.jp-CodeCell .jp-InputArea, .jp-InputPrompt, .cm-editor, .jp-CodeMirrorEditor').length""")
    if code_ui:
        problems.append(f"{code_ui} code input area(s) are shown")
    text = page.evaluate("() => document.body.innerText")
    visible_code = [line for line in code_lines_to_hide(notebook) if line in text]
    if visible_code:
        problems.append(f"code is visible: {visible_code[:3]}")

    # the prose
    title = bh.first_heading(notebook)
    headings = [h.rstrip("¶").strip() for h in page.evaluate(
        "() => [...document.querySelectorAll('h1, h2')].map(h => h.textContent)")]
    if title not in headings:
        problems.append(f"the lesson title {title!r} is not among the page's headings {headings[:5]}")
    paragraphs = page.evaluate("() => document.querySelectorAll('.jp-RenderedMarkdown p').length")
    if paragraphs < 3:
        problems.append(f"only {paragraphs} paragraph(s) of prose on the page")

    # no error
    errors = [t for t in page.evaluate(bh.PAGE_ERRORS) if bh.is_error_text(t)]
    problems += [f"an output shows an error:\n{bh.strip_ansi(t)[-1500:]}" for t in errors]
    if "There was an error when executing cell" in text:
        problems.append("Voilà reports an error while executing a cell")

    # a widget whose slider redraws the picture
    sliders = [(view, c) for view in views for c in view["controls"] if c["kind"] == "slider"]
    if not sliders:
        problems.append(f"no widget with a slider on the page ({len(views)} widget view(s))")
    else:
        view, slider = sliders[0]
        settle = lambda: time.sleep(0.3)  # noqa: E731  (Voilà has no notebook kernel status)
        outcome, detail = bh.move(page, view["view"], slider, wait=settle)
        if outcome != "changed":
            problems.append(f"moving the slider {slider['description']!r}: {detail}")
        samples = bh.time_slider(page, view["view"], slider, wait=settle)
        bh.LATENCY.append({"lesson": notebook.stem, "lesson_number": bh.lesson_number(notebook),
                           "language": language, "widget": f"Voilà (make present), widget {view['view']}",
                           "samples": samples})
        page.locator(f'[data-nnl-view="{view["view"]}"]').scroll_into_view_if_needed()
    bh.SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=bh.SCREENSHOTS / f"present-{notebook.stem}-{language}.png")
    page.evaluate("() => document.querySelector('h1, h2, .jp-Cell').scrollIntoView()")
    page.screenshot(path=bh.SCREENSHOTS / f"present-{notebook.stem}-{language}-top.png")
    assert not problems, f"make present LESSON={notebook.stem[:2]} LANG={language}:\n- " + "\n- ".join(problems)
