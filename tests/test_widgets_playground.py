"""Lesson 10's playground: its data, its network, its diagnosis and the explorer."""

import asyncio
import warnings

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.data import circles_data, spiral_data, train_test_split, vertical_data
from nnlessons.layers import Dense
from nnlessons.losses import CategoricalCrossEntropy
from nnlessons.model import Model
from nnlessons.optimizers import SGD
from nnlessons.widgets.live import TrainingRun
from nnlessons.widgets.yours import make_network
from nnlessons.lessons.generalisation.explorers import DATASETS, Playground, diagnose, playground_data


@pytest.fixture(scope="module")
def playground():
    return Playground()


# ---- data and network -------------------------------------------------------------------
@pytest.mark.parametrize("name", list(DATASETS))
def test_every_data_set_has_240_points_in_equal_classes(name):
    X, y = playground_data(name, 0.1)
    classes = DATASETS[name][0]
    assert X.shape == (240, 2) and y.shape == (240,)
    assert np.bincount(y).tolist() == [240 // classes] * classes


def test_noise_means_the_same_jitter_everywhere():
    """circles: the generator's own jitter; spiral and vertical: N(0, noise²) added with seed + 1."""
    np.testing.assert_array_equal(playground_data("circles", 0.2)[0], circles_data(120, 2, noise=0.2, seed=0)[0])
    for name, generate in (("spiral", spiral_data), ("vertical", vertical_data)):
        base, _ = generate(80, 3, seed=0)
        jitter = 0.3 * np.random.default_rng(1).standard_normal(base.shape)
        np.testing.assert_allclose(playground_data(name, 0.3)[0], base + jitter)


@pytest.mark.parametrize("call, match", [
    (lambda: playground_data("moons", 0.1), "moons"),
    (lambda: playground_data("spiral", -0.1), "noise"),
])
def test_bad_names_are_explained(call, match):
    with pytest.raises(ValueError, match=match):
        call()


# ---- the diagnosis ------------------------------------------------------------------------
def history(loss, val_loss, accuracy):
    return {"loss": list(loss), "val_loss": list(val_loss), "accuracy": list(accuracy)}


def test_diagnose_overfitting_underfitting_and_neither():
    epochs = np.arange(200)
    falling = 0.7 * np.exp(-epochs / 20) + 0.02
    u_shaped = 0.3 + 0.001 * (epochs - 50) ** 2 / 50          # lowest at epoch 51, then rising
    good = history(falling, falling + 0.05, np.full(200, 0.97))
    assert diagnose(history(falling, u_shaped, np.full(200, 0.99)), 200) == "overfitting"
    assert diagnose(history(np.full(200, 0.6), np.full(200, 0.62), np.full(200, 0.7)), 200) == "underfitting"
    assert diagnose(good, 200) is None
    assert diagnose(good, 0) is None
    assert diagnose(history(np.full(50, 0.6), np.full(50, 0.62), np.full(50, 0.7)), 50) is None   # too early


# ---- the explorer ---------------------------------------------------------------------------
def test_default_matches_a_direct_training(playground):
    """The same split, network and full-batch epochs through Model.fit give the same curves."""
    result = playground.update(dataset="circles", noise=0.15, train_fraction=0.5, hidden=8, activation="relu",
                               learning_rate=0.03, epochs=300, wait=True)
    X, y = playground_data("circles", 0.15)
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.5, seed=0, stratify=True)
    direct = make_network(8, "relu", 2, 0.03).fit(X_train, y_train, epochs=300, validation_data=(X_val, y_val),
                                                   progress=False)
    np.testing.assert_allclose(result["losses"], direct["loss"], rtol=1e-12)
    np.testing.assert_allclose(result["val_losses"], direct["val_loss"], rtol=1e-12)
    assert result["best_epoch"] == int(np.argmin(direct["val_loss"])) + 1
    assert (result["n_train"], result["n_val"]) == (120, 120)
    assert result["accuracy"] > 0.9 and result["val_accuracy"] > 0.85
    assert result["epoch"] == 300 and not result["pending"]


def test_replaying_from_a_snapshot_restores_adam_exactly(playground):
    """Epoch 60 (a snapshot) and epoch 37 (snapshot 25 + 12 replayed epochs, with Adam's
    moments restored) match fresh explorers trained straight there."""
    playground.update(dataset="xor", hidden=16, noise=0.1, epochs=300, wait=True)
    for epochs in (60, 37):
        back = playground.update(epochs=epochs)
        fresh = Playground(dataset="xor", hidden=16, noise=0.1, epochs=epochs)
        assert back["epoch"] == epochs and back["losses"] == fresh.result["losses"]
        np.testing.assert_array_equal(playground._boundary, fresh._boundary)


def test_runs_are_cached_and_the_oldest_forgotten():
    playground = Playground(epochs=25)
    playground.max_runs = 3
    first = playground.runs[next(iter(playground.runs))]
    for hidden in (2, 3):
        playground.update(hidden=hidden)
    playground.update(hidden=8)                            # back to the first setting: kept
    assert playground.runs[next(reversed(playground.runs))] is first
    playground.update(hidden=4)                            # a fourth setting pushes hidden=2 out
    assert len(playground.runs) == 3
    assert all(key[3] != 2 for key in playground.runs)


def test_overfitting_and_underfitting_are_told(playground, language):
    over = playground.update(dataset="circles", hidden=64, noise=0.3, train_fraction=0.2, epochs=300, wait=True)
    assert over["diagnosis"] == "overfitting" and over["best_epoch"] < 100
    assert over["val_losses"][-1] > 2 * over["val_losses"][over["best_epoch"] - 1]
    assert ("Sobreajuste" if language == "pt" else "Overfitting") in playground.caption(over)
    under = playground.update(dataset="circles", hidden=1, noise=0.15, train_fraction=0.5, epochs=300, wait=True)
    assert under["diagnosis"] == "underfitting"
    assert ("Subajuste" if language == "pt" else "Underfitting") in playground.caption(under)


def test_epoch_zero_and_captions(playground, language):
    result = playground.update(epochs=0)
    assert result["epoch"] == 0 and result["losses"] == [] and result["best_epoch"] is None
    assert ("Época 0" if language == "pt" else "Epoch 0") in playground.caption(result)
    diverged = dict(result, epoch=3, target=100, diverged_at=4, pending=False)
    assert ("Divergiu na época 4" if language == "pt" else "Diverged at epoch 4") in playground.caption(diverged)
    assert i18n.tr("generalisation.rate.0.03") == ("0,03" if language == "pt" else "0.03")


@pytest.mark.parametrize("dataset", list(DATASETS))
def test_extremes_stay_finite_and_draw(playground, dataset, is_png):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for activation in ("relu", "sigmoid"):
            result = playground.update(dataset=dataset, noise=0.5, train_fraction=0.1, hidden=64,
                                       activation=activation, learning_rate=0.3, epochs=100, wait=True)
            assert np.all(np.isfinite(result["losses"])) and np.all(np.isfinite(result["val_losses"]))
            assert is_png(playground.png())
            assert playground.caption(result)


def test_a_diverging_run_keeps_finite_weights():
    X, y = circles_data(30, seed=0)
    run = TrainingRun(lambda: Model([Dense(2, 4, seed=0), Dense(4, 2, seed=1)], CategoricalCrossEntropy(),
                                    SGD(learning_rate=1e200)),
                      X, y, 25, batch_size=None, validation_data=(X, y))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        run.advance(10)
    assert run.diverged_at is not None and run.trained == run.diverged_at - 1
    assert all(len(values) == run.trained for values in run.history.values())
    assert all(np.all(np.isfinite(value)) for value in run.model.parameters().values())


@pytest.mark.parametrize("params, match", [
    ({"noise": 0.6}, "noise"),
    ({"learning_rate": 0.05}, "learning_rate"),
    ({"dataset": "moons"}, "dataset"),
    ({"hidden": 0}, "hidden"),
    ({"activation": "elu"}, "activation"),
    ({"batch_size": 8}, "batch_size"),
])
def test_bad_parameters_are_explained(playground, params, match):
    with pytest.raises(ValueError, match=match):
        playground.update(**params)


def test_every_update_is_one_slice_unless_asked_to_wait():
    playground = Playground(epochs=100)
    assert playground.result["epoch"] == 100               # a new explorer starts fully trained
    sliced = playground.update(hidden=16, epochs=300)
    assert sliced["epoch"] == playground.budget and sliced["pending"]
    assert playground.update()["epoch"] == 2 * playground.budget          # the next slice
    waited = playground.update(hidden=12, epochs=300, wait=True)
    assert waited["epoch"] == 300 and not waited["pending"]


def test_on_screen_the_slices_follow_by_themselves():
    async def on_screen():
        playground = Playground()
        first = playground.update(hidden=20, epochs=100)["epoch"]    # one slice trained, more pending
        playground.show()
        for _ in range(300):
            await asyncio.sleep(0.02)
            if not playground.result["pending"]:
                break
        return first, playground.result

    first, last = asyncio.run(on_screen())
    assert first == Playground.budget
    assert last["epoch"] == 100 and not last["pending"]
