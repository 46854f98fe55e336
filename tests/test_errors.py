"""Bad input gets a ValueError that says what was expected and how to fix it."""

import numpy as np
import pytest

from nnlessons import i18n, losses, optimizers
from nnlessons.activations import LeakyReLU, Softmax
from nnlessons.layers import BatchNorm, Conv2D, Dense, Dropout, MaxPool2D
from nnlessons.model import Model


def test_transposed_inputs_name_both_shapes_and_the_fix():
    with pytest.raises(ValueError) as error:
        Dense(3, 4).forward(np.ones((3, 5)))
    assert str(error.value) == ("Dense(n_inputs=3, n_neurons=4).forward: expected inputs of shape "
                                "(n_samples, 3), got (3, 5). Your array looks transposed; try inputs.T.")


def test_wrong_width_without_transpose_hint():
    with pytest.raises(ValueError, match=r"expected inputs of shape \(n_samples, 3\), got \(2, 5\)\.$"):
        Dense(3, 4).forward(np.ones((2, 5)))


def test_a_single_sample_as_a_vector_suggests_reshape():
    with pytest.raises(ValueError, match=r"got shape \(3,\).*reshape\(1, -1\)"):
        Dense(3, 4).forward([1.0, 2.0, 3.0])


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_nan_or_infinite_inputs(bad):
    with pytest.raises(ValueError, match="inputs contains NaN or infinity.*smaller learning rate"):
        Dense(2, 1).forward([[1.0, bad]])


def test_non_numeric_inputs():
    with pytest.raises(ValueError, match="expected a numeric array for inputs, got dtype <U1"):
        Dense(2, 1).forward([["a", "b"]])


@pytest.mark.parametrize("optimizer", [optimizers.SGD, optimizers.Adagrad, optimizers.RMSprop, optimizers.Adam])
@pytest.mark.parametrize("rate", [-0.1, 0.0])
def test_learning_rate_must_be_positive(optimizer, rate):
    with pytest.raises(ValueError, match=r"learning_rate must be a number in \(0, ∞\), got " + str(rate)):
        optimizer(learning_rate=rate)


@pytest.mark.parametrize("rate", [1.0, 1.2, -0.1, "half"])
def test_dropout_rate_outside_0_1(rate):
    with pytest.raises(ValueError, match=r"Dropout.*rate must be a number in \[0, 1\)"):
        Dropout(rate)


def test_bad_hyperparameters_fail_at_construction():
    with pytest.raises(ValueError, match=r"momentum must be a number in \[0, 1\)"):
        optimizers.SGD(momentum=1.5)
    with pytest.raises(ValueError, match=r"n_neurons must be a whole number ≥ 1, got 0"):
        Dense(3, 0)
    with pytest.raises(ValueError, match="padding must be a whole number ≥ 0 or one of 'valid', 'same', 'full'"):
        Conv2D(1, 1, 3, padding="half")
    with pytest.raises(ValueError, match=r"alpha must be a number in \[0, ∞\)"):
        LeakyReLU(-1)


def test_unknown_language():
    with pytest.raises(ValueError, match="unknown language 'fr'; expected one of 'pt', 'en'"):
        i18n.set_language("fr")


def test_errors_follow_the_lesson_language():
    i18n.set_language("pt")
    with pytest.raises(ValueError, match="Seu array parece transposto; tente inputs.T"):
        Dense(3, 4).forward(np.ones((3, 5)))


def test_conv_inputs_without_channel_axis():
    with pytest.raises(ValueError, match=r"expected inputs of shape \(batch, 1, height, width\), "
                                         r"got \(2, 8, 8\).*inputs\[:, None\]"):
        Conv2D(1, 4, 3).forward(np.ones((2, 8, 8)))


def test_conv_inputs_channels_last():
    with pytest.raises(ValueError, match=r"transpose\(0, 3, 1, 2\)"):
        Conv2D(3, 4, 3).forward(np.ones((2, 8, 8, 3)))


def test_kernel_larger_than_image():
    with pytest.raises(ValueError, match="the 5×5 window does not fit in the \\(padded\\) 3×3 input"):
        Conv2D(1, 1, 5).forward(np.ones((1, 1, 3, 3)))
    with pytest.raises(ValueError, match="window does not fit"):
        MaxPool2D(4).forward(np.ones((1, 1, 3, 3)))


def test_loss_shapes_must_match():
    with pytest.raises(ValueError, match=r"y_pred has shape \(3, 1\) but y_true has shape \(3,\).*reshape\(-1, 1\)"):
        losses.MeanSquaredError().calculate(np.ones((3, 1)), np.ones(3))


def test_class_indices_out_of_range():
    with pytest.raises(ValueError, match="class indices in y_true must be whole numbers from 0 to 2, got values from 0 to 3"):
        losses.CategoricalCrossEntropy().calculate(np.full((2, 3), 1 / 3), [0, 3])


def test_predictions_and_targets_of_different_lengths():
    with pytest.raises(ValueError, match="y_pred has 2 samples but y_true has 3"):
        losses.CategoricalCrossEntropy().calculate(np.full((2, 3), 1 / 3), [0, 1, 2])


def test_hinge_needs_plus_minus_one():
    with pytest.raises(ValueError, match="targets −1 or \\+1.*2 \\* y_true - 1"):
        losses.Hinge().calculate([[0.5], [0.2]], [[0], [1]])


def test_batchnorm_needs_two_samples_in_training():
    with pytest.raises(ValueError, match="at least 2 samples"):
        BatchNorm(2).forward(np.ones((1, 2)))


def test_fit_checks_lengths_and_optimizer():
    model = Model([Dense(2, 2), Softmax()], losses.CategoricalCrossEntropy(), optimizers.SGD())
    with pytest.raises(ValueError, match="X has 4 samples but y has 3"):
        model.fit(np.ones((4, 2)), [0, 1, 1], progress=False)
    with pytest.raises(ValueError, match="has no optimizer"):
        Model([Dense(2, 2)], losses.MeanSquaredError()).fit(np.ones((4, 2)), np.ones((4, 2)))


def test_one_sample_as_a_flat_vector_gets_the_one_reshape_that_fits():
    with pytest.raises(ValueError) as error:
        Dense(3, 4).forward([1.0, 2.0, 3.0])
    assert "reshape(1, -1)" in str(error.value) and "reshape(-1, 1)" not in str(error.value)
    with pytest.raises(ValueError, match=r"reshape\(-1, 1\)"):
        Dense(1, 4).forward([1.0, 2.0, 3.0])


def test_weights_set_by_hand_in_the_wrong_orientation():
    layer = Dense(4, 3)
    layer.weights = np.ones((3, 4))
    with pytest.raises(ValueError, match=r"weights must have shape \(4, 3\), got \(3, 4\)\. .*weights\.T"):
        layer.forward(np.ones((2, 4)))


def test_biases_as_a_column_are_not_silently_broadcast():
    layer = Dense(4, 3)
    layer.biases = np.ones((3, 1))
    with pytest.raises(ValueError, match=r"biases must have shape \(1, 3\), got \(3, 1\)"):
        layer.forward(np.ones((3, 4)))
    layer.biases = np.array([2.0, 3.0, 0.5])
    with pytest.raises(ValueError, match=r"biases\.reshape\(1, 3\)"):
        layer.forward(np.ones((3, 4)))


def test_trusted_arrays_skip_only_the_nan_scan_and_only_inside():
    from nnlessons.validation import as_array, trusted_arrays

    bad = np.array([[1.0, np.nan]])
    with trusted_arrays():
        assert as_array(bad, "test") is bad                 # taken as it is: no scan
        with pytest.raises(ValueError, match="expected inputs of shape"):
            Dense(3, 2).forward(bad)                        # shape checks still run
    with pytest.raises(ValueError, match="NaN or infinity"):
        as_array(bad, "test")                               # outside: scanned again


def test_fit_checks_its_data_once_and_names_the_epoch_that_diverged():
    model = Model([Dense(1, 1, seed=0)], losses.MeanSquaredError(), optimizers.SGD(learning_rate=1e6))
    X = np.linspace(-1, 1, 20).reshape(-1, 1)
    with pytest.raises(ValueError, match="X contains NaN"):
        model.fit(np.where(X > 0.5, np.nan, X), X, progress=False)
    with pytest.raises(ValueError, match="validation_data\\[0\\] contains NaN"):
        model.fit(X, X, validation_data=(np.full((2, 1), np.nan), np.ones((2, 1))), progress=False)
    with pytest.raises(ValueError, match=r"Model.fit: training diverged in epoch \d+ of 200"):
        with np.errstate(over="ignore", invalid="ignore"):
            model.fit(X, 3 * X, epochs=200, progress=False)
