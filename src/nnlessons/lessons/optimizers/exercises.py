"""Exercises of Lesson 08 (optimizers): ``from nnlessons.lessons.optimizers import exercises as ex``.

q1  two steps of SGD with momentum on L(θ) = θ² from θ = 2               NumberQuestion
q2  the decayed learning rate after 1500 iterations                       NumberQuestion
q3  build it: MySGD with momentum, 4 steps against nnlessons' SGD         OptimizerQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  where w₁ is after 6 SGD steps in the ravine (it crawls: ×0.98)       NumberQuestion
c2  which momentum, 0, 0.7 or 0.9, ends 60 ravine steps lowest            NumberQuestion
"""

from ...exercises.build import UPHILL, OptimizerQuestion
from ...exercises.questions import NumberQuestion, close
from ...optimizers import SGD
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

# ---- build it: your own optimizer -------------------------------------------------------------
#: The build-it optimizer is checked as the live widgets check it (``widgets.yours``).
_SGD = OPTIMIZER_BUILDS[SGD]

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

q3 = OptimizerQuestion(
    "optimizers.q3", SGD, build=_SGD, steps=OPTIMIZER_STEPS,
    symptoms={param: [
        UPHILL,
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
        "en": "Four steps, the same numbers as nnlessons' SGD. Race it: SGDRace(optimizer=MySGD).",
        "pt": "Quatro passos, os mesmos números do SGD do nnlessons. Ponha na corrida: "
              "SGDRace(optimizer=MySGD).",
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

c2 = NumberQuestion(
    "optimizers.c2", 0.7, atol=0.01, rtol=0,
    symptoms={"output": [
        (lambda got, run: close(got, 0.9, atol=0.01), {
            "en": "More memory is not always better: with μ = 0.9 the ball keeps 90% of its speed at every step. "
                  "What does it do when it reaches the bottom?",
            "pt": "Mais memória nem sempre é melhor: com μ = 0,9 a bola guarda 90% da velocidade a cada passo. "
                  "O que ela faz quando chega ao fundo?",
        }),
        (lambda got, run: close(got, 0.0, atol=0.01), {
            "en": "With μ = 0 it is plain SGD: at η = 0.24 it zig-zags (×−0.92 per step across) and crawls along the floor.",
            "pt": "Com μ = 0 é o SGD puro: com η = 0,24 ele ziguezagueia (×−0,92 por passo na travessia) e se arrasta "
                  "pelo fundo.",
        }),
    ]},
    hint={
        "en": "Momentum damps the zig-zag and speeds up the floor, but a ball that keeps too much speed "
              "overshoots the minimum. Answer `0`, `0.7` or `0.9`.",
        "pt": "O momento amortece o ziguezague e acelera pelo fundo, mas uma bola que guarda velocidade demais "
              "passa do mínimo. Responda `0`, `0.7` ou `0.9`.",
    },
    solution={
        "en": "μ = 0.7: its swings die out fast and it gathers speed along the floor. μ = 0 still crawls "
              "(×0.976 per step along w₁); μ = 0.9 overshoots and keeps swinging from wall to wall.",
        "pt": "μ = 0,7: as oscilações dele morrem depressa e ele ganha velocidade pelo fundo. Com μ = 0 o ponto "
              "ainda se arrasta (×0,976 por passo em w₁); com μ = 0,9 ele passa do mínimo e fica balançando de "
              "uma parede para a outra.",
    },
    right={
        "en": "Enough momentum to cancel the zig-zag and add up the floor's gradients, not so much that the "
              "ball overshoots: a middle value wins.",
        "pt": "Momento suficiente para cancelar o ziguezague e somar os gradientes do fundo, mas não tanto que a "
              "bola passe do mínimo: um valor do meio vence.",
    },
    wrong={
        "en": "Answer one of the three values, `0`, `0.7` or `0.9`, and think of what too little and too much "
              "memory do.",
        "pt": "Responda um dos três valores, `0`, `0.7` ou `0.9`, e pense no que memória de menos e memória de "
              "mais fazem.",
    },
)
