"""Lesson 13's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.beyond import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG
from nnlessons.text import Vocabulary, pad_sequences


@pytest.fixture(params=["pt", "en"], autouse=True)
def language(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def conv_positions(n_tokens, kernel_size, stride):
    return (n_tokens - kernel_size) // stride + 1


@pytest.mark.parametrize("question, right", [
    (ex.q1, [0, 0, 2, 3, 4, 1, 5, 6]),
    (ex.q1, np.array([0, 0, 2, 3, 4, 1, 5, 6])),
    (ex.q2, 160_000),
    (ex.q3, 1.609),
    (ex.q3, -np.log(0.2)),
    (ex.q4, conv_positions),
])
def test_right_answers(question, right):
    assert question.evaluate(right).status == CORRECT


@pytest.mark.parametrize("sentence, tokens", [
    ("The film was really great!", ["<pad>", "<unk>", "the", "film", "was", "great", "!"]),
    ("O filme foi mesmo ótimo!", ["<pad>", "<unk>", "o", "filme", "foi", "ótimo", "!"]),
])
def test_q1_answer_is_what_the_library_computes_in_both_languages(sentence, tokens):
    row = pad_sequences([Vocabulary(tokens).encode(sentence)], 8, padding="pre")[0]
    assert ex.q1.evaluate(row).status == CORRECT


@pytest.mark.parametrize("question, wrong", [
    (ex.q1, [2, 3, 4, 1, 5, 6, 0, 0]),            # padded at the end
    (ex.q1, [0, 0, 0, 2, 3, 4, 5, 6]),            # dropped the unknown word
    (ex.q2, 160_032),                              # added biases
    (ex.q2, 5032),                                 # added instead of multiplying
    (ex.q3, 0.223),                                # used p instead of 1 − p
    (ex.q3, 0.699),                                # log10
    (ex.q4, lambda n, k, s: n - k),               # forgot the + 1
    (ex.q4, lambda n, k, s: n - k + 1),           # ignored the stride
])
def test_wrong_answers(question, wrong):
    assert question.evaluate(wrong).status == WRONG


def test_wrong_order_is_hinted(language):
    feedback = ex.q1.evaluate([0, 0, 6, 5, 1, 4, 3, 2])
    assert feedback.status == WRONG
    assert ("outra ordem" if language == "pt" else "another order") in feedback.message


def test_wrong_length_is_explained(language):
    feedback = ex.q1.evaluate([2, 3, 4, 1, 5, 6])
    assert feedback.status == WRONG
    assert ("formato" if language == "pt" else "shape") in feedback.message


def test_crashing_function_is_wrong_not_raised():
    feedback = ex.q4.evaluate(lambda n, k, s: n / 0)
    assert feedback.status == WRONG and "ZeroDivisionError" in feedback.message


@pytest.mark.parametrize("question, strange", [
    (ex.q1, "0 0 2 3 4 1 5 6"),
    (ex.q2, "160000"),
    (ex.q3, [1.6, 1.6]),
    (ex.q4, 9),
])
def test_malformed_answers(question, strange):
    assert question.evaluate(strange).status == MALFORMED


def test_unanswered():
    assert ex.q2.evaluate(None).status == UNANSWERED
    assert ex.q4.evaluate(lambda n, k, s: None).status == UNANSWERED


@pytest.mark.parametrize("question", [ex.q1, ex.q2, ex.q3, ex.q4])
def test_hint_and_solution_print(question, capsys, language):
    question.hint()
    question.solution()
    printed = capsys.readouterr().out
    assert ("Dica" if language == "pt" else "Hint") in printed
    assert ("Solução" if language == "pt" else "Solution") in printed
