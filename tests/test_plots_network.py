"""Network diagrams (Lessons 01–03): one neuron, layered networks, sparse connections."""

import numpy as np
import pytest
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from nnlessons import i18n
from nnlessons.plots import draw_network as exported
from nnlessons.plots.network import draw_network, draw_neuron, layer_positions


def axes():
    return Figure().add_subplot()


def test_exported_from_the_plots_package():
    assert exported is draw_network


def test_draw_neuron_returns_the_weighted_sum_and_labels_everything():
    ax = axes()
    z = draw_neuron(ax, [0.2, 0.8, -0.5], 2.0, inputs=[1.0, 2.0, 3.0])
    assert z == pytest.approx(2.3)
    texts = [text.get_text() for text in ax.texts]
    for expected in ("x₁ = 1", "w₃ = −0.5", "b = 2", "y = 2.3", "Σ", "inputs"):
        assert expected in texts


def test_draw_neuron_without_inputs_and_with_an_activation():
    ax = axes()
    assert draw_neuron(ax, [1.0, 1.0], -1.5, activation="step") is None
    texts = [text.get_text() for text in ax.texts]
    assert "step" in texts and "y" in texts and "b = −1.5" in texts


def test_draw_neuron_labels_follow_the_language():
    i18n.set_language("pt")
    ax = axes()
    draw_neuron(ax, [1.0], 0.0)
    assert "entradas" in [text.get_text() for text in ax.texts]


def test_draw_neuron_with_zero_weights_does_not_divide_by_zero():
    draw_neuron(axes(), [0.0, 0.0], 0.0, inputs=[1.0, 1.0])


@pytest.mark.parametrize("size, shown, gap", [(1, 1, False), (8, 8, False), (9, 7, True), (784, 7, True)])
def test_layer_positions(size, shown, gap):
    ys, gap_y = layer_positions(size, max_neurons=8)
    assert len(ys) == shown
    assert (gap_y is not None) == gap
    assert np.isclose(ys.max(), -ys.min()) or gap


def test_dense_network_draws_every_edge():
    ax = axes()
    placed = draw_network(ax, [2, 3, 3], layer_names=["X", "1", "2"])
    edges = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    assert len(edges.get_segments()) == 2 * 3 + 3 * 3
    assert [x for x, _, _ in placed] == [0, 1, 2]
    assert {"X", "1", "2"} <= {text.get_text() for text in ax.texts}


def test_big_layers_are_cut_with_an_ellipsis():
    ax = axes()
    draw_network(ax, [784, 128, 8], max_neurons=8)
    edges = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    assert len(edges.get_segments()) == 7 * 7 + 7 * 8
    texts = [text.get_text() for text in ax.texts]
    assert texts.count("⋮") == 2 and "784 in all" in texts and "128 in all" in texts


def test_sparse_masks_draw_only_some_edges():
    mask = np.zeros((6, 4), dtype=bool)
    for j in range(4):
        mask[j:j + 3, j] = True
    ax = axes()
    draw_network(ax, [6, 4], masks=[mask])
    edges = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    assert len(edges.get_segments()) == mask.sum() == 12


def test_weights_colour_and_size_the_edges():
    weights = [np.array([[1.0, -2.0], [0.0, 0.5]])]
    ax = axes()
    draw_network(ax, [2, 2], weights=weights)
    edges = [c for c in ax.collections if isinstance(c, LineCollection)][0]
    widths = edges.get_linewidths()
    assert len(edges.get_segments()) == 4
    assert widths[1] == max(widths) and widths[2] == min(widths)
    colors = edges.get_colors()
    assert colors[0][2] > colors[0][0] and colors[1][0] > colors[1][2]   # blue positive, red negative
