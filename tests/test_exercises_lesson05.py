"""Lesson 05's exercises: right, wrong and malformed answers, in both languages."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.losses import exercises as ex
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG


@pytest.fixture(params=["pt", "en"])
def language(request):
    i18n.set_language(request.param)
    return request.param


def clipped_bce(p, y):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def unclipped_bce(p, y):
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def test_q1_rmse(language):
    assert ex.q1.evaluate(np.sqrt(3.5)).status == CORRECT
    assert ex.q1.evaluate(1.871).status == CORRECT
    for mse_or_mae in (3.5, 1.5):
        assert ex.q1.evaluate(mse_or_mae).status == WRONG
    assert ex.q1.evaluate([1.87]).status == CORRECT          # a one-element list is one number
    assert ex.q1.evaluate("1.87").status == MALFORMED
    assert ex.q1.evaluate(None).status == UNANSWERED


def test_q2_mean_categorical_cross_entropy(language):
    expected = -(np.log(0.7) + np.log(0.4) + np.log(0.9)) / 3
    assert ex.q2.evaluate(expected).status == CORRECT
    assert ex.q2.evaluate(0.4595).status == CORRECT
    largest = -np.mean(np.log(ex.PROBS.max(axis=1)))         # the largest probability, not the true one
    assert ex.q2.evaluate(largest).status == WRONG
    assert ex.q2.evaluate(-np.mean(np.log10([0.7, 0.4, 0.9]))).status == WRONG   # log10 instead of ln
    assert ex.q2.evaluate({"loss": 0.46}).status == MALFORMED


def test_q3_bce_needs_the_clip(language):
    assert ex.q3.evaluate(clipped_bce).status == CORRECT
    with np.errstate(divide="ignore", invalid="ignore"):
        feedback = ex.q3.evaluate(unclipped_bce)
    assert feedback.status == WRONG and "[0. 1.]" in feedback.message
    assert ex.q3.evaluate(lambda p, y: np.mean(p)).status == WRONG
    assert ex.q3.evaluate(clipped_bce(np.array([0.5]), np.array([1.0]))).status == MALFORMED
    assert ex.q3.evaluate(lambda p, y: None).status == UNANSWERED


def test_q4_robust_loss(language):
    assert ex.q4.evaluate("MAE").status == CORRECT
    assert ex.q4.evaluate(" mae ").status == CORRECT
    assert ex.q4.evaluate("RMSE").status == WRONG
    assert ex.q4.evaluate("MSE").status == WRONG
    assert ex.q4.evaluate("Huber").status == MALFORMED
    assert ex.q4.evaluate(2).status == MALFORMED


def test_hints_and_solutions_exist_in_both_languages(language, capsys):
    for question in (ex.q1, ex.q2, ex.q3, ex.q4):
        question.hint()
        question.solution()
    printed = capsys.readouterr().out
    assert printed.count("💡") == 4 and printed.count("📖") == 4
