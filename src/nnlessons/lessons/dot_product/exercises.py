"""Exercises of Lesson 02 (dot product and shapes): ``from nnlessons.lessons.dot_product import exercises as ex``.

q1  the dot product [1, 2, 3]·[4, −5, 6], by hand                NumberQuestion
q2  the shape of X @ W.T for X (8, 4) and W (3, 4)                ArrayQuestion
q3  write dot(a, b) with a loop                                   FunctionQuestion
q4  the outputs of a layer of 2 neurons on 3 inputs               ArrayQuestion
q5  build it: layer_outputs(inputs, weights, biases) without np.dot  FunctionQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  the shape of a vector of 4 numbers                            ShapeQuestion
c2  the shape of A @ B for A (2, 3) and B (3, 4)                   ShapeQuestion
c3  the shape of Dense(3, 4).forward on a batch of shape (5, 3)    ShapeQuestion
"""

import numpy as np

from ...exercises.questions import MATRIX_PRODUCTS, ArrayQuestion, FunctionQuestion, NumberQuestion, ShapeQuestion, close

q1 = NumberQuestion(
    "dot_product.q1", 12.0,
    hint={
        "en": "Multiply position by position (1·4, 2·(−5), 3·6) and add the three products.",
        "pt": "Multiplique posição por posição (1·4, 2·(−5), 3·6) e some os três produtos.",
    },
    solution={
        "en": "12: 1·4 + 2·(−5) + 3·6 = 4 − 10 + 18 = 12. In NumPy: np.dot([1, 2, 3], [4, -5, 6]).",
        "pt": "12: 1·4 + 2·(−5) + 3·6 = 4 − 10 + 18 = 12. Em NumPy: np.dot([1, 2, 3], [4, -5, 6]).",
    },
    right={
        "en": "A dot product turns two vectors of the same length into one number.",
        "pt": "Um produto escalar transforma dois vetores do mesmo comprimento num único número.",
    },
    wrong={
        "en": "Pair the numbers by position and mind the sign of −5.",
        "pt": "Junte os números por posição e cuidado com o sinal do −5.",
    },
)

q2 = ShapeQuestion(
    "dot_product.q2", (8, 3),
    hint={
        "en": "W.T has shape (4, 3). Then (8, 4) @ (4, 3): the inner 4s meet and disappear.",
        "pt": "W.T tem formato (4, 3). Então (8, 4) @ (4, 3): os 4 de dentro se encontram e somem.",
    },
    solution={
        "en": "(8, 3): one row per sample (8) and one column per neuron (3). The transpose turns "
              "W (3, 4) into (4, 3), so the inner sizes (4 and 4) line up.",
        "pt": "(8, 3): uma linha por amostra (8) e uma coluna por neurônio (3). A transposta vira "
              "W (3, 4) em (4, 3), e os tamanhos de dentro (4 e 4) se alinham.",
    },
    right={
        "en": "(m, k) @ (k, n) → (m, n): the outer sizes survive.",
        "pt": "(m, k) @ (k, n) → (m, n): os tamanhos de fora sobrevivem.",
    },
    wrong={
        "en": "Write both shapes side by side after the transpose; the result keeps the outer two.",
        "pt": "Escreva os dois formatos lado a lado depois da transposta; o resultado fica com os dois de fora.",
    },
)

def _dot(a, b):
    """Reference for q3: the dot product as a loop, as the reader is asked to write it."""
    total = 0.0
    for x, y in zip(a, b):
        total += x * y
    return total


q3 = FunctionQuestion(
    "dot_product.q3", _dot, cases=[
        ([1.0, 2.0, 3.0], [4.0, 5.0, 6.0]),
        ([1.5, -2.0], [2.0, 0.5]),
        ([0.0, 0.0, 0.0, 1.0], [9.0, 9.0, 9.0, -3.0]),
        ([2.0], [3.5]),
    ], forbidden=MATRIX_PRODUCTS,
    hint={
        "en": "Start from total = 0.0, loop with for x, y in zip(a, b), add x * y each time, "
              "and return total.",
        "pt": "Comece com total = 0.0, percorra com for x, y in zip(a, b), some x * y a cada passo "
              "e devolva total.",
    },
    solution={
        "en": "\n\ndef dot(a, b):\n    total = 0.0\n    for x, y in zip(a, b):\n        total += x * y\n"
              "    return total\n\nnp.dot(a, b) and a @ b compute the same thing, in compiled code.",
        "pt": "\n\ndef dot(a, b):\n    total = 0.0\n    for x, y in zip(a, b):\n        total += x * y\n"
              "    return total\n\nnp.dot(a, b) e a @ b calculam a mesma coisa, em código compilado.",
    },
    right={
        "en": "Every neuron's weighted sum is this loop; NumPy just runs it much faster.",
        "pt": "A soma ponderada de cada neurônio é este laço; o NumPy só o executa muito mais rápido.",
    },
    wrong={
        "en": "Multiply the pairs of numbers in the same position and add all the products.",
        "pt": "Multiplique os pares de números na mesma posição e some todos os produtos.",
    },
)

q4 = ArrayQuestion(
    "dot_product.q4", [2.5, -4.0], any_orientation=True,
    hint={
        "en": "One dot product per neuron: row 0 of weights with the inputs, plus biases[0]; "
              "then row 1, plus biases[1]. Or: np.dot(weights, inputs) + biases.",
        "pt": "Um produto escalar por neurônio: a linha 0 de weights com as entradas, mais "
              "biases[0]; depois a linha 1, mais biases[1]. Ou: np.dot(weights, inputs) + biases.",
    },
    solution={
        "en": "[2.5, -4.0]: neuron 1: 1·1 + (−2)·0 + 0.5·2 + 0.5 = 2.5; neuron 2: 1·(−1) + (−2)·1 + "
              "0.5·0 − 1 = −4. In NumPy: np.dot(weights, inputs) + biases.",
        "pt": "[2.5, -4.0]: neurônio 1: 1·1 + (−2)·0 + 0,5·2 + 0,5 = 2,5; neurônio 2: 1·(−1) + (−2)·1 + "
              "0,5·0 − 1 = −4. Em NumPy: np.dot(weights, inputs) + biases.",
    },
    right={
        "en": "(2, 3) @ (3,) → (2,): one output per neuron.",
        "pt": "(2, 3) @ (3,) → (2,): uma saída por neurônio.",
    },
    wrong={
        "en": "Each neuron uses its own row of weights and its own bias.",
        "pt": "Cada neurônio usa a sua própria linha de pesos e o seu próprio viés.",
    },
)


def _layer_outputs(inputs, weights, biases):
    """Reference for q5: one dot product per neuron (row of ``weights``), plus its bias
    (written without np.dot, as the question asks of the reader)."""
    return np.sum(np.asarray(weights) * np.asarray(inputs), axis=1) + biases


q5 = FunctionQuestion(
    "dot_product.q5", _layer_outputs, cases=[
        ([1.0, 2.0, 3.0, 2.5], [[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]],
         [2.0, 3.0, 0.5]),
        ([1.0, -2.0], [[3.0, 1.0], [0.5, 0.5], [-1.0, 2.0], [0.0, 4.0]], [0.5, -1.0, 0.0, 2.0]),
        ([0.5, 1.5, -1.0], [[1.0, 0.0, 2.0]], [-0.25]),
    ], forbidden=MATRIX_PRODUCTS,
    symptoms={"output": [
        (lambda got, run: close(got, np.dot(run.args[1], run.args[0])), {
            "en": "These are the weighted sums without the biases: each neuron adds its own bias.",
            "pt": "Estas são as somas ponderadas sem os vieses: cada neurônio soma o seu próprio viés.",
        }),
        (lambda got, run: close(got, np.dot(run.args[1], run.args[0]) + sum(run.args[2])), {
            "en": "Every neuron got the sum of all the biases: pair each row of weights with its own bias "
                  "(zip(weights, biases)).",
            "pt": "Cada neurônio recebeu a soma de todos os vieses: junte cada linha de pesos com o seu "
                  "próprio viés (zip(weights, biases)).",
        }),
    ]},
    hint={
        "en": "One output per neuron: for neuron_weights, neuron_bias in zip(weights, biases), append "
              "dot(inputs, neuron_weights) + neuron_bias to a list, and return the list.",
        "pt": "Uma saída por neurônio: para neuron_weights, neuron_bias in zip(weights, biases), acrescente "
              "dot(inputs, neuron_weights) + neuron_bias a uma lista e devolva a lista.",
    },
    solution={
        "en": "\n\ndef layer_outputs(inputs, weights, biases):\n    outputs = []\n"
              "    for neuron_weights, neuron_bias in zip(weights, biases):\n        total = 0.0\n"
              "        for x, w in zip(inputs, neuron_weights):\n            total += x * w\n"
              "        outputs.append(total + neuron_bias)\n    return outputs\n\n"
              "np.dot(weights, inputs) + biases does the same two loops in compiled code.",
        "pt": "\n\ndef layer_outputs(inputs, weights, biases):\n    outputs = []\n"
              "    for neuron_weights, neuron_bias in zip(weights, biases):\n        total = 0.0\n"
              "        for x, w in zip(inputs, neuron_weights):\n            total += x * w\n"
              "        outputs.append(total + neuron_bias)\n    return outputs\n\n"
              "np.dot(weights, inputs) + biases faz os mesmos dois laços em código compilado.",
    },
    right={
        "en": "A layer is just one weighted sum per neuron: you have written it with nothing but loops.",
        "pt": "Uma camada é só uma soma ponderada por neurônio: você a escreveu só com laços.",
    },
)


c1 = ShapeQuestion(
    "dot_product.c1", (4,),
    hint={
        "en": "How many axes does a vector have? A shape lists one size per axis.",
        "pt": "Quantos eixos tem um vetor? Um formato lista um tamanho por eixo.",
    },
    solution={
        "en": "(4,): a vector has a single axis, here of size 4. The comma makes it a one-element tuple; "
              "(1, 4) and (4, 1) would be matrices, with two axes.",
        "pt": "(4,): um vetor tem um único eixo, aqui de tamanho 4. A vírgula faz dele uma tupla de um "
              "elemento; (1, 4) e (4, 1) seriam matrizes, com dois eixos.",
    },
    right={
        "en": "One axis, of size 4. Writing it takes the comma: (4,) is a tuple, (4) is just the number 4.",
        "pt": "Um eixo, de tamanho 4. Para escrevê-lo é preciso a vírgula: (4,) é uma tupla, (4) é só o número 4.",
    },
    wrong={
        "en": "A list of numbers is not a table: how many axes does it have, so how many sizes does its shape list?",
        "pt": "Uma lista de números não é uma tabela: quantos eixos ela tem e, portanto, quantos tamanhos o "
              "formato dela lista?",
    },
)

c2 = ShapeQuestion(
    "dot_product.c2", (2, 4),
    hint={
        "en": "(m, k) × (k, n) → (m, n): the inner sizes must match and disappear; the outer ones stay.",
        "pt": "(m, k) × (k, n) → (m, n): os tamanhos de dentro precisam ser iguais e somem; os de fora ficam.",
    },
    solution={
        "en": "(2, 4): the inner 3s match and disappear; one row per row of A (2) and one column per column "
              "of B (4).",
        "pt": "(2, 4): os 3 de dentro batem e somem; uma linha por linha de A (2) e uma coluna por coluna de B (4).",
    },
    right={
        "en": "Each of the 2·4 = 8 entries is the dot product of a row of A with a column of B, 3 numbers each.",
        "pt": "Cada uma das 2·4 = 8 posições é o produto escalar de uma linha de A com uma coluna de B, de "
              "3 números cada.",
    },
    wrong={
        "en": "Write the two shapes side by side: which sizes meet in the middle, and which are left outside?",
        "pt": "Escreva os dois formatos lado a lado: quais tamanhos se encontram no meio e quais sobram do lado "
              "de fora?",
    },
)

c3 = ShapeQuestion(
    "dot_product.c3", (5, 4),
    hint={
        "en": "Each of the 5 samples goes through all 4 neurons, and each neuron gives one number per sample.",
        "pt": "Cada uma das 5 amostras passa pelos 4 neurônios, e cada neurônio dá um número por amostra.",
    },
    solution={
        "en": "(5, 4): one row per sample (5) and one column per neuron (4). Inside, (5, 3) @ (3, 4) → (5, 4): "
              "the 3 inputs meet in the middle.",
        "pt": "(5, 4): uma linha por amostra (5) e uma coluna por neurônio (4). Por dentro, (5, 3) @ (3, 4) → "
              "(5, 4): as 3 entradas se encontram no meio.",
    },
    right={
        "en": "The samples stay in the rows; their 3 features are used up by the weights and replaced by the "
              "4 neurons' outputs.",
        "pt": "As amostras continuam nas linhas; as 3 características delas são consumidas pelos pesos e dão "
              "lugar às saídas dos 4 neurônios.",
    },
    wrong={
        "en": "Which size belongs to the samples, and which one do the weights use up? Keep the samples in the rows.",
        "pt": "Qual tamanho é das amostras e qual deles os pesos consomem? Mantenha as amostras nas linhas.",
    },
)
