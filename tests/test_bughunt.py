"""The find-the-bugs question kind (Lesson 18): it counts the bugs found, names every false
alarm (with why, when the question says), never tells which bugs are still hidden, and
reads a strange answer without raising."""

import pytest

from nnlessons import i18n
from nnlessons.exercises import BugHuntQuestion
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG

pytestmark = pytest.mark.usefixtures("language")

LISTING = """
x = load()
x = x / 255
model = build(x)
model.fit(x, x)
print(model)
"""

TEXTS = {"hint": {"en": "look", "pt": "olhe"}, "solution": {"en": "lines 3 and 4", "pt": "linhas 3 e 4"}}


@pytest.fixture
def question():
    return BugHuntQuestion("test_bughunt.toy", LISTING, bugs={"build": (3,), "fit": (4, 5)},
                           fine={2: {"en": "255 is the largest pixel.", "pt": "255 é o maior pixel."}}, **TEXTS)


def test_every_bug_and_nothing_else_is_right(question):
    assert question.evaluate([3, 4]).status == CORRECT
    assert question.evaluate({3, 5}).status == CORRECT          # either line of a bug finds it
    assert question.evaluate((3, 4, 5)).status == CORRECT       # both lines of one bug: no false alarm
    assert question.expected == [3, 4]


def test_a_partial_answer_is_counted_without_naming_what_is_missing(question, language):
    feedback = question.evaluate([4])
    assert feedback.status == WRONG
    assert {"en": "You found 1 of the 2 bugs.", "pt": "Você encontrou 1 dos 2 bugs."}[language] in feedback.message
    assert "3" not in feedback.message


def test_false_alarms_are_named_with_their_reason(question, language):
    feedback = question.evaluate([3, 4, 2, 1])
    assert feedback.status == WRONG
    expected = {"en": ["You found all 2 bugs, but", "Line 2 is fine: 255 is the largest pixel.", "Line 1 is fine."],
                "pt": ["Você encontrou os 2 bugs, mas", "A linha 2 está certa: 255 é o maior pixel.",
                       "A linha 1 está certa."]}[language]
    for text in expected:
        assert text in feedback.message


def test_several_unexplained_false_alarms_share_one_sentence(language):
    question = BugHuntQuestion("test_bughunt.plain", LISTING, bugs={"fit": (4,)}, **TEXTS)
    message = question.evaluate([4, 1, 5]).message
    assert {"en": "Lines 1, 5 are fine.", "pt": "As linhas 1, 5 estão certas."}[language] in message


@pytest.mark.parametrize("answer, words", [
    (None, None),
    ("3, 4", {"en": "without quotes", "pt": "sem aspas"}),
    ([3.0, 4.0], {"en": "list of whole numbers", "pt": "lista de números"}),
    ([3, True], {"en": "list of whole numbers", "pt": "lista de números"}),
    ([3, 9], {"en": "there is no line 9", "pt": "não existe a linha 9"}),
    (0, {"en": "lines 1 to 5", "pt": "linhas 1 a 5"}),
])
def test_strange_answers_are_read_not_raised(question, answer, words, language):
    feedback = question.evaluate(answer)
    if words is None:
        assert feedback.status == UNANSWERED
    else:
        assert feedback.status == MALFORMED and words[language] in feedback.message


def test_a_single_line_number_is_an_answer(question):
    assert question.evaluate(3).status == WRONG


def test_show_numbers_the_listing(question, capsys):
    question.show()
    assert capsys.readouterr().out.splitlines() == [
        "1  x = load()", "2  x = x / 255", "3  model = build(x)", "4  model.fit(x, x)", "5  print(model)"]


@pytest.mark.parametrize("bugs, fine, message", [
    ({"a": (9,)}, {}, "line 9 is not in the listing"),
    ({"a": (3,), "b": (3, 4)}, {}, "line 3 is named twice"),
    ({"a": (3,)}, {3: {"en": "x", "pt": "x"}}, "line 3 is named twice"),
])
def test_a_question_whose_lines_do_not_fit_its_listing_is_refused(bugs, fine, message):
    with pytest.raises(ValueError, match=message):
        BugHuntQuestion("test_bughunt.bad", LISTING, bugs=bugs, fine=fine, **TEXTS)


def test_feedback_follows_the_language(question):
    messages = {}
    for code in i18n.LANGUAGES:
        i18n.set_language(code)
        messages[code] = question.evaluate([1]).message
    assert messages["pt"] != messages["en"]
