"""Exercises of Lesson 04 (activation functions): ``from nnlessons.lessons.activations import exercises as ex``.

q1  the sigmoid's slope at z = 4 (saturation)                    NumberQuestion
q2  write a softmax that survives large logits                   FunctionQuestion
q3  the bias of one layer equal to two stacked linear layers     ArrayQuestion
q4  where does ReLU(w·x + b) bend, for w = −2.5, b = 1.5?         NumberQuestion
q5  build it: class MyReLU (forward)                              LayerQuestion
q6  build it: class MySoftmax (forward, stable for large logits)  LayerQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  three stacked Dense layers with nothing between: a straight line or bends?   ChoiceQuestion
c2  how many of six sums does ReLU turn into 0?                                  NumberQuestion
c3  what the naive softmax of (1000, 1001, 1002) prints                          ChoiceQuestion
"""

import numpy as np

from ...activations import ReLU, Softmax
from ...exercises.build import LayerQuestion, Trial
from ...exercises.questions import ArrayQuestion, ChoiceQuestion, FunctionQuestion, NumberQuestion, close

def two_layers():
    """The two linear layers of q3: ``W1`` (2, 3), ``b1`` (1, 3), ``W2`` (3, 2), ``b2`` (1, 2)."""
    W1 = np.array([[1.0, -2.0, 0.5], [0.0, 1.0, 3.0]])
    b1 = np.array([[1.0, 0.0, -1.0]])
    W2 = np.array([[2.0, 0.0], [1.0, 1.0], [-0.5, 1.0]])
    b2 = np.array([[0.0, -0.5]])
    return W1, b1, W2, b2


def _softmax(z):
    """Reference for q2: the engine's row-wise, stable softmax."""
    return Softmax().forward(z)


def _softmax_over(z, axis):
    """A stable softmax over ``axis`` (None: the whole array), for the symptoms of a wrong axis."""
    exps = np.exp(z - np.max(z, axis=axis, keepdims=True))
    return exps / np.sum(exps, axis=axis, keepdims=True)


def _logits(run):
    """The logits a softmax answer was run on: a function's argument or a class's input."""
    return np.asarray(run.args[0] if hasattr(run, "args") else run.inputs[0], dtype=float)


#: Tips for a wrong softmax (q2, q6), each shown only when its mistake is what happened.
SOFTMAX_SYMPTOMS = [
    (lambda got, run: not np.all(np.isfinite(np.asarray(got, dtype=float))), {
        "en": "NaN or inf means np.exp overflowed: subtract each row's maximum before np.exp.",
        "pt": "NaN ou inf quer dizer que np.exp estourou: subtraia o máximo de cada linha antes do np.exp.",
    }),
    (lambda got, run: close(got, _softmax_over(_logits(run), None)), {
        "en": "Your max or sum runs over the whole array: each row is its own distribution (axis=1, "
              "keepdims=True).",
        "pt": "Seu max ou sum percorre o array inteiro: cada linha é uma distribuição separada (axis=1, "
              "keepdims=True).",
    }),
    (lambda got, run: close(got, _softmax_over(_logits(run), 0)), {
        "en": "Your columns sum to 1, not your rows: use axis=1 (one row per sample).",
        "pt": "As suas colunas somam 1, e não as linhas: use axis=1 (uma linha por amostra).",
    }),
]


q1 = NumberQuestion(
    "activations.q1", 1 / (1 + np.exp(-4.0)) * (1 - 1 / (1 + np.exp(-4.0))), atol=1e-4, rtol=0,
    hint={
        "en": "σ′(z) = σ(z)·(1 − σ(z)). Compute s = 1 / (1 + np.exp(-4)) first.",
        "pt": "σ′(z) = σ(z)·(1 − σ(z)). Calcule antes s = 1 / (1 + np.exp(-4)).",
    },
    solution={
        "en": "σ(4) = 0.98201, so σ′(4) = 0.98201 × 0.01799 ≈ 0.01766. Going back through this "
              "neuron, every gradient is multiplied by less than 2%: the sigmoid is saturated.",
        "pt": "σ(4) = 0,98201, então σ′(4) = 0,98201 × 0,01799 ≈ 0,01766. Voltando por este "
              "neurônio, todo gradiente é multiplicado por menos de 2%: a sigmoide está saturada.",
    },
    right={
        "en": "Less than 2% of the gradient gets through: that is what saturation means.",
        "pt": "Menos de 2% do gradiente passa: é isso que quer dizer saturação.",
    },
    wrong={
        "en": "Use the derivative σ(z)·(1 − σ(z)), not σ(z) itself.",
        "pt": "Use a derivada σ(z)·(1 − σ(z)), e não o próprio σ(z).",
    },
)

q2 = FunctionQuestion(
    "activations.q2", _softmax, cases=[
        np.array([[1.0, 2.0, 3.0]]),
        np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0]]),
        np.array([[1000.0, 1001.0, 1002.0]]),
        np.array([[-1000.0, 0.0, 1000.0], [50.0, 800.0, -3.0]]),
    ],
    hint={
        "en": "z.max(axis=1, keepdims=True) is the largest logit of each row, shaped so that it "
              "can be subtracted from the row. Then exponentiate and divide by each row's sum "
              "(again with keepdims=True).",
        "pt": "z.max(axis=1, keepdims=True) é o maior logit de cada linha, num formato que dá "
              "para subtrair da linha. Depois exponencie e divida pela soma de cada linha "
              "(de novo com keepdims=True).",
    },
    solution={
        "en": "\n\ndef softmax(z):\n    exps = np.exp(z - z.max(axis=1, keepdims=True))\n"
              "    return exps / exps.sum(axis=1, keepdims=True)\n\nSubtracting the row maximum "
              "makes every exponent ≤ 0, so np.exp never overflows, and it cancels in the division.",
        "pt": "\n\ndef softmax(z):\n    exps = np.exp(z - z.max(axis=1, keepdims=True))\n"
              "    return exps / exps.sum(axis=1, keepdims=True)\n\nSubtrair o máximo da linha deixa "
              "todo expoente ≤ 0, então np.exp nunca estoura, e ele se cancela na divisão.",
    },
    right={
        "en": "Your softmax agrees with the engine's, even on logits around 1000.",
        "pt": "Sua softmax concorda com a do motor, mesmo com logits perto de 1000.",
    },
    symptoms={"output": SOFTMAX_SYMPTOMS},
)

_W1, _b1, _W2, _b2 = two_layers()
q3 = ArrayQuestion(
    "activations.q3", _b1 @ _W2 + _b2,
    hint={
        "en": "Expand (x·W1 + b1)·W2 + b2 = x·(W1·W2) + (b1·W2 + b2). The part without x is the bias.",
        "pt": "Expanda (x·W1 + b1)·W2 + b2 = x·(W1·W2) + (b1·W2 + b2). A parte sem x é o viés.",
    },
    solution={
        "en": "b = b1 @ W2 + b2 = [[2.5, -1.5]] (and W = W1 @ W2). Two linear layers are one linear "
              "layer in disguise.",
        "pt": "b = b1 @ W2 + b2 = [[2.5, -1.5]] (e W = W1 @ W2). Duas camadas lineares são uma "
              "camada linear disfarçada.",
    },
    right={
        "en": "With W = W1 @ W2 and this b, one layer does exactly what the two did.",
        "pt": "Com W = W1 @ W2 e este b, uma camada só faz exatamente o que as duas faziam.",
    },
    wrong={
        "en": "Write the first layer's output, x·W1 + b1, into the second layer and collect every term "
              "that does not contain x.",
        "pt": "Substitua a saída da primeira camada, x·W1 + b1, na segunda e junte todos os termos que "
              "não contêm x.",
    },
    symptoms={"output": [
        (lambda got, run: close(got, _b2), {
            "en": "That is only the second layer's bias: the first layer's bias reaches the output too, "
                  "through W2.",
            "pt": "Esse é só o viés da segunda camada: o viés da primeira também chega à saída, passando "
                  "por W2.",
        }),
        (lambda got, run: close(got, _b1 @ _W2), {
            "en": "That is the first layer's bias after W2; the second layer still adds its own.",
            "pt": "Esse é o viés da primeira camada depois de W2; a segunda camada ainda soma o seu.",
        }),
    ]},
)

q4 = NumberQuestion(
    "activations.q4", 0.6, atol=1e-3, rtol=0,
    hint={
        "en": "The neuron bends where its weighted sum is zero: solve w·x + b = 0 for x.",
        "pt": "O neurônio dobra onde a soma ponderada é zero: resolva w·x + b = 0 para x.",
    },
    solution={
        "en": "x = −b/w = −1.5 / (−2.5) = 0.6. Since w < 0, this neuron is active (outputs w·x + b > 0) "
              "to the left of 0.6 and silent to the right.",
        "pt": "x = −b/w = −1,5 / (−2,5) = 0,6. Como w < 0, este neurônio está ativo (devolve w·x + b > 0) "
              "à esquerda de 0,6 e calado à direita.",
    },
    right={
        "en": "And because w is negative, it is the left side (x < 0.6) that the neuron passes on.",
        "pt": "E como w é negativo, é o lado esquerdo (x < 0,6) que o neurônio deixa passar.",
    },
    wrong={
        "en": "Mind the signs: x = −b/w, with w = −2.5 and b = 1.5.",
        "pt": "Cuidado com os sinais: x = −b/w, com w = −2,5 e b = 1,5.",
    },
)


def _relu_like(function):
    """A symptom predicate: the reader's output equals ``function(inputs)``."""
    return lambda got, run: close(got, function(np.asarray(run.inputs[0], dtype=float)))


q5 = LayerQuestion(
    "activations.q5", ReLU, trials=[
        Trial(np.array([[-2.0, -0.5, 0.0, 0.5, 3.0]])),
        Trial(np.array([[1.5, -1.0], [-3.0, 2.0], [0.0, -0.25]])),
    ],
    symptoms={"output": [
        (_relu_like(lambda x: (x > 0).astype(float)), {
            "en": "You returned where the input is positive (1 or 0), not the value itself: keep the "
                  "input where it is positive.",
            "pt": "Você devolveu onde a entrada é positiva (1 ou 0), e não o próprio valor: mantenha a "
                  "entrada onde ela é positiva.",
        }),
        (_relu_like(lambda x: np.minimum(0, x)), {
            "en": "That keeps the negative part: ReLU keeps the larger of 0 and x (np.maximum).",
            "pt": "Isso guarda a parte negativa: a ReLU fica com o maior entre 0 e x (np.maximum).",
        }),
        (_relu_like(np.abs), {
            "en": "Negative inputs must become 0, not change sign.",
            "pt": "Entradas negativas devem virar 0, e não trocar de sinal.",
        }),
    ]},
    hint={
        "en": "ReLU(x) = max(0, x), element by element: np.maximum(0, inputs).",
        "pt": "ReLU(x) = max(0, x), elemento a elemento: np.maximum(0, inputs).",
    },
    solution={
        "en": "\n\nclass MyReLU:\n    def forward(self, inputs):\n        self.output = np.maximum(0, inputs)\n"
              "        return self.output\n\nnp.maximum compares element by element; np.max would give "
              "one number for the whole array.",
        "pt": "\n\nclass MyReLU:\n    def forward(self, inputs):\n        self.output = np.maximum(0, inputs)\n"
              "        return self.output\n\nnp.maximum compara elemento a elemento; np.max daria um "
              "número só para o array inteiro.",
    },
    right={
        "en": "Your ReLU agrees with nnlessons' ReLU: negative inputs become 0, the rest pass unchanged.",
        "pt": "Sua ReLU concorda com a ReLU do nnlessons: entradas negativas viram 0, o resto passa intacto.",
    },
)

q6 = LayerQuestion(
    "activations.q6", Softmax, trials=[
        Trial(np.array([[1.0, 2.0, 3.0]])),
        Trial(np.array([[2.0, 1.0, 0.1], [0.0, 0.0, 0.0], [-1.0, 3.0, 0.5]])),
        Trial(np.array([[1000.0, 1001.0, 1002.0]])),
        Trial(np.array([[-1000.0, 0.0, 1000.0], [50.0, 800.0, -3.0]])),
    ],
    symptoms={"output": SOFTMAX_SYMPTOMS},
    hint={
        "en": "Subtract each row's maximum (inputs.max(axis=1, keepdims=True)), exponentiate, then "
              "divide by each row's sum (again axis=1, keepdims=True).",
        "pt": "Subtraia o máximo de cada linha (inputs.max(axis=1, keepdims=True)), exponencie e "
              "divida pela soma de cada linha (de novo axis=1, keepdims=True).",
    },
    solution={
        "en": "\n\nclass MySoftmax:\n    def forward(self, inputs):\n"
              "        exps = np.exp(inputs - inputs.max(axis=1, keepdims=True))\n"
              "        self.output = exps / exps.sum(axis=1, keepdims=True)\n        return self.output\n\n"
              "After subtracting the row maximum every exponent is ≤ 0, so np.exp cannot overflow, and "
              "the subtraction cancels in the division.",
        "pt": "\n\nclass MySoftmax:\n    def forward(self, inputs):\n"
              "        exps = np.exp(inputs - inputs.max(axis=1, keepdims=True))\n"
              "        self.output = exps / exps.sum(axis=1, keepdims=True)\n        return self.output\n\n"
              "Depois de subtrair o máximo da linha todo expoente é ≤ 0, então np.exp não estoura, e a "
              "subtração se cancela na divisão.",
    },
    right={
        "en": "Your softmax agrees with nnlessons' Softmax, row by row, even on logits around 1000.",
        "pt": "Sua softmax concorda com a Softmax do nnlessons, linha a linha, mesmo com logits perto de 1000.",
    },
)


c1 = ChoiceQuestion(
    "activations.c1", {
        "straight": {"en": "straight", "pt": "reta", "also": ("straight line", "line", "linha reta")},
        "bends": {"en": "bends", "pt": "dobras", "also": ("bent", "curve", "curva", "with bends", "com dobras")},
    }, expected="straight",
    hint={
        "en": "Look at the formula above: what do two linear layers in a row collapse into? And three?",
        "pt": "Olhe a fórmula acima: duas camadas lineares seguidas viram o quê? E três?",
    },
    solution={
        "en": "'straight': with nothing in between, the three layers collapse into a single Dense(1, 1), "
              "ŷ = w·x + b, a straight line however many neurons there are. The ReLU on the right is what "
              "makes the bends.",
        "pt": "'reta': sem nada entre elas, as três camadas viram uma única Dense(1, 1), ŷ = w·x + b, uma reta, "
              "por mais neurônios que haja. É a ReLU da direita que faz as dobras.",
    },
    right={
        "en": "16 hidden neurons and 97 parameters, and still ŷ = w·x + b: without an activation, depth buys "
              "nothing.",
        "pt": "16 neurônios escondidos e 97 parâmetros, e ainda assim ŷ = w·x + b: sem ativação, a "
              "profundidade não acrescenta nada.",
    },
    wrong={
        "en": "Many neurons do not make a curve by themselves. What does the stack collapse into when nothing "
              "sits between the layers?",
        "pt": "Muitos neurônios não fazem uma curva sozinhos. Em que a pilha se transforma quando não há nada "
              "entre as camadas?",
    },
)

c2 = NumberQuestion(
    "activations.c2", 3,
    hint={
        "en": "ReLU(z) = max(0, z): which of the six sums are not greater than 0?",
        "pt": "ReLU(z) = max(0, z): quais das seis somas não são maiores que 0?",
    },
    solution={
        "en": "3: −2 and −0.5 become 0, and so does 0 itself (max(0, 0) = 0); 0.5, 1 and 3 pass unchanged.",
        "pt": "3: −2 e −0,5 viram 0, e o próprio 0 também (max(0, 0) = 0); 0,5, 1 e 3 passam sem mudar.",
    },
    right={
        "en": "Every sum ≤ 0 comes out as 0, with slope 0: a neuron whose sums always land there stops "
              "learning (a dead neuron).",
        "pt": "Toda soma ≤ 0 sai como 0, com inclinação 0: um neurônio cujas somas caem sempre aí para de "
              "aprender (um neurônio morto).",
    },
    wrong={
        "en": "ReLU keeps the positive sums as they are and turns all the others into 0. Count the others "
              "carefully.",
        "pt": "A ReLU mantém as somas positivas como estão e transforma todas as outras em 0. Conte as outras "
              "com cuidado.",
    },
)

c3 = ChoiceQuestion(
    "activations.c3", {
        "probabilities": {"en": "probabilities", "pt": "probabilidades",
                          "also": ("ordinary probabilities", "probabilidades normais")},
        "inf": {"en": "inf", "pt": "inf", "also": ("infinity", "infinito")},
        "zero": {"en": "0", "pt": "0", "also": ("zero",)},
        "nan": {"en": "nan", "pt": "nan", "also": ("not a number",)},
    }, expected="nan",
    hint={
        "en": "Every exponential is inf, and so is their sum. What is inf / inf?",
        "pt": "Toda exponencial dá inf, e a soma delas também. Quanto é inf / inf?",
    },
    solution={
        "en": "'nan': e^1000, e^1001 and e^1002 all overflow to inf, their sum is inf, and inf / inf has no "
              "value: NumPy answers nan (not a number) for all three.",
        "pt": "'nan': e^1000, e^1001 e e^1002 estouram para inf, a soma também é inf, e inf / inf não tem "
              "valor: o NumPy responde nan (not a number) nas três.",
    },
    right={
        "en": "inf / inf is undefined, so every probability becomes nan, and a single nan spreads to "
              "everything computed from it.",
        "pt": "inf / inf é indefinido, então toda probabilidade vira nan, e um único nan se espalha por tudo o "
              "que for calculado a partir dele.",
    },
    wrong={
        "en": "The exponentials overflow, but the softmax line divides each of them by their sum. What does "
              "that division give?",
        "pt": "As exponenciais estouram, mas a linha da softmax divide cada uma delas pela soma. O que essa "
              "divisão dá?",
    },
)
