"""Exercises of Lesson 18 (bridge): ``from nnlessons.lessons.bridge import exercises as ex``.

Checkpoints (predict, then run):

c1  the shape of the digits batch in Keras' channels-last order              ShapeQuestion
c2  the loss of a confident right answer when the softmax is applied twice   ChoiceQuestion
c3  the validation loss of the weights early stopping leaves, not restored   ChoiceQuestion

Exercises:

q1  find the bugs of a Keras CNN that tells sevens from other digits          BugHuntQuestion
q2  find the bugs of a PyTorch training loop for the ten digits               BugHuntQuestion
q3  write to_keras_kernel(weights): our Conv2D weights in Keras' layout      FunctionQuestion
q4  PyTorch's BatchNorm momentum that matches Keras' momentum=0.99           NumberQuestion
q5  the Keras loss for a Dense(10) without activation and integer labels     ChoiceQuestion
"""

import numpy as np

from ...exercises.bughunt import BugHuntQuestion
from ...exercises.questions import ChoiceQuestion, FunctionQuestion, NumberQuestion, ShapeQuestion

c1 = ShapeQuestion(
    "bridge.c1", (1797, 8, 8, 1),
    hint={
        "en": "Channels-last keeps the batch axis first and moves the channel axis to the end; the "
              "height and width stay in the middle.",
        "pt": "Canais por último mantém o eixo do lote na frente e leva o eixo dos canais para o fim; "
              "altura e largura ficam no meio.",
    },
    solution={
        "en": "(1797, 8, 8, 1): 1797 digits, 8 rows, 8 columns, 1 channel. transpose(0, 2, 3, 1) takes "
              "axis 0 (batch), then 2 and 3 (height, width), then 1 (channels).",
        "pt": "(1797, 8, 8, 1): 1797 dígitos, 8 linhas, 8 colunas, 1 canal. transpose(0, 2, 3, 1) pega o "
              "eixo 0 (lote), depois o 2 e o 3 (altura, largura) e por fim o 1 (canais).",
    },
    right={
        "en": "Same numbers, another order of axes: Keras reads (batch, height, width, channels), "
              "PyTorch and nnlessons read (batch, channels, height, width).",
        "pt": "Os mesmos números, outra ordem dos eixos: o Keras lê (lote, altura, largura, canais); o "
              "PyTorch e o nnlessons leem (lote, canais, altura, largura).",
    },
    wrong={
        "en": "Follow transpose(0, 2, 3, 1) axis by axis: the new axis i is the old axis given at "
              "position i.",
        "pt": "Siga transpose(0, 2, 3, 1) eixo por eixo: o novo eixo i é o eixo antigo dado na "
              "posição i.",
    },
)

MORE_SAME_LESS = {
    "larger": {"pt": "maior", "en": "larger", "also": ("higher", "bigger", "mais alta")},
    "same": {"pt": "igual", "en": "the same", "also": ("same", "equal", "a mesma")},
    "smaller": {"pt": "menor", "en": "smaller", "also": ("lower", "mais baixa")},
}

c2 = ChoiceQuestion(
    "bridge.c2", MORE_SAME_LESS, expected="larger",
    hint={
        "en": "The second softmax gets numbers between 0 and 1. What does a softmax do with inputs "
              "that differ by less than 1?",
        "pt": "A segunda softmax recebe números entre 0 e 1. O que uma softmax faz com entradas que "
              "diferem em menos de 1?",
    },
    solution={
        "en": "Larger. The second softmax sees 0.99 against nine values near 0: e^0.99 ≈ 2.7 against "
              "nine times e^0 ≈ 1, so the right class gets only about 23%, and the loss is about "
              "−ln(0.23) ≈ 1.47 instead of 0.01. The network can never make the loss small, and its "
              "gradients come out weak.",
        "pt": "Maior. A segunda softmax vê 0,99 contra nove valores perto de 0: e^0,99 ≈ 2,7 contra "
              "nove vezes e^0 ≈ 1; a classe certa fica com uns 23%, e a perda dá cerca de "
              "−ln(0,23) ≈ 1,47 em vez de 0,01. A rede nunca consegue deixar a perda pequena, e os "
              "gradientes saem fracos.",
    },
    right={
        "en": "A softmax of numbers squeezed into [0, 1] is nearly uniform: the confident answer is "
              "flattened and the loss stays high even when the network is right.",
        "pt": "A softmax de números espremidos em [0, 1] é quase uniforme: a resposta confiante é "
              "achatada e a perda fica alta mesmo com a rede acertando.",
    },
    wrong={
        "en": "Work out the second softmax by hand: exponentials of 0.99 and of numbers near 0.",
        "pt": "Faça a segunda softmax à mão: exponenciais de 0,99 e de números perto de 0.",
    },
)

c3 = ChoiceQuestion(
    "bridge.c3", MORE_SAME_LESS, expected="larger",
    hint={
        "en": "Early stopping ends the run `patience` epochs after the best one. Which weights does the "
              "model hold at that moment, if nobody puts the best ones back?",
        "pt": "A parada antecipada encerra o treino `patience` épocas depois da melhor. Quais pesos o "
              "modelo tem nesse momento, se ninguém devolver os melhores?",
    },
    solution={
        "en": "Larger. Training stops because the validation loss has not improved for `patience` "
              "epochs, so the model holds the weights of the last epoch, which are worse than the "
              "best ones. Keras' EarlyStopping has restore_best_weights=False by default: pass "
              "restore_best_weights=True (nnlessons' bare patience restores them).",
        "pt": "Maior. O treino para porque a perda na validação não melhorou por `patience` épocas; o "
              "modelo fica com os pesos da última época, piores que os melhores. O EarlyStopping do "
              "Keras tem restore_best_weights=False por padrão: passe restore_best_weights=True (a "
              "paciência sozinha do nnlessons já os devolve).",
    },
    right={
        "en": "Without restoring, you keep the weights of the epoch where training stopped, `patience` "
              "epochs past the best one.",
        "pt": "Sem restaurar, você fica com os pesos da época em que o treino parou, `patience` épocas "
              "depois da melhor.",
    },
    wrong={
        "en": "Stopping is not the same as going back: ask which epoch's weights are in the model when "
              "the loop ends.",
        "pt": "Parar não é o mesmo que voltar: pergunte-se de qual época são os pesos que estão no "
              "modelo quando o laço termina.",
    },
)

KERAS_LISTING = '''
import keras
from keras import layers

(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
x_train = x_train.reshape(-1, 28, 28, 1).astype("float32")
x_test = x_test.reshape(-1, 28, 28, 1).astype("float32")
y_train = (y_train == 7).astype("float32")
y_test = (y_test == 7).astype("float32")

model = keras.Sequential([
    keras.Input(shape=(28, 28, 1)),
    layers.Conv2D(16, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Conv2D(32, 3, activation="relu"),
    layers.MaxPooling2D(2),
    layers.Flatten(),
    layers.Dense(64, activation="softmax"),
    layers.Dropout(0.5),
    layers.Dense(2, activation="softmax"),
])
model.compile(optimizer="adam",
              loss=keras.losses.BinaryCrossentropy(from_logits=True),
              metrics=["categorical_accuracy"])
model.fit(x_train, y_train, epochs=5, batch_size=64,
          validation_data=(x_train, y_train))
model.evaluate(x_test, y_test)
'''

q1 = BugHuntQuestion(
    "bridge.q1", KERAS_LISTING,
    bugs={"unscaled": (5, 6), "softmax_hidden": (17,), "two_softmax_bce": (19,), "from_logits": (22,),
          "accuracy_kind": (23,), "validate_on_train": (25,)},
    fine={
        7: {"en": "(y_train == 7) gives True or False per digit and astype turns it into 1 or 0: labels for "
                  "a yes/no question.",
            "pt": "(y_train == 7) dá True ou False para cada dígito, e o astype transforma em 1 ou 0: "
                  "rótulos para uma pergunta de sim ou não."},
        11: {"en": "Keras is channels-last: (height, width, channels) = (28, 28, 1), without the batch axis.",
             "pt": "o Keras usa canais por último: (altura, largura, canais) = (28, 28, 1), sem o eixo do "
                   "lote."},
        13: {"en": "pool_size=2, and the stride defaults to the pool size, as in our MaxPool2D(2).",
             "pt": "pool_size=2, e o passo é por padrão o tamanho da janela, como no nosso MaxPool2D(2)."},
        18: {"en": "rate is the fraction dropped, as in our Dropout(0.5); Keras switches it off in "
                   "evaluate and predict.",
             "pt": "rate é a fração descartada, como no nosso Dropout(0.5); o Keras o desliga no evaluate "
                   "e no predict."},
        21: {"en": "\"adam\" is Adam with Keras' defaults (learning_rate=0.001), a sound start.",
             "pt": "\"adam\" é o Adam com os padrões do Keras (learning_rate=0.001), um bom começo."},
        26: {"en": "the test set, used once at the end: that is what it is for.",
             "pt": "o conjunto de teste, usado uma vez, no fim: é para isso que ele serve."},
    },
    hint={
        "en": "Six bugs, none of which stops the program: Keras trains and prints numbers. Read it as the "
              "network sees it: what range do the pixels have? Which activation belongs in a hidden layer? "
              "For a yes/no question, how many outputs, which activation, which loss, and does the loss "
              "get probabilities or logits? Which accuracy fits 0/1 labels? What is the validation set "
              "for?",
        "pt": "São seis bugs, e nenhum faz o programa parar: o Keras treina e imprime números. Leia como a "
              "rede vê: qual é a faixa dos pixels? Qual ativação cabe numa camada oculta? Para uma "
              "pergunta de sim ou não: quantas saídas, qual ativação, qual perda, e a perda recebe "
              "probabilidades ou logits? Qual acurácia serve para rótulos 0/1? Para que serve o "
              "conjunto de validação?",
    },
    solution={
        "en": "Lines 5 and 6, 17, 19, 22, 23 and 25.\n"
              "- 5 and 6: the pixels go from 0 to 255; divide by 255 (as we divided the digits by 16) in "
              "both lines, so training and test get the same preparation.\n"
              "- 17: softmax in a hidden layer makes the 64 activations compete and sum to 1; use "
              "activation=\"relu\".\n"
              "- 19: two softmax outputs with binary cross-entropy and one 0/1 label per image; for a "
              "yes/no question use layers.Dense(1, activation=\"sigmoid\") (or keep two outputs with "
              "SparseCategoricalCrossentropy).\n"
              "- 22: from_logits=True tells the loss to apply the sigmoid itself, but the model already "
              "outputs probabilities; drop from_logits (False is the default) or drop the activation of "
              "the last layer.\n"
              "- 23: categorical_accuracy expects one-hot labels; with 0/1 labels write "
              "metrics=[\"accuracy\"] (Keras picks binary accuracy from the loss) or "
              "keras.metrics.BinaryAccuracy().\n"
              "- 25: validating on the training data measures memory, not generalisation; hold data out, "
              "e.g. validation_split=0.1 (never the test set).",
        "pt": "Linhas 5 e 6, 17, 19, 22, 23 e 25.\n"
              "- 5 e 6: os pixels vão de 0 a 255; divida por 255 (como dividimos os dígitos por 16) nas "
              "duas linhas, para que treino e teste tenham o mesmo preparo.\n"
              "- 17: softmax numa camada oculta faz as 64 ativações competirem e somarem 1; use "
              "activation=\"relu\".\n"
              "- 19: duas saídas softmax com entropia cruzada binária e um rótulo 0/1 por imagem; para uma "
              "pergunta de sim ou não use layers.Dense(1, activation=\"sigmoid\") (ou mantenha duas "
              "saídas com SparseCategoricalCrossentropy).\n"
              "- 22: from_logits=True manda a perda aplicar ela mesma a sigmoide, mas o modelo já "
              "entrega probabilidades; tire o from_logits (False é o padrão) ou tire a ativação da "
              "última camada.\n"
              "- 23: categorical_accuracy espera rótulos one-hot; com rótulos 0/1 escreva "
              "metrics=[\"accuracy\"] (o Keras escolhe a acurácia binária pela perda) ou "
              "keras.metrics.BinaryAccuracy().\n"
              "- 25: validar nos dados de treino mede memória, não generalização; separe dados, por "
              "exemplo validation_split=0.1 (nunca o conjunto de teste).",
    },
    right={
        "en": "All six, and no false alarm. Not one of them makes Keras stop with an error: they only "
              "make the numbers it prints wrong or misleading, which is why they survive so long.",
        "pt": "Os seis, e nenhum alarme falso. Nenhum deles faz o Keras parar com erro: só deixam os "
              "números impressos errados ou enganosos, e é por isso que sobrevivem tanto tempo.",
    },
    wrong={
        "en": "Go through the listing with the map of this lesson at hand: data preparation, then each "
              "layer, then compile, then fit.",
        "pt": "Percorra a listagem com o mapa desta lição ao lado: o preparo dos dados, depois cada "
              "camada, depois o compile, depois o fit.",
    },
)

TORCH_LISTING = '''
import torch
from torch import nn

model = nn.Sequential(
    nn.Conv2d(1, 16, kernel_size=3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
    nn.Dropout(0.5),
    nn.Linear(16 * 13 * 13, 10),
    nn.Softmax(dim=1),
)
loss_fn = nn.CrossEntropyLoss()
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

for epoch in range(5):
    for images, labels in train_loader:
        loss = loss_fn(model(images), labels)
        loss.backward()
        optimizer.step()

with torch.no_grad():
    predicted = model(test_images).argmax(dim=1)
accuracy = (predicted == test_labels).float().mean()
'''

q2 = BugHuntQuestion(
    "bridge.q2", TORCH_LISTING,
    bugs={"softmax_before_loss": (9, 11), "no_zero_grad": (15, 16, 17, 18), "no_eval": (20, 21)},
    fine={
        5: {"en": "PyTorch is channels-first: Conv2d(in_channels=1, out_channels=16, ...) reads (N, 1, 28, 28).",
            "pt": "o PyTorch usa canais primeiro: Conv2d(in_channels=1, out_channels=16, ...) lê (N, 1, 28, 28)."},
        7: {"en": "p=0.5 is the fraction zeroed, as in our Dropout(0.5).",
            "pt": "p=0.5 é a fração zerada, como no nosso Dropout(0.5)."},
        8: {"en": "28 − 3 + 1 = 26 after the convolution, 13 after the pooling, 16 channels: 16 · 13 · 13 "
                  "inputs.",
            "pt": "28 − 3 + 1 = 26 depois da convolução, 13 depois do pooling, 16 canais: 16 · 13 · 13 "
                  "entradas."},
        12: {"en": "lr=1e-3 is Adam's usual start, the same as our Adam's default.",
             "pt": "lr=1e-3 é o começo usual do Adam, o mesmo padrão do nosso Adam."},
        22: {"en": "the share of right predictions, as a number between 0 and 1.",
             "pt": "a fração de previsões certas, um número entre 0 e 1."},
    },
    hint={
        "en": "Three bugs, again none that stops the program. What does CrossEntropyLoss expect as input? "
              "What happens to the gradients of .backward() if nobody clears them? Which layer behaves "
              "differently in training and at inference, and what does torch.no_grad() switch off, and "
              "what not?",
        "pt": "Três bugs, de novo nenhum que pare o programa. O que a CrossEntropyLoss espera como "
              "entrada? O que acontece com os gradientes do .backward() se ninguém os zerar? Qual camada "
              "se comporta diferente no treino e na inferência, e o que o torch.no_grad() desliga, e o "
              "que não?",
    },
    solution={
        "en": "Lines 9 (or 11), 15–18 and 20–21.\n"
              "- 9: nn.CrossEntropyLoss takes logits and applies the (log-)softmax itself; the extra "
              "nn.Softmax makes it twice (checkpoint 2). Delete line 9; to read probabilities at "
              "inference, apply torch.softmax(logits, dim=1) there.\n"
              "- 15–18: .backward() adds to the .grad of each parameter; without optimizer.zero_grad() "
              "(first line of the loop body, before the forward), every step uses the sum of all the "
              "gradients so far.\n"
              "- 20–21: torch.no_grad() only stops recording gradients; Dropout is still dropping half "
              "of the features. Call model.eval() before evaluating (and model.train() before training "
              "again).",
        "pt": "Linhas 9 (ou 11), 15–18 e 20–21.\n"
              "- 9: a nn.CrossEntropyLoss recebe logits e aplica ela mesma a (log-)softmax; a nn.Softmax "
              "a mais faz isso duas vezes (checkpoint 2). Apague a linha 9; para ler probabilidades na "
              "inferência, aplique torch.softmax(logits, dim=1) lá.\n"
              "- 15–18: o .backward() soma no .grad de cada parâmetro; sem optimizer.zero_grad() "
              "(primeira linha do corpo do laço, antes do forward), cada passo usa a soma de todos os "
              "gradientes até ali.\n"
              "- 20–21: o torch.no_grad() só para de registrar gradientes; o Dropout continua "
              "descartando metade das características. Chame model.eval() antes de avaliar (e "
              "model.train() antes de voltar a treinar).",
    },
    right={
        "en": "All three, and no false alarm. Our engine spares you these: Model combines the softmax "
              "with the loss, computes fresh gradients each step, and predict runs with training=False.",
        "pt": "Os três, e nenhum alarme falso. Nosso motor poupa você deles: o Model combina a softmax "
              "com a perda, calcula gradientes novos a cada passo, e o predict roda com training=False.",
    },
    wrong={
        "en": "A missing line counts too: point at the lines where it should be.",
        "pt": "Uma linha que falta também conta: aponte as linhas onde ela deveria estar.",
    },
)


def _to_keras_kernel(weights):
    """Reference for q3: (out, in, kh, kw) → (kh, kw, in, out)."""
    return np.transpose(weights, (2, 3, 1, 0))


q3 = FunctionQuestion(
    "bridge.q3", _to_keras_kernel,
    cases=[np.arange(6.0).reshape(2, 1, 1, 3), np.arange(8.0).reshape(1, 2, 2, 2), np.arange(4.0).reshape(2, 2, 1, 1)],
    hint={
        "en": "np.transpose(weights, axes) puts old axis axes[i] at new position i. Our order is (out, in, "
              "kh, kw) = axes 0, 1, 2, 3; Keras wants (kh, kw, in, out).",
        "pt": "np.transpose(weights, eixos) põe o eixo antigo eixos[i] na nova posição i. Nossa ordem é "
              "(out, in, kh, kw) = eixos 0, 1, 2, 3; o Keras quer (kh, kw, in, out).",
    },
    solution={
        "en": "\n\ndef to_keras_kernel(weights):\n    return np.transpose(weights, (2, 3, 1, 0))\n\nA reshape "
              "would give the right shape with the numbers in the wrong places: only a transpose moves "
              "whole axes.",
        "pt": "\n\ndef to_keras_kernel(weights):\n    return np.transpose(weights, (2, 3, 1, 0))\n\nUm "
              "reshape daria o formato certo com os números nos lugares errados: só um transpose move "
              "eixos inteiros.",
    },
    right={
        "en": "Kernel height and width first, then the input channels, then the filters: "
              "layer.set_weights([to_keras_kernel(conv.weights), conv.biases]) would load our Conv2D "
              "into a Keras one.",
        "pt": "Altura e largura do kernel primeiro, depois os canais de entrada, depois os filtros: "
              "layer.set_weights([to_keras_kernel(conv.weights), conv.biases]) carregaria nossa Conv2D "
              "numa do Keras.",
    },
    wrong={
        "en": "Check the shape first (a (2, 1, 1, 3) input must give (1, 3, 1, 2)), then that the numbers "
              "moved with their axes (a reshape does not do that).",
        "pt": "Confira primeiro o formato (uma entrada (2, 1, 1, 3) deve dar (1, 3, 1, 2)), depois se os "
              "números foram junto com os eixos (um reshape não faz isso).",
    },
    symptoms={"output": [(lambda got, run: np.shape(got) == run.expected.shape,
                          {"en": "Did you use reshape? It keeps the numbers in their flat order; only "
                                 "transpose moves whole axes.",
                           "pt": "Você usou reshape? Ele mantém os números na ordem em que estão na memória; só "
                                 "o transpose move eixos inteiros."})]},
)

q4 = NumberQuestion(
    "bridge.q4", 0.01, atol=1e-9,
    hint={
        "en": "Keras (and our BatchNorm): running ← momentum · running + (1 − momentum) · batch. PyTorch: "
              "running ← (1 − momentum) · running + momentum · batch. Match the weight of the new batch.",
        "pt": "Keras (e a nossa BatchNorm): média ← momentum · média + (1 − momentum) · lote. PyTorch: "
              "média ← (1 − momentum) · média + momentum · lote. Iguale o peso do lote novo.",
    },
    solution={
        "en": "0.01. In Keras the new batch weighs 1 − 0.99 = 0.01; in PyTorch it weighs momentum itself, "
              "so momentum=0.01. The two libraries use the same word for opposite numbers (PyTorch's "
              "default momentum=0.1 is our momentum=0.9).",
        "pt": "0,01. No Keras o lote novo pesa 1 − 0,99 = 0,01; no PyTorch ele pesa o próprio momentum, "
              "então momentum=0.01. As duas bibliotecas usam a mesma palavra para números opostos (o "
              "padrão 0.1 do PyTorch é o nosso 0.9).",
    },
    right={
        "en": "PyTorch's momentum is the weight of the new batch, Keras' the weight of the old average.",
        "pt": "O momentum do PyTorch é o peso do lote novo; o do Keras, o peso da média antiga.",
    },
    wrong={
        "en": "Write both update rules and compare the factor in front of the new batch's statistic.",
        "pt": "Escreva as duas regras de atualização e compare o fator na frente da estatística do lote "
              "novo.",
    },
)

q5 = ChoiceQuestion(
    "bridge.q5",
    {"categorical": {"pt": "CategoricalCrossentropy()", "en": "CategoricalCrossentropy()"},
     "sparse": {"pt": "SparseCategoricalCrossentropy()", "en": "SparseCategoricalCrossentropy()"},
     "sparse_logits": {"pt": "SparseCategoricalCrossentropy(from_logits=True)",
                       "en": "SparseCategoricalCrossentropy(from_logits=True)"},
     "binary_logits": {"pt": "BinaryCrossentropy(from_logits=True)", "en": "BinaryCrossentropy(from_logits=True)"}},
    expected="sparse_logits",
    hint={
        "en": "Two questions: are the labels class numbers or one-hot rows? Does the last layer give "
              "probabilities or logits?",
        "pt": "Duas perguntas: os rótulos são números de classe ou linhas one-hot? A última camada "
              "entrega probabilidades ou logits?",
    },
    solution={
        "en": "SparseCategoricalCrossentropy(from_logits=True). 'Sparse' because the labels are class "
              "numbers 0–9 (our CategoricalCrossEntropy takes both kinds; Keras has one loss for each), "
              "from_logits=True because Dense(10) without activation gives logits: the softmax goes "
              "inside the loss, as in PyTorch's CrossEntropyLoss.",
        "pt": "SparseCategoricalCrossentropy(from_logits=True). 'Sparse' porque os rótulos são números de "
              "classe de 0 a 9 (nossa CategoricalCrossEntropy aceita os dois tipos; o Keras tem uma perda "
              "para cada), from_logits=True porque a Dense(10) sem ativação entrega logits: a softmax vai "
              "dentro da perda, como na CrossEntropyLoss do PyTorch.",
    },
    right={
        "en": "Integer labels → Sparse; logits → from_logits=True. Putting the softmax inside the loss is "
              "also the numerically safer way.",
        "pt": "Rótulos inteiros → Sparse; logits → from_logits=True. Pôr a softmax dentro da perda também "
              "é o jeito numericamente mais seguro.",
    },
    wrong={
        "en": "Check both things: the kind of label and what the last layer outputs.",
        "pt": "Confira as duas coisas: o tipo de rótulo e o que a última camada entrega.",
    },
)
