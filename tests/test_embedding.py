"""Lesson 17's layers: Embedding, Conv1D and GlobalMaxPool1D — reference values, float64
finite-difference gradients, saving and loading, and teaching errors."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.activations import ReLU, Sigmoid
from nnlessons.gradcheck import check_layer, check_model, numerical_gradient, relative_error
from nnlessons.layers import Conv1D, Conv2D, Dense, Embedding, GlobalMaxPool1D
from nnlessons.losses import BinaryCrossEntropy
from nnlessons.model import Model
from nnlessons.optimizers import Adam

TOLERANCE = 1e-6
INDICES = np.array([[1, 2, 2, 0], [3, 3, 1, 4]])     # repeated tokens in both rows


# ---- Embedding ----------------------------------------------------------------------
def test_embedding_is_a_row_lookup():
    layer = Embedding(5, 3, seed=0)
    output = layer.forward(INDICES)
    assert output.shape == (2, 4, 3)
    np.testing.assert_array_equal(output[1, 0], layer.weights[3])
    np.testing.assert_array_equal(output, layer.weights[INDICES])


def test_embedding_equals_dense_without_biases_on_one_hot_vectors():
    layer = Embedding(5, 3, seed=0)
    dense = Dense(5, 3)
    dense.weights = layer.weights.copy()
    one_hot = np.eye(5)[INDICES.ravel()]
    np.testing.assert_allclose(dense.forward(one_hot).reshape(2, 4, 3), layer.forward(INDICES))
    upstream = np.random.default_rng(0).standard_normal((2, 4, 3))
    layer.backward(upstream)
    dense.backward(upstream.reshape(8, 3))
    np.testing.assert_allclose(layer.dweights, dense.dweights)


def test_embedding_dweights_add_up_repeated_tokens():
    """Token 3 appears twice in row 1: its row gets both upstream rows; token 0 once."""
    layer = Embedding(5, 2, seed=0)
    layer.forward(INDICES)
    upstream = np.arange(16, dtype=float).reshape(2, 4, 2)
    layer.backward(upstream)
    np.testing.assert_allclose(layer.dweights[3], upstream[1, 0] + upstream[1, 1])
    np.testing.assert_allclose(layer.dweights[2], upstream[0, 1] + upstream[0, 2])
    np.testing.assert_allclose(layer.dweights[0], upstream[0, 3])
    assert layer.dweights.sum() == pytest.approx(upstream.sum())


def test_embedding_inputs_get_zero_gradient():
    layer = Embedding(5, 2, seed=0)
    layer.forward(INDICES)
    dinputs = layer.backward(np.ones((2, 4, 2)))
    assert dinputs.shape == INDICES.shape and not dinputs.any()


def test_embedding_dweights_finite_difference_float64():
    layer = Embedding(6, 4, seed=1)
    indices = np.array([[5, 0, 2, 2, 1], [3, 5, 5, 4, 0], [1, 1, 1, 2, 3]])
    upstream = np.random.default_rng(2).standard_normal((3, 5, 4))
    layer.forward(indices)
    layer.backward(upstream)
    numeric = numerical_gradient(lambda: float(np.sum(layer.forward(indices) * upstream)), layer.weights)
    assert layer.weights.dtype == np.float64
    assert relative_error(layer.dweights, numeric) < TOLERANCE


def test_embedding_accepts_whole_valued_floats_as_model_fit_sends_them():
    layer = Embedding(5, 2, seed=0)
    np.testing.assert_array_equal(layer.forward(INDICES.astype(float)), layer.forward(INDICES))


def test_embedding_default_weights_are_small_and_seeded():
    first, again = Embedding(50, 8, seed=3), Embedding(50, 8, seed=3)
    np.testing.assert_array_equal(first.weights, again.weights)
    assert 0.05 < first.weights.std() < 0.2


@pytest.mark.parametrize("bad, fragment", [
    (np.array([[1.5, 2.0]]), "whole numbers"),
    (np.array([[1.0, np.nan]]), "whole numbers"),
    (np.array([[0, 5]]), "from 0 to 4"),
    (np.array([[-1, 2]]), "from 0 to 4"),
    (np.array([["the", "film"]]), "Vocabulary.encode"),
    (np.array([True, False]).reshape(1, 2), "token indices"),
    (np.array([1, 2, 3]), "inputs.reshape(1, -1)"),
    (np.zeros((1, 2, 3), dtype=int), "(batch, n_tokens)"),
])
def test_embedding_teaching_errors(bad, fragment):
    with pytest.raises(ValueError) as error:
        Embedding(5, 2).forward(bad)
    assert fragment in str(error.value)
    assert "Embedding(vocab_size=5, embedding_dim=2).forward" in str(error.value)


def test_embedding_errors_follow_the_language():
    i18n.set_language("pt")
    with pytest.raises(ValueError, match="devem ir de 0 a 4"):
        Embedding(5, 2).forward(np.array([[9]]))


@pytest.mark.parametrize("kwargs", [{"vocab_size": 0, "embedding_dim": 2}, {"vocab_size": 5, "embedding_dim": 1.5},
                                    {"vocab_size": True, "embedding_dim": 2}])
def test_embedding_rejects_bad_sizes(kwargs):
    with pytest.raises(ValueError, match="whole number ≥ 1"):
        Embedding(**kwargs)


def test_embedding_checks_weights_set_by_hand():
    layer = Embedding(5, 2)
    layer.weights = np.zeros((2, 5))
    with pytest.raises(ValueError, match=r"weights must have shape \(5, 2\), got \(2, 5\). .*weights.T"):
        layer.forward(INDICES)


# ---- Conv1D -------------------------------------------------------------------------
def conv1d_by_loops(inputs, weights, biases, stride=1):
    """Reference: output[n, t, o] = b[o] + Σ_i Σ_c weights[o, c, 0, i] · inputs[n, t·s + i, c]."""
    batch, length, _ = inputs.shape
    filters, _, _, k = weights.shape
    positions = (length - k) // stride + 1
    out = np.zeros((batch, positions, filters))
    for n in range(batch):
        for t in range(positions):
            for o in range(filters):
                window = inputs[n, t * stride:t * stride + k]               # (k, channels)
                out[n, t, o] = biases[o] + np.sum(weights[o, :, 0, :].T * window)
    return out


@pytest.mark.parametrize("stride", [1, 2])
def test_conv1d_matches_loops(stride):
    layer = Conv1D(3, 4, 2, stride=stride, seed=0)
    layer.biases = np.array([0.1, -0.2, 0.3, 0.0])
    inputs = np.linspace(-1, 1, 2 * 7 * 3).reshape(2, 7, 3)
    np.testing.assert_allclose(layer.forward(inputs), conv1d_by_loops(inputs, layer.weights, layer.biases, stride))


def test_conv1d_is_conv2d_with_a_one_row_kernel():
    layer = Conv1D(3, 2, 3, seed=0)
    conv2d = Conv2D(3, 2, (1, 3))
    conv2d.weights, conv2d.biases = layer.weights.copy(), np.array([0.5, -0.5])
    layer.biases = conv2d.biases.copy()
    inputs = np.random.default_rng(1).standard_normal((2, 6, 3))
    images = inputs.transpose(0, 2, 1)[:, :, None, :]
    np.testing.assert_allclose(layer.forward(inputs), conv2d.forward(images)[:, :, 0, :].transpose(0, 2, 1))
    assert layer.weights.shape == (2, 3, 1, 3)


@pytest.mark.parametrize("padding, length", [(0, 5), (1, 7), ("valid", 5), ("same", 7), ("full", 9)])
def test_conv1d_pads_only_along_the_sentence(padding, length):
    """7 tokens, k = 3: padding adds tokens at both ends, never rows above or below."""
    assert Conv1D(2, 1, 3, padding=padding).forward(np.ones((1, 7, 2))).shape == (1, length, 1)


@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("padding", [0, 1, "same"])
def test_conv1d_gradients_float64(stride, padding):
    layer = Conv1D(3, 4, 2, stride=stride, padding=padding, seed=0)
    layer.biases = np.random.default_rng(1).standard_normal(4)
    errors = check_layer(layer, np.random.default_rng(2).standard_normal((2, 6, 3)))
    assert set(errors) == {"inputs", "weights", "biases"}
    assert max(errors.values()) < TOLERANCE, errors


@pytest.mark.parametrize("bad, fragment", [
    (np.ones((2, 3, 5)), "transpose(0, 2, 1)"),
    (np.ones((6, 3)), "inputs[None]"),
    (np.ones((2, 6, 4)), "(batch, n_tokens, 3)"),
])
def test_conv1d_teaching_errors(bad, fragment):
    with pytest.raises(ValueError) as error:
        Conv1D(3, 2, 2).forward(bad)
    assert fragment in str(error.value) and "Conv1D(in_channels=3" in str(error.value)


def test_conv1d_rejects_bad_hyper_parameters_in_its_own_name():
    with pytest.raises(ValueError, match=r"^Conv1D\(.*kernel_size must be a whole number"):
        Conv1D(3, 2, (1, 2))
    with pytest.raises(ValueError, match=r"^Conv1D\(.*padding must be"):
        Conv1D(3, 2, 2, padding="middle")


def test_conv1d_window_longer_than_the_sentence():
    with pytest.raises(ValueError, match="does not fit"):
        Conv1D(2, 1, 4).forward(np.ones((1, 3, 2)))


# ---- GlobalMaxPool1D ----------------------------------------------------------------
def test_global_max_pool_by_hand():
    inputs = np.array([[[1.0, -2.0], [3.0, 0.5], [2.0, 4.0]]])       # (1, 3 positions, 2 channels)
    layer = GlobalMaxPool1D()
    np.testing.assert_array_equal(layer.forward(inputs), [[3.0, 4.0]])
    dinputs = layer.backward(np.array([[10.0, 20.0]]))
    np.testing.assert_array_equal(dinputs, [[[0, 0], [10, 0], [0, 20]]])


def test_global_max_pool_first_maximum_wins_ties():
    layer = GlobalMaxPool1D()
    layer.forward(np.array([[[1.0], [1.0]]]))
    np.testing.assert_array_equal(layer.backward(np.array([[1.0]])), [[[1.0], [0.0]]])


def test_global_max_pool_gradient_float64():
    inputs = np.random.default_rng(0).permutation(2 * 5 * 3).reshape(2, 5, 3) / 10.0   # no ties
    assert check_layer(GlobalMaxPool1D(), inputs)["inputs"] < TOLERANCE


def test_global_max_pool_needs_three_dimensions():
    with pytest.raises(ValueError, match=r"\(batch, n_positions, channels\)"):
        GlobalMaxPool1D().forward(np.ones((2, 3)))


def test_conv1d_as_a_models_first_layer_trains_without_dinputs():
    X, y = np.random.default_rng(0).standard_normal((6, 5, 3)), np.array([[0], [1], [1], [0], [1], [0]])
    model = Model([Conv1D(3, 4, 2, seed=1), ReLU(), GlobalMaxPool1D(), Dense(4, 1, seed=2), Sigmoid()],
                  BinaryCrossEntropy(), Adam(0.01))
    history = model.fit(X, y, epochs=5, progress=False)
    assert history["loss"][-1] < history["loss"][0]
    assert model.layers[0].dinputs is None


# ---- the lesson's text model ----------------------------------------------------------
def text_model(vocab_size=7):
    return Model([Embedding(vocab_size, 3, seed=0), Conv1D(3, 4, 2, seed=1), ReLU(), GlobalMaxPool1D(),
                  Dense(4, 1, seed=2), Sigmoid()], BinaryCrossEntropy(), Adam(0.01))


def text_batch():
    rng = np.random.default_rng(5)
    return rng.integers(0, 7, size=(6, 5)), rng.integers(0, 2, size=(6, 1))


def test_text_model_gradients_float64():
    model = text_model()
    model.layers[1].biases = np.array([0.3, -0.1, 0.2, 0.05])   # most ReLUs on, away from their kink
    X, y = text_batch()
    errors = check_model(model, X, y)
    assert set(errors) == {"layer0.weights", "layer1.weights", "layer1.biases", "layer4.weights", "layer4.biases"}
    assert max(errors.values()) < TOLERANCE, errors


def test_text_model_learns_and_round_trips_through_save_and_load(tmp_path):
    model = text_model()
    X, y = text_batch()
    history = model.fit(X, y, epochs=30, progress=False, seed=0)
    assert history["loss"][-1] < history["loss"][0]
    model.save(tmp_path / "text.npz")
    loaded = Model.load(tmp_path / "text.npz")
    assert repr(loaded) == repr(model)
    assert [type(layer) for layer in loaded.layers] == [type(layer) for layer in model.layers]
    assert loaded.layers[1].kernel_size == (1, 2)
    np.testing.assert_array_equal(loaded.predict(X), model.predict(X))
