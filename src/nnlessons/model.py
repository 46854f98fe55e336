"""A model: layers + loss + optimizer, trained in mini-batches (Lessons 07 and 10).

Saving writes one ``.npz`` file holding every parameter, the optimizer's memory and a
JSON description of the architecture; loading reads it back without ever unpickling,
so a model file can never run code (``nnlessons.saving``, Lesson 16).
"""

import math
from typing import NamedTuple

import numpy as np
from tqdm.auto import tqdm

from . import activations, losses, optimizers, saving
from .data import batches
from .i18n import register, tr
from .layers import BatchNorm
from .metrics import accuracy
from .validation import (as_array, as_targets, check_finite, check_not_empty, check_positive_int,
                         check_same_length, trusted_arrays)

register({
    "err.model_layers": {
        "en": "Model: layers must be a non-empty list of nnlessons layers/activations, got {got!r}.",
        "pt": "Model: layers deve ser uma lista não vazia de camadas/ativações do nnlessons, recebeu {got!r}.",
    },
    "err.model_class": {
        "en": "Model: {name} is the class {cls} itself, but Model needs an object made from it; create "
              "one with {cls}() (with the brackets, and any arguments it needs).",
        "pt": "Model: {name} é a própria classe {cls}, mas o Model precisa de um objeto criado a partir "
              "dela; crie um com {cls}() (com os parênteses, e os argumentos de que precisar).",
    },
    "err.model_loss": {
        "en": "Model: loss must be a loss such as CategoricalCrossEntropy() or MeanSquaredError(), got {got!r}.",
        "pt": "Model: loss deve ser uma perda como CategoricalCrossEntropy() ou MeanSquaredError(), "
              "recebeu {got!r}.",
    },
    "err.model_optimizer": {
        "en": "Model: optimizer must be an optimizer such as Adam() or SGD(learning_rate=0.1) (or None for a "
              "model that only predicts), got {got!r}.",
        "pt": "Model: optimizer deve ser um otimizador como Adam() ou SGD(learning_rate=0.1) (ou None para um "
              "modelo que só faz previsões), recebeu {got!r}.",
    },
    "err.model_no_optimizer": {
        "en": "Model.fit: this model has no optimizer; pass one, e.g. Model(layers, loss, Adam()).",
        "pt": "Model.fit: este modelo não tem otimizador; passe um, por exemplo Model(layers, loss, Adam()).",
    },
    "err.validation_pair": {
        "en": "Model.fit: validation_data must be a pair (X_val, y_val), got {got}.",
        "pt": "Model.fit: validation_data deve ser um par (X_val, y_val), recebeu {got}.",
    },
    "validation_pair.items": {"en": "a {kind} of {count} item(s)", "pt": "um(a) {kind} de {count} item(ns)"},
    "validation_pair.array": {"en": "an array of shape {shape}", "pt": "um array de formato {shape}"},
    "err.early_stopping": {
        "en": "Model.fit: early_stopping must be None, a patience (a whole number ≥ 1) or "
              "EarlyStopping(patience, restore_best_weights=True), got {got!r}.",
        "pt": "Model.fit: early_stopping deve ser None, uma paciência (um número inteiro ≥ 1) ou "
              "EarlyStopping(patience, restore_best_weights=True), recebeu {got!r}.",
    },
    "err.augment_callable": {
        "en": "Model.fit: augment must be None or a function augment(X_batch, rng) that returns the "
              "changed batch, got {got!r}.",
        "pt": "Model.fit: augment deve ser None ou uma função augment(X_batch, rng) que devolve o "
              "lote modificado, recebeu {got!r}.",
    },
    "err.augment_shape": {
        "en": "Model.fit: augment(X_batch, rng) returned an array of shape {got}, but the batch has shape "
              "{expected}. Return one changed copy of each sample, in the batch's shape (reshape back "
              "if you reshaped the images), since the labels stay as they are.",
        "pt": "Model.fit: augment(X_batch, rng) devolveu um array de formato {got}, mas o lote tem formato "
              "{expected}. Devolva uma cópia modificada de cada amostra, no formato do lote (volte ao "
              "formato original se você mudou o formato das imagens), porque os rótulos não mudam.",
    },
    "err.batchnorm_last_batch": {
        "en": "Model.fit: with {n} samples and batch_size={batch_size}, every epoch ends with a mini-batch "
              "of one sample, and BatchNorm cannot normalise a single sample. Pass drop_last=True to leave "
              "it out (with shuffling, a different sample sits out each epoch), or use a batch_size that "
              "leaves more than one sample over.",
        "pt": "Model.fit: com {n} amostras e batch_size={batch_size}, toda época termina com um minilote "
              "de uma só amostra, e a BatchNorm não consegue normalizar uma amostra sozinha. Passe "
              "drop_last=True para deixá-lo de fora (embaralhando, uma amostra diferente fica de fora a "
              "cada época), ou use um batch_size que deixe mais de uma amostra sobrando.",
    },
    "err.drop_last_empty": {
        "en": "Model.fit: with drop_last=True and batch_size={batch_size} the {n} samples do not fill a "
              "single batch, so nothing would be trained; use a batch_size of at most {n}.",
        "pt": "Model.fit: com drop_last=True e batch_size={batch_size} as {n} amostras não enchem nem um "
              "lote, e nada seria treinado; use um batch_size de no máximo {n}.",
    },
    "err.diverged": {
        "en": "Model.fit: training diverged in epoch {epoch} of {epochs}: the loss or the parameters "
              "became NaN or infinite. The model was put back exactly as it was before this call to fit "
              "(parameters and the optimizer's memory), so it still works. Try a smaller learning rate: "
              "it is {rate:g} now; for example set model.optimizer.learning_rate = {smaller} and call "
              "fit again.",
        "pt": "Model.fit: o treino divergiu na época {epoch} de {epochs}: a perda ou os parâmetros "
              "viraram NaN ou infinito. O modelo voltou a ser exatamente como era antes desta chamada ao "
              "fit (parâmetros e a memória do otimizador), então continua funcionando. Tente uma taxa de "
              "aprendizado menor: ela é {rate:g} agora; por exemplo faça model.optimizer.learning_rate = "
              "{smaller} e chame fit de novo.",
    },
    "err.broken_parameters": {
        "en": "{where}: {name} already holds NaN or infinity, so this model can neither learn nor predict. "
              "It broke before this call (in a training loop of your own, or by values set by hand), and a "
              "smaller learning rate will not mend it: build the model again, or put finite values back "
              "with model.set_parameters(...) or Model.load(a checkpoint).",
        "pt": "{where}: {name} já contém NaN ou infinito, então este modelo não consegue nem aprender nem "
              "prever. Ele quebrou antes desta chamada (num laço de treino seu, ou por valores postos à "
              "mão), e uma taxa de aprendizado menor não o conserta: construa o modelo de novo, ou devolva "
              "valores finitos com model.set_parameters(...) ou Model.load(um checkpoint).",
    },
    "err.set_parameters_shape": {
        "en": "Model.set_parameters: {name} has shape {expected}, got {got}.",
        "pt": "Model.set_parameters: {name} tem formato {expected}, recebeu {got}.",
    },
    "err.set_parameters_names": {
        "en": "Model.set_parameters: {problem}; pass a dict like the one model.parameters() returns, "
              "with exactly the names {names}.",
        "pt": "Model.set_parameters: {problem}; passe um dicionário como o que model.parameters() devolve, "
              "com exatamente os nomes {names}.",
    },
    "set_parameters.missing": {"en": "no value for {names}", "pt": "falta valor para {names}"},
    "set_parameters.unknown": {"en": "this model has no {names}", "pt": "este modelo não tem {names}"},
    "model.epoch": {"en": "epoch", "pt": "época"},
})


class Evaluation(NamedTuple):
    """Mean loss and accuracy on a data set: ``loss, acc = model.evaluate(X, y)``."""
    loss: float
    accuracy: float


class EarlyStopping(NamedTuple):
    """When ``fit`` stops early, and what it keeps (Lesson 10).

    Training stops after ``patience`` epochs without a new best monitored loss (val_loss
    with validation data, else loss). With ``restore_best_weights`` (as Keras'
    ``EarlyStopping(restore_best_weights=True)``) the parameters of the best epoch are put
    back at the end, also when training ran all its epochs; without it the model keeps
    those of the last epoch. ``fit(early_stopping=5)`` is ``EarlyStopping(5)``.
    """
    patience: int
    restore_best_weights: bool = True


class History:
    """What happened during ``fit``: ``history["loss"][epoch]`` and friends (Lessons 07, 10).

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


def _check_part(value, name, methods):
    """True when ``value`` is an object with ``methods``; a teaching error when it is the class itself."""
    if isinstance(value, type):
        raise ValueError(tr("err.model_class", name=name, cls=value.__name__))
    return all(callable(getattr(value, method, None)) for method in methods)


def _describe_pair(value):
    """What came instead of an (X_val, y_val) pair, in words: "a tuple of 3 item(s)",
    "an array of shape (50, 2)"."""
    if isinstance(value, np.ndarray):
        return tr("validation_pair.array", shape=value.shape)
    if isinstance(value, (tuple, list)):
        return tr("validation_pair.items", kind=type(value).__name__, count=len(value))
    return repr(value)


class Model:
    """A stack of layers trained to minimise a loss with an optimizer (Lesson 07).

    forward:  output = layers[-1](… layers[1](layers[0](X)))
    backward: the loss gradient flows through the layers in reverse; with a final
              Softmax and CategoricalCrossEntropy the two combine into (p − y) / n.
    """

    def __init__(self, layers, loss, optimizer=None):
        if not isinstance(layers, (list, tuple)) or not layers or not all(
                _check_part(layer, f"layers[{i}]", ("forward", "backward"))
                for i, layer in enumerate(layers)):
            raise ValueError(tr("err.model_layers", got=layers))
        if not _check_part(loss, "loss", ("calculate", "backward")):
            raise ValueError(tr("err.model_loss", got=loss))
        if optimizer is not None and not _check_part(optimizer, "optimizer", ("step",)):
            raise ValueError(tr("err.model_optimizer", got=optimizer))
        self.layers = list(layers)
        self.layers[0].needs_dinputs = False     # nothing reads the gradient with respect to X
        self.loss = loss
        self.optimizer = optimizer
        self.trainable = [layer for layer in self.layers if layer.params]
        # ("layer0.weights", layer, "weights") for every parameter and saved state
        self.named_arrays = [(f"layer{i}.{name}", layer, name)
                             for i, layer in enumerate(self.layers) for name in (*layer.params, *layer.state)]
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
            early_stopping=None, checkpoint=None, progress=True, seed=None, drop_last=False, augment=None):
        """Train for ``epochs`` passes over (X, y) in mini-batches (Lessons 07, 10).

        batch_size       None: the whole set at once (batch gradient descent)
        validation_data  (X_val, y_val), evaluated after every epoch
        shuffle          new random order of the samples every epoch
        early_stopping   a patience, or ``EarlyStopping(patience, restore_best_weights)``:
                         stop after that many epochs without a new best monitored loss
                         (val_loss if there is validation data, else loss); a bare
                         patience also puts the best weights back at the end
        checkpoint       a path: the best model so far is saved there with ``save``; its
                         folder is created (or refused) before the first epoch
        progress         show a tqdm progress bar
        seed             seed for the shuffling: an int, or a ``np.random.Generator`` to
                         carry one sequence on across several fit calls (resuming after
                         ``Model.load`` exactly)
        drop_last        leave out each epoch's last batch when it is smaller than
                         batch_size (BatchNorm cannot train on a batch of one sample)
        augment          None, or a function ``augment(X_batch, rng) -> X_batch`` called on
                         every training batch before the step (Lesson 13): on-the-fly data
                         augmentation, new variations each epoch. It must return an array of
                         the same shape; ``rng`` is fit's seeded generator, so a seed makes
                         the run reproducible. Validation data is never augmented.
        Returns a ``History``.

        Divergence: after every step the batch loss must be finite, and after every epoch
        every parameter (so the last step of fit is checked too). If not, the model is put
        back exactly as it was before this call (parameters, running statistics, the
        optimizer's memory and iteration count) and a ``ValueError`` names the epoch and
        the learning rate to lower. Not to the start of the diverging epoch: by then the
        weights are usually finite but astronomically large, and no learning rate could
        bring them back; from the state before the call, a smaller one simply works.
        """
        if self.optimizer is None:
            raise ValueError(tr("err.model_no_optimizer"))
        X, y = self._checked_data(X, y, "Model.fit", "X", "y")
        epochs = check_positive_int(epochs, "epochs", "Model.fit")
        if batch_size is not None:
            batch_size = check_positive_int(batch_size, "batch_size", "Model.fit")
            if drop_last and batch_size > len(X):
                raise ValueError(tr("err.drop_last_empty", batch_size=batch_size, n=len(X)))
            if not drop_last and len(X) % batch_size == 1 and len(X) > 1 and any(
                    isinstance(layer, BatchNorm) for layer in self.layers):
                raise ValueError(tr("err.batchnorm_last_batch", n=len(X), batch_size=batch_size))
        if validation_data is not None:
            if not isinstance(validation_data, (tuple, list)) or len(validation_data) != 2:
                raise ValueError(tr("err.validation_pair", got=_describe_pair(validation_data)))
            validation_data = self._checked_data(*validation_data, "Model.fit",
                                                 "validation_data[0]", "validation_data[1]")
        stopping = _early_stopping(early_stopping)
        if augment is not None and not callable(augment):
            raise ValueError(tr("err.augment_callable", got=augment))
        if checkpoint is not None:
            checkpoint = saving.writable_model_path(checkpoint, "Model.fit")
        self._check_finite_parameters("Model.fit")
        rng = np.random.default_rng(seed)
        shuffle = shuffle and batch_size is not None and batch_size < len(X)   # one full batch: order is moot
        regularised = losses.is_regularised(self.trainable)
        history = History()
        best_loss, best_params, waited = np.inf, None, 0
        before = self.parameters(), self.optimizer_memory(), getattr(self.optimizer, "iterations", 0)

        bar = tqdm(range(epochs), desc=tr("model.epoch"), disable=not progress, leave=False)
        for epoch in bar:
            loss_sum = accuracy_sum = seen = 0.0
            with trusted_arrays(probabilities=self.combined):     # X was checked above, once
                for X_batch, y_batch in batches(X, y, batch_size, shuffle=shuffle, seed=rng, drop_last=drop_last):
                    if augment is not None:
                        X_batch = _augmented(augment, X_batch, rng)
                    batch_loss, batch_accuracy = self.train_step(X_batch, y_batch)
                    if not math.isfinite(batch_loss):
                        break
                    loss_sum += batch_loss * len(X_batch)
                    accuracy_sum += batch_accuracy * len(X_batch)
                    seen += len(X_batch)
            if not math.isfinite(batch_loss) or self._broken_parameter() is not None:
                self._diverged(before, epoch, epochs)
            history.record(loss=loss_sum / seen, accuracy=accuracy_sum / seen)
            if regularised:
                history.record(regularization_loss=self.regularization_loss())
            monitored = loss_sum / seen
            if validation_data is not None:
                val_loss, val_accuracy = self._evaluate(*validation_data)
                if not math.isfinite(val_loss):
                    self._diverged(before, epoch, epochs)
                history.record(val_loss=val_loss, val_accuracy=val_accuracy)
                monitored = val_loss
            if progress:
                bar.set_postfix({key: f"{values[-1]:.4f}" for key, values in history.history.items()}, refresh=False)

            if monitored < best_loss:
                best_loss, history.best_epoch, waited = monitored, epoch, 0
                if stopping is not None and stopping.restore_best_weights:
                    best_params = self.parameters()
                if checkpoint is not None:
                    self.save(checkpoint)
            elif stopping is not None:
                waited += 1
                if waited >= stopping.patience:
                    history.stopped_epoch = epoch
                    break
        bar.close()
        if best_params is not None:
            self.set_parameters(best_params)
        return history

    def _checked_data(self, X, y, where, name_X="X", name_y="y"):
        """(X, y) as arrays: X finite floats with at least one sample, y numeric targets,
        one per sample (a transposed X gets the ``.T`` hint)."""
        X = as_array(X, where, name_X)
        check_not_empty(X, where, name_X)
        y = as_targets(y, where, name_y)
        check_same_length(X, y, where, name_X, name_y)
        return X, y

    def _broken_parameter(self):
        """The name of the first parameter or running statistic holding NaN or ±infinity, or
        None. One sum per array; only an array whose sum is not finite is looked at closely."""
        for key, layer, name in self.named_arrays:
            value = getattr(layer, name)
            if not np.isfinite(value.sum()) and not np.isfinite(value).all():
                return key
        return None

    def _check_finite_parameters(self, where):
        """Refuse to train or predict with parameters that already hold NaN or infinity."""
        broken = self._broken_parameter()
        if broken is not None:
            raise ValueError(tr("err.broken_parameters", where=where, name=broken))

    def _diverged(self, before, epoch, epochs):
        """Put back the state from before fit and raise the divergence error."""
        parameters, memory, iterations = before
        self.set_parameters(parameters)
        self.set_optimizer_memory(memory, iterations)
        rate = getattr(self.optimizer, "learning_rate", math.nan)
        raise ValueError(tr("err.diverged", epoch=epoch + 1, epochs=epochs, rate=rate, smaller=format(rate / 10, "g")))

    # -- using a trained model ----------------------------------------------------------
    def predict(self, X, batch_size=None):
        """Outputs for inputs ``X`` in inference mode (no dropout, BatchNorm running stats)."""
        X = as_array(X, "Model.predict", "X")
        check_not_empty(X, "Model.predict", "X")
        size = None if batch_size is None else check_positive_int(batch_size, "batch_size", "Model.predict")
        self._check_finite_parameters("Model.predict")
        with trusted_arrays():                      # X was checked above, once
            if size is None:
                return self.forward(X, training=False)
            return np.concatenate([self.forward(X[start:start + size], training=False)
                                   for start in range(0, len(X), size)])

    def evaluate(self, X, y):
        """Mean loss and accuracy on (X, y), in inference mode: ``Evaluation(loss, accuracy)``."""
        X, y = self._checked_data(X, y, "Model.evaluate")
        self._check_finite_parameters("Model.evaluate")
        return self._evaluate(X, y)

    def _evaluate(self, X, y):
        """``evaluate`` on data already checked."""
        with trusted_arrays(probabilities=self.combined):
            output = self.forward(X, training=False)
            return Evaluation(self.loss.calculate(output, y), accuracy(output, y, self.loss.task))

    # -- parameters, saving and loading ---------------------------------------------------
    def parameters(self):
        """A copy of every parameter and saved state: ``{"layer0.weights": array, ...}``."""
        return {key: getattr(layer, name).copy() for key, layer, name in self.named_arrays}

    def set_parameters(self, values):
        """Put back arrays from ``parameters()``: the same names, the same shapes. Everything
        is checked before anything changes, so a refused call leaves the model as it was."""
        keys = [key for key, _, _ in self.named_arrays]
        missing = [key for key in keys if key not in values]
        unknown = [key for key in values if key not in keys]
        if missing or unknown:
            problem = (tr("set_parameters.missing", names=", ".join(missing)) if missing
                       else tr("set_parameters.unknown", names=", ".join(unknown)))
            raise ValueError(tr("err.set_parameters_names", problem=problem, names=", ".join(keys)))
        for key, layer, name in self.named_arrays:
            expected, got = getattr(layer, name).shape, np.shape(values[key])
            if got != expected:
                raise ValueError(tr("err.set_parameters_shape", name=key, expected=expected, got=got))
        for key, layer, name in self.named_arrays:
            setattr(layer, name, np.array(values[key], dtype=getattr(layer, name).dtype))

    def optimizer_memory(self):
        """A copy of the optimizer's memory by name (Lesson 16): ``{"layer0.weights.m": array, ...}``
        for Adam's moments, SGD's velocity, the caches of AdaGrad and RMSProp. Empty before
        the first step, and for a model without an nnlessons optimizer."""
        if not isinstance(self.optimizer, optimizers.Optimizer):
            return {}
        return {f"layer{i}.{name}.{slot}": np.array(value)
                for i, layer in enumerate(self.layers) if layer in self.optimizer.state
                for name, slots in self.optimizer.state[layer].items() for slot, value in slots.items()}

    def set_optimizer_memory(self, memory, iterations):
        """Put back an ``optimizer_memory()`` and the optimizer's iteration count, so the next
        step is exactly the one that would have followed (nnlessons optimizers only: an
        optimizer of your own keeps its memory as it likes)."""
        if not isinstance(self.optimizer, optimizers.Optimizer):
            return
        state = {}
        for key, value in memory.items():
            layer_name, name, slot = key.split(".")                      # "layer0", "weights", "m"
            layer = self.layers[int(layer_name[len("layer"):])]
            state.setdefault(layer, {}).setdefault(name, {})[slot] = np.array(value)
        self.optimizer.state = state
        self.optimizer.iterations = iterations

    def description(self):
        """The architecture as plain JSON-ready data (no arrays): each layer's class and
        arguments (and a Dropout's random-generator state), the loss, the optimizer and
        its iteration count."""
        def describe(obj):
            return None if obj is None else {"class": type(obj).__name__, "config": obj.config()}
        layers = []
        for layer in self.layers:
            entry = describe(layer)
            if isinstance(getattr(layer, "rng", None), np.random.Generator):
                entry["rng"] = layer.rng.bit_generator.state
            layers.append(entry)
        optimizer = describe(self.optimizer)
        if isinstance(self.optimizer, optimizers.Optimizer):
            optimizer["iterations"] = self.optimizer.iterations
        return {"format": saving.FORMAT, "version": saving.VERSION, "layers": layers,
                "loss": describe(self.loss), "optimizer": optimizer}

    def save(self, path):
        """Write everything needed to use *and to keep training* this model to one ``.npz``
        file (Lesson 16): parameters, running statistics, the optimizer's memory and
        iteration count, and the JSON description. ``path`` gets ``.npz`` added unless it
        ends in it, and its folder is created if needed; returns the file's path.
        ``Model.load(path)`` with the same ``path`` reads it back."""
        return saving.write_model(self, path)

    @classmethod
    def load(cls, path):
        """Rebuild a model saved with ``save(path)``, optimizer state included, so ``fit``
        continues exactly where it stopped; never unpickles (Lesson 16). A file that is
        not a sound model file gets one ``ValueError`` naming it and what is wrong."""
        return saving.read_model(cls, path)


def _augmented(augment, X_batch, rng):
    """``augment(X_batch, rng)`` checked: a finite float array of X_batch's shape."""
    name = "augment(X_batch, rng)"
    augmented = as_array(augment(X_batch, rng), "Model.fit", name)
    check_finite(augmented, "Model.fit", name)        # as_array trusts float arrays inside fit's loop
    if augmented.shape != X_batch.shape:
        raise ValueError(tr("err.augment_shape", got=augmented.shape, expected=X_batch.shape))
    return augmented


def _early_stopping(value):
    """``EarlyStopping`` from fit's ``early_stopping`` argument (None stays None)."""
    if value is None:
        return None
    stopping = value if isinstance(value, EarlyStopping) else EarlyStopping(value)
    patience_ok = isinstance(stopping.patience, (int, np.integer)) and not isinstance(stopping.patience, bool)
    if not patience_ok or stopping.patience < 1 or not isinstance(stopping.restore_best_weights, bool):
        raise ValueError(tr("err.early_stopping", got=value))
    return stopping
