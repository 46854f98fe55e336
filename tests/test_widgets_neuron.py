"""Lesson 01's explorers: the line and step of one neuron, and the house-price neuron."""

import math

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.widgets import IntSlider, Slider
from nnlessons.lessons.neuron.explorers import (HousePriceExplorer, NeuronExplorer, house_data, neuron_output,
                                      signed)


@pytest.fixture(scope="module")
def neuron():
    return NeuronExplorer()


@pytest.fixture(scope="module")
def houses():
    return HousePriceExplorer()


def control_values(cls):
    """Low, middle and high value of every slider, one parameter at a time."""
    for name, control in cls.controls.items():
        assert isinstance(control, Slider) and not isinstance(control, IntSlider)
        for value in (control.low, (control.low + control.high) / 2, control.high):
            yield name, value


def test_neuron_output_is_the_weighted_sum():
    assert neuron_output([1.0, 2.0, 3.0], [0.2, 0.8, -0.5], 2.0) == pytest.approx(2.3)
    assert neuron_output([], [], 1.5) == 1.5


@pytest.mark.parametrize("w, b, x, z, fired, threshold", [
    (1.0, -1.0, 2.0, 1.0, 1, 1.0),
    (2.0, -4.0, 2.0, 0.0, 0, 2.0),        # exactly on the threshold: H(0) = 0
    (-1.0, 2.0, 2.5, -0.5, 0, 2.0),
    (0.1, -0.3, 3.0, 0.0, 0, 3.0),        # 0.1·3 − 0.3 is 5.6e-17 in floats: still 0
    (0.0, 1.5, -4.0, 1.5, 1, None),
    (0.0, 0.0, 0.0, 0.0, 0, None),
])
def test_neuron_explorer_hand_worked_values(neuron, w, b, x, z, fired, threshold):
    result = neuron.update(w=w, b=b, x=x)
    assert result["z"] == pytest.approx(z, abs=1e-12)
    assert result["fired"] == fired
    if threshold is None:
        assert result["threshold"] is None
    else:
        assert result["threshold"] == pytest.approx(threshold)


def test_neuron_explorer_draws_the_line_and_the_step(neuron):
    neuron.update(w=2.0, b=-1.0, x=1.0)
    xs, zs = neuron.line.get_data()
    assert np.allclose(zs, 2.0 * xs - 1.0)
    _, steps = neuron.step_line.get_data()
    assert np.array_equal(steps, (2.0 * xs - 1.0 > 0).astype(float))
    assert neuron.thresholds[0].get_visible() and neuron.thresholds[0].get_xdata()[0] == pytest.approx(0.5)


@pytest.mark.parametrize("w, b", [(0.0, 2.0), (0.1, 5.0), (-0.1, -5.0)])
def test_neuron_explorer_hides_a_threshold_off_the_plot(neuron, w, b):
    result = neuron.update(w=w, b=b, x=0.0)
    assert not neuron.thresholds[0].get_visible()
    assert neuron.caption(result)


@pytest.mark.parametrize("cls", [NeuronExplorer, HousePriceExplorer])
def test_every_control_low_middle_high_gives_a_picture(cls, is_png):
    widget = cls()
    for name, value in control_values(cls):
        result = widget.update(**{name: value})
        numbers = [v for v in result.values() if isinstance(v, float)]
        assert all(math.isfinite(v) for v in numbers)
        assert is_png(widget.png())
        assert widget.caption(result)


def test_neuron_caption_in_both_languages(neuron):
    result = neuron.update(w=-1.0, b=2.0, x=2.5)
    i18n.set_language("pt")
    pt = neuron.caption(result)
    i18n.set_language("en")
    en = neuron.caption(result)
    assert "degrau(z) = <b>0</b>" in pt and "x &lt;" not in pt and "x < 2,00" in pt
    assert "(−1,0)·2,5 + 2,0 = <b>−0,50</b>" in pt
    assert "step(z) = <b>0</b>" in en and "for every x < 2.00" in en
    assert "(−1.0)·2.5 + 2.0 = <b>−0.50</b>" in en


def test_neuron_caption_when_the_weight_is_zero(neuron):
    result = neuron.update(w=0.0, b=-1.0, x=3.0)
    assert "w = 0" in neuron.caption(result) and "always 0" in neuron.caption(result)


def test_signed_numbers_read_well_in_formulas():
    assert signed(2.0) == "2.0"
    assert signed(-1.5) == "(−1.5)"
    assert signed(-1.5, brackets=False) == "−1.5"
    assert signed(-0.001, 2) == "0.00"
    assert signed(20.0, 0) == "20"


def test_house_data_shapes_and_rough_rule():
    X, price = house_data()
    assert X.shape == (8, 2) and price.shape == (8,)
    assert np.abs(X @ [2.5, 20.0] + 40.0 - price).max() <= 10.0


def test_house_explorer_hand_worked_values(houses):
    result = houses.update(w_size=2.5, w_rooms=20.0, bias=40.0)
    assert result["predictions"] == pytest.approx([172.5, 230.0, 267.5, 325.0, 375.0, 445.0, 520.0, 640.0])
    assert result["mean_miss"] == pytest.approx(6.25)
    assert result["worst"] == 4
    offsets = houses.guesses.get_offsets()
    assert np.allclose(offsets[:, 1], result["predictions"])


def test_house_explorer_extremes_stay_in_view(houses):
    for params in ({"w_size": 5.0, "w_rooms": 100.0, "bias": 300.0},
                   {"w_size": 0.0, "w_rooms": -50.0, "bias": -200.0}):
        result = houses.update(**params)
        low, high = houses.ax.get_ylim()
        assert low <= min(result["predictions"]) and high >= max(result["predictions"])
    assert houses.update(w_size=0.0, w_rooms=-50.0, bias=-200.0)["predictions"][0] == pytest.approx(-250.0)


def test_house_caption_in_both_languages(houses):
    result = houses.update(w_size=2.5, w_rooms=-10.0, bias=40.0)
    i18n.set_language("pt")
    assert "quartos" in houses.caption(result) and "(−10)" in houses.caption(result)
    i18n.set_language("en")
    assert "rooms" in houses.caption(result) and "#" in houses.caption(result)


@pytest.mark.parametrize("bad", [{"w": 3.5}, {"b": "1"}, {"x": None}, {"slope": 1.0}])
def test_neuron_explorer_rejects_bad_values(neuron, bad):
    with pytest.raises(ValueError):
        neuron.update(**bad)
