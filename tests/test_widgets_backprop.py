"""Lesson 07's explorers: the backpropagation stepper and the spiral trainer."""

import warnings

import matplotlib
import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.activations import ReLU, Softmax
from nnlessons.layers import Dense
from nnlessons.losses import SoftmaxCategoricalCrossEntropy
from nnlessons.lessons.backpropagation.explorers import TINY, BackpropStepper, SpiralTrainer, _Run, draw_chain, tiny_pass

matplotlib.use("Agg")


# ---- one pass through the tiny network ------------------------------------------------
def test_tiny_pass_by_hand():
    """x = (1, 0.5), class 1: the numbers the lesson works through."""
    r = tiny_pass([1.0, 0.5], 1)
    np.testing.assert_allclose(r["z1"], [0.8, -0.4])              # 0.5 + 0.2 + 0.1, −0.6 + 0.4 − 0.2
    np.testing.assert_allclose(r["h"], [0.8, 0.0])
    np.testing.assert_allclose(r["z2"], [0.56, -0.14])            # 0.8·0.7, 0.8·(−0.3) + 0.1
    p1 = 1 / (1 + np.exp(0.7))                                    # softmax of (0.56, −0.14), class 1
    np.testing.assert_allclose(r["p"], [1 - p1, p1])
    assert r["loss"] == pytest.approx(-np.log(p1))
    np.testing.assert_allclose(r["delta2"], [1 - p1, -(1 - p1)])
    np.testing.assert_allclose(r["dW2"], [[0.8 * (1 - p1), -0.8 * (1 - p1)], [0, 0]])
    np.testing.assert_allclose(r["dh"], [(1 - p1) * (0.7 + 0.3), (1 - p1) * (-0.5 - 0.6)])
    np.testing.assert_allclose(r["delta1"], [1 - p1, 0.0])        # the ReLU gate stops neuron 2
    np.testing.assert_allclose(r["dW1"], [[1 - p1, 0], [0.5 * (1 - p1), 0]])
    assert r["new_loss"] < r["loss"]


@pytest.mark.parametrize("x, target", [([1.0, 0.5], 1), ([-1.3, 2.0], 0), ([0.7, -1.9], 1), ([2.0, 2.0], 0)])
def test_tiny_pass_agrees_with_the_engine(x, target):
    dense1, relu, dense2, softmax = Dense(2, 2), ReLU(), Dense(2, 2), Softmax()
    dense1.weights, dense1.biases = TINY["W1"].copy(), TINY["b1"][None].copy()
    dense2.weights, dense2.biases = TINY["W2"].copy(), TINY["b2"][None].copy()
    p = softmax.forward(dense2.forward(relu.forward(dense1.forward(np.array([x])))))
    dense1.backward(relu.backward(dense2.backward(SoftmaxCategoricalCrossEntropy().backward(p, [target]))))
    r = tiny_pass(x, target)
    np.testing.assert_allclose(r["p"], p[0])
    np.testing.assert_allclose(r["dW1"], dense1.dweights, atol=1e-12)
    np.testing.assert_allclose(r["db1"], dense1.dbiases[0], atol=1e-12)
    np.testing.assert_allclose(r["dW2"], dense2.dweights, atol=1e-12)
    np.testing.assert_allclose(r["db2"], dense2.dbiases[0], atol=1e-12)


def test_tiny_pass_update_and_new_loss():
    r = tiny_pass([1.0, 0.5], 1, learning_rate=0.5)
    np.testing.assert_allclose(r["new"]["W2"], TINY["W2"] - 0.5 * r["dW2"])
    again = tiny_pass([1.0, 0.5], 1, params=r["new"])
    assert r["new_loss"] == pytest.approx(again["loss"])


# ---- the stepper --------------------------------------------------------------------
def test_stepper_every_step_draws_and_explains(language, is_png):
    stepper = BackpropStepper()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for step in range(12):
            result = stepper.update(step=step)
            assert result["step"] == step
            assert is_png(stepper.png())
            assert stepper.caption(result)
    assert i18n.number_text("0.388") in stepper.caption(stepper.result)   # the loss after the update
    stepper.update(step=2)
    assert ("não vai deixar passar" if language == "pt" else "pass no gradient") in stepper.caption(stepper.result)


def test_stepper_result_has_no_negative_zero():
    result = BackpropStepper().update(step=9, x1=1.0, x2=0.5, target=1)
    assert np.signbit(result["delta1"][1]) == np.False_


@pytest.mark.parametrize("x1, x2, target", [(-2.0, -2.0, 0), (2.0, 2.0, 1), (-2.0, 2.0, 1), (0.0, 0.0, 0)])
def test_stepper_extremes(x1, x2, target, is_png):
    stepper = BackpropStepper()
    result = stepper.update(step=11, x1=x1, x2=x2, target=target)
    assert np.isfinite(result["loss"]) and np.isfinite(result["new_loss"])
    assert is_png(stepper.png())


# ---- the spiral trainer --------------------------------------------------------------
@pytest.fixture(scope="module")
def trainer():
    return SpiralTrainer()


def test_trainer_default_trains_and_learns(trainer):
    result = trainer.update(learning_rate=1.0, hidden=64, epochs=300)
    assert result["epoch"] == 300 and not result["pending"]
    assert len(result["losses"]) == 300
    assert result["losses"][-1] < result["losses"][0] < 1.2
    assert result["accuracy"] > 0.5


def test_trainer_replays_from_snapshots_exactly(trainer):
    """Going back to epoch 60 (snapshot at 50 + 10 replayed epochs) gives the same weights,
    loss and picture as training a fresh run straight to 60."""
    trainer.update(learning_rate=1.0, hidden=64, epochs=300)
    back = trainer.update(epochs=60)
    fresh = SpiralTrainer(epochs=60)
    assert back["losses"] == fresh.result["losses"]
    np.testing.assert_array_equal(trainer._boundary, fresh._boundary)


def test_trainer_caches_runs(trainer):
    trainer.update(learning_rate=0.5, hidden=8, epochs=25)
    run = trainer.runs[(0.5, 8)]
    trainer.update(epochs=50)
    assert trainer.runs[(0.5, 8)] is run and run.trained == 50
    assert sorted(run.snapshots) == [0, 25, 50]


def test_trainer_epoch_zero(trainer, language):
    result = trainer.update(epochs=0)
    assert result["epoch"] == 0 and result["losses"] == []
    assert "1/3" in trainer.caption(result)


def test_trainer_extremes_draw(trainer, is_png):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for params in ({"learning_rate": 0.05, "hidden": 2, "epochs": 50},
                       {"learning_rate": 3.0, "hidden": 128, "epochs": 50}):
            result = trainer.update(**params)
            assert np.all(np.isfinite(result["losses"]))
            assert is_png(trainer.png())
            assert trainer.caption(result)


def test_a_diverging_run_stops_with_finite_weights():
    """A huge learning rate overflows; the run stops, keeps its last finite weights and
    says at which epoch."""
    from nnlessons.data import spiral_data
    X, y = spiral_data(100, 3, seed=0)
    run = _Run(X, y, 1e200, 4, 25)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run.advance(20)
    assert run.diverged_at == 1 and run.trained == 0
    assert all(np.all(np.isfinite(value)) for value in run.model.parameters().values())


def test_trainer_caption_when_diverged(language):
    trainer = SpiralTrainer(epochs=0)
    result = {"epoch": 3, "target": 100, "loss": 1.0, "accuracy": 0.3, "losses": [1, 1, 1],
              "accuracies": [0.3] * 3, "diverged_at": 4, "pending": False}
    assert ("Divergiu na época 4" if language == "pt" else "Diverged at epoch 4") in trainer.caption(result)


def test_draw_chain_places_every_label():
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots()
    draw_chain(ax, ["f", "g"], ["x", "u", "L"], ["a", "b", "1"], ["f′", "g′"])
    texts = [t.get_text() for t in ax.texts]
    assert {"f", "g", "x", "u", "L", "a", "b", "1", "f′", "g′"} <= set(texts)
    plt.close(fig)
