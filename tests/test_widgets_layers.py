"""Lesson 03's layer/batch explorer: every array's shape through two Dense layers."""

import pytest

from nnlessons import i18n
from nnlessons.lessons.dense_layers.explorers import LayerBatchExplorer, dense_parameters


@pytest.fixture(scope="module")
def explorer():
    return LayerBatchExplorer()


def test_dense_parameters():
    assert dense_parameters(2, 64) == 192
    assert dense_parameters(64, 3) == 195
    assert dense_parameters(784, 128) == 100480


@pytest.mark.parametrize("batch_size, hidden, outputs", [(1, 1, 1), (8, 3, 3), (150, 32, 5), (300, 64, 10)])
def test_shapes_follow_the_layer_sizes_and_batch(explorer, batch_size, hidden, outputs, is_png):
    result = explorer.update(batch_size=batch_size, hidden=hidden, outputs=outputs)
    assert result["X"] == (batch_size, 2)
    assert result["weights1"] == (2, hidden) and result["biases1"] == (1, hidden)
    assert result["output1"] == (batch_size, hidden)
    assert result["weights2"] == (hidden, outputs) and result["biases2"] == (1, outputs)
    assert result["output2"] == (batch_size, outputs)
    assert result["parameters"] == 2 * hidden + hidden + hidden * outputs + outputs
    assert is_png(explorer.png())


def test_the_batch_is_drawn_in_colour(explorer):
    explorer.update(batch_size=40, hidden=3, outputs=3)
    assert len(explorer.batch.get_offsets()) == 40
    explorer.update(batch_size=300)
    assert len(explorer.batch.get_offsets()) == 300


def test_the_batch_mixes_the_classes(explorer):
    explorer.update(batch_size=30)
    assert len(set(explorer.y[:30].tolist())) == 3


def test_weights_do_not_depend_on_the_batch_size(explorer):
    small = explorer.update(batch_size=1, hidden=16, outputs=3)
    large = explorer.update(batch_size=300, hidden=16, outputs=3)
    for name in ("weights1", "biases1", "weights2", "biases2", "parameters"):
        assert small[name] == large[name]


def test_caption_counts_parameters_in_both_languages(explorer):
    result = explorer.update(batch_size=32, hidden=64, outputs=3)
    i18n.set_language("pt")
    pt = explorer.caption(result)
    i18n.set_language("en")
    en = explorer.caption(result)
    assert "192 + 195 = <b>387</b>" in pt and "192 + 195 = <b>387</b>" in en
    assert "lote" in pt and "batch" in en


def test_big_layers_are_drawn_with_an_ellipsis(explorer):
    explorer.update(batch_size=10, hidden=64, outputs=10)
    texts = [text.get_text() for text in explorer.ax_net.texts]
    assert "⋮" in texts and any("64" in text for text in texts)


def test_out_of_range_values_are_refused(explorer):
    with pytest.raises(ValueError, match="batch_size"):
        explorer.update(batch_size=0)
    with pytest.raises(ValueError, match="hidden"):
        explorer.update(hidden=65)
