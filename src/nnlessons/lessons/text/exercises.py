"""Exercises of Lesson 17 (text): ``from nnlessons.lessons.text import exercises as ex``.

Checkpoints (predict, then run)
c1  how many tokens the regular expression takes out of the example sentence   NumberQuestion
c2  the index the vocabulary gives a word no training sentence has              NumberQuestion
c3  the bigram detector's largest ReLU response on the sentence without "not"  NumberQuestion

End of the lesson
q1  the padded sequence of a short sentence (an <unk>, padding "pre")       ArrayQuestion
q2  the number of parameters of Embedding(5000, 32)                        NumberQuestion
q3  write conv_positions(n_tokens, kernel_size, stride)                     FunctionQuestion
q4  the number of parameters of the lesson's Conv1D(8, 16, 2)               NumberQuestion
"""

from ...exercises.questions import ArrayQuestion, FunctionQuestion, NumberQuestion

c1 = NumberQuestion(
    "text.c1", 11,
    hint={
        "en": "The pattern takes whole words (\\w+) or any single visible character that is not a letter or a "
              "digit ([^\\w\\s]). Count the words, then the punctuation marks.",
        "pt": "O padrão pega palavras inteiras (\\w+) ou qualquer caractere visível sozinho que não seja letra "
              "nem algarismo ([^\\w\\s]). Conte as palavras, depois os sinais de pontuação.",
    },
    solution={
        "en": "11: nine words (the, pizza, was, cold, but, the, dessert, was, great) plus the comma and the "
              "full stop, each a token of its own. split() gives only 9, with the punctuation stuck to the words.",
        "pt": "11: nove palavras (a, pizza, estava, fria, mas, a, sobremesa, estava, ótima) mais a vírgula e o "
              "ponto final, cada um um token sozinho. O split() dá só 9, com a pontuação grudada nas palavras.",
    },
    right={
        "en": "Punctuation counts: the comma and the full stop become tokens of their own, so \"cold\" and "
              "\"cold,\" are no longer two different words.",
        "pt": "A pontuação conta: a vírgula e o ponto final viram tokens sozinhos, então \"fria\" e \"fria,\" "
              "deixam de ser duas palavras diferentes.",
    },
    wrong={
        "en": "Count again with the punctuation: [^\\w\\s] turns each mark into a token of its own, and a word "
              "that appears twice is counted twice.",
        "pt": "Conte de novo com a pontuação: [^\\w\\s] transforma cada sinal num token sozinho, e uma palavra "
              "que aparece duas vezes conta duas vezes.",
    },
)

c2 = NumberQuestion(
    "text.c2", 1,
    hint={
        "en": "Two numbers of the vocabulary are reserved before any real word. Which one stands in for the "
              "words it does not know?",
        "pt": "Dois números do vocabulário ficam reservados antes de qualquer palavra de verdade. Qual deles "
              "substitui as palavras que ele não conhece?",
    },
    solution={
        "en": "1, the index of <unk>: a word outside the vocabulary becomes <unk>. 0 is <pad>, which only fills "
              "the places after (or before) a short sentence.",
        "pt": "1, o índice de <unk>: uma palavra fora do vocabulário vira <unk>. O 0 é o <pad>, que só preenche "
              "os lugares depois (ou antes) de uma frase curta.",
    },
    right={
        "en": "Every unknown word becomes <unk> = 1, so the network still gets a number, and decode gives "
              "back \"<unk>\" instead of the word.",
        "pt": "Toda palavra desconhecida vira <unk> = 1: a rede ainda recebe um número, e o decode devolve "
              "\"<unk>\" no lugar da palavra.",
    },
    wrong={
        "en": "The vocabulary has no index for a word it never counted. Which of the two reserved tokens is "
              "for unknown words, and which for filling?",
        "pt": "O vocabulário não tem índice para uma palavra que nunca contou. Qual dos dois tokens reservados "
              "é para palavras desconhecidas, e qual é para preencher?",
    },
)

c3 = NumberQuestion(
    "text.c3", 0.0, atol=1e-6,
    hint={
        "en": "Without the negation, the best a window can hold is the praise word alone. What is 1 − 1.5, and "
              "what does ReLU make of it?",
        "pt": "Sem a negação, o melhor que uma janela pode ter é a palavra de elogio sozinha. Quanto é 1 − 1,5, "
              "e o que a ReLU faz com isso?",
    },
    solution={
        "en": "0. The window that ends on \"good\" gives 0 + 1 − 1.5 = −0.5, every other window −1.5, and ReLU "
              "turns all of them into 0: the detector stays silent.",
        "pt": "0. A janela que termina em \"gostei\" dá 0 + 1 − 1,5 = −0,5, todas as outras −1,5, e a ReLU "
              "transforma todas em 0: o detector fica calado.",
    },
    right={
        "en": "The bias −1.5 makes the filter an AND: one of the two words is not enough, only the pair in "
              "this order passes.",
        "pt": "O viés −1,5 faz do filtro um E lógico: uma das duas palavras não basta, só o par nessa ordem "
              "passa.",
    },
    wrong={
        "en": "Compute r for the best window (the praise word alone, 0 + 1 − 1.5), then apply ReLU: it keeps "
              "nothing below zero.",
        "pt": "Calcule r para a melhor janela (a palavra de elogio sozinha, 0 + 1 − 1,5) e aplique a ReLU: ela "
              "não guarda nada abaixo de zero.",
    },
)

q1 = ArrayQuestion(
    "text.q1", [0, 0, 2, 3, 4, 1, 5, 6],
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
    "text.q2", 160_000,
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

def _conv_positions(n_tokens, kernel_size, stride):
    """Reference for q3: ⌊(n − k) / s⌋ + 1 windows of k tokens, every s tokens."""
    return (n_tokens - kernel_size) // stride + 1


q3 = FunctionQuestion(
    "text.q3", _conv_positions,
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
              "// stride + 1\n\nA fórmula do tamanho da saída da lição 14, sem preenchimento, num eixo só. "
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


q4 = NumberQuestion(
    "text.q4", 16 * 8 * 2 + 16,
    hint={
        "en": "Each filter has one weight per embedding number and per word of its window, and one bias.",
        "pt": "Cada filtro tem um peso por número do embedding e por palavra da janela, e um viés.",
    },
    solution={
        "en": "weights has shape (16, 8, 1, 2): 16 · 8 · 2 = 256 weights, plus 16 biases = 272. It does not "
              "depend on the sentence's length: the same filters slide along every sentence.",
        "pt": "weights tem formato (16, 8, 1, 2): 16 · 8 · 2 = 256 pesos, mais 16 vieses = 272. Não depende do "
              "comprimento da frase: os mesmos filtros deslizam por todas as frases.",
    },
    right={
        "en": "256 weights and 16 biases, whatever the length of the sentence: shared weights, as in lesson 14.",
        "pt": "256 pesos e 16 vieses, seja qual for o comprimento da frase: pesos compartilhados, como na lição 14.",
    },
    wrong={
        "en": "Count one filter first (a window of 2 words, 8 numbers each, plus its bias), then multiply by "
              "the 16 filters. The sentence length does not enter.",
        "pt": "Conte primeiro um filtro (uma janela de 2 palavras, 8 números cada, mais o viés) e depois "
              "multiplique pelos 16 filtros. O comprimento da frase não entra.",
    },
)
