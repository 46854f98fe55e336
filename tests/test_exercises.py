"""Self-checking exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons.exercises import (ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion,
                                 compare_values)
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG

TEXTS = {
    "hint": {"en": "look at the rows", "pt": "olhe as linhas"},
    "solution": {"en": "it is 4", "pt": "é 4"},
    "right": {"en": "rows are samples", "pt": "linhas são amostras"},
    "wrong": {"en": "count the rows", "pt": "conte as linhas"},
}


def number():
    return NumberQuestion("test.q", 4, atol=0.01, **TEXTS)


def array():
    return ArrayQuestion("test.q", [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], **TEXTS)


def choice():
    return ChoiceQuestion("test.q", {
        "classification": {"en": "classification", "pt": "classificação"},
        "regression": {"en": "regression", "pt": "regressão"},
    }, expected="regression", **TEXTS)


def function():
    return FunctionQuestion("test.q", lambda x: 2 * x, cases=[0.0, 1.5, -3.0], **TEXTS)


# ---- every kind: unanswered, printed feedback, hint and solution --------------------
@pytest.mark.parametrize("make", [number, array, choice, function])
def test_none_means_not_answered_yet(make, language, capsys):
    feedback = make().check(None)
    assert feedback.status == UNANSWERED and not feedback
    printed = capsys.readouterr().out
    assert printed.strip() == feedback.message
    assert ("troque None" if language == "pt" else "replace None") in printed
    assert "ex.q.hint()" in printed


def test_hint_and_solution_print_in_the_lesson_language(language, capsys):
    question = number()
    question.hint()
    question.solution()
    printed = capsys.readouterr().out
    if language == "pt":
        assert "Dica: olhe as linhas" in printed and "Solução: é 4" in printed
    else:
        assert "Hint: look at the rows" in printed and "Solution: it is 4" in printed


def test_right_and_wrong_explain_why(language):
    right, wrong = number().evaluate(4), number().evaluate(5)
    assert right and right.status == CORRECT
    assert ("linhas são amostras" if language == "pt" else "rows are samples") in right.message
    assert not wrong and wrong.status == WRONG
    assert ("conte as linhas" if language == "pt" else "count the rows") in wrong.message


def test_feedback_shows_nothing_more_in_a_notebook():
    assert number().evaluate(4)._ipython_display_() is None


# ---- numbers ---------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [4, 4.0, 4.009, np.float32(4), np.int64(4), np.array(4.0), [4.0]])
def test_number_right_within_tolerance(answer):
    assert number().evaluate(answer)


def test_number_wrong_says_too_large_or_too_small(language):
    high, low = number().evaluate(4.5), number().evaluate(3)
    assert high.status == low.status == WRONG
    assert ("grande demais" if language == "pt" else "too large") in high.message
    assert ("pequeno demais" if language == "pt" else "too small") in low.message
    assert ("4,5" if language == "pt" else "4.5") in high.message     # a number in a sentence follows the language


def test_number_nan_is_wrong_not_a_crash():
    assert number().evaluate(float("nan")).status == WRONG


@pytest.mark.parametrize("answer, fragment_pt, fragment_en", [
    ("4", "sem as aspas", "without the quotes"),
    ("four", "Esperava um número", "Expected a number"),
    (True, "sim/não", "yes/no"),
    ([1, 2], "único número", "single number"),
    ({"a": 1}, "Esperava um número", "Expected a number"),
    (1 + 2j, "Não consegui ler", "could not read"),
])
def test_number_malformed_answers_get_a_friendly_message(answer, fragment_pt, fragment_en, language):
    feedback = number().evaluate(answer)
    assert feedback.status == MALFORMED
    assert (fragment_pt if language == "pt" else fragment_en) in feedback.message


class Unreadable:
    """An answer whose conversion to a number raises something no check expects."""

    def __float__(self):
        raise RuntimeError("no number here")

    def __repr__(self):
        return "<Unreadable>"


def test_an_answer_that_raises_while_read_is_described_in_a_sentence_of_its_own(language):
    feedback = number().evaluate(Unreadable())
    assert feedback.status == MALFORMED
    assert feedback.message == {
        "en": "⚠️ I could not read this answer. It is a value of type Unreadable: <Unreadable>, and reading it "
              "raised RuntimeError: no number here",
        "pt": "⚠️ Não consegui ler esta resposta. É um valor do tipo Unreadable: <Unreadable>, e ler isso "
              "levantou RuntimeError: no number here"}[language]


# ---- arrays ----------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [[[1, 2, 3], [4, 5, 6]], ((1, 2, 3), (4, 5, 6)),
                                    np.array([[1, 2, 3], [4, 5, 6]], dtype=np.float32) + 1e-9])
def test_array_right(answer):
    assert array().evaluate(answer)


def test_array_wrong_shape_names_both_shapes_and_the_transpose(language):
    feedback = array().evaluate(np.arange(1, 7.0).reshape(3, 2))
    assert feedback.status == WRONG
    assert "(3, 2)" in feedback.message and "(2, 3)" in feedback.message
    assert ".T" in feedback.message


def test_array_wrong_values_point_at_the_first_bad_entry(language):
    feedback = array().evaluate([[1, 2, 3], [4, 50, 6]])
    assert feedback.status == WRONG
    assert "(1, 1)" in feedback.message and "50" in feedback.message
    assert ("1 de 6" if language == "pt" else "1 of 6") in feedback.message


def test_array_same_numbers_in_another_order(language):
    feedback = ArrayQuestion("test.q", (250, 4), **TEXTS).evaluate((4, 250))
    assert ("outra ordem" if language == "pt" else "another order") in feedback.message


@pytest.mark.parametrize("answer", ["250x4", [[1, 2, 3], [4, 5]], {"rows": 2}, ["a", "b"], print])
def test_array_malformed(answer, language):
    feedback = array().evaluate(answer)
    assert feedback.status == MALFORMED
    assert ("Não consegui ler" if language == "pt" else "could not read") in feedback.message


# ---- choices ---------------------------------------------------------------------------
@pytest.mark.parametrize("answer", ["regression", "regressão", "Regressao", "  REGRESSÃO "])
def test_choice_accepts_both_languages_any_case_and_accents(answer):
    assert choice().evaluate(answer)


def test_choice_wrong_option_is_named_in_the_lesson_language(language):
    feedback = choice().evaluate("classification")
    assert feedback.status == WRONG
    assert ("'classificação'" if language == "pt" else "'classification'") in feedback.message


@pytest.mark.parametrize("answer", ["banana", 1, ["regression"]])
def test_choice_malformed_lists_the_options(answer, language):
    feedback = choice().evaluate(answer)
    assert feedback.status == MALFORMED
    assert ("'regressão'" if language == "pt" else "'regression'") in feedback.message


def test_choice_expected_must_be_an_option():
    with pytest.raises(ValueError, match="not among the options"):
        ChoiceQuestion("test.bad", {"a": {"en": "a", "pt": "a"}}, expected="b", **TEXTS)


# ---- functions ---------------------------------------------------------------------------
def test_function_right():
    assert function().evaluate(lambda x: x + x)


def test_function_wrong_names_the_input(language):
    feedback = function().evaluate(lambda x: x * x)
    assert feedback.status == WRONG
    assert "1.5" in feedback.message and "2.25" in feedback.message


def test_function_that_raises_is_wrong_without_a_traceback(language):
    feedback = function().evaluate(lambda x: 1 / 0)
    assert feedback.status == WRONG
    assert "ZeroDivisionError" in feedback.message and "Traceback" not in feedback.message


def test_function_returning_none_is_not_answered_yet(language):
    def unfinished(x):
        pass
    feedback = function().evaluate(unfinished)
    assert feedback.status == UNANSWERED
    assert "return" in feedback.message


def test_function_returning_text_is_reported(language):
    feedback = function().evaluate(lambda x: "two x")
    assert feedback.status == WRONG
    assert "'two x'" in feedback.message


@pytest.mark.parametrize("answer", [4, "f", 2 * 1.5])
def test_function_malformed_when_not_callable(answer, language):
    feedback = function().evaluate(answer)
    assert feedback.status == MALFORMED
    assert "check(" in feedback.message


def test_compare_values_handles_numbers_arrays_and_others():
    assert compare_values(1.0 + 1e-12, 1)[0]
    assert compare_values([1, 2], np.array([1.0, 2.0]))[0]
    assert compare_values("a", "a")[0]
    assert not compare_values("a", "b")[0]


@pytest.mark.parametrize("make", [number, array, choice, function])
@pytest.mark.parametrize("answer", [object(), np.array(["x"]), float("inf"), [None], b"4", Ellipsis, type])
def test_no_answer_ever_raises(make, answer):
    feedback = make().evaluate(answer)
    assert feedback.status in (CORRECT, WRONG, MALFORMED, UNANSWERED)
    assert feedback.message


def test_a_function_question_can_bring_its_own_compare(language):
    """``compare(got, expected, args)`` decides each case: here any even multiple is right."""
    def even_multiple(got, expected, args):
        return "" if got % (2 * args[0]) == 0 else "not an even multiple"

    question = FunctionQuestion("test.q", lambda x: 2 * x, cases=[1, 3], compare=even_multiple, **TEXTS)
    assert question.evaluate(lambda x: 4 * x).status == CORRECT
    feedback = question.evaluate(lambda x: 3 * x)
    assert feedback.status == WRONG and "not an even multiple" in feedback.message


def test_a_question_needs_its_hint_and_solution():
    with pytest.raises(TypeError, match="hint"):
        NumberQuestion("test.q", 4)
    with pytest.raises(ValueError, match="pt"):
        NumberQuestion("test.untranslated", 4, hint={"en": "a"}, solution={"en": "b", "pt": "c"})
