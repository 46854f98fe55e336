"""The reader's own classes in the live widgets (issue 13 §3; ``nnlessons.widgets.yours``):
SpiralTrainer (Lesson 07), SGDRace (Lesson 08), OptimizerRace (Lesson 09) and Playground (Lesson 10) run a
class that passed its check, refuse one that did not (saying why, in both languages) and
keep the engine's default run exactly as it was."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.lessons.backpropagation.explorers import SpiralTrainer
from nnlessons.lessons.generalisation.explorers import Playground
from nnlessons.lessons.adaptive_optimizers.explorers import OptimizerRace
from nnlessons.lessons.optimizers.explorers import SGDRace
from nnlessons.layers import Dense
from nnlessons.optimizers import Adam
from nnlessons.widgets.yours import Part, YourLayer, make_network


# ---- the reader's classes, pasted as a reader would write them (the lessons' solutions) ----
class MyDense:
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        self.inputs = inputs
        self.output = inputs @ self.weights + self.biases      # the book's style: no return

    def backward(self, dvalues):
        self.dweights = self.inputs.T @ dvalues
        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)
        self.dinputs = dvalues @ self.weights.T


class MyDenseNoTranspose(MyDense):
    def backward(self, dvalues):
        super().backward(dvalues)
        self.dweights = self.inputs @ dvalues


class MySGD:
    def __init__(self, learning_rate=1.0, momentum=0.0):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.velocities = {}

    def step(self, layers):
        for layer in layers:
            for name in layer.params:
                gradient = getattr(layer, "d" + name)
                velocity = self.velocities.get((layer, name), 0.0)
                velocity = self.momentum * velocity - self.learning_rate * gradient
                self.velocities[(layer, name)] = velocity
                setattr(layer, name, getattr(layer, name) + velocity)


class MyAdam:
    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        self.learning_rate, self.epsilon = learning_rate, epsilon
        self.beta_1, self.beta_2 = beta_1, beta_2
        self.iterations = 0
        self.m, self.v = {}, {}

    def step(self, layers):
        self.iterations += 1
        t = self.iterations
        for layer in layers:
            for name in layer.params:
                g = getattr(layer, "d" + name)
                key = (layer, name)
                self.m[key] = self.beta_1 * self.m.get(key, 0.0) + (1 - self.beta_1) * g
                self.v[key] = self.beta_2 * self.v.get(key, 0.0) + (1 - self.beta_2) * g ** 2
                m_hat = self.m[key] / (1 - self.beta_1 ** t)
                v_hat = self.v[key] / (1 - self.beta_2 ** t)
                setattr(layer, name, getattr(layer, name) - self.learning_rate * m_hat / (np.sqrt(v_hat) + self.epsilon))


class MyAdamUncorrected(MyAdam):
    def step(self, layers):
        for layer in layers:
            for name in layer.params:
                g, key = getattr(layer, "d" + name), (layer, name)
                self.m[key] = self.beta_1 * self.m.get(key, 0.0) + (1 - self.beta_1) * g
                self.v[key] = self.beta_2 * self.v.get(key, 0.0) + (1 - self.beta_2) * g ** 2
                setattr(layer, name, getattr(layer, name) - self.learning_rate * self.m[key]
                        / (np.sqrt(self.v[key]) + self.epsilon))


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


# ---- Lesson 07: SpiralTrainer --------------------------------------------------------------
def test_the_default_trainer_is_unchanged_and_says_nothing_about_engines():
    default = SpiralTrainer(epochs=50)
    again = SpiralTrainer(epochs=50)
    assert default.result == again.result                 # deterministic
    assert default.png() == again.png()
    assert "Running" not in default.caption(default.result)
    assert default.caption(default.result).startswith("Epoch 50")


def test_a_right_mydense_trains_exactly_like_the_engine_and_says_so():
    default = SpiralTrainer(epochs=50)
    yours = SpiralTrainer(dense=MyDense, epochs=50)
    assert yours.parts[0].yours is MyDense
    assert isinstance(yours.runs[(1.0, 64)].model.layers[0], YourLayer)
    assert yours.result["losses"] == default.result["losses"]        # same start, same arithmetic
    assert yours.png() == default.png()                               # the same picture
    assert yours.caption(yours.result).startswith("⚙️ Running: your MyDense + nnlessons' SGD.<br>Epoch 50")


@pytest.mark.parametrize("language, words", [("en", ["Your MyDenseNoTranspose has not passed its check yet",
                                                      "nnlessons' Dense runs instead", "`dweights`",
                                                      "build-it question says how to fix it"]),
                                              ("pt", ["Sua classe MyDenseNoTranspose ainda não passou na conferência",
                                                      "roda a Dense do nnlessons", "`dweights`",
                                                      "“construa” da lição diz como consertar"])])
def test_a_wrong_mydense_is_refused_with_the_reason_and_the_engine_runs(language, words):
    i18n.set_language(language)
    refused = SpiralTrainer(dense=MyDenseNoTranspose, epochs=25)
    assert refused.parts[0].yours is None
    caption = refused.caption(refused.result)
    assert all(word in caption for word in words), caption
    assert refused.result["losses"] == SpiralTrainer(epochs=25).result["losses"]


class MyDenseScaffold(MyDense):
    def backward(self, dvalues):
        self.dweights = self.dbiases = self.dinputs = ...


@pytest.mark.parametrize("language", ["en", "pt"])
def test_a_blank_class_is_refused_without_pointing_at_a_question_the_lesson_does_not_have(language):
    """The widget's own checks (``yours.dense``, ``yours.adam``) are not the lesson's ``ex.q5``:
    their "not answered yet" must not say "Run ex.dense.hint()"."""
    i18n.set_language(language)
    trainer = SpiralTrainer(dense=MyDenseScaffold, epochs=25)
    caption = trainer.caption(trainer.result)
    assert {"en": "Not answered yet", "pt": "Ainda sem resposta"}[language] in caption
    assert "ex.dense" not in caption and "hint()" not in caption, caption
    race = OptimizerRace(optimizer=type("MyAdam", (MyAdam,), {"step": lambda self, layers: ...}))
    assert "ex.adam" not in race.caption(race.result) and "hint()" not in race.caption(race.result)


def test_your_optimizer_trains_like_its_engine_twin_and_replays_from_snapshots():
    yours = SpiralTrainer(dense=MyDense, optimizer=MyAdam, learning_rate=0.05, epochs=60)
    engine = SpiralTrainer(optimizer=Adam, learning_rate=0.05, epochs=60)
    assert yours.parts[1].twin is Adam and yours.parts[1].yours is MyAdam
    assert "your MyDense + your MyAdam" in yours.caption(yours.result)
    assert np.allclose(yours.result["losses"], engine.result["losses"], rtol=1e-12, atol=0)
    # back to epoch 40: a copy of the whole model at epoch 25 (optimizer memory included), trained 15 epochs
    back = yours.update(epochs=40)
    assert np.isclose(back["loss"], engine.update(epochs=40)["loss"], rtol=1e-12, atol=0)
    fresh = SpiralTrainer(dense=MyDense, optimizer=MyAdam, learning_rate=0.05, epochs=40)
    assert np.array_equal(yours._boundary, fresh._boundary)


def test_an_uncorrected_adam_is_refused_by_the_check_named_after_it():
    part = Part(MyAdamUncorrected, "optimizer", Adam)
    assert part.yours is None and part.twin is Adam
    assert "After step 1 of 4" in part.feedback.message


# ---- Lessons 08 and 09: the races ------------------------------------------------------------
def test_the_default_race_is_unchanged():
    race = OptimizerRace()
    assert set(race.result["runs"]) == set(OptimizerRace.racing)
    assert race.caption(race.result).startswith("η = 0.2")


@pytest.mark.parametrize("optimizer, twin", [(MyAdam, "adam"), (MySGD, "momentum")])
def test_your_optimizer_races_its_engine_twin_on_the_same_surface(optimizer, twin):
    race = OptimizerRace(optimizer=optimizer, surface="banana", learning_rate=0.01, steps=50)
    runs = race.result["runs"]
    assert set(runs) == {twin, "yours"}
    assert np.allclose(runs["yours"]["path"], runs[twin]["path"], rtol=1e-12, atol=1e-15)
    caption = race.caption(race.result)
    assert caption.startswith(f"⚙️ Racing: your {optimizer.__name__} against nnlessons'")
    assert f"your {optimizer.__name__}" in race.summary()


def test_your_mysgd_races_the_momentum_twin_in_lesson_08s_race():
    race = SGDRace(optimizer=MySGD, surface="ravine", learning_rate=0.2, momentum=0.7, steps=60)
    runs = race.result["runs"]
    assert set(runs) == {"momentum", "yours"}
    assert np.allclose(runs["yours"]["path"], runs["momentum"]["path"], rtol=1e-12, atol=1e-15)
    assert set(SGDRace().result["runs"]) == set(SGDRace.racing)


def test_a_wrong_optimizer_is_refused_and_the_five_engine_racers_run():
    i18n.set_language("pt")
    race = OptimizerRace(optimizer=MyAdamUncorrected)
    assert set(race.result["runs"]) == set(OptimizerRace.racing)
    assert race.caption(race.result).startswith("Sua classe MyAdamUncorrected ainda não passou na conferência, "
                                                "então ela não corre: aqui estão os otimizadores do nnlessons.")


def test_a_refused_optimizer_is_replaced_by_the_engine_one_it_is_named_after():
    trainer = SpiralTrainer(optimizer=MyAdamUncorrected, learning_rate=0.05, epochs=25)
    engine = SpiralTrainer(optimizer=Adam, learning_rate=0.05, epochs=25)
    assert trainer.parts[1].twin is Adam and trainer.parts[1].yours is None
    assert trainer.result["losses"] == engine.result["losses"]
    assert "so nnlessons' Adam runs instead" in trainer.caption(trainer.result)


class MySGDWithNamedParameters(MySGD):
    """Right on a Dense layer (it passes the check), but the race's Point has no biases."""

    def step(self, layers):
        for layer in layers:
            for name in ("weights", "biases"):
                velocity = self.momentum * self.velocities.get((layer, name), 0.0) - self.learning_rate * getattr(
                    layer, "d" + name)
                self.velocities[(layer, name)] = velocity
                setattr(layer, name, getattr(layer, name) + velocity)


def test_your_optimizer_that_fails_on_the_race_point_stops_at_the_start_and_says_why():
    race = OptimizerRace(optimizer=MySGDWithNamedParameters)
    run = race.result["runs"]["yours"]
    assert len(run["path"]) == 1 and "AttributeError" in run["error"]
    assert "loop over layer.params" in race.caption(race.result)
    assert race.result["best"] == "momentum"


# ---- Lesson 10: the playground -------------------------------------------------------------
def test_the_playground_runs_your_classes_like_the_engine():
    default = Playground(epochs=25)
    yours = Playground(dense=MyDense, optimizer=MyAdam, epochs=25)
    assert np.allclose(yours.result["val_losses"], default.result["val_losses"], rtol=1e-12, atol=0)
    assert yours.caption(yours.result).startswith("⚙️ Running: your MyDense + your MyAdam.<br>Epoch 25.")
    assert "Running" not in default.caption(default.result)


# ---- a class that passed its check but raises while training (issue 13, build-it leftovers) --
class MyDenseSmallBatchesOnly(MyDense):
    """Right on the check's batches (3 and 5 samples); raises on the trainers' batches of 32."""

    def backward(self, dvalues):
        if len(dvalues) > 5:
            raise ValueError("only small batches")
        super().backward(dvalues)


class MyDenseFirstFiveRows(MyDense):
    """Right on the check's batches; on the trainers' batches its output keeps only the
    first five rows (a slice written for the check's small batches)."""

    def forward(self, inputs):
        super().forward(inputs)
        self.output = self.output[:5]


@pytest.mark.parametrize("language, words", [
    ("en", "MyDenseFirstFiveRows.forward raised ValueError: output has shape (5, 64) for a batch of"),
    ("pt", "MyDenseFirstFiveRows.forward levantou ValueError: output tem formato (5, 64) para um lote de")])
def test_a_wrong_shape_while_training_is_blamed_on_your_class_not_called_divergence(language, words):
    i18n.set_language(language)
    trainer = SpiralTrainer(dense=MyDenseFirstFiveRows, epochs=25)
    caption = trainer.caption(trainer.result)
    assert words in caption and trainer.parts[0].yours is None, caption
    assert trainer.result["losses"] == SpiralTrainer(epochs=25).result["losses"]


class MyAdamTiresAtStep50(MyAdam):
    """Right for the check's 4 steps; raises on step 50."""

    def step(self, layers):
        if self.iterations == 49:
            raise RuntimeError("tired")
        super().step(layers)


@pytest.mark.parametrize("language, words", [
    ("en", ["MyDenseSmallBatchesOnly.backward raised ValueError: only small batches",
            "so training with it stopped and nnlessons' Dense runs instead"]),
    ("pt", ["MyDenseSmallBatchesOnly.backward levantou ValueError: only small batches",
            "então o treino com ela parou e roda a Dense do nnlessons no lugar"])])
def test_a_class_that_raises_while_training_falls_back_to_the_engines(language, words):
    i18n.set_language(language)
    trainer = SpiralTrainer(dense=MyDenseSmallBatchesOnly, epochs=25)       # no traceback
    part = trainer.parts[0]
    assert part.failure is not None and part.yours is None and part.twin is Dense
    caption = trainer.caption(trainer.result)
    assert all(word in caption for word in words), caption
    assert {"en": "⚙️ Running: nnlessons' Dense + nnlessons' SGD.",
            "pt": "⚙️ Rodando: Dense do nnlessons + SGD do nnlessons."}[language] in caption
    assert trainer.result["losses"] == SpiralTrainer(epochs=25).result["losses"]
    moved = trainer.update(learning_rate=0.5, epochs=50)             # still usable: the engine's Dense trains
    assert moved["epoch"] == 50 and moved["losses"] == SpiralTrainer(learning_rate=0.5, epochs=50).result["losses"]


def test_an_optimizer_that_raises_at_step_50_falls_back_in_the_trainer_and_the_playground():
    trainer = SpiralTrainer(dense=MyDense, optimizer=MyAdamTiresAtStep50, learning_rate=0.05, epochs=25)
    caption = trainer.caption(trainer.result)
    assert "MyAdamTiresAtStep50.step raised RuntimeError: tired" in caption and "nnlessons' Adam runs instead" in caption
    assert trainer.parts[0].yours is MyDense                          # the dense layer that worked still runs
    assert caption.startswith("⚙️ Running: your MyDense + nnlessons' Adam.")
    engine = SpiralTrainer(optimizer=Adam, learning_rate=0.05, epochs=25)
    assert np.allclose(trainer.result["losses"], engine.result["losses"], rtol=1e-12, atol=0)
    playground = Playground(optimizer=MyAdamTiresAtStep50, epochs=75)     # one step per epoch
    assert "MyAdamTiresAtStep50.step raised RuntimeError: tired" in playground.caption(playground.result)
    assert playground.result["epoch"] == 75


@pytest.mark.parametrize("language, text", [("en", "your MyAdamTiresAtStep50 stopped at step 50: RuntimeError: tired"),
                                            ("pt", "seu MyAdamTiresAtStep50 parou no passo 50: RuntimeError: tired")])
def test_your_optimizer_that_raises_mid_race_keeps_its_path_so_far(language, text):
    i18n.set_language(language)
    race = OptimizerRace(optimizer=MyAdamTiresAtStep50, surface="banana", learning_rate=0.01, steps=100)
    run, twin = race.result["runs"]["yours"], race.result["runs"]["adam"]
    assert run["stopped_at"] == 50 and len(run["path"]) == 50            # the start and 49 steps
    assert np.allclose(run["path"], twin["path"][:50], rtol=1e-12, atol=1e-15)
    caption = race.caption(race.result)
    assert text in caption and "layer.params" not in caption



# ---- the engine's own classes handed in are nnlessons', not "yours" ------------------------
@pytest.mark.parametrize("language, line", [("en", "⚙️ Running: nnlessons' Dense + nnlessons' Adam."),
                                            ("pt", "⚙️ Rodando: Dense do nnlessons + Adam do nnlessons.")])
def test_the_engines_classes_are_labelled_as_the_engines(language, line):
    i18n.set_language(language)
    trainer = SpiralTrainer(dense=Dense, optimizer=Adam, learning_rate=0.05, epochs=25)
    assert trainer.caption(trainer.result).startswith(line)
    race = OptimizerRace(optimizer=Adam, steps=10)
    assert race.caption(race.result).startswith({"en": "⚙️ Racing: nnlessons' Adam against nnlessons' Adam.",
                                                 "pt": "⚙️ Na corrida: Adam do nnlessons contra Adam do nnlessons."}[language])
    assert "your" not in race.summary() and "seu" not in race.summary()


def test_a_readers_subclass_of_an_engine_class_is_the_readers():
    trainer = SpiralTrainer(optimizer=type("MyAdam", (Adam,), {}), learning_rate=0.05, epochs=25)
    assert trainer.caption(trainer.result).startswith("⚙️ Running: nnlessons' Dense + your MyAdam.")


class MyDenseRaisingMarkup(MyDense):
    def backward(self, dvalues):
        if len(dvalues) > 5:
            raise ValueError("<b>bold</b> & <lambda>")
        super().backward(dvalues)


def test_what_your_code_raised_is_shown_as_text_not_as_html():
    trainer = SpiralTrainer(dense=MyDenseRaisingMarkup, epochs=25)
    assert "ValueError: &lt;b&gt;bold&lt;/b&gt; &amp; &lt;lambda&gt;" in trainer.caption(trainer.result)


# ---- make_network: the small classifier of Lessons 10 and 11 --------------------------------
def test_make_network_architecture():
    model = make_network(5, "tanh", classes=3, learning_rate=0.01)
    assert [type(layer).__name__ for layer in model.layers] == ["Dense", "Tanh", "Dense", "Softmax"]
    assert model.layers[0].weights.shape == (2, 5) and model.layers[2].weights.shape == (5, 3)
    assert type(model.optimizer).__name__ == "Adam" and model.optimizer.learning_rate == 0.01


def test_make_network_starts_from_the_same_weights_every_call():
    first, second = make_network(8, "relu", 2, 0.03), make_network(8, "relu", 2, 0.03)
    np.testing.assert_array_equal(first.layers[0].weights, second.layers[0].weights)
    np.testing.assert_array_equal(first.layers[2].weights, second.layers[2].weights)


def test_make_network_explains_an_unknown_activation(language):
    with pytest.raises(ValueError, match=r"make_network: activation .*'relu'.*'softplus'"):
        make_network(4, "softplus", 2, 0.01)
