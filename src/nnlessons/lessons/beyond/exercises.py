"""Exercises of Lesson 16 (beyond): ``from nnlessons.lessons.beyond import exercises as ex``.

Checkpoints (predict, then run)
c1  does the number of false positives go up or down as the threshold rises?     ChoiceQuestion
c2  which sine network ends with the smaller MSE: small or larger weights?       ChoiceQuestion
c3  does pickle.loads of a harmless-looking "model" print something?             ChoiceQuestion
c4  the model after an early-stopped fit against the checkpoint file             ChoiceQuestion

End of the lesson
q1  binary cross-entropy of p = 0.8 for a legitimate e-mail (y = 0)             NumberQuestion
q2  the RMSE of four errors +1, −2, +2, −1                                      NumberQuestion
q3  after which epoch does fit(early_stopping=3) stop on a list of val_losses   NumberQuestion
q4  last layer and loss for a temperature (a number that can be negative)       ChoiceQuestion
"""

import numpy as np

from ...exercises.questions import ChoiceQuestion, NumberQuestion

c1 = ChoiceQuestion(
    "beyond.c1", {
        "up": {"pt": "sobe", "en": "up"},
        "down": {"pt": "desce", "en": "down"},
        "same": {"pt": "fica igual", "en": "same", "also": ("stays the same", "igual")},
    }, expected="down",
    hint={
        "en": "A false positive is a class-0 sample the network calls 1. With a higher threshold, does the "
              "network say \"class 1\" more often or less often?",
        "pt": "Um falso positivo é uma amostra da classe 0 que a rede chama de 1. Com um limiar mais alto, a "
              "rede diz \"classe 1\" mais vezes ou menos vezes?",
    },
    solution={
        "en": "Down. Class 1 needs p > t: the higher t, the fewer samples get called 1, so fewer class-0 samples "
              "are wrongly called 1. The price is paid in false negatives, which go up.",
        "pt": "Desce. A classe 1 exige p > t: quanto maior o t, menos amostras são chamadas de 1, então menos "
              "amostras da classe 0 são chamadas de 1 por engano. O preço aparece nos falsos negativos, que sobem.",
    },
    right={
        "en": "A higher threshold makes \"class 1\" harder to say: fewer false positives, and more false "
              "negatives in exchange — the table shows both columns moving in opposite directions.",
        "pt": "Um limiar mais alto torna \"classe 1\" mais difícil de dizer: menos falsos positivos e, em troca, "
              "mais falsos negativos — a tabela mostra as duas colunas andando em sentidos opostos.",
    },
    wrong={
        "en": "Think of the extreme: with t = 0.99 almost nothing is called class 1. How many class-0 samples "
              "can then be called 1 by mistake?",
        "pt": "Pense no extremo: com t = 0,99 quase nada é chamado de classe 1. Quantas amostras da classe 0 "
              "ainda podem ser chamadas de 1 por engano?",
    },
)

c2 = ChoiceQuestion(
    "beyond.c2", {
        "small": {"pt": "pequenos", "en": "small", "also": ("pesos pequenos", "small weights")},
        "larger": {"pt": "maiores", "en": "larger", "also": ("pesos maiores", "larger weights", "large")},
        "tie": {"pt": "empate", "en": "tie", "also": ("iguais", "the same")},
    }, expected="larger",
    hint={
        "en": "The gradient that reaches the first layer is multiplied by the weights of the layers above it. "
              "What happens to it when every weight is ten times smaller?",
        "pt": "O gradiente que chega à primeira camada é multiplicado pelos pesos das camadas de cima. O que "
              "acontece com ele quando todo peso é dez vezes menor?",
    },
    solution={
        "en": "The larger weights. With 0.01·N(0, 1) the gradient that reaches the first-layer biases is tiny "
              "(about 9e-9, below Adam's ε = 1e-7), so the bends hardly move and the fit stays poor; with "
              "weights ten times larger the signal gets through.",
        "pt": "Os pesos maiores. Com 0,01·N(0, 1), o gradiente que chega aos vieses da primeira camada é "
              "minúsculo (cerca de 9e-9, abaixo do ε = 1e-7 do Adam), então as dobras mal se mexem e o ajuste "
              "fica ruim; com pesos dez vezes maiores, o sinal passa.",
    },
    right={
        "en": "It is lesson 13's vanishing signal: through several layers of tiny weights the gradient shrinks "
              "at every layer, and the first layer barely learns.",
        "pt": "É o sinal que some da lição 13: passando por várias camadas de pesos minúsculos, o gradiente "
              "encolhe a cada camada, e a primeira camada quase não aprende.",
    },
    wrong={
        "en": "Small starting weights are not safer here. Follow the gradient backwards: how many small "
              "weights does it go through before it reaches the first layer?",
        "pt": "Pesos iniciais pequenos não são mais seguros aqui. Siga o gradiente para trás: por quantos pesos "
              "pequenos ele passa antes de chegar à primeira camada?",
    },
)

c3 = ChoiceQuestion(
    "beyond.c3", {
        "yes": {"pt": "sim", "en": "yes"},
        "no": {"pt": "não", "en": "no"},
    }, expected="yes",
    hint={
        "en": "Read __reduce__: it tells pickle which function to call, with which arguments, to rebuild the "
              "object. When does pickle call it?",
        "pt": "Leia o __reduce__: ele diz ao pickle qual função chamar, com quais argumentos, para reconstruir "
              "o objeto. Quando o pickle a chama?",
    },
    solution={
        "en": "Yes. pickle.loads rebuilds the object by calling the function __reduce__ named, here print, "
              "while loading: no method of the object is ever called, and the code runs anyway.",
        "pt": "Sim. O pickle.loads reconstrói o objeto chamando a função que o __reduce__ indicou, aqui o print, "
              "durante o carregamento: nenhum método do objeto é chamado, e o código roda assim mesmo.",
    },
    right={
        "en": "Loading is enough: a pickle holds instructions, and pickle.loads runs them. In place of print "
              "there could be any function at all.",
        "pt": "Carregar basta: um pickle guarda instruções, e o pickle.loads as executa. No lugar do print "
              "poderia estar qualquer função.",
    },
    wrong={
        "en": "Look at what __reduce__ returns, and remember that a pickle stores instructions for rebuilding "
              "an object, not only its data.",
        "pt": "Veja o que o __reduce__ devolve, e lembre que um pickle guarda instruções para reconstruir um "
              "objeto, não só os dados dele.",
    },
)

c4 = ChoiceQuestion(
    "beyond.c4", {
        "larger": {"pt": "maior", "en": "larger"},
        "smaller": {"pt": "menor", "en": "smaller"},
        "equal": {"pt": "igual", "en": "equal", "also": ("the same", "a mesma")},
    }, expected="equal",
    hint={
        "en": "The checkpoint file is written at every validation record. What does early_stopping do with "
              "the model's weights when training ends?",
        "pt": "O arquivo de checkpoint é gravado a cada recorde da validação. O que o early_stopping faz com os "
              "pesos do modelo quando o treino acaba?",
    },
    solution={
        "en": "Equal. The file holds the weights of the best epoch, and early_stopping puts the best weights "
              "back into the model at the end: both are the same numbers.",
        "pt": "Igual. O arquivo guarda os pesos da melhor época, e o early_stopping devolve os melhores pesos ao "
              "modelo no fim: os dois são os mesmos números.",
    },
    right={
        "en": "The file and the model hold the weights of the same best epoch, even though training ran "
              "`patience` epochs past it.",
        "pt": "O arquivo e o modelo guardam os pesos da mesma melhor época, mesmo que o treino tenha seguido "
              "`paciência` épocas além dela.",
    },
    wrong={
        "en": "The model did train for more epochs after the record, but read again what early stopping does "
              "once it gives up.",
        "pt": "O modelo treinou mesmo mais épocas depois do recorde, mas releia o que a parada antecipada faz "
              "quando desiste.",
    },
)

q1 = NumberQuestion(
    "beyond.q1", -np.log(0.2), atol=0.005,
    hint={
        "en": "For one sample L = −[y·ln(p) + (1 − y)·ln(1 − p)]. With y = 0 only the second term is left.",
        "pt": "Para uma amostra, L = −[y·ln(p) + (1 − y)·ln(1 − p)]. Com y = 0 só sobra o segundo termo.",
    },
    solution={
        "en": "L = −ln(1 − 0.8) = −ln(0.2) ≈ 1.609. The filter gave the wrong class 80%: a confident "
              "mistake costs a lot (p = 0.2 would have cost only −ln(0.8) ≈ 0.223).",
        "pt": "L = −ln(1 − 0,8) = −ln(0,2) ≈ 1,609. O filtro deu 80% à classe errada: um erro confiante "
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

q2 = NumberQuestion(
    "beyond.q2", np.sqrt(2.5), atol=0.005,
    hint={
        "en": "RMSE = √(mean of the squared errors). Square each error first, then average, then take the root.",
        "pt": "RMSE = √(média dos erros ao quadrado). Eleve cada erro ao quadrado, tire a média e depois a raiz.",
    },
    solution={
        "en": "Squares 1, 4, 4, 1; their mean (the MSE) is 10 / 4 = 2.5; RMSE = √2.5 ≈ 1.581, in hundreds "
              "of thousands like the errors.",
        "pt": "Quadrados 1, 4, 4, 1; a média deles (o MSE) é 10 / 4 = 2,5; RMSE = √2,5 ≈ 1,581, em centenas "
              "de milhares, como os erros.",
    },
    right={
        "en": "The root brings the MSE back to the units of y, so the RMSE reads as a typical error: about "
              "1.6 hundred thousand per flat.",
        "pt": "A raiz traz o MSE de volta à unidade de y, e o RMSE se lê como um erro típico: cerca de "
              "1,6 centena de milhar por apartamento.",
    },
    wrong={
        "en": "Square before you average: the signed errors would cancel out, and the mean of |error| is the "
              "MAE, not the RMSE. Take the root at the end.",
        "pt": "Eleve ao quadrado antes de tirar a média: os erros com sinal se cancelariam, e a média de |erro| "
              "é o MAE, não o RMSE. Tire a raiz no fim.",
    },
)

q3 = NumberQuestion(
    "beyond.q3", 6,
    hint={
        "en": "Find the record first. Then count the epochs after it that do not beat it: fit stops as soon "
              "as there are `patience` of them in a row.",
        "pt": "Ache o recorde primeiro. Depois conte as épocas seguintes que não o batem: o fit para assim que "
              "houver `paciência` delas seguidas.",
    },
    solution={
        "en": "The record is 0.60 at epoch 3. Epochs 4, 5 and 6 (0.65, 0.62, 0.61) do not beat it: three in "
              "a row, so fit stops after epoch 6 and puts epoch 3's weights back. The 0.55 of epoch 7 is "
              "never seen — the price of a patience that is too small.",
        "pt": "O recorde é 0,60, na época 3. As épocas 4, 5 e 6 (0,65, 0,62, 0,61) não o batem: três seguidas, "
              "então o fit para depois da época 6 e devolve os pesos da época 3. O 0,55 da época 7 nunca "
              "aparece — o preço de uma paciência pequena demais.",
    },
    right={
        "en": "Three epochs without a new record after epoch 3. The better losses that were still to come are "
              "lost: that is why patience is a compromise.",
        "pt": "Três épocas sem novo recorde depois da época 3. As perdas melhores que ainda viriam se perdem: "
              "por isso a paciência é um compromisso.",
    },
    wrong={
        "en": "The fit loop cannot see the future: it stops at the end of the epoch that makes `patience` epochs in a "
              "row without a new record. Epochs count from 1 here.",
        "pt": "O fit não enxerga o futuro: ele para no fim da época que completa `paciência` épocas seguidas "
              "sem novo recorde. Aqui as épocas contam a partir de 1.",
    },
)

q4 = ChoiceQuestion(
    "beyond.q4", {
        "sigmoid_bce": {"pt": "sigmoide + BCE", "en": "sigmoid + BCE"},
        "linear_mse": {"pt": "linear + MSE", "en": "linear + MSE"},
        "softmax_ce": {"pt": "softmax + entropia cruzada", "en": "softmax + cross-entropy"},
        "relu_mse": {"pt": "ReLU + MSE", "en": "ReLU + MSE"},
    }, expected="linear_mse",
    hint={
        "en": "The answer is a number, not a class, and it can be below zero. Which output can give any real "
              "number?",
        "pt": "A resposta é um número, não uma classe, e pode ser abaixo de zero. Que saída pode dar qualquer "
              "número real?",
    },
    solution={
        "en": "linear + MSE: a regression. A sigmoid only gives numbers between 0 and 1, a softmax gives "
              "probabilities of classes, and a ReLU output can never say −3 °C.",
        "pt": "linear + MSE: é uma regressão. A sigmoide só dá números entre 0 e 1, a softmax dá probabilidades "
              "de classes, e uma saída ReLU nunca consegue dizer −3 °C.",
    },
    right={
        "en": "A linear output has no limits, so it can give any temperature, and the MSE measures how far "
              "each prediction is.",
        "pt": "Uma saída linear não tem limites, então pode dar qualquer temperatura, e o MSE mede quão longe "
              "cada previsão está.",
    },
    wrong={
        "en": "Ask two things: is the answer a class or a number, and which outputs can be negative?",
        "pt": "Pergunte duas coisas: a resposta é uma classe ou um número, e quais saídas podem ser negativas?",
    },
)
