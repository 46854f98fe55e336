"""The optimizer races of Lessons 08 and 09 (``widgets.race``): the engine's optimizers on a
layer-like point, the loss surfaces, the gradient noise, and the two panels: ``SGDRace``
(Lesson 08: SGD, momentum, decay) and ``OptimizerRace`` (Lesson 09: the five) — numbers,
divergence, extremes, bad values."""

import warnings

import numpy as np
import pytest

from nnlessons.optimizers import SGD, Adagrad, Adam, RMSprop
from nnlessons.i18n import tr
from nnlessons.lessons.adaptive_optimizers.explorers import OptimizerRace
from nnlessons.lessons.optimizers.explorers import SGDRace
from nnlessons.widgets.race import RACERS, SURFACES, LogSlider, Point, optimize


@pytest.fixture(scope="module")
def race():
    return OptimizerRace()


# ---- the point and the loop ------------------------------------------------------------
def test_point_is_a_layer_for_the_engine():
    point = Point((1.0, -2.0))
    assert point.params == ("weights",)
    assert point.weights.shape == point.dweights.shape == (1, 2)
    point.dweights[0] = [2.0, -4.0]
    SGD(learning_rate=0.5).step([point])
    np.testing.assert_allclose(point.weights, [[0.0, 0.0]])


def test_one_sgd_step_by_hand():
    """Ravine, θ₀ = (−4.5, 2), ∇L = (0.1·w₁, 8·w₂) = (−0.45, 16); η = 0.2 → (−4.41, −1.2)."""
    ravine = SURFACES["ravine"]
    path, left_at = optimize(SGD(learning_rate=0.2), ravine.gradient, ravine.start, 1, ravine.extent)
    np.testing.assert_allclose(path, [[-4.5, 2.0], [-4.41, -1.2]])
    assert left_at is None


def test_sgd_multiplies_each_distance_by_one_minus_eta_curvature():
    ravine = SURFACES["ravine"]
    path, _ = optimize(SGD(learning_rate=0.2), ravine.gradient, ravine.start, 20, ravine.extent)
    k = np.arange(21)
    np.testing.assert_allclose(path[:, 0], -4.5 * 0.98 ** k)
    np.testing.assert_allclose(path[:, 1], 2.0 * (-0.6) ** k, atol=1e-12)


def _reference_path(name, gradient, start, steps, lr=0.05, mu=0.8, decay=0.01, rho=0.9, beta_1=0.9, beta_2=0.999,
                    eps=1e-7):
    """The six racers' update rules written again in plain NumPy, independently of the engine."""
    theta, first, second = np.array(start, dtype=float), np.zeros(2), np.zeros(2)
    path = [theta]
    for t in range(1, steps + 1):
        g = gradient(theta)
        if name == "sgd":
            step = -lr * g
        elif name == "decay":
            step = -lr / (1 + decay * (t - 1)) * g
        elif name == "momentum":
            first = mu * first - lr * g
            step = first
        elif name == "adagrad":
            second = second + g * g
            step = -lr * g / (np.sqrt(second) + eps)
        elif name == "rmsprop":
            second = rho * second + (1 - rho) * g * g
            step = -lr * g / (np.sqrt(second) + eps)
        else:
            first = beta_1 * first + (1 - beta_1) * g
            second = beta_2 * second + (1 - beta_2) * g * g
            step = -lr * (first / (1 - beta_1 ** t)) / (np.sqrt(second / (1 - beta_2 ** t)) + eps)
        theta = theta + step
        path.append(theta)
    return np.array(path)


@pytest.mark.parametrize("name", list(RACERS))
@pytest.mark.parametrize("surface", list(SURFACES))
def test_the_engine_follows_the_update_rules(name, surface):
    shape = SURFACES[surface]
    optimizer = RACERS[name][2](0.005 if surface == "banana" else 0.05, 0.8, 0.01)
    path, left_at = optimize(optimizer, shape.gradient, shape.start, 40, shape.extent)
    lr = optimizer.learning_rate
    assert left_at is None
    np.testing.assert_allclose(path, _reference_path(name, shape.gradient, shape.start, 40, lr=lr), rtol=1e-12,
                               atol=1e-12)


def test_adam_first_step_is_eta_times_the_sign():
    ravine = SURFACES["ravine"]
    path, _ = optimize(Adam(learning_rate=0.2), ravine.gradient, ravine.start, 1, ravine.extent)
    np.testing.assert_allclose(path[1] - path[0], [0.2, -0.2], rtol=1e-6)


def test_rmsprop_first_step_is_eta_over_root_one_minus_rho():
    """The cache starts at 0: √((1 − ρ)·g²) = 0.316·|g|, so the first step is 3.16·η."""
    ravine = SURFACES["ravine"]
    path, _ = optimize(RMSprop(learning_rate=0.1), ravine.gradient, ravine.start, 1, ravine.extent)
    np.testing.assert_allclose(np.abs(path[1] - path[0]), 0.1 / np.sqrt(0.1), rtol=1e-6)


def test_momentum_zero_is_plain_sgd():
    banana = SURFACES["banana"]
    plain, _ = optimize(SGD(learning_rate=0.005), banana.gradient, banana.start, 50, banana.extent)
    zero, _ = optimize(SGD(learning_rate=0.005, momentum=0.0), banana.gradient, banana.start, 50, banana.extent)
    np.testing.assert_array_equal(plain, zero)


def test_a_diverging_run_stops_when_it_leaves_the_picture():
    """Ravine with η = 0.26: w₂ is multiplied by 1 − 8·0.26 = −1.08 per step and leaves
    |w₂| ≤ 3 when 2·1.08^k > 3, at k = 6."""
    ravine = SURFACES["ravine"]
    path, left_at = optimize(SGD(learning_rate=0.26), ravine.gradient, ravine.start, 100, ravine.extent)
    assert left_at == 6 and len(path) == 7
    assert abs(path[-1, 1]) > 3 and np.all(np.abs(path[:-1, 1]) <= 3)


def test_not_a_number_counts_as_leaving():
    path, left_at = optimize(SGD(learning_rate=0.1), lambda theta: np.array([np.nan, 0.0]), (0.0, 0.0), 10,
                             (-1.0, 1.0, -1.0, 1.0))
    assert left_at == 1 and len(path) == 2


def test_each_run_has_its_own_memory():
    ravine = SURFACES["ravine"]
    optimizer = SGD(learning_rate=0.2, momentum=0.7)
    first, _ = optimize(optimizer, ravine.gradient, ravine.start, 5, ravine.extent)
    fresh, _ = optimize(SGD(learning_rate=0.2, momentum=0.7), ravine.gradient, ravine.start, 5, ravine.extent)
    np.testing.assert_array_equal(first, fresh)
    assert len(optimizer.state) == 1       # one Point, one velocity


# ---- the surfaces ----------------------------------------------------------------------
@pytest.mark.parametrize("surface", list(SURFACES))
def test_gradients_agree_with_centred_differences(surface):
    shape = SURFACES[surface]
    rng = np.random.default_rng(3)
    low, high = np.array(shape.extent[::2]), np.array(shape.extent[1::2])
    h = 1e-6
    for theta in rng.uniform(low, high, size=(5, 2)):
        numeric = [(shape.loss(*(theta + h * e)) - shape.loss(*(theta - h * e))) / (2 * h) for e in np.eye(2)]
        np.testing.assert_allclose(shape.gradient(theta), numeric, rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("surface", list(SURFACES))
def test_minima_are_minima_and_starts_are_inside(surface):
    shape = SURFACES[surface]
    for minimum in shape.minima:
        np.testing.assert_allclose(shape.gradient(np.array(minimum)), 0.0, atol=1e-12)
        assert shape.loss(*minimum) == 0.0
    w1_low, w1_high, w2_low, w2_high = shape.extent
    assert w1_low < shape.start[0] < w1_high and w2_low < shape.start[1] < w2_high
    assert shape.loss(*shape.start) > 0


def test_the_saddle_is_a_saddle():
    saddle = SURFACES["saddle"]
    assert saddle.loss(0.0, 0.0) == 0.25
    np.testing.assert_allclose(saddle.gradient(np.zeros(2)), 0.0)
    assert saddle.loss(0.1, 0.0) > 0.25 > saddle.loss(0.0, 0.1)      # up along w₁, down along w₂


# ---- the explorer ----------------------------------------------------------------------
def test_default_race_numbers(race):
    result = race.update(surface="ravine", learning_rate=0.2, momentum=0.7, steps=100)
    runs = result["runs"]
    assert set(runs) == set(OptimizerRace.racing) == set(RACERS) - {"decay"}
    assert runs["sgd"]["loss"] == pytest.approx(0.05 * (4.5 * 0.98 ** 100) ** 2, rel=1e-6)
    assert runs["momentum"]["loss"] < 1e-6 < runs["sgd"]["loss"]
    assert result["best"] == "momentum"
    for run in runs.values():
        assert run["left_at"] is None and len(run["path"]) == 101 and len(run["losses"]) == 101


def test_race_reports_divergence(race, language):
    result = race.update(surface="ravine", learning_rate=0.26, momentum=0.7, steps=100)
    assert result["runs"]["sgd"]["left_at"] == 6 and result["runs"]["sgd"]["loss"] is None
    assert len(result["runs"]["sgd"]["losses"]) == 6               # the points inside the picture
    assert result["runs"]["momentum"]["left_at"] is None           # momentum survives this η
    diverged = "divergiu" if language == "pt" else "diverged"
    assert diverged in race.legend.get_texts()[0].get_text()
    assert diverged in race.summary() and diverged in race.caption(result)
    assert diverged not in race.legend.get_texts()[1].get_text()


def test_banana_small_eta_favours_sgd_large_eta_adam(race):
    small = race.update(surface="banana", learning_rate=0.01, momentum=0.7, steps=100)["runs"]
    large = race.update(surface="banana", learning_rate=0.1, momentum=0.7, steps=100)["runs"]
    assert small["momentum"]["loss"] < small["adam"]["loss"]
    assert large["sgd"]["left_at"] is not None and large["adam"]["loss"] < 0.01


def test_sgd_stalls_on_the_saddle_and_adam_escapes(race):
    runs = race.update(surface="saddle", learning_rate=0.05, momentum=0.7, steps=100)["runs"]
    assert runs["sgd"]["loss"] > 0.2                          # still near the pass, L = 0.25
    assert abs(runs["sgd"]["path"][-1][1]) < 0.5
    assert runs["adam"]["loss"] < 1e-3 and runs["adam"]["path"][-1][1] == pytest.approx(1.0, abs=0.01)


def test_zero_steps(race):
    result = race.update(steps=0)
    assert result["best"] is None
    assert all(len(run["path"]) == 1 and run["left_at"] is None for run in result["runs"].values())
    race.update(steps=100)


def test_every_extreme_gives_a_picture_and_a_caption(language, is_png):
    explorer = OptimizerRace()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for surface in SURFACES:
            for learning_rate in (0.001, 1.0):
                for momentum in (0.0, 0.99):
                    for steps in (0, 200):
                        result = explorer.update(surface=surface, learning_rate=learning_rate, momentum=momentum,
                                                 steps=steps)
                        for run in result["runs"].values():
                            assert np.all(np.isfinite(run["path"])) and np.all(np.isfinite(run["losses"]))
                        assert is_png(explorer.png())
                        assert explorer.caption(result) and explorer.summary()
    diverged = explorer.update(surface="banana", learning_rate=1.0, steps=200)
    assert all(diverged["runs"][name]["left_at"] == 1 for name in ("sgd", "momentum"))
    assert ("saiu do quadro" if language == "pt" else "left the picture") in explorer.caption(diverged)


def test_bad_values_are_refused(race):
    with pytest.raises(ValueError, match="learning_rate"):
        race.update(learning_rate=2.0)
    with pytest.raises(ValueError, match="learning_rate"):
        race.update(learning_rate=0.0)
    with pytest.raises(ValueError, match="momentum"):
        race.update(momentum=1.0)
    with pytest.raises(ValueError, match="surface"):
        race.update(surface="mountain")
    with pytest.raises(ValueError, match="steps"):
        race.update(steps=2.5)


def test_log_slider_moves_in_powers_of_ten():
    slider = LogSlider("race.learning_rate", 0.001, 1.0, value=0.2).make()
    assert type(slider).__name__ == "FloatLogSlider"
    assert (slider.min, slider.max, slider.base, slider.step) == (-3.0, 0.0, 10.0, 0.1)
    assert slider.value == pytest.approx(0.2)


def test_engine_classes_are_the_racers():
    built = {name: make(0.1, 0.5, 0.3) for name, (_, _, make) in RACERS.items()}
    assert [type(o) for o in built.values()] == [SGD, SGD, SGD, Adagrad, RMSprop, Adam]
    assert built["sgd"].momentum == 0.0 and built["momentum"].momentum == 0.5
    assert built["decay"].decay == 0.3 and built["decay"].momentum == 0.0
    assert all(o.decay == 0.0 for name, o in built.items() if name != "decay")
    assert all(o.learning_rate == 0.1 for o in built.values())


def test_a_legend_that_changes_is_redrawn():
    """A racer that starts diverging renames its legend entry; the cached picture must
    not hide that (the figure legend lies outside the animated artists)."""
    race = OptimizerRace()
    race.render()
    race.update(surface="ravine", learning_rate=0.26)
    blitted = race.render().copy()
    race.invalidate()
    np.testing.assert_array_equal(blitted, race.render())


@pytest.mark.parametrize("start", [(1.0,), (1.0, 2.0, 3.0), "ab", (np.nan, 0.0)])
def test_a_bad_start_is_explained(start, language):
    with pytest.raises(ValueError, match="(w₁, w₂)"):
        Point(start)


def test_bad_arguments_to_optimize_are_explained(language):
    ravine = SURFACES["ravine"]
    with pytest.raises(ValueError, match="steps"):
        optimize(SGD(), ravine.gradient, ravine.start, -1, ravine.extent)
    with pytest.raises(ValueError, match="extent"):
        optimize(SGD(), ravine.gradient, ravine.start, 5, (5.0, -5.0, -3.0, 3.0))
    with pytest.raises(ValueError, match="∂L/∂w₁"):
        optimize(SGD(), lambda theta: np.zeros(3), ravine.start, 5, ravine.extent)
    for noise in (-1.0, np.nan, "a lot"):
        with pytest.raises(ValueError, match="noise=0"):
            optimize(SGD(), ravine.gradient, ravine.start, 5, ravine.extent, noise=noise)


# ---- the gradient noise ------------------------------------------------------------------
def test_noise_adds_the_seeded_draws_to_the_gradient():
    """One SGD step with noise σ: θ₁ = θ₀ − η·(∇L(θ₀) + σ·z), z the first two draws of the seed."""
    ravine = SURFACES["ravine"]
    path, _ = optimize(SGD(learning_rate=0.1), ravine.gradient, ravine.start, 1, ravine.extent, noise=0.5, seed=4)
    z = np.random.default_rng(4).standard_normal(2)
    expected = np.array(ravine.start) - 0.1 * (ravine.gradient(np.array(ravine.start)) + 0.5 * z)
    np.testing.assert_allclose(path[1], expected)


def test_no_noise_is_the_exact_gradient_and_noise_is_reproducible():
    ravine = SURFACES["ravine"]
    exact, _ = optimize(SGD(learning_rate=0.2), ravine.gradient, ravine.start, 30, ravine.extent)
    zero, _ = optimize(SGD(learning_rate=0.2), ravine.gradient, ravine.start, 30, ravine.extent, noise=0.0, seed=9)
    np.testing.assert_array_equal(exact, zero)
    noisy = [optimize(SGD(learning_rate=0.2), ravine.gradient, ravine.start, 30, ravine.extent, noise=1.0)[0]
             for _ in range(2)]
    np.testing.assert_array_equal(*noisy)
    assert not np.allclose(noisy[0], exact)


# ---- Lesson 08's panel: SGD against its two cures ------------------------------------------
@pytest.fixture(scope="module")
def sgd_race():
    return SGDRace()


def test_sgd_race_runs_sgd_and_its_two_cures(sgd_race):
    result = sgd_race.update(surface="ravine", learning_rate=0.2, momentum=0.7, decay=0.0, noise=0.0, steps=50)
    assert set(result["runs"]) == {"sgd", "momentum", "decay"}
    assert result["runs"]["decay"]["path"] == result["runs"]["sgd"]["path"]       # decay 0 is plain SGD


def test_momentum_cures_the_ravine_and_decay_the_noise(sgd_race):
    """Without noise momentum ends lowest; with noise σ = 1 decay does, and momentum, which
    adds up the noise of several steps, ends highest."""
    exact = sgd_race.update(surface="ravine", learning_rate=0.2, momentum=0.7, decay=0.02, noise=0.0, steps=100)
    assert exact["best"] == "momentum"
    noisy = sgd_race.update(noise=1.0)
    losses = {name: run["loss"] for name, run in noisy["runs"].items()}
    assert noisy["best"] == "decay" and max(losses, key=losses.get) == "momentum"


def test_decay_rescues_a_rate_past_the_ravines_limit(sgd_race):
    runs = sgd_race.update(surface="ravine", learning_rate=0.26, decay=0.02, noise=0.0, steps=100)["runs"]
    assert runs["sgd"]["left_at"] == 6
    assert runs["decay"]["left_at"] is None and runs["decay"]["loss"] < 0.1


def test_a_decay_too_fast_freezes_away_from_the_minimum(sgd_race):
    runs = sgd_race.update(surface="ravine", learning_rate=0.2, decay=0.2, noise=0.0, steps=100)["runs"]
    assert runs["decay"]["loss"] > 5 * runs["sgd"]["loss"]


CAPTION_SETTINGS = {"en": ("decay = 0.02", "gradient noise σ = 1"), "pt": ("decaimento = 0,02", "ruído do gradiente σ = 1")}


def test_sgd_race_caption_states_decay_and_noise(sgd_race, language):
    words = CAPTION_SETTINGS[language]
    result = sgd_race.update(surface="ravine", learning_rate=0.2, decay=0.02, noise=1.0, steps=100)
    caption = sgd_race.caption(result)
    assert all(word in caption for word in words)
    assert tr("race.decay_racer") in caption
    plain = OptimizerRace()
    assert not any(word in plain.caption(plain.result) for word in words)


def test_sgd_race_extremes_give_a_picture(is_png):
    race = SGDRace()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for surface in SURFACES:
            for learning_rate, decay, noise in [(0.001, 0.0, 0.0), (1.0, 0.2, 4.0), (0.2, 0.2, 0.0), (0.2, 0.0, 4.0)]:
                result = race.update(surface=surface, learning_rate=learning_rate, decay=decay, noise=noise,
                                     momentum=0.99, steps=200)
                for run in result["runs"].values():
                    assert np.all(np.isfinite(run["path"])) and np.all(np.isfinite(run["losses"]))
                assert is_png(race.png()) and race.caption(result)


def test_the_ravines_title_writes_the_decimal_comma_in_portuguese(language):
    race = SGDRace(surface="ravine")
    race.render()
    assert race.ax.get_title() == ("L = 0,05·w₁² + 4·w₂²" if language == "pt" else "L = 0.05·w₁² + 4·w₂²")


def test_each_race_draws_its_racers_in_distinct_colours():
    for race in (SGDRace(), OptimizerRace()):
        colours = [colour for _, colour, _ in race.racers.values()]
        assert len(set(colours)) == len(colours)


def test_sgd_race_refuses_bad_decay_and_noise(sgd_race):
    with pytest.raises(ValueError, match="decay"):
        sgd_race.update(decay=-0.1)
    with pytest.raises(ValueError, match="noise"):
        sgd_race.update(noise=10.0)
