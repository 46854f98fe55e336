"""Exercises of Lesson 09 (adaptive optimizers):
``from nnlessons.lessons.adaptive_optimizers import exercises as ex``.

q1  Adam's first step for a tiny gradient: about −η·sign(g)               NumberQuestion
q2  whose per-parameter learning rates can only shrink?                   ChoiceQuestion
q3  RMSprop's first step: the cache starts at 0, so about 3.16·η          NumberQuestion
q4  build it: MyAdam with bias correction, 4 steps against Adam           OptimizerQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  whose effective rate is larger after AdaGrad's first step, w₁ or w₂   ChoiceQuestion
c2  which of the five ends the 500 full-batch steps on the spirals with
    the highest loss                                                      ChoiceQuestion
"""

import numpy as np

from ...exercises.build import UPHILL, OptimizerQuestion
from ...exercises.questions import ChoiceQuestion, NumberQuestion, close
from ...optimizers import Adam
from ...widgets.yours import OPTIMIZER_BUILDS, OPTIMIZER_STEPS

q1 = NumberQuestion(
    "adaptive_optimizers.q1", -0.01 * 0.003 / (0.003 + 1e-7), atol=2e-5, rtol=0,
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

#: The five optimizers of Lessons 08 and 09, as the choice questions name them.
OPTIMIZER_NAMES = {
    "sgd": {"en": "SGD", "pt": "SGD"},
    "momentum": {"en": "SGD with momentum", "pt": "SGD com momento"},
    "adagrad": {"en": "AdaGrad", "pt": "AdaGrad"},
    "rmsprop": {"en": "RMSprop", "pt": "RMSprop"},
    "adam": {"en": "Adam", "pt": "Adam"},
}

q2 = ChoiceQuestion(
    "adaptive_optimizers.q2", OPTIMIZER_NAMES, expected="adagrad",
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


q3 = NumberQuestion(
    "adaptive_optimizers.q3", -0.01 * 0.5 / (np.sqrt(0.1 * 0.5 ** 2) + 1e-7), atol=5e-4, rtol=0,
    symptoms={"output": [
        (lambda got, run: close(got, -0.01 * 0.5, atol=1e-4), {
            "en": "That is SGD's step, −η·g: RMSprop divides g by √cache + ε.",
            "pt": "Esse é o passo do SGD, −η·g: o RMSprop divide g por √cache + ε.",
        }),
        (lambda got, run: close(got, -0.01, atol=1e-4), {
            "en": "You took cache = g², as AdaGrad's first step would. RMSprop's cache starts at 0 and only "
                  "takes (1 − ρ)·g² at the first step.",
            "pt": "Você usou cache = g², como no primeiro passo do AdaGrad. O cache do RMSprop começa em 0 e só "
                  "recebe (1 − ρ)·g² no primeiro passo.",
        }),
        (lambda got, run: got > 0, {
            "en": "The step goes against the gradient: with g > 0 it is negative.",
            "pt": "O passo vai contra o gradiente: com g > 0, ele é negativo.",
        }),
    ]},
    hint={
        "en": "The cache starts at 0: after the first step it is ρ·0 + (1 − ρ)·g² = 0.1·g². "
              "Then Δθ = −η·g / (√cache + ε).",
        "pt": "O cache começa em 0: depois do primeiro passo ele vale ρ·0 + (1 − ρ)·g² = 0,1·g². "
              "Daí Δθ = −η·g / (√cache + ε).",
    },
    solution={
        "en": "cache = 0.1 · 0.25 = 0.025, √cache ≈ 0.158, so Δθ = −0.01 · 0.5 / 0.158 ≈ −0.0316: η / √0.1, "
              "about 3.16 times η, whatever g is. That first jump is what Adam's bias correction removes.",
        "pt": "cache = 0,1 · 0,25 = 0,025, √cache ≈ 0,158, então Δθ = −0,01 · 0,5 / 0,158 ≈ −0,0316: η / √0,1, "
              "cerca de 3,16 vezes η, seja qual for g. Esse primeiro pulo é o que a correção de viés do Adam tira.",
    },
    right={
        "en": "A cache that starts at zero is too small at first, so the first step is about 3.16·η.",
        "pt": "Um cache que começa em zero é pequeno demais no começo, então o primeiro passo sai cerca de 3,16·η.",
    },
    wrong={
        "en": "Work out the cache after one step first (it started at 0), then divide.",
        "pt": "Calcule primeiro o cache depois de um passo (ele começou em 0) e só então divida.",
    },
)


# ---- build it: your own optimizer -------------------------------------------------------------
#: The build-it optimizer is checked as the live widgets check it (``widgets.yours``).
_ADAM = OPTIMIZER_BUILDS[Adam]


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

q4 = OptimizerQuestion(
    "adaptive_optimizers.q4", Adam, build=_ADAM, steps=OPTIMIZER_STEPS,
    symptoms={param: [
        UPHILL,
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
c1 = ChoiceQuestion(
    "adaptive_optimizers.c1", {
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

c2 = ChoiceQuestion(
    "adaptive_optimizers.c2", OPTIMIZER_NAMES, expected="sgd",
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
