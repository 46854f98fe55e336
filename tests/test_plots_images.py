"""Pictures of images, kernels and feature maps (Lessons 14, 15)."""

import matplotlib
import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from nnlessons import i18n
from nnlessons.plots.style import WRONG_COLOR
from nnlessons.plots.images import (NumberGrid, STAGE_COLORS, draw_kernel, draw_pipeline, plot_confusion_matrix,
                                    show_feature_maps, show_image, show_image_grid, tile_maps)

matplotlib.use("Agg")


def axes(n=1):
    fig = Figure()
    return fig.subplots(1, n) if n > 1 else fig.add_subplot()


def test_show_image_fixes_black_and_white_and_hides_ticks():
    ax = axes()
    picture = show_image(ax, np.eye(3), title="t")
    assert picture.get_clim() == (0.0, 1.0)
    assert not ax.xaxis.get_visible() and not ax.yaxis.get_visible() and ax.get_title() == "t"
    stretched = show_image(axes(), np.array([[2.0, 4.0]]), vmin=None, vmax=None)
    assert stretched.get_clim() == (2.0, 4.0)


def test_number_grid_writes_every_number_and_outlines_the_window():
    ax = axes()
    grid = NumberGrid(ax, [[0, 1.5, -2], [3, 4, 5]], decimals=1, window=(0, 1, 2, 2))
    assert [[text.get_text() for text in row] for row in grid.texts] == [["0", "1.5", "−2"], ["3", "4", "5"]]
    assert grid.box.get_visible() and grid.box.get_xy() == (0.5, -0.5)
    assert (grid.box.get_width(), grid.box.get_height()) == (2, 2)
    grid.set(np.zeros((2, 3)))                        # a constant array still has a usable range
    assert not grid.box.get_visible()
    low, high = grid.image.get_clim()
    assert low < high


def test_number_grid_text_is_white_on_dark_cells_and_can_hide_zeros():
    grid = NumberGrid(axes(), [[0.0, 16.0]], cmap="Greys", vmin=0, vmax=16, hide_zeros=True)
    assert [text.get_text() for text in grid.texts[0]] == ["", "16"]
    assert grid.texts[0][1].get_color() == "white"
    assert NumberGrid(axes(), np.ones((3, 3)), numbers=False).texts == []


def test_draw_kernel_is_centred_on_zero():
    grid = draw_kernel(axes(), [[-1.0, 0.0, 3.0]])
    assert grid.image.get_clim() == (-3.0, 3.0)
    assert grid.texts[0][1].get_text() == "0"


def test_tile_maps_places_each_map_with_nan_gaps():
    maps = np.arange(3 * 2 * 2, dtype=float).reshape(3, 2, 2)
    mosaic = tile_maps(maps, columns=2)
    assert mosaic.shape == (2 * 3 - 1, 2 * 3 - 1)
    assert np.array_equal(mosaic[:2, :2], maps[0]) and np.array_equal(mosaic[:2, 3:], maps[1])
    assert np.array_equal(mosaic[3:, :2], maps[2])
    assert np.isnan(mosaic[2]).all() and np.isnan(mosaic[3:, 3:]).all()
    assert tile_maps(np.zeros((16, 4, 4))).shape == (3 * 5 - 1, 6 * 5 - 1)   # default: ⌈√(2n)⌉ = 6 columns


def test_show_feature_maps_shares_one_scale_from_zero():
    picture = show_feature_maps(axes(), np.array([[[0.0, 2.0]], [[1.0, 0.5]]]), columns=2)
    assert picture.get_clim() == (0.0, 2.0)
    assert show_feature_maps(axes(), np.zeros((2, 2, 2))).get_clim()[1] > 0     # all zeros: no crash


def test_image_grid_switches_off_spare_axes():
    grid = axes(3)
    show_image_grid(grid, np.zeros((2, 4, 4)), titles=["1 → 7", "3 → 5"])
    assert grid[1].get_title() == "3 → 5"
    assert not grid[2].axison


def test_confusion_matrix_writes_counts_and_translated_labels():
    ax = axes()
    plot_confusion_matrix(ax, np.array([[5, 1], [0, 3]]))
    assert sorted(text.get_text() for text in ax.texts) == ["1", "3", "5"]       # zeros are left blank
    mistake = next(text for text in ax.texts if text.get_text() == "1")
    assert mistake.get_color() == WRONG_COLOR
    assert ax.get_xlabel() == "predicted class"
    i18n.set_language("pt")
    ax = axes()
    plot_confusion_matrix(ax, np.eye(3, dtype=int))
    assert ax.get_ylabel() == "classe verdadeira"


def test_pipeline_draws_one_coloured_box_per_stage():
    ax = axes()
    draw_pipeline(ax, [("input", "1×8×8"), ("Conv2D", "16×8×8"), ("Dense", "10")])
    boxes = [patch for patch in ax.patches if isinstance(patch, Rectangle)]
    assert len(boxes) == 3
    assert matplotlib.colors.to_hex(boxes[1].get_facecolor()) == STAGE_COLORS["Conv2D"]
    assert {text.get_text() for text in ax.texts} >= {"input", "Conv2D", "16×8×8", "10"}


@pytest.mark.parametrize("language", ["pt", "en"])
def test_figures_render(language):
    i18n.set_language(language)
    fig = Figure()
    ax1, ax2 = fig.subplots(1, 2)
    plot_confusion_matrix(ax1, np.arange(9).reshape(3, 3))
    draw_kernel(ax2, np.ones((3, 3)))
    fig.canvas.draw()
