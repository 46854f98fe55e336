"""The Portuguese notebooks write the decimal comma (issue 14): in prose and maths, and in
every printed Portuguese sentence. Python values (arrays, lists, dicts, code in backticks)
keep the point, since that is how Python writes and reads them. A point followed by exactly
three digits reads as the Portuguese thousands separator (16.384) and is allowed."""

import json
import re
from pathlib import Path

import pytest

import nnlessons.lessons
from nnlessons import i18n

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks" / "pt").glob("[0-9][0-9]_*.ipynb"))
DECIMAL_POINT = re.compile(r"(?<!\d)0\.\d|\d\.\d(?!\d{2}(?:\D|$))|\d\.\d{4}")
# What is code, not prose: fenced blocks, `inline code`, link targets, HTML comments.
CODE_IN_MARKDOWN = re.compile(r"```.*?```|`[^`\n]*`|\]\([^)]*\)|<!--.*?-->", re.S)
# Python values inside a printed line: [arrays and lists], {dicts}, 'strings', calls and
# reprs such as BatchNorm(momentum=0.9).
PYTHON_VALUES = re.compile(r"\[[^\]]*\]|\{[^}]*\}|'[^']*'|\w+\([^)]*\)")
# An exercise's feedback quotes the student's Python input as it came ("✏️ ... a entrada 0, 0.1, 1").
EXERCISE_FEEDBACK = "✏️"


def portuguese_words():
    """Words (4 letters or more) of the registered Portuguese strings that no English string uses:
    a printed line holding one of them is a Portuguese sentence."""
    nnlessons.lessons.import_all()
    words = {language: set() for language in i18n.LANGUAGES}
    for key in i18n.registered_keys():
        for language in i18n.LANGUAGES:
            text = re.sub(r"\{[^}]*\}", " ", i18n._strings[key][language])
            words[language] |= {word.lower() for word in re.findall(r"[^\W\d_]{4,}", text)}
    return words["pt"] - words["en"]


PORTUGUESE = portuguese_words()


def is_portuguese(line):
    return any(word.lower() in PORTUGUESE for word in re.findall(r"[^\W\d_]{4,}", line))


def stray_points(notebook):
    """(where, text) of every decimal point in the notebook's prose and Portuguese output."""
    found = []
    for index, cell in enumerate(json.loads(notebook.read_text(encoding="utf-8"))["cells"]):
        if cell["cell_type"] == "markdown":
            prose = CODE_IN_MARKDOWN.sub(" ", "".join(cell["source"]))
            found += [(f"cell {index} (markdown)", line) for line in prose.splitlines() if DECIMAL_POINT.search(line)]
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                for line in "".join(output["text"]).splitlines():
                    if (is_portuguese(line) and not line.startswith(EXERCISE_FEEDBACK)
                            and DECIMAL_POINT.search(PYTHON_VALUES.sub(" ", line))):
                        found.append((f"cell {index} (output)", line))
    return found


TEXT_WIDGETS = {"HTMLModel", "HTMLMathModel", "LabelModel"}
TAG = re.compile(r"<[^>]+>")


def stray_points_in_widgets(notebook):
    """(where, text) of every decimal point in the stored text of the notebook's widgets
    (an explorer's caption, a status line), tags and pictures taken out."""
    metadata = json.loads(notebook.read_text(encoding="utf-8"))["metadata"]
    state = metadata.get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {}).get("state", {})
    found = []
    for model in state.values():
        if model.get("model_name") in TEXT_WIDGETS:
            text = TAG.sub(" ", str(model["state"].get("value", "")))
            found += [("widget", line) for line in text.splitlines()
                      if is_portuguese(line) and DECIMAL_POINT.search(PYTHON_VALUES.sub(" ", line))]
    return found


def test_the_scan_knows_portuguese_words():
    assert {"perda", "acurácia", "treino"} <= PORTUGUESE and "loss" not in PORTUGUESE


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_portuguese_notebook_writes_the_decimal_comma(notebook):
    stray = stray_points(notebook)
    assert not stray, (f"{notebook.name}: decimal points in Portuguese text (write 0,5 in prose, $0{{,}}5$ in "
                       "maths; print through tr() or format_number): " + "; ".join(f"{w}: {t.strip()[:90]}" for w, t in stray))


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda path: path.stem)
def test_portuguese_widget_captions_write_the_decimal_comma(notebook):
    stray = stray_points_in_widgets(notebook)
    assert not stray, (f"{notebook.name}: decimal points in a widget's Portuguese caption (format the number with "
                       "tr() or format_number): " + "; ".join(t.strip()[:100] for _, t in stray))
