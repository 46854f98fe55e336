"""Exercises of Lesson 15 (convolutional networks): ``from nnlessons.lessons.cnn import exercises as ex``.

q1  number of parameters of Conv2D(32, 64, 3)                          NumberQuestion
q2  length after Flatten of a small CNN on 28×28 images                NumberQuestion
q3  receptive field of three stacked 3×3 convolutions                  NumberQuestion
q4  write per_class_accuracy(matrix) from a confusion matrix           FunctionQuestion
q5  precision of one class from a 2×2 confusion matrix                 NumberQuestion
q6  build it: class MyMaxPool2D, forward and backward                  LayerQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  how many of the 1797 digits X_train holds after a 20% test split    NumberQuestion
c2  the receptive field after conv 3×3 → pool 2 → conv 3×3              NumberQuestion
c3  the number of parameters of the second layer, Conv2D(16, 32, 3)     NumberQuestion
"""

import numpy as np

from ...exercises.build import LayerQuestion, Trial
from ...exercises.questions import FunctionQuestion, NumberQuestion, close
from ...i18n import register
from ...layers import MaxPool2D

q1 = NumberQuestion(
    "cnn.q1", 18496,
    hint={
        "en": "out_channels × in_channels × K × K weights, plus one bias per output channel.",
        "pt": "out_channels × in_channels × K × K pesos, mais um viés por canal de saída.",
    },
    solution={
        "en": "18496 = 64 · 32 · 3 · 3 + 64 = 18432 + 64. Each of the 64 filters looks at all 32 "
              "input maps through a 3×3 window.",
        "pt": "18496 = 64 · 32 · 3 · 3 + 64 = 18432 + 64. Cada um dos 64 filtros olha todos os 32 "
              "mapas de entrada por uma janela 3×3.",
    },
    right={
        "en": "Deeper conv layers hold most of a CNN's convolution weights, because both channel counts grow.",
        "pt": "As camadas convolucionais mais fundas guardam a maior parte dos pesos de convolução, "
              "porque os dois números de canais crescem.",
    },
    wrong={
        "en": "Did you multiply by the 32 input channels, and add the 64 biases?",
        "pt": "Você multiplicou pelos 32 canais de entrada e somou os 64 vieses?",
    },
)

q2 = NumberQuestion(
    "cnn.q2", 400,
    hint={
        "en": "Follow the side length: a 'valid' 3×3 convolution takes 2 away, MaxPool2D(2) "
              "halves it rounding down. At the end multiply channels × height × width.",
        "pt": "Acompanhe o lado: uma convolução 3×3 'valid' tira 2, a MaxPool2D(2) divide por 2 "
              "arredondando para baixo. No fim multiplique canais × altura × largura.",
    },
    solution={
        "en": "400. Side lengths: 28 → conv 26 → pool 13 → conv 11 → pool ⌊11 / 2⌋ = 5; the last "
              "map is 16×5×5, which Flatten turns into 16 · 5 · 5 = 400 numbers. The first Dense "
              "layer therefore needs n_inputs = 400.",
        "pt": "400. Lados: 28 → conv 26 → pool 13 → conv 11 → pool ⌊11 / 2⌋ = 5; o último mapa é "
              "16×5×5, que a Flatten transforma em 16 · 5 · 5 = 400 números. A primeira camada "
              "Dense precisa então de n_inputs = 400.",
    },
    right={
        "en": "Getting this number right is what makes the first Dense layer fit.",
        "pt": "Acertar esse número é o que faz a primeira camada Dense encaixar.",
    },
    wrong={
        "en": "Pooling 11 pixels in pairs leaves 5 (the last pixel has no partner and is dropped).",
        "pt": "Agrupar 11 pixels em pares deixa 5 (o último pixel fica sem par e é descartado).",
    },
)

q3 = NumberQuestion(
    "cnn.q3", 7,
    hint={
        "en": "Each 3×3 convolution with stride 1 widens the receptive field by 3 − 1 = 2 pixels; "
              "the first one sees 3 pixels per side.",
        "pt": "Cada convolução 3×3 com passo 1 alarga o campo receptivo em 3 − 1 = 2 pixels; a "
              "primeira vê 3 pixels por lado.",
    },
    solution={
        "en": "7: 3 after the first layer, 3 + 2 = 5 after the second, 5 + 2 = 7 after the third. "
              "Three 3×3 layers see as far as one 7×7 layer, with 3 · 9 = 27 weights per channel "
              "pair instead of 49 and two more non-linearities in between (the idea behind VGG).",
        "pt": "7: 3 depois da primeira camada, 3 + 2 = 5 depois da segunda, 5 + 2 = 7 depois da "
              "terceira. Três camadas 3×3 enxergam tão longe quanto uma 7×7, com 3 · 9 = 27 pesos "
              "por par de canais em vez de 49 e duas não linearidades a mais no meio (a ideia da VGG).",
    },
    right={
        "en": "Stacking small kernels is how deep layers come to see large patterns.",
        "pt": "Empilhar kernels pequenos é como as camadas fundas passam a ver padrões grandes.",
    },
    wrong={
        "en": "Count per side, not pixels in the area, and remember each layer adds K − 1.",
        "pt": "Conte por lado, não a área em pixels, e lembre que cada camada soma K − 1.",
    },
)


def _per_class_accuracy(matrix):
    """Reference for q4: diagonal / row sums, the accuracy on each true class."""
    matrix = np.asarray(matrix, dtype=float)
    return np.diag(matrix) / matrix.sum(axis=1)


q4 = FunctionQuestion(
    "cnn.q4", _per_class_accuracy, cases=[
        np.array([[5, 1], [2, 2]]),
        np.array([[3, 0, 1], [0, 4, 0], [2, 2, 4]]),
        np.array([[10, 0, 0], [0, 7, 3], [1, 0, 9]]),
    ],
    hint={
        "en": "Row t of the matrix holds every test sample of class t; the diagonal entry "
              "matrix[t, t] counts those predicted right. np.diag(matrix) and matrix.sum(axis=1) "
              "give both at once.",
        "pt": "A linha t da matriz tem todas as amostras de teste da classe t; o elemento da "
              "diagonal matrix[t, t] conta as previstas certo. np.diag(matrix) e "
              "matrix.sum(axis=1) dão as duas coisas de uma vez.",
    },
    solution={
        "en": "\n\ndef per_class_accuracy(matrix):\n    return np.diag(matrix) / matrix.sum(axis=1)\n\n"
              "Right answers of each class divided by how many samples the class has.",
        "pt": "\n\ndef per_class_accuracy(matrix):\n    return np.diag(matrix) / matrix.sum(axis=1)\n\n"
              "Acertos de cada classe divididos por quantas amostras a classe tem.",
    },
    right={
        "en": "Now you can see which digits the network finds hardest.",
        "pt": "Agora dá para ver quais dígitos a rede acha mais difíceis.",
    },
    wrong={
        "en": "Divide each diagonal count by its row's total (the samples of that class), not by the column's.",
        "pt": "Divida cada contagem da diagonal pelo total da sua linha (as amostras daquela classe), "
              "não da coluna.",
    },
)


def _pool_trials():
    """Images with no ties inside a window (so the maximum, and its gradient, is unique)."""
    rng = np.random.default_rng(5)
    small = rng.permutation(16).reshape(1, 1, 4, 4) / 4.0
    batch = rng.permutation(2 * 3 * 6 * 4).reshape(2, 3, 6, 4) / 10.0 - 3.0
    return [Trial(small, build=(2,), dvalues=rng.standard_normal((1, 1, 2, 2))),
            Trial(batch, build=(2,), dvalues=rng.standard_normal((2, 3, 3, 2)))]


def _spread(dvalues, share=1.0):
    """Every pixel of a 2×2 window gets ``share`` × its window's gradient (the symptoms)."""
    return share * np.repeat(np.repeat(dvalues, 2, axis=2), 2, axis=3)


#: The code of q6's solution, the same in both languages (only the explanation is translated).
POOL_SOLUTION = (
    "\n\nclass MyMaxPool2D:\n    def __init__(self, pool_size=2):\n        self.k = pool_size\n\n"
    "    def forward(self, inputs):\n        n, c, h, w = inputs.shape\n        k = self.k\n"
    "        self.inputs = inputs\n"
    "        self.output = inputs.reshape(n, c, h // k, k, w // k, k).max(axis=(3, 5))\n"
    "        return self.output\n\n    def backward(self, dvalues):\n        k = self.k\n"
    "        biggest = np.repeat(np.repeat(self.output, k, axis=2), k, axis=3)\n"
    "        winners = self.inputs == biggest\n"
    "        self.dinputs = winners * np.repeat(np.repeat(dvalues, k, axis=2), k, axis=3)\n"
    "        return self.dinputs\n\n"
)

q6 = LayerQuestion(
    "cnn.q6", MaxPool2D, trials=_pool_trials(),
    symptoms={
        "output": [
            (lambda got, run: close(got, run.inputs[0].reshape(*run.expected.shape[:2], run.expected.shape[2], 2,
                                                               run.expected.shape[3], 2).mean(axis=(3, 5))), {
                "en": "That is the mean of each window (average pooling): max pooling keeps the largest value.",
                "pt": "Essa é a média de cada janela (pooling pela média): o max pooling fica com o maior valor.",
            }),
        ],
        "dinputs": [
            (lambda got, run: close(got, _spread(run.dvalues)), {
                "en": "Every pixel of a window got the window's gradient: only the pixel that held the "
                      "maximum changed the output, so only it gets the gradient; the others get 0.",
                "pt": "Todo pixel da janela recebeu o gradiente da janela: só o pixel que tinha o máximo "
                      "mudou a saída, então só ele recebe o gradiente; os outros recebem 0.",
            }),
            (lambda got, run: close(got, _spread(run.dvalues, 0.25)), {
                "en": "You shared the gradient equally, as average pooling does: in max pooling it all goes "
                      "to the maximum.",
                "pt": "Você dividiu o gradiente por igual, como no pooling pela média: no max pooling "
                      "ele vai todo para o máximo.",
            }),
        ],
    },
    hint={
        "en": "forward: for each 2×2 window keep the maximum (a reshape to (n, c, H/2, 2, W/2, 2) and "
              ".max(axis=(3, 5)) does it), and remember the inputs. backward: dinputs starts as zeros "
              "like the inputs; each window's gradient goes to the pixel equal to the window's maximum.",
        "pt": "forward: em cada janela 2×2 fique com o máximo (um reshape para (n, c, H/2, 2, W/2, 2) e "
              ".max(axis=(3, 5)) fazem isso), e guarde as entradas. backward: dinputs começa com zeros "
              "como as entradas; o gradiente de cada janela vai para o pixel igual ao máximo da janela.",
    },
    solution={
        "en": POOL_SOLUTION + "Copy each window's maximum and gradient back onto its k×k pixels; the mask "
                              "keeps the gradient only where the pixel is the maximum (ties aside, exactly one "
                              "per window).",
        "pt": POOL_SOLUTION + "Copie o máximo e o gradiente de cada janela de volta sobre os seus k×k pixels; "
                              "a máscara deixa o gradiente só onde o pixel é o máximo (fora empates, exatamente "
                              "um por janela).",
    },
    right={
        "en": "Forward and backward agree with nnlessons' MaxPool2D and with the numerical gradient: the "
              "gradient flows only through each window's winner.",
        "pt": "Forward e backward concordam com a MaxPool2D do nnlessons e com o gradiente numérico: o "
              "gradiente passa só pelo vencedor de cada janela.",
    },
)

q5 = NumberQuestion(
    "cnn.q5", 0.75, atol=0.005,
    hint={
        "en": "Precision looks down a column: of everything the classifier called a dog (column 1), "
              "which fraction really was a dog?",
        "pt": "A precisão olha uma coluna: de tudo o que o classificador chamou de cachorro (coluna 1), "
              "que fração era mesmo cachorro?",
    },
    solution={
        "en": "0.75 = 6 / (2 + 6). Column 1 holds the 8 photos called \"dog\": 6 dogs and 2 cats. "
              "The recall of \"dog\" is 6 / (4 + 6) = 0.6 (row 1), and F1 = 2 · 0.75 · 0.6 / 1.35 ≈ 0.667.",
        "pt": "0,75 = 6 / (2 + 6). A coluna 1 tem as 8 fotos chamadas de \"cachorro\": 6 cachorros e 2 gatos. "
              "A revocação de \"cachorro\" é 6 / (4 + 6) = 0,6 (linha 1), e F1 = 2 · 0,75 · 0,6 / 1,35 ≈ 0,667.",
    },
    right={
        "en": "Of the 8 photos called \"dog\" (column 1), 6 were dogs: precision reads a column, recall a row.",
        "pt": "Das 8 fotos chamadas de \"cachorro\" (coluna 1), 6 eram cachorros: a precisão lê uma coluna, "
              "a revocação, uma linha.",
    },
    wrong={
        "en": "0.6 would be the recall (row 1: of the 10 real dogs, 6 were found). Precision divides by the column.",
        "pt": "0,6 seria a revocação (linha 1: dos 10 cachorros de verdade, 6 foram achados). A precisão divide "
              "pela coluna.",
    },
)

register({
    "cnn.scaling.border": {"en": "images whose leftmost pixel column is all 0:",
                           "pt": "imagens com a coluna de pixels da esquerda toda em 0:"},
    "cnn.scores.digit": {"en": "digit", "pt": "dígito"},
    "cnn.scores.precision": {"en": "precision", "pt": "precisão"},
    "cnn.scores.recall": {"en": "recall", "pt": "revocação"},
    "cnn.scores.lowest": {"en": "lowest precision: {precision}   lowest recall: {recall}   lowest F1: {f1}",
                          "pt": "menor precisão: {precision}   menor revocação: {recall}   menor F1: {f1}"},
})


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = NumberQuestion(
    "cnn.c1", 1438, atol=1,
    symptoms={"output": [(lambda got, run: abs(got - 359) <= 1, {
        "en": "About 359 is the test part, the 20% set aside; X_train keeps the rest.",
        "pt": "Cerca de 359 é a parte de teste, os 20% separados; o X_train fica com o resto.",
    })]},
    hint={
        "en": "1797 digits, 20% of them set aside for testing: X_train holds the other 80%.",
        "pt": "1797 dígitos, 20% deles separados para o teste: o X_train fica com os outros 80%.",
    },
    solution={
        "en": "0.8 · 1797 = 1437.6, so 1438 digits for training and 359 for testing (the split rounds the test "
              "part down). X_train's shape is (1438, 1, 8, 8): samples, one channel, 8×8 pixels.",
        "pt": "0,8 · 1797 = 1437,6, então 1438 dígitos para o treino e 359 para o teste (a divisão arredonda a "
              "parte de teste para baixo). O formato de X_train é (1438, 1, 8, 8): amostras, um canal, 8×8 "
              "pixels.",
    },
    right={
        "en": "About 1400 digits to learn from, and about 360 the network never sees until the test.",
        "pt": "Uns 1400 dígitos para aprender e uns 360 que a rede só vê no teste.",
    },
    wrong={
        "en": "With test_size=0.2, a fifth of the digits stay out of X_train; multiply 1797 by what is left.",
        "pt": "Com test_size=0.2, um quinto dos dígitos fica fora do X_train; multiplique 1797 pelo que sobra.",
    },
)

c2 = NumberQuestion(
    "cnn.c2", 8,
    symptoms={"output": [(lambda got, run: got == 5, {
        "en": "5 is two 3×3 convolutions with nothing in between; the pooling doubles the jump j before the "
              "second one.",
        "pt": "5 seria de duas convoluções 3×3 sem nada entre elas; o pooling dobra o salto j antes da segunda.",
    })]},
    hint={
        "en": "Start with r = j = 1. Conv 3×3: r = 1 + 2·1 = 3. MaxPool 2: r = 3 + 1·1 = 4, and j becomes 2. "
              "Then the second conv 3×3: r = 4 + 2·j.",
        "pt": "Comece com r = j = 1. Conv 3×3: r = 1 + 2·1 = 3. MaxPool 2: r = 3 + 1·1 = 4, e j vira 2. "
              "Depois a segunda conv 3×3: r = 4 + 2·j.",
    },
    solution={
        "en": "8: r = 3 after the first conv, 4 after the pooling (j = 2), 4 + 2·2 = 8 after the second conv: "
              "the whole 8×8 digit.",
        "pt": "8: r = 3 depois da primeira conv, 4 depois do pooling (j = 2), 4 + 2·2 = 8 depois da segunda "
              "conv: o dígito 8×8 inteiro.",
    },
    right={
        "en": "Two small kernels with a pooling between them already see the whole digit: the second layer "
              "combines parts into wholes.",
        "pt": "Dois kernels pequenos com um pooling entre eles já veem o dígito inteiro: a segunda camada junta "
              "partes em formas inteiras.",
    },
    wrong={
        "en": "After the pooling, neighbours in the map are 2 pixels apart in the image, so each extra step "
              "of the next kernel reaches 2 pixels further.",
        "pt": "Depois do pooling, vizinhos no mapa estão a 2 pixels de distância na imagem, então cada passo a "
              "mais do kernel seguinte alcança 2 pixels adiante.",
    },
)

c3 = NumberQuestion(
    "cnn.c3", 32 * 16 * 3 * 3 + 32,
    symptoms={"output": [
        (lambda got, run: got == 32 * 16 * 9, {
            "en": "That is the weights alone: each of the 32 filters also has a bias.",
            "pt": "Isso são só os pesos: cada um dos 32 filtros também tem um viés.",
        }),
        (lambda got, run: got == 32 * 9 + 32, {
            "en": "Each filter has a 3×3 kernel for each of the 16 input channels, not just one.",
            "pt": "Cada filtro tem um kernel 3×3 para cada um dos 16 canais de entrada, e não um só.",
        }),
    ]},
    hint={
        "en": "F filters of shape C × K × K, plus one bias per filter: F·C·K² + F with F = 32, C = 16, K = 3.",
        "pt": "F filtros de formato C × K × K, mais um viés por filtro: F·C·K² + F com F = 32, C = 16, K = 3.",
    },
    solution={
        "en": "32 · 16 · 3 · 3 + 32 = 4608 + 32 = 4640, whatever the size of the image.",
        "pt": "32 · 16 · 3 · 3 + 32 = 4608 + 32 = 4640, seja qual for o tamanho da imagem.",
    },
    right={
        "en": "Most of them are in the 16 channels each filter reads; the 8×8 image size is not in the count.",
        "pt": "A maior parte vem dos 16 canais que cada filtro lê; o tamanho 8×8 da imagem não entra na conta.",
    },
    wrong={
        "en": "Count one filter first: a 3×3 kernel for every input channel, plus its bias. Then 32 of them.",
        "pt": "Conte um filtro primeiro: um kernel 3×3 para cada canal de entrada, mais o seu viés. Depois, 32 "
              "deles.",
    },
)
