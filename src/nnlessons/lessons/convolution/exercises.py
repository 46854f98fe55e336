"""Exercises of Lesson 14 (convolution): ``from nnlessons.lessons.convolution import exercises as ex``.

q1  output size for H = 32, K = 5, P = 2, S = 2                     NumberQuestion
q2  number of parameters of Conv2D(3, 16, 5)                        NumberQuestion
q3  write max_pool(x): 2×2 max pooling with stride 2                FunctionQuestion
q4  what does the kernel [[1, 0, −1], [2, 0, −2], [1, 0, −1]] find?  ChoiceQuestion
q5  build it: class MyConv2D, forward with loops                    LayerQuestion
q6  build it: class MyConv2D, forward vectorised                    LayerQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  how many numbers a 3-kernel gives on a 9-number signal            NumberQuestion
c2  the output height of a 3×3 kernel, stride 2, on the 128×128 photo NumberQuestion
c3  the shape of Flatten's output for maps of shape (2, 64, 3, 3)     ShapeQuestion
"""

import numpy as np

from ...exercises.build import LayerQuestion, Trial
from ...exercises.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion, ShapeQuestion, close
from ...layers import Conv2D, output_size

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


def _conv_trials():
    """The cases of q5 and q6: the lesson's stride and padding choices, on batches of images.

    Built as Conv2D(in_channels, out_channels, kernel_size, stride, padding).
    """
    rng = np.random.default_rng(12)
    return [Trial(rng.standard_normal((1, 1, 5, 5)), build=(1, 1, 3)),             # valid, S = 1
            Trial(rng.standard_normal((2, 2, 6, 6)), build=(2, 3, 3, 1, 1)),       # same, two channels
            Trial(rng.standard_normal((1, 1, 8, 8)), build=(1, 2, 3, 2, 0)),       # S = 2: ⌊5/2⌋ + 1
            Trial(rng.standard_normal((1, 2, 7, 7)), build=(2, 2, 3, 2, 1))]       # S = 2, P = 1


def _size(run, plus=1, **changes):
    """The output height for this trial's input by the lesson's formula, with some of its parts
    changed (a forgotten stride is ``stride=1``, a forgotten + 1 is ``plus=0``): the symptoms."""
    config = run.reference.config()
    parts = {"stride": config["stride"], "padding": config["padding"], **changes}
    return output_size(run.inputs[0].shape[2], config["kernel_size"], parts["stride"],
                       parts["padding"], parts["padding"]) - 1 + plus


def _height_is(**changes):
    """A symptom: the reader's output height is the formula's with ``changes``, and that is wrong."""
    def predicate(got, run):
        return np.ndim(got) == 4 and np.shape(got)[2] == _size(run, **changes) != _size(run)
    return predicate


def _flipped(run):
    """The output of a *true* convolution (kernel flipped), which libraries do not compute."""
    layer = Conv2D(**run.reference.config())
    layer.weights = run.params["weights"][:, :, ::-1, ::-1]
    layer.biases = run.params["biases"]
    return layer.forward(run.inputs[0])


CONV_SYMPTOMS = {"output": [
    (_height_is(plus=0), {
        "en": "Your output is one row short: H_out = ⌊(H + 2P − K) / S⌋ + 1; did you forget the + 1 "
              "(the kernel's first position)?",
        "pt": "Sua saída tem uma linha a menos: H_out = ⌊(H + 2P − K) / S⌋ + 1; esqueceu o + 1 (a "
              "primeira posição do kernel)?",
    }),
    (_height_is(plus=2), {
        "en": "Your output has one row too many: the last window must fit inside the padded image.",
        "pt": "Sua saída tem uma linha a mais: a última janela precisa caber dentro da imagem com preenchimento.",
    }),
    (_height_is(stride=1), {
        "en": "Your output has the size of stride 1: the window must jump S pixels (y·S) and the size "
              "formula divides by S.",
        "pt": "Sua saída tem o tamanho do passo 1: a janela precisa pular S pixels (y·S) e a fórmula do "
              "tamanho divide por S.",
    }),
    (_height_is(padding=0), {
        "en": "Your output has the size without padding: add P rows and columns of zeros around each image first.",
        "pt": "Sua saída tem o tamanho sem preenchimento: acrescente antes P linhas e colunas de zeros em "
              "volta de cada imagem.",
    }),
    (lambda got, run: close(got, run.expected - run.params["biases"][None, :, None, None]), {
        "en": "Every value is off by its filter's bias: add biases[o] to map o.",
        "pt": "Cada valor está errado pelo viés do seu filtro: some biases[o] ao mapa o.",
    }),
    (lambda got, run: close(got, _flipped(run)), {
        "en": "You flipped the kernel (the mathematicians' convolution): like every library, the lesson "
              "multiplies window and kernel as they are (cross-correlation).",
        "pt": "Você inverteu o kernel (a convolução dos matemáticos): como toda biblioteca, a lição "
              "multiplica janela e kernel como estão (correlação cruzada).",
    }),
]}

_CONV_SOLUTION_LOOPS = (
    "\n\nclass MyConv2D:\n    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0):\n"
    "        self.stride, self.padding = stride, padding\n"
    "        self.weights = 0.1 * np.random.randn(out_channels, in_channels, kernel_size, kernel_size)\n"
    "        self.biases = np.zeros(out_channels)\n\n    def forward(self, inputs):\n"
    "        n, c, h, w = inputs.shape\n        o, _, k, _ = self.weights.shape\n"
    "        s, p = self.stride, self.padding\n"
    "        padded = np.pad(inputs, ((0, 0), (0, 0), (p, p), (p, p)))\n"
    "        out_h, out_w = (h + 2 * p - k) // s + 1, (w + 2 * p - k) // s + 1\n"
    "        self.output = np.zeros((n, o, out_h, out_w))\n        for y in range(out_h):\n"
    "            for x in range(out_w):\n"
    "                window = padded[:, :, y * s:y * s + k, x * s:x * s + k]\n"
    "                for j in range(o):\n"
    "                    self.output[:, j, y, x] = np.sum(window * self.weights[j], axis=(1, 2, 3)) + self.biases[j]\n"
    "        return self.output\n\n")
_CONV_SOLUTION_VECTOR = (
    "\n\nclass MyConv2D:\n    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0):\n"
    "        self.stride, self.padding = stride, padding\n"
    "        self.weights = 0.1 * np.random.randn(out_channels, in_channels, kernel_size, kernel_size)\n"
    "        self.biases = np.zeros(out_channels)\n\n    def forward(self, inputs):\n"
    "        o, _, k, _ = self.weights.shape\n        s, p = self.stride, self.padding\n"
    "        padded = np.pad(inputs, ((0, 0), (0, 0), (p, p), (p, p)))\n"
    "        windows = np.lib.stride_tricks.sliding_window_view(padded, (k, k), axis=(2, 3))[:, :, ::s, ::s]\n"
    "        self.output = np.einsum('ncyxij,ocij->noyx', windows, self.weights) + self.biases[:, None, None]\n"
    "        return self.output\n\n")

q5 = LayerQuestion(
    "convolution.q5", Conv2D, trials=_conv_trials(), params=("weights", "biases"), symptoms=CONV_SYMPTOMS,
    hint={
        "en": "Pad with np.pad, compute out_h = (h + 2p − k) // s + 1 (likewise out_w), then for every "
              "output position (y, x) take the window padded[:, :, y*s:y*s+k, x*s:x*s+k] and, for every "
              "filter j, sum window * weights[j] over its channels and pixels, plus biases[j].",
        "pt": "Preencha com np.pad, calcule out_h = (h + 2p − k) // s + 1 (idem out_w), e então para cada "
              "posição (y, x) da saída pegue a janela padded[:, :, y*s:y*s+k, x*s:x*s+k] e, para cada "
              "filtro j, some window * weights[j] nos canais e pixels, mais biases[j].",
    },
    solution={
        "en": _CONV_SOLUTION_LOOPS + "Three loops (positions y, x and filters); the batch and the "
              "channels are summed by NumPy.",
        "pt": _CONV_SOLUTION_LOOPS + "Três laços (posições y, x e filtros); o lote e os canais são "
              "somados pelo NumPy.",
    },
    right={
        "en": "Your loops compute exactly nnlessons' Conv2D, with stride and padding.",
        "pt": "Seus laços calculam exatamente a Conv2D do nnlessons, com passo e preenchimento.",
    },
)

q6 = LayerQuestion(
    "convolution.q6", Conv2D, trials=_conv_trials(), params=("weights", "biases"), symptoms=CONV_SYMPTOMS,
    hint={
        "en": "np.lib.stride_tricks.sliding_window_view(padded, (k, k), axis=(2, 3)) gives every k×k "
              "window at once, shape (n, c, H − k + 1, W − k + 1, k, k); keep every s-th with [:, :, ::s, ::s]. "
              "Then one np.einsum (or a reshape and @) multiplies every window with every filter.",
        "pt": "np.lib.stride_tricks.sliding_window_view(padded, (k, k), axis=(2, 3)) dá todas as janelas "
              "k×k de uma vez, formato (n, c, H − k + 1, W − k + 1, k, k); fique com uma a cada s com "
              "[:, :, ::s, ::s]. Depois um np.einsum (ou um reshape e @) multiplica cada janela por cada filtro.",
    },
    solution={
        "en": _CONV_SOLUTION_VECTOR + "No Python loop: the windows are a view of the padded images, and "
              "einsum sums over channels (c) and kernel pixels (i, j). nnlessons' Conv2D does the same "
              "with im2col and one matrix product.",
        "pt": _CONV_SOLUTION_VECTOR + "Nenhum laço em Python: as janelas são uma vista das imagens com "
              "preenchimento, e o einsum soma nos canais (c) e nos pixels do kernel (i, j). A Conv2D do "
              "nnlessons faz o mesmo com im2col e um único produto de matrizes.",
    },
    right={
        "en": "Same numbers as the loops and as nnlessons' Conv2D, without a Python loop over pixels.",
        "pt": "Os mesmos números dos laços e da Conv2D do nnlessons, sem laço em Python sobre os pixels.",
    },
)


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = NumberQuestion(
    "convolution.c1", 7,
    symptoms={"output": [(lambda got, run: got == 9, {
        "en": "9 would need the kernel to hang over the ends; here it only slides where it fits whole.",
        "pt": "9 exigiria que o kernel passasse das pontas; aqui ele só desliza onde cabe inteiro.",
    })]},
    hint={
        "en": "Count the positions where 3 numbers fit inside 9: the first starts at 0, the last at 9 − 3.",
        "pt": "Conte as posições em que 3 números cabem dentro de 9: a primeira começa em 0, a última em 9 − 3.",
    },
    solution={
        "en": "7 = 9 − 3 + 1: the window can start at 0, 1, …, 6.",
        "pt": "7 = 9 − 3 + 1: a janela pode começar em 0, 1, …, 6.",
    },
    right={
        "en": "N − K + 1: the output-size formula of this lesson, with no padding and stride 1.",
        "pt": "N − K + 1: a fórmula do tamanho da saída desta lição, sem preenchimento e com passo 1.",
    },
    wrong={
        "en": "The kernel needs 3 numbers under it: how many starting positions leave room for all three?",
        "pt": "O kernel precisa de 3 números embaixo dele: quantas posições de partida deixam espaço para os três?",
    },
)

c2 = NumberQuestion(
    "convolution.c2", 63,
    symptoms={"output": [(lambda got, run: got == 62, {
        "en": "62 is ⌊(128 − 3)/2⌋, the jumps: add the starting position.",
        "pt": "62 é ⌊(128 − 3)/2⌋, os saltos: some a posição inicial.",
    })]},
    hint={
        "en": "⌊(H − K)/S⌋ jumps plus the starting position, with H = 128, K = 3, S = 2.",
        "pt": "⌊(H − K)/S⌋ saltos mais a posição inicial, com H = 128, K = 3, S = 2.",
    },
    solution={
        "en": "⌊(128 − 3)/2⌋ + 1 = ⌊62.5⌋ + 1 = 63: the window starts at rows 0, 2, …, 124.",
        "pt": "⌊(128 − 3)/2⌋ + 1 = ⌊62,5⌋ + 1 = 63: a janela começa nas linhas 0, 2, …, 124.",
    },
    right={
        "en": "About half of 128, as stride 2 promises, minus the rows where a 3×3 window no longer fits.",
        "pt": "Cerca da metade de 128, como o passo 2 promete, menos as linhas em que uma janela 3×3 já não cabe.",
    },
    wrong={
        "en": "Count where the window can start: 0, 2, 4, … as long as 3 rows still fit below.",
        "pt": "Conte onde a janela pode começar: 0, 2, 4, … enquanto ainda couberem 3 linhas abaixo.",
    },
)

c3 = ShapeQuestion(
    "convolution.c3", (2, 576),
    symptoms={"output": [(lambda got, run: tuple(got) == (576,), {
        "en": "576 numbers per sample is right, but the batch axis stays: Flatten keeps the 2 samples apart.",
        "pt": "576 números por amostra está certo, mas o eixo do lote fica: o Flatten mantém as 2 amostras "
              "separadas.",
    })]},
    hint={
        "en": "Flatten keeps axis 0 (the samples) and lines up the rest: C·H·W numbers per sample.",
        "pt": "O Flatten mantém o eixo 0 (as amostras) e enfileira o resto: C·H·W números por amostra.",
    },
    solution={
        "en": "(2, 576): 2 samples, each with 64·3·3 = 576 numbers, ready for a Dense(576, ...).",
        "pt": "(2, 576): 2 amostras, cada uma com 64·3·3 = 576 números, prontos para uma Dense(576, ...).",
    },
    right={
        "en": "One row per sample, as every Dense layer since lesson 03 expects.",
        "pt": "Uma linha por amostra, como toda camada Dense espera desde a lição 03.",
    },
    wrong={
        "en": "Two samples go in, two rows come out; only each sample's (64, 3, 3) block becomes a row.",
        "pt": "Entram duas amostras, saem duas linhas; só o bloco (64, 3, 3) de cada amostra vira uma linha.",
    },
)
