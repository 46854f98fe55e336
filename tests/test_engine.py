"""Reference values worked out by hand, model behaviour, and saving/loading."""

import numpy as np
import pytest
from hypothesis import given, settings, strategies as st
from numpy.lib.stride_tricks import sliding_window_view

from nnlessons import activations, losses, optimizers
from nnlessons.activations import ReLU, Sigmoid, Softmax
from nnlessons.layers import AvgPool2D, BatchNorm, Conv2D, Dense, Dropout, Flatten, MaxPool2D
from nnlessons.layers.windows import output_size, windows
from nnlessons.metrics import accuracy, log_mse, mae, rmse
from nnlessons.model import Model
from nnlessons.reference import conv2d_backward_loops, conv2d_loops

BOOK_WEIGHTS = np.array([[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]])
BOOK_BIASES = np.array([2.0, 3.0, 0.5])


def book_layer():
    layer = Dense(4, 3)
    layer.weights = BOOK_WEIGHTS.T.copy()
    layer.biases = BOOK_BIASES.reshape(1, 3)
    return layer


# -- reference values ---------------------------------------------------------------------
def test_layer_of_three_neurons_on_four_inputs():
    # 1·0.2 + 2·0.8 + 3·(−0.5) + 2.5·1 + 2 = 4.8, and likewise 1.21, 2.385
    assert np.allclose(book_layer().forward([[1, 2, 3, 2.5]]), [[4.8, 1.21, 2.385]])


def test_dense_backward_by_hand():
    layer = Dense(2, 1)
    layer.weights = np.array([[2.0], [-1.0]])
    layer.forward([[1.0, 3.0], [2.0, 0.5]])
    layer.backward(np.array([[1.0], [-2.0]]))
    assert np.allclose(layer.dweights, [[1 - 4], [3 - 1]])          # inputsᵀ @ dvalues
    assert np.allclose(layer.dbiases, [[-1.0]])
    assert np.allclose(layer.dinputs, [[2, -1], [-4, 2]])          # dvalues @ weightsᵀ


def test_softmax_worked_example():
    # e^4.8 = 121.51, e^1.21 = 3.354, e^2.385 = 10.86; sum 135.72
    assert np.allclose(Softmax().forward([[4.8, 1.21, 2.385]]), [[0.8953, 0.02471, 0.08001]], atol=1e-4)


def test_softmax_is_stable_for_huge_logits():
    out = Softmax().forward([[1000.0, 1000.0, -1000.0]])
    assert np.all(np.isfinite(out)) and np.allclose(out, [[0.5, 0.5, 0.0]])


def test_sigmoid_never_overflows():
    with np.errstate(over="raise"):
        out = Sigmoid().forward([[-1000.0, 0.0, 1000.0]])
    assert np.allclose(out, [[0.0, 0.5, 1.0]])


def test_cross_entropy_worked_example():
    # −log(0.7) = 0.35667, −log(0.5) = 0.69315, −log(0.9) = 0.10536
    probs = np.array([[0.7, 0.1, 0.2], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08]])
    loss = losses.CategoricalCrossEntropy()
    assert np.allclose(loss.forward(probs, [0, 1, 1]), [0.35667, 0.69315, 0.10536], atol=1e-5)
    assert loss.calculate(probs, np.eye(3)[[0, 1, 1]]) == pytest.approx((0.35667 + 0.69315 + 0.10536) / 3, abs=1e-5)


def test_cross_entropy_of_a_zero_probability_is_clipped():
    loss = losses.CategoricalCrossEntropy().forward([[0.0, 1.0]], [0])
    assert loss == pytest.approx([-np.log(1e-7)])


def test_regression_losses_by_hand():
    y_pred, y_true = np.array([[1.0], [2.0], [5.0]]), np.array([[1.5], [2.0], [1.0]])
    assert losses.MeanSquaredError().calculate(y_pred, y_true) == pytest.approx((0.25 + 0 + 16) / 3)
    assert losses.MeanAbsoluteError().calculate(y_pred, y_true) == pytest.approx((0.5 + 0 + 4) / 3)
    # Huber δ=1: ½·0.25, 0, 1·(4 − ½)
    assert losses.Huber(1.0).calculate(y_pred, y_true) == pytest.approx((0.125 + 0 + 3.5) / 3)
    assert losses.Hinge().forward([[0.3], [-2.0]], [[1], [1]]) == pytest.approx([0.7, 3.0])


def test_binary_cross_entropy_by_hand():
    loss = losses.BinaryCrossEntropy().forward([[0.8, 0.4]], [[1, 0]])
    assert loss == pytest.approx([-(np.log(0.8) + np.log(0.6)) / 2])


def test_error_metrics_by_hand():
    y_pred, y_true = np.array([1.0, 3.0]), np.array([2.0, 1.0])
    assert rmse(y_pred, y_true) == pytest.approx(np.sqrt((1 + 4) / 2))
    assert mae(y_pred, y_true) == pytest.approx(1.5)
    assert log_mse([0.0], [np.e - 1]) == pytest.approx(1.0)
    assert accuracy([[0.1, 0.9], [0.8, 0.2]], [1, 1]) == 0.5
    assert accuracy([[0.7], [0.2]], [[1], [1]], task="binary") == 0.5


def test_regularization_loss_by_hand():
    layer = Dense(2, 1, weight_l1=0.1, weight_l2=0.01, bias_l2=0.5)
    layer.weights = np.array([[3.0], [-4.0]])
    layer.biases = np.array([[2.0]])
    assert losses.regularization_loss([layer]) == pytest.approx(0.1 * 7 + 0.01 * 25 + 0.5 * 4)


# -- optimizers: one step by hand ------------------------------------------------------------
def one_parameter_layer():
    layer = Dense(2, 1)
    layer.weights = np.array([[1.0], [-2.0]])
    layer.dweights = np.array([[0.5], [-1.0]])
    layer.dbiases = np.zeros((1, 1))
    return layer


def steps(optimizer, n):
    layer = one_parameter_layer()
    for _ in range(n):
        optimizer.step([layer])
    return layer.weights.ravel()


def test_sgd_step():
    assert np.allclose(steps(optimizers.SGD(learning_rate=0.1), 1), [0.95, -1.9])


def test_sgd_decay():
    # step 1 uses η = 1; step 2 uses η = 1 / (1 + 0.1·1)
    opt = optimizers.SGD(learning_rate=1.0, decay=0.1)
    assert np.allclose(steps(opt, 2), [1 - 0.5 - 0.5 / 1.1, -2 + 1 + 1 / 1.1])
    assert opt.current_learning_rate == pytest.approx(1 / 1.1) and opt.iterations == 2


def test_sgd_momentum():
    # v1 = −0.1·g = (−0.05, 0.1); v2 = 0.9·v1 − 0.1·g = (−0.095, 0.19)
    assert np.allclose(steps(optimizers.SGD(learning_rate=0.1, momentum=0.9), 2), [0.855, -1.71])


def test_adagrad_step():
    # cache = g²; Δ = −g / (|g| + 1e−7) ≈ −sign(g)
    assert np.allclose(steps(optimizers.Adagrad(learning_rate=1.0), 1), [0.0, -1.0], atol=1e-6)


def test_rmsprop_step():
    # cache = 0.1·g²; Δ = −0.001·g / √(0.1·g²) = −0.001·sign(g)/√0.1
    shift = 0.001 / np.sqrt(0.1)
    assert np.allclose(steps(optimizers.RMSprop(), 1), [1 - shift, -2 + shift])


def test_adam_step():
    # bias correction makes m̂ = g and v̂ = g² on step 1: Δ = −η·sign(g)
    assert np.allclose(steps(optimizers.Adam(), 1), [0.999, -1.999])


def test_optimizer_keeps_its_state_off_the_layer():
    layer = one_parameter_layer()
    opt = optimizers.Adam()
    opt.step([layer])
    assert layer in opt.state and "weights" in opt.state[layer]
    assert not any(name.endswith(("momentums", "cache")) for name in vars(layer))


# -- convolution and pooling against loops and by hand ----------------------------------------
@pytest.mark.parametrize("stride,padding", [(1, 0), (2, 1), (1, 2)])
def test_conv2d_matches_the_loop_reference(stride, padding):
    rng = np.random.default_rng(0)
    layer = Conv2D(2, 3, 3, stride=stride, padding=padding, seed=1)
    layer.biases = rng.standard_normal(3)
    inputs = rng.standard_normal((2, 2, 6, 5))
    output = layer.forward(inputs)
    assert np.allclose(output, conv2d_loops(inputs, layer.weights, layer.biases, stride, padding))
    dvalues = rng.standard_normal(output.shape)
    layer.backward(dvalues)
    dinputs, dweights, dbiases = conv2d_backward_loops(inputs, layer.weights, dvalues, stride, padding)
    assert np.allclose(layer.dinputs, dinputs)
    assert np.allclose(layer.dweights, dweights)
    assert np.allclose(layer.dbiases, dbiases)


def test_a_models_first_conv2d_skips_dinputs_and_keeps_its_parameter_gradients():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((4, 1, 6, 6)), np.array([0, 1, 2, 0])
    model = Model([Conv2D(1, 2, 3, padding="same", seed=0), ReLU(), Flatten(), Dense(72, 3, seed=1), Softmax()],
                  losses.CategoricalCrossEntropy())
    assert model.backward(model.forward(X), y) is None
    first = model.layers[0]
    assert first.dinputs is None
    alone = Conv2D(1, 2, 3, padding="same", seed=0)           # the same layer on its own
    alone.forward(X)
    alone.backward(model.layers[1].dinputs)
    assert alone.dinputs.shape == X.shape
    np.testing.assert_array_equal(alone.dweights, first.dweights)
    np.testing.assert_array_equal(alone.dbiases, first.dbiases)
    assert model.layers[3].needs_dinputs                      # only the first layer is told


def test_vertical_edge_kernel_by_hand():
    image = np.array([[0, 0, 1, 1]] * 3, dtype=float)[None, None]
    layer = Conv2D(1, 1, (1, 2))
    layer.weights = np.array([[[[-1.0, 1.0]]]])
    assert np.allclose(layer.forward(image)[0, 0], [[0, 1, 0]] * 3)


@settings(max_examples=40, deadline=None)
@given(size=st.integers(3, 12), kernel=st.integers(1, 3), stride=st.integers(1, 3),
       padding=st.sampled_from([0, 1, 2, "valid", "same", "full"]))
def test_conv2d_output_size_formula(size, kernel, stride, padding):
    layer = Conv2D(1, 1, kernel, stride=stride, padding=padding)
    top, bottom, _, _ = layer.pads(size, size)
    output = layer.forward(np.ones((1, 1, size, size)))
    assert output.shape[2] == output_size(size, kernel, stride, top, bottom)
    if padding == "same":
        assert output.shape[2] == -(-size // stride)
    if padding == "full" and stride == 1:
        assert output.shape[2] == size + kernel - 1


@settings(max_examples=40, deadline=None)
@given(height=st.integers(3, 9), width=st.integers(3, 9), kh=st.integers(1, 3), kw=st.integers(1, 3),
       stride=st.integers(1, 3))
def test_windows_view_is_every_window(height, width, kh, kw, stride):
    padded = np.random.default_rng(0).standard_normal((2, 3, height, width))
    view = windows(padded, kh, kw, stride, "test")
    for y, x in [(0, 0), (view.shape[2] - 1, view.shape[3] - 1), (view.shape[2] // 2, 0)]:
        np.testing.assert_array_equal(view[:, :, y, x], padded[:, :, y * stride:y * stride + kh, x * stride:x * stride + kw])
    np.testing.assert_array_equal(view, sliding_window_view(padded, (kh, kw), axis=(2, 3))[:, :, ::stride, ::stride])
    assert not view.flags.writeable


def test_pooling_by_hand():
    image = np.arange(16.0).reshape(1, 1, 4, 4)
    assert np.array_equal(MaxPool2D(2).forward(image)[0, 0], [[5, 7], [13, 15]])
    assert np.array_equal(AvgPool2D(2).forward(image)[0, 0], [[2.5, 4.5], [10.5, 12.5]])
    pool = MaxPool2D(2)
    pool.forward(image)
    grad = pool.backward(np.ones((1, 1, 2, 2)))[0, 0]
    assert grad.sum() == 4 and grad[1, 1] == grad[1, 3] == grad[3, 1] == grad[3, 3] == 1


def test_flatten_a_3x3x64_map_gives_576_numbers():
    assert Flatten().forward(np.zeros((2, 64, 3, 3))).shape == (2, 576)


# -- dropout and batch norm behaviour ---------------------------------------------------------------
def test_dropout_keeps_the_expected_value_and_is_identity_at_inference():
    layer = Dropout(0.3, seed=0)
    inputs = np.ones((200, 500))
    out = layer.forward(inputs)
    assert abs((out == 0).mean() - 0.3) < 0.01
    assert abs(out.mean() - 1.0) < 0.01
    assert np.array_equal(layer.forward(inputs, training=False), inputs)


def test_batchnorm_normalises_in_training_and_uses_running_stats_later():
    layer = BatchNorm(2, momentum=0.0)
    inputs = np.random.default_rng(0).normal([5.0, -3.0], [2.0, 0.5], size=(50, 2))
    out = layer.forward(inputs)
    assert np.allclose(out.mean(axis=0), 0, atol=1e-12) and np.allclose(out.std(axis=0), 1, atol=1e-3)
    assert np.allclose(layer.forward(inputs, training=False), out)    # momentum 0: running = batch stats


# -- the model -----------------------------------------------------------------------------------
def blobs(seed=0, n=60):
    rng = np.random.default_rng(seed)
    y = np.arange(n) % 3
    X = rng.normal(0, 0.3, size=(n, 2)) + np.array([[0, 2], [2, 0], [-2, -2]])[y]
    return X, y


def small_model(optimizer=None):
    return Model([Dense(2, 8, seed=0), ReLU(), Dense(8, 3, seed=1), Softmax()],
                 losses.CategoricalCrossEntropy(), optimizer or optimizers.Adam(0.05))


def test_fit_learns_separable_blobs_and_reports_history():
    X, y = blobs()
    model = small_model()
    history = model.fit(X, y, epochs=60, batch_size=16, validation_data=blobs(1), progress=False, seed=0)
    assert set(history.history) == {"loss", "accuracy", "val_loss", "val_accuracy"}
    assert all(len(values) == 60 for values in history.history.values())
    assert history.history["loss"][-1] < history.history["loss"][0] / 5
    assert model.evaluate(*blobs(2)).accuracy == 1.0


def test_fit_is_reproducible_with_a_seed():
    X, y = blobs()
    first = small_model().fit(X, y, epochs=5, batch_size=8, progress=False, seed=3).history["loss"]
    second = small_model().fit(X, y, epochs=5, batch_size=8, progress=False, seed=3).history["loss"]
    assert first == second


def test_early_stopping_restores_the_best_weights(tmp_path):
    X, y = blobs()
    X_val, y_val = blobs(1)
    y_val = (y_val + 1) % 3       # validation labels that disagree: val_loss rises as training fits
    model = small_model()
    history = model.fit(X, y, epochs=200, validation_data=(X_val, y_val), early_stopping=3,
                        checkpoint=tmp_path / "best.npz", progress=False)
    assert history.stopped_epoch is not None and history.stopped_epoch < 199
    assert history.stopped_epoch == history.best_epoch + 3
    best = history.history["val_loss"][history.best_epoch]
    assert model.evaluate(X_val, y_val).loss == pytest.approx(best)
    assert Model.load(tmp_path / "best.npz").evaluate(X_val, y_val).loss == pytest.approx(best)


def test_progress_false_prints_nothing(capsys):
    X, y = blobs()
    small_model().fit(X, y, epochs=3, progress=False)
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""


def test_progress_bar_shows_by_default(capsys):
    X, y = blobs()
    small_model().fit(X, y, epochs=3)
    err = capsys.readouterr().err
    assert "epoch" in err and "/3" in err


def test_regularised_fit_records_the_penalty():
    X, y = blobs()
    model = Model([Dense(2, 3, weight_l2=0.01), Softmax()], losses.CategoricalCrossEntropy(), optimizers.SGD())
    history = model.fit(X, y, epochs=2, progress=False)
    assert len(history.history["regularization_loss"]) == 2


def test_save_then_load_gives_identical_predictions(tmp_path):
    rng = np.random.default_rng(0)
    model = Model([Conv2D(1, 4, 3, padding="same", seed=0), ReLU(), MaxPool2D(2), Flatten(),
                   Dense(64, 16, weight_l2=1e-4, seed=1), BatchNorm(16), activations.LeakyReLU(0.05),
                   Dropout(0.2), Dense(16, 3, seed=2), Softmax()],
                  losses.CategoricalCrossEntropy(), optimizers.SGD(0.1, momentum=0.5))
    X, y = rng.standard_normal((10, 1, 8, 8)), np.arange(10) % 3
    model.fit(X, y, epochs=2, batch_size=5, progress=False)
    model.save(tmp_path / "model.npz")
    loaded = Model.load(tmp_path / "model.npz")
    assert np.array_equal(loaded.predict(X), model.predict(X))
    assert repr(loaded) == repr(model)


def test_load_rejects_a_file_that_is_not_a_model(tmp_path):
    path = tmp_path / "junk.npz"
    np.savez(path, weights=np.ones(3))
    with pytest.raises(ValueError, match=r"junk.npz cannot be loaded: it has no __description__"):
        Model.load(path)


def test_predict_in_batches_equals_one_batch():
    X, _ = blobs()
    model = small_model()
    assert np.allclose(model.predict(X, batch_size=7), model.predict(X))


def test_history_reads_like_a_dict():
    X, y = blobs()
    history = small_model().fit(X, y, epochs=2, progress=False)
    assert history["loss"] is history.history["loss"] and len(history["accuracy"]) == 2
