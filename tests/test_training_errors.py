"""Training that diverges, early stopping, and losses fed the wrong thing (issue 9, section 2)."""

import numpy as np
import pytest

from nnlessons import i18n, losses, optimizers
from nnlessons.activations import ELU, LeakyReLU, ReLU, Sigmoid, Softmax
from nnlessons.gradcheck import check_loss
from nnlessons.layers import BatchNorm, Dense, Dropout
from nnlessons.model import EarlyStopping, Model


# -- non-finite hyper-parameters -------------------------------------------------------------
HYPERPARAMETERS = [
    (optimizers.SGD, "learning_rate"), (optimizers.SGD, "decay"), (optimizers.SGD, "momentum"),
    (optimizers.Adagrad, "learning_rate"), (optimizers.Adagrad, "epsilon"),
    (optimizers.RMSprop, "learning_rate"), (optimizers.RMSprop, "rho"), (optimizers.RMSprop, "epsilon"),
    (optimizers.Adam, "learning_rate"), (optimizers.Adam, "decay"), (optimizers.Adam, "epsilon"),
    (optimizers.Adam, "beta_1"), (optimizers.Adam, "beta_2"),
    (lambda **kw: Dense(2, 3, **kw), "weight_l1"), (lambda **kw: Dense(2, 3, **kw), "weight_l2"),
    (lambda **kw: Dense(2, 3, **kw), "bias_l1"), (lambda **kw: Dense(2, 3, **kw), "bias_l2"),
    (lambda **kw: BatchNorm(3, **kw), "momentum"), (lambda **kw: BatchNorm(3, **kw), "epsilon"),
    (Dropout, "rate"), (LeakyReLU, "alpha"), (ELU, "alpha"), (losses.Huber, "delta"),
]


@pytest.mark.parametrize("make, name", HYPERPARAMETERS)
@pytest.mark.parametrize("value", [np.inf, -np.inf, np.nan])
def test_non_finite_hyperparameters_are_refused_at_construction(make, name, value):
    with pytest.raises(ValueError, match=rf"{name} must be a finite number in .* \(not NaN, not infinity\), "
                                         rf"got {value}"):
        make(**{name: value})


def test_an_infinite_learning_rate_in_portuguese():
    i18n.set_language("pt")
    with pytest.raises(ValueError, match=r"learning_rate deve ser um número finito em \(0, ∞\) "
                                         r"\(nem NaN, nem infinito\), recebeu inf"):
        optimizers.Adam(learning_rate=float("inf"))


# -- divergence ------------------------------------------------------------------------------
def line_data():
    X = np.linspace(-1, 1, 20).reshape(-1, 1)
    return X, 3 * X


def exploding_model(rate=1e6, optimizer=optimizers.SGD):
    return Model([Dense(1, 1, seed=0)], losses.MeanSquaredError(), optimizer(learning_rate=rate))


def test_divergence_names_the_epoch_and_the_learning_rate_to_lower():
    X, y = line_data()
    with pytest.raises(ValueError, match=r"^Model.fit: training diverged in epoch (\d+) of 200: the loss or the "
                                         r"parameters became NaN or infinite\. .*Try a smaller learning rate: "
                                         r"it is 1e\+06 now; for example set model.optimizer.learning_rate = "
                                         r"100000 and call fit again\.$"):
        with np.errstate(all="ignore"):
            exploding_model().fit(X, y, epochs=200, progress=False)


@pytest.mark.parametrize("optimizer, huge", [
    (lambda learning_rate: optimizers.SGD(learning_rate, momentum=0.5), 1e6), (optimizers.Adam, 1e300)],
    ids=["SGD-momentum", "Adam"])
def test_a_diverged_model_is_put_back_as_it_was_before_fit(optimizer, huge):
    X, y = line_data()
    model = exploding_model(0.01, optimizer)
    model.fit(X, y, epochs=1, batch_size=5, progress=False)       # some state worth keeping
    model.optimizer.learning_rate = huge
    before, memory, iterations = model.parameters(), model.optimizer_memory(), model.optimizer.iterations
    with pytest.raises(ValueError, match="training diverged in epoch"), np.errstate(all="ignore"):
        model.fit(X, y, epochs=200, batch_size=5, progress=False)
    for name, value in before.items():
        assert np.array_equal(model.parameters()[name], value), name
    assert model.optimizer.iterations == iterations
    assert memory and all(np.array_equal(model.optimizer_memory()[name], value) for name, value in memory.items())
    assert np.all(np.isfinite(model.predict(X)))                   # still usable


def test_after_a_divergence_a_smaller_learning_rate_just_works():
    X, y = line_data()
    model = exploding_model()
    with pytest.raises(ValueError, match="diverged"), np.errstate(all="ignore"):
        model.fit(X, y, epochs=200, progress=False)
    model.optimizer.learning_rate = 0.1                            # what the message suggests, a bit smaller
    history = model.fit(X, y, epochs=200, progress=False)
    assert history["loss"][-1] < 1e-6


def test_divergence_in_the_very_last_step_of_fit_is_caught():
    # One step with a huge learning rate: the loss of that step was computed before the
    # step and is finite; only the parameters after it are infinite.
    X, y = np.ones((4, 1)), np.full((4, 1), 1000.0)
    model = Model([Dense(1, 1, seed=0)], losses.MeanSquaredError(), optimizers.SGD(learning_rate=1e307))
    before = model.parameters()
    with pytest.raises(ValueError, match="training diverged in epoch 1 of 1"), np.errstate(all="ignore"):
        model.fit(X, y, epochs=1, progress=False)
    assert all(np.array_equal(model.parameters()[name], value) for name, value in before.items())


def test_a_validation_loss_that_overflows_counts_as_divergence():
    X, y = line_data()
    model = exploding_model()
    with pytest.raises(ValueError, match="training diverged"), np.errstate(all="ignore"):
        model.fit(X, y, epochs=200, validation_data=(X * 1e300, y), progress=False)
    assert np.all(np.isfinite(model.predict(X)))


@pytest.mark.parametrize("call", ["fit", "predict", "evaluate"])
def test_a_model_broken_outside_fit_is_refused_with_other_advice_than_the_learning_rate(call):
    X, y = line_data()
    model = exploding_model(rate=0.1)
    model.layers[0].weights = np.array([[np.nan]])             # e.g. by a training loop of one's own
    arguments = {"fit": (X, y), "predict": (X,), "evaluate": (X, y)}[call]
    with pytest.raises(ValueError, match=rf"Model.{call}: layer0.weights already holds NaN or infinity, so "
                                         r"this model can neither learn nor predict.*a smaller learning rate "
                                         r"will not mend it: build the model again"):
        getattr(model, call)(*arguments, **({"progress": False} if call == "fit" else {}))


# -- early stopping ---------------------------------------------------------------------------
def blobs(seed=0):
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
    y = np.repeat(np.arange(3), 20)
    return centres[y] + 0.4 * rng.standard_normal((60, 2)), y


def small_model():
    return Model([Dense(2, 8, seed=0), ReLU(), Dense(8, 3, seed=1), Softmax()],
                 losses.CategoricalCrossEntropy(), optimizers.Adam(0.05))


@pytest.mark.parametrize("restore", [True, False])
def test_early_stopping_restores_the_best_weights_only_when_asked(restore):
    X, y = blobs()
    X_val, y_val = blobs(1)
    y_val = (y_val + 1) % 3                 # labels that disagree: val_loss rises as training fits
    model = small_model()
    history = model.fit(X, y, epochs=200, validation_data=(X_val, y_val),
                        early_stopping=EarlyStopping(3, restore_best_weights=restore), progress=False)
    assert history.stopped_epoch == history.best_epoch + 3
    kept = history["val_loss"][history.best_epoch if restore else -1]
    assert model.evaluate(X_val, y_val).loss == pytest.approx(kept)
    assert history["val_loss"][-1] != pytest.approx(history["val_loss"][history.best_epoch])


def test_a_bare_patience_still_means_restore_the_best_weights():
    assert EarlyStopping(5) == EarlyStopping(patience=5, restore_best_weights=True)


@pytest.mark.parametrize("value", [0, -2, 2.5, "3", True, EarlyStopping(0), EarlyStopping(3, "yes")])
def test_bad_early_stopping(value):
    X, y = blobs()
    with pytest.raises(ValueError, match=r"early_stopping must be None, a patience \(a whole number ≥ 1\) or "
                                         r"EarlyStopping\(patience, restore_best_weights=True\)"):
        small_model().fit(X, y, early_stopping=value, progress=False)


# -- losses fed the wrong thing ---------------------------------------------------------------
@pytest.mark.parametrize("y_pred", [
    [[2.0, -1.0, 0.5], [0.3, 1.2, -0.7]],          # logits
    [[0.5, 0.5, 0.5], [0.2, 0.2, 0.2]],            # in [0, 1] but rows not summing to 1
    [[1.2, -0.2, 0.0], [0.5, 0.5, 0.0]],           # rows summing to 1, with a negative value
], ids=["logits", "rows-not-summing-to-1", "negative"])
@pytest.mark.parametrize("loss", [losses.CategoricalCrossEntropy(), losses.SoftmaxCategoricalCrossEntropy()],
                         ids=["cce", "combined"])
@pytest.mark.parametrize("method", ["calculate", "backward"])
def test_categorical_cross_entropy_needs_probability_rows(y_pred, loss, method):
    with pytest.raises(ValueError, match=r"each row of y_pred must be a probability distribution .*"
                                         r"did you forget the Softmax\? End the network with Softmax\(\)"):
        getattr(loss, method)(np.array(y_pred), [0, 1])


def test_a_network_without_softmax_is_stopped_at_its_first_step():
    X, y = blobs()
    model = Model([Dense(2, 3, seed=0)], losses.CategoricalCrossEntropy(), optimizers.SGD())
    before = model.parameters()
    with pytest.raises(ValueError, match="did you forget the Softmax"):
        model.fit(X, y, epochs=5, progress=False)
    assert all(np.array_equal(model.parameters()[name], value) for name, value in before.items())


def test_probability_rows_within_tolerance_are_accepted():
    rows = Softmax().forward(np.random.default_rng(0).standard_normal((5, 4))).astype(np.float32)
    losses.CategoricalCrossEntropy().calculate(rows, [0, 1, 2, 3, 0])
    assert check_loss(losses.CategoricalCrossEntropy(), np.array([[0.7, 0.2, 0.1]]), [0]) < 1e-6


@pytest.mark.parametrize("y_true, found", [
    ([[0.9, 0.05, 0.05], [0.1, 0.8, 0.1]], r"values \[0\.05 0\.1  0\.8  0\.9 \]"),  # smoothed labels
    ([[1, 1, 0], [0, 1, 0]], r"values \[0\. 1\.\] and rows summing from 1 to 2"),     # two 1s in a row
    ([[2, 0, 0], [0, 1, 0]], r"values \[0\. 1\. 2\.\]"),
], ids=["smoothed", "two-ones", "a-two"])
def test_one_hot_targets_must_be_zeros_and_a_single_one(y_true, found):
    with pytest.raises(ValueError, match=r"one-hot rows of y_true must hold 0s and a single 1, got " + found):
        losses.CategoricalCrossEntropy().calculate(np.full((2, 3), 1 / 3), np.array(y_true))


@pytest.mark.parametrize("y_pred", [[[1.5], [0.2]], [[-0.3], [0.9]]], ids=["above-1", "negative"])
def test_binary_cross_entropy_needs_probabilities(y_pred):
    with pytest.raises(ValueError, match=r"BinaryCrossEntropy\(\)\.forward: y_pred must hold probabilities from 0 "
                                         r"to 1, got values from .*did you forget the Sigmoid\?"):
        losses.BinaryCrossEntropy().calculate(y_pred, [[1.0], [0.0]])


def test_binary_cross_entropy_without_sigmoid_is_stopped_in_fit():
    X, y = blobs()
    model = Model([Dense(2, 1, seed=0)], losses.BinaryCrossEntropy(), optimizers.SGD())
    with pytest.raises(ValueError, match="did you forget the Sigmoid"):
        model.fit(X, (y == 0).reshape(-1, 1).astype(float), progress=False)
    Model([Dense(2, 1, seed=0), Sigmoid()], losses.BinaryCrossEntropy(), optimizers.SGD()).fit(
        X, (y == 0).reshape(-1, 1).astype(float), progress=False)


def test_probability_checks_in_portuguese():
    i18n.set_language("pt")
    with pytest.raises(ValueError, match="você esqueceu a Softmax"):
        losses.CategoricalCrossEntropy().calculate([[2.0, -1.0]], [0])
    with pytest.raises(ValueError, match="você esqueceu a Sigmoid"):
        losses.BinaryCrossEntropy().calculate([[2.0]], [[1.0]])
    with pytest.raises(ValueError, match="as linhas one-hot de y_true devem conter 0s e um único 1"):
        losses.CategoricalCrossEntropy().calculate([[0.5, 0.5]], [[0.5, 0.5]])
