"""Exercises of Lesson 08 (optimizers): ``from nnlessons.lessons.optimizers import exercises as ex``.

q1  two steps of SGD with momentum on L(θ) = θ² from θ = 2               NumberQuestion
q2  the decayed learning rate after 1500 iterations                       NumberQuestion
q3  Adam's first step for a tiny gradient: about −η·sign(g)               NumberQuestion
q4  whose per-parameter learning rates can only shrink?                   ChoiceQuestion
q5  build it: MySGD with momentum, 4 steps against nnlessons' SGD         OptimizerQuestion
q6  build it: MyAdam with bias correction, 4 steps against Adam           OptimizerQuestion
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

q4 = ChoiceQuestion(
    "optimizers.q4", {
        "sgd": {"en": "SGD", "pt": "SGD"},
        "momentum": {"en": "SGD with momentum", "pt": "SGD com momento"},
        "adagrad": {"en": "AdaGrad", "pt": "AdaGrad"},
        "rmsprop": {"en": "RMSprop", "pt": "RMSprop"},
        "adam": {"en": "Adam", "pt": "Adam"},
    }, expected="adagrad",
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
