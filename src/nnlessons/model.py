"""A model: layers + loss + optimizer, trained in mini-batches (Lessons 07 and 09).

Saving writes one ``.npz`` file holding every parameter plus a JSON description
of the architecture; loading reads it back with ``allow_pickle=False``, so a model
file can never run code.
"""

import json
from typing import NamedTuple

import numpy as np
from tqdm.auto import tqdm

from . import activations, layers, losses, optimizers
from .data import batches
from .i18n import register, tr
from .metrics import accuracy
from .validation import as_array, check_positive_int, check_same_length, trusted_arrays

register({
    "err.model_layers": {
        "en": "Model: layers must be a non-empty list of nnlessons layers/activations, got {got!r}.",
        "pt": "Model: layers deve ser uma lista não vazia de camadas/ativações do nnlessons, recebeu {got!r}.",
    },
    "err.model_no_optimizer": {
        "en": "Model.fit: this model has no optimizer; pass one, e.g. Model(layers, loss, Adam()).",
        "pt": "Model.fit: este modelo não tem otimizador; passe um, por exemplo Model(layers, loss, Adam()).",
    },
    "err.model_file": {
        "en": "Model.load: {path} is not a model saved by nnlessons ({reason}).",
        "pt": "Model.load: {path} não é um modelo salvo pelo nnlessons ({reason}).",
    },
    "model.epoch": {"en": "epoch", "pt": "época"},
})

_FORMAT = "nnlessons-model"
_CLASSES = {cls.__name__: cls for cls in (
    *(getattr(layers, name) for name in layers.__all__), *activations.ACTIVATIONS,
    *losses.LOSSES, *optimizers.OPTIMIZERS)}


class Evaluation(NamedTuple):
    """Mean loss and accuracy on a data set: ``loss, acc = model.evaluate(X, y)``."""
    loss: float
    accuracy: float


class History:
    """What happened during ``fit``: ``history["loss"][epoch]`` and friends (Lessons 07, 09).

    Keys: loss, accuracy (training, averaged over the epoch's batches) and, with
    validation data, val_loss and val_accuracy; with L1/L2 penalties also
    regularization_loss. ``best_epoch`` is the epoch (from 0) with the lowest
    monitored loss; ``stopped_epoch`` is set when early stopping ended training.
    """

    def __init__(self):
        self.history = {"loss": [], "accuracy": []}
        self.best_epoch = None
        self.stopped_epoch = None

    def __getitem__(self, key):
        return self.history[key]

    def record(self, **values):
        for key, value in values.items():
            self.history.setdefault(key, []).append(value)

    def __repr__(self):
        last = ", ".join(f"{key}={values[-1]:.4f}" for key, values in self.history.items() if values)
        return f"History(epochs={len(self.history['loss'])}, {last})"


class Model:
    """A stack of layers trained to minimise a loss with an optimizer (Lesson 07).

    forward:  output = layers[-1](… layers[1](layers[0](X)))
    backward: the loss gradient flows through the layers in reverse; with a final
              Softmax and CategoricalCrossEntropy the two combine into (p − y) / n.
    """

    def __init__(self, layers, loss, optimizer=None):
        if not isinstance(layers, (list, tuple)) or not layers or not all(
                hasattr(layer, "forward") and hasattr(layer, "backward") for layer in layers):
            raise ValueError(tr("err.model_layers", got=layers))
        self.layers = list(layers)
        self.layers[0].needs_dinputs = False     # nothing reads the gradient with respect to X
        self.loss = loss
        self.optimizer = optimizer
        self.trainable = [layer for layer in self.layers if layer.params]
        self.combined = (isinstance(self.layers[-1], activations.Softmax)
                         and isinstance(loss, losses.CategoricalCrossEntropy))
        self.combined_loss = losses.SoftmaxCategoricalCrossEntropy()

    def __repr__(self):
        inner = ",\n    ".join(repr(layer) for layer in self.layers)
        return f"Model([\n    {inner}],\n  loss={self.loss!r},\n  optimizer={self.optimizer!r})"

    # -- one pass ---------------------------------------------------------------------
    def forward(self, X, training=True):
        """Output of the last layer for inputs ``X``."""
        for layer in self.layers:
            X = layer.forward(X, training=training)
        return X

    def backward(self, output, y):
        """Gradients of the mean loss for every layer, last to first; returns the first
        layer's dinputs (None when it skips them, as Conv2D does)."""
        if self.combined:
            dvalues = self.combined_loss.backward(output, y)
            stack = self.layers[-2::-1]
        else:
            dvalues = self.loss.backward(output, y)
            stack = self.layers[::-1]
        for layer in stack:
            dvalues = layer.backward(dvalues)
        return dvalues

    def regularization_loss(self):
        """Sum of the L1/L2 penalties of every layer (0 when there are none)."""
        return losses.regularization_loss(self.trainable)

    def train_step(self, X, y):
        """Forward, backward and one optimizer step on one batch; returns (loss, accuracy)."""
        output = self.forward(X, training=True)
        data_loss = self.loss.calculate(output, y)
        self.backward(output, y)
        self.optimizer.step(self.trainable)
        return data_loss, accuracy(output, y, self.loss.task)

    # -- training ---------------------------------------------------------------------
    def fit(self, X, y, epochs=1, batch_size=None, validation_data=None, shuffle=True,
            early_stopping=None, checkpoint=None, progress=True, seed=None):
        """Train for ``epochs`` passes over (X, y) in mini-batches (Lessons 07, 09).

        batch_size       None: the whole set at once (batch gradient descent)
        validation_data  (X_val, y_val), evaluated after every epoch
        shuffle          new random order of the samples every epoch
        early_stopping   patience: stop after this many epochs without a new best
                         monitored loss (val_loss if there is validation data, else
                         loss) and restore the best weights
        checkpoint       a path: the best model so far is saved there with ``save``
        progress         show a tqdm progress bar
        seed             seed for the shuffling
        Returns a ``History``.
        """
        if self.optimizer is None:
            raise ValueError(tr("err.model_no_optimizer"))
        X = as_array(X, "Model.fit", "X")
        y = np.asarray(y)
        check_same_length(X, y, "Model.fit", "X", "y")
        epochs = check_positive_int(epochs, "epochs", "Model.fit")
        if batch_size is not None:
            batch_size = check_positive_int(batch_size, "batch_size", "Model.fit")
        patience = None if early_stopping is None else check_positive_int(early_stopping, "early_stopping", "Model.fit")
        if validation_data is not None:
            X_val, y_val = validation_data
            validation_data = (as_array(X_val, "Model.fit", "validation_data[0]"), y_val)
        rng = np.random.default_rng(seed)
        shuffle = shuffle and batch_size is not None and batch_size < len(X)   # one full batch: order is moot
        regularised = losses.is_regularised(self.trainable)
        history = History()
        best_loss, best_params, waited = np.inf, None, 0

        bar = tqdm(range(epochs), desc=tr("model.epoch"), disable=not progress, leave=False)
        for epoch in bar:
            loss_sum = accuracy_sum = 0.0
            with trusted_arrays():                  # X was checked above, once
                for X_batch, y_batch in batches(X, y, batch_size, shuffle=shuffle, seed=rng):
                    batch_loss, batch_accuracy = self.train_step(X_batch, y_batch)
                    loss_sum += batch_loss * len(X_batch)
                    accuracy_sum += batch_accuracy * len(X_batch)
            if not np.isfinite(loss_sum):
                raise ValueError(tr("err.not_finite", where=f"Model.fit (epoch {epoch + 1})", name="loss"))
            history.record(loss=loss_sum / len(X), accuracy=accuracy_sum / len(X))
            if regularised:
                history.record(regularization_loss=self.regularization_loss())
            monitored = loss_sum / len(X)
            if validation_data is not None:
                val_loss, val_accuracy = self.evaluate(*validation_data)
                history.record(val_loss=val_loss, val_accuracy=val_accuracy)
                monitored = val_loss
            if progress:
                bar.set_postfix({key: f"{values[-1]:.4f}" for key, values in history.history.items()}, refresh=False)

            if monitored < best_loss:
                best_loss, history.best_epoch, waited = monitored, epoch, 0
                if patience is not None:
                    best_params = self.parameters()
                if checkpoint is not None:
                    self.save(checkpoint)
            elif patience is not None:
                waited += 1
                if waited >= patience:
                    history.stopped_epoch = epoch
                    break
        bar.close()
        if best_params is not None:
            self.set_parameters(best_params)
        return history

    # -- using a trained model ----------------------------------------------------------
    def predict(self, X, batch_size=None):
        """Outputs for inputs ``X`` in inference mode (no dropout, BatchNorm running stats)."""
        X = as_array(X, "Model.predict", "X")
        size = None if batch_size is None else check_positive_int(batch_size, "batch_size", "Model.predict")
        with trusted_arrays():                      # X was checked above, once
            if size is None:
                return self.forward(X, training=False)
            return np.concatenate([self.forward(X[start:start + size], training=False)
                                   for start in range(0, len(X), size)])

    def evaluate(self, X, y):
        """Mean loss and accuracy on (X, y), in inference mode: ``Evaluation(loss, accuracy)``."""
        output = self.predict(X)
        return Evaluation(self.loss.calculate(output, y), accuracy(output, y, self.loss.task))

    # -- parameters, saving and loading ---------------------------------------------------
    def parameters(self):
        """A copy of every parameter and saved state: ``{"layer0.weights": array, ...}``."""
        return {f"layer{i}.{name}": getattr(layer, name).copy()
                for i, layer in enumerate(self.layers) for name in (*layer.params, *layer.state)}

    def set_parameters(self, values):
        """Put back arrays from ``parameters()`` (shapes must match)."""
        for i, layer in enumerate(self.layers):
            for name in (*layer.params, *layer.state):
                current = getattr(layer, name)
                new = np.asarray(values[f"layer{i}.{name}"], dtype=current.dtype)
                if new.shape != current.shape:
                    raise ValueError(f"Model.set_parameters: layer{i}.{name} has shape {current.shape}, "
                                     f"got {new.shape}.")
                setattr(layer, name, new.copy())

    def description(self):
        """The architecture as plain JSON-ready data (no arrays)."""
        def describe(obj):
            return None if obj is None else {"class": type(obj).__name__, "config": obj.config()}
        return {"format": _FORMAT, "version": 1, "layers": [describe(layer) for layer in self.layers],
                "loss": describe(self.loss), "optimizer": describe(self.optimizer)}

    def save(self, path):
        """Write parameters and the JSON description to one ``.npz`` file (Lesson 13)."""
        np.savez(path, __description__=np.array(json.dumps(self.description())), **self.parameters())

    @classmethod
    def load(cls, path):
        """Rebuild a model saved with ``save``; never unpickles (Lesson 13)."""
        try:
            with np.load(path, allow_pickle=False) as data:
                description = json.loads(str(data["__description__"]))
                arrays = {key: data[key] for key in data.files if key != "__description__"}
        except (OSError, KeyError, ValueError) as error:
            raise ValueError(tr("err.model_file", path=path, reason=error)) from None
        if description.get("format") != _FORMAT:
            raise ValueError(tr("err.model_file", path=path, reason="format"))

        def build(entry):
            return None if entry is None else _CLASSES[entry["class"]](**entry["config"])
        model = cls([build(entry) for entry in description["layers"]],
                    build(description["loss"]), build(description["optimizer"]))
        model.set_parameters(arrays)
        return model
