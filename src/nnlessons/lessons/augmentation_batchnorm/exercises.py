"""Exercises of Lesson 13 (data augmentation and batch normalisation):
``from nnlessons.lessons.augmentation_batchnorm import exercises as ex``.

q1  batch normalisation of a batch of four values, with γ = 2, β = 1       ArrayQuestion
q2  the share of augment(max_shift=2) copies left exactly in place        NumberQuestion
q3  a BatchNorm layer at inference on a batch of one sample              NumberQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  which of shift, zoom, noise and flip can make a digit's label wrong   ChoiceQuestion
c2  trained on centred digits only: does the accuracy on digits shifted
    by up to 1 pixel go up, down or stay the same?                       ChoiceQuestion
c3  the mean and the variance of every column after normalising a batch   ArrayQuestion
"""

import numpy as np

from ...exercises.questions import ArrayQuestion, ChoiceQuestion, NumberQuestion


def _batch_norm(x, gamma, beta, epsilon=1e-5):
    """Reference for q1: γ · (x − μ) / √(σ² + ε) + β over the batch."""
    x = np.asarray(x, dtype=float)
    return gamma * (x - x.mean()) / np.sqrt(x.var() + epsilon) + beta


q1 = ArrayQuestion(
    "augmentation_batchnorm.q1", _batch_norm([1.0, 3.0, 5.0, 7.0], gamma=2.0, beta=1.0), atol=2e-3,
    hint={
        "en": "First the mean μ and the variance σ² of the four values (divide by 4, not 3); then "
              "x̂ = (x − μ) / √σ² (ε is too small to matter here), and finally γ·x̂ + β.",
        "pt": "Primeiro a média μ e a variância σ² dos quatro valores (divida por 4, não por 3); "
              "depois x̂ = (x − μ) / √σ² (ε é pequeno demais para importar aqui) e, por fim, γ·x̂ + β.",
    },
    solution={
        "en": "μ = 4, σ² = (9 + 1 + 1 + 9) / 4 = 5, so x̂ = [−3, −1, 1, 3] / √5 ≈ [−1.342, −0.447, "
              "0.447, 1.342]; with γ = 2 and β = 1: [−1.683, 0.106, 1.894, 3.683]. The output has "
              "mean β = 1 and standard deviation γ = 2, whatever the scale of the input was.",
        "pt": "μ = 4, σ² = (9 + 1 + 1 + 9) / 4 = 5, então x̂ = [−3, −1, 1, 3] / √5 ≈ [−1,342, −0,447, "
              "0,447, 1,342]; com γ = 2 e β = 1: [−1,683, 0,106, 1,894, 3,683]. A saída tem média "
              "β = 1 e desvio-padrão γ = 2, qualquer que fosse a escala da entrada.",
    },
    right={
        "en": "γ and β choose the scale and the centre; the normalisation removed the old ones.",
        "pt": "γ e β escolhem a escala e o centro; a normalização tirou os antigos.",
    },
    wrong={
        "en": "Check the variance: batch normalisation divides by n = 4 (np.var's default). "
              "Answer with four numbers, one per sample.",
        "pt": "Confira a variância: a normalização em lote divide por n = 4 (o padrão do np.var). "
              "Responda com quatro números, um por amostra.",
    },
)

q2 = NumberQuestion(
    "augmentation_batchnorm.q2", 1 / 25, atol=0.002,
    symptoms={"output": [
        (lambda got, run: np.isclose(got, 1 / 5, atol=0.002), {
            "en": "1/5 is the chance of no vertical shift alone; the horizontal shift is drawn too, independently.",
            "pt": "1/5 é a chance de não haver deslocamento vertical, só; o horizontal também é sorteado, à parte.",
        }),
        (lambda got, run: np.isclose(got, 1 / 9, atol=0.002), {
            "en": "1/9 is for max_shift = 1 (three values per direction); with max_shift = 2 each direction "
                  "has more.",
            "pt": "1/9 vale para max_shift = 1 (três valores por direção); com max_shift = 2 cada direção "
                  "tem mais.",
        }),
    ]},
    hint={
        "en": "augment draws dy and dx separately, each a whole number from −max_shift to max_shift, all "
              "equally likely. A copy stays in place only when both are 0.",
        "pt": "O augment sorteia dy e dx separadamente, cada um um inteiro de −max_shift a max_shift, todos "
              "com a mesma chance. Uma cópia fica no lugar só quando os dois são 0.",
    },
    solution={
        "en": "Each of dy and dx takes one of 5 values (−2, −1, 0, 1, 2), so (0, 0) is 1 of 5 × 5 = 25 shifts: "
              "1/25 = 0.04. With max_shift = 2 the network hardly ever sees a digit where the form put it.",
        "pt": "dy e dx tomam cada um 5 valores (−2, −1, 0, 1, 2), então (0, 0) é 1 de 5 × 5 = 25 deslocamentos: "
              "1/25 = 0,04. Com max_shift = 2 a rede quase nunca vê um dígito onde o formulário o pôs.",
    },
    right={
        "en": "Right: 24 copies in 25 move. The more you augment, the less the training data look like the "
              "centred originals; that was the price the lesson's run paid on the unshifted digits.",
        "pt": "Isso: 24 cópias em 25 se mexem. Quanto mais se aumenta, menos os dados de treino se parecem com "
              "os originais centralizados; foi o preço que o treino da lição pagou nos dígitos sem deslocamento.",
    },
    wrong={
        "en": "Count the possible (dy, dx) pairs and how many of them are (0, 0). Answer with a share between "
              "0 and 1.",
        "pt": "Conte os pares (dy, dx) possíveis e quantos deles são (0, 0). Responda com uma fração entre 0 e 1.",
    },
)

q3 = NumberQuestion(
    "augmentation_batchnorm.q3", (13.0 - 10.0) / np.sqrt(4.0 + 1e-5), atol=0.01,
    symptoms={"output": [
        (lambda got, run: np.isclose(got, 0.0, atol=0.01), {
            "en": "0 is what the sample's own statistics would give (a batch of one is its own mean). At "
                  "inference the layer does not use the batch at all.",
            "pt": "0 é o que as estatísticas da própria amostra dariam (um lote de um é a sua própria média). "
                  "Na inferência a camada não usa o lote.",
        }),
        (lambda got, run: np.isclose(got, 13.0, atol=0.01), {
            "en": "The layer does not pass the value through untouched: it still normalises, with stored numbers.",
            "pt": "A camada não deixa o valor passar intocado: ela ainda normaliza, com números guardados.",
        }),
        (lambda got, run: np.isclose(got, 0.75, atol=0.01), {
            "en": "Divide by the standard deviation, √4 = 2, not by the variance.",
            "pt": "Divida pelo desvio-padrão, √4 = 2, não pela variância.",
        }),
    ]},
    hint={
        "en": "With training=False, BatchNorm uses running_mean and running_var in place of the batch's μ and "
              "σ²: (x − running_mean) / √(running_var + ε), then γ·x̂ + β.",
        "pt": "Com training=False, a BatchNorm usa running_mean e running_var no lugar de μ e σ² do lote: "
              "(x − running_mean) / √(running_var + ε), depois γ·x̂ + β.",
    },
    solution={
        "en": "(13 − 10) / √4 = 1.5, and γ = 1, β = 0 leave it at 1.5. The output depends only on this sample "
              "and on what the layer learned while training, never on the other samples that came with it.",
        "pt": "(13 − 10) / √4 = 1,5, e γ = 1, β = 0 o deixam em 1,5. A saída depende só desta amostra e do que "
              "a camada aprendeu no treino, nunca das outras amostras que vieram junto.",
    },
    right={
        "en": "That is why one sample can be predicted at all: the running statistics stand in for the batch.",
        "pt": "É por isso que dá para prever uma amostra sozinha: as estatísticas móveis fazem as vezes do lote.",
    },
    wrong={
        "en": "Which mean and which variance does the layer use when training=False? Answer with one number.",
        "pt": "Que média e que variância a camada usa com training=False? Responda com um número.",
    },
)


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = ChoiceQuestion(
    "augmentation_batchnorm.c1", {
        "shift": {"en": "shift", "pt": "deslocar", "also": ("shifting", "deslocamento", "deslocado")},
        "zoom": {"en": "zoom", "pt": "zoom", "also": ("zooming", "ampliar")},
        "noise": {"en": "noise", "pt": "ruído", "also": ("ruido", "adding noise")},
        "flip": {"en": "flip", "pt": "espelhar",
                 "also": ("flipping", "mirror", "mirroring", "espelhamento", "espelhado", "flipped")},
    }, expected="flip",
    hint={
        "en": "Write a 2, a 3 and a 7 on paper and hold the paper up to a mirror.",
        "pt": "Escreva um 2, um 3 e um 7 num papel e ponha o papel na frente de um espelho.",
    },
    solution={
        "en": "Flip. A mirrored 2, 3 or 7 is no digit at all (only a few, such as 0, 1 and 8, survive), yet it "
              "would keep its label. A small shift, a moderate zoom and faint noise leave a digit the same digit.",
        "pt": "Espelhar. Um 2, um 3 ou um 7 espelhado não é dígito nenhum (só uns poucos, como 0, 1 e 8, "
              "sobrevivem), e ainda assim levaria o rótulo. Um deslocamento pequeno, um zoom moderado e um ruído "
              "fraco deixam o dígito o mesmo dígito.",
    },
    right={
        "en": "The question that decides every transformation: is the label still right afterwards?",
        "pt": "A pergunta que decide cada transformação: o rótulo continua certo depois dela?",
    },
    wrong={
        "en": "That one changes how the digit looks, not which digit it is. Which change could turn it into "
              "something that is no longer that digit?",
        "pt": "Essa muda a aparência do dígito, não qual dígito ele é. Que mudança poderia transformá-lo em algo "
              "que já não é aquele dígito?",
    },
)

c2 = ChoiceQuestion(
    "augmentation_batchnorm.c2", {
        "up": {"en": "up", "pt": "sobe", "also": ("goes up", "higher", "rises", "subir", "aumenta")},
        "down": {"en": "down", "pt": "desce", "also": ("goes down", "lower", "falls", "cai", "descer", "diminui")},
        "same": {"en": "same", "pt": "fica igual", "also": ("stays the same", "igual", "the same")},
    }, expected="down",
    hint={
        "en": "Every digit the network trained on sat where the form put it. To a dense layer, each of the 64 "
              "pixels is its own input, with its own weights.",
        "pt": "Todo dígito do treino estava onde o formulário o pôs. Para uma camada densa, cada um dos 64 "
              "pixels é uma entrada própria, com os seus próprios pesos.",
    },
    solution={
        "en": "Down, and by a lot: from about 91% to about 40%. Shifted by one pixel, the strokes land on inputs "
              "whose weights learned something else; nothing told the network that position does not matter.",
        "pt": "Desce, e muito: de uns 91% para uns 40%. Deslocados um pixel, os traços caem em entradas cujos "
              "pesos aprenderam outra coisa; nada disse à rede que a posição não importa.",
    },
    right={
        "en": "A dense network learns no invariance it never saw: augmentation is how we show it one.",
        "pt": "Uma rede densa não aprende uma invariância que nunca viu: o aumento de dados é o jeito de mostrá-la.",
    },
    wrong={
        "en": "A person reads a shifted digit as easily as a centred one. Does the network know that? What did "
              "it see in training?",
        "pt": "Uma pessoa lê um dígito deslocado tão bem quanto um centralizado. A rede sabe disso? O que ela "
              "viu no treino?",
    },
)

c3 = ArrayQuestion(
    "augmentation_batchnorm.c3", [0.0, 1.0], atol=0.01,
    hint={
        "en": "Subtracting μ moves each column's centre to a known place, and dividing by √σ² sets its spread to "
              "a known size. Which place, and which size?",
        "pt": "Subtrair μ leva o centro de cada coluna a um lugar conhecido, e dividir por √σ² dá ao espalhamento "
              "um tamanho conhecido. Que lugar, e que tamanho?",
    },
    solution={
        "en": "[0, 1] for every column, whatever its scale was (1 to 6, 100 to 400 or −0.03 to 0.05). The third "
              "column's variance comes out at 0.988: its σ² = 0.0008 is not much bigger than the ε = 0.00001 in "
              "√(σ² + ε).",
        "pt": "[0, 1] para toda coluna, qualquer que fosse a escala (1 a 6, 100 a 400 ou −0,03 a 0,05). A "
              "variância da terceira coluna sai 0,988: o σ² = 0,0008 dela não é tão maior que o ε = 0,00001 em "
              "√(σ² + ε).",
    },
    right={
        "en": "Every feature comes out on the same standard scale; γ and β then choose a new one, if that helps.",
        "pt": "Toda característica sai na mesma escala padrão; γ e β escolhem depois outra, se ajudar.",
    },
    wrong={
        "en": "Answer with two numbers, [mean, variance], the same for every column: the scales of the input "
              "columns do not matter.",
        "pt": "Responda com dois números, [média, variância], os mesmos para toda coluna: as escalas das colunas "
              "de entrada não importam.",
    },
)
