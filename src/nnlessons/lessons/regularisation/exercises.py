"""Exercises of Lesson 12 (regularisation): ``from nnlessons.lessons.regularisation import exercises as ex``.

q1  the gradient of the L2 penalty λ·Σw² for a 2×2 weight matrix       ArrayQuestion
q2  inverted dropout: the value of a kept output and the expected output ArrayQuestion
q3  which regulariser sets weights exactly to zero                      ChoiceQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  after 300 epochs, is the too-big network's accuracy higher on the
    training or on the validation points?                                 ChoiceQuestion
c2  how many of six wanted values a end at exactly 0 under L1 (λ₁ = 1)   NumberQuestion
c3  the mean output of inverted dropout (p = 0.5) over 100,000 draws      ArrayQuestion
"""

import numpy as np

from ...exercises.questions import ArrayQuestion, ChoiceQuestion, NumberQuestion, close

q1 = ArrayQuestion(
    "regularisation.q1", 2 * 0.1 * np.array([[1.0, -2.0], [0.5, 0.0]]),
    hint={
        "en": "The derivative of λ·w² is 2λ·w, weight by weight: multiply the whole matrix by 2λ.",
        "pt": "A derivada de λ·w² é 2λ·w, peso a peso: multiplique a matriz inteira por 2λ.",
    },
    solution={
        "en": "∂R/∂W = 2λ·W = 2 · 0.1 · [[1, −2], [0.5, 0]] = [[0.2, −0.4], [0.1, 0]]. "
              "(The penalty itself is R = 0.1 · (1 + 4 + 0.25 + 0) = 0.525.) Each weight is pulled "
              "towards 0 in proportion to its size; the zero weight feels no pull at all.",
        "pt": "∂R/∂W = 2λ·W = 2 · 0,1 · [[1, −2], [0,5, 0]] = [[0,2, −0,4], [0,1, 0]]. "
              "(A penalidade em si é R = 0,1 · (1 + 4 + 0,25 + 0) = 0,525.) Cada peso é puxado "
              "para 0 na proporção do seu tamanho; o peso zero não sente puxão nenhum.",
    },
    right={
        "en": "That pull is the 'decay' in weight decay: w ← w − η·2λw = (1 − 2ηλ)·w.",
        "pt": "Esse puxão é o 'decaimento' do weight decay: w ← w − η·2λw = (1 − 2ηλ)·w.",
    },
    wrong={
        "en": "Differentiate λ·w² for one weight first; the 2 of the square comes down in front.",
        "pt": "Derive λ·w² para um peso só, primeiro; o 2 do quadrado desce para a frente.",
    },
)

q2 = ArrayQuestion(
    "regularisation.q2", [5 / (1 - 0.2), 5.0],
    hint={
        "en": "A kept value is divided by 1 − rate. The expected value averages the two cases: "
              "kept (probability 1 − rate) and dropped, which gives 0 (probability rate).",
        "pt": "Um valor mantido é dividido por 1 − taxa. O valor esperado é a média dos dois casos: "
              "mantido (probabilidade 1 − taxa) e descartado, que dá 0 (probabilidade taxa).",
    },
    solution={
        "en": "Kept: 5 / (1 − 0.2) = 6.25. Expected: 0.8 · 6.25 + 0.2 · 0 = 5, the input itself, "
              "so answer [6.25, 5]. That is why inverted dropout needs no correction at inference.",
        "pt": "Mantido: 5 / (1 − 0,2) = 6,25. Esperado: 0,8 · 6,25 + 0,2 · 0 = 5, a própria entrada, "
              "então a resposta é [6.25, 5]. É por isso que o dropout invertido não precisa de "
              "correção na inferência.",
    },
    right={
        "en": "On average the layer passes its input through unchanged, with or without dropout.",
        "pt": "Em média a camada deixa a entrada passar inalterada, com ou sem dropout.",
    },
    wrong={
        "en": "Answer with two numbers: [value when kept, expected value].",
        "pt": "Responda com dois números: [valor quando mantido, valor esperado].",
    },
    symptoms={"output": [
        (lambda got, run: np.isclose(np.ravel(got)[0], 5 * (1 - 0.2)), {
            "en": "The kept value: inverted dropout divides by 1 − rate (it does not multiply), so the "
                  "kept values grow.",
            "pt": "O valor mantido: o dropout invertido divide por 1 − taxa (não multiplica), então os "
                  "valores mantidos crescem.",
        }),
        (lambda got, run: np.isclose(np.ravel(got)[1], 5 / (1 - 0.2)), {
            "en": "The expected value averages over both cases, and a dropped value counts as 0.",
            "pt": "O valor esperado é a média dos dois casos, e um valor descartado conta como 0.",
        }),
    ]},
)


q3 = ChoiceQuestion(
    "regularisation.q3", {
        "l1": {"pt": "L1", "en": "L1"},
        "l2": {"pt": "L2", "en": "L2"},
        "dropout": {"pt": "dropout", "en": "dropout"},
        "early_stopping": {"pt": "parada antecipada", "en": "early stopping"},
    }, expected="l1",
    hint={
        "en": "Which penalty keeps pushing with the same strength, however small the weight already is?",
        "pt": "Qual penalidade continua empurrando com a mesma força, por menor que o peso já esteja?",
    },
    solution={
        "en": "L1. Its gradient λ·sign(w) does not fade as w shrinks, so any weight whose pull from "
              "the data is weaker than λ ends at 0. L2's pull 2λ·w fades with w: it shrinks weights "
              "but does not zero them. Dropout zeros outputs (at random, only while training), not "
              "weights, and early stopping only ends training before the weights grow.",
        "pt": "L1. O gradiente λ·sign(w) não enfraquece quando w diminui, então todo peso cujo puxão "
              "vindo dos dados é mais fraco que λ acaba em 0. O puxão 2λ·w da L2 enfraquece junto com "
              "w: ela encolhe os pesos, mas não os zera. O dropout zera saídas (ao acaso, só no "
              "treino), não pesos, e a parada antecipada só encerra o treino antes que os pesos cresçam.",
    },
    right={
        "en": "That is why L1 (the lasso) is also used to select features: the zeros say what is not "
              "needed.",
        "pt": "Por isso a L1 (o lasso) também serve para escolher atributos: os zeros dizem o que não "
              "é necessário.",
    },
    wrong={
        "en": "Look again at the weight histograms of the lesson: which one has a spike at 0?",
        "pt": "Olhe de novo os histogramas de pesos da lição: qual deles tem um pico no 0?",
    },
)


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = ChoiceQuestion(
    "regularisation.c1", {
        "training": {"en": "training", "pt": "treino", "also": ("the training set", "train", "o treino")},
        "validation": {"en": "validation", "pt": "validação", "also": ("the validation set", "val", "a validação")},
        "same": {"en": "same", "pt": "iguais", "also": ("equal", "the same", "tie", "empate")},
    }, expected="training",
    hint={
        "en": "The gradient only ever sees the 80 training points, 10% of them with the wrong label, and the "
              "network has 4 parameters per point.",
        "pt": "O gradiente só enxerga os 80 pontos de treino, 10% deles com o rótulo trocado, e a rede tem 4 "
              "parâmetros por ponto.",
    },
    solution={
        "en": "Training: 94% on the 80 training points against 79% on the 600 validation points. The network "
              "bends its boundary round the swapped labels it has seen, which helps on nothing new.",
        "pt": "Treino: 94% nos 80 pontos de treino contra 79% nos 600 de validação. A rede entorta a fronteira "
              "em volta dos rótulos trocados que viu, o que não ajuda em nada com pontos novos.",
    },
    right={
        "en": "A gap of 15 points between training and validation: that is the overfitting this lesson sets "
              "out to cure.",
        "pt": "Uma distância de 15 pontos entre treino e validação: é o sobreajuste que esta lição quer curar.",
    },
    wrong={
        "en": "Which points does training fit? The others it has never seen.",
        "pt": "A quais pontos o treino se ajusta? Os outros ele nunca viu.",
    },
)

c2 = NumberQuestion(
    "regularisation.c2", 3,
    hint={
        "en": "With λ₁ = 1, L1 gives w* = 0 exactly when |a| ≤ λ₁/2 = 0.5. Count the a's in "
              "(−1.5, −0.4, 0.2, 0.45, 1, 2) that qualify.",
        "pt": "Com λ₁ = 1, a L1 dá w* = 0 exatamente quando |a| ≤ λ₁/2 = 0,5. Conte os a de "
              "(−1,5; −0,4; 0,2; 0,45; 1; 2) que se encaixam.",
    },
    solution={
        "en": "3: −0.4, 0.2 and 0.45 all have |a| ≤ 0.5, so L1 sets them to 0; the others move 0.5 towards 0 "
              "(−1.5 → −1, 1 → 0.5, 2 → 1.5). L2 zeroes none: it divides every a by 2.",
        "pt": "3: −0,4, 0,2 e 0,45 têm |a| ≤ 0,5, então a L1 os leva a 0; os outros andam 0,5 em direção ao 0 "
              "(−1,5 → −1, 1 → 0,5, 2 → 1,5). A L2 não zera nenhum: divide todo a por 2.",
    },
    right={
        "en": "Every weight the data want by less than λ₁/2 is switched off: L1 selects connections.",
        "pt": "Todo peso que os dados querem com menos de λ₁/2 é desligado: a L1 seleciona conexões.",
    },
    wrong={
        "en": "L1's pull is λ₁ whatever the weight's size: any a the data pull towards with less than that "
              "ends at exactly 0, not only a = 0.",
        "pt": "O puxão da L1 é λ₁ seja qual for o tamanho do peso: todo a que os dados puxam com menos que isso "
              "termina exatamente em 0, não só a = 0.",
    },
)

c3 = ArrayQuestion(
    "regularisation.c3", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], atol=0.1, any_orientation=True,
    symptoms={"output": [(lambda got, run: close(got, [0.5, 1.0, 1.5, 2.0, 2.5, 3.0], atol=0.1), {
        "en": "Half of each value is what you get without the 1/(1 − p) scale: inverted dropout divides the "
              "kept values by 1 − p.",
        "pt": "A metade de cada valor é o que se tem sem a escala 1/(1 − p): o dropout invertido divide os "
              "valores mantidos por 1 − p.",
    })]},
    hint={
        "en": "Each value becomes x/(1 − p) with probability 1 − p and 0 with probability p: what is that on "
              "average?",
        "pt": "Cada valor vira x/(1 − p) com probabilidade 1 − p e 0 com probabilidade p: quanto dá isso em "
              "média?",
    },
    solution={
        "en": "[1, 2, 3, 4, 5, 6], h itself (up to the draw's noise, about 0.01): (1 − p)·x/(1 − p) + p·0 = x.",
        "pt": "[1, 2, 3, 4, 5, 6], o próprio h (a menos do ruído do sorteio, cerca de 0,01): "
              "(1 − p)·x/(1 − p) + p·0 = x.",
    },
    right={
        "en": "Dropped on average nothing: that is why inference can switch dropout off without rescaling.",
        "pt": "Na média nada se perde: por isso a inferência pode desligar o dropout sem reescalar nada.",
    },
    wrong={
        "en": "Half the values fall to 0, but the kept half is doubled.",
        "pt": "Metade dos valores cai para 0, mas a metade mantida é dobrada.",
    },
)
