"""Training pictures: decision boundaries and loss curves."""

import matplotlib
import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.model import History
from nnlessons.plots import training
from nnlessons.plots.style import CLASS_COLORS, OKABE_ITO, RIGHT_COLOR, WRONG_COLOR, class_colors
from nnlessons.plots.training import boundary_image, draw_decision_boundary, draw_loss_curves, plane_extent

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


@pytest.fixture
def ax():
    fig, ax = plt.subplots()
    yield ax
    plt.close(fig)


def left_right(points):
    """Class 1 on the right (x > 0), as certain as the distance from the line."""
    p = 1 / (1 + np.exp(-10 * points[:, 0]))
    return np.column_stack([1 - p, p])


def test_exported_names():
    for name in ("draw_decision_boundary", "draw_loss_curves", "boundary_image"):
        assert name in training.__all__
        assert hasattr(__import__("nnlessons.plots", fromlist=[name]), name)


def test_plane_extent_adds_a_margin():
    assert plane_extent(np.array([[0.0, 0.0], [1.0, 2.0]]), margin=0.1) == pytest.approx((-0.1, 1.1, -0.2, 2.2))


def test_boundary_image_colours_each_side():
    image = boundary_image(left_right, (-1, 1, -1, 1), resolution=20)
    assert image.shape == (20, 20, 3)
    assert np.all((image >= 0) & (image <= 1))
    colors = class_colors(2)
    left, right = image[10, 0], image[10, -1]            # confident pixels: white mixed with 70 % colour
    np.testing.assert_allclose(left, 0.3 + 0.7 * colors[0], atol=1e-3)
    np.testing.assert_allclose(right, 0.3 + 0.7 * colors[1], atol=1e-3)
    x = np.linspace(-1, 1, 20)[10]                       # ≈ 0.05: nearly a coin toss, pale
    p = 1 / (1 + np.exp(-10 * x))
    alpha = 0.2 + 0.5 * (p - 0.5) / 0.5
    np.testing.assert_allclose(image[10, 10], (1 - alpha) + alpha * colors[1])


def test_boundary_image_accepts_one_sigmoid_column():
    two = boundary_image(left_right, (-1, 1, -1, 1), resolution=8)
    one = boundary_image(lambda points: left_right(points)[:, 1:], (-1, 1, -1, 1), resolution=8)
    flat = boundary_image(lambda points: left_right(points)[:, 1], (-1, 1, -1, 1), resolution=8)
    np.testing.assert_allclose(one, two)
    np.testing.assert_allclose(flat, two)


def test_image_rows_go_bottom_up():
    image = boundary_image(lambda p: np.column_stack([p[:, 1] < 0, p[:, 1] >= 0]).astype(float),
                           (-1, 1, -1, 1), resolution=10)
    colors = class_colors(2)
    np.testing.assert_allclose(image[0, 5], 0.3 + 0.7 * colors[0])     # row 0 = bottom: y < 0
    np.testing.assert_allclose(image[-1, 5], 0.3 + 0.7 * colors[1])


def test_draw_decision_boundary(ax):
    X = np.array([[-0.5, 0.0], [0.5, 0.2], [0.4, -0.3]])
    image, points = draw_decision_boundary(ax, left_right, X, [0, 1, 1], resolution=16)
    assert image.get_array().shape == (16, 16, 3)
    assert len(points.get_offsets()) == 3
    assert ax.get_xlim()[0] < -0.5 and ax.get_xlim()[1] > 0.5
    one_hot = draw_decision_boundary(ax, left_right, X, np.eye(2)[[0, 1, 1]], show_points=False)
    assert one_hot[1] is None


def test_class_colours_cycle():
    assert class_colors(12).shape == (12, 3) and len(CLASS_COLORS) == 8
    np.testing.assert_allclose(class_colors(12)[8], class_colors(12)[0])


def test_class_colours_are_the_okabe_ito_palette_without_red_and_green_side_by_side():
    assert set(CLASS_COLORS) == set(OKABE_ITO.values())
    assert (RIGHT_COLOR, WRONG_COLOR) == (OKABE_ITO["blue"], OKABE_ITO["vermillion"])


@pytest.mark.parametrize("language", ["pt", "en"])
def test_loss_curves_labels_follow_the_language(ax, language):
    i18n.set_language(language)
    history = History()
    for epoch in range(5):
        history.record(loss=1 / (epoch + 1), accuracy=0.5, val_loss=1.2 / (epoch + 1), val_accuracy=0.4)
    lines = draw_loss_curves(ax, history)
    assert [line.get_label() for line in lines] == (["perda no treino", "perda na validação"] if language == "pt"
                                                    else ["training loss", "validation loss"])
    np.testing.assert_allclose(lines[0].get_xdata(), [1, 2, 3, 4, 5])
    assert ax.get_xlabel() == ("época" if language == "pt" else "epoch")
    i18n.set_language("en")


def test_loss_curves_any_dict(ax):
    lines = draw_loss_curves(ax, {"batch": [3, 2, 1], "sgd": [3, 1, 2]}, labels={"sgd": "SGD"}, log=True,
                             ylabel="L")
    assert [line.get_label() for line in lines] == ["batch", "SGD"]
    assert ax.get_yscale() == "log" and ax.get_ylabel() == "L"
    mixed = draw_loss_curves(ax, {"loss": [1.0], "accuracy": [0.5]}, keys=["loss", "accuracy"])
    assert len(mixed) == 2 and ax.get_ylabel() == "value"
