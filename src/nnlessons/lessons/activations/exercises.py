"""Exercises of Lesson 04 (activation functions): ``from nnlessons.lessons.activations import exercises as ex``.

q1  the sigmoid's slope at z = 4 (saturation)                    NumberQuestion
q2  write a softmax that survives large logits                   FunctionQuestion
q3  the bias of one layer equal to two stacked linear layers     ArrayQuestion
q4  where does ReLU(w·x + b) bend, for w = −2.5, b = 1.5?         NumberQuestion
"""

import numpy as np

from ...activations import Softmax
from ...exercises.questions import ArrayQuestion, FunctionQuestion, NumberQuestion

def two_layers():
    """The two linear layers of q3: ``W1`` (2, 3), ``b1`` (1, 3), ``W2`` (3, 2), ``b2`` (1, 2)."""
    W1 = np.array([[1.0, -2.0, 0.5], [0.0, 1.0, 3.0]])
    b1 = np.array([[1.0, 0.0, -1.0]])
    W2 = np.array([[2.0, 0.0], [1.0, 1.0], [-0.5, 1.0]])
    b2 = np.array([[0.0, -0.5]])
    return W1, b1, W2, b2


def _softmax(z):
    """Reference for q2: the engine's row-wise, stable softmax."""
    return Softmax().forward(z)


q1 = NumberQuestion(
    "activations.q1", 1 / (1 + np.exp(-4.0)) * (1 - 1 / (1 + np.exp(-4.0))), atol=1e-4, rtol=0,
    hint={
        "en": "σ′(z) = σ(z)·(1 − σ(z)). Compute s = 1 / (1 + np.exp(-4)) first.",
        "pt": "σ′(z) = σ(z)·(1 − σ(z)). Calcule antes s = 1 / (1 + np.exp(-4)).",
    },
    solution={
        "en": "σ(4) = 0.98201, so σ′(4) = 0.98201 × 0.01799 ≈ 0.01766. Going back through this "
              "neuron, every gradient is multiplied by less than 2%: the sigmoid is saturated.",
        "pt": "σ(4) = 0,98201, então σ′(4) = 0,98201 × 0,01799 ≈ 0,01766. Voltando por este "
              "neurônio, todo gradiente é multiplicado por menos de 2%: a sigmoide está saturada.",
    },
    right={
        "en": "Less than 2% of the gradient gets through: that is what saturation means.",
        "pt": "Menos de 2% do gradiente passa: é isso que quer dizer saturação.",
    },
    wrong={
        "en": "Use the derivative σ(z)·(1 − σ(z)), not σ(z) itself.",
        "pt": "Use a derivada σ(z)·(1 − σ(z)), e não o próprio σ(z).",
    },
)

q2 = FunctionQuestion(
    "activations.q2", _softmax, cases=[
        np.array([[1.0, 2.0, 3.0]]),
        np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]]),
        np.array([[1000.0, 1001.0, 1002.0]]),
        np.array([[-1000.0, 0.0, 1000.0], [50.0, 800.0, -3.0]]),
    ],
    hint={
        "en": "z.max(axis=1, keepdims=True) is the largest logit of each row, shaped so that it "
              "can be subtracted from the row. Then exponentiate and divide by each row's sum "
              "(again with keepdims=True).",
        "pt": "z.max(axis=1, keepdims=True) é o maior logit de cada linha, num formato que dá "
              "para subtrair da linha. Depois exponencie e divida pela soma de cada linha "
              "(de novo com keepdims=True).",
    },
    solution={
        "en": "\n\ndef softmax(z):\n    exps = np.exp(z - z.max(axis=1, keepdims=True))\n"
              "    return exps / exps.sum(axis=1, keepdims=True)\n\nSubtracting the row maximum "
              "makes every exponent ≤ 0, so np.exp never overflows, and it cancels in the division.",
        "pt": "\n\ndef softmax(z):\n    exps = np.exp(z - z.max(axis=1, keepdims=True))\n"
              "    return exps / exps.sum(axis=1, keepdims=True)\n\nSubtrair o máximo da linha deixa "
              "todo expoente ≤ 0, então np.exp nunca estoura, e ele se cancela na divisão.",
    },
    right={
        "en": "Your softmax agrees with the engine's, even on logits around 1000.",
        "pt": "Sua softmax concorda com a do motor, mesmo com logits perto de 1000.",
    },
    wrong={
        "en": "NaN means np.exp overflowed: subtract each row's maximum first. Wrong numbers on "
              "several rows usually mean a max or sum over the whole array instead of per row.",
        "pt": "NaN quer dizer que np.exp estourou: subtraia antes o máximo de cada linha. Números "
              "errados com várias linhas em geral vêm de um max ou sum do array inteiro, e não por linha.",
    },
)

_W1, _b1, _W2, _b2 = two_layers()
q3 = ArrayQuestion(
    "activations.q3", _b1 @ _W2 + _b2,
    hint={
        "en": "Expand (x·W1 + b1)·W2 + b2 = x·(W1·W2) + (b1·W2 + b2). The part without x is the bias.",
        "pt": "Expanda (x·W1 + b1)·W2 + b2 = x·(W1·W2) + (b1·W2 + b2). A parte sem x é o viés.",
    },
    solution={
        "en": "b = b1 @ W2 + b2 = [[2.5, -1.5]] (and W = W1 @ W2). Two linear layers are one linear "
              "layer in disguise.",
        "pt": "b = b1 @ W2 + b2 = [[2.5, -1.5]] (e W = W1 @ W2). Duas camadas lineares são uma "
              "camada linear disfarçada.",
    },
    right={
        "en": "With W = W1 @ W2 and this b, one layer does exactly what the two did.",
        "pt": "Com W = W1 @ W2 e este b, uma camada só faz exatamente o que as duas faziam.",
    },
    wrong={
        "en": "The first layer's bias also goes through W2: it is b1 @ W2 + b2, not b1 + b2.",
        "pt": "O viés da primeira camada também passa por W2: é b1 @ W2 + b2, e não b1 + b2.",
    },
)

q4 = NumberQuestion(
    "activations.q4", 0.6, atol=1e-3, rtol=0,
    hint={
        "en": "The neuron bends where its weighted sum is zero: solve w·x + b = 0 for x.",
        "pt": "O neurônio dobra onde a soma ponderada é zero: resolva w·x + b = 0 para x.",
    },
    solution={
        "en": "x = −b/w = −1.5 / (−2.5) = 0.6. Since w < 0, this neuron is active (outputs w·x + b > 0) "
              "to the left of 0.6 and silent to the right.",
        "pt": "x = −b/w = −1,5 / (−2,5) = 0,6. Como w < 0, este neurônio está ativo (devolve w·x + b > 0) "
              "à esquerda de 0,6 e calado à direita.",
    },
    right={
        "en": "And because w is negative, it is the left side (x < 0.6) that the neuron passes on.",
        "pt": "E como w é negativo, é o lado esquerdo (x < 0,6) que o neurônio deixa passar.",
    },
    wrong={
        "en": "Mind the signs: x = −b/w, with w = −2.5 and b = 1.5.",
        "pt": "Cuidado com os sinais: x = −b/w, com w = −2,5 e b = 1,5.",
    },
)
