"""Lesson 04's explorers: activation values and slopes, and the hand-fitted sine network."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.data import sine_data
from nnlessons.lessons.activations.explorers import (FUNCTIONS, GOOD_SINE_FIT, LINE_MSE, WEIGHT_NAMES,
                                           ActivationExplorer, SineFitExplorer, activation_and_slope)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


#: f(x) and f′(x) written out by hand, with α = 0.3 for leaky ReLU and ELU.
ALPHA = 0.3
BY_HAND = {
    "step": (lambda x: float(x > 0), lambda x: 0.0),
    "linear": (lambda x: x, lambda x: 1.0),
    "sigmoid": (sigmoid, lambda x: sigmoid(x) * (1 - sigmoid(x))),
    "tanh": (np.tanh, lambda x: 1 - np.tanh(x) ** 2),
    "relu": (lambda x: max(0.0, x), lambda x: float(x > 0)),
    "leaky_relu": (lambda x: x if x > 0 else ALPHA * x, lambda x: 1.0 if x > 0 else ALPHA),
    "elu": (lambda x: x if x > 0 else ALPHA * (np.exp(x) - 1), lambda x: 1.0 if x > 0 else ALPHA * np.exp(x)),
}


@pytest.fixture(scope="module")
def explorer():
    return ActivationExplorer()


@pytest.fixture
def sine():
    return SineFitExplorer()


# ---- ActivationExplorer ---------------------------------------------------------------
def test_default_is_the_sigmoid_at_one(explorer):
    result = ActivationExplorer().result
    assert result["f"] == pytest.approx(0.7310585786)
    assert result["slope"] == pytest.approx(0.1966119332)


@pytest.mark.parametrize("name", list(FUNCTIONS))
@pytest.mark.parametrize("x0", [-2.5, -0.4, 0.0, 0.7, 3.0])
def test_value_and_slope_match_the_formulas(explorer, name, x0):
    result = explorer.update(function=name, alpha=ALPHA, x0=x0)
    f, slope = BY_HAND[name]
    assert result["f"] == pytest.approx(f(x0))
    assert result["slope"] == pytest.approx(slope(x0))


def test_curves_cover_the_range_and_include_x0(explorer):
    result = explorer.update(function="tanh", x_max=3.0, x0=1.0)
    assert result["x"][0] == -3.0 and result["x"][-1] == 3.0
    np.testing.assert_allclose(result["y"], np.tanh(result["x"]))
    np.testing.assert_allclose(result["dy"], 1 - np.tanh(result["x"]) ** 2)
    far = explorer.update(x_max=0.5, x0=-5.0)   # x0 outside ±x_max: the range widens to show it
    assert far["x"][0] == -5.0 and far["x"][-1] == 5.0


def test_activation_and_slope_uses_the_engine():
    f, slope = activation_and_slope("leaky_relu", np.array([-2.0, 3.0]), alpha=0.1)
    np.testing.assert_allclose(f, [-0.2, 3.0])
    np.testing.assert_allclose(slope, [0.1, 1.0])


@pytest.mark.parametrize("name", list(FUNCTIONS))
def test_extreme_controls_stay_finite_and_draw(explorer, name, is_png):
    for alpha, x_max, x0 in [(0.0, 20.0, -5.0), (2.0, 20.0, 5.0), (0.0, 0.5, 0.0), (2.0, 0.5, -5.0)]:
        result = explorer.update(function=name, alpha=alpha, x_max=x_max, x0=x0)
        assert np.isfinite(result["y"]).all() and np.isfinite(result["dy"]).all()
        assert is_png(explorer.png())


def test_captions_point_at_what_matters(explorer):
    explorer.update(function="step", x0=1.0)
    assert "no signal" in explorer.caption(explorer.result)
    explorer.update(function="sigmoid", x0=5.0)
    assert "Saturated" in explorer.caption(explorer.result)
    explorer.update(function="relu", x0=-1.0)
    assert "stops learning" in explorer.caption(explorer.result)
    explorer.update(function="leaky_relu", alpha=0.05, x0=-1.0)
    assert "α = 0.05" in explorer.caption(explorer.result)
    explorer.update(function="tanh", x0=0.0)
    caption = explorer.caption(explorer.result)
    assert "f(x₀) = <b>0</b>" in caption and "<b>1</b>" in caption


def test_caption_follows_the_language(explorer):
    i18n.set_language("pt")
    explorer.update(function="sigmoid", x0=-1.0)
    assert "inclinação f′(x₀) = <b>0,197</b>" in explorer.caption(explorer.result)
    assert "f(x₀) = <b>0,269</b>" in explorer.caption(explorer.result)


@pytest.mark.parametrize("change", [{"function": "softmax"}, {"alpha": 2.5}, {"x0": 6.0}, {"x_max": "big"}])
def test_bad_values_are_refused(explorer, change):
    with pytest.raises(ValueError):
        explorer.update(**change)


# ---- SineFitExplorer --------------------------------------------------------------------
def network(values, x):
    """ŷ = Σ v_i·ReLU(w_i·x + b_i) + c, written out by hand."""
    return sum(values[f"v{i}"] * np.maximum(0, values[f"w{i}"] * x + values[f"b{i}"]) for i in (1, 2, 3)) + values["c"]


def test_starts_with_the_ramp_of_neuron_one(sine):
    X, y = sine_data()
    result = sine.result
    np.testing.assert_allclose(result["output"], 4 * X[:, 0])
    assert result["mse"] == pytest.approx(np.mean((4 * X - y) ** 2))
    assert result["kinks"] == [0.0, 0.25, 0.75]
    assert sine.params["weights"] == "hand"


def test_the_triangle_of_the_lesson(sine):
    result = sine.update(v2=-2.0, v3=2.0)
    assert result["mse"] == pytest.approx(0.0227639, abs=1e-6)
    X = sine_data()[0][:, 0]
    np.testing.assert_allclose(result["parts"][:, 1], -2 * np.maximum(0, 4 * X - 1))


def test_random_sliders_agree_with_the_formula(sine):
    rng = np.random.default_rng(0)
    X, y = sine_data()
    for _ in range(5):
        values = {name: round(float(rng.uniform(-2, 2)), 2) for name in WEIGHT_NAMES}
        result = sine.update(**values)
        expected = network(values, X[:, 0])
        np.testing.assert_allclose(result["output"], expected)
        assert result["mse"] == pytest.approx(np.mean((expected - y[:, 0]) ** 2))


def test_good_fit_loads_and_a_moved_slider_means_by_hand(sine):
    good = sine.update(weights="good")
    assert good["mse"] < 0.004 < LINE_MSE
    assert all(sine.params[name] == value for name, value in GOOD_SINE_FIT.items())
    assert sorted(np.round(good["kinks"], 2)) == [0.18, 0.33, 0.73]
    same = sine.update(**sine.params)            # what show() sends when nothing moved
    assert sine.params["weights"] == "good" and same["mse"] == good["mse"]
    spoiled = sine.update(c=1.2)
    assert sine.params["weights"] == "hand" and spoiled["mse"] > good["mse"]
    again = sine.update(weights="good")
    assert again["mse"] == good["mse"] and sine.params["c"] == GOOD_SINE_FIT["c"]


def test_choosing_good_wins_over_old_slider_values_sent_with_it(sine):
    sent = dict(sine.params, weights="good")     # show() sends every control's value at once
    result = sine.update(**sent)
    assert result["mse"] < 0.004


def test_extreme_sliders_stay_finite_and_draw(sine, is_png):
    for corner in (-1, 1):
        values = {name: (8.0 if name[0] in "wb" else 3.0 if name[0] == "v" else 2.0) * corner
                  for name in WEIGHT_NAMES}
        result = sine.update(**values)
        assert np.isfinite(result["mse"])
        assert is_png(sine.png())
    flat = sine.update(w1=0.0, w2=0.0, w3=0.0)
    assert flat["kinks"] == []
    assert "none inside [0, 1]" in sine.caption(flat)


def test_sine_caption(sine):
    caption = sine.caption(sine.update(v2=-2.0, v3=2.0))
    assert "<b>0.0228</b>" in caption and "0.196" in caption and "0.00; 0.25; 0.75" in caption
    i18n.set_language("pt")
    assert "Dobras em x" in sine.caption(sine.result)


def test_weights_choice_is_checked(sine):
    with pytest.raises(ValueError, match="weights"):
        sine.update(weights="best")
    with pytest.raises(ValueError, match="v1"):
        sine.update(v1=5.0)
