"""Lesson 09's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.data import k_fold
from nnlessons.lessons.generalisation import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"], autouse=True)
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def contiguous_folds(n, k):
    fold = np.arange(n) * k // n
    return [np.flatnonzero(fold == i) for i in range(k)]


def engine_folds(n, k):
    return [val_index for _, val_index in k_fold(np.zeros(n), k=k, seed=0)]


def dealt_folds(n, k):
    return [list(range(i, n, k)) for i in range(k)]          # plain lists, round-robin


@pytest.mark.parametrize("question, right", [
    (ex.q1, 15),
    (ex.q2, "underfitting"),
    (ex.q2, "Subajuste"),
    (ex.q3, contiguous_folds),
    (ex.q3, engine_folds),
    (ex.q3, dealt_folds),
    (ex.q4, "teste"),
    (ex.q4, "TEST"),
])
def test_right_answers(question, right):
    assert question.evaluate(right).status == CORRECT


@pytest.mark.parametrize("question, wrong", [
    (ex.q1, 8),                                                     # added instead of multiplied
    (ex.q1, 16),                                                    # counted the final training
    (ex.q2, "overfitting"),
    (ex.q2, "bom ajuste"),
    (ex.q4, "validação"),
    (ex.q4, "training"),
])
def test_wrong_answers(question, wrong):
    assert question.evaluate(wrong).status == WRONG


@pytest.mark.parametrize("folds, says", [
    (lambda n, k: contiguous_folds(n, k)[:-1], {"pt": "partes", "en": "folds"}),             # k − 1 folds
    (lambda n, k: [np.arange(n)] * k, {"pt": "está em", "en": "is in"}),                      # every sample k times
    (lambda n, k: [np.arange(i * (n // k), (i + 1) * (n // k)) for i in range(k)],            # last samples lost
     {"pt": "0 partes", "en": "0 folds"}),
    (lambda n, k: [np.arange(1, n + 1)[i::k] for i in range(k)], {"pt": "índice", "en": "index"}),   # 1-based
    (lambda n, k: [np.arange(n)[: n - k + 1]] + [np.array([j]) for j in range(n - k + 1, n)],      # uneven
     {"pt": "tamanhos", "en": "sizes"}),
    (lambda n, k: [np.linspace(0, 1, 3)] * k, {"pt": "inteiros", "en": "whole-number"}),      # not indices
])
def test_wrong_folds_are_explained(folds, says, language):
    feedback = ex.q3.evaluate(folds)
    assert feedback.status == WRONG
    assert says[language] in feedback.message


def test_crashing_function_is_wrong_not_raised():
    feedback = ex.q3.evaluate(lambda n, k: 1 / 0)
    assert feedback.status == WRONG and "ZeroDivisionError" in feedback.message


@pytest.mark.parametrize("question, strange", [
    (ex.q1, "15"),
    (ex.q2, "a bit of both"),
    (ex.q2, 2),
    (ex.q3, [[0, 1], [2, 3]]),
    (ex.q4, ["test"]),
])
def test_malformed_answers(question, strange):
    assert question.evaluate(strange).status == MALFORMED


def test_unanswered():
    assert ex.q1.evaluate(None).status == UNANSWERED
    assert ex.q3.evaluate(lambda n, k: None).status == UNANSWERED


@pytest.mark.parametrize("question", [ex.q1, ex.q2, ex.q3, ex.q4])
def test_hint_and_solution_print(question, capsys, language):
    question.hint()
    question.solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed


def test_the_solution_of_q3_is_right():
    """The function printed by ex.q3.solution() passes the check."""
    code = i18n.tr("generalisation.q3.solution").split("\n\n")[1]
    namespace = {"np": np}
    exec(code, namespace)
    assert ex.q3.evaluate(namespace["k_fold_indices"]).status == CORRECT
