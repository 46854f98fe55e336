"""Lesson 06's explorers: gradient descent on a loss curve and on a loss surface."""

import warnings

import numpy as np
import pytest

from nnlessons.data import taxi_rides
from nnlessons.lessons.gradient_descent.explorers import (CURVES, LossCurveExplorer, LossSurfaceExplorer,
                                                         gradient_descent, verdict)


# ---- the algorithm ------------------------------------------------------------------
def test_one_step_by_hand():
    """L = (w − 1)², w0 = −2, η = 0.1: L′(−2) = −6, so w1 = −2 + 0.6 = −1.4."""
    path, left_at = gradient_descent(lambda w: 2 * (w - 1), [-2.0], 0.1, 1, -10, 10)
    assert left_at is None
    np.testing.assert_allclose(path[:, 0], [-2.0, -1.4])


def test_each_step_multiplies_the_distance_by_one_minus_eta_curvature():
    """On (w − 1)² the distance to 1 is multiplied by (1 − 2η) at every step."""
    path, _ = gradient_descent(CURVES["parabola"].slope, [-2.0], 0.3, 10, -3.5, 5.5)
    np.testing.assert_allclose(path[:, 0] - 1, -3 * 0.4 ** np.arange(11))


def test_a_diverging_run_stops_when_it_leaves_the_box():
    """η = 1.05: factor −1.1, distance 3·1.1^k leaves [−3.5, 5.5] (4.5 from 1) at k = 5."""
    path, left_at = gradient_descent(CURVES["parabola"].slope, [-2.0], 1.05, 60, -3.5, 5.5)
    assert left_at == 5 and len(path) == 6
    assert np.all(np.isfinite(path))


def test_overflow_is_caught_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        path, left_at = gradient_descent(lambda w: 1e300 * w ** 3, [2.0], 1e10, 5, -1e308, 1e308)
    assert left_at == 1


def test_two_dimensions():
    """L = w1² + w2², η = 0.25: each step halves both coordinates."""
    path, left_at = gradient_descent(lambda t: 2 * t, [4.0, -2.0], 0.25, 3, [-5, -5], [5, 5])
    np.testing.assert_allclose(path, [[4, -2], [2, -1], [1, -0.5], [0.5, -0.25]])
    assert left_at is None


@pytest.mark.parametrize("path, left_at, expected", [
    ([[0.0]], None, "start"),
    ([[-2.0], [-1.0], [0.999]], None, "converged"),
    ([[3.0], [1.9]], None, "local"),
    ([[-2.0], [-1.9], [-1.8], [-1.7]], None, "slow"),
    ([[-2.0], [4.0], [-2.0], [4.0]], None, "overshoot"),
    ([[-2.0], [9.0]], 1, "diverged"),
])
def test_verdict(path, left_at, expected):
    minima = [np.array([-2.0]), np.array([1.0]), np.array([1.9])]
    assert verdict(np.array(path), left_at, minima, best=1) == expected


def test_tiny_wiggles_do_not_count_as_overshooting():
    path = np.array([[-1.0, 1e-5], [-0.9, -1e-5], [-0.8, 1e-5], [-0.7, -1e-5]])
    assert verdict(path, None, [np.zeros(2)], 0) == "slow"


def test_taxi_rides_are_reproducible():
    km, fare = taxi_rides()
    assert km.shape == fare.shape == (40,)
    np.testing.assert_allclose(taxi_rides()[1], fare)
    w, b = np.polyfit(km, fare, 1)
    assert abs(w - 2) < 0.2 and abs(b - 5) < 0.5


# ---- the explorers ------------------------------------------------------------------
@pytest.mark.parametrize("eta, expected", [(0.01, "slow"), (0.1, "converged"), (0.5, "converged"),
                                           (0.9, "converged"), (1.0, "overshoot"), (1.05, "diverged"),
                                           (1.2, "diverged")])
def test_curve_regimes(eta, expected):
    result = LossCurveExplorer().update(curve="parabola", learning_rate=eta, steps=30, start=-2.0)
    assert result["verdict"] == expected


def test_curve_numbers():
    result = LossCurveExplorer().update(curve="parabola", learning_rate=0.5, steps=3, start=-2.0)
    assert result["path"] == [-2.0, 1.0, 1.0, 1.0]
    assert result["losses"][:2] == [9.0, 0.0]
    assert result["diverged_at"] is None
    bounce = LossCurveExplorer().update(learning_rate=1.0, steps=4, start=-2.0)
    assert bounce["path"] == [-2.0, 4.0, -2.0, 4.0, -2.0]


def test_two_valleys_local_and_global():
    explorer = LossCurveExplorer()
    right = explorer.update(curve="two_valleys", learning_rate=0.1, steps=60, start=2.5)
    left = explorer.update(curve="two_valleys", learning_rate=0.1, steps=60, start=-2.5)
    assert right["verdict"] == "local" and abs(right["w"] - 1.8) < 0.1
    assert left["verdict"] == "converged" and abs(left["w"] + 2.14) < 0.05
    assert left["loss"] < right["loss"]


def test_surface_regimes():
    explorer = LossSurfaceExplorer()
    assert explorer.update(surface="bowl", learning_rate=0.5, steps=1)["w"] == [0.0, 0.0]
    crawl = explorer.update(surface="ravine", learning_rate=0.1, steps=20)
    np.testing.assert_allclose(crawl["w"], [-4.5 * 0.98 ** 20, 2.5 * 0.8 ** 20])
    assert crawl["verdict"] == "slow"
    assert explorer.update(surface="ravine", learning_rate=1.05, steps=30)["verdict"] == "diverged"
    assert explorer.update(surface="bowl", learning_rate=1.2, steps=30)["diverged_at"] == 1


@pytest.mark.parametrize("cls", [LossCurveExplorer, LossSurfaceExplorer])
def test_every_extreme_gives_a_picture_and_a_caption(cls, language, is_png):
    explorer = cls()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name, control in cls.controls.items():
            values = list(control.options) if hasattr(control, "options") else [control.low, control.high]
            for value in values:
                result = explorer.update(**{name: value})
                assert np.all(np.isfinite(result["path"]))
                assert is_png(explorer.png())
                assert explorer.caption(result)
        explorer.update(**{next(iter(cls.controls)): "parabola" if cls is LossCurveExplorer else "bowl"},
                        learning_rate=1.2, steps=60)
    caption = explorer.caption(explorer.result)
    assert ("Divergiu no passo" if language == "pt" else "Diverged at step") in caption


def test_zero_steps():
    result = LossCurveExplorer().update(steps=0)
    assert result["path"] == [-2.0] and result["verdict"] == "start"


def test_bad_values_are_refused():
    with pytest.raises(ValueError, match="learning_rate"):
        LossCurveExplorer().update(learning_rate=5.0)
    with pytest.raises(ValueError, match="surface"):
        LossSurfaceExplorer().update(surface="banana")
