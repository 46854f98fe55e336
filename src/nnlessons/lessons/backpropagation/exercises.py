"""Exercises of Lesson 07 (backpropagation): ``from nnlessons.lessons.backpropagation import exercises as ex``.

q1  chain rule: dL/dx of L = (3x + 1)² at x = 1                          NumberQuestion
q2  dL/dw of a ReLU neuron whose z is negative                           ArrayQuestion
q3  softmax + cross-entropy gradient for p = (0.7, 0.2, 0.1), class 1    ArrayQuestion
q4  write dense_dweights(inputs, dvalues)                                 FunctionQuestion
q5  build it: MyDense with backward (dweights, dbiases, dinputs)         LayerQuestion
q6  build it: MyReLU with backward                                       LayerQuestion
q7  build it: softmax_ce_backward(probs, y), the combined gradient       FunctionQuestion
q8  build it: train(X, y, dense1, dense2, learning_rate, steps), the
    training loop, step by step against nnlessons' Model and SGD        TrainingQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  the loss L of the hand-made ReLU neuron, forward                     NumberQuestion
c2  which of its three weights gets the largest gradient (δ·xᵢ)         ChoiceQuestion
c3  the shape of dW1 in the 2 → 5 → 3 network on a batch of 4            ShapeQuestion
"""

import numpy as np

from ...activations import ReLU, Softmax
from ...exercises.build import LayerQuestion, Trial
from ...exercises.questions import (ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion, ShapeQuestion,
                                    close, compare_values)
from ...i18n import register, tr
from ...layers import Dense
from ...losses import CategoricalCrossEntropy
from ...model import Model
from ...optimizers import SGD
from ...widgets.yours import DENSE_TRIALS

q1 = NumberQuestion(
    "backpropagation.q1", 24,
    hint={
        "en": "Call the inside u = 3x + 1, so L = u². Then dL/dx = dL/du · du/dx, with dL/du = 2u and du/dx = 3.",
        "pt": "Chame o miolo de u = 3x + 1, então L = u². Daí dL/dx = dL/du · du/dx, com dL/du = 2u e du/dx = 3.",
    },
    solution={
        "en": "u = 3·1 + 1 = 4; dL/du = 2u = 8; du/dx = 3; dL/dx = 8 · 3 = 24.",
        "pt": "u = 3·1 + 1 = 4; dL/du = 2u = 8; du/dx = 3; dL/dx = 8 · 3 = 24.",
    },
    right={
        "en": "Outer slope times inner slope: the chain rule in one line.",
        "pt": "Inclinação de fora vezes inclinação de dentro: a regra da cadeia numa linha.",
    },
    wrong={
        "en": "Did you multiply by du/dx = 3? The derivative of u² is 2u only with respect to u.",
        "pt": "Você multiplicou por du/dx = 3? A derivada de u² é 2u só em relação a u.",
    },
)

q2 = ArrayQuestion(
    "backpropagation.q2", [0.0, 0.0],
    hint={
        "en": "Go forward first: z = w·x + b, then a = ReLU(z). What is ReLU′(z) for this z?",
        "pt": "Vá para a frente primeiro: z = w·x + b, depois a = ReLU(z). Quanto vale ReLU′(z) para este z?",
    },
    solution={
        "en": "z = 0.5·1 + (−1)·2 + 1 = −0.5 < 0, so a = 0 and ReLU′(z) = 0. Then δ = dL/da · 0 = 0 "
              "and dL/dw = δ·x = [0, 0]: a ReLU that is off lets no gradient through, so this sample "
              "teaches the neuron nothing.",
        "pt": "z = 0,5·1 + (−1)·2 + 1 = −0,5 < 0, então a = 0 e ReLU′(z) = 0. Daí δ = dL/da · 0 = 0 "
              "e dL/dw = δ·x = [0, 0]: uma ReLU desligada não deixa passar gradiente, então esta "
              "amostra não ensina nada ao neurônio.",
    },
    right={
        "en": "An inactive ReLU blocks the gradient; if it is off for every sample the neuron is 'dead'.",
        "pt": "Uma ReLU inativa bloqueia o gradiente; se ela fica desligada para toda amostra, o neurônio 'morreu'.",
    },
    wrong={
        "en": "Here dL/da = 2(a − y) is not zero, but check the sign of z: what does the ReLU pass back?",
        "pt": "Aqui dL/da = 2(a − y) não é zero, mas confira o sinal de z: o que a ReLU deixa passar de volta?",
    },
)

q3 = ArrayQuestion(
    "backpropagation.q3", [0.7, -0.8, 0.1],
    hint={
        "en": "With one sample, ∂L/∂z = p − y, where y is the one-hot row of the right class.",
        "pt": "Com uma amostra, ∂L/∂z = p − y, em que y é a linha one-hot da classe certa.",
    },
    solution={
        "en": "y = [0, 1, 0], so p − y = [0.7, 0.2 − 1, 0.1] = [0.7, −0.8, 0.1]: the right class is "
              "pushed up, the others down, each by how wrong it is.",
        "pt": "y = [0, 1, 0], então p − y = [0,7, 0,2 − 1, 0,1] = [0,7, −0,8, 0,1]: a classe certa é "
              "empurrada para cima e as outras para baixo, cada uma pelo tamanho do seu erro.",
    },
    right={
        "en": "The entries add up to 0: raising one logit and lowering the others by as much.",
        "pt": "As entradas somam 0: sobe um logit e descem os outros na mesma medida.",
    },
    wrong={
        "en": "Subtract the one-hot target from p, entry by entry; only the right class gets the −1.",
        "pt": "Subtraia o alvo one-hot de p, entrada por entrada; só a classe certa recebe o −1.",
    },
)


def _dense_dweights(inputs, dvalues):
    """Reference for q4: ∂L/∂W = inputsᵀ · dvalues."""
    return np.asarray(inputs).T @ np.asarray(dvalues)


def _cases():
    rng = np.random.default_rng(7)
    shapes = [(3, 2, 4), (1, 3, 2), (5, 1, 1), (4, 3, 3)]
    return [(np.round(rng.standard_normal((n, i)), 2), np.round(rng.standard_normal((n, j)), 2))
            for n, i, j in shapes]


q4 = FunctionQuestion(
    "backpropagation.q4", _dense_dweights, cases=_cases(),
    hint={
        "en": "dweights must have the shape of weights, (n_inputs, n_neurons). inputs is (n_samples, "
              "n_inputs) and dvalues is (n_samples, n_neurons): which product gives that shape?",
        "pt": "dweights precisa ter o formato de weights, (n_inputs, n_neurons). inputs é (n_samples, "
              "n_inputs) e dvalues é (n_samples, n_neurons): qual produto dá esse formato?",
    },
    solution={
        "en": "\n\ndef dense_dweights(inputs, dvalues):\n    return inputs.T @ dvalues\n\n"
              "Each weight w_ij gets Σ over samples of inputs[s, i] · dvalues[s, j]: its input times "
              "the delta of its neuron, summed over the batch.",
        "pt": "\n\ndef dense_dweights(inputs, dvalues):\n    return inputs.T @ dvalues\n\n"
              "Cada peso w_ij recebe a soma, sobre as amostras, de inputs[s, i] · dvalues[s, j]: sua "
              "entrada vezes o delta do seu neurônio, somado no lote.",
    },
    right={
        "en": "The shapes alone pick the formula: only inputs.T @ dvalues lines up.",
        "pt": "Só os formatos já escolhem a fórmula: apenas inputs.T @ dvalues se encaixa.",
    },
    wrong={
        "en": "Compare the shape you return with weights.shape = (n_inputs, n_neurons).",
        "pt": "Compare o formato que você devolve com weights.shape = (n_inputs, n_neurons).",
    },
)


# ---- build it: the backward passes ----------------------------------------------------------
_DENSE_SOLUTION = (
    "\n\nclass MyDense:\n    def __init__(self, n_inputs, n_neurons):\n"
    "        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)\n"
    "        self.biases = np.zeros((1, n_neurons))\n\n    def forward(self, inputs):\n"
    "        self.inputs = inputs\n        self.output = inputs @ self.weights + self.biases\n"
    "        return self.output\n\n    def backward(self, dvalues):\n"
    "        self.dweights = self.inputs.T @ dvalues\n"
    "        self.dbiases = np.sum(dvalues, axis=0, keepdims=True)\n"
    "        self.dinputs = dvalues @ self.weights.T\n        return self.dinputs\n\n")

q5 = LayerQuestion(
    "backpropagation.q5", Dense, DENSE_TRIALS, params=("weights", "biases"),
    symptoms={
        "dweights": [(lambda got, run: close(got, run.inputs[0] @ run.dvalues), {
            "en": "That is inputs @ dvalues: did you forget inputs.T? Each weight pairs an input column with a "
                  "neuron's column of dvalues.",
            "pt": "Isso é inputs @ dvalues: esqueceu o inputs.T? Cada peso junta uma coluna de entrada com a "
                  "coluna de dvalues do seu neurônio.",
        })],
        "dbiases": [(lambda got, run: close(got, run.dvalues), {
            "en": "That is dvalues itself: a bias gets the sum over the samples, "
                  "np.sum(dvalues, axis=0, keepdims=True).",
            "pt": "Isso é o próprio dvalues: um viés recebe a soma sobre as amostras, "
                  "np.sum(dvalues, axis=0, keepdims=True).",
        }), (lambda got, run: close(got, run.dvalues.sum(axis=0)), {
            "en": "Right sums, but keep the shape (1, n_neurons) of biases: keepdims=True.",
            "pt": "As somas estão certas, mas mantenha o formato (1, n_neurons) de biases: keepdims=True.",
        })],
        "dinputs": [(lambda got, run: close(got, run.dvalues @ run.params["weights"]), {
            "en": "That is dvalues @ weights: the gradient goes back through weights.T.",
            "pt": "Isso é dvalues @ weights: o gradiente volta por weights.T.",
        })],
    },
    hint={
        "en": "Keep the inputs in forward (self.inputs = inputs). In backward: dweights = inputs.T @ dvalues, "
              "dbiases = the sum of dvalues over the samples (axis=0, keepdims=True), dinputs = dvalues @ weights.T.",
        "pt": "Guarde as entradas no forward (self.inputs = inputs). No backward: dweights = inputs.T @ dvalues, "
              "dbiases = a soma de dvalues sobre as amostras (axis=0, keepdims=True), dinputs = dvalues @ weights.T.",
    },
    solution={
        "en": _DENSE_SOLUTION + "Each gradient has the shape of what it is the gradient of: dweights like weights "
              "(n_inputs, n_neurons), dbiases like biases (1, n_neurons), dinputs like inputs.",
        "pt": _DENSE_SOLUTION + "Cada gradiente tem o formato daquilo de que ele é gradiente: dweights como weights "
              "(n_inputs, n_neurons), dbiases como biases (1, n_neurons), dinputs como inputs.",
    },
    right={
        "en": "Your backward agrees with the numerical gradient and with nnlessons' Dense: your layer can learn. "
              "Try it live: SpiralTrainer(dense=MyDense).",
        "pt": "Seu backward bate com o gradiente numérico e com a Dense do nnlessons: sua camada sabe aprender. "
              "Veja ao vivo: SpiralTrainer(dense=MyDense).",
    },
)

_RELU_SOLUTION = (
    "\n\nclass MyReLU:\n    def forward(self, inputs):\n        self.inputs = inputs\n"
    "        self.output = np.maximum(0, inputs)\n        return self.output\n\n"
    "    def backward(self, dvalues):\n        self.dinputs = dvalues * (self.inputs > 0)\n"
    "        return self.dinputs\n\n")

q6 = LayerQuestion(
    "backpropagation.q6", ReLU, [
        Trial(np.array([[1.5, -0.5, 2.0], [-1.0, 0.3, -2.2]]), dvalues=np.array([[0.4, 1.0, -0.7], [0.9, -0.6, 0.2]])),
        Trial(np.array([[-0.8, 0.6], [1.1, -1.3], [0.25, 0.75]]),
              dvalues=np.array([[-1.0, 0.5], [0.3, 0.8], [-0.4, -0.9]])),
    ],
    symptoms={"dinputs": [
        (lambda got, run: close(got, run.dvalues * (run.dvalues > 0)), {
            "en": "Your mask comes from dvalues: it must come from the inputs of forward (inputs > 0).",
            "pt": "Sua máscara vem de dvalues: ela precisa vir das entradas do forward (inputs > 0).",
        }),
        (lambda got, run: close(got, run.inputs[0] > 0), {
            "en": "That is ReLU′ alone (1 or 0): multiply it by dvalues, the gradient that comes from above.",
            "pt": "Isso é só a ReLU′ (1 ou 0): multiplique por dvalues, o gradiente que chega de cima.",
        }),
        (lambda got, run: close(got, run.dvalues), {
            "en": "The gradient passed through unchanged: a neuron whose input was ≤ 0 passes no gradient back.",
            "pt": "O gradiente passou sem mudar: um neurônio cuja entrada foi ≤ 0 não deixa passar gradiente.",
        }),
    ]},
    hint={
        "en": "ReLU′(z) is 1 where z > 0 and 0 elsewhere. Keep the inputs in forward; in backward, "
              "dinputs = dvalues * (self.inputs > 0).",
        "pt": "ReLU′(z) é 1 onde z > 0 e 0 no resto. Guarde as entradas no forward; no backward, "
              "dinputs = dvalues * (self.inputs > 0).",
    },
    solution={
        "en": _RELU_SOLUTION + "The gradient passes where the neuron was on and stops where it was off.",
        "pt": _RELU_SOLUTION + "O gradiente passa onde o neurônio estava ligado e para onde estava desligado.",
    },
    right={
        "en": "A ReLU is a gate: open where z > 0, closed elsewhere, forward and backward.",
        "pt": "A ReLU é uma porteira: aberta onde z > 0, fechada no resto, na ida e na volta.",
    },
)


def _softmax_ce_backward(probs, y):
    """Reference for q7: ∂L/∂z = (p − one_hot(y)) / n for the mean cross-entropy of a softmax."""
    probs = np.asarray(probs, dtype=float)
    return (probs - np.eye(probs.shape[1])[y]) / len(probs)


def _n(run):
    return len(run.args[0])


q7 = FunctionQuestion(
    "backpropagation.q7", _softmax_ce_backward, cases=[
        (np.array([[0.7, 0.2, 0.1]]), np.array([1])),
        (np.array([[0.7, 0.2, 0.1], [0.1, 0.5, 0.4], [0.02, 0.9, 0.08], [0.3, 0.3, 0.4]]), np.array([0, 1, 1, 2])),
    ],
    symptoms={"output": [
        (lambda got, run: _n(run) > 1 and close(got, run.expected * _n(run)), {
            "en": "Right for one sample, but the loss is a mean over the batch: divide by n = len(probs).",
            "pt": "Certo para uma amostra, mas a perda é uma média no lote: divida por n = len(probs).",
        }),
        (lambda got, run: close(got, -run.expected), {
            "en": "The sign is flipped: it is p − y, not y − p.",
            "pt": "O sinal está trocado: é p − y, e não y − p.",
        }),
    ]},
    hint={
        "en": "Copy probs, subtract 1 at the right class of each row (probs[range(n), y] -= 1), divide by n.",
        "pt": "Copie probs, subtraia 1 na classe certa de cada linha (probs[range(n), y] -= 1) e divida por n.",
    },
    solution={
        "en": "\n\ndef softmax_ce_backward(probs, y):\n    n = len(probs)\n    dinputs = probs.copy()\n"
              "    dinputs[np.arange(n), y] -= 1\n    return dinputs / n\n\n"
              "Softmax's Jacobian and the cross-entropy's −1/p cancel out: what is left is p − y.",
        "pt": "\n\ndef softmax_ce_backward(probs, y):\n    n = len(probs)\n    dinputs = probs.copy()\n"
              "    dinputs[np.arange(n), y] -= 1\n    return dinputs / n\n\n"
              "A jacobiana da softmax e o −1/p da entropia cruzada se cancelam: sobra p − y.",
    },
    right={
        "en": "No division by a tiny p anywhere: that is why the two are computed together.",
        "pt": "Nenhuma divisão por um p minúsculo: é por isso que as duas são calculadas juntas.",
    },
)


# ---- build it: the training loop ---------------------------------------------------------------
register({
    "backpropagation.train.losses": {
        "en": "the losses differ from those of nnlessons' Model + SGD: {reason}",
        "pt": "as perdas diferem das do Model + SGD do nnlessons: {reason}",
    },
    "backpropagation.train.parameter": {
        "en": "the losses are right, but `{name}` after the last step differs from nnlessons': {reason}",
        "pt": "as perdas estão certas, mas `{name}` depois do último passo difere do nnlessons: {reason}",
    },
})


def _parameters(dense1, dense2):
    return {f"{layer}.{name}": np.array(getattr(dense, name), dtype=float)
            for layer, dense in (("dense1", dense1), ("dense2", dense2)) for name in ("weights", "biases")}


def _engine_training(X, y, dense1, dense2, learning_rate, steps):
    """Reference for q8: nnlessons' Model and SGD, the whole batch at every step; returns
    the loss of every step (and trains the layers in place, as the reader's loop does)."""
    model = Model([dense1, ReLU(), dense2, Softmax()], CategoricalCrossEntropy(), SGD(learning_rate=learning_rate))
    return [model.train_step(X, y)[0] for _ in range(steps)]


class _Trained(tuple):
    """(losses, parameters) of one training run, shown to the reader as its losses."""

    def __repr__(self):
        return np.array2string(self[0], precision=4)


def _with_parameters(train):
    """The reader's ``train``, also returning the layers' parameters after it ran."""
    def run(X, y, dense1, dense2, learning_rate, steps):
        losses = train(X, y, dense1, dense2, learning_rate, steps)
        if losses is None or losses is Ellipsis:
            return losses
        return _Trained((np.asarray(losses, dtype=float), _parameters(dense1, dense2)))
    return run


def _same_training(got, expected, args):
    """"" when the losses of every step and the parameters at the end agree, else which differ."""
    reason = compare_values(np.ravel(got[0]), np.ravel(expected[0]), 1e-8, 1e-6)[1]
    if reason:
        return tr("backpropagation.train.losses", reason=reason)
    for name, value in expected[1].items():
        reason = compare_values(got[1][name], value, 1e-8, 1e-6)[1]
        if reason:
            return tr("backpropagation.train.parameter", name=name, reason=reason)
    return ""


class TrainingQuestion(FunctionQuestion):
    """The reader's training loop ``train(X, y, dense1, dense2, learning_rate, steps)``, which
    returns the loss of every step (Lesson 07): each case runs it and ``reference`` (the same
    loop with nnlessons' ``Model`` and ``SGD``) on copies of the same seeded layers; the
    losses must agree step by step and the layers' parameters after the last step too.
    ``compare`` and the symptoms see ``(losses, parameters)`` for both."""

    def judge(self, answer):
        engine, self.reference = self.reference, _with_parameters(self.reference)
        try:
            return super().judge(_with_parameters(answer) if callable(answer) else answer)
        finally:
            self.reference = engine


def _seeded_layers(seed):
    """Dense(2, 6) and Dense(6, 3) with seeded weights large enough for the ReLUs to matter."""
    rng = np.random.default_rng(seed)
    layers = Dense(2, 6), Dense(6, 3)
    for layer in layers:
        layer.weights = rng.standard_normal(layer.weights.shape)
        layer.biases = 0.1 * rng.standard_normal(layer.biases.shape)
    return layers


_X = np.array([[0.1, 0.9], [-0.5, 0.4], [0.8, -0.2], [-0.3, -0.7], [0.6, 0.5], [-0.9, 0.1]])
_Y = np.array([0, 1, 2, 0, 1, 2])

_TRAIN_SOLUTION = (
    "\n\ndef train(X, y, dense1, dense2, learning_rate, steps):\n    losses = []\n"
    "    for step in range(steps):\n"
    "        hidden = np.maximum(0, dense1.forward(X))                  # forward\n"
    "        scores = dense2.forward(hidden)\n"
    "        exps = np.exp(scores - scores.max(axis=1, keepdims=True))\n"
    "        probs = exps / exps.sum(axis=1, keepdims=True)\n"
    "        losses.append(-np.mean(np.log(probs[np.arange(len(y)), y])))   # loss\n"
    "        dscores = probs.copy()                                      # backward\n"
    "        dscores[np.arange(len(y)), y] -= 1\n"
    "        dense2.backward(dscores / len(y))\n"
    "        dense1.backward(dense2.dinputs * (hidden > 0))\n"
    "        for layer in (dense1, dense2):                              # update\n"
    "            layer.weights -= learning_rate * layer.dweights\n"
    "            layer.biases -= learning_rate * layer.dbiases\n"
    "    return losses\n\n")

q8 = TrainingQuestion(
    "backpropagation.q8", _engine_training, cases=[
        (_X, _Y, *_seeded_layers(1), 0.5, 6),
        (_X[::-1], _Y, *_seeded_layers(2), 1.0, 4),
    ],
    compare=_same_training,
    symptoms={"output": [
        (lambda got, run: got[0][-1] > got[0][0], {
            "en": "Your loss rises: the update must go against the gradient, weights -= learning_rate * dweights.",
            "pt": "Sua perda sobe: a atualização precisa ir contra o gradiente, weights -= learning_rate * dweights.",
        }),
        (lambda got, run: close(got[1]["dense1.biases"], run.args[2].biases), {
            "en": "The biases of dense1 never moved: update the biases as well as the weights.",
            "pt": "Os vieses da dense1 não se mexeram: atualize os vieses além dos pesos.",
        }),
        (lambda got, run: np.ptp(got[0]) == 0, {
            "en": "The loss never changes: is the update inside the loop, on the layers themselves?",
            "pt": "A perda nunca muda: a atualização está dentro do laço, nas próprias camadas?",
        }),
    ]},
    hint={
        "en": "Each step has four parts: forward (dense1, ReLU, dense2, softmax), the loss (mean of −log p of the "
              "right class, appended to losses), backward (p − y over n into dense2.backward, then through the "
              "ReLU into dense1.backward), and the update θ ← θ − η·dθ of both layers' weights and biases.",
        "pt": "Cada passo tem quatro partes: forward (dense1, ReLU, dense2, softmax), a perda (média de −log p da "
              "classe certa, guardada em losses), backward (p − y sobre n na dense2.backward, depois pela ReLU "
              "até a dense1.backward) e a atualização θ ← θ − η·dθ dos pesos e vieses das duas camadas.",
    },
    solution={
        "en": _TRAIN_SOLUTION + "This is what Model.fit repeats, batch after batch, with SGD doing the update.",
        "pt": _TRAIN_SOLUTION + "É isto que o Model.fit repete, lote após lote, com o SGD fazendo a atualização.",
    },
    right={
        "en": "Step by step, your loop computes exactly what nnlessons' Model and SGD compute: you wrote a "
              "training loop from scratch.",
        "pt": "Passo a passo, seu laço calcula exatamente o que o Model e o SGD do nnlessons calculam: você "
              "escreveu um laço de treino do zero.",
    },
)


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = NumberQuestion(
    "backpropagation.c1", 4,
    symptoms={"output": [(lambda got, run: abs(got - 6.25) < 1e-6, {
        "en": "6.25 is (3.5 − 1)²: did you add the bias b = −0.5 to w·x?",
        "pt": "6,25 é (3,5 − 1)²: você somou o viés b = −0,5 a w·x?",
    })]},
    hint={
        "en": "Three steps: z = w·x + b = 0.5·2 + (−1.5)·(−1) + 2·0.5 − 0.5, then a = max(z, 0), then L = (a − 1)².",
        "pt": "Três passos: z = w·x + b = 0,5·2 + (−1,5)·(−1) + 2·0,5 − 0,5, depois a = max(z, 0), depois "
              "L = (a − 1)².",
    },
    solution={
        "en": "z = 1 + 1.5 + 1 − 0.5 = 3; z > 0, so a = 3; L = (3 − 1)² = 4.",
        "pt": "z = 1 + 1,5 + 1 − 0,5 = 3; z > 0, então a = 3; L = (3 − 1)² = 4.",
    },
    right={
        "en": "And z = 3 > 0 matters for what comes next: the ReLU is on, so its derivative is 1 and the "
              "gradient gets through.",
        "pt": "E z = 3 > 0 importa para o que vem a seguir: a ReLU está ligada, então a derivada dela é 1 e "
              "o gradiente passa.",
    },
    wrong={
        "en": "Go one box at a time, as the picture below does: the weighted sum z, then the ReLU, then the "
              "squared error.",
        "pt": "Vá uma caixa por vez, como o desenho abaixo faz: a soma ponderada z, depois a ReLU, depois o "
              "erro quadrático.",
    },
)

c2 = ChoiceQuestion(
    "backpropagation.c2", {
        "w1": {"en": "w1", "pt": "w1"},
        "w2": {"en": "w2", "pt": "w2"},
        "w3": {"en": "w3", "pt": "w3"},
    }, expected="w1",
    hint={
        "en": "Step 4 says ∂L/∂wᵢ = δ·xᵢ, and δ = 4 for all three: so compare the inputs |xᵢ|.",
        "pt": "O passo 4 diz que ∂L/∂wᵢ = δ·xᵢ, e δ = 4 para os três: então compare as entradas |xᵢ|.",
    },
    solution={
        "en": "'w1': ∂L/∂w = δ·x = 4·(2, −1, 0.5) = (8, −4, 2). The weight on the largest input, x₁ = 2, gets "
              "the largest gradient; the size of the weight itself plays no part.",
        "pt": "'w1': ∂L/∂w = δ·x = 4·(2; −1; 0,5) = (8; −4; 2). O peso da maior entrada, x₁ = 2, recebe o "
              "maior gradiente; o tamanho do próprio peso não entra na conta.",
    },
    right={
        "en": "A weight's gradient is its input times its neuron's delta: the largest input, x₁ = 2, gives "
              "|8|, twice the |−4| of w2.",
        "pt": "O gradiente de um peso é a sua entrada vezes o delta do seu neurônio: a maior entrada, x₁ = 2, "
              "dá |8|, o dobro do |−4| de w2.",
    },
    wrong={
        "en": "The gradient of wᵢ does not depend on wᵢ itself: look at what multiplies it in z.",
        "pt": "O gradiente de wᵢ não depende do próprio wᵢ: olhe o que o multiplica em z.",
    },
)

c3 = ShapeQuestion(
    "backpropagation.c3", (2, 5),
    hint={
        "en": "dW1 = X.T @ dZ1, with X of shape (4, 2) and dZ1 of shape (4, 5). Or shorter: a gradient has "
              "the shape of what it is the gradient of.",
        "pt": "dW1 = X.T @ dZ1, com X de formato (4, 2) e dZ1 de formato (4, 5). Ou mais curto: um gradiente "
              "tem o formato daquilo de que ele é gradiente.",
    },
    solution={
        "en": "(2, 5), the shape of W1: (2, 4) @ (4, 5). The batch of 4 is summed away in the product.",
        "pt": "(2, 5), o formato de W1: (2, 4) @ (4, 5). O lote de 4 desaparece na soma do produto.",
    },
    right={
        "en": "One number per weight, whatever the batch size: the matrix product sums the 4 samples' "
              "contributions.",
        "pt": "Um número por peso, seja qual for o tamanho do lote: o produto de matrizes soma as contribuições "
              "das 4 amostras.",
    },
    wrong={
        "en": "The step W1 -= η·dW1 needs dW1 to have exactly the shape of W1; the batch size is not in it.",
        "pt": "O passo W1 -= η·dW1 exige que dW1 tenha exatamente o formato de W1; o tamanho do lote não "
              "aparece nele.",
    },
)
