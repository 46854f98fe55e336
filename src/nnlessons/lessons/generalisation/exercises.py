"""Exercises of Lesson 10 (training and generalisation): ``from nnlessons.lessons.generalisation import exercises as ex``.

q1  how many trainings 5-fold cross-validation of 3 settings costs      NumberQuestion
q2  read a pair of loss curves: underfitting, overfitting or a good fit  ChoiceQuestion
q3  write k_fold_indices(n, k): the k validation folds of 0 .. n − 1     FunctionQuestion (any valid split)
q4  which split gives the score to report                                ChoiceQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  on new points, who scores higher: the memoriser or the radius rule?  ChoiceQuestion
c2  the 64-neuron network's validation loss after its lowest point:
    up, down or the same?                                                 ChoiceQuestion
c3  by what factor the gradient's noise falls from B = 1 to B = 16        NumberQuestion
c4  how many samples fold 0 gets when 10 samples go into 3 folds          NumberQuestion
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
    """Why ``folds`` is not a k-fold split of range(n), or "" when it is one (Lesson 10):
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


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = ChoiceQuestion(
    "generalisation.c1", {
        "memoriser": {"en": "memoriser", "pt": "decoreba",
                      "also": ("the memoriser", "o decoreba", "nearest neighbour", "vizinho mais próximo")},
        "radius": {"en": "radius rule", "pt": "regra do raio", "also": ("the radius rule", "a regra do raio")},
        "tie": {"en": "tie", "pt": "empate", "also": ("the same", "equal", "iguais")},
    }, expected="radius",
    hint={
        "en": "On the points it stored, the memoriser reads back the answers it kept. A new point lands among "
              "noisy neighbours: whose label does it copy?",
        "pt": "Nos pontos que guardou, o decoreba só lê as respostas que guardou. Um ponto novo cai entre "
              "vizinhos ruidosos: de quem ele copia o rótulo?",
    },
    solution={
        "en": "The radius rule: about 86% on new points against the memoriser's 74%. The memoriser scores 100% "
              "on the points it has seen (each is its own nearest neighbour) and copies the noise along with "
              "the pattern; the rule learned only the pattern.",
        "pt": "A regra do raio: cerca de 86% nos pontos novos contra 74% do decoreba. O decoreba tira 100% nos "
              "pontos que já viu (cada um é o seu próprio vizinho mais próximo) e copia o ruído junto com o "
              "padrão; a regra aprendeu só o padrão.",
    },
    right={
        "en": "A perfect score on the training data says nothing about new data: only new data can tell.",
        "pt": "Uma nota perfeita nos dados de treino não diz nada sobre dados novos: só dados novos dizem.",
    },
    wrong={
        "en": "Its 100% on the points it stored is only reading back its own copy. What happens near a point "
              "the noise put in the wrong ring?",
        "pt": "Os 100% nos pontos guardados são só a leitura da própria cópia. O que acontece perto de um ponto "
              "que o ruído jogou no anel errado?",
    },
)

c2 = ChoiceQuestion(
    "generalisation.c2", {
        "up": {"en": "up", "pt": "sobe", "also": ("goes up", "rises", "subir", "aumenta")},
        "down": {"en": "down", "pt": "desce", "also": ("goes down", "falls", "cai", "descer", "diminui")},
        "same": {"en": "same", "pt": "fica igual", "also": ("stays the same", "flat", "igual")},
    }, expected="up",
    hint={
        "en": "The fit cell printed its losses at epoch 400: training 0.06, validation 0.89. The 8-neuron "
              "network reached 0.24 on the same validation points.",
        "pt": "A célula do treino imprimiu as perdas da época 400: treino 0,06, validação 0,89. A rede de 8 "
              "neurônios chegou a 0,24 nos mesmos pontos de validação.",
    },
    solution={
        "en": "Up: it reaches its lowest point around epoch 150 and then climbs, faster and faster, while the "
              "training loss keeps falling towards 0. The network has started to memorise its 60 points.",
        "pt": "Sobe: ela chega ao ponto mais baixo por volta da época 150 e depois sobe, cada vez mais depressa, "
              "enquanto a perda de treino continua caindo rumo a 0. A rede passou a decorar os seus 60 pontos.",
    },
    right={
        "en": "Training loss falling, validation loss rising, the gap growing: that is overfitting's signature.",
        "pt": "Perda de treino caindo, de validação subindo e a distância entre elas crescendo: é a assinatura "
              "do sobreajuste.",
    },
    wrong={
        "en": "The gradient only lowers the training loss; nothing stops the validation loss from going the "
              "other way once the network fits the noise.",
        "pt": "O gradiente só baixa a perda de treino; nada impede a de validação de ir para o outro lado quando "
              "a rede se ajusta ao ruído.",
    },
)

c3 = NumberQuestion(
    "generalisation.c3", 4, rtol=0.25,
    symptoms={"output": [(lambda got, run: abs(got - 16) < 1e-9, {
        "en": "16 is how much the batch grows; the noise falls with the square root of it.",
        "pt": "16 é quanto o lote cresce; o ruído cai com a raiz disso.",
    })]},
    hint={
        "en": "The mean of B independent values has spread σ/√B. Compare √1 with √16.",
        "pt": "A média de B valores independentes tem desvio σ/√B. Compare √1 com √16.",
    },
    solution={
        "en": "About 4: √16 / √1 = 4 (the cell measures 10.1 → 2.7, a factor of 3.7).",
        "pt": "Cerca de 4: √16 / √1 = 4 (a célula mede 10,1 → 2,7, um fator de 3,7).",
    },
    right={
        "en": "To halve the noise you need a batch 4 times larger: big batches pay a lot for a little less "
              "noise.",
        "pt": "Para reduzir o ruído à metade é preciso um lote 4 vezes maior: lotes grandes pagam caro por um "
              "pouco menos de ruído.",
    },
    wrong={
        "en": "Not in proportion to B: with the square root of B.",
        "pt": "Não na proporção de B: com a raiz de B.",
    },
)

c4 = NumberQuestion(
    "generalisation.c4", 4,
    hint={
        "en": "Sample j goes to fold j·3 // 10. Which j give 0?",
        "pt": "A amostra j vai para a parte j·3 // 10. Quais j dão 0?",
    },
    solution={
        "en": "4: j = 0, 1, 2, 3 give j·3 < 10, so fold 0 = [0 1 2 3]; folds 1 and 2 get 3 samples each. "
              "10 = 4 + 3 + 3: the n % k = 1 extra sample goes to one fold.",
        "pt": "4: j = 0, 1, 2, 3 dão j·3 < 10, então a parte 0 = [0 1 2 3]; as partes 1 e 2 ficam com 3 "
              "amostras cada. 10 = 4 + 3 + 3: a n % k = 1 amostra que sobra vai para uma parte.",
    },
    right={
        "en": "Folds of ⌊n/k⌋ or ⌈n/k⌉ samples: as even as 10 samples in 3 folds can be.",
        "pt": "Partes de ⌊n/k⌋ ou ⌈n/k⌉ amostras: o mais iguais que 10 amostras em 3 partes podem ficar.",
    },
    wrong={
        "en": "10 does not split into 3 equal folds: someone gets the sample left over. Try j = 3 in j·3 // 10.",
        "pt": "10 não se divide em 3 partes iguais: alguém fica com a amostra que sobra. Teste j = 3 em j·3 // 10.",
    },
)
