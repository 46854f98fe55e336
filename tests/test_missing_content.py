"""Issue 14 §4: precision / recall / F1 (Lesson 15), input standardisation and Lesson 06's
scaling helpers, and on-the-fly augmentation in ``Model.fit`` (Lesson 13)."""

import numpy as np
import pytest

import nnlessons as nn
from nnlessons.data import Standardiser, taxi_rides
from nnlessons.i18n import set_language
from nnlessons.lessons.gradient_descent.scaling import curvatures, steps_to_bottom
from nnlessons.metrics import f1_score, precision, recall

# rows = true class, columns = predicted class
MATRIX = [[5, 1, 0],
          [2, 3, 1],
          [0, 0, 4]]


# -- precision, recall, F1: worked by hand --------------------------------------------------
def test_precision_by_hand():
    """Columns sum to 7, 4, 5: of the 7 samples predicted 0, 5 were 0."""
    assert precision(MATRIX) == pytest.approx([5 / 7, 3 / 4, 4 / 5])


def test_recall_by_hand_is_per_class_accuracy():
    """Rows sum to 6, 6, 4: of the 6 true 1s, 3 were found."""
    assert recall(MATRIX) == pytest.approx([5 / 6, 1 / 2, 1])


def test_f1_by_hand_is_the_harmonic_mean():
    assert f1_score(MATRIX) == pytest.approx([10 / 13, 0.6, 8 / 9])
    p, r = precision(MATRIX), recall(MATRIX)
    assert f1_score(MATRIX) == pytest.approx(2 * p * r / (p + r))


def test_a_class_never_predicted_gets_zero_not_nan():
    matrix = [[2, 0], [1, 0]]
    assert precision(matrix) == pytest.approx([2 / 3, 0])
    assert recall(matrix) == pytest.approx([1, 0])
    assert f1_score(matrix) == pytest.approx([0.8, 0])


@pytest.mark.parametrize("metric", [precision, recall, f1_score])
def test_confusion_matrix_must_be_square(metric):
    with pytest.raises(ValueError, match=r"square 2-D array of counts.*got shape \(2, 3\)"):
        metric([[1, 2, 3], [4, 5, 6]])


@pytest.mark.parametrize("bad", [[[1, -1], [0, 2]], [[0.5, 0.5], [0, 1]]])
def test_confusion_matrix_must_hold_counts(bad):
    with pytest.raises(ValueError, match=r"holds counts, whole numbers ≥ 0, but entry \(0, 1\)|entry \(0, 0\)"):
        recall(bad)


def test_confusion_errors_in_portuguese():
    set_language("pt")
    try:
        with pytest.raises(ValueError, match="matriz de confusão"):
            precision([1, 2, 3])
    finally:
        set_language("en")


# -- Standardiser ---------------------------------------------------------------------------
def test_standardiser_by_hand():
    X = np.array([[1.0, 10.0], [3.0, 10.0], [5.0, 10.0]])
    scaler = Standardiser().fit(X)
    assert scaler.mean == pytest.approx([3.0, 10.0])
    assert scaler.std == pytest.approx([np.sqrt(8 / 3), 1.0])     # the constant column is only centred
    Z = scaler.transform(X)
    assert Z[:, 0] == pytest.approx(np.array([-2, 0, 2]) / np.sqrt(8 / 3))
    assert Z[:, 1] == pytest.approx([0, 0, 0])
    assert scaler.inverse_transform(Z) == pytest.approx(X)


def test_standardiser_gives_mean_zero_std_one_and_reuses_training_statistics():
    rng = np.random.default_rng(0)
    train, test = rng.normal(50, 7, (100, 3)), rng.normal(50, 7, (20, 3))
    scaler = Standardiser()
    Z = scaler.fit_transform(train)
    assert Z.mean(axis=0) == pytest.approx(0, abs=1e-12)
    assert Z.std(axis=0) == pytest.approx(1)
    assert scaler.transform(test) == pytest.approx((test - train.mean(axis=0)) / train.std(axis=0))


def test_standardiser_on_one_feature_and_on_images():
    km = np.array([1.0, 2.0, 3.0])
    assert Standardiser().fit_transform(km) == pytest.approx([-np.sqrt(1.5), 0, np.sqrt(1.5)])
    images = np.arange(24.0).reshape(3, 2, 4)
    assert Standardiser().fit(images).mean.shape == (2, 4)


def test_standardiser_before_fit():
    with pytest.raises(ValueError, match=r"Standardiser.transform: .*call fit\(X_train\) first"):
        Standardiser().transform([[1.0]])


def test_standardiser_wrong_features():
    scaler = Standardiser().fit(np.ones((4, 2)))
    with pytest.raises(ValueError, match=r"fitted on samples of shape \(2,\), but X holds samples of shape \(3,\)"):
        scaler.transform(np.ones((4, 3)))


def test_standardiser_rejects_empty_and_nan():
    with pytest.raises(ValueError, match="has no samples"):
        Standardiser().fit(np.zeros((0, 2)))
    with pytest.raises(ValueError, match="NaN"):
        Standardiser().fit([[1.0], [np.nan]])


def test_standardiser_error_in_portuguese():
    set_language("pt")
    try:
        with pytest.raises(ValueError, match="ainda não aprendeu média e desvio-padrão"):
            Standardiser().inverse_transform([[1.0]])
    finally:
        set_language("en")


# -- on-the-fly augmentation in Model.fit ---------------------------------------------------
def small_model():
    return nn.Model([nn.Dense(2, 4, seed=0), nn.ReLU(), nn.Dense(4, 2, seed=1), nn.Softmax()],
                    nn.CategoricalCrossEntropy(), nn.SGD(learning_rate=0.1))


X = np.random.default_rng(0).normal(size=(10, 2))
y = (X[:, 0] > 0).astype(int)


def test_augment_is_called_once_per_batch_on_training_data_only():
    calls = []

    def jitter(X_batch, rng):
        calls.append(X_batch.shape)
        return X_batch + rng.normal(0, 0.01, X_batch.shape)

    X_val = X[:3].copy()
    small_model().fit(X, y, epochs=2, batch_size=4, validation_data=(X_val, y[:3]), progress=False, seed=0,
                      augment=jitter)
    assert calls == [(4, 2), (4, 2), (2, 2)] * 2
    assert X_val == pytest.approx(X[:3])


def test_augment_changes_what_is_trained_on():
    plain, augmented = small_model(), small_model()
    plain.fit(X, y, epochs=1, batch_size=5, progress=False, seed=0)
    augmented.fit(X, y, epochs=1, batch_size=5, progress=False, seed=0, augment=lambda X_batch, rng: X_batch * 2)
    assert not np.allclose(plain.layers[0].weights, augmented.layers[0].weights)


def test_augment_is_reproducible_with_a_seed():
    def noisy(X_batch, rng):
        return X_batch + rng.normal(0, 0.5, X_batch.shape)

    runs = []
    for _ in range(2):
        model = small_model()
        history = model.fit(X, y, epochs=3, batch_size=4, progress=False, seed=7, augment=noisy)
        runs.append((model.layers[0].weights.copy(), history["loss"]))
    assert np.array_equal(runs[0][0], runs[1][0])
    assert runs[0][1] == runs[1][1]
    other = small_model()
    other.fit(X, y, epochs=3, batch_size=4, progress=False, seed=8, augment=noisy)
    assert not np.allclose(other.layers[0].weights, runs[0][0])


def test_augment_does_not_change_the_data_passed_in():
    X_copy = X.copy()
    small_model().fit(X_copy, y, epochs=1, batch_size=None, progress=False, seed=0,
                      augment=lambda X_batch, rng: X_batch + 1)
    assert np.array_equal(X_copy, X)


def test_augment_wrong_shape_is_a_teaching_error():
    with pytest.raises(ValueError, match=r"augment\(X_batch, rng\) returned an array of shape \(4, 1\), "
                                         r"but the batch has shape \(4, 2\)"):
        small_model().fit(X, y, epochs=1, batch_size=4, progress=False, seed=0,
                          augment=lambda X_batch, rng: X_batch[:, :1])


def test_augment_returning_nan_names_the_hook():
    with pytest.raises(ValueError, match=r"augment\(X_batch, rng\).*NaN"):
        small_model().fit(X, y, epochs=1, batch_size=4, progress=False, seed=0,
                          augment=lambda X_batch, rng: X_batch * np.nan)


def test_augment_must_be_a_function():
    with pytest.raises(ValueError, match=r"augment must be None or a function augment\(X_batch, rng\)"):
        small_model().fit(X, y, epochs=1, progress=False, augment="shift")


def test_augment_error_in_portuguese():
    set_language("pt")
    try:
        with pytest.raises(ValueError, match="devolveu um array de formato"):
            small_model().fit(X, y, epochs=1, progress=False, augment=lambda X_batch, rng: X_batch.T)
    finally:
        set_language("en")


# -- Lesson 06's scaling helpers ----------------------------------------------------------------
def test_curvatures_by_hand():
    # x = (−1, 1): mean(x²) = 1, mean(x) = 0, so H = 2·I and both curvatures are 2
    assert curvatures([-1.0, 1.0]) == pytest.approx([2.0, 2.0])
    # x = (1, 1): H = 2·[[1, 1], [1, 1]], eigenvalues 0 and 4 (w and b cannot be told apart)
    assert curvatures([1.0, 1.0]) == pytest.approx([0.0, 4.0], abs=1e-12)


def test_standardising_rounds_the_taxi_valley():
    km, _ = taxi_rides()
    low, high = curvatures(km)
    assert high / low > 10
    assert curvatures(Standardiser().fit_transform(km)) == pytest.approx([2.0, 2.0])


def test_steps_to_bottom():
    assert steps_to_bottom([5.0, 2.0, 1.0005, 1.0], lowest=1.0) == 2
    assert steps_to_bottom([5.0, 2.0], lowest=1.0) is None
