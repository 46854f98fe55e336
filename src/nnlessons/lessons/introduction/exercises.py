"""Exercises of Lesson 00 (introduction): ``from nnlessons.lessons.introduction import exercises as ex``.

q1  classification or regression? (how much a customer will spend)   ChoiceQuestion
q2  which kind of learning? (playlists from unlabelled songs)        ChoiceQuestion
q3  shape (samples, features) of the hospital data                   ArrayQuestion
q4  write nearest_kind(mass) for the fruit data                       FunctionQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  which circle is innermost: AI, machine learning or deep learning?   ChoiceQuestion
c2  X.shape of the 10 fruits with 2 features                            ShapeQuestion
c3  the nearest neighbour's label for a fruit of 185 g and 7.6 cm        ChoiceQuestion
"""

import numpy as np

from .explorers import fruit_data
from ...exercises.questions import ChoiceQuestion, FunctionQuestion, ShapeQuestion

q1 = ChoiceQuestion(
    "introduction.q1", {
        "classification": {"en": "classification", "pt": "classificação"},
        "regression": {"en": "regression", "pt": "regressão"},
    }, expected="regression",
    hint={
        "en": "Is the answer a category from a short list, or a number on a continuous scale?",
        "pt": "A resposta é uma categoria de uma lista curta ou um número numa escala contínua?",
    },
    solution={
        "en": "'regression': the target is an amount of money, a number that can take any "
              "value in a range, not one of a few categories.",
        "pt": "'regressão': o alvo é uma quantia em dinheiro, um número que pode assumir "
              "qualquer valor numa faixa, e não uma entre poucas categorias.",
    },
    right={
        "en": "An amount of money is a number on a continuous scale, so this is regression.",
        "pt": "Uma quantia em dinheiro é um número numa escala contínua, então é regressão.",
    },
    wrong={
        "en": "Look at what the model must output: a category, or a number?",
        "pt": "Olhe para o que o modelo precisa devolver: uma categoria ou um número?",
    },
)

q2 = ChoiceQuestion(
    "introduction.q2", {
        "supervised": {"en": "supervised", "pt": "supervisionado"},
        "unsupervised": {"en": "unsupervised", "pt": "não supervisionado"},
        "reinforcement": {"en": "reinforcement", "pt": "por reforço"},
    }, expected="unsupervised",
    hint={
        "en": "Does anyone tell the computer the right playlist for each song? Is there a reward?",
        "pt": "Alguém diz ao computador a playlist certa de cada música? Existe alguma recompensa?",
    },
    solution={
        "en": "'unsupervised': there are no labels and no rewards; the algorithm only looks for "
              "groups of songs that sound alike (clustering).",
        "pt": "'não supervisionado': não há rótulos nem recompensas; o algoritmo só procura "
              "grupos de músicas parecidas (agrupamento, ou clustering).",
    },
    right={
        "en": "No labels, no rewards: finding structure on its own is unsupervised learning.",
        "pt": "Sem rótulos e sem recompensas: achar estrutura sozinho é aprendizado não supervisionado.",
    },
    wrong={
        "en": "Supervised learning needs labels; reinforcement learning needs rewards. Which one is here?",
        "pt": "Aprendizado supervisionado precisa de rótulos; por reforço precisa de recompensas. Qual existe aqui?",
    },
)

q3 = ShapeQuestion(
    "introduction.q3", (250, 4),
    hint={
        "en": "One row per patient, one column per measurement. Is the heart attack a measurement "
              "we give the model, or what it must predict?",
        "pt": "Uma linha por paciente, uma coluna por medida. O infarto é uma medida que damos ao "
              "modelo ou é o que ele deve prever?",
    },
    solution={
        "en": "(250, 4): 250 samples (patients) and 4 features (age, weight, height, blood "
              "pressure). Whether the patient had a heart attack is the label, kept apart in y.",
        "pt": "(250, 4): 250 amostras (pacientes) e 4 características (idade, peso, altura, "
              "pressão). Ter tido infarto ou não é o rótulo, guardado à parte em y.",
    },
    right={
        "en": "Rows are samples, columns are features, and the label lives in its own array.",
        "pt": "Linhas são amostras, colunas são características, e o rótulo fica num array à parte.",
    },
    wrong={
        "en": "Answer as (samples, features): rows first, then columns; the label is not a feature.",
        "pt": "Responda como (amostras, características): linhas primeiro, depois colunas; o rótulo não é característica.",
    },
)


def _nearest_kind(mass):
    """Reference for q4: the kind of the fruit whose mass is closest to ``mass``."""
    X, kind, _ = fruit_data()
    return int(kind[np.argmin(np.abs(X[:, 0] - mass))])


q4 = FunctionQuestion(
    "introduction.q4", _nearest_kind, cases=[120.0, 160.0, 177.0, 186.0, 230.0, 400.0],
    direction=False,
    hint={
        "en": "np.abs(X[:, 0] - mass) gives the distance in grams to every fruit; np.argmin finds "
              "the position of the smallest; kind[...] reads that fruit's label.",
        "pt": "np.abs(X[:, 0] - mass) dá a distância em gramas até cada fruta; np.argmin acha a "
              "posição da menor; kind[...] lê o rótulo dessa fruta.",
    },
    solution={
        "en": "\n\ndef nearest_kind(mass):\n    closest = np.argmin(np.abs(X[:, 0] - mass))\n"
              "    return kind[closest]\n\nThe model 'learns' by remembering every fruit and "
              "answers with the label of the most similar one.",
        "pt": "\n\ndef nearest_kind(mass):\n    closest = np.argmin(np.abs(X[:, 0] - mass))\n"
              "    return kind[closest]\n\nO modelo 'aprende' guardando todas as frutas e "
              "responde com o rótulo da mais parecida.",
    },
    right={
        "en": "You just wrote a complete (tiny) model: training = storing the fruits, inference = "
              "looking up the nearest one.",
        "pt": "Você acabou de escrever um modelo completo (minúsculo): treino = guardar as frutas, "
              "inferência = procurar a mais próxima.",
    },
    wrong={
        "en": "Compare the mass with every fruit's mass (column 0 of X) and return the kind of the closest.",
        "pt": "Compare a massa com a massa de cada fruta (coluna 0 de X) e devolva o tipo da mais próxima.",
    },
)


c1 = ChoiceQuestion(
    "introduction.c1", {
        "ai": {"en": "artificial intelligence", "pt": "inteligência artificial", "also": ("AI", "IA")},
        "ml": {"en": "machine learning", "pt": "aprendizado de máquina", "also": ("ML",)},
        "dl": {"en": "deep learning", "pt": "aprendizado profundo", "also": ("DL",)},
    }, expected="dl",
    hint={
        "en": "Which one is a kind of which? Read the sentence just before the figure again.",
        "pt": "Qual é um tipo de qual? Releia a frase logo antes da figura.",
    },
    solution={
        "en": "'deep learning': deep learning is one kind of machine learning (the kind with many-layered "
              "neural networks), and machine learning is one way of building artificial intelligence. The "
              "smallest circle sits inside the other two.",
        "pt": "'aprendizado profundo': aprendizado profundo é um tipo de aprendizado de máquina (o das redes "
              "neurais com muitas camadas), e aprendizado de máquina é uma das maneiras de fazer inteligência "
              "artificial. O menor círculo fica dentro dos outros dois.",
    },
    right={
        "en": "Every deep network is a machine-learning model, and every machine-learning model is a kind of AI; "
              "not the other way round.",
        "pt": "Toda rede profunda é um modelo de aprendizado de máquina, e todo modelo de aprendizado de máquina "
              "é um tipo de IA; o contrário não vale.",
    },
    wrong={
        "en": "The innermost circle is the most specific idea: the special case of the other two.",
        "pt": "O círculo mais interno é a ideia mais específica: o caso particular das outras duas.",
    },
)

c2 = ShapeQuestion(
    "introduction.c2", (10, 2),
    hint={
        "en": "One row per sample, one column per feature: how many rows, how many columns?",
        "pt": "Uma linha por amostra, uma coluna por característica: quantas linhas, quantas colunas?",
    },
    solution={
        "en": "(10, 2): 10 rows (the fruits, the samples) and 2 columns (mass and diameter, the features). "
              "The labels are not in X: they live in kind.",
        "pt": "(10, 2): 10 linhas (as frutas, as amostras) e 2 colunas (massa e diâmetro, as características). "
              "Os rótulos não ficam em X: ficam em kind.",
    },
    right={
        "en": "Samples first, features second: (samples, features) is the order every lesson uses.",
        "pt": "Amostras primeiro, características depois: (amostras, características) é a ordem que todas as "
              "lições usam.",
    },
    wrong={
        "en": "Count the fruits and the measurements (the label is not one of them), and put the rows first.",
        "pt": "Conte as frutas e as medidas (o rótulo não é uma delas), e ponha as linhas primeiro.",
    },
)

c3 = ChoiceQuestion(
    "introduction.c3", {
        "apple": {"en": "apple", "pt": "maçã"},
        "orange": {"en": "orange", "pt": "laranja"},
    }, expected="apple",
    hint={
        "en": "Find the stored fruit whose mass and diameter are both closest to 185 g and 7.6 cm, and copy "
              "its label.",
        "pt": "Procure a fruta guardada cuja massa e cujo diâmetro estão mais perto de 185 g e 7,6 cm, e "
              "copie o rótulo dela.",
    },
    solution={
        "en": "'apple': fruit #4 (188 g, 7.7 cm) is the closest in both features, closer than the orange #5 "
              "(180 g, 7.9 cm), and it is an apple. The model copies its label.",
        "pt": "'maçã': a fruta #4 (188 g, 7,7 cm) é a mais próxima nas duas características, mais que a "
              "laranja #5 (180 g, 7,9 cm), e é uma maçã. O modelo copia o rótulo dela.",
    },
    right={
        "en": "The nearest neighbour knows no trend such as 'heavy fruits are oranges'; it copies the label "
              "of the most similar fruit, #4.",
        "pt": "O vizinho mais próximo não conhece tendências como 'frutas pesadas são laranjas'; ele copia o "
              "rótulo da fruta mais parecida, a #4.",
    },
    wrong={
        "en": "The model ignores general trends: compare the new fruit with each stored fruit, one by one, "
              "and look at the closest.",
        "pt": "O modelo ignora tendências gerais: compare a fruta nova com cada fruta guardada, uma a uma, e "
              "olhe a mais próxima.",
    },
)
