"""Lesson 07's pictures and explorers: backpropagation.

- ``draw_chain``: a chain of functions with the forward values above the arrows and
  the gradients flowing back below them (the chain rule on one neuron);
- ``tiny_pass``: one forward and one backward pass of a 2 → 2 (ReLU) → 2 (softmax)
  network on one sample, every intermediate value kept, then one SGD update;
- ``BackpropStepper``: steps through ``tiny_pass`` on a drawn network;
- ``SpiralTrainer``: trains a 2 → hidden (ReLU) → 3 (softmax) network on spiral data
  with the engine's ``Model`` and ``SGD`` (or the reader's ``MyDense`` and optimizer),
  drawing the decision boundary and the loss.
"""

import numpy as np
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.colors import to_rgba

from ...activations import ReLU
from ...data import spiral_data
from ...i18n import register, tr
from ...layers import Dense
from ...optimizers import SGD
from ...plots.alt import set_alt_text
from ...plots.network import draw_network, layer_positions
from ...plots.training import boundary_image, plane_extent
from ...widgets import Choice, IntSlider, Slider, Widget
from ...plots.style import OKABE_ITO, class_colors, few_ticks, format_number, nice_limit
from ...widgets.live import LiveTrainer, TrainingRun
from ...widgets.yours import Part, two_layer_classifier

#: The stepper's colours: gradients coming back, new weights after the update (Okabe–Ito).
GRADIENT_COLOR, NEW_WEIGHT_COLOR = OKABE_ITO["vermillion"], OKABE_ITO["blue"]

register({
    "backpropagation.chain_alt": {
        "en": "the chain rule on a chain of functions, {names}. Values going forward, left to right: {values}. "
              "Gradients ∂L/∂(value) coming back, right to left: {gradients}",
        "pt": "a regra da cadeia numa cadeia de funções, {names}. Valores na ida, da esquerda para a direita: "
              "{values}. Gradientes ∂L/∂(valor) na volta, da direita para a esquerda: {gradients}",
    },
    "backpropagation.step": {"en": "step", "pt": "passo"},
    "backpropagation.x1": {"en": "input x₁", "pt": "entrada x₁"},
    "backpropagation.x2": {"en": "input x₂", "pt": "entrada x₂"},
    "backpropagation.target": {"en": "right class y", "pt": "classe certa y"},
    "backpropagation.class0": {"en": "class 0", "pt": "classe 0"},
    "backpropagation.class1": {"en": "class 1", "pt": "classe 1"},
    "backpropagation.col_input": {"en": "input x", "pt": "entrada x"},
    "backpropagation.col_hidden": {"en": "hidden (ReLU)", "pt": "oculta (ReLU)"},
    "backpropagation.col_output": {"en": "output (softmax)", "pt": "saída (softmax)"},
    "backpropagation.col_loss": {"en": "loss", "pt": "perda"},
    "backpropagation.key": {
        "en": "edges: weights (black), gradients ∂L/∂w (vermillion), new weights (blue)",
        "pt": "arestas: pesos (preto), gradientes ∂L/∂w (vermelho-alaranjado), pesos novos (azul)",
    },
    "backpropagation.title": {"en": "step {step} of {last}: {name}", "pt": "passo {step} de {last}: {name}"},
    "backpropagation.name.0": {"en": "the input arrives", "pt": "a entrada chega"},
    "backpropagation.name.1": {"en": "hidden sums", "pt": "somas da camada oculta"},
    "backpropagation.name.2": {"en": "ReLU", "pt": "ReLU"},
    "backpropagation.name.3": {"en": "output sums", "pt": "somas da saída"},
    "backpropagation.name.4": {"en": "softmax", "pt": "softmax"},
    "backpropagation.name.5": {"en": "loss", "pt": "perda"},
    "backpropagation.name.6": {"en": "output delta", "pt": "delta da saída"},
    "backpropagation.name.7": {"en": "gradients of W₂ and b₂", "pt": "gradientes de W₂ e b₂"},
    "backpropagation.name.8": {"en": "back through W₂", "pt": "de volta por W₂"},
    "backpropagation.name.9": {"en": "hidden delta", "pt": "delta da camada oculta"},
    "backpropagation.name.10": {"en": "gradients of W₁ and b₁", "pt": "gradientes de W₁ e b₁"},
    "backpropagation.name.11": {"en": "update", "pt": "atualização"},
    "backpropagation.caption.0": {
        "en": "The sample x = {x} goes in; the right answer is class {target}. The edges show the weights.",
        "pt": "A amostra x = {x} entra; a resposta certa é a classe {target}. As arestas mostram os pesos.",
    },
    "backpropagation.caption.1": {"en": "z₁ = x·W₁ + b₁ = {z1}", "pt": "z₁ = x·W₁ + b₁ = {z1}"},
    "backpropagation.caption.2": {"en": "h = ReLU(z₁) = max(0, z₁) = {h}", "pt": "h = ReLU(z₁) = max(0, z₁) = {h}"},
    "backpropagation.caption.2_off": {
        "en": " — a hidden neuron with z ≤ 0 outputs 0 and will pass no gradient back.",
        "pt": " — um neurônio oculto com z ≤ 0 devolve 0 e não vai deixar passar gradiente de volta.",
    },
    "backpropagation.caption.3": {"en": "z₂ = h·W₂ + b₂ = {z2}", "pt": "z₂ = h·W₂ + b₂ = {z2}"},
    "backpropagation.caption.4": {"en": "p = softmax(z₂) = {p}", "pt": "p = softmax(z₂) = {p}"},
    "backpropagation.caption.5": {
        "en": "L = −log p<sub>{target}</sub> = −log {p_target} = <b>{loss}</b>",
        "pt": "L = −log p<sub>{target}</sub> = −log {p_target} = <b>{loss}</b>",
    },
    "backpropagation.caption.6": {
        "en": "δ₂ = ∂L/∂z₂ = p − y = {p} − {y} = {delta2} (softmax + cross-entropy together)",
        "pt": "δ₂ = ∂L/∂z₂ = p − y = {p} − {y} = {delta2} (softmax e entropia cruzada juntas)",
    },
    "backpropagation.caption.7": {
        "en": "∂L/∂W₂ = hᵀ·δ₂: each edge gets (its input h) × (the delta of its output); ∂L/∂b₂ = δ₂.",
        "pt": "∂L/∂W₂ = hᵀ·δ₂: cada aresta recebe (sua entrada h) × (o delta da sua saída); ∂L/∂b₂ = δ₂.",
    },
    "backpropagation.caption.8": {
        "en": "∂L/∂h = δ₂·W₂ᵀ = {dh}: each hidden neuron adds up the deltas that reach it through its weights.",
        "pt": "∂L/∂h = δ₂·W₂ᵀ = {dh}: cada neurônio oculto soma os deltas que chegam pelos seus pesos.",
    },
    "backpropagation.caption.9": {
        "en": "δ₁ = ∂L/∂h ⊙ ReLU′(z₁) = {dh} ⊙ {gate} = {delta1}",
        "pt": "δ₁ = ∂L/∂h ⊙ ReLU′(z₁) = {dh} ⊙ {gate} = {delta1}",
    },
    "backpropagation.caption.10": {
        "en": "∂L/∂W₁ = xᵀ·δ₁: (input x) × (delta of the hidden neuron); ∂L/∂b₁ = δ₁.",
        "pt": "∂L/∂W₁ = xᵀ·δ₁: (entrada x) × (delta do neurônio oculto); ∂L/∂b₁ = δ₁.",
    },
    "backpropagation.caption.11": {
        "en": "W ← W − η·∂L/∂W with η = {lr}: the loss on this sample goes from {loss} to <b>{new_loss}</b>.",
        "pt": "W ← W − η·∂L/∂W com η = {lr}: a perda nesta amostra vai de {loss} para <b>{new_loss}</b>.",
    },
    "backpropagation.learning_rate": {"en": "learning rate η", "pt": "taxa de aprendizado η"},
    "backpropagation.hidden": {"en": "hidden neurons", "pt": "neurônios ocultos"},
    "backpropagation.epochs": {"en": "epochs", "pt": "épocas"},
    "backpropagation.boundary_title": {"en": "what the network predicts", "pt": "o que a rede prevê"},
    "backpropagation.curves_title": {"en": "training", "pt": "treino"},
    "backpropagation.loss": {"en": "loss", "pt": "perda"},
    "backpropagation.accuracy": {"en": "accuracy", "pt": "acurácia"},
    "backpropagation.chance": {"en": "chance: log 3", "pt": "acaso: log 3"},
    "backpropagation.evaluation": {"en": "loss {loss:.2f}, accuracy {accuracy:.0%}",
                            "pt": "perda {loss:.2f}, acurácia {accuracy:.0%}"},
    "backpropagation.trainer_caption": {
        "en": "Epoch {epoch}: loss {loss:.3f}, accuracy {accuracy:.0%}.",
        "pt": "Época {epoch}: perda {loss:.3f}, acurácia {accuracy:.0%}.",
    },
    "backpropagation.training_more": {
        "en": " Training… ({target} epochs asked)",
        "pt": " Treinando… ({target} épocas pedidas)",
    },
    "backpropagation.stuck": {
        "en": " The loss is still near log 3 ≈ 1.10, a coin toss among 3 classes: try another learning rate "
              "or more neurons.",
        "pt": " A perda ainda está perto de log 3 ≈ 1,10, um sorteio entre 3 classes: tente outra taxa de "
              "aprendizado ou mais neurônios.",
    },
    "backpropagation.untrained": {
        "en": "Epoch 0: the weights are still random and tiny, so every class gets probability ≈ 1/3.",
        "pt": "Época 0: os pesos ainda são aleatórios e minúsculos, então cada classe recebe probabilidade ≈ 1/3.",
    },
    "backpropagation.diverged": {
        "en": "<b style='color:#c00'>Diverged at epoch {epoch}</b>: the weights overflowed. Use a smaller learning rate.",
        "pt": "<b style='color:#c00'>Divergiu na época {epoch}</b>: os pesos estouraram. Use uma taxa de aprendizado menor.",
    },
})


def _vector(values, digits=2):
    """(0.80, −0.40): a short vector for a caption."""
    return "(" + ", ".join(format_number(v, f".{digits}f") for v in np.ravel(values)) + ")"


# ---- the chain rule on one neuron ---------------------------------------------------
def draw_chain(ax, names, values, gradients, locals_=None):
    """Draw a chain of functions x → f₁ → f₂ → … → L as boxes joined by arrows (Lesson 07).

    ``names``: the text in each box (k boxes). ``values``: the k + 1 forward values, on the
    arrows into, between and out of the boxes (black, above). ``gradients``: ∂L/∂(value)
    for each of those arrows (red, below), found right to left by the chain rule
        ∂L/∂(input of a box) = ∂L/∂(output of the box) · (local derivative of the box).
    ``locals_``: the local derivative written under each box (optional).
    """
    k, gap = len(names), 3.0                       # box i is centred at x = gap·i
    for i, name in enumerate(names):
        ax.text(gap * i, 0, name, ha="center", va="center", fontsize=10,
                bbox={"boxstyle": "round,pad=0.4", "facecolor": "#fde2c4", "edgecolor": "0.3"})
        if locals_ is not None:
            ax.text(gap * i, -0.55, locals_[i], ha="center", va="top", fontsize=8, color="0.35")
    for i, (value, grad) in enumerate(zip(values, gradients)):
        start, end = gap * (i - 1) + 0.75, gap * i - 0.75     # from box i − 1 to box i
        ax.annotate("", (end, 0), (start, 0), arrowprops={"arrowstyle": "-|>", "color": "0.3"})
        ax.text((start + end) / 2, 0.15, value, ha="center", va="bottom", fontsize=9)
        ax.text((start + end) / 2, -0.15, grad, ha="center", va="top", fontsize=9, color=GRADIENT_COLOR)
    ax.set_xlim(-gap + 0.5, gap * k - 0.5)
    ax.set_ylim(-1.0, 0.7)
    ax.axis("off")
    set_alt_text(ax, tr("backpropagation.chain_alt", names=" → ".join(names), values="; ".join(values),
                        gradients="; ".join(reversed(gradients))))


# ---- one forward and backward pass of a tiny network ----------------------------------
#: The tiny network of the stepper: 2 inputs → 2 ReLU neurons → 2 softmax outputs.
#: Weights with one decimal, so every number can be checked by hand.
TINY = {
    "W1": np.array([[0.5, -0.6], [0.4, 0.8]]),
    "b1": np.array([0.1, -0.2]),
    "W2": np.array([[0.7, -0.3], [-0.5, 0.6]]),
    "b2": np.array([0.0, 0.1]),
}


def tiny_pass(x, target, params=TINY, learning_rate=0.5):
    """One forward and backward pass on one sample, every intermediate kept (Lesson 07).

    Forward:   z1 = x·W1 + b1      h = ReLU(z1)      z2 = h·W2 + b2
               p = softmax(z2)     L = −log p[target]
    Backward:  delta2 = p − y                           (y one-hot; n = 1 sample)
               dW2 = hᵀ·delta2     db2 = delta2
               dh = delta2·W2ᵀ     delta1 = dh ⊙ (z1 > 0)
               dW1 = xᵀ·delta1     db1 = delta1
    Update:    θ ← θ − η·dθ for every parameter, then ``new_loss`` on the same sample.
    Shapes: x (2,), W (2, 2) as (inputs, neurons) like ``Dense.weights``, b (2,).
    Returns a dict of plain NumPy arrays and floats.
    """
    x = np.asarray(x, dtype=float)
    y = np.eye(2)[target]
    z1 = x @ params["W1"] + params["b1"]
    h = np.maximum(0.0, z1)
    z2 = h @ params["W2"] + params["b2"]
    exps = np.exp(z2 - z2.max())
    p = exps / exps.sum()
    loss = -np.log(p[target])
    delta2 = p - y
    dW2, db2 = np.outer(h, delta2), delta2
    dh = delta2 @ params["W2"].T
    delta1 = dh * (z1 > 0)
    dW1, db1 = np.outer(x, delta1), delta1
    grads = {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
    new = {name: params[name] - learning_rate * grads[name] for name in params}
    new_h = np.maximum(0.0, x @ new["W1"] + new["b1"])
    new_z2 = new_h @ new["W2"] + new["b2"]
    new_loss = np.log(np.exp(new_z2 - new_z2.max()).sum()) - (new_z2[target] - new_z2.max())
    return {"x": x, "y": y, "z1": z1, "h": h, "z2": z2, "p": p, "loss": float(loss), "delta2": delta2,
            "dW2": dW2, "db2": db2, "dh": dh, "delta1": delta1, "dW1": dW1, "db1": db1, "new": new,
            "new_loss": float(new_loss), "learning_rate": learning_rate}


class BackpropStepper(Widget):
    """Step through one forward and one backward pass of a 2 → 2 → 2 network (Lesson 07).

    Steps 0–5 go forward (input, z₁, h, z₂, p, L), steps 6–10 go backward (δ₂, ∂L/∂W₂,
    ∂L/∂h, δ₁, ∂L/∂W₁) and step 11 updates the weights with η = 0.5 (see ``tiny_pass``).

    ``update(step=..., x1=..., x2=..., target=...)`` returns ``tiny_pass``'s values as
    rounded lists plus ``"step"``.
    """

    controls = {
        "step": IntSlider("backpropagation.step", 0, 11, value=0),
        "x1": Slider("backpropagation.x1", -2.0, 2.0, 0.1, value=1.0),
        "x2": Slider("backpropagation.x2", -2.0, 2.0, 0.1, value=0.5),
        "target": Choice("backpropagation.target", {0: "backpropagation.class0", 1: "backpropagation.class1"}, value=1),
    }
    figsize = (8.6, 4.4)
    last_step = 11
    loss_xy = (2.9, 0.0)

    def setup(self, fig):
        fig.set_layout_engine("none")
        ax = self.ax = fig.add_axes((0.0, 0.0, 1.0, 1.0))
        draw_network(ax, [2, 2, 2], node_size=460)
        ys, _ = layer_positions(2)
        self.hidden_dots = ax.scatter([1, 1], ys, s=460, edgecolors="0.3", zorder=3)
        ax.scatter(*self.loss_xy, s=520, marker="s", color="#f3d9f7", edgecolors="0.3", zorder=3)
        ax.plot([2, self.loss_xy[0], 2], [ys[0], 0, ys[1]], ls=":", color="0.55", lw=0.8, zorder=1)
        self.layer_edges = []
        self.edge_labels = []
        for layer in range(2):
            segments = [[(layer, ys[i]), (layer + 1, ys[j])] for i in range(2) for j in range(2)]
            lines = LineCollection(segments, linewidths=2.5, zorder=2)
            ax.add_collection(lines)
            self.layer_edges.append(lines)
            along = 0.3                    # edge labels sit 30 % of the way from the left node
            self.edge_labels.append({
                (i, j): ax.text(layer + along, ys[i] + along * (ys[j] - ys[i]), "", ha="center", va="center",
                                fontsize=8, zorder=4, bbox={"facecolor": "white", "edgecolor": "none", "pad": 0.6})
                for i in range(2) for j in range(2)})
        # Each neuron's numbers: forward values in black next to it (above the top neuron,
        # below the bottom one), gradients in red beyond them (3 lines of forward text).
        self.blocks = {}
        for column in range(3):
            for i, (sign, va) in enumerate([(1, "bottom"), (-1, "top")]):
                self.blocks[column, i, "fwd"] = ax.annotate(
                    "", (column, ys[i]), xytext=(0, sign * 13), textcoords="offset points",
                    ha="center", va=va, fontsize=8.5, linespacing=1.15)
                if column > 0:
                    self.blocks[column, i, "bwd"] = ax.annotate(
                        "", (column, ys[i]), xytext=(0, sign * 52), textcoords="offset points",
                        ha="center", va=va, fontsize=8.5, color=GRADIENT_COLOR, linespacing=1.15)
        self.loss_text = ax.annotate("", self.loss_xy, xytext=(0, -15), textcoords="offset points",
                                     ha="center", va="top", fontsize=9)
        for x, key in ((0, "backpropagation.col_input"), (1, "backpropagation.col_hidden"), (2, "backpropagation.col_output"),
                       (self.loss_xy[0], "backpropagation.col_loss")):
            ax.text(x, 1.85, tr(key), ha="center", va="center", fontsize=9, color="0.3", weight="bold")
        self.title = ax.text(0.01, 0.985, "", transform=ax.transAxes, ha="left", va="top", fontsize=10,
                             weight="bold")
        ax.text(0.5, 0.015, tr("backpropagation.key"), transform=ax.transAxes, ha="center", va="bottom",
                fontsize=8, color="0.35")
        ax.set_xlim(-0.55, 3.35)
        ax.set_ylim(-2.3, 2.45)
        # the highlighted edges change with the step, and must stay under the neurons
        # drawn by draw_network: so those are animated too (repainted in zorder order)
        nodes = [collection for collection in ax.collections if isinstance(collection, PathCollection)]
        self.animate(*self.layer_edges, *nodes, *self.blocks.values(), self.loss_text, self.title,
                     *(label for labels in self.edge_labels for label in labels.values()))

    def compute(self, step, x1, x2, target):
        values = tiny_pass([x1, x2], target)
        result = {key: (np.round(value, 4) + 0.0).tolist() for key, value in values.items() if key != "new"}
        result["new"] = {name: np.round(value, 4).tolist() for name, value in values["new"].items()}
        result["step"] = step
        return result

    def draw(self, result, step, x1, x2, target):
        r = {key: np.asarray(value) for key, value in result.items() if key != "new"}
        new = {name: np.asarray(value) for name, value in result["new"].items()}
        self.title.set_text(tr("backpropagation.title", step=step, last=self.last_step, name=tr(f"backpropagation.name.{step}")))
        for i in range(2):
            self.blocks[0, i, "fwd"].set_text(f"x{'₁₂'[i]} = {format_number(r['x'][i], '.1f')}")
            self.blocks[1, i, "fwd"].set_text("\n".join(
                [self._bias("b1", i, new, step)] + [f"z = {format_number(r['z1'][i], '.2f')}"] * (step >= 1)
                + [f"h = {format_number(r['h'][i], '.2f')}"] * (step >= 2)))
            self.blocks[2, i, "fwd"].set_text("\n".join(
                [self._bias("b2", i, new, step)] + [f"z = {format_number(r['z2'][i], '.2f')}"] * (step >= 3)
                + [f"p = {format_number(r['p'][i], '.3f')}   y = {int(r['y'][i])}"] * (step >= 4)))
            self.blocks[1, i, "bwd"].set_text("\n".join(
                [f"∂L/∂h = {format_number(r['dh'][i], '.2f')}"] * (step >= 8) + [f"δ = {format_number(r['delta1'][i], '.2f')}"] * (step >= 9)))
            self.blocks[2, i, "bwd"].set_text(f"δ = {format_number(r['delta2'][i], '.3f')}" if step >= 6 else "")
        loss = f"L = {format_number(r['loss'], '.3f')}" if step >= 5 else ""
        self.loss_text.set_text(loss + (f"\n→ {format_number(r['new_loss'], '.3f')}" if step == 11 else ""))
        off = (step >= 2) & (r["z1"] <= 0)
        self.hidden_dots.set_facecolors(np.where(off[:, None], to_rgba("0.85"), to_rgba("#fde2c4")))
        self._draw_edges(r, new, step)

    @staticmethod
    def _bias(name, i, new, step):
        """"b = 0.10", or "b = 0.10 → −0.23" at the update step."""
        text = f"b = {format_number(TINY[name][i], '.2f')}"
        return text + f" → {format_number(new[name][i], '.2f')}" if step == 11 else text

    def _draw_edges(self, r, new, step):
        """Edge labels: weights (black), gradients once known (vermillion), new weights at the update (blue);
        the edges in use at this step are highlighted."""
        active = {1: (0, OKABE_ITO["orange"]), 3: (1, OKABE_ITO["orange"]), 7: (1, GRADIENT_COLOR), 8: (1,
                                                                                                        GRADIENT_COLOR),
                  10: (0, GRADIENT_COLOR)}.get(step)
        for layer, name in enumerate(("W1", "W2")):
            known = step >= (10 if layer == 0 else 7)
            for (i, j), label in self.edge_labels[layer].items():
                if step == 11:
                    label.set_text(format_number(new[name][i, j], '.2f'))
                    label.set_color(NEW_WEIGHT_COLOR)
                elif known:
                    label.set_text(format_number(r["d" + name][i, j], ".2f"))
                    label.set_color(GRADIENT_COLOR)
                else:
                    label.set_text(format_number(TINY[name][i, j], '.1f'))
                    label.set_color("black")
            shown = active is not None and active[0] == layer or step == 11
            color = NEW_WEIGHT_COLOR if step == 11 else (active[1] if active else "none")
            self.layer_edges[layer].set_visible(shown)
            self.layer_edges[layer].set_color(color)

    def caption(self, result):
        r = result
        step = r["step"]
        values = {"x": _vector(r["x"], 1), "target": int(np.argmax(r["y"])), "z1": _vector(r["z1"]),
                  "h": _vector(r["h"]), "z2": _vector(r["z2"]), "p": _vector(r["p"], 3),
                  "y": _vector(r["y"], 0), "delta2": _vector(r["delta2"], 3), "dh": _vector(r["dh"]),
                  "gate": _vector(np.array(r["z1"]) > 0, 0), "delta1": _vector(r["delta1"]),
                  "loss": format_number(r["loss"], ".3f"), "new_loss": format_number(r["new_loss"], ".3f"), "lr": r["learning_rate"],
                  "p_target": format_number(r["p"][int(np.argmax(r["y"]))], ".3f")}
        text = tr(f"backpropagation.caption.{step}", **values)
        if step == 2 and min(r["z1"]) <= 0:
            text += tr("backpropagation.caption.2_off")
        return text


# ---- a first network trained on spirals -------------------------------------------------
class _Run(TrainingRun):
    """One run of ``SpiralTrainer``: 2 → hidden (ReLU) → 3 (softmax) with SGD at one
    learning rate, mini-batches of 32 on the spiral data, snapshots every ``every`` epochs.
    ``dense`` and ``optimizer`` are ``Part``s: the reader's classes or the engine's."""

    def __init__(self, X, y, learning_rate, hidden, every, dense=None, optimizer=None):
        dense, optimizer = dense or Part(None, "dense", Dense), optimizer or Part(None, "optimizer", SGD)
        super().__init__(lambda: self.make(learning_rate, hidden, dense, optimizer), X, y, every, batch_size=32)

    @staticmethod
    def make(learning_rate, hidden, dense, optimizer):
        return two_layer_classifier(dense, optimizer, hidden, 3, ReLU(), learning_rate)


class SpiralTrainer(LiveTrainer):
    """Train a 2 → hidden (ReLU) → 3 (softmax) network on spiral data with ``Model`` and
    ``SGD``, mini-batches of 32, and watch the decision boundary and the loss (Lesson 07).

    Your own classes: ``SpiralTrainer(dense=MyDense, optimizer=MyAdam)`` trains with them
    once they pass their check (see ``widgets.yours``); the caption says which classes run,
    and why the engine's replaces one that did not pass. ``MyDense`` starts from the
    engine's seeded weights, so with a right ``MyDense`` the pictures are the default's.

    Speed: each (learning rate, hidden) run is cached, with a snapshot of the weights
    every 25 epochs, so moving the epochs slider only trains the epochs not seen yet (or
    replays < 25 from a snapshot). On screen, one update trains at most ``budget`` epochs
    and schedules the rest (see ``LiveTrainer``).

    ``update(learning_rate=..., hidden=..., epochs=...)`` returns ``{"epoch": shown,
    "target": asked, "loss": ..., "accuracy": ..., "losses": [...], "accuracies": [...],
    "pending": bool, "diverged_at": epoch or None}``.
    """

    controls = {
        "learning_rate": Slider("backpropagation.learning_rate", 0.05, 3.0, 0.05, value=1.0),
        "hidden": IntSlider("backpropagation.hidden", 2, 128, step=2, value=64),
        "epochs": IntSlider("backpropagation.epochs", 0, 1000, step=25, value=300),
    }
    figsize = (8.6, 3.6)
    every = 25
    budget = 10        # epochs per frame on screen: ~40 ms of training, then the redraw
    resolution = 70

    def __init__(self, dense=None, optimizer=None, **params):
        self.parts = Part(dense, "dense", Dense), Part(optimizer, "optimizer", SGD)
        super().__init__(**params)

    def setup(self, fig):
        self.X, self.y = spiral_data(100, 3, seed=0)
        fig.set_layout_engine("none")
        grid = fig.add_gridspec(1, 2, width_ratios=[1, 1.15], left=0.06, right=0.98, bottom=0.14, top=0.91,
                                wspace=0.22)
        self.ax, self.ax_curves = grid.subplots()
        self.extent = plane_extent(self.X, 0.08)
        self.image = self.ax.imshow(np.ones((self.resolution, self.resolution, 3)), origin="lower",
                                    extent=self.extent, aspect="auto", interpolation="bilinear")
        points = self.ax.scatter(self.X[:, 0], self.X[:, 1], c=class_colors(3)[self.y], s=9,
                                 edgecolors="0.15", linewidths=0.3)
        self.ax.set_title(tr("backpropagation.boundary_title"), fontsize=10)
        self.ax.set_xticks([])
        self.ax.set_yticks([])
        (self.loss_line,) = self.ax_curves.plot([], [], color=OKABE_ITO["vermillion"], label=tr("backpropagation.loss"))
        (self.accuracy_line,) = self.ax_curves.plot([], [], color=OKABE_ITO["blue"],
                                                    label=tr("backpropagation.accuracy"))
        self.ax_curves.axhline(np.log(3), color="0.5", ls=":", lw=1, label=tr("backpropagation.chance"))
        self.ax_curves.set_xlabel(tr("backpropagation.epochs"))
        self.ax_curves.set_title(tr("backpropagation.curves_title"), fontsize=10)
        self.ax_curves.grid(alpha=0.3)
        self.ax_curves.legend(fontsize=8, loc="upper right")
        few_ticks(self.ax_curves)
        self.animate(self.image, points, self.loss_line, self.accuracy_line)   # points above the image

    def compute(self, learning_rate, hidden, epochs):
        run = self.cached_run((round(learning_rate, 6), hidden),
                              lambda: _Run(self.X, self.y, learning_rate, hidden, self.every, *self.parts))
        shown = self.train_until(run, epochs)
        self._boundary = boundary_image(run.model_at(shown).predict, self.extent, self.resolution, n_classes=3)
        losses, accuracies = run.history["loss"][:shown], run.history["accuracy"][:shown]
        return {"epoch": shown, "target": epochs, "loss": losses[-1] if shown else float(np.log(3)),
                "accuracy": accuracies[-1] if shown else None, "losses": losses, "accuracies": accuracies,
                "diverged_at": run.diverged_at, "pending": shown < epochs and run.diverged_at is None}

    def draw(self, result, learning_rate, hidden, epochs):
        self.image.set_data(self._boundary)
        epochs_axis = np.arange(1, result["epoch"] + 1)
        self.loss_line.set_data(epochs_axis, result["losses"])
        self.accuracy_line.set_data(epochs_axis, result["accuracies"])
        if self.changed("epochs", epochs):
            self.ax_curves.set_xlim(0, max(epochs, 25))
        top = max([1.2, *result["losses"]]) if result["losses"] else 1.2
        top = min(nice_limit(top), 5.0)                # 2 or 5: the axis rarely has to change
        if self.changed("top", top):
            self.ax_curves.set_ylim(0, 1.05 * top)

    @staticmethod
    def _progress(result):
        if result["diverged_at"] is not None and not result["pending"] and result["epoch"] < result["target"]:
            return tr("backpropagation.diverged", epoch=result["diverged_at"])
        if result["epoch"] == 0:
            return tr("backpropagation.untrained")
        text = tr("backpropagation.trainer_caption", epoch=result["epoch"], loss=result["loss"],
                  accuracy=result["accuracy"])
        if result["pending"]:
            text += tr("backpropagation.training_more", target=result["target"])
        elif result["epoch"] >= 100 and result["loss"] > 1.05:
            text += tr("backpropagation.stuck")
        return text
