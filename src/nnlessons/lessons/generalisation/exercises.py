"""Exercises of Lesson 10 (training and generalisation): ``from nnlessons.lessons.generalisation import exercises as ex``.

q1  read a pair of loss curves: underfitting, overfitting or a good fit  ChoiceQuestion
q2  which split gives the score to report                                ChoiceQuestion
q3  how many iterations one epoch of 120 samples takes with B = 32       NumberQuestion
q4  the epoch early stopping stops at: best epoch 120, patience 50       NumberQuestion

Checkpoints (predict, then run; inside the lesson's body):

c1  on new points, who scores higher: the memoriser or the radius rule?  ChoiceQuestion
c2  the 64-neuron network's validation loss after its lowest point:
    up, down or the same?                                                 ChoiceQuestion
c3  by what factor the gradient's noise falls from B = 1 to B = 16        NumberQuestion
"""

from ...exercises.questions import ChoiceQuestion, NumberQuestion

q1 = ChoiceQuestion(
    "generalisation.q1", {
        "underfitting": {"pt": "subajuste", "en": "underfitting"},
        "overfitting": {"pt": "sobreajuste", "en": "overfitting"},
        "good fit": {"pt": "bom ajuste", "en": "good fit"},
    }, expected="underfitting",
    hint={
        "en": "Look at the level of the training loss first (is the network fitting even its own data?), "
              "then at the gap between the two curves.",
        "pt": "Olhe primeiro o nível da perda de treino (a rede consegue se ajustar aos próprios dados?), "
              "depois a distância entre as duas curvas.",
    },
    solution={
        "en": "Underfitting: both losses flatten out early at a high value (about 0.55, not far from the "
              "log 2 ≈ 0.69 of a coin toss between 2 classes) and stay close together. One hidden neuron "
              "draws one straight boundary, and no straight line separates XOR: the network lacks "
              "capacity. More neurons cure it.",
        "pt": "Subajuste: as duas perdas param cedo num valor alto (uns 0,55, não muito longe do "
              "log 2 ≈ 0,69 de um cara ou coroa entre 2 classes) e ficam juntas. Um neurônio oculto traça "
              "uma única fronteira reta, e nenhuma reta separa o XOR: falta capacidade à rede. Mais "
              "neurônios resolvem.",
    },
    right={
        "en": "High and together: the model is too simple for the data (or stopped far too soon).",
        "pt": "Altas e juntas: o modelo é simples demais para os dados (ou parou cedo demais).",
    },
    wrong={
        "en": "Overfitting needs a low training loss and a validation loss that climbs away from it.",
        "pt": "Sobreajuste exige uma perda de treino baixa e uma de validação que sobe, se afastando dela.",
    },
)


q2 = ChoiceQuestion(
    "generalisation.q2", {
        "training": {"pt": "treino", "en": "training", "also": ("training set", "conjunto de treino")},
        "validation": {"pt": "validação", "en": "validation",
                       "also": ("validation set", "conjunto de validação")},
        "test": {"pt": "teste", "en": "test", "also": ("test set", "conjunto de teste")},
    }, expected="test",
    hint={
        "en": "Which split has played no part in any decision: not the weights, not the epochs, not the "
              "number of neurons?",
        "pt": "Qual divisão não participou de nenhuma decisão: nem dos pesos, nem das épocas, nem do número "
              "de neurônios?",
    },
    solution={
        "en": "The test set. The training score is flattered by fitting, the validation score by choosing "
              "(we kept the setting that did best on it); only the test set, looked at once at the end, is "
              "new data for the final model.",
        "pt": "O conjunto de teste. A nota do treino é inflada pelo ajuste, a da validação pela escolha "
              "(ficamos com a configuração que foi melhor nela); só o teste, olhado uma única vez no fim, é "
              "dado novo para o modelo final.",
    },
    right={
        "en": "And only once: a test score that steers another round of choices becomes a validation score.",
        "pt": "E uma única vez: uma nota de teste que guia mais uma rodada de escolhas vira nota de validação.",
    },
    wrong={
        "en": "That split helped to shape the model, so its score is optimistic.",
        "pt": "Essa divisão ajudou a moldar o modelo, então a nota dela é otimista.",
    },
)


q3 = NumberQuestion(
    "generalisation.q3", 4,
    symptoms={"output": [(lambda got, run: abs(got - 3.75) < 1e-9, {
        "en": "120 / 32 = 3.75, but there is no such thing as three quarters of an update: the last, smaller "
              "batch is still one step.",
        "pt": "120 / 32 = 3,75, mas não existe três quartos de atualização: o último lote, menor, também é um "
              "passo.",
    })]},
    hint={
        "en": "Each iteration takes one batch of at most 32 samples; an epoch ends when all 120 have been used once.",
        "pt": "Cada iteração usa um lote de no máximo 32 amostras; a época termina quando as 120 foram usadas uma vez.",
    },
    solution={
        "en": "⌈120 / 32⌉ = 4: three batches of 32 and a last one of 24, one weight update each.",
        "pt": "⌈120 / 32⌉ = 4: três lotes de 32 e um último de 24, uma atualização dos pesos em cada.",
    },
    right={
        "en": "An epoch has ⌈n/B⌉ iterations: the batch size decides how many steps one pass over the data buys.",
        "pt": "Uma época tem ⌈n/B⌉ iterações: o tamanho do lote decide quantos passos uma passada pelos dados rende.",
    },
    wrong={
        "en": "Count the batches: how many bites of 32 does it take to eat 120 samples?",
        "pt": "Conte os lotes: quantas mordidas de 32 são precisas para comer 120 amostras?",
    },
)


q4 = NumberQuestion(
    "generalisation.q4", 170,
    symptoms={"output": [(lambda got, run: abs(got - 120) < 1e-9, {
        "en": "120 is the epoch whose weights are kept (best_epoch); training went on a while after it.",
        "pt": "120 é a época cujos pesos ficam guardados (best_epoch); o treino ainda seguiu um tempo depois dela.",
    })]},
    hint={
        "en": "After epoch 120 the counter grows by 1 at every epoch without a new record. At which epoch does it "
              "reach the patience?",
        "pt": "Depois da época 120, o contador cresce 1 a cada época sem novo recorde. Em que época ele chega à "
              "paciência?",
    },
    solution={
        "en": "170: epochs 121, 122, …, 170 are the 50 epochs without a record, so the counter reaches 50 at epoch "
              "170 and training stops there; the weights of epoch 120 go back into the network "
              "(best_epoch = 120, stopped_epoch = 170, as in the lesson's 143 and 193).",
        "pt": "170: as épocas 121, 122, …, 170 são as 50 épocas sem recorde, então o contador chega a 50 na época "
              "170 e o treino para ali; os pesos da época 120 voltam para a rede "
              "(best_epoch = 120, stopped_epoch = 170, como os 143 e 193 da lição).",
    },
    right={
        "en": "Early stopping always trains patience epochs past the best one: that is the price of not stopping "
              "at the first wobble.",
        "pt": "A parada antecipada sempre treina paciência épocas além da melhor: é o preço de não parar na "
              "primeira oscilação.",
    },
    wrong={
        "en": "Count the epochs without a record one by one, starting right after the best epoch.",
        "pt": "Conte uma a uma as épocas sem recorde, começando logo depois da melhor época.",
    },
)


# ---- checkpoints: predict, then run ----------------------------------------------------------
c1 = ChoiceQuestion(
    "generalisation.c1", {
        "memoriser": {"en": "memoriser", "pt": "decoreba",
                      "also": ("the memoriser", "o decoreba", "nearest neighbour", "vizinho mais próximo")},
        "radius": {"en": "radius rule", "pt": "regra do raio", "also": ("the radius rule", "a regra do raio")},
        "tie": {"en": "tie", "pt": "empate", "also": ("the same", "equal", "iguais")},
    }, expected="radius",
    hint={
        "en": "On the points it stored, the memoriser reads back the answers it kept. A new point lands among "
              "noisy neighbours: whose label does it copy?",
        "pt": "Nos pontos que guardou, o decoreba só lê as respostas que guardou. Um ponto novo cai entre "
              "vizinhos ruidosos: de quem ele copia o rótulo?",
    },
    solution={
        "en": "The radius rule: about 86% on new points against the memoriser's 74%. The memoriser scores 100% "
              "on the points it has seen (each is its own nearest neighbour) and copies the noise along with "
              "the pattern; the rule learned only the pattern.",
        "pt": "A regra do raio: cerca de 86% nos pontos novos contra 74% do decoreba. O decoreba tira 100% nos "
              "pontos que já viu (cada um é o seu próprio vizinho mais próximo) e copia o ruído junto com o "
              "padrão; a regra aprendeu só o padrão.",
    },
    right={
        "en": "A perfect score on the training data says nothing about new data: only new data can tell.",
        "pt": "Uma nota perfeita nos dados de treino não diz nada sobre dados novos: só dados novos dizem.",
    },
    wrong={
        "en": "Its 100% on the points it stored is only reading back its own copy. What happens near a point "
              "the noise put in the wrong ring?",
        "pt": "Os 100% nos pontos guardados são só a leitura da própria cópia. O que acontece perto de um ponto "
              "que o ruído jogou no anel errado?",
    },
)

c2 = ChoiceQuestion(
    "generalisation.c2", {
        "up": {"en": "up", "pt": "sobe", "also": ("goes up", "rises", "subir", "aumenta")},
        "down": {"en": "down", "pt": "desce", "also": ("goes down", "falls", "cai", "descer", "diminui")},
        "same": {"en": "same", "pt": "fica igual", "also": ("stays the same", "flat", "igual")},
    }, expected="up",
    hint={
        "en": "The fit cell printed its losses at epoch 400: training 0.06, validation 0.89. The 8-neuron "
              "network reached 0.24 on the same validation points.",
        "pt": "A célula do treino imprimiu as perdas da época 400: treino 0,06, validação 0,89. A rede de 8 "
              "neurônios chegou a 0,24 nos mesmos pontos de validação.",
    },
    solution={
        "en": "Up: it reaches its lowest point around epoch 150 and then climbs, faster and faster, while the "
              "training loss keeps falling towards 0. The network has started to memorise its 60 points.",
        "pt": "Sobe: ela chega ao ponto mais baixo por volta da época 150 e depois sobe, cada vez mais depressa, "
              "enquanto a perda de treino continua caindo rumo a 0. A rede passou a decorar os seus 60 pontos.",
    },
    right={
        "en": "Training loss falling, validation loss rising, the gap growing: that is overfitting's signature.",
        "pt": "Perda de treino caindo, de validação subindo e a distância entre elas crescendo: é a assinatura "
              "do sobreajuste.",
    },
    wrong={
        "en": "The gradient only lowers the training loss; nothing stops the validation loss from going the "
              "other way once the network fits the noise.",
        "pt": "O gradiente só baixa a perda de treino; nada impede a de validação de ir para o outro lado quando "
              "a rede se ajusta ao ruído.",
    },
)

c3 = NumberQuestion(
    "generalisation.c3", 4, rtol=0.25,
    symptoms={"output": [(lambda got, run: abs(got - 16) < 1e-9, {
        "en": "16 is how much the batch grows; the noise falls with the square root of it.",
        "pt": "16 é quanto o lote cresce; o ruído cai com a raiz disso.",
    })]},
    hint={
        "en": "The mean of B independent values has spread σ/√B. Compare √1 with √16.",
        "pt": "A média de B valores independentes tem desvio σ/√B. Compare √1 com √16.",
    },
    solution={
        "en": "About 4: √16 / √1 = 4 (the cell measures 10.1 → 2.7, a factor of 3.7).",
        "pt": "Cerca de 4: √16 / √1 = 4 (a célula mede 10,1 → 2,7, um fator de 3,7).",
    },
    right={
        "en": "To halve the noise you need a batch 4 times larger: big batches pay a lot for a little less "
              "noise.",
        "pt": "Para reduzir o ruído à metade é preciso um lote 4 vezes maior: lotes grandes pagam caro por um "
              "pouco menos de ruído.",
    },
    wrong={
        "en": "Not in proportion to B: with the square root of B.",
        "pt": "Não na proporção de B: com a raiz de B.",
    },
)
