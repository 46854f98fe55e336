"""Lesson 13's panels: one real digit and its augmented copies; the signal and the gradient,
layer by layer, in a deep network with or without BatchNorm."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.data import augment, load_digits, noisy_moons
from nnlessons.layers import BatchNorm, Dense
from nnlessons.lessons.augmentation_batchnorm.explorers import (AugmentationExplorer, SignalExplorer, deep_network,
                                                                first_of_each_digit)
from nnlessons.plots.style import format_number


@pytest.fixture(scope="module")
def explorer():
    return AugmentationExplorer()


def test_first_of_each_digit_is_the_first_image_of_each_class_scaled_to_one():
    images, labels = load_digits()
    digits = first_of_each_digit()
    assert digits.shape == (10, 8, 8) and digits.min() == 0.0 and digits.max() <= 1.0
    for d in (0, 4, 9):
        np.testing.assert_array_equal(digits[d], images[np.argmax(labels == d)] / 16)


def test_the_copies_are_augments_own_output(explorer):
    settings = {"max_shift": 2, "zoom": 0.2, "noise": 0.1, "flip": True, "seed": 7}
    result = explorer.update(digit=3, **settings)
    expected = augment(np.repeat(first_of_each_digit()[3][None], AugmentationExplorer.N_COPIES, axis=0), **settings)
    np.testing.assert_allclose(result["copies"], expected, atol=1e-4)


def test_without_any_change_every_copy_is_the_original(explorer):
    result = explorer.update(digit=5, max_shift=0, zoom=0.0, noise=0.0, flip=False, seed=0)
    assert result["in_place"] == AugmentationExplorer.N_COPIES
    assert result["ink"] == [1.0] * AugmentationExplorer.N_COPIES
    np.testing.assert_allclose(result["copies"], np.repeat(first_of_each_digit()[5][None], 12, axis=0), atol=1e-4)


def test_noise_changes_the_pixels_but_not_the_count_of_copies_in_place(explorer):
    """augment draws the noise last, so the same seed moves the same copies with or without it."""
    clean = explorer.update(digit=2, max_shift=1, zoom=0.0, noise=0.0, flip=False, seed=4)
    noisy = explorer.update(noise=0.3)
    assert noisy["in_place"] == clean["in_place"] and noisy["ink"] == clean["ink"]
    assert np.std(np.subtract(noisy["copies"], clean["copies"])) == pytest.approx(0.3, rel=0.15)


def test_bigger_shifts_push_ink_off_the_grid(explorer):
    kept = [min(explorer.update(digit=7, max_shift=s, zoom=0.0, noise=0.0, flip=False, seed=0)["ink"])
            for s in range(4)]
    assert kept[0] == 1.0 and kept[0] > kept[1] > kept[2] > kept[3]
    assert explorer.update(max_shift=1)["in_place"] < AugmentationExplorer.N_COPIES


def test_flip_mirrors_some_copies(explorer):
    result = explorer.update(digit=2, max_shift=0, zoom=0.0, noise=0.0, flip=True, seed=0)
    original = first_of_each_digit()[2]
    mirrored = [np.allclose(copy, original[:, ::-1]) for copy in result["copies"]]
    kept = [np.allclose(copy, original) for copy in result["copies"]]
    assert 0 < sum(mirrored) < AugmentationExplorer.N_COPIES and sum(mirrored) + sum(kept) == 12
    assert result["in_place"] == sum(kept)


def test_the_picture_shows_the_chosen_digit_and_its_copies(explorer):
    result = explorer.update(digit=6, max_shift=1, zoom=0.1, noise=0.0, flip=False, seed=2)
    np.testing.assert_array_equal(explorer.original.get_array(), first_of_each_digit()[6])
    mosaic = np.ma.filled(explorer.copies.get_array().astype(float), np.nan)
    np.testing.assert_allclose(mosaic[:8, :8], result["copies"][0])
    np.testing.assert_allclose(mosaic[9:17, 9:17], result["copies"][5])
    assert explorer.ax.get_title() == "the original 6"


def test_the_picture_changes_with_the_seed(explorer, is_png):
    explorer.update(digit=4, max_shift=2, seed=0)
    first = explorer.png()
    explorer.update(seed=1)
    second = explorer.png()
    assert is_png(first) and first != second


def test_caption_says_the_settings_the_count_and_warns_about_flips(language, explorer):
    result = explorer.update(digit=2, max_shift=1, zoom=0.15, noise=0.1, flip=False, seed=0)
    caption = explorer.caption(result)
    assert f"<b>{result['in_place']}</b>" in caption
    if language == "pt":
        assert "12 cópias de um 2 (deslocamento até 1 px, zoom ± 15%, ruído 0,10, semente 0)" in caption
        assert "Espelhamento" not in caption
        assert "Espelhamento ligado" in explorer.caption(explorer.update(flip=True))
    else:
        assert "12 copies of a 2 (shift up to 1 px, zoom ± 15%, noise 0.10, seed 0)" in caption
        assert "Flip is on" not in caption
        assert "Flip is on" in explorer.caption(explorer.update(flip=True))
    low, high = min(result["ink"]), max(result["ink"])
    assert i18n.number_text(f"{low:.0%} to {high:.0%}" if language == "en" else f"{low:.0%} a {high:.0%}") in caption


@pytest.mark.parametrize("setting, match", [
    ({"digit": 10}, "digit"),
    ({"max_shift": 4}, "max_shift"),
    ({"zoom": 0.5}, "zoom"),
    ({"noise": -0.1}, "noise"),
    ({"flip": "yes"}, "flip"),
    ({"seed": 2.5}, "seed"),
])
def test_bad_settings_are_refused_with_their_name(explorer, setting, match):
    with pytest.raises(ValueError, match=match):
        explorer.update(**setting)


@pytest.mark.parametrize("zoom", [0.15, 0.3, 0.45])
def test_every_step_of_the_zoom_slider_moves_pixels(explorer, zoom):
    """On an 8×8 grid a nearest-neighbour zoom of ±10% or less moves almost nothing, so the
    slider's steps are 0.15 apart: each one must change some copy."""
    still = explorer.update(digit=3, max_shift=0, zoom=0.0, noise=0.0, flip=False, seed=0)["copies"]
    zoomed = explorer.update(zoom=zoom)["copies"]
    assert not np.allclose(still, zoomed)


# ---- deep_network and the signal panel --------------------------------------------------
def test_deep_network_with_the_engines_scale_starts_like_the_engine():
    model = deep_network(depth=3, scale=0.01, batch_norm=True)
    dense = [layer for layer in model.layers if isinstance(layer, Dense)]
    assert len(dense) == 4 and sum(isinstance(layer, BatchNorm) for layer in model.layers) == 3
    for i, layer in enumerate(dense[:3]):
        np.testing.assert_array_equal(layer.weights, Dense(layer.n_inputs, 32, seed=i).weights)
    np.testing.assert_array_equal(dense[-1].weights, Dense(32, 2, seed=9).weights)
    assert not any(isinstance(layer, BatchNorm) for layer in deep_network(depth=2).layers)


def test_deep_network_scales_every_weight():
    small, big = deep_network(depth=2, scale=0.01), deep_network(depth=2, scale=1.0)
    for a, b in zip(small.trainable, big.trainable):
        np.testing.assert_allclose(b.weights, 100 * a.weights)


@pytest.fixture(scope="module")
def signal():
    return SignalExplorer()


def test_signal_numbers_match_an_independent_forward_and_backward(signal):
    result = signal.update(depth=4, scale=0.1, batch_norm=False)
    X, y = noisy_moons(40, seed=0)
    model = deep_network(depth=4, scale=0.1)
    h, stds = X, []
    for layer in model.layers[:-2]:
        h = layer.forward(h)
        if layer.params == ():
            stds.append(h.std())
    np.testing.assert_allclose(result["signal"], stds)
    p = model.layers[-1].forward(model.layers[-2].forward(h))
    assert result["loss"] == pytest.approx(-np.mean(np.log(p[np.arange(len(y)), y])))
    assert len(result["gradient"]) == 4 and all(g > 0 for g in result["gradient"])


def test_tiny_weights_make_the_signal_and_the_gradient_vanish(signal):
    result = signal.update(depth=8, scale=0.01, batch_norm=False)
    assert all(later < earlier / 10 for earlier, later in zip(result["signal"], result["signal"][1:]))
    assert result["signal"][-1] < 1e-11 and result["gradient"][0] < 1e-12
    assert result["loss"] == pytest.approx(np.log(2), abs=1e-3)


def test_big_weights_make_the_signal_explode(signal):
    result = signal.update(depth=8, scale=1.0, batch_norm=False)
    assert all(later > 2 * earlier for earlier, later in zip(result["signal"], result["signal"][1:]))


@pytest.mark.parametrize("scale", [0.01, 0.1, 0.25, 1.0])
def test_batch_norm_keeps_every_layers_signal_on_one_scale(signal, scale):
    """After BatchNorm each unit is ~N(0, 1) over the batch; a ReLU of that has std ≈ 0.58."""
    result = signal.update(depth=8, scale=scale, batch_norm=True)
    assert all(0.45 < value < 0.7 for value in result["signal"])
    assert result["gradient"][0] > 1e-2


def test_the_lines_show_the_numbers_and_the_caption_names_the_setting(language, signal):
    result = signal.update(depth=5, scale=0.25, batch_norm=True)
    layers, values = signal.lines[0].get_data()
    np.testing.assert_array_equal(layers, [1, 2, 3, 4, 5])
    np.testing.assert_allclose(values, result["signal"])
    np.testing.assert_allclose(signal.lines[1].get_data()[1], result["gradient"])
    caption = signal.caption(result)
    expected = ("5 camada(s) oculta(s), pesos 0,25·randn (He), com BatchNorm" if language == "pt"
                else "5 hidden layer(s), weights 0.25·randn (He), with BatchNorm")
    assert caption.startswith(expected)
    assert format_number(result["signal"][-1], ".1e") in caption


@pytest.mark.parametrize("scale", [0.01, 1.0])
def test_the_extreme_settings_stay_inside_the_fixed_axes(signal, scale):
    result = signal.update(depth=8, scale=scale, batch_norm=False)
    low, high = SignalExplorer.limits
    assert all(low < value < high for value in result["signal"] + result["gradient"])


@pytest.mark.parametrize("setting, match", [({"depth": 0}, "depth"), ({"depth": 9}, "depth"),
                                            ({"scale": 0.5}, "scale"), ({"batch_norm": 1}, "batch_norm")])
def test_bad_signal_settings_are_refused_with_their_name(signal, setting, match):
    with pytest.raises(ValueError, match=match):
        signal.update(**setting)
