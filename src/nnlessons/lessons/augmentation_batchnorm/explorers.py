"""Lesson 13's digits and panel: data augmentation and batch normalisation.

- ``first_of_each_digit``: the first real digit of each class, scaled to [0, 1];
- ``deep_network``: the deep, narrow network of the batch-normalisation demo, with or
  without a ``BatchNorm`` after each hidden ``Dense``;
- ``SignalExplorer``: depth, weight scale and BatchNorm on/off for that network; shows how
  big the signal and the gradient are, layer by layer, at the first step (no training);
- ``AugmentationExplorer``: sliders for ``augment``'s ``max_shift``, ``zoom`` and ``noise``,
  the ``flip`` toggle and the seed; shows one digit next to a grid of its augmented copies.
  Nothing is trained: a change costs one call of ``augment`` on a dozen 8×8 images. The zoom
  moves in steps of 0.15: on an 8×8 grid, nearest-neighbour zooms of ±10% or less leave
  almost every pixel where it was.
"""

import numpy as np

from ...activations import ReLU, Softmax
from ...data import augment, load_digits, noisy_moons
from ...i18n import register, tr
from ...layers import BatchNorm, Dense
from ...losses import CategoricalCrossEntropy
from ...model import Model
from ...optimizers import SGD
from ...plots.images import show_image, tile_maps
from ...plots.style import OKABE_ITO, format_number
from ...widgets import Choice, IntSlider, Slider, Toggle, Widget

register({
    # the lesson's printed lines and pictures
    "augmentation_batchnorm.aug.original": {"en": "original", "pt": "original"},
    "augmentation_batchnorm.aug.shift": {"en": "shifted ≤ 1 pixel", "pt": "deslocado ≤ 1 pixel"},
    "augmentation_batchnorm.aug.zoom": {"en": "zoom ± 15%", "pt": "zoom ± 15%"},
    "augmentation_batchnorm.aug.noise": {"en": "noise 0.1", "pt": "ruído 0,1"},
    "augmentation_batchnorm.aug.flip": {"en": "flipped", "pt": "espelhado"},
    "augmentation_batchnorm.aug.plain": {"en": "without shifts", "pt": "sem deslocamentos"},
    "augmentation_batchnorm.aug.on_the_fly": {"en": "shifted on the fly", "pt": "deslocados na hora"},
    "augmentation_batchnorm.aug.run": {
        "en": "{name}, {epochs} epochs: validation accuracy {val:.0%}, shifted validation {shifted:.0%}",
        "pt": "{name}, {epochs} épocas: acurácia na validação {val:.0%}, na validação deslocada {shifted:.0%}",
    },
    "augmentation_batchnorm.name.plain": {"en": "3 hidden layers", "pt": "3 camadas ocultas"},
    "augmentation_batchnorm.name.batchnorm": {"en": "3 hidden layers + BatchNorm",
                                              "pt": "3 camadas ocultas + BatchNorm"},
    "augmentation_batchnorm.bn_losses": {
        "en": "{name:<28} training loss at epochs 1, 50, 100, 300: {losses}",
        "pt": "{name:<30} perda no treino nas épocas 1, 50, 100, 300: {losses}",
    },
    # the panel
    "augmentation_batchnorm.digit": {"en": "digit", "pt": "dígito"},
    "augmentation_batchnorm.max_shift": {"en": "max_shift (pixels)", "pt": "max_shift (pixels)"},
    "augmentation_batchnorm.zoom": {"en": "zoom (±)", "pt": "zoom (±)"},
    "augmentation_batchnorm.noise": {"en": "noise (std)", "pt": "ruído (desvio)"},
    "augmentation_batchnorm.flip": {"en": "flip (mirror)", "pt": "flip (espelhar)"},
    "augmentation_batchnorm.seed": {"en": "seed", "pt": "semente"},
    "augmentation_batchnorm.the_original": {"en": "the original {digit}", "pt": "o {digit} original"},
    "augmentation_batchnorm.the_copies": {"en": "{n} augmented copies", "pt": "{n} cópias aumentadas"},
    "augmentation_batchnorm.caption": {
        "en": "{n} copies of a {digit} (shift up to {max_shift} px, zoom ± {zoom:.0%}, noise {noise:.2f}, "
              "seed {seed}). Before the noise, copies identical to the original: <b>{in_place}</b>; ink kept: "
              "{ink_low:.0%} to {ink_high:.0%} of the original's.",
        "pt": "{n} cópias de um {digit} (deslocamento até {max_shift} px, zoom ± {zoom:.0%}, ruído {noise:.2f}, "
              "semente {seed}). Antes do ruído, cópias idênticas ao original: <b>{in_place}</b>; tinta: de "
              "{ink_low:.0%} a {ink_high:.0%} da do original.",
    },
    "augmentation_batchnorm.panel_row": {
        "en": "max_shift = {max_shift}: {in_place} of {n} copies in place; ink kept {low:.0%} to {high:.0%}",
        "pt": "max_shift = {max_shift}: {in_place} de {n} cópias no lugar; tinta de {low:.0%} a {high:.0%}",
    },
    "augmentation_batchnorm.flip_warning": {
        "en": " <b>Flip is on:</b> about half the copies are mirrored. Only a few digits (0, 1, 8) survive a "
              "mirror; the others would carry a wrong label.",
        "pt": " <b>Espelhamento ligado:</b> cerca de metade das cópias sai espelhada. Só uns poucos dígitos "
              "(0, 1, 8) sobrevivem ao espelho; os outros levariam um rótulo errado.",
    },
    # the signal panel
    "augmentation_batchnorm.depth": {"en": "hidden layers", "pt": "camadas ocultas"},
    "augmentation_batchnorm.scale": {"en": "weights", "pt": "pesos"},
    "augmentation_batchnorm.scale.engine": {"en": "0.01·randn (engine)", "pt": "0,01·randn (motor)"},
    "augmentation_batchnorm.scale.small": {"en": "0.1·randn", "pt": "0,1·randn"},
    "augmentation_batchnorm.scale.he": {"en": "0.25·randn (He)", "pt": "0,25·randn (He)"},
    "augmentation_batchnorm.scale.big": {"en": "1·randn", "pt": "1·randn"},
    "augmentation_batchnorm.batch_norm": {"en": "BatchNorm after each Dense", "pt": "BatchNorm depois de cada Dense"},
    "augmentation_batchnorm.layer": {"en": "hidden layer", "pt": "camada oculta"},
    "augmentation_batchnorm.signal_title": {"en": "signal: std of each layer's output",
                                            "pt": "sinal: desvio-padrão da saída de cada camada"},
    "augmentation_batchnorm.gradient_title": {"en": "gradient: mean |∂L/∂W| of each layer",
                                              "pt": "gradiente: média de |∂L/∂W| de cada camada"},
    "augmentation_batchnorm.signal_caption": {
        "en": "{depth} hidden layer(s), weights {scale}, {norm}. At the first step the last hidden layer's output "
              "has standard deviation <b>{signal}</b> and the first layer's mean |∂L/∂W| is <b>{gradient}</b> "
              "(the last layer's: {last_gradient}); loss {loss:.3f}.",
        "pt": "{depth} camada(s) oculta(s), pesos {scale}, {norm}. No primeiro passo, a saída da última camada "
              "oculta tem desvio-padrão <b>{signal}</b>, e a média de |∂L/∂W| da primeira camada é "
              "<b>{gradient}</b> (a da última: {last_gradient}); perda {loss:.3f}.",
    },
    "augmentation_batchnorm.with_bn": {"en": "with BatchNorm", "pt": "com BatchNorm"},
    "augmentation_batchnorm.without_bn": {"en": "without BatchNorm", "pt": "sem BatchNorm"},
    "augmentation_batchnorm.signal_row": {
        "en": "deep_network({depth!r}, {scale!r}, {batch_norm!r}): signal {signal}; first-layer gradient {gradient}",
        "pt": "deep_network({depth!r}, {scale!r}, {batch_norm!r}): sinal {signal}; gradiente da primeira camada "
              "{gradient}",
    },
})


def deep_network(depth=3, scale=0.01, batch_norm=False, hidden=32):
    """The deep, narrow network of Lesson 13's batch-normalisation demo.

    Layers:  2 → [Dense(hidden) → BatchNorm(hidden) if batch_norm → ReLU] × depth → Dense(2) → Softmax
    Every Dense starts with weights ``scale · randn`` (layer i drawn with seed i, the last with
    seed 9) and biases at 0; with ``scale = 0.01`` that is the engine's own start, so the
    first ``depth`` layers equal ``Dense(n_inputs, hidden, seed=i)``. Loss: cross-entropy;
    optimizer: SGD(0.1, momentum=0.9). Returns a ``Model`` (untrained).
    """
    def dense(n_inputs, n_neurons, seed):
        layer = Dense(n_inputs, n_neurons)
        layer.weights = scale * np.random.default_rng(seed).standard_normal((n_inputs, n_neurons))
        return layer

    layers, n_inputs = [], 2
    for i in range(depth):
        layers += [dense(n_inputs, hidden, seed=i), *([BatchNorm(hidden)] if batch_norm else []), ReLU()]
        n_inputs = hidden
    return Model(layers + [dense(hidden, 2, seed=9), Softmax()], CategoricalCrossEntropy(),
                 SGD(learning_rate=0.1, momentum=0.9))


def first_of_each_digit():
    """The first digit of each class 0–9 in ``load_digits()``, scaled to [0, 1] (Lesson 13).

    Shape: (10, 8, 8) float64, row d holding a d. The pixels of ``load_digits`` run from
    0 to 16; dividing by 16 puts them on the scale ``augment``'s ``noise`` is meant for.
    """
    images, labels = load_digits()
    return images[[np.flatnonzero(labels == d)[0] for d in range(10)]] / 16


class AugmentationExplorer(Widget):
    """``augment``'s knobs on one real digit (Lesson 13): no training, just the copies.

    ``update(digit=..., max_shift=..., zoom=..., noise=..., flip=..., seed=...)`` draws
    ``N_COPIES`` copies of the digit with ``augment(copies, seed, max_shift, flip, zoom,
    noise)`` and returns ``{"copies" (N_COPIES × 8 × 8 nested lists), "in_place", "ink"}``:
    ``in_place`` counts the copies that are the original exactly before the noise (the
    same call with ``noise=0``: ``augment`` draws the noise last, so the shifts, flips and
    zooms are the same), and ``ink`` is each copy's total ink, before the noise, as a
    fraction of the original's (below 1 when a shift pushes strokes off the 8×8 grid).
    """

    N_COPIES, COLUMNS = 12, 4
    controls = {
        "digit": IntSlider("augmentation_batchnorm.digit", 0, 9, value=2),
        "max_shift": IntSlider("augmentation_batchnorm.max_shift", 0, 3, value=1),
        "zoom": Slider("augmentation_batchnorm.zoom", 0.0, 0.45, 0.15, value=0.0),
        "noise": Slider("augmentation_batchnorm.noise", 0.0, 0.4, 0.05, value=0.0),
        "flip": Toggle("augmentation_batchnorm.flip", False),
        "seed": IntSlider("augmentation_batchnorm.seed", 0, 20, value=0),
    }
    figsize = (7.2, 3.2)

    def setup(self, fig):
        self.digits = first_of_each_digit()
        self.ax, self.ax_copies = fig.subplots(1, 2, width_ratios=[1, 2.3])
        self.original = show_image(self.ax, self.digits[0], cmap="gray_r", vmin=0.0, vmax=1.0)
        blank = tile_maps(np.zeros((self.N_COPIES, *self.digits[0].shape)), columns=self.COLUMNS)
        self.copies = show_image(self.ax_copies, blank, cmap="gray_r", vmin=0.0, vmax=1.0)
        self.ax_copies.set_title(tr("augmentation_batchnorm.the_copies", n=self.N_COPIES), fontsize=10)
        for ax in (self.ax, self.ax_copies):
            ax.set_frame_on(False)          # the blitted images would paint over half of a frame
        self.animate(self.original, self.copies)

    def compute(self, digit, max_shift, zoom, noise, flip, seed):
        batch = np.repeat(self.digits[digit][None], self.N_COPIES, axis=0)
        settings = {"seed": seed, "max_shift": max_shift, "flip": flip, "zoom": zoom}
        geometric = augment(batch, noise=0.0, **settings)
        copies = augment(batch, noise=noise, **settings)
        in_place = int(sum(np.array_equal(copy, self.digits[digit]) for copy in geometric))
        ink = geometric.sum(axis=(1, 2)) / self.digits[digit].sum()
        return {"copies": copies.round(4).tolist(), "in_place": in_place, "ink": ink.round(4).tolist()}

    def draw(self, result, digit, **params):
        self.original.set_data(self.digits[digit])
        self.copies.set_data(tile_maps(np.array(result["copies"]), columns=self.COLUMNS))
        if self.changed("digit", digit):
            self.ax.set_title(tr("augmentation_batchnorm.the_original", digit=digit), fontsize=10)

    def caption(self, result):
        p = self.params
        text = tr("augmentation_batchnorm.caption", n=self.N_COPIES, digit=p["digit"], max_shift=p["max_shift"],
                  zoom=p["zoom"], noise=p["noise"], seed=p["seed"], in_place=result["in_place"],
                  ink_low=min(result["ink"]), ink_high=max(result["ink"]))
        return text + (tr("augmentation_batchnorm.flip_warning") if p["flip"] else "")


class SignalExplorer(Widget):
    """How big the signal and the gradient are, layer by layer, in ``deep_network`` (Lesson 13).

    ``update(depth=..., scale=..., batch_norm=...)`` builds ``deep_network(depth, scale,
    batch_norm)``, runs one forward pass (``training=True``) and one backward pass on the 80
    training points of ``noisy_moons(40, seed=0)`` and returns ``{"signal", "gradient", "loss"}``:
    ``signal[i]`` is the standard deviation of hidden layer i's output (after its ReLU),
    ``gradient[i]`` the mean |∂L/∂W| of hidden layer i's Dense, and ``loss`` the cross-entropy
    of the untrained network. Nothing is trained: this is the first step, where a network with
    tiny weights already shows why it will sit still.
    """

    controls = {
        "depth": IntSlider("augmentation_batchnorm.depth", 1, 8, value=3),
        "scale": Choice("augmentation_batchnorm.scale", {
            0.01: "augmentation_batchnorm.scale.engine", 0.1: "augmentation_batchnorm.scale.small",
            0.25: "augmentation_batchnorm.scale.he", 1.0: "augmentation_batchnorm.scale.big"}),
        "batch_norm": Toggle("augmentation_batchnorm.batch_norm", False),
    }
    figsize = (8.4, 3.2)
    #: Both axes are logarithmic and fixed, so a redraw repaints only the two lines; every
    #: setting's signal and gradient fall inside (the extremes: 8 layers of 0.01 or 1·randn).
    limits = (1e-16, 1e4)

    def setup(self, fig):
        self.X, self.y = noisy_moons(40, seed=0)
        self.ax, self.ax_gradient = fig.subplots(1, 2)
        self.lines = []
        for ax, key, colour in ((self.ax, "signal_title", "blue"), (self.ax_gradient, "gradient_title", "orange")):
            ax.set(yscale="log", ylim=self.limits, xlim=(0.5, 8.5), xticks=range(1, 9),
                   xlabel=tr("augmentation_batchnorm.layer"))
            ax.set_title(tr(f"augmentation_batchnorm.{key}"), fontsize=10)
            ax.grid(alpha=0.3)
            self.lines += ax.plot([], [], "o-", color=OKABE_ITO[colour])
        self.animate(*self.lines)

    def compute(self, depth, scale, batch_norm):
        model = deep_network(depth, scale, batch_norm)
        output = model.forward(self.X, training=True)
        loss = model.loss.calculate(output, self.y)
        model.backward(output, self.y)
        hidden = [layer for layer in model.layers if isinstance(layer, ReLU)]
        dense = [layer for layer in model.layers if isinstance(layer, Dense)][:depth]
        return {"signal": [float(layer.output.std()) for layer in hidden],
                "gradient": [float(np.abs(layer.dweights).mean()) for layer in dense], "loss": float(loss)}

    def draw(self, result, **params):
        layers = np.arange(1, len(result["signal"]) + 1)
        for line, key in zip(self.lines, ("signal", "gradient")):
            line.set_data(layers, result[key])

    def caption(self, result):
        p = self.params
        return tr("augmentation_batchnorm.signal_caption", depth=p["depth"],
                  scale=tr(self.controls["scale"].options[p["scale"]]),
                  norm=tr("augmentation_batchnorm.with_bn" if p["batch_norm"] else "augmentation_batchnorm.without_bn"),
                  signal=format_number(result["signal"][-1], ".1e"), gradient=format_number(result["gradient"][0], ".1e"),
                  last_gradient=format_number(result["gradient"][-1], ".1e"), loss=result["loss"])
