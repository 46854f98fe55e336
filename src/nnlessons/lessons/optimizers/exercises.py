"""Exercises of Lesson 08 (optimizers): ``from nnlessons.lessons.optimizers import exercises as ex``.

q1  two steps of SGD with momentum on L(θ) = θ² from θ = 2               NumberQuestion
q2  the decayed learning rate after 1500 iterations                       NumberQuestion
q3  Adam's first step for a tiny gradient: about −η·sign(g)               NumberQuestion
q4  whose per-parameter learning rates can only shrink?                   ChoiceQuestion
q5  build it: MySGD with momentum, 4 steps against nnlessons' SGD         OptimizerQuestion
q6  build it: MyAdam with bias correction, 4 steps against Adam           OptimizerQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  where w₁ is after 6 SGD steps in the ravine (it crawls: ×0.98)       NumberQuestion
c2  whose effective rate is larger after AdaGrad's first step, w₁ or w₂   ChoiceQuestion
c3  which of the five ends the 500 full-batch steps on the spirals with
    the highest loss                                                      ChoiceQuestion
"""

import numpy as np

from ...exercises.build import OptimizerQuestion
from ...exercises.questions import ChoiceQuestion, NumberQuestion, close
from ...optimizers import SGD, Adam
from ...widgets.yours import OPTIMIZER_BUILDS, OPTIMIZER_STEPS

q1 = NumberQuestion(
    "optimizers.q1", 0.92, atol=1e-6,
    hint={
        "en": "Step 1: g = 2θ = 4, v = 0.9·0 − 0.1·4, θ = θ + v. Step 2: the gradient at the new θ, "
              "then v = 0.9·v − 0.1·g again (the old v is kept!), θ = θ + v.",
        "pt": "Passo 1: g = 2θ = 4, v = 0,9·0 − 0,1·4, θ = θ + v. Passo 2: o gradiente no novo θ, "
              "depois v = 0,9·v − 0,1·g de novo (o v antigo continua lá!), θ = θ + v.",
    },
    solution={
        "en": "Step 1: g = 4, v = −0.4, θ = 1.6. Step 2: g = 2·1.6 = 3.2, v = 0.9·(−0.4) − 0.1·3.2 = "
              "−0.36 − 0.32 = −0.68, θ = 1.6 − 0.68 = 0.92. Plain SGD would be at 1.28: the velocity "
              "carried the speed of the first step into the second.",
        "pt": "Passo 1: g = 4, v = −0,4, θ = 1,6. Passo 2: g = 2·1,6 = 3,2, v = 0,9·(−0,4) − 0,1·3,2 = "
              "−0,36 − 0,32 = −0,68, θ = 1,6 − 0,68 = 0,92. O SGD puro estaria em 1,28: a velocidade "
              "levou o embalo do primeiro passo para o segundo.",
    },
    right={
        "en": "The second step (−0.68) is longer than the first (−0.4) although the slope got smaller: "
              "that is the ball gathering speed.",
        "pt": "O segundo passo (−0,68) é maior que o primeiro (−0,4), embora a inclinação tenha diminuído: "
              "é a bola ganhando velocidade.",
    },
    wrong={
        "en": "1.28 is plain SGD (no velocity); remember v ← μ·v − η·g and then θ ← θ + v, twice.",
        "pt": "1,28 é o SGD puro (sem velocidade); lembre v ← μ·v − η·g e depois θ ← θ + v, duas vezes.",
    },
)

q2 = NumberQuestion(
    "optimizers.q2", 0.02, atol=1e-6, rtol=0,
    hint={
        "en": "The engine uses current_learning_rate = learning_rate / (1 + decay · iterations), with "
              "iterations = the number of steps already taken.",
        "pt": "O motor usa current_learning_rate = learning_rate / (1 + decay · iterations), com "
              "iterations = o número de passos já dados.",
    },
    solution={
        "en": "0.05 / (1 + 0.001 · 1500) = 0.05 / 2.5 = 0.02. After 1000 iterations the rate had halved "
              "(0.025); after 1500 it is 0.4 of the start.",
        "pt": "0,05 / (1 + 0,001 · 1500) = 0,05 / 2,5 = 0,02. Depois de 1000 iterações a taxa já tinha caído "
              "à metade (0,025); depois de 1500 ela é 0,4 da inicial.",
    },
    right={
        "en": "The rate halves when decay · iterations = 1, here at iteration 1000.",
        "pt": "A taxa cai à metade quando decay · iterations = 1, aqui na iteração 1000.",
    },
    wrong={
        "en": "Put iterations = 1500 into learning_rate / (1 + decay · iterations); the decay divides, "
              "it does not subtract.",
        "pt": "Ponha iterations = 1500 em learning_rate / (1 + decay · iterations); o decaimento divide, "
              "não subtrai.",
    },
)

q3 = NumberQuestion(
    "optimizers.q3", -0.01 * 0.003 / (0.003 + 1e-7), atol=2e-5, rtol=0,
    hint={
        "en": "At t = 1: m = 0.1·g and v = 0.001·g², so m̂ = m / (1 − 0.9) = g and v̂ = v / (1 − 0.999) = g². "
              "Then Δθ = −η·m̂ / (√v̂ + ε).",
        "pt": "Em t = 1: m = 0,1·g e v = 0,001·g², então m̂ = m / (1 − 0,9) = g e v̂ = v / (1 − 0,999) = g². "
              "Daí Δθ = −η·m̂ / (√v̂ + ε).",
    },
    solution={
        "en": "m̂ = g = 0.003 and √v̂ = |g| = 0.003, so Δθ = −0.01 · 0.003 / (0.003 + 0.0000001) ≈ −0.009997, "
              "about −η·sign(g) = −0.01. SGD would have moved −η·g = −0.00003, 300 times less.",
        "pt": "m̂ = g = 0,003 e √v̂ = |g| = 0,003, então Δθ = −0,01 · 0,003 / (0,003 + 0,0000001) ≈ −0,009997, "
              "cerca de −η·sinal(g) = −0,01. O SGD teria andado −η·g = −0,00003, 300 vezes menos.",
    },
    right={
        "en": "Adam's first step has length ≈ η whatever the size of the gradient: only its sign counts.",
        "pt": "O primeiro passo do Adam tem tamanho ≈ η, seja qual for o tamanho do gradiente: só o sinal conta.",
    },
    wrong={
        "en": "−0.0316 forgets the bias correction, −0.00003 is SGD's step. Divide m̂ by √v̂ and watch the sign.",
        "pt": "−0,0316 esquece a correção de viés, −0,00003 é o passo do SGD. Divida m̂ por √v̂ e cuide do sinal.",
    },
)

#: The five optimizers of the lesson, as the choice questions name them.
OPTIMIZER_NAMES = {
    "sgd": {"en": "SGD", "pt": "SGD"},
    "momentum": {"en": "SGD with momentum", "pt": "SGD com momento"},
    "adagrad": {"en": "AdaGrad", "pt": "AdaGrad"},
    "rmsprop": {"en": "RMSprop", "pt": "RMSprop"},
    "adam": {"en": "Adam", "pt": "Adam"},
}

q4 = ChoiceQuestion(
    "optimizers.q4", OPTIMIZER_NAMES, expected="adagrad",
    hint={
        "en": "Which one adds up g² for ever, without forgetting the old gradients?",
        "pt": "Qual deles soma g² para sempre, sem esquecer os gradientes antigos?",
    },
    solution={
        "en": "AdaGrad: its cache is a sum of squares that only grows, so η / (√cache + ε) only shrinks. "
              "RMSprop and Adam also adapt per parameter, but with moving averages that forget, so their "
              "rates can grow again; SGD (with or without momentum) uses one η for all.",
        "pt": "AdaGrad: o cache dele é uma soma de quadrados que só cresce, então η / (√cache + ε) só diminui. "
              "RMSprop e Adam também se adaptam por parâmetro, mas com médias móveis que esquecem, então as "
              "taxas podem voltar a crescer; o SGD (com ou sem momento) usa um só η para todos.",
    },
    right={
        "en": "That is AdaGrad's strength on sparse features and its weakness on long trainings.",
        "pt": "Essa é a força do AdaGrad com características esparsas e a fraqueza dele em treinos longos.",
    },
    wrong={
        "en": "Look at each cache: a sum that keeps growing, or an average that forgets?",
        "pt": "Olhe o cache de cada um: uma soma que não para de crescer, ou uma média que esquece?",
    },
)


# ---- build it: your own optimizers ------------------------------------------------------------
#: Both build-it optimizers are checked as the live widgets check them (``widgets.yours``).
_SGD, _ADAM = OPTIMIZER_BUILDS[SGD], OPTIMIZER_BUILDS[Adam]

_UPHILL = (lambda got, run: close(got - run.before, run.before - run.expected), {
    "en": "Your step has the right size but goes uphill: subtract the learning rate times the gradient.",
    "pt": "Seu passo tem o tamanho certo, mas vai morro acima: subtraia a taxa de aprendizado vezes o gradiente.",
})

_SGD_SOLUTION = (
    "\n\nclass MySGD:\n    def __init__(self, learning_rate=1.0, momentum=0.0):\n"
    "        self.learning_rate = learning_rate\n        self.momentum = momentum\n"
    "        self.velocities = {}\n\n    def step(self, layers):\n        for layer in layers:\n"
    "            for name in layer.params:                     # \"weights\", \"biases\"\n"
    "                gradient = getattr(layer, \"d\" + name)\n"
    "                velocity = self.velocities.get((layer, name), 0.0)\n"
    "                velocity = self.momentum * velocity - self.learning_rate * gradient\n"
    "                self.velocities[(layer, name)] = velocity\n"
    "                setattr(layer, name, getattr(layer, name) + velocity)\n\n")

q5 = OptimizerQuestion(
    "optimizers.q5", SGD, build=_SGD, steps=OPTIMIZER_STEPS,
    symptoms={param: [
        _UPHILL,
        (lambda got, run: run.step == 1 and close(got - run.before, (1 + _SGD["momentum"]) * (run.expected - run.before)), {
            "en": "Your first step is (1 + μ) times too long: the momentum is applied twice. Compute "
                  "v ← μ·v − η·g once, then θ ← θ + v.",
            "pt": "Seu primeiro passo é (1 + μ) vezes longo demais: o momento foi aplicado duas vezes. Calcule "
                  "v ← μ·v − η·g uma vez e depois θ ← θ + v.",
        }),
        (lambda got, run: run.step > 1 and close(got, run.before - _SGD["learning_rate"] * run.gradient), {
            "en": "That is plain SGD: your velocity starts from 0 at every step. Keep it in self between steps.",
            "pt": "Isso é o SGD puro: sua velocidade começa do 0 a cada passo. Guarde-a em self entre os passos.",
        }),
    ] for param in ("weights", "biases")},
    hint={
        "en": "Keep one velocity per (layer, parameter) in a dict of self, starting at 0. At every step: "
              "v ← μ·v − η·g, store v, then θ ← θ + v. getattr(layer, \"d\" + name) is the gradient of "
              "parameter name.",
        "pt": "Guarde uma velocidade por (camada, parâmetro) num dicionário em self, começando em 0. A cada "
              "passo: v ← μ·v − η·g, guarde v e depois θ ← θ + v. getattr(layer, \"d\" + name) é o gradiente "
              "do parâmetro name.",
    },
    solution={
        "en": _SGD_SOLUTION + "With momentum = 0 the velocity is just −η·g: plain SGD.",
        "pt": _SGD_SOLUTION + "Com momentum = 0, a velocidade é só −η·g: o SGD puro.",
    },
    right={
        "en": "Four steps, the same numbers as nnlessons' SGD. Race it: OptimizerRace(optimizer=MySGD).",
        "pt": "Quatro passos, os mesmos números do SGD do nnlessons. Ponha na corrida: "
              "OptimizerRace(optimizer=MySGD).",
    },
)


def _no_bias_correction(got, run):
    """Adam's first step with m and v not divided by (1 − β^t)."""
    g = run.gradient
    m, v = (1 - 0.9) * g, (1 - 0.999) * g ** 2
    return run.step == 1 and close(got, run.before - _ADAM["learning_rate"] * m / (np.sqrt(v) + 1e-7))


_ADAM_SOLUTION = (
    "\n\nclass MyAdam:\n"
    "    def __init__(self, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):\n"
    "        self.learning_rate, self.epsilon = learning_rate, epsilon\n"
    "        self.beta_1, self.beta_2 = beta_1, beta_2\n"
    "        self.iterations = 0\n        self.m, self.v = {}, {}\n\n"
    "    def step(self, layers):\n        self.iterations += 1\n        t = self.iterations\n"
    "        for layer in layers:\n            for name in layer.params:\n"
    "                g = getattr(layer, \"d\" + name)\n                key = (layer, name)\n"
    "                self.m[key] = self.beta_1 * self.m.get(key, 0.0) + (1 - self.beta_1) * g\n"
    "                self.v[key] = self.beta_2 * self.v.get(key, 0.0) + (1 - self.beta_2) * g ** 2\n"
    "                m_hat = self.m[key] / (1 - self.beta_1 ** t)\n"
    "                v_hat = self.v[key] / (1 - self.beta_2 ** t)\n"
    "                step = self.learning_rate * m_hat / (np.sqrt(v_hat) + self.epsilon)\n"
    "                setattr(layer, name, getattr(layer, name) - step)\n\n")

q6 = OptimizerQuestion(
    "optimizers.q6", Adam, build=_ADAM, steps=OPTIMIZER_STEPS,
    symptoms={param: [
        _UPHILL,
        (_no_bias_correction, {
            "en": "Your first step is about 3 times too long: that is Adam without bias correction. Divide m "
                  "by (1 − β₁^t) and v by (1 − β₂^t), with t counting the steps from 1.",
            "pt": "Seu primeiro passo é umas 3 vezes longo demais: é o Adam sem correção de viés. Divida m "
                  "por (1 − β₁^t) e v por (1 − β₂^t), com t contando os passos a partir de 1.",
        }),
    ] for param in ("weights", "biases")},
    hint={
        "en": "Per (layer, parameter) keep m and v (start at 0). Count the steps in self (t = 1 at the first). "
              "m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², m̂ = m/(1 − β₁^t), v̂ = v/(1 − β₂^t), "
              "θ ← θ − η·m̂/(√v̂ + ε).",
        "pt": "Para cada (camada, parâmetro) guarde m e v (começam em 0). Conte os passos em self (t = 1 no "
              "primeiro). m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², m̂ = m/(1 − β₁^t), "
              "v̂ = v/(1 − β₂^t), θ ← θ − η·m̂/(√v̂ + ε).",
    },
    solution={
        "en": _ADAM_SOLUTION + "t goes up once per step, not once per parameter: every parameter of one step "
              "uses the same bias correction.",
        "pt": _ADAM_SOLUTION + "t sobe uma vez por passo, não uma vez por parâmetro: todos os parâmetros de um "
              "passo usam a mesma correção de viés.",
    },
    right={
        "en": "Four steps, the same numbers as nnlessons' Adam, bias correction included. Race it: "
              "OptimizerRace(optimizer=MyAdam).",
        "pt": "Quatro passos, os mesmos números do Adam do nnlessons, com a correção de viés. Ponha na "
              "corrida: OptimizerRace(optimizer=MyAdam).",
    },
)


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = NumberQuestion(
    "optimizers.c1", -4.5 * 0.98 ** 6, atol=0.05,
    symptoms={"output": [(lambda got, run: got > 0, {
        "en": "The sign of w₁ does not change: its factor 0.98 is positive (it is w₂'s −0.6 that flips).",
        "pt": "O sinal de w₁ não muda: o fator dele, 0,98, é positivo (é o −0,6 de w₂ que troca o sinal).",
    })]},
    hint={
        "en": "Each step multiplies w₁ by 1 − η·0.1 = 0.98, and it starts at −4.5: six steps give −4.5·0.98⁶. "
              "0.98⁶ is close to 1 − 6·0.02.",
        "pt": "Cada passo multiplica w₁ por 1 − η·0,1 = 0,98, e ele começa em −4,5: seis passos dão −4,5·0,98⁶. "
              "0,98⁶ fica perto de 1 − 6·0,02.",
    },
    solution={
        "en": "−4.5·0.98⁶ ≈ −4.5·0.886 ≈ −4.0: in 6 steps w₁ covered about half a unit of the 4.5 to the "
              "minimum, while w₂ went from 2 to about 0.09, flipping sign at every step.",
        "pt": "−4,5·0,98⁶ ≈ −4,5·0,886 ≈ −4,0: em 6 passos w₁ andou cerca de meia unidade dos 4,5 até o "
              "mínimo, enquanto w₂ foi de 2 a cerca de 0,09, trocando de sinal a cada passo.",
    },
    right={
        "en": "The flat direction crawls (×0.98 per step) while the steep one zigzags (×−0.6): one η cannot "
              "suit both.",
        "pt": "A direção plana se arrasta (×0,98 por passo) enquanto a íngreme ziguezagueia (×−0,6): um só η "
              "não serve às duas.",
    },
    wrong={
        "en": "Along w₁ the gradient is only 0.1·w₁, so each step keeps 98% of the distance: w₁ barely moves.",
        "pt": "Ao longo de w₁ o gradiente é só 0,1·w₁, então cada passo guarda 98% da distância: w₁ quase não "
              "sai do lugar.",
    },
)

c2 = ChoiceQuestion(
    "optimizers.c2", {
        "w1": {"en": "w1", "pt": "w1"},
        "w2": {"en": "w2", "pt": "w2"},
        "equal": {"en": "equal", "pt": "iguais", "also": ("the same", "same", "as mesmas", "igual")},
    }, expected="w1",
    hint={
        "en": "After one step the cache is g², so the effective rate is η / (|g| + ε). The first gradient is "
              "(−0.45, 16): which |g| is smaller?",
        "pt": "Depois de um passo o cache é g², então a taxa efetiva é η / (|g| + ε). O primeiro gradiente é "
              "(−0,45; 16): qual |g| é menor?",
    },
    solution={
        "en": "w1: its rate is 0.2 / 0.45 ≈ 0.44 against w2's 0.2 / 16 = 0.0125, 36 times larger. Their first "
              "steps are the same size (rate × |g| = η for both); their rates are not.",
        "pt": "w1: a taxa dele é 0,2 / 0,45 ≈ 0,44 contra 0,2 / 16 = 0,0125 de w2, 36 vezes maior. Os primeiros "
              "passos têm o mesmo tamanho (taxa × |g| = η nos dois); as taxas, não.",
    },
    right={
        "en": "The parameter with the small gradient, the flat direction, gets the large rate: just what the "
              "ravine needs.",
        "pt": "O parâmetro de gradiente pequeno, a direção plana, ganha a taxa grande: exatamente o que a "
              "ravina pede.",
    },
    wrong={
        "en": "The steps are equal, the rates are not: the rate is η divided by the size of the parameter's "
              "own gradients.",
        "pt": "Os passos são iguais, as taxas não: a taxa é η dividido pelo tamanho dos gradientes do próprio "
              "parâmetro.",
    },
)

c3 = ChoiceQuestion(
    "optimizers.c3", OPTIMIZER_NAMES, expected="sgd",
    hint={
        "en": "Which one has neither a velocity nor a rate per parameter? In lesson 07 it needed 10000 "
              "mini-batch steps to reach 73%.",
        "pt": "Qual deles não tem nem velocidade nem taxa por parâmetro? Na lição 07 ele precisou de 10000 "
              "passos com minilotes para chegar a 73%.",
    },
    solution={
        "en": "SGD: with 500 steps plain SGD barely leaves the guess between 3 classes (loss near log 3 ≈ 1.10). "
              "Momentum builds up speed, the adaptive ones scale every weight's step, and Adam does both.",
        "pt": "SGD: com 500 passos o SGD puro mal sai do chute entre 3 classes (perda perto de log 3 ≈ 1,10). "
              "O momento acumula velocidade, os adaptativos ajustam o passo de cada peso, e o Adam faz as duas "
              "coisas.",
    },
    right={
        "en": "Plain SGD is the slowest starter: each of its steps only knows the gradient of now.",
        "pt": "O SGD puro é o que demora mais a arrancar: cada passo dele só conhece o gradiente de agora.",
    },
    wrong={
        "en": "Each contender got a rate that suits it; think of which one has no memory at all between steps.",
        "pt": "Cada competidor recebeu uma taxa que combina com ele; pense em qual não tem memória nenhuma "
              "entre um passo e outro.",
    },
)
