"""Finite-difference gradient checks, float64, for every layer, activation and loss."""

import numpy as np
import pytest

from nnlessons import activations, losses
from nnlessons.activations import Softmax
from nnlessons.gradcheck import check_layer, check_loss, check_model, numerical_gradient, relative_error
from nnlessons.layers import AvgPool2D, BatchNorm, Conv2D, Dense, Dropout, Flatten, MaxPool2D
from nnlessons.model import Model

TOLERANCE = 1e-6


def away_from_zero(shape, seed=0):
    """Random values with |x| ≥ 0.1, so kinks at 0 (ReLU, step) are never crossed by h."""
    values = np.random.default_rng(seed).uniform(0.1, 2.0, size=shape)
    signs = np.random.default_rng(seed + 1).choice([-1.0, 1.0], size=shape)
    return values * signs


def assert_all_small(errors):
    assert errors, "no gradient was checked"
    for name, error in errors.items():
        assert error < TOLERANCE, f"{name}: relative error {error:.2e}"


def test_numerical_gradient_of_known_function():
    x = np.array([1.0, -2.0, 3.0])
    assert np.allclose(numerical_gradient(lambda: np.sum(x ** 3), x), 3 * x ** 2, rtol=1e-8)


def test_relative_error_flags_a_wrong_gradient():
    assert relative_error([1.0, 2.0], [1.0, 2.0]) == 0
    assert relative_error([1.0, 2.0], [-1.0, 2.0]) > 0.1


def test_dense():
    layer = Dense(4, 3, seed=0)
    layer.biases = np.random.default_rng(1).standard_normal((1, 3))
    assert_all_small(check_layer(layer, away_from_zero((5, 4))))


@pytest.mark.parametrize("penalty", ["weight_l1", "weight_l2", "bias_l1", "bias_l2"])
def test_dense_regularisation_enters_the_gradient(penalty):
    layer = Dense(3, 2, seed=0, **{penalty: 0.1})
    layer.biases = away_from_zero((1, 2), seed=7)
    model = Model([layer], losses.MeanSquaredError())
    X, y = away_from_zero((6, 3), seed=2), away_from_zero((6, 2), seed=3)
    assert_all_small(check_model(model, X, y))


@pytest.mark.parametrize("stride", [1, 2])
@pytest.mark.parametrize("padding", [0, 1, "valid", "same", "full"])
def test_conv2d(stride, padding):
    layer = Conv2D(2, 3, 3, stride=stride, padding=padding, seed=0)
    layer.biases = np.random.default_rng(1).standard_normal(3)
    assert_all_small(check_layer(layer, away_from_zero((2, 2, 6, 7))))


def test_conv2d_rectangular_kernel_same_padding():
    layer = Conv2D(1, 2, (2, 3), padding="same", seed=0)
    assert_all_small(check_layer(layer, away_from_zero((2, 1, 5, 5))))


@pytest.mark.parametrize("layer", [MaxPool2D(2), MaxPool2D(3, stride=2), AvgPool2D(2), AvgPool2D(3, stride=1)],
                         ids=repr)
def test_pooling(layer):
    # distinct values: a maximum never ties, so h cannot swap the winner
    inputs = np.random.default_rng(0).permutation(2 * 2 * 7 * 7).reshape(2, 2, 7, 7) / 10.0
    assert_all_small(check_layer(layer, inputs))


def test_flatten():
    assert_all_small(check_layer(Flatten(), away_from_zero((2, 3, 4, 4))))


def test_dropout_with_a_fixed_mask():
    layer = Dropout(0.4, seed=3)
    errors = check_layer(layer, away_from_zero((6, 5)))
    assert_all_small(errors)
    assert np.any(layer.output == 0), "the check must run with some values dropped"


def test_batchnorm_in_training():
    layer = BatchNorm(3)
    layer.gamma = np.array([[1.5, -0.5, 2.0]])
    layer.beta = np.array([[0.1, 0.2, -0.3]])
    assert_all_small(check_layer(layer, away_from_zero((8, 3))))


def test_batchnorm_in_inference():
    layer = BatchNorm(3)
    layer.running_mean = np.array([[0.5, -0.2, 0.1]])
    layer.running_var = np.array([[2.0, 0.5, 1.0]])
    assert_all_small(check_layer(layer, away_from_zero((4, 3)), training=False))


@pytest.mark.parametrize("activation", [activations.Step(), activations.Linear(), activations.Sigmoid(),
                                        activations.Tanh(), activations.ReLU(), activations.LeakyReLU(0.1),
                                        activations.ELU(1.0), activations.Softmax()], ids=repr)
def test_activation(activation):
    assert_all_small(check_layer(activation, away_from_zero((5, 4))))


REGRESSION_PRED = np.array([[0.35, -1.2], [2.0, 0.4], [-0.7, 1.1]])
REGRESSION_TRUE = np.array([[0.0, -1.0], [0.5, 0.9], [-2.0, 1.6]])


@pytest.mark.parametrize("loss", [losses.MeanSquaredError(), losses.MeanAbsoluteError(),
                                  losses.Huber(1.0), losses.Huber(0.3)], ids=repr)
def test_regression_losses(loss):
    assert check_loss(loss, REGRESSION_PRED, REGRESSION_TRUE) < TOLERANCE


def test_hinge():
    y_true = np.array([[1.0], [-1.0], [1.0], [-1.0]])
    y_pred = np.array([[0.3], [0.5], [1.7], [-2.0]])     # margins 0.3, −0.5, 1.7, 2.0: none at the kink
    assert check_loss(losses.Hinge(), y_pred, y_true) < TOLERANCE


def test_binary_cross_entropy():
    y_pred = np.array([[0.2, 0.9], [0.6, 0.3], [0.75, 0.5]])
    y_true = np.array([[0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    assert check_loss(losses.BinaryCrossEntropy(), y_pred, y_true) < TOLERANCE


@pytest.mark.parametrize("y_true", [np.array([0, 2, 1]), np.eye(3)[[0, 2, 1]]], ids=["indices", "one-hot"])
def test_categorical_cross_entropy(y_true):
    y_pred = np.array([[0.7, 0.1, 0.2], [0.3, 0.3, 0.4], [0.2, 0.5, 0.3]])
    assert check_loss(losses.CategoricalCrossEntropy(), y_pred, y_true) < TOLERANCE


def test_combined_softmax_cross_entropy_is_the_gradient_of_the_logits():
    logits = away_from_zero((4, 3))
    y_true = np.array([0, 2, 1, 1])
    softmax, loss = Softmax(), losses.CategoricalCrossEntropy()
    combined = losses.SoftmaxCategoricalCrossEntropy().backward(softmax.forward(logits), y_true)
    numeric = numerical_gradient(lambda: loss.calculate(softmax.forward(logits), y_true), logits)
    assert relative_error(combined, numeric) < TOLERANCE


def test_combined_gradient_equals_the_separate_path():
    logits = away_from_zero((5, 4), seed=4)
    y_true = np.array([3, 0, 1, 2, 1])
    softmax = Softmax()
    probs = softmax.forward(logits)
    separate = softmax.backward(losses.CategoricalCrossEntropy().backward(probs, y_true))
    combined = losses.SoftmaxCategoricalCrossEntropy().backward(probs, y_true)
    assert np.allclose(separate, combined, atol=1e-12)


def test_whole_model_gradient():
    model = Model([Dense(3, 5, seed=0), activations.Tanh(), Dense(5, 4, seed=1), Softmax()],
                  losses.CategoricalCrossEntropy())
    X = away_from_zero((6, 3))
    assert_all_small(check_model(model, X, np.array([0, 1, 2, 3, 0, 1])))


def test_cnn_model_gradient():
    model = Model([Conv2D(1, 2, 3, padding="same", seed=0), activations.ReLU(), MaxPool2D(2), Flatten(),
                   Dense(8, 3, seed=1), Softmax()], losses.CategoricalCrossEntropy())
    X = np.random.default_rng(0).permutation(2 * 16).reshape(2, 1, 4, 4) / 7.0 - 2.0
    assert_all_small(check_model(model, X, np.array([0, 2])))
