"""Lesson 15's tools and explorer: look inside a convolutional network trained on digits.

- ``shift_images(images, dy, dx)``: move images down/right by whole pixels, filling
  with zeros (to test translation invariance).
- ``digits_split()``: the lesson's train/test split of the real 8×8 digits, NCHW in [0, 1].
- ``digits_cnn()``: the lesson's LeNet-style network, trained once per Python session
  (about 4 s) and then kept in memory.
- ``feature_maps(model, image)``: what every conv and pooling layer outputs for one image.
- ``FeatureMapViewer``: pick a test digit and a shift and see every layer's feature maps
  and the predicted probabilities.
"""

import numpy as np

from ...activations import ReLU, Softmax
from ...data import load_digits, train_test_split
from ...i18n import register, tr
from ...layers import AvgPool2D, Conv2D, Dense, Dropout, Flatten, MaxPool2D
from ...losses import CategoricalCrossEntropy
from ...model import Model
from ...optimizers import Adam
from ...plots.images import show_feature_maps, show_image, tile_maps
from ...plots.style import RIGHT_COLOR, WRONG_COLOR
from ...widgets import IntSlider, Widget

register({
    "cnn.index": {"en": "Test digit #", "pt": "Dígito de teste nº"},
    "cnn.dx": {"en": "Shift right dx", "pt": "Deslocar p/ direita dx"},
    "cnn.dy": {"en": "Shift down dy", "pt": "Deslocar p/ baixo dy"},
    "cnn.input": {"en": "input (shifted)", "pt": "entrada (deslocada)"},
    "cnn.input_plain": {"en": "input", "pt": "entrada"},
    "cnn.conv": {"en": "conv{n} + {act}: {c} maps {h}×{w}", "pt": "conv{n} + {act}: {c} mapas {h}×{w}"},
    "cnn.pool": {"en": "pool{n}: {c} maps {h}×{w}", "pt": "pool{n}: {c} mapas {h}×{w}"},
    "cnn.probabilities": {"en": "probabilities", "pt": "probabilidades"},
    "cnn.caption": {
        "en": "True digit: <b>{label}</b>. The network says <b>{predicted}</b> with probability "
              "{probability:.1%}. {verdict} (Bars: blue = the true digit, orange = a wrong guess.)",
        "pt": "Dígito verdadeiro: <b>{label}</b>. A rede diz <b>{predicted}</b> com probabilidade "
              "{probability:.1%}. {verdict} (Barras: azul = o dígito verdadeiro, laranja = um palpite errado.)",
    },
    "cnn.label": {"en": "label {label}", "pt": "rótulo {label}"},
    "cnn.cnn": {"en": "CNN", "pt": "CNN"},
    "cnn.mlp": {"en": "MLP (dense only)", "pt": "MLP (só densas)"},
    "cnn.cnn_augmented": {"en": "CNN trained on shifted copies", "pt": "CNN treinada com cópias deslocadas"},
    "cnn.shift_x": {"en": "horizontal shift dx (pixels)", "pt": "deslocamento horizontal dx (pixels)"},
    "cnn.shift_y": {"en": "vertical shift dy (pixels)", "pt": "deslocamento vertical dy (pixels)"},
    "cnn.test_accuracy": {"en": "test accuracy", "pt": "acurácia no teste"},
    "cnn.accuracy": {"en": "accuracy", "pt": "acurácia"},
    "cnn.long_run_off": {
        "en": "LONG_RUN = False: skipped. Set LONG_RUN = True near the top of the notebook and run it again "
              "(this part trains about 3 times longer than the first network).",
        "pt": "LONG_RUN = False: pulado. Ponha LONG_RUN = True perto do início do notebook e rode-o de novo "
              "(esta parte treina cerca de 3 vezes mais que a primeira rede).",
    },
    "cnn.right": {"en": "✅ right", "pt": "✅ acertou"},
    "cnn.wrong": {"en": "❌ wrong", "pt": "❌ errou"},
    "cnn.err.images": {
        "en": "FeatureMapViewer: images and labels must come together: {n_images} images, {n_labels} labels.",
        "pt": "FeatureMapViewer: imagens e rótulos vêm juntos: {n_images} imagens, {n_labels} rótulos.",
    },
})

#: The lesson's recipe (Lesson 15): epochs, batch size, learning rate, learning-rate decay.
EPOCHS, BATCH_SIZE, LEARNING_RATE, DECAY = 30, 32, 0.005, 1e-3


def shift_images(images, dy, dx):
    """Shift images ``dy`` pixels down and ``dx`` pixels right, filling with zeros (Lesson 15).

    Shapes: images (..., H, W) → the same shape. Negative values shift up / left.
    out[..., y, x] = images[..., y − dy, x − dx] where that pixel exists, else 0.
    """
    images = np.asarray(images, dtype=float)
    height, width = images.shape[-2:]
    out = np.zeros_like(images)
    if abs(dy) >= height or abs(dx) >= width:
        return out
    rows_to = slice(max(dy, 0), height + min(dy, 0))
    rows_from = slice(max(-dy, 0), height + min(-dy, 0))
    columns_to = slice(max(dx, 0), width + min(dx, 0))
    columns_from = slice(max(-dx, 0), width + min(-dx, 0))
    out[..., rows_to, columns_to] = images[..., rows_from, columns_from]
    return out


def digits_split():
    """The lesson's split of the 1,797 real digits (Lesson 15): 80% train, 20% test,
    stratified (every digit keeps its share), seed 0.

    Returns ``X_train, X_test, y_train, y_test`` with X of shape (n, 1, 8, 8) in [0, 1].
    """
    images, labels = load_digits()
    return train_test_split(images[:, None] / 16, labels, test_size=0.2, seed=0, stratify=True)


def lenet_layers():
    """The lesson's LeNet-style layers (Lesson 15), shapes for one 1×8×8 digit:
    1×8×8 → conv 16×8×8 → pool 16×4×4 → conv 32×4×4 → pool 32×2×2 → 128 → 64 → 10."""
    return [Conv2D(1, 16, 3, padding="same", seed=0), ReLU(), MaxPool2D(2),
            Conv2D(16, 32, 3, padding="same", seed=1), ReLU(), MaxPool2D(2),
            Flatten(),
            Dense(128, 64, seed=2), ReLU(), Dropout(0.2, seed=0),
            Dense(64, 10, seed=3), Softmax()]


_TRAINED = {}


def digits_cnn():
    """The lesson's CNN trained on ``digits_split()`` with the lesson's recipe (Lesson 15):
    Adam(0.005, decay=1e-3), 30 epochs of batches of 32, seed 0 (test accuracy 0.978).

    Trained on the first call (a few seconds) and kept for the rest of the session, so
    every later call, and every ``FeatureMapViewer()`` made without a model, is instant.
    """
    if "model" not in _TRAINED:
        X_train, _, y_train, _ = digits_split()
        model = Model(lenet_layers(), CategoricalCrossEntropy(), Adam(LEARNING_RATE, decay=DECAY))
        model.fit(X_train, y_train, epochs=EPOCHS, batch_size=BATCH_SIZE, progress=False, seed=0)
        _TRAINED["model"] = model
    return _TRAINED["model"]


def feature_maps(model, image):
    """Every feature map a CNN makes from one image (Lesson 15).

    Runs ``image`` (C, H, W) through ``model.layers`` in inference mode and collects,
    up to the first ``Flatten``: each Conv2D's output after the activation that follows
    it, and each pooling layer's output. Returns ``(stages, probabilities)``: a list of
    ``(title, maps)`` with maps of shape (channels, h, w), and the network's final output
    for this image (10 probabilities for the digits).
    """
    X = np.asarray(image, dtype=float)[None]
    stages, convs, pools, pending = [], 0, 0, None
    for layer in model.layers:
        X = layer.forward(X, training=False)
        if isinstance(layer, Conv2D):
            convs += 1
            pending = convs
            continue
        if isinstance(layer, (MaxPool2D, AvgPool2D)):
            pools += 1
            stages.append((tr("cnn.pool", n=pools, c=X.shape[1], h=X.shape[2], w=X.shape[3]), X[0]))
        elif pending is not None and X.ndim == 4:
            stages.append((tr("cnn.conv", n=pending, act=type(layer).__name__, c=X.shape[1],
                              h=X.shape[2], w=X.shape[3]), X[0]))
        pending = None
    return stages, X[0]


class FeatureMapViewer(Widget):
    """See every layer of a trained CNN at work on one test digit (Lesson 15).

    ``FeatureMapViewer(model, images, labels)``: ``images`` (n, 1, 8, 8) and their
    ``labels``; with no arguments it uses ``digits_cnn()`` and the test set of
    ``digits_split()``. Controls: ``index`` (which test digit), ``dx`` and ``dy`` (shift
    it right and down by whole pixels, zeros coming in).

    Each layer's maps are drawn as one mosaic sharing one colour scale (dark = 0).
    ``update(...)`` returns ``{"label": true digit, "predicted": digit,
    "probability": p(predicted), "probabilities": [10 floats]}``.
    """

    controls = {
        "index": IntSlider("cnn.index", 0, 358, value=0),
        "dx": IntSlider("cnn.dx", -3, 3, value=0),
        "dy": IntSlider("cnn.dy", -3, 3, value=0),
    }
    figsize = (9.0, 4.6)

    def __init__(self, model=None, images=None, labels=None, **params):
        if model is None:
            model = digits_cnn()
        if images is None:
            _, images, _, labels = digits_split()
        if labels is None or len(images) != len(labels):
            raise ValueError(tr("cnn.err.images", n_images=len(images),
                                n_labels=None if labels is None else len(labels)))
        self.model, self.images, self.labels = model, np.asarray(images, dtype=float), np.asarray(labels)
        if len(self.images) != self.controls["index"].high + 1:      # another test set: its own slider
            self.controls = {**type(self).controls,
                             "index": IntSlider("cnn.index", 0, len(self.images) - 1, value=0)}
        super().__init__(**params)

    def setup(self, fig):
        grid = fig.add_gridspec(2, 3, width_ratios=[0.6, 1.0, 1.0])
        self.ax_input = fig.add_subplot(grid[0, 0])
        self.ax_probs = fig.add_subplot(grid[1, 0])
        self.map_axes = [fig.add_subplot(grid[row, column]) for row in (0, 1) for column in (1, 2)]
        stages, probabilities = feature_maps(self.model, self.images[0])
        self.columns = [4 if len(maps) <= 16 else 8 for _, maps in stages]
        self.pictures = [show_feature_maps(ax, maps, columns) for ax, (_, maps), columns
                         in zip(self.map_axes, stages, self.columns)]
        self.picture_input = show_image(self.ax_input, self.images[0, 0], cmap="gray_r")
        self.bars = self.ax_probs.barh(np.arange(len(probabilities)), probabilities, color="0.7")
        self.ax_probs.set_yticks(np.arange(len(probabilities)))
        self.ax_probs.tick_params(labelsize=8)
        self.ax_probs.set_xlim(0, 1)
        self.ax_probs.invert_yaxis()
        self.ax_probs.set_title(tr("cnn.probabilities"), fontsize=9)

    def compute(self, index, dx, dy):
        self.shifted = shift_images(self.images[index], dy, dx)
        self.stages, probabilities = feature_maps(self.model, self.shifted)
        predicted = int(np.argmax(probabilities))
        return {"label": int(self.labels[index]), "predicted": predicted,
                "probability": float(probabilities[predicted]),
                "probabilities": [float(p) for p in probabilities]}

    def draw(self, result, index, dx, dy):
        self.picture_input.set_data(self.shifted[0])
        self.ax_input.set_title(tr("cnn.input" if dx or dy else "cnn.input_plain"), fontsize=9)
        for ax, picture, columns, (title, maps) in zip(self.map_axes, self.pictures, self.columns, self.stages):
            picture.set_data(tile_maps(maps, columns))
            picture.set_clim(0.0, max(float(maps.max()), 1e-12))
            ax.set_title(title, fontsize=9)
        for digit, (bar, probability) in enumerate(zip(self.bars, result["probabilities"])):
            bar.set_width(probability)
            if digit == result["label"]:
                bar.set_color(RIGHT_COLOR)
            elif digit == result["predicted"]:
                bar.set_color(WRONG_COLOR)
            else:
                bar.set_color("0.7")

    def caption(self, result):
        verdict = tr("cnn.right" if result["predicted"] == result["label"] else "cnn.wrong")
        return tr("cnn.caption", label=result["label"], predicted=result["predicted"],
                  probability=result["probability"], verdict=verdict)


# What the lesson's code cells print.
register({
    "cnn.print.count": {"en": "{name} {n:6,}", "pt": "{name} {n:6,}"},
    "cnn.print.conv_photo": {"en": "Conv2D(1, 16, 3) on 128×128: {n:,}", "pt": "Conv2D(1, 16, 3) numa foto 128×128: {n:,}"},
    "cnn.print.dense_photo": {"en": "Dense(128 * 128, 64):        {n:,}", "pt": "Dense(128 * 128, 64):               {n:,}"},
    "cnn.print.test_accuracy": {"en": "test accuracy: {accuracy:.3f}", "pt": "acurácia no teste: {accuracy:.3f}"},
    "cnn.print.right": {"en": "right: {right} of {total}", "pt": "acertos: {right} de {total}"},
    "cnn.print.shifted": {"en": "dx={dx}: label {label}, predicted {predicted}", "pt": "dx={dx}: rótulo {label}, previsto {predicted}"},
})
