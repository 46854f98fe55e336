"""Exercises of Lesson 05 (losses and error metrics): ``from nnlessons.lessons.losses import exercises as ex``.

q1  the RMSE of four predictions                                   NumberQuestion
q2  the mean categorical cross-entropy of a batch of three         NumberQuestion
q3  write binary cross-entropy, clipped so that p = 0 or 1 is safe  FunctionQuestion
q4  which loss is least thrown off by a few wild targets?          ChoiceQuestion
q5  MSE of errors that cancel in a plain mean                      NumberQuestion
q6  build it: class MyCategoricalCrossEntropy (forward, clipped)    LayerQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  the MSE of the five-day temperature forecast                     NumberQuestion
c2  missing 20 by 10: does MSLE charge more for 30 or for 10?        ChoiceQuestion
c3  which of four samples has the largest binary cross-entropy?      ChoiceQuestion
"""

import numpy as np

from ...exercises.build import LayerQuestion, Trial
from ...exercises.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion, close, compare_values
from ...losses import BinaryCrossEntropy, CategoricalCrossEntropy

#: q1: delivery times in minutes, true and predicted.
DELIVERY_TRUE = np.array([12.0, 15.0, 9.0, 20.0])
DELIVERY_PRED = np.array([14.0, 15.0, 6.0, 21.0])

#: q2: softmax outputs for three samples over three classes, and their true classes.
PROBS = np.array([[0.7, 0.2, 0.1],
                  [0.1, 0.5, 0.4],
                  [0.02, 0.9, 0.08]])
CLASSES = np.array([0, 2, 1])


def _bce(p, y):
    """Reference for q3: the engine's mean binary cross-entropy of 1-D ``p`` and ``y``."""
    return BinaryCrossEntropy().calculate(np.reshape(p, (-1, 1)), np.reshape(y, (-1, 1)))


#: The clip values a reader may reasonably choose (the engine uses 1e−7; the prompts fix none).
REASONABLE_CLIPS = (1e-15, 1e-3)


def _bce_clipped(p, y, clip):
    p = np.clip(np.asarray(p, dtype=float), clip, 1 - clip)
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


def _cce_clipped(p, y, clip):
    p = np.clip(np.asarray(p, dtype=float), clip, 1 - clip)
    y = np.asarray(y)
    picked = p[np.arange(len(p)), y] if y.ndim == 1 else np.sum(p * y, axis=1)
    return -np.log(picked)


def any_reasonable_clip(loss, got, expected, args, atol=1e-6):
    """"" when ``got`` lies between ``loss(*args, clip)`` for the smallest and the largest
    clip in REASONABLE_CLIPS (any clip value in between is right), else the usual reason."""
    low, high = (loss(*args, clip) for clip in REASONABLE_CLIPS)
    why = compare_values(got, expected, atol=atol, rtol=0)[1]   # a shape or type problem first
    if not why:
        return ""
    got = np.asarray(got, dtype=float)
    if got.shape == np.shape(expected) and np.all((got >= np.minimum(low, high) - atol) &
                                                  (got <= np.maximum(low, high) + atol)):
        return ""
    return why


#: Tips for a wrong cross-entropy (q3, q6), each shown only when its mistake is what happened.
NOT_FINITE = (lambda got, run: not np.all(np.isfinite(np.asarray(got, dtype=float))), {
    "en": "An infinite or NaN result means log(0): clip p to [ε, 1 − ε] (ε = 1e−7, say) before the logs.",
    "pt": "Um resultado infinito ou NaN quer dizer log(0): limite p a [ε, 1 − ε] (ε = 1e−7, por exemplo) "
          "antes dos logs.",
})


q1 = NumberQuestion(
    "losses.q1", np.sqrt(np.mean((DELIVERY_PRED - DELIVERY_TRUE) ** 2)), atol=1e-3, rtol=0,
    hint={
        "en": "Errors first (ŷ − y), then square them, average, and take the square root.",
        "pt": "Primeiro os erros (ŷ − y), depois eleve ao quadrado, tire a média e a raiz quadrada.",
    },
    solution={
        "en": "Errors 2, 0, −3, 1; squares 4, 0, 9, 1; MSE = 14/4 = 3.5; RMSE = √3.5 ≈ 1.871 minutes. "
              "In code: np.sqrt(np.mean((y_pred - y_true) ** 2)).",
        "pt": "Erros 2, 0, −3, 1; quadrados 4, 0, 9, 1; MSE = 14/4 = 3,5; RMSE = √3,5 ≈ 1,871 minuto. "
              "Em código: np.sqrt(np.mean((y_pred - y_true) ** 2)).",
    },
    right={
        "en": "RMSE is in minutes, like the targets: a typical miss of almost 2 minutes.",
        "pt": "O RMSE está em minutos, como os alvos: um erro típico de quase 2 minutos.",
    },
    wrong={
        "en": "Order matters: square, then mean, then square root. 3.5 is the MSE; 1.5 is the MAE.",
        "pt": "A ordem importa: quadrado, depois média, depois raiz. 3,5 é o MSE; 1,5 é o MAE.",
    },
)

q2 = NumberQuestion(
    "losses.q2", -np.mean(np.log(PROBS[np.arange(3), CLASSES])), atol=1e-3, rtol=0,
    hint={
        "en": "For each row take the probability of its true class: probs[[0, 1, 2], classes]. "
              "Then −log of each, and the mean.",
        "pt": "Em cada linha pegue a probabilidade da classe certa: probs[[0, 1, 2], classes]. "
              "Depois −log de cada uma, e a média.",
    },
    solution={
        "en": "The true classes get 0.7, 0.4 and 0.9; −log gives 0.357, 0.916 and 0.105; the mean is "
              "≈ 0.4595. In code: -np.log(probs[np.arange(3), classes]).mean(), or "
              "CategoricalCrossEntropy().calculate(probs, classes).",
        "pt": "As classes certas recebem 0,7, 0,4 e 0,9; −log dá 0,357, 0,916 e 0,105; a média é "
              "≈ 0,4595. Em código: -np.log(probs[np.arange(3), classes]).mean(), ou "
              "CategoricalCrossEntropy().calculate(probs, classes).",
    },
    right={
        "en": "Only the true class's probability counts; the second sample (0.4) costs the most.",
        "pt": "Só a probabilidade da classe certa conta; a segunda amostra (0,4) é a que mais custa.",
    },
    wrong={
        "en": "Use the probability of the *true* class of each row (not the largest one), take −log "
              "(natural log, np.log), then average.",
        "pt": "Use a probabilidade da classe *certa* de cada linha (não a maior), tire −log "
              "(log natural, np.log) e depois a média.",
    },
)

q3 = FunctionQuestion(
    "losses.q3", _bce, cases=[
        (np.array([0.9, 0.2]), np.array([1.0, 0.0])),
        (np.array([0.5, 0.5, 0.99]), np.array([1.0, 0.0, 0.0])),
        (np.array([0.0, 1.0]), np.array([1.0, 0.0])),
        (np.array([1.0, 0.0]), np.array([1.0, 0.0])),
    ], compare=lambda got, expected, args: any_reasonable_clip(_bce_clipped, got, expected, args),
    symptoms={"output": [
        NOT_FINITE,
        (lambda got, run: close(got, run.expected * len(run.args[0]), atol=1e-6), {
            "en": "That is the sum of the per-sample losses: take their mean.",
            "pt": "Essa é a soma das perdas por amostra: tire a média.",
        }),
    ]},
    hint={
        "en": "p = np.clip(p, 1e-7, 1 - 1e-7) first; then -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)).",
        "pt": "Primeiro p = np.clip(p, 1e-7, 1 - 1e-7); depois -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)).",
    },
    solution={
        "en": "\n\ndef bce(p, y):\n    p = np.clip(p, 1e-7, 1 - 1e-7)\n"
              "    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))\n\nWithout the clip, a "
              "prediction of exactly 0 (or 1) for the wrong class gives log(0) = −∞ and the mean is "
              "infinite. The engine clips at the same 1e−7; any small ε from 1e−15 to 1e−3 is accepted.",
        "pt": "\n\ndef bce(p, y):\n    p = np.clip(p, 1e-7, 1 - 1e-7)\n"
              "    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))\n\nSem o limite, uma "
              "previsão de exatamente 0 (ou 1) para a classe errada dá log(0) = −∞ e a média fica "
              "infinita. O motor limita no mesmo 1e−7; qualquer ε pequeno de 1e−15 a 1e−3 é aceito.",
    },
    right={
        "en": "It matches the engine's BinaryCrossEntropy, even when p is exactly 0 or 1.",
        "pt": "Ela bate com a BinaryCrossEntropy do motor, mesmo quando p é exatamente 0 ou 1.",
    },
    wrong={
        "en": "Binary cross-entropy is −[y·log p + (1 − y)·log(1 − p)], averaged over the samples.",
        "pt": "A entropia cruzada binária é −[y·log p + (1 − y)·log(1 − p)], com média sobre as amostras.",
    },
)

q4 = ChoiceQuestion(
    "losses.q4", {
        "mse": {"en": "MSE", "pt": "MSE"},
        "rmse": {"en": "RMSE", "pt": "RMSE"},
        "mae": {"en": "MAE", "pt": "MAE"},
    }, expected="mae",
    hint={
        "en": "Which one squares the errors, and what does squaring do to an error of 100 compared "
              "with an error of 1?",
        "pt": "Qual delas eleva os erros ao quadrado, e o que o quadrado faz com um erro de 100 "
              "comparado a um erro de 1?",
    },
    solution={
        "en": "'MAE': it grows with |error|, so a miss of 100 weighs 100 times a miss of 1. MSE (and "
              "RMSE, its square root) squares it: 10,000 times. Huber would also do, but it is not "
              "among the options.",
        "pt": "'MAE': ela cresce com |erro|, então um erro de 100 pesa 100 vezes um erro de 1. O MSE "
              "(e o RMSE, sua raiz) eleva ao quadrado: 10.000 vezes. A Huber também serviria, mas "
              "não está entre as opções.",
    },
    right={
        "en": "A few wild targets pull the MAE only in proportion to their errors.",
        "pt": "Alguns alvos absurdos puxam o MAE só em proporção aos seus erros.",
    },
    wrong={
        "en": "MSE squares every error, and RMSE is just the square root of that mean of squares: "
              "in both, the big errors dominate. Try the outlier slider in the explorer.",
        "pt": "O MSE eleva cada erro ao quadrado, e o RMSE é só a raiz dessa média de quadrados: "
              "nos dois, os erros grandes dominam. Experimente o controle de outlier no painel interativo.",
    },
)

_P_ZERO = np.array([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])   # row 0: the right class got 0

q6 = LayerQuestion(
    "losses.q6", CategoricalCrossEntropy, trials=[
        Trial((PROBS, CLASSES)),
        Trial((PROBS, np.eye(3)[CLASSES])),
        Trial((_P_ZERO, np.array([0, 2, 0]))),
        Trial((_P_ZERO, np.eye(3)[[0, 2, 0]])),
    ],
    compare=lambda got, expected, run: any_reasonable_clip(_cce_clipped, got, expected, run.inputs),
    symptoms={"output": [
        NOT_FINITE,
        (lambda got, run: close(got, np.mean(run.expected)), {
            "en": "The forward pass returns one loss per sample; their mean is calculate's job.",
            "pt": "O forward devolve uma perda por amostra; a média é trabalho do calculate.",
        }),
        (lambda got, run: close(got, -np.log(run.inputs[0].max(axis=1))), {
            "en": "That is −log of each row's largest probability: use the probability of the *true* class.",
            "pt": "Isso é −log da maior probabilidade de cada linha: use a probabilidade da classe *certa*.",
        }),
        (lambda got, run: close(got, run.expected / np.log(10), atol=1e-6), {
            "en": "That is log base 10: cross-entropy uses the natural log, np.log.",
            "pt": "Isso é log na base 10: a entropia cruzada usa o log natural, np.log.",
        }),
        (lambda got, run: close(got, -run.expected), {
            "en": "Mind the minus sign: the loss is −log p, which is ≥ 0.",
            "pt": "Cuidado com o sinal: a perda é −log p, que é ≥ 0.",
        }),
    ]},
    hint={
        "en": "Clip first: p = np.clip(y_pred, 1e-7, 1 - 1e-7). Class indices: take p[np.arange(len(p)), "
              "y_true]; one-hot rows: np.sum(p * y_true, axis=1). Return −np.log of that.",
        "pt": "Limite antes: p = np.clip(y_pred, 1e-7, 1 - 1e-7). Índices de classe: pegue "
              "p[np.arange(len(p)), y_true]; linhas one-hot: np.sum(p * y_true, axis=1). Devolva −np.log disso.",
    },
    solution={
        "en": "\n\nclass MyCategoricalCrossEntropy:\n    def forward(self, y_pred, y_true):\n"
              "        p = np.clip(y_pred, 1e-7, 1 - 1e-7)\n        if y_true.ndim == 1:\n"
              "            right = p[np.arange(len(p)), y_true]\n        else:\n"
              "            right = np.sum(p * y_true, axis=1)\n        return -np.log(right)\n\n"
              "One loss per sample, as nnlessons' forward; the clip keeps a probability of exactly 0 "
              "from giving log(0) = −∞.",
        "pt": "\n\nclass MyCategoricalCrossEntropy:\n    def forward(self, y_pred, y_true):\n"
              "        p = np.clip(y_pred, 1e-7, 1 - 1e-7)\n        if y_true.ndim == 1:\n"
              "            right = p[np.arange(len(p)), y_true]\n        else:\n"
              "            right = np.sum(p * y_true, axis=1)\n        return -np.log(right)\n\n"
              "Uma perda por amostra, como o forward do nnlessons; o limite impede que uma probabilidade "
              "exatamente 0 dê log(0) = −∞.",
    },
    right={
        "en": "Your loss agrees with nnlessons' CategoricalCrossEntropy, for class indices and one-hot "
              "rows, and stays finite when the right class gets probability 0.",
        "pt": "Sua perda concorda com a CategoricalCrossEntropy do nnlessons, com índices de classe e "
              "linhas one-hot, e continua finita quando a classe certa recebe probabilidade 0.",
    },
)

q5 = NumberQuestion(
    "losses.q5", 6.5, atol=1e-6,
    hint={
        "en": "Square each error first, then take the mean: (2² + (−2)² + 3² + (−3)²) / 4.",
        "pt": "Eleve cada erro ao quadrado antes, depois tire a média: (2² + (−2)² + 3² + (−3)²) / 4.",
    },
    solution={
        "en": "6.5 = (4 + 4 + 9 + 9) / 4. The plain mean of the errors is 0: the misses cancel, and "
              "only the squares (or the absolute values, MAE = 2.5) show how far off the model is.",
        "pt": "6,5 = (4 + 4 + 9 + 9) / 4. A média simples dos erros é 0: os erros se cancelam, e só os "
              "quadrados (ou os valores absolutos, MAE = 2,5) mostram o quanto o modelo erra.",
    },
    right={
        "en": "The misses cancel in a plain mean (0) but not once they are squared: MSE = (4 + 4 + 9 + 9) / 4.",
        "pt": "Os erros se cancelam na média simples (0), mas não depois de elevados ao quadrado: "
              "MSE = (4 + 4 + 9 + 9) / 4.",
    },
    wrong={
        "en": "0 is the plain mean (the errors cancelled) and 2.5 is the MAE; MSE squares each error.",
        "pt": "0 é a média simples (os erros se cancelaram) e 2,5 é o MAE; o MSE eleva cada erro ao quadrado.",
    },
)


c1 = NumberQuestion(
    "losses.c1", 3.0, atol=0.005,
    hint={
        "en": "The errors ŷ − y, day by day, start 1, −1, ... Square each one, add them up and divide by 5.",
        "pt": "Os erros ŷ − y, dia a dia, começam com 1, −1, ... Eleve cada um ao quadrado, some e divida por 5.",
    },
    solution={
        "en": "3: the errors are 1, −1, 2, −3 and 0; their squares 1, 1, 4, 9 and 0 add up to 15, and "
              "15 / 5 = 3 (°C²).",
        "pt": "3: os erros são 1, −1, 2, −3 e 0; os quadrados 1, 1, 4, 9 e 0 somam 15, e 15 / 5 = 3 (°C²).",
    },
    right={
        "en": "Squaring drops the signs and charges the 3-degree miss 9, more than the other four days together.",
        "pt": "O quadrado tira os sinais e cobra 9 pelo erro de 3 graus, mais que os outros quatro dias juntos.",
    },
    wrong={
        "en": "Go day by day: the error ŷ − y, then its square; the MSE is the mean of those squares.",
        "pt": "Vá dia a dia: o erro ŷ − y, depois o quadrado dele; o MSE é a média desses quadrados.",
    },
    symptoms={"output": [
        (lambda got, run: close(got, 1.4, atol=0.005), {
            "en": "1.4 is the mean of the absolute errors, the MAE; the MSE squares them.",
            "pt": "1,4 é a média dos erros absolutos, o MAE; o MSE os eleva ao quadrado.",
        }),
        (lambda got, run: close(got, 15.0), {
            "en": "15 is the sum of the squares; the MSE is their mean.",
            "pt": "15 é a soma dos quadrados; o MSE é a média deles.",
        }),
        (lambda got, run: close(got, -0.2, atol=0.005), {
            "en": "−0.2 is the plain mean of the errors, where the signs cancel; the MSE squares each error first.",
            "pt": "−0,2 é a média simples dos erros, em que os sinais se cancelam; o MSE eleva cada erro ao "
                  "quadrado antes.",
        }),
    ]},
)

c2 = ChoiceQuestion(
    "losses.c2", {
        "high": {"en": "high", "pt": "alto", "also": ("too high", "alto demais", "30")},
        "low": {"en": "low", "pt": "baixo", "also": ("too low", "baixo demais", "10")},
        "same": {"en": "same", "pt": "igual", "also": ("the same", "o mesmo", "mesmo")},
    }, expected="low",
    hint={
        "en": "MSLE compares ratios, (1 + y) / (1 + ŷ). Which is further from 1: 21/31 or 21/11?",
        "pt": "O MSLE compara razões, (1 + y) / (1 + ŷ). Qual fica mais longe de 1: 21/31 ou 21/11?",
    },
    solution={
        "en": "'low': ln(21/31) ≈ −0.39 but ln(21/11) ≈ 0.65, so predicting 10 costs 0.418 against 0.152 for "
              "30. Half the target is a bigger miss, as a ratio, than one and a half times it.",
        "pt": "'baixo': ln(21/31) ≈ −0,39, mas ln(21/11) ≈ 0,65, então prever 10 custa 0,418, contra 0,152 de "
              "prever 30. Metade do alvo é um erro maior, como razão, que uma vez e meia o alvo.",
    },
    right={
        "en": "MSLE measures misses as ratios: 10 is half of 20, while 30 is only 1.5 times 20, so the low "
              "guess costs more.",
        "pt": "O MSLE mede os erros como razões: 10 é metade de 20, enquanto 30 é só uma vez e meia 20, então o "
              "palpite baixo custa mais.",
    },
    wrong={
        "en": "MSLE does not look at the difference ŷ − y but at the ratio of 1 + y to 1 + ŷ. Compare the two "
              "ratios.",
        "pt": "O MSLE não olha a diferença ŷ − y, e sim a razão entre 1 + y e 1 + ŷ. Compare as duas razões.",
    },
)

c3 = ChoiceQuestion(
    "losses.c3", {
        "first": {"en": "first", "pt": "primeira", "also": ("1",)},
        "second": {"en": "second", "pt": "segunda", "also": ("2",)},
        "third": {"en": "third", "pt": "terceira", "also": ("3",)},
        "fourth": {"en": "fourth", "pt": "quarta", "also": ("4",)},
    }, expected="third",
    hint={
        "en": "For each sample, find the probability the network gave the right answer: p when y = 1, 1 − p "
              "when y = 0. The smallest one pays the most.",
        "pt": "Para cada amostra, ache a probabilidade que a rede deu à resposta certa: p quando y = 1, 1 − p "
              "quando y = 0. A menor paga mais.",
    },
    solution={
        "en": "'third': the right answers got 0.9, 0.6, 0.3 and 0.8 (the fourth sample is of class 0, so "
              "1 − 0.2). The smallest is 0.3, and −ln 0.3 ≈ 1.20 is the largest loss.",
        "pt": "'terceira': as respostas certas receberam 0,9, 0,6, 0,3 e 0,8 (a quarta amostra é da classe 0, "
              "então 1 − 0,2). A menor é 0,3, e −ln 0,3 ≈ 1,20 é a maior perda.",
    },
    right={
        "en": "Only the probability of the right answer counts, and 0.3 for a sample of class 1 is the worst "
              "bet here.",
        "pt": "Só conta a probabilidade da resposta certa, e 0,3 para uma amostra da classe 1 é a pior aposta "
              "aqui.",
    },
    wrong={
        "en": "A small p is not always bad: look at each sample's label first.",
        "pt": "Um p pequeno nem sempre é ruim: olhe antes o rótulo de cada amostra.",
    },
)
