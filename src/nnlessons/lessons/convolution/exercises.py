"""Exercises of Lesson 11 (convolution): ``from nnlessons.lessons.convolution import exercises as ex``.

q1  output size for H = 32, K = 5, P = 2, S = 2                     NumberQuestion
q2  number of parameters of Conv2D(3, 16, 5)                        NumberQuestion
q3  write max_pool(x): 2×2 max pooling with stride 2                FunctionQuestion
q4  what does the kernel [[1, 0, −1], [2, 0, −2], [1, 0, −1]] find?  ChoiceQuestion
"""

import numpy as np

from ...exercises.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion

q1 = NumberQuestion(
    "convolution.q1", 16,
    hint={
        "en": "Use ⌊(H + 2P − K) / S⌋ + 1: first add the zeros, then see how many kernel "
              "positions fit, then count the jumps of S.",
        "pt": "Use ⌊(H + 2P − K) / S⌋ + 1: primeiro some os zeros, depois veja quantas posições "
              "do kernel cabem, depois conte os saltos de S.",
    },
    solution={
        "en": "16. With the zeros the image is 32 + 2·2 = 36 pixels wide; a 5-pixel kernel has "
              "36 − 5 = 31 pixels to travel, which at 2 per step is ⌊31 / 2⌋ = 15 steps, plus "
              "the starting position: 15 + 1 = 16.",
        "pt": "16. Com os zeros a imagem tem 32 + 2·2 = 36 pixels de largura; um kernel de 5 pixels "
              "tem 36 − 5 = 31 pixels para percorrer, o que, andando 2 por vez, dá ⌊31 / 2⌋ = 15 "
              "passos, mais a posição inicial: 15 + 1 = 16.",
    },
    right={
        "en": "Stride 2 roughly halves the size: this is how a CNN shrinks its maps without pooling.",
        "pt": "Passo 2 reduz o tamanho mais ou menos à metade: é assim que uma CNN encolhe os mapas sem pooling.",
    },
    wrong={
        "en": "Check the order: add 2P, subtract K, divide by S rounding down, then add 1.",
        "pt": "Confira a ordem: some 2P, subtraia K, divida por S arredondando para baixo e some 1.",
    },
)

q2 = NumberQuestion(
    "convolution.q2", 1216,
    hint={
        "en": "Each of the 16 filters is a block of in_channels × K × K weights, and each filter "
              "has one bias.",
        "pt": "Cada um dos 16 filtros é um bloco de in_channels × K × K pesos, e cada filtro tem "
              "um viés.",
    },
    solution={
        "en": "1216 = 16 filters × (3 · 5 · 5 = 75 weights) + 16 biases = 1200 + 16. The "
              "image size does not appear: the same weights are shared by every position.",
        "pt": "1216 = 16 filtros × (3 · 5 · 5 = 75 pesos) + 16 vieses = 1200 + 16. O tamanho da "
              "imagem não aparece: os mesmos pesos são compartilhados por todas as posições.",
    },
    right={
        "en": "And it stays 1216 for a 32×32 or a 1000×1000 image: that is weight sharing.",
        "pt": "E continua 1216 para uma imagem de 32×32 ou de 1000×1000: isso é compartilhar pesos.",
    },
    wrong={
        "en": "Did you count the 3 input channels in every filter, and one bias per filter?",
        "pt": "Você contou os 3 canais de entrada em cada filtro, e um viés por filtro?",
    },
)


def _max_pool(x):
    """Reference for q3: 2×2 max pooling with stride 2 of a 2-D array with even sides."""
    x = np.asarray(x, dtype=float)
    height, width = x.shape
    return x.reshape(height // 2, 2, width // 2, 2).max(axis=(1, 3))


def _cases():
    rng = np.random.default_rng(11)
    return [(np.arange(16.0).reshape(4, 4),),
            (rng.integers(-9, 10, size=(2, 6)).astype(float),),
            (rng.integers(0, 10, size=(6, 4)).astype(float),)]


q3 = FunctionQuestion(
    "convolution.q3", _max_pool, cases=_cases(),
    hint={
        "en": "Loop over the output positions (y, x), with y in range(H // 2) and x in "
              "range(W // 2); each one is x[2*y:2*y+2, 2*x:2*x+2].max(). Or, without loops: "
              "x.reshape(H // 2, 2, W // 2, 2).max(axis=(1, 3)).",
        "pt": "Percorra as posições da saída (y, x), com y em range(H // 2) e x em range(W // 2); "
              "cada uma vale x[2*y:2*y+2, 2*x:2*x+2].max(). Ou, sem laços: "
              "x.reshape(H // 2, 2, W // 2, 2).max(axis=(1, 3)).",
    },
    solution={
        "en": "\n\ndef max_pool(x):\n    H, W = x.shape\n    out = np.zeros((H // 2, W // 2))\n"
              "    for y in range(H // 2):\n        for x_ in range(W // 2):\n"
              "            out[y, x_] = x[2 * y:2 * y + 2, 2 * x_:2 * x_ + 2].max()\n"
              "    return out\n\nEach output number is the largest of one 2×2 block; the blocks "
              "do not overlap because the stride equals the window.",
        "pt": "\n\ndef max_pool(x):\n    H, W = x.shape\n    out = np.zeros((H // 2, W // 2))\n"
              "    for y in range(H // 2):\n        for x_ in range(W // 2):\n"
              "            out[y, x_] = x[2 * y:2 * y + 2, 2 * x_:2 * x_ + 2].max()\n"
              "    return out\n\nCada número da saída é o maior de um bloco 2×2; os blocos não "
              "se sobrepõem porque o passo é igual à janela.",
    },
    right={
        "en": "That is MaxPool2D(2)'s forward pass on one map.",
        "pt": "Isso é o forward da MaxPool2D(2) num mapa.",
    },
    wrong={
        "en": "The output has half the rows and half the columns; each number is the maximum of "
              "a 2×2 block that starts at (2·y, 2·x).",
        "pt": "A saída tem metade das linhas e metade das colunas; cada número é o máximo de um "
              "bloco 2×2 que começa em (2·y, 2·x).",
    },
)

q4 = ChoiceQuestion(
    "convolution.q4", {
        "vertical edges": {"en": "vertical edges", "pt": "bordas verticais"},
        "horizontal edges": {"en": "horizontal edges", "pt": "bordas horizontais"},
        "blur": {"en": "blur", "pt": "desfoque"},
        "sharpen": {"en": "sharpen", "pt": "nitidez"},
    }, expected="vertical edges",
    hint={
        "en": "Compare the left column of the kernel with the right one. Where does the output get "
              "big: where the image changes from left to right, or from top to bottom?",
        "pt": "Compare a coluna da esquerda do kernel com a da direita. Onde a saída fica grande: "
              "onde a imagem muda da esquerda para a direita, ou de cima para baixo?",
    },
    solution={
        "en": "'vertical edges'. It is Sobel x with the sign flipped: it computes (left column − "
              "right column), so it is 0 on flat regions and large where the brightness changes "
              "from left to right, that is, on vertical edges (bright on the left gives a positive "
              "output, bright on the right a negative one).",
        "pt": "'bordas verticais'. É o Sobel x com o sinal trocado: calcula (coluna da esquerda − "
              "coluna da direita), então dá 0 em regiões lisas e fica grande onde o brilho muda da "
              "esquerda para a direita, ou seja, nas bordas verticais (claro à esquerda dá saída "
              "positiva, claro à direita, negativa).",
    },
    right={
        "en": "Its numbers sum to 0, so flat regions give 0 and only changes light up.",
        "pt": "Seus números somam 0, então regiões lisas dão 0 e só as mudanças acendem.",
    },
    wrong={
        "en": "The kernel's numbers sum to 0 and only change from left to right.",
        "pt": "Os números do kernel somam 0 e só mudam da esquerda para a direita.",
    },
)
