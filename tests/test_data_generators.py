"""The 2-D data generators: circles_data and xor_data (Lesson 10), noisy_moons (Lessons 12, 13)."""

import numpy as np
import pytest

from nnlessons.data import circles_data, noisy_moons, xor_data


# ---- circles_data -----------------------------------------------------------------------
def test_circles_shapes_and_classes():
    X, y = circles_data(50, 3, noise=0.1, seed=0)
    assert X.shape == (150, 2) and X.dtype == np.float64
    assert y.shape == (150,) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [50, 50, 50]


@pytest.mark.parametrize("classes", [1, 2, 3, 5])
def test_circles_without_noise_lie_on_their_rings(classes):
    """r_k = (k + 1) / classes, exactly, when noise = 0."""
    X, y = circles_data(40, classes, noise=0.0, seed=1)
    np.testing.assert_allclose(np.hypot(X[:, 0], X[:, 1]), (y + 1) / classes)


def test_circles_noise_is_gaussian_jitter_of_the_given_size():
    """Same seed: the same angles and the same normal draws, so X(σ) − X(0) = σ·Z."""
    X0, _ = circles_data(500, 2, noise=0.0, seed=3)
    X1, _ = circles_data(500, 2, noise=0.1, seed=3)
    X3, _ = circles_data(500, 2, noise=0.3, seed=3)
    np.testing.assert_allclose((X3 - X0) / 0.3, (X1 - X0) / 0.1)
    assert np.std((X1 - X0) / 0.1) == pytest.approx(1.0, abs=0.05)


def test_circles_seed_repeats_and_differs():
    a, _ = circles_data(20, seed=7)
    b, _ = circles_data(20, seed=7)
    c, _ = circles_data(20, seed=8)
    np.testing.assert_array_equal(a, b)
    assert not np.allclose(a, c)


# ---- xor_data -------------------------------------------------------------------------
def test_xor_shapes_and_classes():
    X, y = xor_data(30, noise=0.2, seed=0)
    assert X.shape == (60, 2) and X.dtype == np.float64
    assert y.shape == (60,) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [30, 30]


def test_xor_without_noise_is_xor_of_the_signs():
    """Class 0 where x1·x2 > 0, class 1 where x1·x2 < 0; every |coordinate| in [0.1, 1];
    each class split evenly between its two quadrants."""
    X, y = xor_data(100, noise=0.0, seed=2)
    np.testing.assert_array_equal(y, (X[:, 0] > 0) ^ (X[:, 1] > 0))
    assert np.all((np.abs(X) >= 0.1) & (np.abs(X) <= 1.0))
    for label in (0, 1):
        first_positive = X[y == label, 0] > 0
        assert first_positive.sum() == 50


def test_xor_noise_is_gaussian_jitter_of_the_given_size():
    X0, _ = xor_data(400, noise=0.0, seed=5)
    X2, _ = xor_data(400, noise=0.2, seed=5)
    assert np.std(X2 - X0) == pytest.approx(0.2, rel=0.05)
    assert abs(np.mean(X2 - X0)) < 0.02


# ---- bad input ------------------------------------------------------------------------
@pytest.mark.parametrize("call, match", [
    (lambda: circles_data(0), "samples"),
    (lambda: circles_data(2.5), "samples"),
    (lambda: circles_data(10, classes=0), "classes"),
    (lambda: circles_data(10, noise=-0.1), "noise"),
    (lambda: circles_data(10, noise="a lot"), "noise"),
    (lambda: circles_data(10, noise=float("nan")), "noise"),
    (lambda: xor_data(-3), "samples"),
    (lambda: xor_data(10, noise=-1), "noise"),
])
def test_bad_arguments_are_explained(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# ---- noisy_moons ------------------------------------------------------------------------
def test_noisy_moons_shapes_and_classes():
    X, y = noisy_moons(25, seed=3)
    assert X.shape == (50, 2) and X.dtype == np.float64
    assert y.shape == (50,) and y.dtype == np.int64
    assert set(np.unique(y)) <= {0, 1}


def test_noiseless_moons_lie_on_their_half_circles():
    X, y = noisy_moons(200, noise=0.0, flip=0.0, seed=0)
    np.testing.assert_array_equal(y, np.repeat([0, 1], 200))
    upper = X[y == 0] + [0.5, 0.25]          # (cos t, sin t): radius 1 around (0, 0), above it
    lower = X[y == 1] + [0.5, 0.25]          # (1 − cos t, 0.5 − sin t): radius 1 around (1, 0.5), below
    np.testing.assert_allclose(np.hypot(upper[:, 0], upper[:, 1]), 1.0)
    np.testing.assert_allclose(np.hypot(lower[:, 0] - 1, lower[:, 1] - 0.5), 1.0)
    assert upper[:, 1].min() >= 0 and lower[:, 1].max() <= 0.5


def test_noise_has_the_asked_spread():
    clean, _ = noisy_moons(5000, noise=0.0, flip=0.0, seed=2)
    noisy, _ = noisy_moons(5000, noise=0.2, flip=0.0, seed=2)     # the same t draws, plus noise
    assert np.std(noisy - clean) == pytest.approx(0.2, rel=0.03)


def test_flip_swaps_about_that_share_of_labels():
    _, clean = noisy_moons(5000, flip=0.0, seed=1)
    _, flipped = noisy_moons(5000, flip=0.1, seed=1)              # same points, some labels swapped
    assert 0.09 < np.mean(clean != flipped) < 0.11


def test_same_seed_same_data():
    (Xa, ya), (Xb, yb) = noisy_moons(10, seed=5), noisy_moons(10, seed=5)
    np.testing.assert_array_equal(Xa, Xb)
    np.testing.assert_array_equal(ya, yb)


@pytest.mark.parametrize("kwargs, match", [
    ({"samples": 0}, "samples"),
    ({"samples": 2.5}, "samples"),
    ({"samples": 10, "noise": -0.1}, "noise"),
    ({"samples": 10, "flip": 1.0}, "flip"),
])
def test_noisy_moons_rejects_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        noisy_moons(**kwargs)
