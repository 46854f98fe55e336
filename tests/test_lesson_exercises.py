"""Every lesson's exercises, walked by one table, in both languages.

For every question of ``nnlessons.lessons.<slug>.exercises`` the generic properties hold:
a hint and a solution in each language; ``None`` is unanswered; junk is malformed; the
right answer (the expected value, or the reference function) is correct, and so is every
other right answer in the table; every listed wrong answer is wrong, and says what its
row says it says. A question missing from the table fails ``test_every_question_is_in_the_table``.
"""

import importlib
import pkgutil
import re

import numpy as np
import pytest

from nnlessons import i18n, lessons
from nnlessons.data import k_fold
from nnlessons.exercises import (ArrayQuestion, BugHuntQuestion, BuildQuestion, ChoiceQuestion, FunctionQuestion,
                                 LayerQuestion, NumberQuestion, OptimizerQuestion, Question, ShapeQuestion)
from nnlessons.exercises.questions import CORRECT, MALFORMED, UNANSWERED, WRONG
from nnlessons.lessons.activations.exercises import two_layers
from nnlessons.lessons.backpropagation.exercises import TrainingQuestion
from nnlessons.lessons.introduction.explorers import fruit_data
from nnlessons.lessons.losses.exercises import PROBS

pytestmark = pytest.mark.usefixtures("language")


def says(answer, en, pt=None):
    """A wrong answer whose feedback must contain ``en`` (in English) or ``pt``."""
    return answer, {"en": en, "pt": pt or en}


def row(right=(), wrong=(), junk=()):
    """More right answers, wrong answers (plain or ``says(...)``), malformed answers."""
    return {"right": list(right), "wrong": [w if isinstance(w, tuple) and len(w) == 2 and isinstance(w[1], dict)
                                             else (w, None) for w in wrong], "junk": list(junk)}


# ---- reader's functions the table uses ---------------------------------------------------
def perceptron(inputs, weights, bias):
    z = bias
    for x, w in zip(inputs, weights):
        z += x * w
    return 1 if z > 0 else 0


def dot(a, b):
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    return total


def stable_softmax(z):
    exps = np.exp(z - z.max(axis=1, keepdims=True))
    return exps / exps.sum(axis=1, keepdims=True)


def naive_softmax(z):
    with np.errstate(over="ignore", invalid="ignore"):
        exps = np.exp(z)
        return exps / exps.sum(axis=1, keepdims=True)


def whole_array_softmax(z):
    exps = np.exp(z - z.max())
    return exps / exps.sum()


def clipped_bce(p, y):
    p = np.clip(p, 1e-7, 1 - 1e-7)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def unclipped_bce(p, y):
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def descend(w, learning_rate, steps):
    for _ in range(steps):
        w = w - learning_rate * 2 * (w - 3)
    return w


def contiguous_folds(n, k):
    fold = np.arange(n) * k // n
    return [np.flatnonzero(fold == i) for i in range(k)]


def loops_max_pool(x):
    H, W = x.shape
    out = np.zeros((H // 2, W // 2))
    for y in range(H // 2):
        for x_ in range(W // 2):
            out[y, x_] = x[2 * y:2 * y + 2, 2 * x_:2 * x_ + 2].max()
    return out


def _fruit_rule():
    X, kind, _ = fruit_data()
    return lambda mass: kind[np.argmin(np.abs(X[:, 0] - mass))]


def _layer_output():
    from nnlessons.layers import BatchNorm
    norm = BatchNorm(1)
    norm.gamma[:], norm.beta[:] = 2.0, 1.0
    return norm.forward(np.array([[1.0], [3.0], [5.0], [7.0]])).ravel()


# ---- the reader's classes for the build-it questions: right ones, and one mistake each ----
def neuron(inputs, weights, bias):
    total = 0.0
    for x, w in zip(inputs, weights):
        total += x * w
    return total + bias


def neuron_bias_in_loop(inputs, weights, bias):
    total = 0.0
    for x, w in zip(inputs, weights):
        total += x * w + bias
    return total


def neuron_last_term(inputs, weights, bias):
    for x, w in zip(inputs, weights):
        total = x * w
    return total + bias


def layer_with_my_dot(inputs, weights, biases):
    return [dot(inputs, row) + bias for row, bias in zip(weights, biases)]


class MyDense:
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))

    def forward(self, inputs):
        self.output = inputs @ self.weights + self.biases      # the book's style: no return


class DenseWithoutBias(MyDense):
    def forward(self, inputs):
        return inputs @ self.weights


class DenseNeuronsFirst(MyDense):
    def __init__(self, n_inputs, n_neurons):
        self.weights = 0.01 * np.random.randn(n_neurons, n_inputs)
        self.biases = np.zeros((1, n_neurons))


class DenseRowBiases(MyDense):
    def __init__(self, n_inputs, n_neurons):
        super().__init__(n_inputs, n_neurons)
        self.biases = np.zeros(n_neurons)


class MyReLU:
    def forward(self, inputs):
        return np.maximum(0, inputs)


class ReLUMask:
    def forward(self, inputs):
        return (inputs > 0).astype(float)


class ReLUAbs:
    def forward(self, inputs):
        return np.abs(inputs)


def softmax_class(function):
    return type("MySoftmax", (), {"forward": lambda self, inputs: function(inputs)})


def columns_softmax(z):
    exps = np.exp(z - z.max(axis=0, keepdims=True))
    return exps / exps.sum(axis=0, keepdims=True)


def cce_class(clip=1e-7, reduce=None, log=np.log):
    def forward(self, y_pred, y_true):
        p = np.clip(y_pred, clip, 1 - clip) if clip else y_pred
        right = p[np.arange(len(p)), y_true] if y_true.ndim == 1 else np.sum(p * y_true, axis=1)
        with np.errstate(divide="ignore"):
            losses = -log(right)
        return reduce(losses) if reduce else losses
    return type("MyCategoricalCrossEntropy", (), {"forward": forward})


def conv_class(size=lambda h, k, s, p: (h + 2 * p - k) // s + 1, bias=True, flip=False, pad=True, stride=True):
    """A loop convolution, the solution of convolution.q5, with one mistake switched on."""
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0):
        self.stride, self.padding = stride, padding
        self.weights = np.random.randn(out_channels, in_channels, kernel_size, kernel_size)
        self.biases = np.zeros(out_channels)

    def forward(self, inputs):
        o, _, k, _ = self.weights.shape
        s, p = self.stride if stride else 1, self.padding if pad else 0
        padded = np.pad(inputs, ((0, 0), (0, 0), (p, p), (p, p)))
        out_h, out_w = size(inputs.shape[2], k, s, p), size(inputs.shape[3], k, s, p)
        kernels = self.weights[:, :, ::-1, ::-1] if flip else self.weights
        output = np.zeros((len(inputs), o, out_h, out_w))
        for y in range(out_h):
            for x in range(out_w):
                window = padded[:, :, y * s:y * s + k, x * s:x * s + k]
                for j in range(o):
                    output[:, j, y, x] = np.sum(window * kernels[j], axis=(1, 2, 3)) + bias * self.biases[j]
        return output
    return type("MyConv2D", (), {"__init__": __init__, "forward": forward})


def pool_class(gradient="winner", reduce="max"):
    """2×2 max pooling; ``gradient`` says where each window's gradient goes."""
    def forward(self, inputs):
        n, c, h, w = inputs.shape
        self.inputs = inputs
        self.output = getattr(inputs.reshape(n, c, h // 2, 2, w // 2, 2), reduce)(axis=(3, 5))
        return self.output

    def backward(self, dvalues):
        spread = np.repeat(np.repeat(dvalues, 2, axis=2), 2, axis=3)
        winners = self.inputs == np.repeat(np.repeat(self.output, 2, axis=2), 2, axis=3)
        self.dinputs = {"winner": winners * spread, "every": spread, "average": spread / 4}[gradient]
    return type("MyMaxPool2D", (), {"__init__": lambda self, pool_size=2: None,
                                    "forward": forward, "backward": backward})


# ---- Lessons 07 to 09: backward passes, the training loop, the optimizers (one mistake each) ----
def dense_class(dweights=lambda x, d: x.T @ d, dbiases=lambda d: d.sum(axis=0, keepdims=True),
                dinputs=lambda d, w: d @ w.T):
    """MyDense with forward and backward; each gradient's formula can be swapped for a wrong one."""
    def backward(self, dvalues):
        self.dweights = dweights(self.inputs, dvalues)
        if dbiases is not None:
            self.dbiases = dbiases(dvalues)
        self.dinputs = dinputs(dvalues, self.weights)

    def forward(self, inputs):
        self.inputs = inputs
        return inputs @ self.weights + self.biases
    return type("MyDense", (MyDense,), {"forward": forward, "backward": backward})


def relu_class(backward):
    def forward(self, inputs):
        self.inputs = inputs
        return np.maximum(0, inputs)
    return type("MyReLU", (), {"forward": forward,
                               "backward": lambda self, d: setattr(self, "dinputs", backward(self.inputs, d))})


def train_loop(update=lambda layer, lr: (layer.weights.__isub__(lr * layer.dweights),
                                         layer.biases.__isub__(lr * layer.dbiases))):
    """The solution of backpropagation.q8 with its update swapped."""
    def train(X, y, dense1, dense2, learning_rate, steps):
        losses = []
        for _ in range(steps):
            hidden = np.maximum(0, dense1.forward(X))
            scores = dense2.forward(hidden)
            exps = np.exp(scores - scores.max(axis=1, keepdims=True))
            probs = exps / exps.sum(axis=1, keepdims=True)
            losses.append(-np.mean(np.log(probs[np.arange(len(y)), y])))
            dscores = probs.copy()
            dscores[np.arange(len(y)), y] -= 1
            dense2.backward(dscores / len(y))
            dense1.backward(dense2.dinputs * (hidden > 0))
            for layer in (dense1, dense2):
                update(layer, learning_rate)
        return losses
    return train


def optimizer_class(adam=False, sign=1, twice=False, forget=False, corrected=True):
    """MySGD (momentum) or MyAdam as the lesson's solutions write them, with one mistake switched on."""
    def __init__(self, learning_rate=0.001, momentum=0.0, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
        self.learning_rate, self.momentum, self.beta_1, self.beta_2 = learning_rate, momentum, beta_1, beta_2
        self.epsilon, self.t, self.memory = epsilon, 0, {}

    def step(self, layers):
        self.t += 1
        for layer in layers:
            for name in layer.params:
                g, key = getattr(layer, "d" + name), (layer, name)
                if adam:
                    m, v = self.memory.get(key, (0.0, 0.0))
                    m, v = self.beta_1 * m + (1 - self.beta_1) * g, self.beta_2 * v + (1 - self.beta_2) * g ** 2
                    self.memory[key] = m, v
                    if corrected:
                        m, v = m / (1 - self.beta_1 ** self.t), v / (1 - self.beta_2 ** self.t)
                    change = -self.learning_rate * m / (np.sqrt(v) + self.epsilon)
                else:
                    velocity = 0.0 if forget else self.memory.get(key, 0.0)
                    change = self.memory[key] = self.momentum * velocity - self.learning_rate * g
                    change = change * (1 + self.momentum) if twice else change
                setattr(layer, name, getattr(layer, name) + sign * change)
    return type("MyAdam" if adam else "MySGD", (), {"__init__": __init__, "step": step})


FORWARD_RIGHT = {"en": "The forward pass is right", "pt": "O forward está certo"}
UPHILL = {"en": "goes uphill", "pt": "morro acima"}

SHAPE = {"en": "shape", "pt": "formato"}
CONV_MISTAKES = [
    says(conv_class(size=lambda h, k, s, p: (h + 2 * p - k) // s), "+ 1"),                 # off by one
    says(conv_class(stride=False), en="stride 1", pt="passo 1"),
    says(conv_class(pad=False, size=lambda h, k, s, p: (h - k) // s + 1), en="without padding",
         pt="sem preenchimento"),
    says(conv_class(bias=False), "biases[o]"),
    says(conv_class(flip=True), en="cross-correlation", pt="correlação cruzada"),
]
ORDER = {"en": "another order", "pt": "outra ordem"}

TABLE = {
    "introduction.q1": row(right=["regressão", " Regression "], wrong=["classification"], junk=["clustering"]),
    "introduction.q2": row(right=["não supervisionado", "nao supervisionado", "não-supervisionado", "Un-supervised"],
                           wrong=["supervised", "por reforço"]),
    "introduction.q3": row(right=[[250, 4], (np.int64(250), 4)],
                           wrong=[says((250, 5), en="1 of 2 sizes is off", pt="1 de 2 tamanhos está errado"),
                                  says((4, 250), **ORDER), says((250, 4, 1), en="3 axes", pt="3 eixos")],
                           junk=["250x4", (250.5, 4), says(np.zeros((250, 4)), ".shape")]),
    "introduction.q4": row(right=[_fruit_rule()], wrong=[lambda mass: 0, says(lambda mass: int(mass >= 176), "186")]),
    "introduction.c1": row(right=["Deep Learning", "DL", "aprendizado profundo"],
                           wrong=[says("machine learning", en="most specific", pt="mais específica"), "IA"],
                           junk=["neural networks"]),
    "introduction.c2": row(right=[[10, 2]], wrong=[says((2, 10), **ORDER), says((10, 3), en="the label is not",
                                                                             pt="o rótulo não é")],
                           junk=["10x2", says(np.zeros((10, 2)), ".shape")]),
    "introduction.c3": row(right=["Apple", "maca"], wrong=[says("orange", en="general trends", pt="tendências gerais"),
                                                          "laranja"], junk=["banana"]),
    "numpy_primer.c1": row(right=["Float64", "float 64"], wrong=[says("misto", en="one dtype", pt="um só dtype"), "int64"],
                           junk=["float32"]),
    "numpy_primer.c2": row(right=[[3, 4], (np.int64(3), 4)], wrong=[says((3, 3), en="must stay 12", pt="continuar 12"),
                                                                   (4, 3), (3, -1)], junk=["3x4"]),
    "numpy_primer.c3": row(right=[np.array([1, 4])], wrong=[says([3, 4, 5], "(2,)"), [0, 3], [4, 1]], junk=["1, 4"]),
    "numpy_primer.c4": row(right=[3.0], wrong=[says(2, "True"), 5], junk=["three"]),          # the 0s; every row
    "numpy_primer.c5": row(right=[[4, 3]], wrong=[says((4, 1), en="compare from the right", pt="compare pela direita"),
                                                  (3,), (3, 4)], junk=["error"]),
    "numpy_primer.c6": row(right=[[3]], wrong=[says((2,), en="disappears", pt="some"), (1, 3), (2, 3)]),
    "numpy_primer.c7": row(right=[[2, 2]], wrong=[says((3, 3), en="inner ones", pt="os de dentro"), (2, 3)]),
    "numpy_primer.c8": row(right=[2.0], wrong=[says(3, "points.T"), 6, 1], junk=["two"]),
    "numpy_primer.c9": row(right=["sim", " true ", "yes"], wrong=[says("False", en="what decides", pt="o que decide")],
                           junk=["maybe"]),
    "numpy_primer.q1": row(right=[[5, 2]], wrong=[says((5, 3), en="inner ones", pt="os de dentro"), (3, 3)]),
    "numpy_primer.q2": row(right=[np.array([6, 15]), (6.0, 15.0)],
                           wrong=[says([5, 7, 9], "(2,)"), says([15, 6], en="another order", pt="outra ordem"), 21],
                           junk=["6, 15"]),
    "numpy_primer.q3": row(right=[lambda X, y, k: np.mean(X[y == k], axis=0),
                                  lambda X, y, k: X[y == k].sum(axis=0) / (y == k).sum()],
                           wrong=[says(lambda X, y, k: X[y == k].mean(axis=1), en="one mean per column",
                                       pt="uma média por coluna"),
                                  lambda X, y, k: X.mean(axis=0), lambda X, y, k: X[y == k].mean()]),
    "numpy_primer.q4": row(right=[" C "], wrong=[says("a", en="from the right", pt="pela direita"), "b"], junk=["d"]),
    "neuron.q1": row(wrong=[-4.5], junk=["half", [0.5, 1.0]]),                        # −4.5: forgot the bias
    "neuron.q2": row(wrong=[-1.5]),                                                    # sign of −b/w
    "neuron.q3": row(right=[perceptron], wrong=[
        says(lambda i, w, b: 1 if sum(x * y for x, y in zip(i, w)) + b >= 0 else 0, "0"),    # step at 0
        lambda i, w, b: 1 if sum(x * y for x, y in zip(i, w)) > 0 else 0,                   # no bias
        says(lambda i, w, b: sum(x * y for x, y in zip(i, w)) + b > 0, "int(z > 0)")]),     # True/False
    "neuron.q4": row(wrong=[310]),                                                     # forgot the bias
    "neuron.q6": row(right=[neuron], wrong=[
        says(lambda inputs, weights, bias: sum(x * w for x, w in zip(inputs, weights)),
             en="without the bias", pt="sem o viés"),
        says(neuron_bias_in_loop, en="out of the loop", pt="de dentro do laço"),
        says(neuron_last_term, en="total +=", pt="total +=")]),
    "neuron.q5": row(right=[(2, -1, 1), np.array([2.0, -1.0, 1.0])],
                     wrong=[[-2, 1, -1], [2, -1, 0], says([2, -1], **SHAPE)], junk=["2, -1, 1"]),
    "neuron.c1": row(right=[[2.3], 2.304], wrong=[says(0.3, en="the bias once", pt="o viés uma vez"), 5.3],
                     junk=["2.3"]),                                 # no bias; 3·(−0.5) taken as +1.5
    "neuron.c2": row(right=[2.0], wrong=[says(3, en="exactly at z = 0", pt="exatamente em z = 0"), 4], junk=["two"]),
    "neuron.c3": row(right=["Não dispara", "0", "no"],
                     wrong=[says("fires", en="the sign of w", pt="o sinal de w"), "sim"], junk=["maybe"]),
    "dot_product.q1": row(wrong=[32]),                                                 # lost the minus
    "dot_product.q2": row(right=[[8, 3]], wrong=[says((3, 8), **ORDER)], junk=["8x3"]),
    "dot_product.q3": row(right=[dot], wrong=[lambda a, b: sum(a) * sum(b), says(np.dot, "np.dot"),
                                              says(lambda a, b: np.asarray(a) @ np.asarray(b), "@"),
                                              says(lambda a, b: np.matmul(a, b), "np.matmul")], junk=[12]),
    "dot_product.q4": row(right=[np.dot(np.array([[1, 0, 2], [-1, 1, 0]]), np.array([1, -2, 0.5])) + [0.5, -1],
                                 [[2.5], [-4.0]], [[2.5, -4.0]]],                # a column, a row (lesson 03)
                          wrong=[[2.0, -3.0], says([2.5, -4.0, 0.0], **SHAPE), [[-4.0], [2.5]]],
                          junk=["2.5, -4"]),                                        # no biases
    "dot_product.q5": row(right=[layer_with_my_dot], wrong=[
        says(lambda inputs, weights, biases: [dot(inputs, row) for row in weights],
             en="without the biases", pt="sem os vieses"),
        says(lambda inputs, weights, biases: [dot(inputs, row) + sum(biases) for row in weights],
             en="its own bias", pt="seu próprio viés"),
        says(lambda inputs, weights, biases: np.dot(weights, inputs) + biases, "np.dot")]),
    "dot_product.c1": row(right=[[4], (np.int64(4),)],
                          wrong=[says((1, 4), en="2 axes", pt="2 eixos"),
                                 says((4, 1), en="how many axes", pt="quantos eixos")],
                          junk=[says(4, en="a tuple", pt="uma tupla"), says(np.arange(4), ".shape")]),
    "dot_product.c2": row(right=[[2, 4]],
                          wrong=[says((3, 3), en="meet in the middle", pt="se encontram no meio"),
                                 says((4, 2), **ORDER), says((2, 3, 4), en="3 axes", pt="3 eixos")],
                          junk=["2x4"]),
    "dot_product.c3": row(right=[[5, 4]], wrong=[says((4, 5), en="Keep the samples in the rows",
                                                   pt="Mantenha as amostras nas linhas"), (5, 3), (3, 4)]),
    "dense_layers.q1": row(wrong=[(8, 32)], junk=["32x8"]),
    "dense_layers.q2": row(wrong=[320]),                                               # weights only
    "dense_layers.q3": row(right=[lambda inputs, weights, biases: inputs @ weights.T + biases,
                                  lambda inputs, weights, biases: np.dot(inputs, weights.T) + biases],
                           wrong=[says(lambda inputs, weights, biases: inputs @ weights + biases, "ValueError"),
                                  lambda inputs, weights, biases: weights @ inputs.T + biases[:, None]],
                           junk=["inputs @ weights.T"]),
    "dense_layers.q4": row(right=[" A "], wrong=["b"], junk=["d"]),
    "dense_layers.q6": row(right=[MyDense], wrong=[
        says(DenseWithoutBias, en="without the biases", pt="sem os vieses"),
        says(DenseNeuronsFirst, en="`weights` (for DenseNeuronsFirst(4, 3)", pt="`weights` (para DenseNeuronsFirst(4, 3)"),
        says(DenseRowBiases, en="`biases`", pt="`biases`")]),
    "dense_layers.q7": row(wrong=[says(lambda X, layer1, layer2: layer1.forward(X), en="layer1 alone", pt="só da layer1")]),
    "dense_layers.q5": row(right=[-0.5, [-0.5]], wrong=[0.5, 1.5], junk=["-0.5"]),    # no step: 1.5 − 0.5 − 0.5
    "dense_layers.c1": row(right=["A mesma", "same", "igual"], wrong=[says("transposed", en="not on the result",
                                                                        pt="não no resultado"), "a transposta"],
                           junk=["both"]),
    "dense_layers.c2": row(right=[[2, 3]], wrong=[says((3, 3), en="disappear in the middle", pt="somem no meio"),
                                                  says((3, 2), **ORDER), (2, 3, 3)]),
    "dense_layers.c3": row(right=[[16, 3]], wrong=[says((32, 3), en="only on the numbers of inputs and neurons",
                                                        pt="só dependem dos números de entradas e de neurônios"),
                                                   says((3, 16), **ORDER), (2, 16)]),
    "activations.q1": row(right=[0.0177], wrong=[says(0.982, "σ(z)·(1 − σ(z))")]),     # σ(4), not its slope
    "activations.q2": row(right=[stable_softmax], wrong=[says(naive_softmax, "1000"), says(whole_array_softmax, "[[2."),
                                                         says(lambda z: z.nope, "AttributeError")], junk=["softmax"]),
    "activations.q3": row(right=[[[2.5, -1.5]]], wrong=[says([2.5, -1.5], "(1, 2)"),
                                                        says(two_layers()[3] + two_layers()[1] @ np.ones((3, 2)), "x·W1 + b1"),
                                                        says(two_layers()[3], en="only the second layer's bias",
                                                             pt="só o viés da segunda camada")],
                          junk=["b1 @ W2 + b2"]),
    "activations.q4": row(wrong=[-0.6], junk=[[0.6, 0.7]]),
    "activations.q5": row(right=[MyReLU], wrong=[says(ReLUMask, en="(1 or 0)", pt="(1 ou 0)"),
                                                 says(ReLUAbs, en="not change sign", pt="não trocar de sinal")]),
    "activations.q6": row(right=[softmax_class(stable_softmax)], wrong=[
        says(softmax_class(naive_softmax), en="overflowed", pt="estourou"),
        says(softmax_class(whole_array_softmax), en="whole array", pt="array inteiro"),
        says(softmax_class(columns_softmax), "axis=1")]),
    "activations.c1": row(right=["Reta", "straight line", "linha reta"],
                          wrong=[says("bends", en="collapse into", pt="se transforma"), "curva"], junk=["a parabola"]),
    "activations.c2": row(right=[3.0, [3]], wrong=[says(2, en="Count the others", pt="Conte as outras"), 4, 6],
                          junk=["three"]),
    "activations.c3": row(right=["NaN", "not a number"],
                          wrong=[says("inf", en="divides each of them", pt="divide cada uma"), "0", "probabilidades"],
                          junk=["error", says(0, en="as text", pt="como texto")]),
    "losses.q1": row(right=[np.sqrt(3.5), 1.871, [1.87]], wrong=[3.5, 1.5], junk=["1.87"]),   # MSE, MAE
    "losses.q2": row(right=[0.4595], wrong=[-np.mean(np.log(PROBS.max(axis=1))),        # the largest probability
                                            -np.mean(np.log10([0.7, 0.4, 0.9]))], junk=[{"loss": 0.46}]),
    "losses.q3": row(right=[clipped_bce], wrong=[says(unclipped_bce, "[0. 1.]"), lambda p, y: np.mean(p)],
                     junk=[0.69]),
    "losses.q4": row(right=["MAE", " mae "], wrong=["RMSE", "MSE"], junk=["Huber"]),
    "losses.q6": row(right=[cce_class(), cce_class(clip=1e-15), cce_class(clip=1e-3)], wrong=[
        says(cce_class(clip=None), "log(0)"),
        says(cce_class(reduce=np.mean), en="calculate's job", pt="trabalho do calculate"),
        says(cce_class(log=np.log10), "np.log")]),
    "losses.q5": row(right=[6.5, [6.5]], wrong=[0.0, 2.5, 26.0], junk=["6.5"]),   # plain mean; MAE; the sum
    "losses.c1": row(right=[3, [3.0]],
                     wrong=[says(1.4, "MAE"), says(15, en="sum of the squares", pt="soma dos quadrados"),
                            says(-0.2, en="signs cancel", pt="sinais se cancelam"),
                            says(1.732, en="mean of those squares", pt="média desses quadrados")], junk=["3"]),  # RMSE
    "losses.c2": row(right=["Baixo", "too low", "10"], wrong=[says("same", en="the ratio", pt="a razão"), "alto"],
                     junk=["both"]),
    "losses.c3": row(right=["Terceira", "3"], wrong=[says("fourth", en="label first", pt="rótulo de cada amostra"),
                                                    "primeira"], junk=["fifth"]),
    "gradient_descent.q1": row(right=[(2.1 ** 3 - 1.9 ** 3) / 0.2], wrong=[12.0], junk=["12.01"]),  # exact slope
    "gradient_descent.q2": row(wrong=[[3.6, 1.8], [2.4, 0.6], says([2.4], **SHAPE)]),   # uphill; forgot the 4
    "gradient_descent.q3": row(wrong=[155], junk=[[160, 1]]),                         # dropped the last batch
    "gradient_descent.q5": row(right=[2], wrong=[1.0, 4.0, 3.0], junk=["2"]),         # 6 / 1.5 − 3; 6 / 1.5; no σ
    "gradient_descent.q4": row(right=[descend], wrong=[lambda w, learning_rate, steps: w - learning_rate * 2 * (w - 3),
                                                       lambda w, learning_rate, steps: 3.0]),   # one step; no algorithm
    "gradient_descent.c1": row(right=["Negativo", "negativa"], wrong=[says("positive", en="Which side of the bottom",
                                                                          pt="De que lado do fundo"), "zero"],
                               junk=["up"]),
    "gradient_descent.c2": row(right=["Maior", "bigger", "sobe"], wrong=[says("smaller", en="against the gradient",
                                                                             pt="contra o gradiente"), "igual"],
                               junk=["sideways"]),
    "gradient_descent.c3": row(right=[-2, [-2.0]], wrong=[says(1.0, en="step by step", pt="passo a passo"), 4.0],
                               junk=["-2"]),                                           # the minimum; an odd count
    "backpropagation.q1": row(wrong=[8]),                                             # forgot du/dx = 3
    "backpropagation.q2": row(right=[[0, 0]], wrong=[[-2, -4], says([0, 0, 0], **SHAPE)]),   # forgot the ReLU gate
    "backpropagation.q3": row(wrong=[[0.7, 0.2, 0.1], [-0.3, 0.2, 0.1]], junk=["p - y"]),    # no −y; y at class 0
    "backpropagation.q4": row(right=[lambda inputs, dvalues: inputs.T @ dvalues],
                              wrong=[says(lambda inputs, dvalues: dvalues.T @ inputs, ".T"),
                                     says(lambda inputs, dvalues: inputs @ dvalues, "ValueError")], junk=[[[1, 2]]]),
    "backpropagation.q5": row(right=[dense_class()], wrong=[
        says(dense_class(dweights=lambda x, d: x @ d), en="forget inputs.T", pt="esqueceu o inputs.T"),
        says(dense_class(dbiases=None), en="`dbiases` not set", pt="`dbiases` não foi definido"),
        says(dense_class(dbiases=lambda d: d), "np.sum(dvalues, axis=0, keepdims=True)"),
        says(dense_class(dbiases=lambda d: d.sum(axis=0)), "keepdims=True"),
        says(dense_class(dinputs=lambda d, w: d @ w), "weights.T"),
        says(dense_class(dinputs=lambda d, w: d @ w), **FORWARD_RIGHT)]),
    "backpropagation.q6": row(right=[relu_class(lambda x, d: d * (x > 0))], wrong=[
        says(relu_class(lambda x, d: d * (d > 0)), en="comes from dvalues", pt="vem de dvalues"),
        says(relu_class(lambda x, d: (x > 0) * 1.0), en="multiply it by dvalues", pt="multiplique por dvalues"),
        says(relu_class(lambda x, d: d), en="passes no gradient", pt="não deixa passar")]),
    "backpropagation.q7": row(right=[lambda p, y: (p - np.eye(p.shape[1])[y]) / len(p)], wrong=[
        says(lambda p, y: p - np.eye(p.shape[1])[y], en="divide by n", pt="divida por n"),
        says(lambda p, y: (np.eye(p.shape[1])[y] - p) / len(p), en="sign is flipped", pt="sinal está trocado")]),
    "backpropagation.q8": row(right=[train_loop()], wrong=[
        says(train_loop(lambda layer, lr: (layer.weights.__iadd__(lr * layer.dweights),
                                           layer.biases.__iadd__(lr * layer.dbiases))),
             en="Your loss rises", pt="Sua perda sobe"),
        says(train_loop(lambda layer, lr: layer.weights.__isub__(lr * layer.dweights)),
             en="biases of dense1 never moved", pt="vieses da dense1 não se mexeram"),
        says(train_loop(lambda layer, lr: None), en="loss never changes", pt="perda nunca muda"),
        says(train_loop(lambda layer, lr: (layer.weights.__isub__(lr * layer.dweights),
                                           layer.biases.__isub__(lr * layer.dbiases))
                        if layer.weights.shape[1] == 3 else None),
             en="differ from those of nnlessons' Model + SGD", pt="diferem das do Model + SGD do nnlessons")]),
    # ---- checkpoints of lessons 07–15 (predict, then run) ----
    "backpropagation.c1": row(right=[4.0, np.float64(4)], wrong=[says(6.25, en="did you add the bias", pt="somou o viés"),
                                                                   says(2, en="one box at a time", pt="uma caixa por vez")],
                              junk=["4"]),
    "backpropagation.c2": row(right=["W1", " w₁ ", "w_1"], wrong=[says("w3", en="does not depend on", pt="não depende do"),
                                                                   "w2"], junk=["x1"]),
    "backpropagation.c3": row(right=[[2, 5]], wrong=[says((5, 2), **ORDER),
                                                     says((4, 5), en="batch size is not", pt="tamanho do lote não")],
                              junk=["2x5", says(np.zeros((2, 5)), ".shape")]),
    "optimizers.q1": row(right=[0.92], wrong=[says(1.28, en="plain SGD", pt="SGD puro"), 0.84, 2.96], junk=["0.92"]),
    "optimizers.q2": row(right=[0.02, 0.05 / 2.5], wrong=[0.05, 0.05 / (1 + 0.001 * 1499), 0.05 - 0.001 * 1500],
                         junk=[[0.02, 0.025]]),
    "optimizers.q3": row(right=[optimizer_class()], wrong=[
        says(optimizer_class(sign=-1), **UPHILL),
        says(optimizer_class(twice=True), en="momentum is applied twice", pt="momento foi aplicado duas vezes"),
        says(optimizer_class(forget=True), en="starts from 0 at every step", pt="começa do 0 a cada passo"),
        says(optimizer_class(adam=True), "`weights`")]),
    "optimizers.c1": row(right=[-4.0, -3.99, -3.96], wrong=[says(3.99, en="sign of w₁ does not change", pt="sinal de w₁ não muda"),
                                                            says(-4.41, en="barely moves", pt="quase não sai"), -4.5],
                         junk=["-4"]),
    "optimizers.c2": row(right=[0.7, np.float64(0.7)], wrong=[says(0.9, en="More memory is not always better",
                                                                   pt="Mais memória nem sempre é melhor"),
                                                              says(0, en="plain SGD", pt="SGD puro"), 0.5],
                         junk=["0.7"]),
    "adaptive_optimizers.q1": row(right=[-0.01 * 0.003 / 0.0030001, -0.01], wrong=[-0.01 * 0.003, -0.0316, 0.01],
                         junk=["-eta"]),
    "adaptive_optimizers.q2": row(right=["AdaGrad", " adagrad "], wrong=["RMSprop", "Adam", "SGD com momento"],
                         junk=["Nesterov"]),
    "adaptive_optimizers.q3": row(right=[-0.0316, -0.032, -0.01 / np.sqrt(0.1)],
                                  wrong=[says(-0.005, en="SGD's step", pt="passo do SGD"),
                                         says(-0.01, en="starts at 0", pt="começa em 0"),
                                         says(0.0316, en="against the gradient", pt="contra o gradiente"), -0.1],
                                  junk=["-0.0316"]),
    "adaptive_optimizers.q4": row(right=[optimizer_class(adam=True)], wrong=[
        says(optimizer_class(adam=True, sign=-1), **UPHILL),
        says(optimizer_class(adam=True, corrected=False), en="without bias correction", pt="sem correção de viés"),
        says(optimizer_class(), en="After step 1 of 4", pt="Depois do passo 1 de 4")]),
    "adaptive_optimizers.c1": row(right=["W1", " w₁ "], wrong=[says("equal", en="The steps are equal, the rates are not",
                                                           pt="Os passos são iguais, as taxas não"), "w2", "iguais"],
                         junk=["both"]),
    "adaptive_optimizers.c2": row(right=["sgd", " SGD "], wrong=[says("Adam", en="no memory", pt="memória nenhuma"),
                                                        "SGD com momento", "AdaGrad"], junk=["Nesterov"]),
    "generalisation.q1": row(right=["Subajuste"], wrong=["overfitting", "bom ajuste"], junk=["a bit of both"]),
    "generalisation.q2": row(right=["teste", "TEST", "test set", "conjunto de teste", "Test-Set"],
                             wrong=["validação", "training", "validation set"], junk=[["test"]]),
    "generalisation.q3": row(right=[4.0], wrong=[says(3.75, en="three quarters", pt="três quartos"), 3, 5],
                             junk=["120/32"]),
    "generalisation.q4": row(right=[170.0], wrong=[says(120, en="weights are kept", pt="pesos ficam guardados"),
                                                   50, 169, 171], junk=["epoch 170"]),
    "generalisation.c1": row(right=["Regra do raio", "the radius rule"],
                             wrong=[says("decoreba", en="reading back", pt="leitura da própria cópia"), "tie"],
                             junk=["the network"]),
    "generalisation.c2": row(right=["Sobe", "goes up", "rises"],
                             wrong=[says("down", en="nothing stops", pt="nada impede"), "fica igual"], junk=["sideways"]),
    "generalisation.c3": row(right=[3.7, 5], wrong=[says(16, en="square root", pt="raiz disso"), 2, 8], junk=["4x"]),
    "cross_validation.q1": row(wrong=[8, 16]),                                        # added; counted the final run
    "cross_validation.q2": row(right=[contiguous_folds,
                                      lambda n, k: [val for _, val in k_fold(np.zeros(n), k=k, seed=0)],
                                      lambda n, k: [list(range(i, n, k)) for i in range(k)]],
                               wrong=[says(lambda n, k: contiguous_folds(n, k)[:-1], en="folds", pt="partes"),
                                      says(lambda n, k: [np.arange(n)] * k, en="is in", pt="está em"),
                                      says(lambda n, k: [np.arange(i * (n // k), (i + 1) * (n // k)) for i in range(k)],
                                           en="0 folds", pt="0 partes"),
                                      says(lambda n, k: [np.arange(1, n + 1)[i::k] for i in range(k)],
                                           en="index", pt="índice"),
                                      says(lambda n, k: [np.arange(n)[: n - k + 1]] + [np.array([j]) for j in
                                                                                       range(n - k + 1, n)],
                                           en="sizes", pt="tamanhos"),
                                      says(lambda n, k: [np.linspace(0, 1, 3)] * k, en="whole-number", pt="inteiros")],
                               junk=[[[0, 1], [2, 3]]]),
    "cross_validation.q3": row(right=["B", " (b) "], wrong=[says("a", en="ever validated", pt="chegou a validar"), "c"],
                               junk=["all of them"]),
    "cross_validation.q4": row(right=[24.0], wrong=[says(6, en="validation fold gets", pt="parte de validação recebe"),
                                                    30, 120], junk=["24 samples"]),
    "cross_validation.c1": row(right=["Mais de 10 pontos", "over 10 points", "> 10"],
                               wrong=[says("3 to 10", en="other side of the boundary", pt="outro lado da fronteira"),
                                      "menos de 3 pontos"], junk=["20"]),
    "cross_validation.c2": row(right=[4.0], wrong=[says(3, en="left over", pt="amostra que sobra"), 10 / 3], junk=["0 1 2 3"]),
    "cross_validation.c3": row(right=[2.0], wrong=[says(10, en="same share", pt="mesma fatia"), 0, 18], junk=["two"]),
    "cross_validation.c4": row(right=["Abaixo", "lower", " below "],
                               wrong=[says("above", en="highest of several means", pt="maior de várias médias"),
                                      "igual"], junk=["it depends"]),
    "regularisation.q1": row(wrong=[[[0.1, -0.2], [0.05, 0.0]], [[0.1, 0.4], [0.025, 0.0]],   # λ·W; λ·W²
                                    says([0.2, -0.4, 0.1, 0.0], **SHAPE)], junk=["2 * lambda * W"]),
    "regularisation.q2": row(right=[[6.25, 5]], wrong=[says([4.0, 4.0], en="does not multiply", pt="não multiplica"),
                                                       says([6.25, 6.25], en="counts as 0", pt="conta como 0")],
                             junk=["6.25"]),
    "regularisation.q3": row(right=["l1"], wrong=[says("L2", en="histograms", pt="histogramas"), "dropout",
                                                  "early stopping", "Parada antecipada", "Early-Stopping"],
                             junk=["L3", "batch normalisation"]),
    "regularisation.c1": row(right=["Treino", "train"], wrong=[says("validation", en="never seen", pt="nunca viu"), "iguais"],
                             junk=["both"]),
    "regularisation.c2": row(right=[3.0], wrong=[says(0, en="not only a = 0", pt="não só a = 0"), 2, 1], junk=["3 weights"]),
    "regularisation.c3": row(right=[[1, 2.01, 3.01, 3.99, 5.01, 5.99], [[1, 2, 3, 4, 5, 6]]],
                             wrong=[says([0.5, 1, 1.5, 2, 2.5, 3], en="1/(1 − p) scale", pt="escala 1/(1 − p)"),
                                    [2, 4, 6, 8, 10, 12]], junk=["h"]),
    "augmentation_batchnorm.q1": row(right=[_layer_output()],
                                     wrong=[[-1.324, 0.225, 1.775, 3.324],   # variance / (n − 1)
                                            [-3.0, -1.0, 1.0, 3.0]],         # x − μ only
                                     junk=[[[1, 2], [3]]]),
    "augmentation_batchnorm.q2": row(right=[0.04, 1 / 25], wrong=[says(1 / 5, en="horizontal shift", pt="horizontal"),
                                                                  says(1 / 9, en="max_shift = 1", pt="max_shift = 1"),
                                                                  0.5], junk=["1/25"]),
    "augmentation_batchnorm.q3": row(right=[1.5, 1.4999963], wrong=[says(0, en="own statistics", pt="própria amostra"),
                                                                    says(13, en="untouched", pt="intocado"),
                                                                    says(0.75, en="not by the variance",
                                                                         pt="não pela variância")],
                                     junk=["1.5 (normalised)"]),
    "augmentation_batchnorm.c1": row(right=["Espelhar", "flipping", "mirror"],
                                     wrong=[says("shift", en="not which digit", pt="não qual dígito"), "zoom", "ruído"],
                                     junk=["rotate"]),
    "augmentation_batchnorm.c2": row(right=["Desce", "goes down", "lower"],
                                     wrong=[says("same", en="What did it see", pt="O que ela viu"), "sobe"],
                                     junk=["sideways"]),
    "augmentation_batchnorm.c3": row(right=[[0, 1], [0.001, 0.999]],
                                     wrong=[says([1, 0], en="[mean, variance]", pt="[média, variância]"), [0, 2]],
                                     junk=["zero and one"]),
    "convolution.q1": row(wrong=[14, 32], junk=["16"]),                               # no padding; no stride
    "convolution.q2": row(wrong=[1200, 416], junk=[[1216, 16]]),                      # no biases; no channels
    "convolution.q3": row(right=[loops_max_pool,
                                 lambda x: x.reshape(x.shape[0] // 2, 2, x.shape[1] // 2, 2).max(axis=(1, 3))],
                          wrong=[lambda x: x.reshape(x.shape[0] // 2, 2, x.shape[1] // 2, 2).mean(axis=(1, 3)),
                                 says(lambda x: x.reshape(2, 2, 2, 2).max(axis=(1, 3)), "ValueError")]),
    "convolution.q4": row(right=["Bordas Verticais"], wrong=["horizontal edges"], junk=["diagonal"]),
    "convolution.q5": row(right=[conv_class()], wrong=CONV_MISTAKES),
    "convolution.q6": row(right=[conv_class()], wrong=CONV_MISTAKES),
    "convolution.c1": row(right=[7.0], wrong=[says(9, en="fits whole", pt="cabe inteiro"), 6, 3], junk=["7 numbers"]),
    "convolution.c2": row(right=[63.0], wrong=[says(62, en="starting position", pt="posição inicial"), 64, 126],
                          junk=["63x63"]),
    "convolution.c3": row(right=[[2, 576]], wrong=[says((576,), en="batch axis stays", pt="eixo do lote fica"),
                                                   says((2, 64, 9), en="3 axes", pt="3 eixos"), (576, 2)],
                          junk=["2x576", says(np.zeros((2, 576)), ".shape")]),
    "cnn.q1": row(wrong=[18432, 640], junk=["18496"]),                                # no biases; no channels
    "cnn.q2": row(wrong=[576, 784], junk=[[16, 5, 5]]),                               # rounded up; "same"
    "cnn.q3": row(wrong=[9, 49], junk=["7x7"]),                                       # 3 · 3; the area
    "cnn.q4": row(right=[lambda m: np.diag(m) / m.sum(axis=1)], wrong=[lambda m: np.diag(m) / m.sum(axis=0)],
                  junk=[0.9]),                                                        # columns, not rows
    "cnn.q6": row(right=[pool_class()], wrong=[
        says(pool_class(gradient="every"), en="The forward pass is right; `dinputs`", pt="O forward está certo; `dinputs`"),
        says(pool_class(gradient="every"), en="only it gets the gradient", pt="só ele recebe o gradiente"),
        says(pool_class(gradient="average"), en="shared the gradient equally", pt="dividiu o gradiente por igual"),
        says(pool_class(reduce="mean"), en="average pooling", pt="pooling pela média")]),
    "cnn.q5": row(right=[3 / 4, [0.75]], wrong=[says(0.6, "recall", "revocação"), 8 / 12], junk=["0.75"]),  # the row
    "cnn.c1": row(right=[1437, 1439], wrong=[says(359, en="test part", pt="parte de teste"), 1797], junk=["1438 digits"]),
    "cnn.c2": row(right=[8.0], wrong=[says(5, en="doubles the jump", pt="dobra o salto"), 10, 4], junk=["8x8"]),
    "cnn.c3": row(right=[4640.0], wrong=[says(4608, en="also has a bias", pt="também tem um viés"),
                                         says(320, en="each of the 16 input channels", pt="cada um dos 16 canais")],
                  junk=["4,640"]),
    "beyond.c1": row(right=["desce", "DOWN"], wrong=[says("up", en="Think of the extreme", pt="Pense no extremo"),
                                                     "fica igual"], junk=["maybe"]),
    "beyond.c2": row(right=["pesos maiores", "large"], wrong=[says("small", en="Follow the gradient backwards",
                                                                   pt="Siga o gradiente para trás"), "empate"],
                     junk=[10]),
    "beyond.c3": row(right=["sim", "Yes"], wrong=[says("no", en="what __reduce__ returns", pt="o que o __reduce__ devolve"),
                                                  "nao"], junk=["perhaps"]),
    "beyond.c4": row(right=["igual", "the same"], wrong=[says("larger", en="what early stopping does",
                                                              pt="o que a parada antecipada faz"), "menor"],
                     junk=[0.499]),
    "beyond.q1": row(right=[1.609], wrong=[says(0.223, en="probability of the right answer", pt="probabilidade da "
                                                "resposta certa"), 0.699], junk=[[1.6, 1.6]]),  # p, not 1 − p; log10
    "beyond.q2": row(right=[1.58, np.sqrt(10 / 4)],
                     wrong=[says(2.5, en="Take the root at the end", pt="Tire a raiz no fim"),      # the MSE
                            says(1.5, en="MAE", pt="MAE"), 0.0], junk=["1.58"]),                # mean |e|; signed
    "beyond.q3": row(right=[6.0], wrong=[says(7, en="cannot see the future", pt="não enxerga o futuro"),
                                         3], junk=["6"]),                             # 0.55 came later; the record
    "beyond.q4": row(right=["Linear + MSE", "linear_mse"],
                     wrong=[says("ReLU + MSE", en="which outputs can be negative", pt="quais saídas podem ser negativas"),
                            "sigmoide + BCE", "softmax + cross-entropy"], junk=["tanh + MAE"]),
    "text.c1": row(wrong=[says(9, en="Count again with the punctuation", pt="Conte de novo com a pontuação"), 10],
                   junk=["11"]),                                                      # split(); one mark
    "text.c2": row(wrong=[says(0, en="reserved tokens", pt="tokens reservados"), 412, -1], junk=["<unk>"]),
    "text.c3": row(right=[0], wrong=[says(-0.5, en="apply ReLU", pt="aplique a ReLU"), 0.5], junk=["zero"]),
    "text.q1": row(right=[np.array([0, 0, 2, 3, 4, 1, 5, 6])],
                   wrong=[[2, 3, 4, 1, 5, 6, 0, 0], [0, 0, 0, 2, 3, 4, 5, 6],     # padded at the end; lost <unk>
                          says([0, 0, 6, 5, 1, 4, 3, 2], **ORDER), says([2, 3, 4, 1, 5, 6], **SHAPE)],
                   junk=["0 0 2 3 4 1 5 6"]),
    "text.q2": row(wrong=[160_032, 5032], junk=["160000"]),                           # biases; added
    "text.q3": row(right=[lambda n, k, s: (n - k) // s + 1], wrong=[lambda n, k, s: n - k,       # forgot + 1
                                                                    lambda n, k, s: n - k + 1]),  # no stride
    "text.q4": row(wrong=[says(256, en="plus its bias", pt="mais o viés"), 16 * 8 + 16,  # no biases; one word
                          16 * 8 * 2 * 11 + 16], junk=["272"]),                           # times the 11 positions
    "bridge.c1": row(right=[[1797, 8, 8, 1]], wrong=[says((1797, 1, 8, 8), "another order", "outra ordem"),
                                                    (8, 8, 1)], junk=["(1797, 8, 8, 1)"]),
    "bridge.c2": row(right=["maior", "Larger", "higher"], wrong=[says("same", "is not", "não é"), "smaller"], junk=["double"]),
    "bridge.c3": row(right=["maior", "higher"], wrong=["igual", "menor"], junk=[0.6]),
    "bridge.q1": row(right=[[5, 17, 19, 22, 23, 25], {6, 17, 19, 22, 23, 25}, [5, 6, 17, 19, 22, 23, 25]],
                     wrong=[says([5, 17, 19], en="You found 3 of the 6 bugs", pt="Você encontrou 3 dos 6 bugs"),
                            says([5, 17, 19, 22, 23, 25, 11], en="Line 11 is fine: Keras is channels-last",
                                 pt="A linha 11 está certa: o Keras usa canais por último"),
                            says([5, 17, 19, 22, 23, 24, 25], en="You found all 6 bugs",
                                 pt="Você encontrou os 6 bugs")],                 # 24 is fine, unexplained
                     junk=[says([5, 40], en="there is no line 40", pt="não existe a linha 40"),
                           says("5, 17", en="without quotes", pt="sem aspas"), [5.0, 17.0]]),
    "bridge.q2": row(right=[[9, 17, 20], [11, 15, 21], (9, 16, 18, 20)],
                     wrong=[says([9], en="You found 1 of the 3 bugs", pt="Você encontrou 1 dos 3 bugs"),
                            says([9, 17, 20, 12, 14], en="Line 12 is fine: lr=1e-3",
                                 pt="A linha 12 está certa: lr=1e-3"),
                            says([9, 17, 20, 14], en="Line 14 is fine.", pt="A linha 14 está certa.")],
                     junk=[says(0, en="there is no line 0", pt="não existe a linha 0"), True]),
    "bridge.q3": row(right=[lambda w: w.transpose(2, 3, 1, 0)],
                     wrong=[says(lambda w: w.reshape(w.shape[2], w.shape[3], w.shape[1], w.shape[0]),
                                 en="Did you use reshape?", pt="Você usou reshape?"),
                            lambda w: w.transpose(3, 2, 1, 0), lambda w: w.T]),         # (kw, kh, ...); fully reversed
    "bridge.q4": row(right=[1e-2], wrong=[0.99, 0.1], junk=["0.01"]),                # Keras' own; PyTorch's default
    "bridge.q5": row(right=["sparse_logits", "SparseCategoricalCrossentropy(from_logits=True)"],
                     wrong=["SparseCategoricalCrossentropy()", "CategoricalCrossentropy()"],  # logits; one-hot
                     junk=["MSE"]),
}


def _questions():
    for lesson in pkgutil.iter_modules(lessons.__path__):
        module = importlib.import_module(f"nnlessons.lessons.{lesson.name}.exercises")
        yield from (value for value in vars(module).values() if isinstance(value, Question))


QUESTIONS = sorted(_questions(), key=lambda question: question.key)
ids = [question.key for question in QUESTIONS]


def the_right_answer(question):
    """The answer ``question`` itself holds, typed as a reader would."""
    if isinstance(question, (FunctionQuestion, BuildQuestion)):
        return question.reference
    if isinstance(question, ChoiceQuestion):
        return i18n.tr(f"{question.key}.option.{question.expected}")
    if isinstance(question, (NumberQuestion, ShapeQuestion, BugHuntQuestion)):
        return question.expected
    return question.expected.tolist()


JUNK = {NumberQuestion: "a number in words", ArrayQuestion: "1, 2", ShapeQuestion: "1, 2", ChoiceQuestion: 1,
        FunctionQuestion: 3, LayerQuestion: MyDense(2, 3), OptimizerQuestion: optimizer_class()(),
        TrainingQuestion: 3, BugHuntQuestion: "line 5"}


def test_every_question_is_in_the_table():
    assert sorted(TABLE) == ids
    assert all(TABLE[key]["wrong"] for key in ids), "every question needs at least one wrong answer"


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_hint_and_solution_in_both_languages(question, capsys):
    texts = {}
    for code in i18n.LANGUAGES:
        i18n.set_language(code)
        question.hint()
        question.solution()
        texts[code] = capsys.readouterr().out
    assert "Dica" in texts["pt"] and "Solução" in texts["pt"]
    assert "Hint" in texts["en"] and "Solution" in texts["en"]
    assert texts["pt"] != texts["en"]


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_a_right_answer_is_explained(question):
    """Every question says why the right answer is right, not only "✅ Correct!" (issue 13 §4)."""
    assert f"{question.key}.right" in i18n.registered_keys()
    assert len(question.evaluate(the_right_answer(question)).message) > len(i18n.tr("ex.correct")) + 20


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_none_is_unanswered(question):
    assert question.evaluate(None).status == UNANSWERED
    if isinstance(question, FunctionQuestion):
        assert question.evaluate(lambda *args: None).status == UNANSWERED
        assert question.evaluate(lambda *args: ...).status == UNANSWERED
    if isinstance(question, LayerQuestion):       # an untouched scaffold: its parameters and forward are blanks
        def __init__(self, *args):
            for name in question.params:
                setattr(self, name, ...)
        scaffold = type("Scaffold", (), {"__init__": __init__, "forward": lambda self, *args: ...})
        assert question.evaluate(scaffold).status == UNANSWERED


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_junk_is_malformed(question, language):
    for junk in [JUNK[type(question)], *TABLE[question.key]["junk"]]:
        junk, message = junk if isinstance(junk, tuple) and len(junk) == 2 and isinstance(junk[1], dict) else (junk, None)
        feedback = question.evaluate(junk)
        assert feedback.status == MALFORMED, junk
        assert message is None or message[language] in feedback.message


def sentences_after_the_verdict(message):
    """The sentences of a feedback message after the first one, its verdict ("❌ Not quite.")."""
    return re.split(r"(?<=[^\s.][.!?])\s+", message)[1:]


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_every_sentence_after_the_verdict_starts_with_a_capital(question, language):
    """"❌ Ainda não. o forward está certo" reads as a slip: every sentence of the feedback to a
    wrong or unreadable answer starts with a capital letter (or a number, or code)."""
    junk = [answer[0] if isinstance(answer, tuple) and isinstance(answer[-1], dict) else answer
            for answer in [JUNK[type(question)], *TABLE[question.key]["junk"]]]
    for answer in [*(answer for answer, _ in TABLE[question.key]["wrong"]), *junk]:
        message = question.evaluate(answer).message
        assert not [s for s in sentences_after_the_verdict(message) if s[0].islower()], message


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_right_answers_are_correct(question):
    for answer in [the_right_answer(question), *TABLE[question.key]["right"]]:
        feedback = question.evaluate(answer)
        assert feedback.status == CORRECT, feedback.message


@pytest.mark.parametrize("question", QUESTIONS, ids=ids)
def test_listed_wrong_answers_are_wrong(question, language):
    for answer, message in TABLE[question.key]["wrong"]:
        feedback = question.evaluate(answer)
        assert feedback.status == WRONG, feedback.message
        assert message is None or message[language] in feedback.message


@pytest.mark.parametrize("question", [q for q in QUESTIONS if isinstance(q, FunctionQuestion)],
                         ids=lambda question: question.key)
def test_a_crashing_function_is_wrong_not_raised(question):
    feedback = question.evaluate(lambda *args: 1 / 0)
    assert feedback.status == WRONG and "ZeroDivisionError" in feedback.message


@pytest.mark.parametrize("question", [q for q in QUESTIONS if re.search(r"\n\n(def|class) ", i18n.tr(f"{q.key}.solution"))],
                         ids=lambda question: question.key)
def test_the_code_in_a_solution_is_right(question):
    """The function or class a solution prints (the code between its first and last blank
    line), run as printed with the lesson's variables it uses, passes its own check."""
    code = i18n.tr(f"{question.key}.solution").split("\n\n", 1)[1].rsplit("\n\n", 1)[0]
    X, kind, _ = fruit_data()
    namespace = {"np": np, "X": X, "kind": kind}
    exec(code, namespace)
    name = re.match(r"(def|class) (\w+)", code).group(2)
    assert question.evaluate(namespace[name]).status == CORRECT


@pytest.mark.parametrize("question", [q for q in QUESTIONS if isinstance(q, BuildQuestion)],
                         ids=lambda question: question.key)
def test_a_wrong_class_is_told_which_part_is_wrong(question, language):
    """Every listed mistake in a build-it class names the faulty part: `MyX.forward`,
    `dinputs`, `weights`, ... (issue 13 §2)."""
    for answer, _ in TABLE[question.key]["wrong"]:
        message = question.evaluate(answer).message
        assert re.search(r"`(\w+\.forward|\w+\.backward|dinputs|d?weights|d?biases)`", message), message
