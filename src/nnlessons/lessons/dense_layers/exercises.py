"""Exercises of Lesson 03 (batches and dense layers): ``from nnlessons.lessons.dense_layers import exercises as ex``.

q1  the output shape of Dense(5, 8) on a batch of 32 samples        ArrayQuestion
q2  the number of parameters of Dense(2, 64) → Dense(64, 3)        NumberQuestion
q3  write forward(inputs, weights, biases) for weights stored
    the other way round, (n_neurons, n_inputs)                      FunctionQuestion
q4  why not start every weight at the same value?                  ChoiceQuestion
q5  the hand-built XOR network's output sum z for the input (1, 1)  NumberQuestion
q6  build it: class MyDense (constructor and forward)              LayerQuestion
q7  build it: forward_pass(X, layer1, layer2) through two layers   FunctionQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  is inputs @ weights.T + biases the loop's matrix or its transpose?   ChoiceQuestion
c2  the shape of W = dense1.weights @ dense2.weights                      ShapeQuestion
c3  the shape of weights2 with 16 neurons in layer 1 and 3 in layer 2     ShapeQuestion
"""

import numpy as np

from ...exercises.build import LayerQuestion, Trial
from ...exercises.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion, ShapeQuestion, close
from ...layers import Dense

q1 = ShapeQuestion(
    "dense_layers.q1", (32, 8),
    hint={
        "en": "inputs (32, 5) @ weights (5, 8) + biases (1, 8): what survives of (32, 5) @ (5, 8)?",
        "pt": "inputs (32, 5) @ weights (5, 8) + biases (1, 8): o que sobra de (32, 5) @ (5, 8)?",
    },
    solution={
        "en": "(32, 8): one row per sample of the batch and one column per neuron. The biases "
              "(1, 8) are added to every row and do not change the shape.",
        "pt": "(32, 8): uma linha por amostra do lote e uma coluna por neurônio. Os vieses "
              "(1, 8) são somados a cada linha e não mudam o formato.",
    },
    right={
        "en": "The batch size passes straight through; the layer decides the number of columns.",
        "pt": "O tamanho do lote passa direto; a camada decide o número de colunas.",
    },
    wrong={
        "en": "Rows are samples, columns are neurons.",
        "pt": "Linhas são amostras, colunas são neurônios.",
    },
)

q2 = NumberQuestion(
    "dense_layers.q2", 387,
    hint={
        "en": "Dense(n_inputs, n_neurons) has n_inputs·n_neurons weights plus n_neurons biases. "
              "Count each layer and add.",
        "pt": "Dense(n_inputs, n_neurons) tem n_inputs·n_neurons pesos mais n_neurons vieses. "
              "Conte cada camada e some.",
    },
    solution={
        "en": "387: the first layer has 2·64 + 64 = 192, the second 64·3 + 3 = 195, and 192 + 195 = 387.",
        "pt": "387: a primeira camada tem 2·64 + 64 = 192, a segunda 64·3 + 3 = 195, e 192 + 195 = 387.",
    },
    right={
        "en": "Training will tune all 387 numbers at once.",
        "pt": "O treino vai ajustar esses 387 números ao mesmo tempo.",
    },
    wrong={
        "en": "Did you count the biases, one per neuron in each layer?",
        "pt": "Você contou os vieses, um por neurônio em cada camada?",
    },
)


def _forward_neurons_first(inputs, weights, biases):
    """Reference for q3: a layer whose weights are stored (n_neurons, n_inputs)."""
    return np.asarray(inputs) @ np.asarray(weights).T + np.asarray(biases)


_BOOK_WEIGHTS = np.array([[0.2, 0.8, -0.5, 1.0], [0.5, -0.91, 0.26, -0.5], [-0.26, -0.27, 0.17, 0.87]])

q3 = FunctionQuestion(
    "dense_layers.q3", _forward_neurons_first, cases=[  # small first: its input is shown
        (np.array([[1.0, -1.0]]), np.array([[2.0, -1.0]]), np.array([0.5])),
        (np.array([[1.0, 2.0, 3.0, 2.5], [2.0, 5.0, -1.0, 2.0]]), _BOOK_WEIGHTS, np.array([2.0, 3.0, 0.5])),
        (np.array([[1.0, -1.0]]), np.array([[1.0, 2.0], [3.0, 4.0], [0.5, 0.0]]), np.array([0.0, 1.0, -1.0])),
        (np.array([[0.0, 1.0], [2.0, 0.0], [1.0, 1.0]]), np.array([[2.0, -1.0]]), np.array([0.5])),
    ],
    hint={
        "en": "weights has shape (n_neurons, n_inputs) and inputs (n_samples, n_inputs): turn "
              "weights around with .T so the n_inputs meet in the middle, then add biases.",
        "pt": "weights tem formato (n_neurons, n_inputs) e inputs (n_samples, n_inputs): vire "
              "weights com .T para os n_inputs se encontrarem no meio e depois some biases.",
    },
    solution={
        "en": "\n\ndef forward(inputs, weights, biases):\n    return inputs @ weights.T + biases\n\n"
              "(n_samples, n_inputs) @ (n_inputs, n_neurons) → (n_samples, n_neurons). Storing the "
              "weights as (n_inputs, n_neurons), as Dense does, saves this .T on every call.",
        "pt": "\n\ndef forward(inputs, weights, biases):\n    return inputs @ weights.T + biases\n\n"
              "(n_samples, n_inputs) @ (n_inputs, n_neurons) → (n_samples, n_neurons). Guardar os "
              "pesos como (n_inputs, n_neurons), como faz a Dense, poupa este .T a cada chamada.",
    },
    right={
        "en": "One line computes every neuron on every sample of the batch.",
        "pt": "Uma linha calcula todos os neurônios para todas as amostras do lote.",
    },
    wrong={
        "en": "The result must have one row per sample and one column per neuron.",
        "pt": "O resultado precisa ter uma linha por amostra e uma coluna por neurônio.",
    },
)

q4 = ChoiceQuestion(
    "dense_layers.q4", {
        "a": {"en": "a", "pt": "a"},
        "b": {"en": "b", "pt": "b"},
        "c": {"en": "c", "pt": "c"},
    }, expected="a",
    hint={
        "en": "If two neurons have the same weights and the same bias, what do they output for the "
              "same inputs? And what would training then change in each?",
        "pt": "Se dois neurônios têm os mesmos pesos e o mesmo viés, o que eles devolvem para as "
              "mesmas entradas? E o que o treino mudaria em cada um?",
    },
    solution={
        "en": "'a': neurons that start equal compute the same output and, in training, receive the "
              "same correction, so they stay clones and the layer acts like a single neuron. Random "
              "starting weights break this symmetry.",
        "pt": "'a': neurônios que começam iguais calculam a mesma saída e, no treino, recebem a "
              "mesma correção, então continuam clones e a camada age como um único neurônio. Pesos "
              "iniciais aleatórios quebram essa simetria.",
    },
    right={
        "en": "That is the symmetry problem; small random weights solve it.",
        "pt": "Esse é o problema da simetria; pesos pequenos e aleatórios o resolvem.",
    },
    wrong={
        "en": "Think about what makes one neuron different from its neighbour in the same layer.",
        "pt": "Pense no que faz um neurônio ser diferente do vizinho na mesma camada.",
    },
)

_rng = np.random.default_rng(3)

q6 = LayerQuestion(
    "dense_layers.q6", Dense, params=("weights", "biases"), trials=[
        Trial(np.array([[1.0, 2.0, 3.0, 2.5], [2.0, 5.0, -1.0, 2.0], [-1.5, 2.7, 3.3, -0.8]]), build=(4, 3)),
        Trial(_rng.standard_normal((5, 2)), build=(2, 5)),
        Trial(_rng.standard_normal((3, 3)), build=(3, 3)),
    ],
    symptoms={"output": [
        (lambda got, run: close(got, run.inputs[0] @ run.params["weights"]), {
            "en": "That is inputs @ weights without the biases: add self.biases.",
            "pt": "Isso é inputs @ weights sem os vieses: some self.biases.",
        }),
        (lambda got, run: close(got, run.inputs[0] @ run.params["weights"].T + run.params["biases"]), {
            "en": "The weights are already stored (n_inputs, n_neurons): no .T is needed.",
            "pt": "Os pesos já estão guardados como (n_inputs, n_neurons): não precisa de .T.",
        }),
    ]},
    hint={
        "en": "In __init__: self.weights = 0.01 * np.random.randn(n_inputs, n_neurons) and "
              "self.biases = np.zeros((1, n_neurons)). In forward: self.output = inputs @ self.weights "
              "+ self.biases, then return self.output.",
        "pt": "No __init__: self.weights = 0.01 * np.random.randn(n_inputs, n_neurons) e "
              "self.biases = np.zeros((1, n_neurons)). No forward: self.output = inputs @ self.weights "
              "+ self.biases, e depois return self.output.",
    },
    solution={
        "en": "\n\nclass MyDense:\n    def __init__(self, n_inputs, n_neurons):\n"
              "        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)\n"
              "        self.biases = np.zeros((1, n_neurons))\n\n    def forward(self, inputs):\n"
              "        self.output = inputs @ self.weights + self.biases\n        return self.output\n\n"
              "The check gives your layer and nnlessons' Dense the same weights and biases and compares "
              "their outputs, so the random start does not matter.",
        "pt": "\n\nclass MyDense:\n    def __init__(self, n_inputs, n_neurons):\n"
              "        self.weights = 0.01 * np.random.randn(n_inputs, n_neurons)\n"
              "        self.biases = np.zeros((1, n_neurons))\n\n    def forward(self, inputs):\n"
              "        self.output = inputs @ self.weights + self.biases\n        return self.output\n\n"
              "A correção dá à sua camada e à Dense do nnlessons os mesmos pesos e vieses e compara as "
              "saídas, então o começo aleatório não importa.",
    },
    right={
        "en": "Your MyDense computes what nnlessons' Dense computes, with the same shapes: it is a real layer.",
        "pt": "Sua MyDense calcula o mesmo que a Dense do nnlessons, com os mesmos formatos: é uma camada de verdade.",
    },
)


def _forward_pass(X, layer1, layer2):
    """Reference for q7: layer1, then layer2 on layer1's output."""
    return layer2.forward(layer1.forward(X))


def _layers(n_inputs, n_hidden, n_outputs, seed):
    """Two engine layers with seeded, non-zero weights and biases (the cases of q7)."""
    rng = np.random.default_rng(seed)
    layers = Dense(n_inputs, n_hidden), Dense(n_hidden, n_outputs)
    for layer in layers:
        layer.weights = rng.standard_normal(layer.weights.shape)
        layer.biases = rng.standard_normal(layer.biases.shape)
    return layers


q7 = FunctionQuestion(
    "dense_layers.q7", _forward_pass, cases=[
        (np.array([[1.0, 2.0], [-0.5, 0.5], [2.0, -1.0]]), *_layers(2, 3, 3, seed=1)),
        (np.random.default_rng(2).standard_normal((4, 3)), *_layers(3, 5, 2, seed=2)),
    ],
    symptoms={"output": [
        (lambda got, run: close(got, run.args[1].forward(run.args[0])), {
            "en": "That is the output of layer1 alone: feed it to layer2.",
            "pt": "Essa é a saída só da layer1: passe-a para a layer2.",
        }),
    ]},
    hint={
        "en": "Call layer1.forward(X); its output is the input of layer2.forward(...). Return what "
              "layer2 gives.",
        "pt": "Chame layer1.forward(X); a saída dela é a entrada de layer2.forward(...). Devolva o que "
              "a layer2 der.",
    },
    solution={
        "en": "\n\ndef forward_pass(X, layer1, layer2):\n    layer1.forward(X)\n"
              "    return layer2.forward(layer1.output)\n\nThe number of inputs of layer2 must be "
              "the number of neurons of layer1.",
        "pt": "\n\ndef forward_pass(X, layer1, layer2):\n    layer1.forward(X)\n"
              "    return layer2.forward(layer1.output)\n\nO número de entradas da layer2 precisa ser "
              "o número de neurônios da layer1.",
    },
    right={
        "en": "A network's forward pass is just this: each layer's output is the next layer's input.",
        "pt": "O forward de uma rede é só isto: a saída de cada camada é a entrada da próxima.",
    },
)

q5 = NumberQuestion(
    "dense_layers.q5", -0.5, atol=1e-6,
    hint={
        "en": "First the hidden layer: h₁ = step(1 + 1 − 0.5) and h₂ = step(1 + 1 − 1.5). Then the "
              "output's sum z = 1·h₁ + (−1)·h₂ − 0.5.",
        "pt": "Primeiro a camada escondida: h₁ = degrau(1 + 1 − 0,5) e h₂ = degrau(1 + 1 − 1,5). Depois "
              "a soma da saída z = 1·h₁ + (−1)·h₂ − 0,5.",
    },
    solution={
        "en": "−0.5: both hidden neurons fire (h = (1, 1): OR and AND are both on), so z = 1 − 1 − 0.5 = "
              "−0.5 < 0 and the step answers 0, as XOR(1, 1) should.",
        "pt": "−0,5: os dois neurônios escondidos disparam (h = (1, 1): OU e E ligados), então "
              "z = 1 − 1 − 0,5 = −0,5 < 0 e o degrau responde 0, como o XOR(1, 1) deve.",
    },
    right={
        "en": "OR and AND are both on for (1, 1), so \"OR but not AND\" is off: XOR(1, 1) = 0.",
        "pt": "OU e E estão ligados em (1, 1), então \"OU mas não E\" fica desligado: XOR(1, 1) = 0.",
    },
    wrong={
        "en": "Go through the step first: the output neuron sees h = (1, 1), not the raw sums 1.5 and 0.5.",
        "pt": "Passe pelo degrau antes: o neurônio de saída vê h = (1, 1), não as somas cruas 1,5 e 0,5.",
    },
)


c1 = ChoiceQuestion(
    "dense_layers.c1", {
        "same": {"en": "the same", "pt": "a mesma", "also": ("same", "mesma", "igual")},
        "transposed": {"en": "transposed", "pt": "transposta", "also": ("the transpose", "a transposta")},
    }, expected="same",
    hint={
        "en": "In (3, 4) @ (4, 3), the rows of the result come from the rows of the first matrix. What is a "
              "row of inputs?",
        "pt": "Em (3, 4) @ (4, 3), as linhas do resultado vêm das linhas da primeira matriz. O que é uma linha "
              "de inputs?",
    },
    solution={
        "en": "'the same': row i of inputs @ weights.T is sample i times every neuron's weights, exactly the "
              "loop's row i, and its columns are the neurons. weights @ inputs.T would give the transpose.",
        "pt": "'a mesma': a linha i de inputs @ weights.T é a amostra i vezes os pesos de cada neurônio, "
              "exatamente a linha i do laço, e as colunas são os neurônios. weights @ inputs.T daria a transposta.",
    },
    right={
        "en": "The result keeps one row per sample, like inputs: each row is a sample, each column a neuron.",
        "pt": "O resultado mantém uma linha por amostra, como inputs: cada linha é uma amostra, cada coluna um "
              "neurônio.",
    },
    wrong={
        "en": "The .T is on the weights, not on the result. Where do the rows of a product come from?",
        "pt": "O .T está nos pesos, não no resultado. De onde vêm as linhas de um produto?",
    },
)

c2 = ShapeQuestion(
    "dense_layers.c2", (2, 3),
    hint={
        "en": "Apply (m, k) × (k, n) → (m, n); or think: the single layer takes the 2 features and gives "
              "dense2's 3 outputs.",
        "pt": "Aplique (m, k) × (k, n) → (m, n); ou pense: a camada única recebe as 2 características e devolve "
              "as 3 saídas da dense2.",
    },
    solution={
        "en": "(2, 3): (2, 3) @ (3, 3) → (2, 3). The single layer is a Dense(2, 3): 2 inputs, like dense1, and "
              "3 neurons, like dense2.",
        "pt": "(2, 3): (2, 3) @ (3, 3) → (2, 3). A camada única é uma Dense(2, 3): 2 entradas, como a dense1, e "
              "3 neurônios, como a dense2.",
    },
    right={
        "en": "Two linear layers in a row shrink to one, with the first layer's inputs and the last layer's "
              "neurons.",
        "pt": "Duas camadas lineares seguidas encolhem para uma, com as entradas da primeira e os neurônios da "
              "última.",
    },
    wrong={
        "en": "Line up the two shapes: which sizes disappear in the middle, and which stay outside?",
        "pt": "Alinhe os dois formatos: quais tamanhos somem no meio e quais ficam do lado de fora?",
    },
)

c3 = ShapeQuestion(
    "dense_layers.c3", (16, 3),
    hint={
        "en": "Weights are (n_inputs, n_neurons). What are the inputs of layer 2? Does the batch size appear?",
        "pt": "Os pesos são (n_entradas, n_neurônios). Quais são as entradas da camada 2? O tamanho do lote "
              "aparece aí?",
    },
    solution={
        "en": "(16, 3): layer 2 has 16 inputs (the outputs of layer 1's 16 neurons) and 3 neurons. The batch "
              "size, 32, shows only in X and in the outputs, never in the weights.",
        "pt": "(16, 3): a camada 2 tem 16 entradas (as saídas dos 16 neurônios da camada 1) e 3 neurônios. O "
              "tamanho do lote, 32, só aparece em X e nas saídas, nunca nos pesos.",
    },
    right={
        "en": "A layer's inputs are the previous layer's neurons, and the batch size never reaches the weights.",
        "pt": "As entradas de uma camada são os neurônios da camada anterior, e o tamanho do lote nunca chega "
              "aos pesos.",
    },
    wrong={
        "en": "Weights depend only on the numbers of inputs and neurons. Where do layer 2's inputs come from?",
        "pt": "Os pesos só dependem dos números de entradas e de neurônios. De onde vêm as entradas da camada 2?",
    },
)
