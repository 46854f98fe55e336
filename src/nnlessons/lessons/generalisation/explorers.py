"""Lesson 10's explorer: a playground for training and generalisation.

In the spirit of TensorFlow Playground (Smilkov and Carter, 2016): pick a 2-D data
set, its noise and how much of it trains, the network's hidden neurons, activation
and learning rate, and watch a 2 → hidden → classes network learn, with the training
and validation points, the decision boundary and both loss curves side by side.

- ``playground_data(name, noise, seed)``: the playground's four data sets;
- ``Playground``: the explorer (a ``LiveTrainer`` of Lesson 07, so it trains in slices
  while it is on screen).
"""

import numpy as np
from matplotlib.lines import Line2D

from ...data import circles_data, spiral_data, train_test_split, vertical_data, xor_data
from ...i18n import register, tr
from ...layers import Dense
from ...optimizers import Adam
from ...plots.training import boundary_image, plane_extent
from ...validation import check_range
from ...widgets.live import LiveTrainer, TrainingRun
from ...widgets import Choice, IntSlider, Slider
from ...widgets.yours import ACTIVATIONS, Part, make_network
from ...plots.style import OKABE_ITO, class_colors, few_ticks, nice_limit

#: The learning rates offered by the playground (Adam's step size).
RATES = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3)

register({
    "generalisation.dataset": {"en": "data", "pt": "dados"},
    "generalisation.circles": {"en": "circles", "pt": "círculos"},
    "generalisation.xor": {"en": "XOR", "pt": "XOR"},
    "generalisation.spiral": {"en": "spiral", "pt": "espiral"},
    "generalisation.vertical": {"en": "three blobs", "pt": "três nuvens"},
    "generalisation.noise": {"en": "noise", "pt": "ruído"},
    "generalisation.train_fraction": {"en": "training share", "pt": "parte de treino"},
    "generalisation.hidden": {"en": "hidden neurons", "pt": "neurônios ocultos"},
    "generalisation.activation": {"en": "activation", "pt": "ativação"},
    "generalisation.relu": {"en": "ReLU", "pt": "ReLU"},
    "generalisation.tanh": {"en": "tanh", "pt": "tanh"},
    "generalisation.sigmoid": {"en": "sigmoid", "pt": "sigmoide"},
    "generalisation.learning_rate": {"en": "learning rate", "pt": "taxa de aprendizado"},
    "generalisation.epochs": {"en": "epochs", "pt": "épocas"},
    "generalisation.boundary_title": {"en": "what the network predicts", "pt": "o que a rede prevê"},
    "generalisation.curves_title": {"en": "loss per epoch", "pt": "perda por época"},
    "generalisation.split.train": {"en": "training", "pt": "treino"},
    "generalisation.split.val": {"en": "validation", "pt": "validação"},
    "generalisation.split.test": {"en": "test", "pt": "teste"},
    "generalisation.best": {"en": "lowest validation", "pt": "mínimo da validação"},
    "generalisation.caption": {
        "en": "Epoch {epoch}. Training: loss {loss:.3f}, accuracy {accuracy:.0%}. "
              "Validation: loss {val_loss:.3f}, accuracy {val_accuracy:.0%} "
              "(lowest validation loss at epoch {best_epoch}).",
        "pt": "Época {epoch}. Treino: perda {loss:.3f}, acurácia {accuracy:.0%}. "
              "Validação: perda {val_loss:.3f}, acurácia {val_accuracy:.0%} "
              "(menor perda de validação na época {best_epoch}).",
    },
    "generalisation.overfitting": {
        "en": " <b>Overfitting</b>: the validation loss has been rising since epoch {best_epoch} while the "
              "training loss keeps falling; the network is memorising its training points.",
        "pt": " <b>Sobreajuste</b>: a perda de validação sobe desde a época {best_epoch} enquanto a de treino "
              "continua caindo; a rede está decorando os seus pontos de treino.",
    },
    "generalisation.underfitting": {
        "en": " <b>Underfitting?</b> Only {accuracy:.0%} of the training points are right and the two losses "
              "stay close: try more neurons, more epochs or another learning rate (unless the noise mixes the "
              "classes up).",
        "pt": " <b>Subajuste?</b> Só {accuracy:.0%} dos pontos de treino estão certos e as duas perdas andam "
              "juntas: tente mais neurônios, mais épocas ou outra taxa de aprendizado (a menos que o ruído "
              "misture as classes).",
    },
    "generalisation.training_more": {
        "en": " Training… ({target} epochs asked)",
        "pt": " Treinando… ({target} épocas pedidas)",
    },
    "generalisation.untrained": {
        "en": "Epoch 0: the weights are still tiny and random, so every class gets about the same probability.",
        "pt": "Época 0: os pesos ainda são minúsculos e aleatórios, então toda classe recebe quase a mesma "
              "probabilidade.",
    },
    "generalisation.diverged": {
        "en": "<b style='color:#c00'>Diverged at epoch {epoch}</b>: the weights overflowed. Use a smaller learning rate.",
        "pt": "<b style='color:#c00'>Divergiu na época {epoch}</b>: os pesos estouraram. Use uma taxa de aprendizado menor.",
    },
    **{f"generalisation.rate.{rate:g}": {"en": f"{rate:g}", "pt": f"{rate:g}".replace(".", ",")} for rate in RATES},
})

# The lesson's own printed lines and figure titles.
register({
    "generalisation.memoriser": {"en": "memoriser", "pt": "decoreba"},
    "generalisation.radius_rule": {"en": "radius rule (r > 0.75)", "pt": "regra do raio (r > 0,75)"},
    "generalisation.two_scores": {"en": "{name:<23} points it has seen: {seen:.0%}   new points: {new:.0%}",
                              "pt": "{name:<25} pontos já vistos: {seen:.0%}   pontos novos: {new:.0%}"},
    "generalisation.split_row": {"en": "{name:<11} {n:>3} samples, per class {counts}",
                             "pt": "{name:<10} {n:>3} amostras, por classe {counts}"},
    "generalisation.guessers": {
        "en": "best of 50 coin-flippers on the test set: {best:.0%} right; the same one on 200 new points: {fresh:.0%}",
        "pt": "melhor de 50 chutadores no teste: {best:.0%} de acerto; o mesmo em 200 pontos novos: {fresh:.0%}",
    },
    "generalisation.fit_row": {
        "en": "hidden neurons = {hidden:>2}: training loss {loss:.2f} ({accuracy:.0%}), "
              "validation loss {val_loss:.2f} ({val_accuracy:.0%})",
        "pt": "neurônios ocultos = {hidden:>2}: perda no treino {loss:.2f} ({accuracy:.0%}), "
              "na validação {val_loss:.2f} ({val_accuracy:.0%})",
    },
    "generalisation.title.underfit": {"en": "underfitting: 1 hidden neuron", "pt": "subajuste: 1 neurônio oculto"},
    "generalisation.title.goodfit": {"en": "a good fit: 8 hidden neurons", "pt": "bom ajuste: 8 neurônios ocultos"},
    "generalisation.title.overfit": {"en": "overfitting: 64 hidden neurons", "pt": "sobreajuste: 64 neurônios ocultos"},
    "generalisation.noise_row": {
        "en": "B = {batch_size:>2}: distance to the whole-set gradient = {noise:5.2f} × its length",
        "pt": "B = {batch_size:>2}: distância até o gradiente do conjunto inteiro = {noise:5.2f} × o comprimento dele",
    },
    "generalisation.batch_label": {"en": "B = {batch_size}", "pt": "B = {batch_size}"},
    "generalisation.batch_full": {"en": "B = {batch_size} (whole set)", "pt": "B = {batch_size} (tudo)"},
    "generalisation.batch_row": {
        "en": "{label:<20} {steps:>5} steps in {epochs} epochs, validation accuracy {val_accuracy:.0%}",
        "pt": "{label:<16} {steps:>5} passos em {epochs} épocas, acurácia na validação {val_accuracy:.0%}",
    },
    "generalisation.steps": {"en": "steps (iterations)", "pt": "passos (iterações)"},
    "generalisation.training_loss": {"en": "training loss", "pt": "perda no treino"},
    "generalisation.by_hand": {"en": "by hand", "pt": "à mão"},
    "generalisation.es_row": {
        "en": "{who:<9} best epoch {best}, stopped at epoch {stopped}, validation loss kept {loss:.3f}",
        "pt": "{who:<9} melhor época {best}, parou na época {stopped}, perda na validação guardada {loss:.3f}",
    },
    "generalisation.best_epoch": {"en": "best epoch: weights kept", "pt": "melhor época: pesos guardados"},
    "generalisation.stop_epoch": {"en": "patience runs out: training stops",
                              "pt": "a paciência acaba: o treino para"},
    "generalisation.verdict_row": {
        "en": "hidden = {hidden:>2}, noise {noise:.2f}, {n_train:>3} training points: "
              "training {accuracy:.0%}, validation {val_accuracy:.0%} → {verdict}",
        "pt": "ocultos = {hidden:>2}, ruído {noise:.2f}, {n_train:>3} pontos de treino: "
              "treino {accuracy:.0%}, validação {val_accuracy:.0%} → {verdict}",
    },
    "generalisation.verdict.overfitting": {"en": "overfitting", "pt": "sobreajuste"},
    "generalisation.verdict.underfitting": {"en": "underfitting", "pt": "subajuste"},
    "generalisation.verdict.none": {"en": "no warning", "pt": "sem alerta"},
})

def _jittered(X, y, noise, seed):
    """(X + noise * N(0, I), y): Gaussian jitter for the generators that have none."""
    return X + noise * np.random.default_rng(seed + 1).standard_normal(X.shape), y


#: Data set name → (number of classes, generator(noise, seed) → X (240, 2), y (240,)).
DATASETS = {
    "circles": (2, lambda noise, seed: circles_data(120, 2, noise=noise, seed=seed)),
    "xor": (2, lambda noise, seed: xor_data(120, noise=noise, seed=seed)),
    "spiral": (3, lambda noise, seed: _jittered(*spiral_data(80, 3, seed=seed), noise, seed)),
    "vertical": (3, lambda noise, seed: _jittered(*vertical_data(80, 3, seed=seed), noise, seed)),
}

def _check_choice(value, options, where, name):
    if value not in options:
        raise ValueError(tr("widget.choice", where=where, name=name, options=list(options), value=value))


def playground_data(name, noise, seed=0):
    """The playground's data set ``name`` with Gaussian jitter ``noise`` (Lesson 10).

    Shapes: X (240, 2) float64, y (240,) int64, classes of equal size.
    circles (``circles_data``) and xor (``xor_data``) take ``noise`` as their own jitter;
    spiral (``spiral_data``, 3 arms) and vertical (``vertical_data``, 3 blobs) get it added,
        x ← x + noise * N(0, I),
    so in every data set ``noise`` is the standard deviation added to each coordinate.
    """
    _check_choice(name, DATASETS, "playground_data", "name")
    check_range(noise, "noise", "playground_data", low=0)
    return DATASETS[name][1](noise, seed)


def diagnose(history, epoch):
    """"overfitting", "underfitting" or None for the first ``epoch`` epochs of a history
    with validation (Lesson 10). The rules of thumb the playground's caption uses:

    overfitting   the lowest validation loss is ≥ 25 epochs old, the validation loss now
                  is over 10 % (and 0.02) above it and above the training loss
    underfitting  after ≥ 100 epochs, under 90 % of the training points are right and
                  the two losses are within 0.15 of each other (noisy, overlapping
                  classes look the same: the caption says so)
    """
    if epoch == 0:
        return None
    val_losses = np.asarray(history["val_loss"][:epoch])
    best = int(val_losses.argmin())
    now, train_loss = val_losses[-1], history["loss"][epoch - 1]
    if epoch - 1 - best >= 25 and now > 1.1 * val_losses[best] + 0.02 and now > train_loss:
        return "overfitting"
    if epoch >= 100 and history["accuracy"][epoch - 1] < 0.9 and abs(now - train_loss) < 0.15:
        return "underfitting"
    return None


class Playground(LiveTrainer):
    """Train a 2 → hidden → classes network on a 2-D data set and watch it generalise
    (Lesson 10).

    The data (240 points, see ``playground_data``) are split, stratified, into a training
    part (``train_fraction``) and a validation part. The network (``make_network``) is
    trained with the whole training part at every step (batch gradient descent with Adam:
    one epoch = one step), so the curves are smooth and easy to read. Left: the decision
    boundary with the training points (filled) and validation points (rings). Right: the
    training and validation losses per epoch, with the epoch of the lowest validation loss
    (the one early stopping would keep) marked.

    Speed: each setting's run is cached with snapshots every 25 epochs (``TrainingRun``),
    and one update trains at most ``budget`` epochs, on screen or not (``always_sliced``):
    a frame never waits for a whole run. On screen, the next slices follow by themselves;
    from code, ``update(..., wait=True)`` trains to the asked epoch before returning.

    ``update(dataset=..., noise=..., train_fraction=..., hidden=..., activation=...,
    learning_rate=..., epochs=..., wait=False)`` returns ``{"epoch", "target", "pending",
    "diverged_at", "loss", "accuracy", "val_loss", "val_accuracy", "losses", "val_losses",
    "best_epoch", "diagnosis", "n_train", "n_val"}`` (losses at the shown epoch; epochs
    counted from 1; None for the metrics at epoch 0).

    Your own classes: ``Playground(dense=MyDense, optimizer=MyAdam)`` trains with them once
    they pass their check (``widgets.yours``); the caption says which classes run.
    """

    controls = {
        "dataset": Choice("generalisation.dataset", {name: f"generalisation.{name}" for name in DATASETS}, value="circles"),
        "noise": Slider("generalisation.noise", 0.0, 0.5, 0.05, value=0.15),
        "train_fraction": Slider("generalisation.train_fraction", 0.1, 0.9, 0.1, value=0.5),
        "hidden": IntSlider("generalisation.hidden", 1, 64, value=8),
        "activation": Choice("generalisation.activation", {name: f"generalisation.{name}" for name in ACTIVATIONS}),
        "learning_rate": Choice("generalisation.learning_rate", {rate: f"generalisation.rate.{rate:g}" for rate in RATES},
                                value=0.03),
        "epochs": IntSlider("generalisation.epochs", 0, 1000, step=25, value=300),
    }
    figsize = (8.6, 3.7)
    every = 25
    budget = 30
    always_sliced = True
    max_runs = 32
    resolution = 60
    #: How much of ``boundary_image``'s colour is kept (1 − paleness·(1 − colour)): paler
    #: regions, so the points on them stand out.
    paleness = 0.6

    def __init__(self, dense=None, optimizer=None, **params):
        self.parts = Part(dense, "dense", Dense), Part(optimizer, "optimizer", Adam)
        super().__init__(**params)

    def setup(self, fig):
        fig.set_layout_engine("none")
        grid = fig.add_gridspec(1, 2, width_ratios=[1, 1.15], left=0.03, right=0.98, bottom=0.2, top=0.92,
                                wspace=0.16)
        self.ax, self.ax_curves = grid.subplots()
        self.image = self.ax.imshow(np.ones((self.resolution, self.resolution, 3)), origin="lower",
                                    aspect="auto", interpolation="bilinear")
        self.train_points = self.ax.scatter([], [], s=16, edgecolors="0.15", linewidths=0.5)
        self.val_points = self.ax.scatter([], [], s=16, facecolors="white", linewidths=1.5)
        self.ax.set_title(tr("generalisation.boundary_title"), fontsize=10)
        self.ax.set_xticks([])
        self.ax.set_yticks([])
        marker = {"marker": "o", "ls": "none", "markersize": 6}
        below = {"loc": "upper center", "fontsize": 8, "frameon": False}
        self.ax.legend(handles=[Line2D([], [], color="0.55", markeredgecolor="0.15", **marker,
                                       label=tr("generalisation.split.train")),
                                Line2D([], [], color="white", markeredgecolor="0.45", markeredgewidth=1.5, **marker,
                                       label=tr("generalisation.split.val"))], ncol=2, bbox_to_anchor=(0.5, -0.08), **below)
        (self.loss_line,) = self.ax_curves.plot([], [], color=OKABE_ITO["blue"], label=tr("generalisation.split.train"))
        (self.val_line,) = self.ax_curves.plot([], [], color=OKABE_ITO["orange"], label=tr("generalisation.split.val"))
        (self.best_mark,) = self.ax_curves.plot([], [], "o", color=OKABE_ITO["orange"], markeredgecolor="black",
                                                label=tr("generalisation.best"))
        self.best_line = self.ax_curves.axvline(0, color="0.4", ls=":", lw=1)
        self.ax_curves.set_title(tr("generalisation.curves_title"), fontsize=10)
        self.ax_curves.grid(alpha=0.3)
        self.ax_curves.legend(ncol=3, bbox_to_anchor=(0.5, -0.08), **below)
        few_ticks(self.ax_curves)
        self.animate(self.image, self.train_points, self.val_points, self.loss_line, self.val_line, self.best_line,
                     self.best_mark)

    def compute(self, dataset, noise, train_fraction, hidden, activation, learning_rate, epochs):
        classes = DATASETS[dataset][0]
        X, y = playground_data(dataset, noise)
        X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=1 - train_fraction, seed=0, stratify=True)
        setting = (dataset, round(noise, 6), round(train_fraction, 6), hidden, activation, learning_rate)
        run = self.cached_run(setting, lambda: TrainingRun(
            lambda: make_network(hidden, activation, classes, learning_rate, *self.parts), X_train, y_train, self.every,
            batch_size=None, validation_data=(X_val, y_val)))
        shown = self.train_until(run, epochs)
        self._extent = plane_extent(X, 0.08)
        self._boundary = 1 - self.paleness * (1 - boundary_image(run.model_at(shown).predict, self._extent,
                                                                 self.resolution, n_classes=classes))
        self._points = (X_train, y_train, X_val, y_val, classes)
        history = {key: values[:shown] for key, values in run.history.items()}
        last = {key: values[-1] if shown else None for key, values in history.items()}
        return {"epoch": shown, "target": epochs, "pending": shown < epochs and run.diverged_at is None,
                "diverged_at": run.diverged_at, **last, "losses": history["loss"],
                "val_losses": history["val_loss"],
                "best_epoch": int(np.argmin(history["val_loss"])) + 1 if shown else None,
                "diagnosis": diagnose(history, shown), "n_train": len(y_train), "n_val": len(y_val)}

    def draw(self, result, dataset, noise, train_fraction, hidden, activation, learning_rate, epochs):
        X_train, y_train, X_val, y_val, classes = self._points
        colors = class_colors(classes)
        if self.changed("extent", self._extent):
            self.image.set_extent(self._extent)
            self.ax.set_xlim(self._extent[:2])
            self.ax.set_ylim(self._extent[2:])
        self.image.set_data(self._boundary)
        self.train_points.set_offsets(X_train)
        self.train_points.set_facecolors(colors[y_train])
        self.val_points.set_offsets(X_val)
        self.val_points.set_edgecolors(colors[y_val])
        epochs_axis = np.arange(1, result["epoch"] + 1)
        self.loss_line.set_data(epochs_axis, result["losses"])
        self.val_line.set_data(epochs_axis, result["val_losses"])
        best = result["best_epoch"]
        self.best_mark.set_data([best] if best else [], [result["val_losses"][best - 1]] if best else [])
        self.best_line.set_xdata([best or 0, best or 0])
        self.best_line.set_visible(best is not None)
        # both axes end at "nice" values (50, 100, 200, 500, 1000 epochs; a loss of 1, 2 or 3),
        # so they, and their ticks, rarely change: a redraw then only repaints the animated artists
        right = max(nice_limit(epochs), 50)
        if self.changed("epochs axis", right):
            self.ax_curves.set_xlim(0, right)
        top = min(nice_limit(max([np.log(classes) + 0.1, *result["losses"], *result["val_losses"]])), 3.0)
        if self.changed("loss axis", top):
            self.ax_curves.set_ylim(0, 1.05 * top)

    @staticmethod
    def _progress(result):
        if result["diverged_at"] is not None and not result["pending"] and result["epoch"] < result["target"]:
            return tr("generalisation.diverged", epoch=result["diverged_at"])
        if result["epoch"] == 0:
            return tr("generalisation.untrained")
        text = tr("generalisation.caption", **{key: result[key] for key in (
            "epoch", "loss", "accuracy", "val_loss", "val_accuracy", "best_epoch")})
        if result["pending"]:
            return text + tr("generalisation.training_more", target=result["target"])
        if result["diagnosis"] is not None:
            text += tr(f"generalisation.{result['diagnosis']}", best_epoch=result["best_epoch"],
                       accuracy=result["accuracy"])
        return text
