"""Exercises of Lesson 11 (cross-validation): ``from nnlessons.lessons.cross_validation import exercises as ex``.

q1  how many trainings 5-fold cross-validation of 3 settings costs      NumberQuestion
q2  write k_fold_indices(n, k): the k validation folds of 0 .. n − 1     FunctionQuestion (any valid split)
q3  which of three procedures lets the test set take part in choosing   ChoiceQuestion
q4  rare-class samples in each training set of a stratified 5-fold split NumberQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  how far apart the best and worst of 10 single-split scores land     ChoiceQuestion
c2  how many samples fold 0 gets when 10 samples go into 3 folds          NumberQuestion
c3  how many rare samples each stratified fold gets (10 of 100, k = 5)    NumberQuestion
c4  the chosen model's test score: above, below or equal to its CV mean  ChoiceQuestion
"""

import numpy as np

from ...i18n import register, tr
from ...exercises.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion

q1 = NumberQuestion(
    "cross_validation.q1", 15,
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


def _k_fold_indices(n, k):
    """Reference for q2: k folds of consecutive indices, the first n % k one sample longer."""
    return np.array_split(np.arange(n), k)


register({
    "cross_validation.q2.count": {
        "en": "you returned {got} folds, expected k = {k}.",
        "pt": "você devolveu {got} partes, esperava k = {k}.",
    },
    "cross_validation.q2.not_indices": {
        "en": "fold {i} is not a list of whole-number indices.",
        "pt": "a parte {i} não é uma lista de índices inteiros.",
    },
    "cross_validation.q2.coverage": {
        "en": "sample {j} is in {times} folds; every sample 0 .. n − 1 must be in exactly one.",
        "pt": "a amostra {j} está em {times} partes; cada amostra de 0 a n − 1 precisa estar em exatamente uma.",
    },
    "cross_validation.q2.outside": {
        "en": "index {j} is not a sample: the indices go from 0 to n − 1 = {last}.",
        "pt": "o índice {j} não é uma amostra: os índices vão de 0 a n − 1 = {last}.",
    },
    "cross_validation.q2.sizes": {
        "en": "the fold sizes are {sizes}; each should have {allowed} samples, so the folds are as even "
              "as possible.",
        "pt": "os tamanhos das partes são {sizes}; cada uma deveria ter {allowed} amostras, para que fiquem "
              "o mais iguais possível.",
    },
})


def _folds_problem(folds, expected, args):
    """Why ``folds`` is not a k-fold split of range(n), or "" when it is one (Lesson 11):
    exactly k folds, every sample 0 .. n − 1 in exactly one of them, each fold of
    n // k or n // k + 1 samples. Any such split is right, not only ``expected``."""
    n, k = args
    folds = list(folds)
    if len(folds) != k:
        return tr("cross_validation.q2.count", got=len(folds), k=k)
    arrays = []
    for i, fold in enumerate(folds):
        array = np.asarray(fold)
        if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
            return tr("cross_validation.q2.not_indices", i=i)
        arrays.append(array)
    every = np.concatenate(arrays).astype(np.int64)
    outside = every[(every < 0) | (every >= n)]
    if outside.size:
        return tr("cross_validation.q2.outside", j=int(outside[0]), last=n - 1)
    times = np.bincount(every, minlength=n)
    if np.any(times != 1):
        j = int(np.flatnonzero(times != 1)[0])
        return tr("cross_validation.q2.coverage", j=j, times=int(times[j]))
    sizes = [len(array) for array in arrays]
    low, high = n // k, -(-n // k)                  # ⌊n/k⌋ and ⌈n/k⌉
    if min(sizes) < low or max(sizes) > high:
        allowed = f"{low}" if low == high else f"{low} {tr('ex.or')} {high}"
        return tr("cross_validation.q2.sizes", sizes=sizes, allowed=allowed)
    return ""


q2 = FunctionQuestion(
    "cross_validation.q2", _k_fold_indices, cases=[(10, 5), (10, 3), (7, 2), (12, 4), (6, 6)], compare=_folds_problem,
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

q3 = ChoiceQuestion(
    "cross_validation.q3", {
        "a": {"pt": "a", "en": "a", "also": ("(a)",)},
        "b": {"pt": "b", "en": "b", "also": ("(b)",)},
        "c": {"pt": "c", "en": "c", "also": ("(c)",)},
    }, expected="b",
    hint={
        "en": "For each procedure, list the samples that helped to pick the number of neurons or the learning "
              "rate. Is any test sample among them?",
        "pt": "Para cada procedimento, liste as amostras que ajudaram a escolher o número de neurônios ou a taxa "
              "de aprendizado. Alguma amostra de teste está entre elas?",
    },
    solution={
        "en": "(b): its cross-validation ran on all 200 points, test points included, so the test set helped to "
              "choose, and the test score that follows is optimistic. (a) and (c) choose on the 160 points only "
              "and look at the test set once, at the end; stratifying, in (c), changes nothing about that.",
        "pt": "(b): a validação cruzada rodou nos 200 pontos, os de teste inclusive, então o teste ajudou a "
              "escolher, e a nota de teste que vem depois é otimista. (a) e (c) escolhem só com os 160 pontos e "
              "olham o teste uma vez, no fim; estratificar, em (c), não muda nada nisso.",
    },
    right={
        "en": "The test set must play no part in any choice, not even as one fold among others.",
        "pt": "O teste não pode participar de escolha nenhuma, nem como uma parte entre outras.",
    },
    wrong={
        "en": "Stratifying and retraining are fine. Look for the procedure in which a test point ever validated "
              "a candidate.",
        "pt": "Estratificar e treinar de novo não são problema. Procure o procedimento em que um ponto de teste "
              "chegou a validar algum candidato.",
    },
)


q4 = NumberQuestion(
    "cross_validation.q4", 24,
    symptoms={"output": [(lambda got, run: abs(got - 6) < 1e-9, {
        "en": "6 is what each validation fold gets; the question asks about the training set that goes with it.",
        "pt": "6 é o que cada parte de validação recebe; a pergunta é sobre o conjunto de treino que a acompanha.",
    })]},
    hint={
        "en": "First count the class-1 samples of one validation fold; the training set is everything else.",
        "pt": "Conte primeiro as amostras da classe 1 numa parte de validação; o treino é todo o resto.",
    },
    solution={
        "en": "24: stratified folds get 30 / 5 = 6 class-1 samples each, and each training set is the other "
              "4 folds, 4 · 6 = 24 (out of 120 samples: the same 20% as the whole set).",
        "pt": "24: as partes estratificadas recebem 30 / 5 = 6 amostras da classe 1 cada, e cada conjunto de "
              "treino são as outras 4 partes, 4 · 6 = 24 (de 120 amostras: os mesmos 20% do conjunto inteiro).",
    },
    right={
        "en": "Stratifying keeps the proportions in the training sets too, not only in the validation folds.",
        "pt": "Estratificar mantém as proporções também nos conjuntos de treino, não só nas partes de validação.",
    },
    wrong={
        "en": "Each training set is k − 1 folds, and each fold holds a fifth of every class.",
        "pt": "Cada conjunto de treino tem k − 1 partes, e cada parte fica com um quinto de cada classe.",
    },
)


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = ChoiceQuestion(
    "cross_validation.c1", {
        "under 3": {"en": "under 3 points", "pt": "menos de 3 pontos", "also": ("< 3", "less than 3")},
        "3 to 10": {"en": "3 to 10 points", "pt": "de 3 a 10 pontos", "also": ("3-10", "3 a 10", "between 3 and 10")},
        "over 10": {"en": "over 10 points", "pt": "mais de 10 pontos", "also": ("> 10", "more than 10")},
    }, expected="over 10",
    hint={
        "en": "Each of the 40 validation points is worth 2.5 points of accuracy, and an accuracy p measured on n "
              "samples wobbles by about √(p(1 − p)/n). Work it out for p ≈ 0.85, n = 40; 10 draws spread over "
              "roughly three times that.",
        "pt": "Cada um dos 40 pontos de validação vale 2,5 pontos de acurácia, e uma acurácia p medida em n "
              "amostras oscila uns √(p(1 − p)/n). Faça a conta com p ≈ 0,85 e n = 40; 10 sorteios se espalham "
              "por umas três vezes isso.",
    },
    solution={
        "en": "Over 10 points: the cell prints 72.5% to 92.5%, 20 points apart, for the same network on the "
              "same data. √(0.85 · 0.15 / 40) ≈ 0.056: one split's score is uncertain by about ±6 points.",
        "pt": "Mais de 10 pontos: a célula imprime de 72,5% a 92,5%, 20 pontos de distância, para a mesma rede "
              "nos mesmos dados. √(0,85 · 0,15 / 40) ≈ 0,056: a nota de uma divisão tem uma incerteza de uns "
              "±6 pontos.",
    },
    right={
        "en": "Only the split changed, and the score moved by more than most differences between models: one "
              "validation split cannot tell them apart.",
        "pt": "Só a divisão mudou, e a nota andou mais do que a maioria das diferenças entre modelos: uma única "
              "divisão de validação não consegue separá-los.",
    },
    wrong={
        "en": "With 40 validation points, two or three points landing on the other side of the boundary already "
              "move the score by 5 to 7.5 points. How many of them can change with the split?",
        "pt": "Com 40 pontos de validação, dois ou três pontos caindo do outro lado da fronteira já mudam a nota "
              "em 5 a 7,5 pontos. Quantos deles podem mudar com a divisão?",
    },
)

c2 = NumberQuestion(
    "cross_validation.c2", 4,
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


c3 = NumberQuestion(
    "cross_validation.c3", 2,
    hint={
        "en": "Stratified folds deal each class out like cards, one to each fold in turn.",
        "pt": "As partes estratificadas distribuem cada classe como cartas de baralho, uma para cada parte em rodízio.",
    },
    solution={
        "en": "2: the 10 rare samples are dealt out to 5 folds, 10 / 5 = 2 each (and the 90 others, 18 each).",
        "pt": "2: as 10 amostras raras são distribuídas por 5 partes, 10 / 5 = 2 em cada (e as outras 90, 18 em cada).",
    },
    right={
        "en": "Every fold keeps the proportions of the whole set: 10% of each fold is the rare class.",
        "pt": "Toda parte mantém as proporções do conjunto inteiro: 10% de cada parte é da classe rara.",
    },
    wrong={
        "en": "Stratified means every fold gets the same share of the rare class as the whole set has.",
        "pt": "Estratificada quer dizer que cada parte recebe a mesma fatia da classe rara que o conjunto inteiro tem.",
    },
)

c4 = ChoiceQuestion(
    "cross_validation.c4", {
        "above": {"en": "above", "pt": "acima", "also": ("higher", "maior")},
        "below": {"en": "below", "pt": "abaixo", "also": ("lower", "menor")},
        "equal": {"en": "equal", "pt": "igual", "also": ("the same", "same")},
    }, expected="below",
    hint={
        "en": "The chosen candidate is the one whose cross-validation mean came out highest. Remember the best "
              "of lesson 10's 50 coin-flippers: is a winner's score a fair guess of its next one?",
        "pt": "O candidato escolhido é aquele cuja média na validação cruzada saiu mais alta. Lembre-se do melhor "
              "dos 50 chutadores da lição 10: a nota de um vencedor é um bom palpite da próxima?",
    },
    solution={
        "en": "Below (here it is). We kept the candidate with the highest of several noisy means, so its mean is "
              "lifted by luck as well as by skill; fresh data owe it no luck. Add the test set's own wobble of "
              "about ±6 points with 40 samples, and 'below' is what to expect, though not every time.",
        "pt": "Abaixo (aqui, é o que acontece). Ficamos com o candidato de maior média entre várias médias "
              "ruidosas, então a média dele subiu por sorte além de mérito; dados novos não lhe devem sorte "
              "nenhuma. Some a oscilação do próprio teste, uns ±6 pontos com 40 amostras, e 'abaixo' é o "
              "esperado, embora não sempre.",
    },
    right={
        "en": "Choosing by a score makes that score optimistic: only data that played no part in the choice give "
              "an honest one.",
        "pt": "Escolher por uma nota torna essa nota otimista: só dados que não participaram da escolha dão uma "
              "nota honesta.",
    },
    wrong={
        "en": "Think of how the candidate was picked: by the highest of several means, each with some luck in it.",
        "pt": "Pense em como o candidato foi escolhido: pela maior de várias médias, cada uma com um pouco de sorte.",
    },
)
