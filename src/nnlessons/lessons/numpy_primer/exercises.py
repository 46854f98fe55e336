"""Checkpoints and exercises of the NumPy primer (Lesson 00, NumPy essentials):
``from nnlessons.lessons.numpy_primer import exercises as ex``.

Checkpoints (predict, then run)
c1  dtype of np.array([1, 2, 3.5])                                   ChoiceQuestion
c2  shape of np.arange(12).reshape(3, -1)                             ShapeQuestion
c3  M[:, 1] for M = [[0, 1, 2], [3, 4, 5]]                            ArrayQuestion
c4  how many rows X[kind == 1] has                                    NumberQuestion
c5  shape of np.ones((4, 1)) + np.ones(3) (broadcasting)              ShapeQuestion
c6  shape of M.sum(axis=0) for M (2, 3)                               ShapeQuestion
c7  shape of M @ M.T for M (2, 3)                                     ShapeQuestion
c8  how many arguments describe(*points.T) passes, points (3, 2)      NumberQuestion
c9  do two generators seeded with 0 draw the same numbers?           ChoiceQuestion

Exercises
q1  shape of A @ B for A (5, 3) and B (3, 2)                          ShapeQuestion
q2  M.sum(axis=1) for M = [[1, 2, 3], [4, 5, 6]]                       ArrayQuestion
q3  write mean_of_class(X, y, k) with a mask and axis=                FunctionQuestion
q4  which operation fails to broadcast?                               ChoiceQuestion
"""

import numpy as np

from ...exercises.questions import ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion, ShapeQuestion

c1 = ChoiceQuestion(
    "numpy_primer.c1", {
        "int64": {"en": "int64", "pt": "int64"},
        "float64": {"en": "float64", "pt": "float64"},
        "mixed": {"en": "mixed", "pt": "misto"},
    }, expected="float64",
    hint={
        "en": "An array holds one type only. Can 3.5 be stored as a whole number without losing something?",
        "pt": "Um array guarda um tipo só. Dá para guardar 3,5 como número inteiro sem perder nada?",
    },
    solution={
        "en": "'float64': every element of an array has the same type, and NumPy picks one that fits "
              "them all. 1 and 2 fit in a float (1.0, 2.0); 3.5 does not fit in an integer.",
        "pt": "'float64': todos os elementos de um array têm o mesmo tipo, e o NumPy escolhe um que "
              "sirva para todos. 1 e 2 cabem num float (1.0, 2.0); 3,5 não cabe num inteiro.",
    },
    right={
        "en": "One number with a point is enough: the whole array becomes float64, so nothing is lost.",
        "pt": "Basta um número com ponto: o array todo vira float64, e nada se perde.",
    },
    wrong={
        "en": "An array has one dtype for all its elements; think of which type can hold every one of them.",
        "pt": "Um array tem um só dtype para todos os elementos; pense em qual tipo consegue guardar todos eles.",
    },
)

c2 = ShapeQuestion(
    "numpy_primer.c2", (3, 4),
    hint={
        "en": "The 12 numbers must all fit: 3 rows times how many columns make 12?",
        "pt": "Os 12 números precisam caber todos: 3 linhas vezes quantas colunas dão 12?",
    },
    solution={
        "en": "(3, 4): -1 asks NumPy to work out that size, and 12 / 3 = 4.",
        "pt": "(3, 4): o -1 pede ao NumPy que calcule esse tamanho, e 12 / 3 = 4.",
    },
    right={
        "en": "reshape never changes how many numbers there are: 3 · 4 = 12.",
        "pt": "reshape nunca muda quantos números existem: 3 · 4 = 12.",
    },
    wrong={
        "en": "The product of the sizes must stay 12, and the 3 rows are fixed.",
        "pt": "O produto dos tamanhos precisa continuar 12, e as 3 linhas estão fixas.",
    },
)

c3 = ArrayQuestion(
    "numpy_primer.c3", [1, 4],
    hint={
        "en": "The : keeps every row; the 1 picks the second column (counting from 0) in each of them.",
        "pt": "O : fica com todas as linhas; o 1 escolhe a segunda coluna (contando do 0) em cada uma delas.",
    },
    solution={
        "en": "[1, 4]: column 1 of row 0 is 1 and of row 1 is 4. M[1] would be the row [3, 4, 5].",
        "pt": "[1, 4]: a coluna 1 da linha 0 é 1, e a da linha 1 é 4. M[1] seria a linha [3, 4, 5].",
    },
    right={
        "en": "M[:, j] is column j: one value per row, as X[:, 0] is one feature of every sample.",
        "pt": "M[:, j] é a coluna j: um valor por linha, como X[:, 0] é uma característica de todas as amostras.",
    },
    wrong={
        "en": "The first index chooses rows, the second columns; indices start at 0.",
        "pt": "O primeiro índice escolhe linhas, o segundo colunas; os índices começam no 0.",
    },
)

c4 = NumberQuestion(
    "numpy_primer.c4", 3,
    hint={
        "en": "Count the 1s in kind = [0, 1, 0, 1, 1]: each True of the mask keeps one row.",
        "pt": "Conte os 1 em kind = [0, 1, 0, 1, 1]: cada True da máscara mantém uma linha.",
    },
    solution={
        "en": "3: the mask kind == 1 is [False, True, False, True, True], so rows 1, 3 and 4 are kept.",
        "pt": "3: a máscara kind == 1 é [False, True, False, True, True], então ficam as linhas 1, 3 e 4.",
    },
    right={
        "en": "A mask keeps exactly the rows marked True; the columns all stay.",
        "pt": "Uma máscara mantém exatamente as linhas marcadas com True; as colunas ficam todas.",
    },
    wrong={
        "en": "The mask has one True or False per row of X. How many are True?",
        "pt": "A máscara tem um True ou False por linha de X. Quantos são True?",
    },
)

c5 = ShapeQuestion(
    "numpy_primer.c5", (4, 3),
    hint={
        "en": "Write the shapes one above the other, aligned on the right: (4, 1) and (3,). Last axis: "
              "1 against 3; then 4 against nothing.",
        "pt": "Escreva os formatos um embaixo do outro, alinhados pela direita: (4, 1) e (3,). Último "
              "eixo: 1 contra 3; depois 4 contra nada.",
    },
    solution={
        "en": "(4, 3): on the last axis the 1 is stretched to 3; the missing axis of (3,) counts as 1 "
              "and is stretched to 4. Every row of the column meets every element of the vector.",
        "pt": "(4, 3): no último eixo o 1 é esticado até 3; o eixo que falta em (3,) conta como 1 e é "
              "esticado até 4. Cada linha da coluna encontra cada elemento do vetor.",
    },
    right={
        "en": "Each size of 1 (or missing) stretches to the other's size: a column plus a row make a table.",
        "pt": "Cada tamanho 1 (ou ausente) se estica até o tamanho do outro: uma coluna mais uma linha dão uma tabela.",
    },
    wrong={
        "en": "Broadcasting does not fail here, and neither array keeps its own shape: compare from the right.",
        "pt": "A difusão não falha aqui, e nenhum dos dois mantém o próprio formato: compare pela direita.",
    },
)

c6 = ShapeQuestion(
    "numpy_primer.c6", (3,),
    hint={
        "en": "axis=0 is the axis of size 2 (the rows): it disappears. What is left of (2, 3)?",
        "pt": "axis=0 é o eixo de tamanho 2 (as linhas): ele some. O que sobra de (2, 3)?",
    },
    solution={
        "en": "(3,): summing along axis 0 adds the rows together, one sum per column.",
        "pt": "(3,): somar ao longo do eixo 0 junta as linhas, uma soma por coluna.",
    },
    right={
        "en": "The axis you name is the one that disappears.",
        "pt": "O eixo que você nomeia é o que some.",
    },
    wrong={
        "en": "Which of the two axes disappears with axis=0, and which one stays?",
        "pt": "Qual dos dois eixos some com axis=0, e qual fica?",
    },
)

c7 = ShapeQuestion(
    "numpy_primer.c7", (2, 2),
    hint={
        "en": "M.T has shape (3, 2). Then (2, 3) @ (3, 2): the inner sizes meet and disappear.",
        "pt": "M.T tem formato (3, 2). Então (2, 3) @ (3, 2): os tamanhos de dentro se encontram e somem.",
    },
    solution={
        "en": "(2, 2): the inner 3s match; the rows of M and the columns of M.T are left.",
        "pt": "(2, 2): os 3 de dentro combinam; sobram as linhas de M e as colunas de M.T.",
    },
    right={
        "en": "Each of the 4 numbers is the dot product of one row of M with another.",
        "pt": "Cada um dos 4 números é o produto escalar de uma linha de M com outra.",
    },
    wrong={
        "en": "Write the shapes of M and M.T side by side; which sizes are left once the inner ones meet?",
        "pt": "Escreva lado a lado os formatos de M e de M.T; quais tamanhos sobram depois que os de dentro se encontram?",
    },
)

c8 = NumberQuestion(
    "numpy_primer.c8", 2,
    hint={
        "en": "* passes each row of points.T as one argument. How many rows does points.T have?",
        "pt": "O * passa cada linha de points.T como um argumento. Quantas linhas points.T tem?",
    },
    solution={
        "en": "2: points.T has shape (2, 3), so * passes its two rows, all the x and all the y.",
        "pt": "2: points.T tem formato (2, 3), então o * passa as suas duas linhas, todos os x e todos os y.",
    },
    right={
        "en": "One argument per row of points.T: xs, then ys.",
        "pt": "Um argumento por linha de points.T: xs, depois ys.",
    },
    wrong={
        "en": "* unpacks along the first axis of points.T, not of points.",
        "pt": "O * desempacota ao longo do primeiro eixo de points.T, não de points.",
    },
)

c9 = ChoiceQuestion(
    "numpy_primer.c9", {
        "True": {"en": "True", "pt": "True", "also": ("yes", "sim", "verdadeiro")},
        "False": {"en": "False", "pt": "False", "also": ("no", "não", "falso")},
    }, expected="True",
    hint={
        "en": "A generator's numbers depend only on its seed. What differs between the two generators?",
        "pt": "Os números de um gerador dependem só da semente. O que difere entre os dois geradores?",
    },
    solution={
        "en": "True: the same seed gives the same sequence, whichever generator draws it. That is what "
              "makes every run of a lesson print the same numbers.",
        "pt": "True: a mesma semente dá a mesma sequência, seja qual for o gerador que sorteia. É isso que "
              "faz cada execução de uma lição mostrar os mesmos números.",
    },
    right={
        "en": "Same seed, same numbers: 'random' here means well mixed, not unrepeatable.",
        "pt": "Mesma semente, mesmos números: 'aleatório' aqui quer dizer bem embaralhado, não impossível de repetir.",
    },
    wrong={
        "en": "Each generator is new, but what decides the numbers it draws?",
        "pt": "Cada gerador é novo, mas o que decide os números que ele sorteia?",
    },
)

q1 = ShapeQuestion(
    "numpy_primer.q1", (5, 2),
    hint={
        "en": "(n, k) @ (k, m) gives (n, m): the inner sizes meet and disappear.",
        "pt": "(n, k) @ (k, m) dá (n, m): os tamanhos de dentro se encontram e somem.",
    },
    solution={
        "en": "(5, 2): the inner 3s match and disappear; the rows of A and the columns of B are left.",
        "pt": "(5, 2): os 3 de dentro combinam e somem; sobram as linhas de A e as colunas de B.",
    },
    right={
        "en": "Rows from the left matrix, columns from the right one.",
        "pt": "Linhas da matriz da esquerda, colunas da matriz da direita.",
    },
    wrong={
        "en": "Which sizes are left once the inner ones have met?",
        "pt": "Quais tamanhos sobram depois que os de dentro se encontram?",
    },
)

q2 = ArrayQuestion(
    "numpy_primer.q2", [6, 15],
    hint={
        "en": "axis=1 runs along each row and makes the columns disappear: one sum per row.",
        "pt": "axis=1 percorre cada linha e faz as colunas sumirem: uma soma por linha.",
    },
    solution={
        "en": "[6, 15]: 1 + 2 + 3 = 6 for the first row and 4 + 5 + 6 = 15 for the second. "
              "axis=0 would give one sum per column, [5, 7, 9].",
        "pt": "[6, 15]: 1 + 2 + 3 = 6 na primeira linha e 4 + 5 + 6 = 15 na segunda. "
              "axis=0 daria uma soma por coluna, [5, 7, 9].",
    },
    right={
        "en": "The axis you name is the one that disappears: here the columns, so one value per row is left.",
        "pt": "O eixo que você nomeia é o que some: aqui as colunas, então sobra um valor por linha.",
    },
    wrong={
        "en": "M has 2 rows; after summing along axis=1, how many values are left?",
        "pt": "M tem 2 linhas; depois de somar ao longo do axis=1, quantos valores sobram?",
    },
)


def _mean_of_class(X, y, k):
    return np.asarray(X)[np.asarray(y) == k].mean(axis=0)


_rng = np.random.default_rng(0)
q3 = FunctionQuestion(
    "numpy_primer.q3", _mean_of_class, cases=[
        (np.array([[150, 7.0], [170, 7.5], [120, 6.0], [190, 8.0], [160, 7.2]]), np.array([0, 1, 0, 1, 1]), 1),
        (np.round(_rng.normal(size=(8, 3)), 2), np.array([2, 0, 1, 2, 2, 0, 1, 1]), 2),
    ],
    hint={
        "en": "First keep the rows of class k with the mask y == k, then average them with mean(axis=0).",
        "pt": "Primeiro fique com as linhas da classe k com a máscara y == k, depois tire a média delas "
              "com mean(axis=0).",
    },
    solution={
        "en": "\n\ndef mean_of_class(X, y, k):\n    return X[y == k].mean(axis=0)\n\naxis=0 averages over "
              "the rows, so one mean per column (feature) is left.",
        "pt": "\n\ndef mean_of_class(X, y, k):\n    return X[y == k].mean(axis=0)\n\naxis=0 tira a média "
              "ao longo das linhas, então sobra uma média por coluna (característica).",
    },
    right={
        "en": "A mask and an axis in one line: the average sample of a class.",
        "pt": "Uma máscara e um eixo numa linha só: a amostra média de uma classe.",
    },
    wrong={
        "en": "The result needs one mean per column, computed only over the rows where y == k.",
        "pt": "O resultado precisa de uma média por coluna, calculada só nas linhas em que y == k.",
    },
)

q4 = ChoiceQuestion(
    "numpy_primer.q4", {
        "a": {"en": "a", "pt": "a"},
        "b": {"en": "b", "pt": "b"},
        "c": {"en": "c", "pt": "c"},
    }, expected="c",
    hint={
        "en": "Align each pair of shapes on the right and compare the last sizes first: equal, or one of them 1?",
        "pt": "Alinhe cada par de formatos pela direita e compare primeiro os últimos tamanhos: iguais, ou um deles 1?",
    },
    solution={
        "en": "'c': (3, 4) and (3,) meet 4 against 3 on the last axis, neither is 1, so NumPy raises a "
              "ValueError. (a) is 4 against 4; (b) is 4 against 1. To add a vector of 3 to each column, "
              "shape it (3, 1).",
        "pt": "'c': (3, 4) e (3,) se encontram com 4 contra 3 no último eixo, e nenhum é 1, então o NumPy "
              "levanta um ValueError. Em (a) é 4 contra 4; em (b), 4 contra 1. Para somar um vetor de 3 a "
              "cada coluna, dê a ele o formato (3, 1).",
    },
    right={
        "en": "From the right, 4 against 3: neither equal nor 1, so it cannot broadcast.",
        "pt": "Pela direita, 4 contra 3: nem iguais nem 1, então não dá para difundir.",
    },
    wrong={
        "en": "That one works. Compare the shapes starting from the right, not from the left.",
        "pt": "Essa funciona. Compare os formatos começando pela direita, não pela esquerda.",
    },
)
