"""Lesson 12's data, network and explorer: the moons split, the too-big network, λ and dropout sliders."""

import asyncio
import threading
import warnings

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.data import noisy_moons
from nnlessons.lessons.regularisation.explorers import (EPOCHS, LAMBDAS, ZERO, LambdaSlider, RegularisationExplorer,
                                              moons_data, too_big_network)


# ---- data -----------------------------------------------------------------------------
def test_moons_data_is_the_lessons_split():
    (X, y), (X_val, y_val) = moons_data()
    assert X.shape == (80, 2) and X_val.shape == (600, 2)
    np.testing.assert_array_equal(X, noisy_moons(40, seed=0)[0])
    assert not np.allclose(X, X_val[:80])


# ---- the network ------------------------------------------------------------------------
def test_too_big_network_layers_and_penalties():
    model = too_big_network(l2=1e-3, l1=2e-3, dropout=0.25)
    assert [type(layer).__name__ for layer in model.layers] == ["Dense", "ReLU", "Dropout", "Dense", "Softmax"]
    assert model.layers[2].rate == 0.25
    for dense in model.trainable:
        assert (dense.weight_l2, dense.weight_l1, dense.bias_l2, dense.bias_l1) == (1e-3, 2e-3, 0.0, 0.0)
    assert [type(layer).__name__ for layer in too_big_network().layers] == ["Dense", "ReLU", "Dense", "Softmax"]


def test_he_initialisation():
    first, second = too_big_network(hidden=4000).trainable
    assert first.weights.std() == pytest.approx(1.0, rel=0.05)                  # √(2 / 2)
    assert second.weights.std() == pytest.approx(np.sqrt(2 / 4000), rel=0.05)
    np.testing.assert_array_equal(first.biases, 0.0)


@pytest.mark.parametrize("kwargs, match", [({"l2": -1.0}, "weight_l2"), ({"l1": -0.1}, "weight_l1"),
                                           ({"dropout": 1.0}, "dropout"), ({"dropout": -0.1}, "dropout")])
def test_too_big_network_rejects_bad_settings(kwargs, match):
    with pytest.raises(ValueError, match=match):
        too_big_network(**kwargs)


# ---- the λ slider ---------------------------------------------------------------------
def test_lambda_slider_accepts_only_its_values():
    slider = LambdaSlider("regularisation.l2")
    assert slider.validate(0, "Explorer", "l2") == 0.0
    assert isinstance(slider.validate(0, "Explorer", "l2"), float)
    assert slider.validate(3e-3, "Explorer", "l2") == 0.003
    with pytest.raises(ValueError, match="0.002"):
        slider.validate(0.002, "Explorer", "l2")


def test_lambda_slider_builds_a_selection_slider():
    ipywidgets = pytest.importorskip("ipywidgets")
    control = LambdaSlider("regularisation.l1", value=1e-3).make()
    assert isinstance(control, ipywidgets.SelectionSlider)
    assert control.value == 1e-3 and control.label == "0.001"
    assert len(control.options) == len(LAMBDAS)


# ---- the explorer -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def explorer():
    return RegularisationExplorer()


def test_without_regularisation_it_overfits(explorer):
    r = explorer.update(l2=0.0, l1=0.0, dropout=0.0)
    assert r["epoch"] == EPOCHS and not r["pending"]
    assert len(r["losses"]) == len(r["val_losses"]) == len(r["penalties"]) == EPOCHS
    assert r["train_accuracy"] - r["val_accuracy"] > 0.1
    assert r["val_loss"] > 1.8 * min(r["val_losses"])        # it climbed far above its best
    assert r["penalty"] == 0.0 and set(r["penalties"]) == {0.0}


def test_l2_narrows_the_gap_and_lowers_the_validation_loss(explorer):
    plain = explorer.update(l2=0.0, l1=0.0, dropout=0.0)
    l2 = explorer.update(l2=1e-3)
    assert l2["val_loss"] < 0.7 * plain["val_loss"]
    assert l2["train_accuracy"] - l2["val_accuracy"] < plain["train_accuracy"] - plain["val_accuracy"]
    assert len(l2["penalties"]) == EPOCHS and l2["penalties"][-1] == pytest.approx(l2["penalty"])


def test_l1_zeroes_weights_and_l2_does_not(explorer):
    l1 = explorer.update(l2=0.0, l1=3e-3, dropout=0.0)
    l2 = explorer.update(l2=1e-3, l1=0.0)
    assert l1["near_zero"] > 100
    assert l2["near_zero"] < 10


def test_reported_numbers_match_an_independent_computation(explorer):
    r = explorer.update(l2=1e-3, l1=1e-4, dropout=0.2)
    model = explorer.runs[(1e-3, 1e-4, 0.2)].model
    (X, y), (X_val, y_val) = moons_data()
    p_val, p_train = model.predict(X_val), model.predict(X)
    assert r["val_accuracy"] == pytest.approx(np.mean(p_val.argmax(axis=1) == y_val))
    assert r["train_accuracy"] == pytest.approx(np.mean(p_train.argmax(axis=1) == y))
    p_right = np.clip(p_val[np.arange(len(y_val)), y_val], 1e-7, 1 - 1e-7)      # the engine's clipping
    assert r["val_loss"] == pytest.approx(-np.mean(np.log(p_right)))
    W1, W2 = (dense.weights for dense in model.trainable)
    assert r["penalty"] == pytest.approx(sum(1e-3 * np.sum(W ** 2) + 1e-4 * np.sum(np.abs(W)) for W in (W1, W2)))
    counts, _ = np.histogram(np.clip(W1.ravel(), -3.05, 3.05), np.linspace(-3.05, 3.05, 62))
    assert r["counts"] == counts.tolist()
    assert sum(r["counts"]) == r["n_weights"] == 128
    assert r["near_zero"] == int(np.sum(np.abs(W1) < ZERO))


def test_runs_are_kept_and_not_trained_again(explorer):
    explorer.update(l2=3e-4, l1=0.0, dropout=0.0)
    run = explorer.runs[(3e-4, 0.0, 0.0)]
    weights = run.model.layers[0].weights.copy()
    explorer.update(l2=0.0)
    explorer.update(l2=3e-4)
    assert explorer.runs[(3e-4, 0.0, 0.0)] is run and run.trained == EPOCHS
    np.testing.assert_array_equal(run.model.layers[0].weights, weights)


def test_a_slider_rate_like_0_30000000000000004_is_the_run_of_0_3(explorer):
    explorer.update(l2=0.0, l1=0.0, dropout=0.1 + 0.2)
    assert (0.0, 0.0, 0.3) in explorer.runs


@pytest.mark.parametrize("setting", [{"l2": 3e-2, "l1": 3e-2, "dropout": 0.7}, {"l2": 0.0, "l1": 0.0, "dropout": 0.7},
                                     {"l2": 3e-2, "l1": 0.0, "dropout": 0.0}, {"l2": 0.0, "l1": 3e-2, "dropout": 0.0}])
def test_extreme_settings_stay_finite_and_draw(explorer, setting, is_png):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        r = explorer.update(**setting)
        png = explorer.png()
    assert is_png(png)
    numbers = [r[key] for key in ("train_accuracy", "val_accuracy", "train_loss", "val_loss", "penalty")]
    assert np.all(np.isfinite(numbers + r["losses"] + r["val_losses"] + r["penalties"]))


def test_everything_at_the_maximum_learns_nothing(explorer):
    r = explorer.update(l2=3e-2, l1=3e-2, dropout=0.7)
    assert r["train_accuracy"] < 0.6 and r["val_loss"] == pytest.approx(np.log(2), abs=0.02)


def test_a_diverging_run_stops_and_says_so(monkeypatch, language, is_png):
    from nnlessons.lessons.regularisation import explorers as regularisation
    monkeypatch.setattr(regularisation, "LEARNING_RATE", 1e6)        # far too large: the loss blows up
    explorer = RegularisationExplorer()
    r = explorer.result
    assert r["diverged_at"] is not None and r["epoch"] < EPOCHS and not r["pending"]
    assert np.all(np.isfinite([r["train_loss"], r["val_loss"], *r["losses"], *r["val_losses"]]))
    assert is_png(explorer.png())
    assert ("explodiu" if language == "pt" else "blew up") in explorer.caption(r)


@pytest.mark.parametrize("params, match", [({"l2": 0.5}, "l2"), ({"l1": -1e-3}, "l1"), ({"dropout": 0.9}, "dropout"),
                                           ({"dropout": "0.3"}, "dropout"), ({"lambda_2": 0.1}, "lambda_2")])
def test_bad_parameters_say_what_is_allowed(explorer, params, match):
    with pytest.raises(ValueError, match=match):
        explorer.update(**params)


def test_caption_in_both_languages(explorer, language):
    result = explorer.update(l2=1e-3, l1=0.0, dropout=0.0)
    caption = explorer.caption(result)
    assert ("validação" if language == "pt" else "validation") in caption
    assert f"{result['val_accuracy']:.0%}" in caption and i18n.number_text(f"{result['val_loss']:.2f}") in caption


# ---- training while on screen -----------------------------------------------------------
def test_updates_from_several_threads_take_turns():
    """JupyterLab moves controls on a subshell thread while slices of training run on the
    main thread: updates at the same time must not train the same network together."""
    explorer = RegularisationExplorer()
    results = []
    threads = [threading.Thread(target=lambda: results.append(explorer.update(l2=1e-2))) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run = explorer.runs[(1e-2, 0.0, 0.0)]
    assert run.diverged_at is None and run.trained == EPOCHS
    assert len(run.history["val_loss"]) == len(run.history["regularization_loss"]) == EPOCHS
    assert {result["val_loss"] for result in results} == {RegularisationExplorer(l2=1e-2).result["val_loss"]}


def test_on_screen_a_new_setting_trains_in_slices_until_done():
    pytest.importorskip("ipywidgets")
    explorer = RegularisationExplorer()

    async def watch():
        explorer.show()                  # in a notebook, show() runs on the kernel's loop
        first = explorer.update(l2=1e-2)
        for _ in range(1000):
            if not explorer.result["pending"]:
                break
            await asyncio.sleep(0.01)
        return first

    first = asyncio.run(watch())
    assert first["pending"] and first["epoch"] == explorer.budget
    assert "<i>" in explorer.caption(first)
    assert explorer.result["epoch"] == EPOCHS and not explorer.result["pending"]
    assert "<i>" not in explorer.caption(explorer.result)


def test_on_screen_wait_true_trains_to_the_end():
    pytest.importorskip("ipywidgets")
    explorer = RegularisationExplorer()

    async def ask():
        explorer.show()
        return explorer.update(wait=True, l1=1e-2)

    result = asyncio.run(ask())
    assert result["epoch"] == EPOCHS and not result["pending"]
