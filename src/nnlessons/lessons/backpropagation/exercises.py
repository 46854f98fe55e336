"""Exercises of Lesson 07 (backpropagation): ``from nnlessons.lessons.backpropagation import exercises as ex``.

q1  chain rule: dL/dx of L = (3x + 1)² at x = 1                          NumberQuestion
q2  dL/dw of a ReLU neuron whose z is negative                           ArrayQuestion
q3  softmax + cross-entropy gradient for p = (0.7, 0.2, 0.1), class 1    ArrayQuestion
q4  write dense_dweights(inputs, dvalues)                                 FunctionQuestion
"""

import numpy as np

from ...exercises.questions import ArrayQuestion, FunctionQuestion, NumberQuestion

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
        "en": "dL/da = 2(a − y) is not zero here, but check the sign of z: what does the ReLU pass back?",
        "pt": "dL/da = 2(a − y) não é zero aqui, mas confira o sinal de z: o que a ReLU deixa passar de volta?",
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
