"""Lesson 03's layer/batch explorer: a batch of spiral points through two ``Dense``
layers, with the shape of every array written along the drawn network.

    X (batch, 2) → dense1: X @ W₁ + b₁ → (batch, hidden) → dense2: … @ W₂ + b₂ → (batch, outputs)

The weights' shapes depend only on the layer sizes; the batch size only changes the
first axis of the inputs and outputs.
"""

import numpy as np

from ...data import spiral_data
from ...i18n import register, tr
from ...layers import Dense
from ...plots.network import draw_network
from ...widgets import IntSlider, Widget
from ...plots.style import class_colors

register({
    "dense_layers.batch_size": {"en": "batch size", "pt": "tamanho do lote"},
    "dense_layers.hidden": {"en": "neurons in layer 1", "pt": "neurônios na camada 1"},
    "dense_layers.outputs": {"en": "neurons in layer 2", "pt": "neurônios na camada 2"},
    "dense_layers.data_title": {"en": "Spiral data: the batch in colour", "pt": "Dados em espiral: o lote em cores"},
    "dense_layers.net_title": {"en": "Two dense layers: every array's shape",
                         "pt": "Duas camadas densas: o formato de cada array"},
    "dense_layers.input": {"en": "inputs", "pt": "entradas"},
    "dense_layers.layer": {"en": "layer {number}", "pt": "camada {number}"},
    "dense_layers.class": {"en": "class {k}", "pt": "classe {k}"},
    "dense_layers.spiral_title": {"en": "spiral_data(samples=100, classes=3)",
                            "pt": "spiral_data(samples=100, classes=3)"},
    "dense_layers.weight_value": {"en": "initial weight value", "pt": "valor inicial do peso"},
    "dense_layers.count": {"en": "how many weights", "pt": "quantos pesos"},
    "dense_layers.init_title": {"en": "Dense(100, 100): 10,000 weights, 0.01·randn",
                          "pt": "Dense(100, 100): 10.000 pesos, 0,01·randn"},
    "dense_layers.dense_title": {"en": "Dense: every input reaches every neuron",
                           "pt": "Densa: toda entrada chega a todo neurônio"},
    "dense_layers.sparse_title": {"en": "Sparse: only some connections exist",
                            "pt": "Esparsa: só algumas ligações existem"},
    "dense_layers.caption": {
        "en": "A batch of <b>{batch}</b> samples: X {x} → dense1.output {out1} → dense2.output {out2}. "
              "The weights ({w1} and {w2}) do not depend on the batch size. "
              "Parameters: {p1} + {p2} = <b>{total}</b>.",
        "pt": "Um lote de <b>{batch}</b> amostras: X {x} → dense1.output {out1} → dense2.output {out2}. "
              "Os pesos ({w1} e {w2}) não dependem do tamanho do lote. "
              "Parâmetros: {p1} + {p2} = <b>{total}</b>.",
    },
})

def dense_parameters(n_inputs, n_neurons):
    """Number of parameters of ``Dense(n_inputs, n_neurons)`` (Lesson 03):
    n_inputs·n_neurons weights + n_neurons biases."""
    return n_inputs * n_neurons + n_neurons


class LayerBatchExplorer(Widget):
    """Batch size and layer sizes → every array's shape in a two-layer network on
    spiral data (Lesson 03).

    The data are ``spiral_data(samples=100, classes=3, seed=0)`` (300 points) in a fixed
    shuffled order; the batch is its first ``batch_size`` rows. ``update(batch_size=...,
    hidden=..., outputs=...)`` really runs ``Dense(2, hidden)`` then ``Dense(hidden,
    outputs)`` on the batch and returns the shapes of ``X``, ``weights1``, ``biases1``,
    ``output1``, ``weights2``, ``biases2``, ``output2`` and the ``parameters`` count.
    """

    controls = {
        "batch_size": IntSlider("dense_layers.batch_size", 1, 300, value=8),
        "hidden": IntSlider("dense_layers.hidden", 1, 64, value=3),
        "outputs": IntSlider("dense_layers.outputs", 1, 10, value=3),
    }
    figsize = (8.6, 3.6)

    def setup(self, fig):
        X, y = spiral_data(samples=100, classes=3, seed=0)
        order = np.random.default_rng(0).permutation(len(X))
        self.X, self.y = X[order], y[order]
        self.ax_data, self.ax_net = fig.subplots(1, 2, width_ratios=(1, 1.7))
        self.ax_data.scatter(*self.X.T, s=8, color="0.85")
        self.batch = self.ax_data.scatter([], [], s=22, edgecolors="black", linewidths=0.4)
        self.ax_data.set_aspect("equal")
        self.ax_data.set_xlim(-1.05, 1.05)
        self.ax_data.set_ylim(-1.05, 1.05)
        self.ax_data.set_xticks([])  # coordinates do not matter here, and ticks cost ~15 ms a redraw
        self.ax_data.set_yticks([])
        self.ax_data.set_title(tr("dense_layers.data_title"), fontsize=10)
        self.ax_net.set_title(tr("dense_layers.net_title"), fontsize=10)
        self.ax_net.axis("off")
        self.animate(self.batch)
        self.network = []            # every artist of the drawn network: animated, replaced
        self.shape_texts = []        # when the layer sizes change (no full redraw needed)

    def compute(self, batch_size, hidden, outputs):
        batch = self.X[:batch_size]
        dense1 = Dense(2, hidden, seed=0)
        dense2 = Dense(hidden, outputs, seed=1)
        dense2.forward(dense1.forward(batch))
        return {
            "X": batch.shape, "weights1": dense1.weights.shape, "biases1": dense1.biases.shape,
            "output1": dense1.output.shape, "weights2": dense2.weights.shape,
            "biases2": dense2.biases.shape, "output2": dense2.output.shape,
            "parameters": dense_parameters(2, hidden) + dense_parameters(hidden, outputs),
        }

    def draw(self, result, batch_size, hidden, outputs):
        self.batch.set_offsets(self.X[:batch_size])
        self.batch.set_color(class_colors(3)[self.y[:batch_size]])
        self.batch.set_edgecolor("black")
        if self.changed("layer sizes", (hidden, outputs)):
            self._draw_network(result)
        lines = [f"{tr('dense_layers.input')}\nX {result['X']}",
                 f"{tr('dense_layers.layer', number=1)}\ndense1.output\n{result['output1']}",
                 f"{tr('dense_layers.layer', number=2)}\ndense2.output\n{result['output2']}"]
        for text, line in zip(self.shape_texts, lines):
            text.set_text(line)

    def _draw_network(self, result):
        """The network with its weights' shapes above it and, below it, the shapes that
        change with the batch size (set in ``draw``); all of it animated."""
        self.network = self.replace_animated(self.network, lambda: self._network_artists(result))
        self.shape_texts = self.network[-3:]

    def _network_artists(self, result):
        ax = self.ax_net
        before = set(ax.get_children())
        draw_network(ax, [2, result["output1"][1], result["output2"][1]], max_neurons=8, node_size=150)
        for number in (1, 2):
            ax.text(number - 0.5, 4.3, f"dense{number}.weights {result[f'weights{number}']}\n"
                    f"dense{number}.biases {result[f'biases{number}']}", ha="center", va="bottom",
                    fontsize=8, color="0.2", bbox={"facecolor": "white", "edgecolor": "0.8", "pad": 2})
        ax.set_xlim(-0.6, 2.6)       # draw_network sets the limits from the sizes: keep them fixed
        ax.set_ylim(-7.1, 5.6)
        drawn = [artist for artist in ax.get_children() if artist not in before]
        return drawn + [ax.text(x, -4.8, "", ha="center", va="top", fontsize=8.5) for x in range(3)]

    def caption(self, result):
        hidden, outputs = self.params["hidden"], self.params["outputs"]
        p1, p2 = dense_parameters(2, hidden), dense_parameters(hidden, outputs)
        return tr("dense_layers.caption", batch=result["X"][0], x=result["X"], out1=result["output1"],
                  out2=result["output2"], w1=result["weights1"], w2=result["weights2"],
                  p1=p1, p2=p2, total=result["parameters"])


register({
    "dense_layers.xor.title": {"en": "XOR by hand: OR, but not AND", "pt": "XOR à mão: OU, mas não E"},
    "dense_layers.xor.or_line": {"en": "neuron h₁ (OR): x₁ + x₂ = 0.5", "pt": "neurônio h₁ (OU): x₁ + x₂ = 0,5"},
    "dense_layers.xor.and_line": {"en": "neuron h₂ (AND): x₁ + x₂ = 1.5", "pt": "neurônio h₂ (E): x₁ + x₂ = 1,5"},
    "dense_layers.shallow": {"en": "shallow: 1 hidden layer", "pt": "rasa: 1 camada escondida"},
    "dense_layers.deep": {"en": "deep: 3 hidden layers", "pt": "profunda: 3 camadas escondidas"},
})
