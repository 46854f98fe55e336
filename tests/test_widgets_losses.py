"""Lesson 05's explorers: five regression losses, and cross-entropy and hinge for one sample."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.losses import BinaryCrossEntropy, CategoricalCrossEntropy, Hinge
from nnlessons.lessons.losses.explorers import (TARGETS, ClassificationLossExplorer, RegressionLossExplorer,
                                      classification_losses, regression_losses)

CEILING = -np.log(1e-7)   # 16.118...


@pytest.fixture
def regression():
    return RegressionLossExplorer()


@pytest.fixture
def classification():
    return ClassificationLossExplorer()


# ---- regression ------------------------------------------------------------------------
def test_default_predictions_by_hand(regression):
    # errors 0.5, −0.8, 0.6, −0.5, 0: squares sum to 1.5, absolute values to 2.4
    result = regression.result
    assert result["MSE"] == pytest.approx(0.3)
    assert result["RMSE"] == pytest.approx(np.sqrt(0.3))
    assert result["MAE"] == pytest.approx(0.48)
    assert result["Huber"] == pytest.approx(0.15)          # every |e| ≤ δ = 1: half the MSE
    y_pred = np.array([3.5, 4.2, 2.6, 6.5, 4.0])
    assert result["log-MSE"] == pytest.approx(np.mean((np.log(1 + TARGETS) - np.log(1 + y_pred)) ** 2))
    assert result["share_squared"] == 0.0 and result["share_absolute"] == 0.0


def test_an_outlier_of_ten(regression):
    result = regression.update(outlier=10.0)
    assert result["MSE"] == pytest.approx((1.5 + 100) / 5)
    assert result["MAE"] == pytest.approx((2.4 + 10) / 5)
    assert result["Huber"] == pytest.approx((0.75 + 9.5) / 5)   # 10 − δ/2 = 9.5 for the outlier
    assert result["share_squared"] == pytest.approx(100 / 101.5)
    assert result["share_absolute"] == pytest.approx(10 / 12.4)
    caption = regression.caption(result)
    assert "99%" in caption and "81%" in caption


def test_huber_delta_moves_between_mae_and_half_mse(regression):
    small = regression.update(outlier=10.0, delta=0.1)
    assert small["Huber"] == pytest.approx(np.mean(0.1 * (np.abs(small["y_pred"] - TARGETS) - 0.05)))
    large = regression.update(delta=5.0)   # the outlier (10) is still beyond δ = 5
    errors = large["y_pred"] - TARGETS
    expected = np.where(np.abs(errors) <= 5, 0.5 * errors ** 2, 5 * (np.abs(errors) - 2.5))
    assert large["Huber"] == pytest.approx(expected.mean())


def test_perfect_predictions_cost_nothing(regression):
    result = regression.update(p1=3.0, p2=5.0, p3=2.0, p4=7.0, outlier=0.0)
    assert all(result[name] == 0 for name in ("MSE", "RMSE", "MAE", "Huber", "log-MSE"))
    assert result["share_squared"] == 0.0
    assert "Sample 5" not in regression.caption(result)


def test_extremes_stay_finite_and_draw(regression, is_png):
    for value, outlier, delta in [(0.0, 20.0, 0.1), (10.0, 20.0, 5.0), (0.0, 0.0, 5.0), (10.0, 0.0, 0.1)]:
        result = regression.update(p1=value, p2=value, p3=value, p4=value, outlier=outlier, delta=delta)
        assert all(np.isfinite(result[name]) for name in ("MSE", "RMSE", "MAE", "Huber", "log-MSE"))
        assert is_png(regression.png())


def test_regression_losses_helper_takes_plain_vectors():
    losses = regression_losses([1.0, 2.0], [1.0, 4.0], delta=1.0)
    assert losses == pytest.approx({"MSE": 2.0, "RMSE": np.sqrt(2.0), "MAE": 1.0, "Huber": 0.75,
                                    "log-MSE": (np.log(5) - np.log(3)) ** 2 / 2})


def test_regression_caption_in_portuguese(regression):
    i18n.set_language("pt")
    caption = regression.caption(regression.update(outlier=10.0))
    assert "A amostra 5 responde por 99%" in caption


# ---- classification --------------------------------------------------------------------
def engine_losses(p):
    """The engine's three losses for one sample whose true class gets probability p."""
    rest = (1 - p) / 2
    score = np.log(np.clip(p, 1e-7, 1 - 1e-7) / (1 - np.clip(p, 1e-7, 1 - 1e-7)))
    return (BinaryCrossEntropy().calculate([[p]], [[1.0]]),
            CategoricalCrossEntropy().calculate([[p, rest, rest]], [0]),
            Hinge().calculate([[score]], [[1.0]]))


@pytest.mark.parametrize("p", [0.0, 0.001, 0.3, 0.5, 0.7, 0.999, 1.0])
def test_clipped_losses_agree_with_the_engine(classification, p):
    result = classification.update(p=p, clip=True)
    bce, cce, hinge = engine_losses(p)
    assert result["BCE"] == pytest.approx(bce)
    assert result["CCE"] == pytest.approx(cce)
    assert result["hinge"] == pytest.approx(hinge)


def test_default_by_hand(classification):
    result = classification.result
    assert result["BCE"] == pytest.approx(-np.log(0.7))
    assert result["score"] == pytest.approx(np.log(0.7 / 0.3))
    assert result["hinge"] == pytest.approx(1 - np.log(0.7 / 0.3))
    assert result["binary_right"] and result["three_right"]


def test_zero_probability_with_and_without_clipping(classification, is_png):
    clipped = classification.update(p=0.0, clip=True)
    assert clipped["BCE"] == pytest.approx(CEILING) and clipped["hinge"] == pytest.approx(1 + CEILING)
    assert "clipped" in classification.caption(clipped)
    raw = classification.update(clip=False)
    assert raw["BCE"] == np.inf and raw["CCE"] == np.inf and raw["hinge"] == np.inf
    caption = classification.caption(raw)
    assert "= <b>∞</b>" in caption and "infinite" in caption
    assert is_png(classification.png())


def test_certainty_costs_nothing_without_clipping(classification):
    raw = classification.update(p=1.0, clip=False)
    assert raw["BCE"] == 0.0 and raw["hinge"] == 0.0 and not str(raw["BCE"]).startswith("-")
    clipped = classification.update(clip=True)
    assert clipped["BCE"] == pytest.approx(1e-7, rel=1e-3)
    assert "1 − 1e−7" in classification.caption(clipped)


def test_hinge_stops_at_the_margin(classification):
    # the score s = ln(p / (1 − p)) reaches the margin 1 at p = σ(1) ≈ 0.7311
    assert classification.update(p=0.731)["hinge"] > 0
    beyond = classification.update(p=0.732)
    assert beyond["hinge"] == 0 and beyond["BCE"] == pytest.approx(-np.log(0.732))


def test_decisions_differ_between_two_and_three_classes(classification):
    result = classification.update(p=0.4)
    assert not result["binary_right"] and result["three_right"]
    result = classification.update(p=0.3)
    assert not result["binary_right"] and not result["three_right"]
    caption = classification.caption(classification.update(p=0.4))
    assert "wrong with one sigmoid output" in caption and "right with 3 classes" in caption


def test_every_p_and_clip_draws(classification, is_png):
    for p in (0.0, 0.0005, 0.5, 0.999, 1.0):
        for clip in (True, False):
            classification.update(p=p, clip=clip)
            assert is_png(classification.png())


def test_classification_losses_without_clip_has_no_warnings():
    with np.errstate(all="raise"):
        losses = classification_losses(0.0, clip=False)
    assert losses["BCE"] == np.inf and losses["score"] == -np.inf


def test_classification_caption_in_portuguese(classification):
    i18n.set_language("pt")
    assert "é limitado a 1e-07" in classification.caption(classification.update(p=0.0, clip=True))
    assert "Ligue o limite" in classification.caption(classification.update(clip=False))


@pytest.mark.parametrize("change", [{"p": 1.5}, {"p": -0.1}, {"clip": "yes"}])
def test_bad_values_are_refused(classification, change):
    with pytest.raises(ValueError):
        classification.update(**change)
