"""Lesson 15's tools and feature-map viewer: shifts, the split, the trained CNN, the viewer."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.activations import ReLU, Softmax
from nnlessons.layers import AvgPool2D, Conv2D, Dense, Flatten, MaxPool2D
from nnlessons.losses import CategoricalCrossEntropy
from nnlessons.model import Model
from nnlessons.lessons.cnn import explorers as featuremaps
from nnlessons.lessons.cnn.explorers import (FeatureMapViewer, digits_cnn, digits_split, feature_maps, lenet_layers,
                                           shift_images)


def small_model():
    """An untrained two-block CNN for 8×8 digits: fast, and enough to test the plumbing."""
    return Model([Conv2D(1, 2, 3, padding="same", seed=0), ReLU(), MaxPool2D(2),
                  Conv2D(2, 3, 3, padding="same", seed=1), ReLU(), AvgPool2D(2),
                  Flatten(), Dense(12, 10, seed=2), Softmax()], CategoricalCrossEntropy())


@pytest.fixture(scope="module")
def digits():
    rng = np.random.default_rng(0)
    return rng.random((5, 1, 8, 8)), np.array([3, 1, 4, 1, 5])


# ---- shift_images ----------------------------------------------------------------------------
def test_shift_by_hand():
    image = np.arange(1.0, 10.0).reshape(3, 3)
    assert np.array_equal(shift_images(image, 0, 1), [[0, 1, 2], [0, 4, 5], [0, 7, 8]])
    assert np.array_equal(shift_images(image, -1, 0), [[4, 5, 6], [7, 8, 9], [0, 0, 0]])
    assert np.array_equal(shift_images(image, 1, -1), [[0, 0, 0], [2, 3, 0], [5, 6, 0]])
    assert np.array_equal(shift_images(image, 0, 0), image)
    assert not shift_images(image, 0, 3).any() and not shift_images(image, -5, 0).any()


def test_shift_keeps_the_batch_and_channel_axes():
    batch = np.random.default_rng(1).random((4, 2, 8, 8))
    moved = shift_images(batch, 2, -1)
    assert moved.shape == batch.shape
    assert np.array_equal(moved[:, :, 2:, :-1], batch[:, :, :-2, 1:])


# ---- the split and the layers ------------------------------------------------------------------
def test_digits_split_is_stratified_nchw_in_unit_range():
    X_train, X_test, y_train, y_test = digits_split()
    assert X_train.shape == (1438, 1, 8, 8) and X_test.shape == (359, 1, 8, 8)
    assert 0.0 <= X_train.min() and X_train.max() <= 1.0
    assert np.bincount(y_test).min() >= 35
    assert FeatureMapViewer.controls["index"].high == len(y_test) - 1


def test_lenet_shapes_and_parameter_count():
    out = np.zeros((1, 1, 8, 8))
    layers = lenet_layers()
    for layer in layers:
        out = layer.forward(out, training=False)
    assert out.shape == (1, 10)
    assert sum(getattr(layer, name).size for layer in layers for name in layer.params) == 13706


# ---- feature_maps ------------------------------------------------------------------------------
def test_feature_maps_collects_conv_and_pool_outputs(digits):
    model = small_model()
    stages, probabilities = feature_maps(model, digits[0][0])
    titles = [title for title, _ in stages]
    assert titles == ["conv1 + ReLU: 2 maps 8×8", "pool1: 2 maps 4×4", "conv2 + ReLU: 3 maps 4×4",
                      "pool2: 3 maps 2×2"]
    assert [maps.shape for _, maps in stages] == [(2, 8, 8), (2, 4, 4), (3, 4, 4), (3, 2, 2)]
    assert all(maps.min() >= 0 for _, maps in stages[:3])
    assert np.allclose(probabilities, model.predict(digits[0][:1])[0]) and probabilities.sum() == pytest.approx(1)
    i18n.set_language("pt")
    assert feature_maps(model, digits[0][0])[0][1][0] == "pool1: 2 mapas 4×4"


# ---- FeatureMapViewer on a small model -----------------------------------------------------------
def test_viewer_shows_the_shifted_digit_and_its_probabilities(digits):
    images, labels = digits
    model = small_model()
    viewer = FeatureMapViewer(model, images, labels)
    assert viewer.controls["index"].high == 4                     # the slider fits these 5 images
    assert FeatureMapViewer.controls["index"].high == 358         # ... without changing the class
    result = viewer.update(index=2, dx=1, dy=-2)
    expected = model.predict(shift_images(images[2:3], -2, 1))[0]
    assert np.allclose(result["probabilities"], expected)
    assert result["label"] == 4 and result["predicted"] == int(np.argmax(expected))
    assert result["probability"] == pytest.approx(expected.max())
    assert np.array_equal(viewer.picture_input.get_array(), shift_images(images[2, 0], -2, 1))
    bar_widths = [bar.get_width() for bar in viewer.bars]
    assert np.allclose(bar_widths, expected)


def test_viewer_extreme_shifts_stay_finite_and_render(digits, is_png):
    viewer = FeatureMapViewer(small_model(), *digits)
    for dx, dy in [(-3, -3), (3, 3), (3, -3), (0, 0)]:
        result = viewer.update(index=4, dx=dx, dy=dy)
        assert np.isfinite(result["probabilities"]).all()
    assert is_png(viewer.png())


def test_viewer_caption(digits):
    viewer = FeatureMapViewer(small_model(), *digits)
    result = viewer.update(index=0)
    caption = viewer.caption(result)
    assert f"True digit: <b>{result['label']}</b>" in caption
    assert ("✅" if result["predicted"] == result["label"] else "❌") in caption
    i18n.set_language("pt")
    assert "Dígito verdadeiro" in viewer.caption(result)


def test_viewer_checks_images_and_labels(digits):
    images, labels = digits
    with pytest.raises(ValueError, match="5 images, 4 labels"):
        FeatureMapViewer(small_model(), images, labels[:4])
    with pytest.raises(ValueError, match="index"):
        FeatureMapViewer(small_model(), images, labels).update(index=5)
    with pytest.raises(ValueError, match="dx"):
        FeatureMapViewer(small_model(), images, labels).update(dx=4)


# ---- the lesson's network, trained by the viewer itself when no model is given ----------------------
def test_default_viewer_trains_the_lesson_cnn_once(monkeypatch):
    """The full recipe (30 epochs, test accuracy 0.978) runs in the lesson 15 notebook, which
    nbval checks; here one epoch is enough to test the plumbing."""
    monkeypatch.setattr(featuremaps, "EPOCHS", 1)
    monkeypatch.setattr(featuremaps, "_TRAINED", {})
    model = digits_cnn()
    assert digits_cnn() is model                                   # trained once, then kept
    assert [type(layer) for layer in model.layers] == [type(layer) for layer in lenet_layers()]
    _, X_test, _, y_test = digits_split()
    assert model.evaluate(X_test, y_test).accuracy > 0.5            # one epoch already learns a lot
    viewer = FeatureMapViewer()
    assert viewer.model is model and len(viewer.images) == 359
    assert viewer.controls is FeatureMapViewer.controls
    result = viewer.update(index=2, dx=0, dy=0)
    assert result["label"] == 5
