"""Exercises of Lesson 01 (the neuron): ``from nnlessons.lessons.neuron import exercises as ex``.

q1  the weighted sum of a three-input neuron, by hand          NumberQuestion
q2  where a step neuron (w = 2, b = −3) switches on             NumberQuestion
q3  write perceptron(inputs, weights, bias) → 0 or 1            FunctionQuestion
q4  the house-price neuron's guess for 100 m² and 3 rooms       NumberQuestion
q5  one update of the perceptron learning rule: [w₁, w₂, b]      ArrayQuestion
q6  build it: write neuron(inputs, weights, bias)               FunctionQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  the weighted sum of inputs (1, 2, 3), weights (0.2, 0.8, −0.5), bias 2   NumberQuestion
c2  how many of six inputs make the step neuron z = x − 3 fire               NumberQuestion
c3  does the neuron w = −1, b = 2 fire at x = 2.5?                            ChoiceQuestion
"""

from .explorers import neuron_output
from ...exercises.questions import ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion, close

q1 = NumberQuestion(
    "neuron.q1", 0.5,
    hint={
        "en": "Multiply each input by its weight: 2·0.5, (−1)·1.5 and 3·(−0.5). Add the three "
              "products, then add the bias.",
        "pt": "Multiplique cada entrada pelo seu peso: 2·0,5, (−1)·1,5 e 3·(−0,5). Some os três "
              "produtos e depois some o viés.",
    },
    solution={
        "en": "0.5: z = 2·0.5 + (−1)·1.5 + 3·(−0.5) + 2.5 = 1 − 1.5 − 1.5 + 2.5 = 0.5. "
              "In code: neuron_output([2, -1, 3], [0.5, 1.5, -0.5], 2.5).",
        "pt": "0.5: z = 2·0,5 + (−1)·1,5 + 3·(−0,5) + 2,5 = 1 − 1,5 − 1,5 + 2,5 = 0,5. "
              "Em código: neuron_output([2, -1, 3], [0.5, 1.5, -0.5], 2.5).",
    },
    right={
        "en": "Two negative products pulled the sum down and the bias pulled it back up.",
        "pt": "Dois produtos negativos puxaram a soma para baixo e o viés a trouxe de volta para cima.",
    },
    wrong={
        "en": "Check the signs: a negative input times a positive weight gives a negative product.",
        "pt": "Confira os sinais: uma entrada negativa vezes um peso positivo dá um produto negativo.",
    },
)

q2 = NumberQuestion(
    "neuron.q2", 1.5,
    hint={
        "en": "The output switches where the weighted sum crosses zero: solve 2·x − 3 = 0.",
        "pt": "A saída muda onde a soma ponderada cruza o zero: resolva 2·x − 3 = 0.",
    },
    solution={
        "en": "1.5: 2·x − 3 > 0 exactly when x > 3/2. In general the threshold is x = −b/w; "
              "the bias sets it and the weight scales it.",
        "pt": "1.5: 2·x − 3 > 0 exatamente quando x > 3/2. Em geral o limiar é x = −b/w; o viés "
              "o define e o peso o escala.",
    },
    right={
        "en": "The threshold is −b/w: a more negative bias makes the neuron harder to switch on.",
        "pt": "O limiar é −b/w: um viés mais negativo torna o neurônio mais difícil de disparar.",
    },
    wrong={
        "en": "Set the weighted sum w·x + b to zero and solve for x.",
        "pt": "Iguale a soma ponderada w·x + b a zero e isole o x.",
    },
)


def _perceptron(inputs, weights, bias):
    """Reference for q3: the step of the weighted sum, 1 if z > 0 else 0."""
    return 1 if neuron_output(inputs, weights, bias) > 0 else 0


q3 = FunctionQuestion(
    "neuron.q3", _perceptron, cases=[
        ([1.0, 2.0, 3.0], [0.2, 0.8, -0.5], 2.0),
        ([1.0, 1.0], [1.0, 1.0], -1.5),
        ([0.0, 1.0], [1.0, 1.0], -1.5),
        ([-2.0], [3.0], 5.0),
        ([1.0, 2.0], [1.0, -0.5], 0.0),
    ], direction=False,
    hint={
        "en": "First the weighted sum, as in neuron_output: loop over zip(inputs, weights), add "
              "up x * w, then add the bias. Then return 1 if the sum is greater than 0, else 0.",
        "pt": "Primeiro a soma ponderada, como em neuron_output: percorra zip(inputs, weights), "
              "some x * w e depois some o viés. Então devolva 1 se a soma for maior que 0, senão 0.",
    },
    solution={
        "en": "\n\ndef perceptron(inputs, weights, bias):\n    z = bias\n    for x, w in zip(inputs, weights):\n"
              "        z += x * w\n    return 1 if z > 0 else 0\n\nA perceptron is a weighted sum followed by "
              "the step function. Note that a sum of exactly 0 gives 0 (the step is 1 only for z > 0).",
        "pt": "\n\ndef perceptron(inputs, weights, bias):\n    z = bias\n    for x, w in zip(inputs, weights):\n"
              "        z += x * w\n    return 1 if z > 0 else 0\n\nUm perceptron é uma soma ponderada seguida "
              "da função degrau. Repare que uma soma exatamente 0 dá 0 (o degrau só vale 1 para z > 0).",
    },
    right={
        "en": "That is Rosenblatt's perceptron: weighted sum, then step.",
        "pt": "Esse é o perceptron de Rosenblatt: soma ponderada e depois degrau.",
    },
    wrong={
        "en": "Return the number 1 or 0 (int(z > 0) turns True/False into 1/0), and remember the "
              "bias and that z = 0 gives 0.",
        "pt": "Devolva o número 1 ou 0 (int(z > 0) transforma True/False em 1/0), e lembre do viés "
              "e de que z = 0 dá 0.",
    },
)

q4 = NumberQuestion(
    "neuron.q4", 350.0,
    hint={
        "en": "price = w₁·size + w₂·rooms + b with size = 100, rooms = 3.",
        "pt": "preço = w₁·área + w₂·quartos + b com área = 100 e quartos = 3.",
    },
    solution={
        "en": "350: 2.5·100 + 20·3 + 40 = 250 + 60 + 40 = 350 (thousand, in our made-up money).",
        "pt": "350: 2,5·100 + 20·3 + 40 = 250 + 60 + 40 = 350 (mil, no nosso dinheiro inventado).",
    },
    right={
        "en": "A neuron without a step is just this sum: a number, which is what a regression needs.",
        "pt": "Um neurônio sem degrau é só esta soma: um número, que é do que uma regressão precisa.",
    },
    wrong={
        "en": "Each weight multiplies its own feature: 2.5 goes with the size, 20 with the rooms.",
        "pt": "Cada peso multiplica a sua própria característica: 2,5 vai com a área, 20 com os quartos.",
    },
)

q6 = FunctionQuestion(
    "neuron.q6", neuron_output, cases=[
        ([1.0, 2.0, 3.0], [0.2, 0.8, -0.5], 2.0),
        ([2.0, -1.0, 3.0, 0.5], [0.5, 1.5, -0.5, 4.0], -1.0),
        ([0.0, 0.0], [3.0, -2.0], 1.5),
        ([4.0], [0.25], 0.5),
    ],
    symptoms={"output": [
        (lambda got, run: close(got, run.expected - run.args[2]), {
            "en": "That is the weighted sum without the bias: add the bias once, at the end.",
            "pt": "Essa é a soma ponderada sem o viés: some o viés uma vez, no fim.",
        }),
        (lambda got, run: close(got, run.expected + (len(run.args[0]) - 1) * run.args[2]), {
            "en": "The bias was added once per input: move it out of the loop.",
            "pt": "O viés foi somado uma vez por entrada: tire-o de dentro do laço.",
        }),
        (lambda got, run: close(got, run.args[0][-1] * run.args[1][-1] + run.args[2]), {
            "en": "Only the last product counts: inside the loop use total += ..., not total = ....",
            "pt": "Só o último produto conta: dentro do laço use total += ..., e não total = ....",
        }),
    ]},
    hint={
        "en": "Start from total = 0.0, loop with for x, w in zip(inputs, weights), add x * w each "
              "time, and return total + bias.",
        "pt": "Comece com total = 0.0, percorra com for x, w in zip(inputs, weights), some x * w a "
              "cada passo e devolva total + bias.",
    },
    solution={
        "en": "\n\ndef neuron(inputs, weights, bias):\n    total = 0.0\n    for x, w in zip(inputs, weights):\n"
              "        total += x * w\n    return total + bias\n\nThe same loop as the package's neuron_output: "
              "it works for any number of inputs.",
        "pt": "\n\ndef neuron(inputs, weights, bias):\n    total = 0.0\n    for x, w in zip(inputs, weights):\n"
              "        total += x * w\n    return total + bias\n\nO mesmo laço da neuron_output do pacote: "
              "funciona para qualquer número de entradas.",
    },
    right={
        "en": "Your neuron agrees with the package's neuron_output, for any number of inputs.",
        "pt": "Seu neurônio concorda com a neuron_output do pacote, para qualquer número de entradas.",
    },
)

q5 = ArrayQuestion(
    "neuron.q5", [2.0, -1.0, 1.0],
    hint={
        "en": "z = 0·2 + 0·(−1) + 0 = 0, so the guess is ŷ = 0 and y − ŷ = 1. Each weight gains "
              "η·(y − ŷ)·xᵢ, and the bias gains η·(y − ŷ).",
        "pt": "z = 0·2 + 0·(−1) + 0 = 0, então o palpite é ŷ = 0 e y − ŷ = 1. Cada peso ganha "
              "η·(y − ŷ)·xᵢ, e o viés ganha η·(y − ŷ).",
    },
    solution={
        "en": "[2, −1, 1]: with y − ŷ = 1 and η = 1, w becomes (0, 0) + (2, −1) = (2, −1) and b becomes "
              "0 + 1 = 1. Now z = 2·2 + (−1)·(−1) + 1 = 6 > 0: this example is answered right.",
        "pt": "[2, −1, 1]: com y − ŷ = 1 e η = 1, w vira (0, 0) + (2, −1) = (2, −1) e b vira 0 + 1 = 1. "
              "Agora z = 2·2 + (−1)·(−1) + 1 = 6 > 0: este exemplo passa a ser respondido certo.",
    },
    right={
        "en": "A mistake pushes the weights towards the input that was missed; after this one step the example "
              "is answered right (z = 6).",
        "pt": "Um erro empurra os pesos na direção da entrada errada; depois deste único passo o exemplo "
              "passa a ser respondido certo (z = 6).",
    },
    wrong={
        "en": "The guess was too low (0 instead of 1), so the input is added, not subtracted, and the bias "
              "moves too.",
        "pt": "O palpite ficou baixo (0 em vez de 1), então a entrada é somada, não subtraída, e o viés "
              "também se mexe.",
    },
)


c1 = NumberQuestion(
    "neuron.c1", 2.3, atol=0.005,
    hint={
        "en": "Multiply each input by its weight, add the three products, and do not forget the bias at the end.",
        "pt": "Multiplique cada entrada pelo seu peso, some os três produtos e não esqueça o viés no final.",
    },
    solution={
        "en": "2.3: 1·0.2 + 2·0.8 + 3·(−0.5) + 2 = 0.2 + 1.6 − 1.5 + 2 = 2.3.",
        "pt": "2,3: 1·0,2 + 2·0,8 + 3·(−0,5) + 2 = 0,2 + 1,6 − 1,5 + 2 = 2,3.",
    },
    right={
        "en": "Each input counts as much as its weight says (the negative weight subtracts), and the bias is "
              "added once, at the end.",
        "pt": "Cada entrada conta o quanto o seu peso manda (o peso negativo subtrai), e o viés entra uma vez, "
              "no final.",
    },
    wrong={
        "en": "Check the sign of the third product, and that you added the bias once.",
        "pt": "Confira o sinal do terceiro produto e se você somou o viés uma vez.",
    },
)

c2 = NumberQuestion(
    "neuron.c2", 2,
    hint={
        "en": "Compute z = x − 3 for each input. The step gives 1 only when z is strictly greater than 0.",
        "pt": "Calcule z = x − 3 para cada entrada. O degrau só dá 1 quando z é estritamente maior que 0.",
    },
    solution={
        "en": "2: z = −3, −2, −0.1, 0, 0.1 and 2. Only x = 3.1 and x = 5 give z > 0; at x = 3 the sum is "
              "exactly 0, and here H(0) = 0.",
        "pt": "2: z = −3, −2, −0,1, 0, 0,1 e 2. Só x = 3,1 e x = 5 dão z > 0; em x = 3 a soma é exatamente 0, "
              "e aqui H(0) = 0.",
    },
    right={
        "en": "The threshold x = −b/w = 3 itself stays out: the step fires only for z > 0.",
        "pt": "O próprio limiar x = −b/w = 3 fica de fora: o degrau só dispara para z > 0.",
    },
    wrong={
        "en": "Find the threshold −b/w, and look closely at what the step does exactly at z = 0.",
        "pt": "Ache o limiar −b/w e veja com cuidado o que o degrau faz exatamente em z = 0.",
    },
)

c3 = ChoiceQuestion(
    "neuron.c3", {
        "fires": {"en": "fires", "pt": "dispara", "also": ("1", "yes", "sim")},
        "silent": {"en": "does not fire", "pt": "não dispara", "also": ("0", "no", "não")},
    }, expected="silent",
    hint={
        "en": "Compute z = w·x + b and look at its sign; the threshold alone does not say on which side the "
              "neuron fires.",
        "pt": "Calcule z = w·x + b e olhe o sinal; o limiar sozinho não diz de que lado o neurônio dispara.",
    },
    solution={
        "en": "'does not fire': z = −1·2.5 + 2 = −0.5 ≤ 0, so the step gives 0. The threshold is still x = 2, "
              "but with a negative weight the neuron fires on the other side, for x < 2.",
        "pt": "'não dispara': z = −1·2,5 + 2 = −0,5 ≤ 0, então o degrau dá 0. O limiar continua em x = 2, mas "
              "com peso negativo o neurônio dispara do outro lado, para x < 2.",
    },
    right={
        "en": "A negative weight turns the line downwards: the neuron now fires below its threshold, and 2.5 "
              "is above it.",
        "pt": "Um peso negativo inclina a reta para baixo: agora o neurônio dispara abaixo do limiar, e 2,5 "
              "está acima dele.",
    },
    wrong={
        "en": "Being past the threshold does not always mean firing: the sign of w decides which side fires. "
              "Compute z.",
        "pt": "Passar do limiar nem sempre quer dizer disparar: o sinal de w decide de que lado o neurônio "
              "dispara. Calcule z.",
    },
)
