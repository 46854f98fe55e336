"""Exercises of Lesson 06 (derivatives and gradient descent):
``from nnlessons.lessons.gradient_descent import exercises as ex``.

q1  centred difference of w³ at w = 2 with h = 0.1                     NumberQuestion
q2  one step of gradient descent on L = w₁² + 4·w₂² from (3, 1)       ArrayQuestion
q3  iterations in 5 epochs of 1000 samples with batches of 32          NumberQuestion
q4  write descend(w, learning_rate, steps) for L(w) = (w − 3)²          FunctionQuestion
q5  a 6 km ride, standardised with μ = 3 km and σ = 1.5 km             NumberQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  the sign of the taxi loss's slope at w = 1                          ChoiceQuestion
c2  after one step from w = b = 0, is w larger, smaller or the same?   ChoiceQuestion
c3  where w ends after 30 steps with η = 1 on L = (w − 1)², from −2     NumberQuestion
"""

from ...exercises.questions import ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion

q1 = NumberQuestion(
    "gradient_descent.q1", 12.01, atol=1e-6,
    hint={
        "en": "Compute f(2.1) and f(1.9) with f(w) = w³ (w * w * w), subtract, and divide by 2h = 0.2.",
        "pt": "Calcule f(2,1) e f(1,9) com f(w) = w³ (w * w * w), subtraia e divida por 2h = 0,2.",
    },
    solution={
        "en": "(2.1³ − 1.9³) / 0.2 = (9.261 − 6.859) / 0.2 = 12.01. The exact derivative is "
              "3·2² = 12; for a cubic the centred difference is off by exactly h² = 0.01.",
        "pt": "(2,1³ − 1,9³) / 0,2 = (9,261 − 6,859) / 0,2 = 12,01. A derivada exata é "
              "3·2² = 12; numa cúbica a diferença centrada erra exatamente h² = 0,01.",
    },
    right={
        "en": "The error, 0.01 = h², shrinks 100 times when h shrinks 10 times.",
        "pt": "O erro, 0,01 = h², encolhe 100 vezes quando h encolhe 10 vezes.",
    },
    wrong={
        "en": "Use the centred formula (f(w + h) − f(w − h)) / (2h) with these exact numbers "
              "(12 is the exact derivative, not the centred difference).",
        "pt": "Use a fórmula centrada (f(w + h) − f(w − h)) / (2h) com estes números exatos "
              "(12 é a derivada exata, não a diferença centrada).",
    },
)

q2 = ArrayQuestion(
    "gradient_descent.q2", [2.4, 0.2],
    hint={
        "en": "First the gradient: ∂L/∂w₁ = 2·w₁ and ∂L/∂w₂ = 8·w₂ at (3, 1). Then "
              "new = old − η·gradient, entry by entry.",
        "pt": "Primeiro o gradiente: ∂L/∂w₁ = 2·w₁ e ∂L/∂w₂ = 8·w₂ em (3, 1). Depois "
              "novo = antigo − η·gradiente, entrada por entrada.",
    },
    solution={
        "en": "∇L(3, 1) = (2·3, 8·1) = (6, 8); (3, 1) − 0.1·(6, 8) = (2.4, 0.2). The loss falls "
              "from 13 to 5.92.",
        "pt": "∇L(3, 1) = (2·3, 8·1) = (6, 8); (3, 1) − 0,1·(6, 8) = (2,4, 0,2). A perda cai "
              "de 13 para 5,92.",
    },
    right={
        "en": "The steeper direction (w₂) moved further: the step is proportional to the slope.",
        "pt": "A direção mais íngreme (w₂) andou mais: o passo é proporcional à inclinação.",
    },
    wrong={
        "en": "Check the sign (we subtract η·gradient) and the factor 4 in front of w₂².",
        "pt": "Confira o sinal (subtraímos η·gradiente) e o fator 4 na frente de w₂².",
    },
)

q3 = NumberQuestion(
    "gradient_descent.q3", 160,
    hint={
        "en": "One epoch needs ceil(1000 / 32) batches; the last one is smaller but still an update.",
        "pt": "Uma época precisa de ceil(1000 / 32) lotes; o último é menor, mas ainda é uma atualização.",
    },
    solution={
        "en": "1000 / 32 = 31.25, so 32 batches per epoch (31 of 32 samples and one of 8): "
              "32 iterations × 5 epochs = 160.",
        "pt": "1000 / 32 = 31,25, então 32 lotes por época (31 de 32 amostras e um de 8): "
              "32 iterações × 5 épocas = 160.",
    },
    right={
        "en": "Iterations count updates; epochs count passes over the data.",
        "pt": "Iterações contam atualizações; épocas contam passagens pelos dados.",
    },
    wrong={
        "en": "Count the updates: one per batch, including the last, smaller batch.",
        "pt": "Conte as atualizações: uma por lote, incluindo o último lote, menor.",
    },
)


def _descend(w, learning_rate, steps):
    """Reference for q4: ``steps`` steps of w ← w − η·2(w − 3) from ``w``."""
    for _ in range(steps):
        w = w - learning_rate * 2 * (w - 3)
    return w


q4 = FunctionQuestion(
    "gradient_descent.q4", _descend,
    cases=[(0.0, 0.1, 1), (0.0, 0.1, 10), (5.0, 0.5, 1), (10.0, 0.9, 7), (0.0, 1.1, 5), (2.0, 0.25, 0)],
    hint={
        "en": "The slope of (w − 3)² is 2·(w − 3). Repeat steps times: w = w − learning_rate * slope.",
        "pt": "A inclinação de (w − 3)² é 2·(w − 3). Repita steps vezes: w = w − learning_rate * inclinação.",
    },
    solution={
        "en": "\n\ndef descend(w, learning_rate, steps):\n    for _ in range(steps):\n"
              "        w = w - learning_rate * 2 * (w - 3)\n    return w\n\n"
              "Each step multiplies the distance to 3 by (1 − 2η).",
        "pt": "\n\ndef descend(w, learning_rate, steps):\n    for _ in range(steps):\n"
              "        w = w - learning_rate * 2 * (w - 3)\n    return w\n\n"
              "Cada passo multiplica a distância até 3 por (1 − 2η).",
    },
    right={
        "en": "That loop is the whole of gradient descent; everything else is computing the slope.",
        "pt": "Esse laço é a descida do gradiente inteira; o resto é calcular a inclinação.",
    },
    wrong={
        "en": "Use the slope at the current w in every step, and return w after all the steps.",
        "pt": "Use a inclinação no w atual em cada passo e devolva w depois de todos os passos.",
    },
)

q5 = NumberQuestion(
    "gradient_descent.q5", 2.0,
    hint={
        "en": "z = (x − μ) / σ: first subtract the mean, then divide by the standard deviation.",
        "pt": "z = (x − μ) / σ: primeiro subtraia a média, depois divida pelo desvio-padrão.",
    },
    solution={
        "en": "2: z = (6 − 3) / 1.5 = 3 / 1.5 = 2. The ride is two standard deviations above the mean.",
        "pt": "2: z = (6 − 3) / 1,5 = 3 / 1,5 = 2. A corrida está dois desvios-padrão acima da média.",
    },
    right={
        "en": "(6 − 3) / 1.5 = 2: the ride is two standard deviations above the training mean.",
        "pt": "(6 − 3) / 1,5 = 2: a corrida está dois desvios-padrão acima da média do treino.",
    },
    wrong={
        "en": "Subtract μ before dividing: (6 − 3) / 1.5, not 6 / 1.5 − 3 or 6 − 3 / 1.5.",
        "pt": "Subtraia μ antes de dividir: (6 − 3) / 1,5, e não 6 / 1,5 − 3 nem 6 − 3 / 1,5.",
    },
)


c1 = ChoiceQuestion(
    "gradient_descent.c1", {
        "positive": {"en": "positive", "pt": "positivo", "also": ("positiva",)},
        "negative": {"en": "negative", "pt": "negativo", "also": ("negativa",)},
        "zero": {"en": "zero", "pt": "zero", "also": ("0",)},
    }, expected="negative",
    hint={
        "en": "Stand at w = 1 on the loss curve and step to the right: does the loss go up or down?",
        "pt": "Fique em w = 1 na curva da perda e dê um passo para a direita: a perda sobe ou desce?",
    },
    solution={
        "en": "'negative': w = 1 is left of the bottom, so the loss goes down as w grows, and a curve going "
              "down to the right has a negative slope (about −22.4).",
        "pt": "'negativo': w = 1 fica à esquerda do fundo, então a perda desce quando w cresce, e uma curva "
              "que desce para a direita tem inclinação negativa (cerca de −22,4).",
    },
    right={
        "en": "Left of the minimum the loss falls as w grows: a negative slope, which says 'make w bigger'.",
        "pt": "À esquerda do mínimo a perda cai quando w cresce: inclinação negativa, que diz 'aumente w'.",
    },
    wrong={
        "en": "The sign says whether the curve rises or falls as w grows, at w = 1. Which side of the bottom "
              "is w = 1 on?",
        "pt": "O sinal diz se a curva sobe ou desce quando w cresce, em w = 1. De que lado do fundo fica w = 1?",
    },
)

c2 = ChoiceQuestion(
    "gradient_descent.c2", {
        "larger": {"en": "larger", "pt": "maior", "also": ("bigger", "up", "sobe", "aumenta")},
        "smaller": {"en": "smaller", "pt": "menor", "also": ("down", "desce", "diminui")},
        "same": {"en": "same", "pt": "igual", "also": ("unchanged", "still 0", "0")},
    }, expected="larger",
    hint={
        "en": "Here every error e_i = w·x_i + b − y_i is negative and every distance x_i positive. What sign "
              "does ∂L/∂w = mean(2·e_i·x_i) have, and which way does a step against it go?",
        "pt": "Aqui todo erro e_i = w·x_i + b − y_i é negativo e toda distância x_i é positiva. Que sinal tem "
              "∂L/∂w = média(2·e_i·x_i), e para que lado vai um passo contra ele?",
    },
    solution={
        "en": "'larger': the errors are negative and the distances positive, so ∂L/∂w < 0 (it is −72.2), and "
              "θ − η·g moves w up, to 1.44: the line tilts up towards the fares.",
        "pt": "'maior': os erros são negativos e as distâncias positivas, então ∂L/∂w < 0 (dá −72,2), e "
              "θ − η·g leva w para cima, a 1,44: a reta se inclina para cima, na direção das tarifas.",
    },
    right={
        "en": "The gradient points uphill; the step against it raises w (and b), lifting the line towards "
              "the fares.",
        "pt": "O gradiente aponta morro acima; o passo contra ele aumenta w (e b), erguendo a reta na direção "
              "das tarifas.",
    },
    wrong={
        "en": "The step goes against the gradient. Work out the sign of ∂L/∂w when every prediction is too low.",
        "pt": "O passo vai contra o gradiente. Descubra o sinal de ∂L/∂w quando toda previsão está baixa demais.",
    },
)

c3 = NumberQuestion(
    "gradient_descent.c3", -2.0, atol=0.01,
    hint={
        "en": "Here L'' = 2, so the factor is 1 − 1·2 = −1: the distance to w = 1 keeps its size and flips its "
              "sign at every step. Where is w after an even number of steps?",
        "pt": "Aqui L'' = 2, então o fator é 1 − 1·2 = −1: a distância até w = 1 mantém o tamanho e troca de "
              "sinal a cada passo. Onde w está depois de um número par de passos?",
    },
    solution={
        "en": "−2: the distance to the minimum starts at −3 and is multiplied by −1 at each step: −3, +3, −3, "
              "... w jumps between −2 and 4 for ever, and after 30 steps (an even number) it is back at −2.",
        "pt": "−2: a distância até o mínimo começa em −3 e é multiplicada por −1 a cada passo: −3, +3, −3, ... "
              "w pula entre −2 e 4 para sempre, e depois de 30 passos (um número par) está de volta em −2.",
    },
    right={
        "en": "With η = 2/L'' the factor is exactly −1: the point bounces between −2 and 4 and never gets closer.",
        "pt": "Com η = 2/L'' o fator é exatamente −1: o ponto quica entre −2 e 4 e nunca chega mais perto.",
    },
    wrong={
        "en": "Work out the factor 1 − η·L'' for this parabola and apply it to the distance w − 1, step by step.",
        "pt": "Calcule o fator 1 − η·L'' desta parábola e aplique-o à distância w − 1, passo a passo.",
    },
)
