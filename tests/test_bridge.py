"""Lesson 18 (bridge) shows Keras and PyTorch code without running it, so what can be checked
is checked here: every nnlessons call its map names exists, with those parameter names and
those defaults; the code it shows is valid Python; each find-the-bugs question points at the
lines that hold its bugs."""

import ast
import inspect
import re
from pathlib import Path

import pytest

import nnlessons
import nnlessons.model
from nnlessons import i18n
from nnlessons.lessons.bridge import exercises as ex

SOURCE = (Path(__file__).resolve().parents[1] / "notebooks" / "lessons" / "18_bridge.md").read_text(encoding="utf-8")


def language_cells(language):
    """The markdown cells of one language, joined."""
    cells = re.split(r'^\+\+\+ \{"lang": "(pt|en)"\}$', SOURCE, flags=re.M)
    return "\n".join(text.split("```{code-cell}")[0] for lang, text in zip(cells[1::2], cells[2::2])
                     if lang == language)


def map_calls(language):
    """Every `...` of the first column of the tables headed "nnlessons"."""
    calls, in_map = [], False
    for line in language_cells(language).splitlines():
        if not line.startswith("|"):
            in_map = False
            continue
        first = line.split("|")[1].strip()
        if first.startswith("nnlessons"):
            in_map = True
        elif in_map and not first.startswith("---"):
            calls += re.findall(r"`([^`]+)`", first)
    return calls


def resolve(dotted):
    """The engine object a dotted name such as ``Model.fit`` names (nnlessons or nnlessons.model)."""
    first, *rest = dotted.split(".")
    found = getattr(nnlessons, first, None) or getattr(nnlessons.model, first)
    for name in rest:
        found = getattr(found, name)
    return found


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_map_names_the_same_calls_in_both_languages(language):
    assert map_calls(language) == map_calls("en")
    assert len(map_calls(language)) > 30


@pytest.mark.parametrize("text", map_calls("en"))
def test_every_nnlessons_call_of_the_map_exists_with_its_parameters_and_defaults(text):
    call = ast.parse(text, mode="eval").body
    target = resolve(ast.unparse(call.func if isinstance(call, ast.Call) else call))
    if not isinstance(call, ast.Call):
        return
    parameters = inspect.signature(target).parameters
    for argument in call.args:
        if isinstance(argument, ast.Name):
            assert argument.id in parameters, f"{text}: {target.__qualname__} has no parameter {argument.id}"
    for keyword in call.keywords:
        assert keyword.arg in parameters, f"{text}: {target.__qualname__} has no parameter {keyword.arg}"
        try:
            value = ast.literal_eval(keyword.value)
        except ValueError:           # a name such as lam or patience: not a claim about the default
            continue
        assert parameters[keyword.arg].default == value, \
            f"{text}: the default of {keyword.arg} is {parameters[keyword.arg].default!r}, not {value!r}"


@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_code_the_lesson_shows_is_python(language):
    blocks = re.findall(r"```python\n(.*?)```", language_cells(language), flags=re.S)
    assert len(blocks) == 2
    for block in blocks:
        ast.parse(block)


BUG_LINES = {
    ex.q1: {"unscaled": "x_train.reshape", "softmax_hidden": 'Dense(64, activation="softmax")',
            "two_softmax_bce": 'Dense(2, activation="softmax")', "from_logits": "from_logits=True",
            "accuracy_kind": '"categorical_accuracy"', "validate_on_train": "validation_data=(x_train, y_train)"},
    ex.q2: {"softmax_before_loss": "nn.Softmax(dim=1)", "no_zero_grad": "for images, labels in train_loader",
            "no_eval": "with torch.no_grad()"},
}


@pytest.mark.parametrize("question", list(BUG_LINES), ids=lambda question: question.key)
def test_each_bug_points_at_its_code(question):
    assert sorted(question.bugs) == sorted(BUG_LINES[question])
    for name, code in BUG_LINES[question].items():
        assert code in question.lines[question.bugs[name][0] - 1], (name, question.lines[question.bugs[name][0] - 1])
    ast.parse("\n".join(question.lines))


@pytest.mark.parametrize("question", list(BUG_LINES), ids=lambda question: question.key)
@pytest.mark.parametrize("language", ["pt", "en"])
def test_the_solution_names_every_bug_line(question, language):
    i18n.set_language(language)
    first_line = i18n.tr(f"{question.key}.solution").splitlines()[0]
    assert all(re.search(rf"\b{lines[0]}\b", first_line) for lines in question.bugs.values()), first_line
