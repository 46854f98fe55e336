"""Exercises of Lesson 13 (beyond): ``from nnlessons.lessons.beyond import exercises as ex``.

q1  the padded sequence of a short sentence (an <unk>, padding "pre")       ArrayQuestion
q2  the number of parameters of Embedding(5000, 32)                        NumberQuestion
q3  binary cross-entropy of p = 0.8 for a negative sentence (y = 0)         NumberQuestion
q4  write conv_positions(n_tokens, kernel_size, stride)                     FunctionQuestion
"""

import numpy as np

from ...exercises.questions import ArrayQuestion, FunctionQuestion, NumberQuestion

q1 = ArrayQuestion(
    "beyond.q1", [0, 0, 2, 3, 4, 1, 5, 6],
    hint={
        "en": "Tokenize first (lower case, the '!' is a token of its own), look each token up (a word "
              "that is not in the vocabulary becomes 1, <unk>), then add <pad> = 0 at the start until "
              "there are 8 numbers.",
        "pt": "Separe os tokens primeiro (minúsculas; o '!' é um token sozinho), procure cada um no "
              "vocabulário (uma palavra que não está nele vira 1, <unk>) e depois acrescente <pad> = 0 "
              "no início até ter 8 números.",
    },
    solution={
        "en": "Tokens: the, film, was, really, great, ! → 2, 3, 4, 1 (really is unknown), 5, 6. Six "
              "tokens, so two <pad> go in front: [0, 0, 2, 3, 4, 1, 5, 6].",
        "pt": "Tokens: o, filme, foi, mesmo, ótimo, ! → 2, 3, 4, 1 (mesmo é desconhecida), 5, 6. São "
              "seis tokens, então dois <pad> vão na frente: [0, 0, 2, 3, 4, 1, 5, 6].",
    },
    right={
        "en": "pad_sequences([vocabulary.encode(sentence)], 8, padding='pre') gives the same row.",
        "pt": "pad_sequences([vocabulary.encode(frase)], 8, padding='pre') dá a mesma linha.",
    },
    wrong={
        "en": "Check three things: the unknown word is 1, the '!' counts as a token, and the zeros go "
              "at the start ('pre').",
        "pt": "Confira três coisas: a palavra desconhecida vale 1, o '!' conta como token, e os zeros "
              "vão no início ('pre').",
    },
)

q2 = NumberQuestion(
    "beyond.q2", 160_000,
    hint={
        "en": "An Embedding holds one row of embedding_dim numbers for every token of the vocabulary, "
              "and nothing else (no biases).",
        "pt": "Um Embedding guarda uma linha de embedding_dim números para cada token do vocabulário, "
              "e nada mais (sem vieses).",
    },
    solution={
        "en": "weights has shape (vocab_size, embedding_dim) = (5000, 32): 5000 · 32 = 160,000 numbers. "
              "A Dense(5000, 32) on one-hot vectors would have the same 160,000 weights plus 32 biases.",
        "pt": "weights tem formato (vocab_size, embedding_dim) = (5000, 32): 5000 · 32 = 160.000 números. "
              "Uma Dense(5000, 32) sobre vetores one-hot teria os mesmos 160.000 pesos, mais 32 vieses.",
    },
    right={
        "en": "One row of 32 numbers per token of the vocabulary, and no biases: looking up a row is "
              "exactly what a Dense layer would do with a one-hot vector.",
        "pt": "Uma linha de 32 números por token do vocabulário, e nenhum viés: consultar uma linha é "
              "exatamente o que uma Dense faria com um vetor one-hot.",
    },
    wrong={
        "en": "Count the rows (one per token) times the columns (the embedding size).",
        "pt": "Conte as linhas (uma por token) vezes as colunas (o tamanho do embedding).",
    },
)

q3 = NumberQuestion(
    "beyond.q3", -np.log(0.2), atol=0.005,
    hint={
        "en": "For one sample L = −[y·ln(p) + (1 − y)·ln(1 − p)]. With y = 0 only the second term is left.",
        "pt": "Para uma amostra, L = −[y·ln(p) + (1 − y)·ln(1 − p)]. Com y = 0 só sobra o segundo termo.",
    },
    solution={
        "en": "L = −ln(1 − 0.8) = −ln(0.2) ≈ 1.609. The model gave the wrong class 80%: a confident "
              "mistake costs a lot (p = 0.2 would have cost only −ln(0.8) ≈ 0.223).",
        "pt": "L = −ln(1 − 0,8) = −ln(0,2) ≈ 1,609. O modelo deu 80% à classe errada: um erro confiante "
              "custa caro (p = 0,2 teria custado só −ln(0,8) ≈ 0,223).",
    },
    right={
        "en": "With y = 0 only −ln(1 − p) is left, and 1 − p = 0.2 is small: a confident mistake costs a lot.",
        "pt": "Com y = 0 só sobra −ln(1 − p), e 1 − p = 0,2 é pequeno: um erro confiante custa caro.",
    },
    wrong={
        "en": "Use the natural logarithm (np.log) and the probability of the right answer, 1 − p.",
        "pt": "Use o logaritmo natural (np.log) e a probabilidade da resposta certa, 1 − p.",
    },
)


def _conv_positions(n_tokens, kernel_size, stride):
    """Reference for q4: ⌊(n − k) / s⌋ + 1 windows of k tokens, every s tokens."""
    return (n_tokens - kernel_size) // stride + 1


q4 = FunctionQuestion(
    "beyond.q4", _conv_positions,
    cases=[(12, 2, 1), (12, 3, 1), (20, 3, 2), (5, 5, 1), (9, 2, 3), (100, 5, 1), (10, 4, 4)],
    hint={
        "en": "The first window starts at token 0 and the last must still fit: it starts at most at "
              "n_tokens − kernel_size. Count the starts 0, stride, 2·stride, ... up to there.",
        "pt": "A primeira janela começa no token 0 e a última ainda precisa caber: ela começa no máximo "
              "em n_tokens − kernel_size. Conte os inícios 0, stride, 2·stride, ... até lá.",
    },
    solution={
        "en": "\n\ndef conv_positions(n_tokens, kernel_size, stride):\n    return (n_tokens - kernel_size) "
              "// stride + 1\n\nLesson 11's output-size formula with no padding, on one axis. The "
              "lesson's model: 12 tokens, windows of 2, stride 1 → 11 positions.",
        "pt": "\n\ndef conv_positions(n_tokens, kernel_size, stride):\n    return (n_tokens - kernel_size) "
              "// stride + 1\n\nA fórmula do tamanho da saída da lição 11, sem preenchimento, num eixo só. "
              "O modelo da lição: 12 tokens, janelas de 2, passo 1 → 11 posições.",
    },
    right={
        "en": "The // rounds down: a last window that would stick out past the sentence is not counted.",
        "pt": "O // arredonda para baixo: uma última janela que passaria do fim da frase não conta.",
    },
    wrong={
        "en": "Try it on a small case by hand: 5 tokens, windows of 2, stride 1 gives 4 positions.",
        "pt": "Teste num caso pequeno à mão: 5 tokens, janelas de 2, passo 1 dá 4 posições.",
    },
)
