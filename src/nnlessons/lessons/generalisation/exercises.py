"""Exercises of Lesson 09 (training and generalisation): ``from nnlessons.lessons.generalisation import exercises as ex``.

q1  how many trainings 5-fold cross-validation of 3 settings costs      NumberQuestion
q2  read a pair of loss curves: underfitting, overfitting or a good fit  ChoiceQuestion
q3  write k_fold_indices(n, k): the k validation folds of 0 .. n − 1     FunctionQuestion (any valid split)
q4  which split gives the score to report                                ChoiceQuestion
"""

import numpy as np

from ...i18n import register, tr
from ...exercises.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion

q1 = NumberQuestion(
    "generalisation.q1", 15,
    hint={
        "en": "Each setting is trained once per fold: once with each fold held out for validation.",
        "pt": "Cada configuração é treinada uma vez por parte: uma vez com cada parte separada para a validação.",
    },
    solution={
        "en": "5 folds × 3 settings = 15 trainings (each on 4/5 of the data). After choosing, one more "
              "training on all the training data gives the final model, which the test set scores once.",
        "pt": "5 partes × 3 configurações = 15 treinos (cada um com 4/5 dos dados). Depois da escolha, mais "
              "um treino com todos os dados de treino dá o modelo final, que o conjunto de teste avalia uma vez.",
    },
    right={
        "en": "Cross-validation multiplies the cost of every choice by k: that is its price.",
        "pt": "A validação cruzada multiplica por k o custo de cada escolha: esse é o seu preço.",
    },
    wrong={
        "en": "The folds and the settings multiply, they do not add up.",
        "pt": "As partes e as configurações se multiplicam, não se somam.",
    },
)

q2 = ChoiceQuestion(
    "generalisation.q2", {
        "underfitting": {"pt": "subajuste", "en": "underfitting"},
        "overfitting": {"pt": "sobreajuste", "en": "overfitting"},
        "good fit": {"pt": "bom ajuste", "en": "good fit"},
    }, expected="underfitting",
    hint={
        "en": "Look at the level of the training loss first (is the network fitting even its own data?), "
              "then at the gap between the two curves.",
        "pt": "Olhe primeiro o nível da perda de treino (a rede consegue se ajustar aos próprios dados?), "
              "depois a distância entre as duas curvas.",
    },
    solution={
        "en": "Underfitting: both losses flatten out early at a high value (about 0.55, not far from the "
              "log 2 ≈ 0.69 of a coin toss between 2 classes) and stay close together. One hidden neuron "
              "draws one straight boundary, and no straight line separates XOR: the network lacks "
              "capacity. More neurons cure it.",
        "pt": "Subajuste: as duas perdas param cedo num valor alto (uns 0,55, não muito longe do "
              "log 2 ≈ 0,69 de um cara ou coroa entre 2 classes) e ficam juntas. Um neurônio oculto traça "
              "uma única fronteira reta, e nenhuma reta separa o XOR: falta capacidade à rede. Mais "
              "neurônios resolvem.",
    },
    right={
        "en": "High and together: the model is too simple for the data (or stopped far too soon).",
        "pt": "Altas e juntas: o modelo é simples demais para os dados (ou parou cedo demais).",
    },
    wrong={
        "en": "Overfitting needs a low training loss and a validation loss that climbs away from it.",
        "pt": "Sobreajuste exige uma perda de treino baixa e uma de validação que sobe, se afastando dela.",
    },
)


def _k_fold_indices(n, k):
    """Reference for q3: k folds of consecutive indices, the first n % k one sample longer."""
    return np.array_split(np.arange(n), k)


register({
    "generalisation.q3.count": {
        "en": "you returned {got} folds, expected k = {k}.",
        "pt": "você devolveu {got} partes, esperava k = {k}.",
    },
    "generalisation.q3.not_indices": {
        "en": "fold {i} is not a list of whole-number indices.",
        "pt": "a parte {i} não é uma lista de índices inteiros.",
    },
    "generalisation.q3.coverage": {
        "en": "sample {j} is in {times} folds; every sample 0 .. n − 1 must be in exactly one.",
        "pt": "a amostra {j} está em {times} partes; cada amostra de 0 a n − 1 precisa estar em exatamente uma.",
    },
    "generalisation.q3.outside": {
        "en": "index {j} is not a sample: the indices go from 0 to n − 1 = {last}.",
        "pt": "o índice {j} não é uma amostra: os índices vão de 0 a n − 1 = {last}.",
    },
    "generalisation.q3.sizes": {
        "en": "the fold sizes are {sizes}; each should have {allowed} samples, so the folds are as even "
              "as possible.",
        "pt": "os tamanhos das partes são {sizes}; cada uma deveria ter {allowed} amostras, para que fiquem "
              "o mais iguais possível.",
    },
})


def _folds_problem(folds, expected, args):
    """Why ``folds`` is not a k-fold split of range(n), or "" when it is one (Lesson 09):
    exactly k folds, every sample 0 .. n − 1 in exactly one of them, each fold of
    n // k or n // k + 1 samples. Any such split is right, not only ``expected``."""
    n, k = args
    folds = list(folds)
    if len(folds) != k:
        return tr("generalisation.q3.count", got=len(folds), k=k)
    arrays = []
    for i, fold in enumerate(folds):
        array = np.asarray(fold)
        if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
            return tr("generalisation.q3.not_indices", i=i)
        arrays.append(array)
    every = np.concatenate(arrays).astype(np.int64)
    outside = every[(every < 0) | (every >= n)]
    if outside.size:
        return tr("generalisation.q3.outside", j=int(outside[0]), last=n - 1)
    times = np.bincount(every, minlength=n)
    if np.any(times != 1):
        j = int(np.flatnonzero(times != 1)[0])
        return tr("generalisation.q3.coverage", j=j, times=int(times[j]))
    sizes = [len(array) for array in arrays]
    low, high = n // k, -(-n // k)                  # ⌊n/k⌋ and ⌈n/k⌉
    if min(sizes) < low or max(sizes) > high:
        allowed = f"{low}" if low == high else f"{low} {tr('ex.or')} {high}"
        return tr("generalisation.q3.sizes", sizes=sizes, allowed=allowed)
    return ""


q3 = FunctionQuestion(
    "generalisation.q3", _k_fold_indices, cases=[(10, 5), (10, 3), (7, 2), (12, 4), (6, 6)], compare=_folds_problem,
    hint={
        "en": "Give sample j the fold j·k // n (as k_fold does without shuffling), then collect, for each "
              "fold i, np.flatnonzero(fold == i).",
        "pt": "Dê à amostra j a parte j·k // n (como o k_fold faz sem embaralhar) e junte, para cada parte i, "
              "np.flatnonzero(fold == i).",
    },
    solution={
        "en": "\n\ndef k_fold_indices(n, k):\n    fold = np.arange(n) * k // n\n"
              "    return [np.flatnonzero(fold == i) for i in range(k)]\n\n"
              "Any split into k disjoint folds that together hold 0 .. n − 1, each of n // k or n // k + 1 "
              "samples, is right: shuffled or not, in any order.",
        "pt": "\n\ndef k_fold_indices(n, k):\n    fold = np.arange(n) * k // n\n"
              "    return [np.flatnonzero(fold == i) for i in range(k)]\n\n"
              "Qualquer divisão em k partes disjuntas que juntas contenham 0 .. n − 1, cada uma com "
              "n // k ou n // k + 1 amostras, está certa: embaralhada ou não, em qualquer ordem.",
    },
    right={
        "en": "Each sample validates exactly once; with k = n this is leave-one-out.",
        "pt": "Cada amostra valida exatamente uma vez; com k = n, isto é o leave-one-out.",
    },
)

q4 = ChoiceQuestion(
    "generalisation.q4", {
        "training": {"pt": "treino", "en": "training", "also": ("training set", "conjunto de treino")},
        "validation": {"pt": "validação", "en": "validation",
                       "also": ("validation set", "conjunto de validação")},
        "test": {"pt": "teste", "en": "test", "also": ("test set", "conjunto de teste")},
    }, expected="test",
    hint={
        "en": "Which split has played no part in any decision: not the weights, not the epochs, not the "
              "number of neurons?",
        "pt": "Qual divisão não participou de nenhuma decisão: nem dos pesos, nem das épocas, nem do número "
              "de neurônios?",
    },
    solution={
        "en": "The test set. The training score is flattered by fitting, the validation score by choosing "
              "(we kept the setting that did best on it); only the test set, looked at once at the end, is "
              "new data for the final model.",
        "pt": "O conjunto de teste. A nota do treino é inflada pelo ajuste, a da validação pela escolha "
              "(ficamos com a configuração que foi melhor nela); só o teste, olhado uma única vez no fim, é "
              "dado novo para o modelo final.",
    },
    right={
        "en": "And only once: a test score that steers another round of choices becomes a validation score.",
        "pt": "E uma única vez: uma nota de teste que guia mais uma rodada de escolhas vira nota de validação.",
    },
    wrong={
        "en": "That split helped to shape the model, so its score is optimistic.",
        "pt": "Essa divisão ajudou a moldar o modelo, então a nota dela é otimista.",
    },
)
