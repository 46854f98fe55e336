"""Lesson 12's data, network and explorer: regularisation.

- ``moons_data``: the lesson's fixed training set (80 points) and validation set (600) of
  ``nnlessons.data.noisy_moons``, mislabelled moons a big network can memorise;
- ``too_big_network``: 2 → 64 (ReLU) → [dropout] → 2 (softmax) with L1/L2 penalties on
  its weights, He-initialised, trained with SGD and momentum;
- ``LambdaSlider``: a slider over a few values of λ, 0 included, each about 3× the last;
- ``RegularisationExplorer``: sliders for λ₂, λ₁ and the dropout rate; trains the network
  with the engine's ``Model`` while you watch (a ``LiveTrainer`` of Lesson 07) and shows
  the decision boundary, the training and validation losses, and a histogram of the first
  layer's weights (where L1's zeros show).
"""


import numpy as np

from ...activations import ReLU, Softmax
from ...data import noisy_moons
from ...i18n import register, tr
from ...layers import Dense, Dropout
from ...losses import CategoricalCrossEntropy
from ...model import Model
from ...optimizers import SGD
from ...plots.training import boundary_image, plane_extent
from ...validation import check_range
from ...widgets.live import LiveTrainer, TrainingRun
from ...widgets import LABEL_STYLE, Choice, Slider
from ...plots.style import OKABE_ITO, class_colors, few_ticks

register({
    "regularisation.l2": {"en": "L2 λ₂", "pt": "L2 λ₂"},
    "regularisation.l1": {"en": "L1 λ₁", "pt": "L1 λ₁"},
    "regularisation.dropout": {"en": "dropout rate", "pt": "taxa de dropout"},
    "regularisation.boundary_title": {"en": "what the network predicts", "pt": "o que a rede prevê"},
    "regularisation.curves_title": {"en": "losses, epoch by epoch", "pt": "perdas, época a época"},
    "regularisation.weights_title": {"en": "the {n} weights w of layer 1", "pt": "os {n} pesos w da camada 1"},
    "regularisation.losses": {"en": "training (data loss)", "pt": "treino (perda dos dados)"},
    "regularisation.val_losses": {"en": "validation", "pt": "validação"},
    "regularisation.penalties": {"en": "penalty R", "pt": "penalidade R"},
    "regularisation.zeros": {"en": "|w| < {zero}: {count}", "pt": "|w| < {zero}: {count}"},
    "regularisation.caption": {
        "en": "After {epoch} of {total} epochs: accuracy <b>{train:.0%}</b> on training, <b>{val:.0%}</b> "
              "on validation (gap {gap:.0%}); data loss {train_loss:.2f} on training, <b>{val_loss:.2f}</b> "
              "on validation; penalty R = {penalty:.3f}; {zeros} of the {n} first-layer weights are ≈ 0.",
        "pt": "Após {epoch} de {total} épocas: acurácia de <b>{train:.0%}</b> no treino e <b>{val:.0%}</b> "
              "na validação (diferença de {gap:.0%}); perda dos dados {train_loss:.2f} no treino e "
              "<b>{val_loss:.2f}</b> na validação; penalidade R = {penalty:.3f}; {zeros} dos {n} pesos "
              "da primeira camada são ≈ 0.",
    },
    "regularisation.diverged": {
        "en": " <b style='color:#c00'>Training stopped at epoch {epoch}: the loss blew up.</b>",
        "pt": " <b style='color:#c00'>O treino parou na época {epoch}: a perda explodiu.</b>",
    },
    "regularisation.training_more": {
        "en": " <i>Training on… the picture follows the network as it learns.</i>",
        "pt": " <i>Treinando… a figura acompanha a rede enquanto ela aprende.</i>",
    },
    # the lesson's printed lines and pictures
    "regularisation.scores": {
        "en": "training: accuracy {train:.0%}, loss {train_loss:.2f} | validation: accuracy {val:.0%}, "
              "loss {val_loss:.2f}",
        "pt": "treino: acurácia {train:.0%}, perda {train_loss:.2f} | validação: acurácia {val:.0%}, "
              "perda {val_loss:.2f}",
    },
    "regularisation.best_epoch": {"en": "lowest validation loss at epoch {epoch}",
                       "pt": "menor perda na validação na época {epoch}"},
    "regularisation.name.none": {"en": "no regularisation", "pt": "sem regularização"},
    "regularisation.name.l2": {"en": "L2, λ₂ = 0.001", "pt": "L2, λ₂ = 0,001"},
    "regularisation.name.l1": {"en": "L1, λ₁ = 0.003", "pt": "L1, λ₁ = 0,003"},
    "regularisation.name.dropout": {"en": "dropout, rate 0.3", "pt": "dropout, taxa 0,3"},
    "regularisation.parts": {
        "en": "{name}: after the last epoch, data loss {loss:.3f} + penalty {penalty:.3f} = {total:.3f} minimised",
        "pt": "{name}: depois da última época, perda dos dados {loss:.3f} + penalidade {penalty:.3f} = "
              "{total:.3f} minimizada",
    },
    "regularisation.row": {
        "en": "{name:<18} accuracy: training {train:.0%}, validation {val:.0%} | validation loss "
              "{val_loss:.2f} | R = {penalty:.3f} | |w| < 0.01: {zeros} of {n}",
        "pt": "{name:<18} acurácia: treino {train:.0%}, validação {val:.0%} | perda na validação "
              "{val_loss:.2f} | R = {penalty:.3f} | |w| < 0,01: {zeros} de {n}",
    },
    "regularisation.short": {
        "en": "→ training {train:.0%}, validation {val:.0%}, validation loss {val_loss:.2f}, |w| < 0.01: {zeros}",
        "pt": "→ treino {train:.0%}, validação {val:.0%}, perda na validação {val_loss:.2f}, |w| < 0,01: {zeros}",
    },
    "regularisation.fig.penalties": {"en": "the penalties (λ = 1)", "pt": "as penalidades (λ = 1)"},
    "regularisation.fig.best_w": {"en": "the best w for each a (λ = 1)", "pt": "o melhor w para cada a (λ = 1)"},
    "regularisation.fig.no_penalty": {"en": "no penalty: w* = a", "pt": "sem penalidade: w* = a"},
    "regularisation.fig.wanted": {"en": "a, the value the data want", "pt": "a, o valor que os dados querem"},
    "regularisation.fig.weight": {"en": "weight w (first layer)", "pt": "peso w (primeira camada)"},
    "regularisation.fig.count": {"en": "how many", "pt": "quantos"},
})

#: The λ values of the sliders: off, then about ×3 per step (a logarithmic scale).
LAMBDAS = (0.0, 1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2)
#: The lesson's recipe: hidden neurons, epochs of full-batch SGD, learning rate, momentum.
HIDDEN, EPOCHS, LEARNING_RATE, MOMENTUM = 64, 300, 0.3, 0.9
#: A weight this close to 0 counts as "zero": 1% of the starting spread. Plain gradient
#: steps do not land exactly on 0; each step of λ₁·sign(w) jumps over it and back, so
#: L1's zeros jitter in a narrow band around 0 (about η·λ₁ wide, ×10 with momentum 0.9).
ZERO = 0.01


def moons_data():
    """The lesson's data (Lesson 12): ``(X_train, y_train), (X_val, y_val)``.

    Training: ``noisy_moons(40, seed=0)``, 80 points; validation: ``noisy_moons(300, seed=1)``,
    600 points from the same source (the same noise and the same 10% of wrong labels).
    """
    return noisy_moons(40, seed=0), noisy_moons(300, seed=1)


def too_big_network(l2=0.0, l1=0.0, dropout=0.0, hidden=HIDDEN, seed=0):
    """The lesson's network, far bigger than 80 points need (Lesson 12).

    Layers:  Dense(2, hidden) → ReLU → Dropout(dropout) if dropout > 0 → Dense(hidden, 2) → Softmax
    Both Dense layers get the penalty λ₂·Σw² + λ₁·Σ|w| on their weights (not the biases).
    Weights start with He initialisation (He et al., 2015), w ~ N(0, 2 / n_inputs), rather
    than the engine's 0.01·randn, so they start spread out and a histogram shows what
    training and the penalties do to them. Loss: cross-entropy; optimizer:
    SGD(LEARNING_RATE, momentum=MOMENTUM). Returns a ``Model`` (untrained).
    """
    check_range(dropout, "dropout", "too_big_network", low=0, high=1, high_open=True)
    rng = np.random.default_rng(seed)
    first = Dense(2, hidden, weight_l1=l1, weight_l2=l2)
    second = Dense(hidden, 2, weight_l1=l1, weight_l2=l2)
    for dense in (first, second):
        dense.weights = rng.standard_normal(dense.weights.shape) * np.sqrt(2.0 / dense.n_inputs)
    dropped = [Dropout(dropout, seed=seed)] if dropout > 0 else []
    return Model([first, ReLU(), *dropped, second, Softmax()], CategoricalCrossEntropy(),
                 SGD(LEARNING_RATE, momentum=MOMENTUM))


class LambdaSlider(Choice):
    """A slider over the few values of ``LAMBDAS`` (Lesson 12): 0 (off), then about ×3 per
    step, like a logarithmic slider that can also be switched off. A value typed in code
    must be one of them (checked like a ``Choice``); the slider reads e.g. "0.003".
    """

    def __init__(self, label, values=LAMBDAS, value=0.0):
        super().__init__(label, {float(v): f"{v:g}" for v in values}, value)

    def validate(self, value, where, name):
        return float(super().validate(value, where, name))

    def make(self):
        import ipywidgets
        return ipywidgets.SelectionSlider(options=[(text, v) for v, text in self.options.items()],
                                          value=self.value, description=tr(self.label), style=LABEL_STYLE)


class _Run(TrainingRun):
    """One run of ``RegularisationExplorer``: ``too_big_network(l2, l1, dropout)`` trained on
    the whole training set at once (one step per epoch) and validated after every epoch;
    with a penalty, its value after every epoch is kept too (``regularization_loss``)."""

    def __init__(self, train, validation, l2, l1, dropout):
        super().__init__(lambda: too_big_network(l2, l1, dropout), *train, every=EPOCHS, batch_size=None,
                         validation_data=validation)
        if l2 or l1:
            self.history["regularization_loss"] = []


class RegularisationExplorer(LiveTrainer):
    """λ and dropout sliders on the too-big network of Lesson 12.

    Each (λ₂, λ₁, dropout) trains ``too_big_network`` with the engine's ``Model`` for
    ``EPOCHS`` full-batch epochs on ``moons_data()``, and the run is kept: coming back to a
    setting costs only a redraw (~30 ms here: everything that changes is blitted, see
    ``Widget.animate``). A new setting takes 0.3–0.8 s to train here, so on screen one update
    trains at most ``budget`` epochs (~25–50 ms) and schedules the rest (see ``LiveTrainer``):
    the picture follows the network as it learns. Calls from code after ``show()`` are
    sliced too unless they pass ``wait=True``.

    ``update(l2=..., l1=..., dropout=...)`` returns ``{"epoch", "pending", "diverged_at",
    "train_accuracy", "val_accuracy", "train_loss", "val_loss", "penalty", "near_zero",
    "n_weights", "counts", "losses", "val_losses", "penalties"}``. The accuracies and losses of the shown epoch are
    measured in inference mode (no dropout) and are data losses (cross-entropy, no penalty);
    the curves ``losses`` (training, measured during the epoch, so with dropout on) and
    ``val_losses`` and ``penalties`` have one value per epoch; ``near_zero`` counts the
    first-layer weights with |w| < ``ZERO`` and ``counts`` is their histogram over ``bin_edges``.
    """

    controls = {
        "l2": LambdaSlider("regularisation.l2"),
        "l1": LambdaSlider("regularisation.l1"),
        "dropout": Slider("regularisation.dropout", 0.0, 0.7, 0.1, value=0.0),
    }
    figsize = (9.6, 3.2)
    budget = 20
    max_runs = 24
    resolution = 60
    #: Histogram bins of width 0.1 from −3 to 3, one centred on 0; weights beyond ±3 count at the ends.
    bin_edges = np.linspace(-3.05, 3.05, 62)
    #: The loss axis: fixed, so a redraw repaints only the curves (a line above it runs off the top).
    loss_top = 1.6

    def setup(self, fig):
        self.train, self.validation = moons_data()
        self.ax, self.ax_curves, self.ax_weights = fig.subplots(1, 3, width_ratios=[1, 1.1, 1.1])
        X, y = self.train
        self.extent = plane_extent(X, 0.08)
        self.image = self.ax.imshow(np.ones((self.resolution, self.resolution, 3)), origin="lower",
                                    extent=self.extent, aspect="auto", interpolation="bilinear")
        points = self.ax.scatter(X[:, 0], X[:, 1], c=class_colors(2)[y], s=12, edgecolors="0.15", linewidths=0.4)
        self.ax.set(xticks=[], yticks=[])
        self.ax.set_title(tr("regularisation.boundary_title"), fontsize=10)

        self.lines = {}
        for key, style in (("losses", {"color": OKABE_ITO["blue"]}), ("val_losses", {"color": OKABE_ITO["orange"]}),
                           ("penalties", {"color": "0.4", "ls": ":"})):
            (self.lines[key],) = self.ax_curves.plot([], [], label=tr(f"regularisation.{key}"), **style)
        self.ax_curves.set(xlim=(0, EPOCHS), ylim=(0, self.loss_top))
        self.ax_curves.set_title(tr("regularisation.curves_title"), fontsize=10)
        self.ax_curves.grid(alpha=0.3)
        self.ax_curves.legend(fontsize=8, loc="upper right")
        few_ticks(self.ax_curves, n=4)

        self.bars = self.ax_weights.stairs(np.zeros(len(self.bin_edges) - 1), self.bin_edges, fill=True,
                                           color=OKABE_ITO["reddish purple"], alpha=0.8)
        self.zeros_text = self.ax_weights.text(0.03, 0.95, "", transform=self.ax_weights.transAxes,
                                               va="top", fontsize=9)
        self.ax_weights.set(xlim=(self.bin_edges[0], self.bin_edges[-1]), ylim=(0, 1.12),
                            xticks=[-3, -2, -1, 0, 1, 2, 3], yticks=[])
        self.ax_weights.set_title(tr("regularisation.weights_title", n=2 * HIDDEN), fontsize=10)
        self.animate(self.image, points, *self.lines.values(), self.bars, self.zeros_text)

    def compute(self, l2, l1, dropout):
        dropout = round(dropout, 2)
        run = self.cached_run((l2, l1, dropout), lambda: _Run(self.train, self.validation, l2, l1, dropout))
        epoch = self.train_until(run, EPOCHS)
        model = run.model
        self._boundary = boundary_image(model.predict, self.extent, self.resolution, n_classes=2)
        train_loss, train_accuracy = model.evaluate(*self.train)
        val_loss, val_accuracy = model.evaluate(*self.validation)
        weights = model.layers[0].weights.ravel()
        counts = np.histogram(np.clip(weights, self.bin_edges[0], self.bin_edges[-1]), self.bin_edges)[0]
        return {"epoch": epoch, "pending": epoch < EPOCHS and run.diverged_at is None,
                "diverged_at": run.diverged_at, "train_accuracy": train_accuracy, "val_accuracy": val_accuracy,
                "train_loss": train_loss, "val_loss": val_loss, "penalty": model.regularization_loss(),
                "near_zero": int(np.sum(np.abs(weights) < ZERO)), "n_weights": int(weights.size),
                "counts": counts.tolist(), "losses": run.history["loss"][:epoch],
                "val_losses": run.history["val_loss"][:epoch],
                "penalties": run.history.get("regularization_loss", [0.0] * epoch)[:epoch]}

    def draw(self, result, l2, l1, dropout):
        self.image.set_data(self._boundary)
        epochs = np.arange(1, result["epoch"] + 1)
        for key, line in self.lines.items():
            line.set_data(epochs, result[key])
        counts = np.asarray(result["counts"])
        self.bars.set_data(counts / max(counts.max(), 10))    # tallest bar at the top (no y scale to redraw)
        self.zeros_text.set_text(tr("regularisation.zeros", zero=f"{ZERO:g}", count=result["near_zero"]))

    def caption(self, result):
        r = result
        text = tr("regularisation.caption", epoch=r["epoch"], total=EPOCHS, train=r["train_accuracy"],
                  val=r["val_accuracy"], gap=r["train_accuracy"] - r["val_accuracy"], train_loss=r["train_loss"],
                  val_loss=r["val_loss"], penalty=r["penalty"], zeros=r["near_zero"], n=r["n_weights"])
        if r["diverged_at"] is not None:
            return text + tr("regularisation.diverged", epoch=r["diverged_at"])
        return text + (tr("regularisation.training_more") if r["pending"] else "")

