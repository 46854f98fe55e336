"""The slips students make get a teaching error (issue 9, section 4)."""

import numpy as np
import pytest

from nnlessons import i18n, losses, optimizers
from nnlessons.activations import ACTIVATIONS, ReLU, Softmax
from nnlessons.data import batches
from nnlessons.layers import (AvgPool2D, BatchNorm, Conv1D, Conv2D, Dense, Dropout, Embedding, Flatten,
                              GlobalMaxPool1D, MaxPool2D)
from nnlessons.metrics import accuracy
from nnlessons.model import Model

# Every layer with an input it accepts, for the backward checks.
LAYERS = [
    (lambda: Dense(3, 2), np.ones((4, 3))),
    (lambda: Dropout(0.5, seed=0), np.ones((4, 3))),
    (lambda: BatchNorm(3), np.arange(12.0).reshape(4, 3)),
    (lambda: Flatten(), np.ones((4, 2, 3, 3))),
    (lambda: Conv2D(2, 3, 3, seed=0), np.ones((4, 2, 5, 5))),
    (lambda: MaxPool2D(2), np.arange(64.0).reshape(2, 2, 4, 4)),
    (lambda: AvgPool2D(2), np.ones((2, 2, 4, 4))),
    (lambda: Embedding(5, 3, seed=0), np.array([[0, 1, 4], [2, 2, 3]])),
    (lambda: Conv1D(3, 2, 2, seed=0), np.ones((2, 5, 3))),
    (lambda: GlobalMaxPool1D(), np.arange(30.0).reshape(2, 5, 3)),
    *[(cls, np.linspace(-1, 1, 12).reshape(4, 3)) for cls in ACTIVATIONS],
]
IDS = ["Dense", "Dropout", "BatchNorm", "Flatten", "Conv2D", "MaxPool2D", "AvgPool2D", "Embedding", "Conv1D",
       "GlobalMaxPool1D", *[cls.__name__ for cls in ACTIVATIONS]]


def blobs(n=30):
    rng = np.random.default_rng(0)
    y = np.arange(n) % 3
    return np.array([[0, 2], [2, -1], [-2, -1]])[y] + 0.3 * rng.standard_normal((n, 2)), y


def classifier():
    return Model([Dense(2, 4, seed=0), ReLU(), Dense(4, 3, seed=1), Softmax()],
                 losses.CategoricalCrossEntropy(), optimizers.SGD(0.5))


# -- backward ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("make, inputs", LAYERS, ids=IDS)
def test_backward_before_forward(make, inputs):
    with pytest.raises(ValueError, match=r"\.backward: backward needs the values of the last forward pass, and "
                                         r"this layer has not run forward yet\. Call forward\(inputs\) first"):
        make().backward(np.ones((4, 2)))


@pytest.mark.parametrize("make, inputs", LAYERS, ids=IDS)
def test_dvalues_of_the_wrong_shape(make, inputs):
    layer = make()
    output = layer.forward(inputs)
    wrong = np.ones(output.shape[:-1] + (output.shape[-1] + 1,))
    with pytest.raises(ValueError, match=rf"\.backward: dvalues must have the shape of this layer's output, "
                                         rf"{re_shape(output.shape)} \(one gradient per output value\), got "
                                         rf"{re_shape(wrong.shape)}\. Pass the dinputs of the layer that came after"):
        layer.backward(wrong)
    assert layer.backward(np.ones_like(output)).shape == np.shape(inputs)      # the right shape still works


def re_shape(shape):
    return str(shape).replace("(", r"\(").replace(")", r"\)")


def test_transposed_dvalues_get_the_transpose_hint():
    layer = Dense(3, 2)
    layer.forward(np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"got \(2, 4\)\. Your array looks transposed; try dvalues\.T\."):
        layer.backward(np.ones((2, 4)))


def test_a_loss_backward_needs_no_forward():
    # A loss's backward takes y_pred and y_true itself, so there is no "before forward" slip to catch.
    probabilities = np.array([[0.7, 0.2, 0.1]])
    assert np.allclose(losses.CategoricalCrossEntropy().backward(probabilities, [0]), [[-1 / 0.7, 0, 0]])


# -- data ---------------------------------------------------------------------------------------------
def test_ragged_lists_as_inputs():
    with pytest.raises(ValueError, match=r"Dense\(n_inputs=2, n_neurons=3\)\.forward: inputs is a ragged list: "
                                         r"row 0 has 2 value\(s\) but row 2 has 1\. Every sample needs the same"):
        Dense(2, 3).forward([[1, 2], [3, 4], [5]])
    with pytest.raises(ValueError, match=r"Model\.fit: X is a ragged list: row 0 has 2 value\(s\) but row 1 has 3"):
        classifier().fit([[1, 2], [3, 4, 5]], [0, 1], progress=False)
    with pytest.raises(ValueError, match=r"Model\.fit: y is a ragged list"):
        classifier().fit(np.ones((2, 2)), [[1, 0], [1]], progress=False)


def test_string_labels():
    X, _ = blobs()
    with pytest.raises(ValueError, match=r"Model\.fit: y holds text labels such as 'cat', but a network learns from "
                                         r"numbers\. .*classes, y = np\.unique\(y, return_inverse=True\)"):
        classifier().fit(X, np.array(["cat", "dog", "bird"] * 10), progress=False)
    with pytest.raises(ValueError, match=r"CategoricalCrossEntropy\(\)\.forward: y_true holds text labels such as 'a'"):
        losses.CategoricalCrossEntropy().calculate([[0.5, 0.5]], ["a"])


def test_labels_as_a_column():
    X, y = blobs()
    with pytest.raises(ValueError, match=r"y_pred has shape \(30, 3\) but y_true has shape \(30, 1\); they must "
                                         r"match\. These look like class labels in a column; flatten them with "
                                         r"y_true\.ravel\(\) \(before fit: y\.ravel\(\)\)"):
        classifier().fit(X, y.reshape(-1, 1), progress=False)


def test_X_transposed_in_fit():
    X, y = blobs()
    with pytest.raises(ValueError, match=r"Model\.fit: X has 2 samples but y has 30; every sample needs its target\. "
                                         r"Your array looks transposed; try X\.T\."):
        classifier().fit(X.T, y, progress=False)


@pytest.mark.parametrize("call", ["fit", "predict", "evaluate"])
def test_empty_data(call):
    arguments = {"fit": (np.ones((0, 2)), []), "predict": (np.ones((0, 2)),), "evaluate": (np.ones((0, 2)), [])}
    with pytest.raises(ValueError, match=rf"Model\.{call}: X has no samples \(shape \(0, 2\)\); give it at least one"):
        getattr(classifier(), call)(*arguments[call], **({"progress": False} if call == "fit" else {}))


@pytest.mark.parametrize("validation_data, got", [
    ("X", "an array of shape \\(30, 2\\)"), ("X,", "a tuple of 1 item\\(s\\)"),
    ("X, y, y", "a tuple of 3 item\\(s\\)"), ("{}", "\\{\\}")])
def test_validation_data_that_is_not_a_pair(validation_data, got):
    X, y = blobs()
    with pytest.raises(ValueError, match=r"Model\.fit: validation_data must be a pair \(X_val, y_val\), got " + got):
        classifier().fit(X, y, validation_data=eval(validation_data), progress=False)


# -- building a model ---------------------------------------------------------------------------------
def test_loss_none():
    with pytest.raises(ValueError, match=r"Model: loss must be a loss such as CategoricalCrossEntropy\(\) or "
                                         r"MeanSquaredError\(\), got None"):
        Model([Dense(2, 3)], None, optimizers.SGD())


@pytest.mark.parametrize("part, build", [
    ("loss", lambda: Model([Dense(2, 3), Softmax()], losses.CategoricalCrossEntropy, optimizers.SGD())),
    ("layers\\[1\\]", lambda: Model([Dense(2, 3), Softmax], losses.CategoricalCrossEntropy(), optimizers.SGD())),
    ("optimizer", lambda: Model([Dense(2, 3), Softmax()], losses.CategoricalCrossEntropy(), optimizers.Adam)),
], ids=["loss", "layer", "optimizer"])
def test_a_class_where_an_object_is_expected(part, build):
    with pytest.raises(ValueError, match=rf"Model: {part} is the class \w+ itself, but Model needs an object made "
                                         r"from it; create one with \w+\(\)"):
        build()


# -- Conv2D -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("kernel_size, hint", [
    ((3,), r"For a 3×3 kernel write kernel_size=3\."),
    ((3, 3, 3), r"The depth of every kernel is in_channels already: give only its height and width\."),
])
def test_conv2d_kernel_size_that_is_not_k_or_a_pair(kernel_size, hint):
    with pytest.raises(ValueError, match=r"kernel_size must be a whole number k \(a k×k kernel\) or a pair "
                                         r"\(height, width\), got " + re_shape(kernel_size) + r"\. " + hint):
        Conv2D(1, 4, kernel_size)


@pytest.mark.parametrize("name, value, expected", [
    ("weights", np.ones((4, 3, 3)), r"\(4, 1, 3, 3\), got \(4, 3, 3\)\.$"),
    ("weights", np.ones((3, 3, 1, 4)), r"\(4, 1, 3, 3\), got \(3, 3, 1, 4\)\. Your array looks transposed; try weights\.T\."),
    ("weights", np.ones(36), r"\(4, 1, 3, 3\), got \(36,\)\. Try weights\.reshape\(4, 1, 3, 3\)\."),
    ("biases", np.ones((4, 1)), r"\(4,\), got \(4, 1\)\.$"),
])
def test_conv2d_weights_or_biases_set_by_hand_with_the_wrong_shape(name, value, expected):
    layer = Conv2D(1, 4, 3, seed=0)
    setattr(layer, name, value)
    with pytest.raises(ValueError, match=rf"Conv2D\(.*\)\.forward: {name} must have shape " + expected):
        layer.forward(np.ones((2, 1, 6, 6)))


# -- BatchNorm and the last mini-batch -------------------------------------------------------------
def batchnorm_model():
    return Model([Dense(2, 4, seed=0), BatchNorm(4), ReLU(), Dense(4, 3, seed=1), Softmax()],
                 losses.CategoricalCrossEntropy(), optimizers.SGD(0.1))


def test_batchnorm_meeting_a_last_batch_of_one_sample_says_drop_last_and_that_fixes_it():
    X, y = blobs(29)                                         # 29 = 7·4 + 1
    model = batchnorm_model()
    with pytest.raises(ValueError, match=r"Model\.fit: with 29 samples and batch_size=4, every epoch ends with a "
                                         r"mini-batch of one sample, and BatchNorm cannot normalise a single sample\. "
                                         r"Pass drop_last=True"):
        model.fit(X, y, batch_size=4, progress=False)
    history = model.fit(X, y, epochs=3, batch_size=4, drop_last=True, progress=False)
    assert len(history["loss"]) == 3 and np.isfinite(history["loss"][-1])


def test_the_batchnorm_layer_itself_names_drop_last():
    with pytest.raises(ValueError, match=r"needs at least 2 samples while training, got 1\. In Model\.fit this is an "
                                         r"epoch's last mini-batch.*pass drop_last=True.*training=False"):
        BatchNorm(2).forward(np.ones((1, 2)))


def test_drop_last_leaves_out_the_short_batch():
    X = np.arange(10).reshape(-1, 1)
    sizes = [len(batch) for batch, _ in batches(X, None, 4, shuffle=False, drop_last=True)]
    assert sizes == [4, 4]
    assert [len(batch) for batch, _ in batches(X, None, 4, shuffle=False)] == [4, 4, 2]


def test_drop_last_with_a_batch_larger_than_the_data():
    X, y = blobs()
    with pytest.raises(ValueError, match=r"with drop_last=True and batch_size=64 the 30 samples do not fill a single "
                                         r"batch.*use a batch_size of at most 30"):
        classifier().fit(X, y, batch_size=64, drop_last=True, progress=False)


def test_drop_last_averages_the_loss_over_the_samples_seen():
    X, y = blobs()
    model = classifier()
    first_loss = model.loss.calculate(model.predict(X[:16]), y[:16])
    history = classifier().fit(X, y, epochs=1, batch_size=16, shuffle=False, drop_last=True, progress=False)
    assert history["loss"][0] == pytest.approx(first_loss)


# -- translated messages -------------------------------------------------------------------------------
def test_set_parameters_messages_are_translated():
    model = classifier()
    parameters = model.parameters()
    with pytest.raises(ValueError, match=r"Model\.set_parameters: layer0\.weights has shape \(2, 4\), got \(4, 2\)\."):
        model.set_parameters({**parameters, "layer0.weights": parameters["layer0.weights"].T})
    with pytest.raises(ValueError, match=r"Model\.set_parameters: no value for layer2\.biases; pass a dict like the one "
                                         r"model\.parameters\(\) returns"):
        model.set_parameters({name: value for name, value in parameters.items() if name != "layer2.biases"})
    with pytest.raises(ValueError, match=r"Model\.set_parameters: this model has no layer7\.weights"):
        model.set_parameters({**parameters, "layer7.weights": np.ones(2)})
    i18n.set_language("pt")
    with pytest.raises(ValueError, match=r"Model\.set_parameters: layer0\.weights tem formato \(2, 4\), recebeu \(4, 2\)"):
        model.set_parameters({**parameters, "layer0.weights": parameters["layer0.weights"].T})
    with pytest.raises(ValueError, match=r"falta valor para layer2\.biases; passe um dicionário"):
        model.set_parameters({name: value for name, value in parameters.items() if name != "layer2.biases"})


def test_a_failed_set_parameters_changes_nothing():
    model = classifier()
    parameters = model.parameters()
    changed = {name: value + 1 for name, value in parameters.items()}
    changed["layer2.biases"] = np.ones((5, 5))
    with pytest.raises(ValueError, match="layer2.biases has shape"):
        model.set_parameters(changed)
    assert all(np.array_equal(model.parameters()[name], value) for name, value in parameters.items())


def test_accuracy_task_message_is_translated():
    with pytest.raises(ValueError, match=r"accuracy: unknown task 'clasification'; expected one of 'classification', "
                                         r"'binary', 'sign', 'regression'\."):
        accuracy([[0.2, 0.8]], [1], task="clasification")
    i18n.set_language("pt")
    with pytest.raises(ValueError, match=r"accuracy: tarefa desconhecida 'x'; esperava uma de 'classification'"):
        accuracy([[0.2, 0.8]], [1], task="x")


def test_slips_in_portuguese():
    X, y = blobs()
    i18n.set_language("pt")
    with pytest.raises(ValueError, match=r"Seu array parece transposto; tente X\.T\."):
        classifier().fit(X.T, y, progress=False)
    with pytest.raises(ValueError, match=r"y contém rótulos de texto como 'cat'"):
        classifier().fit(X, np.array(["cat"] * 30), progress=False)
    with pytest.raises(ValueError, match=r"o backward precisa dos valores do último forward"):
        Dense(2, 3).backward(np.ones((2, 3)))
    with pytest.raises(ValueError, match=r"Model: loss é a própria classe CategoricalCrossEntropy"):
        Model([Dense(2, 3)], losses.CategoricalCrossEntropy)
    with pytest.raises(ValueError, match=r"passe drop_last=True"):
        BatchNorm(2).forward(np.ones((1, 2)))
