"""Lesson 02's shape explorer: the product's shape, the engine's error text and the fix."""

import itertools

import numpy as np
import pytest
from matplotlib.figure import Figure

from nnlessons import i18n
from nnlessons.layers import Dense
from nnlessons.lessons.dot_product.explorers import ShapeExplorer, draw_product, explain_mismatch, product_shape, transposed


@pytest.fixture(scope="module")
def explorer():
    return ShapeExplorer()


@pytest.mark.parametrize("shape_a, shape_b, expected", [
    ((2, 3), (3, 4), (2, 4)),
    ((3, 4), (4,), (3,)),
    ((4,), (4, 3), (3,)),
    ((4,), (4,), ()),
    ((2, 3), (4, 3), None),
    ((4,), (3, 4), None),
])
def test_product_shape_follows_numpy(shape_a, shape_b, expected):
    assert product_shape(shape_a, shape_b) == expected
    if expected is None:
        with pytest.raises(ValueError):
            np.dot(np.ones(shape_a), np.ones(shape_b))
    else:
        assert np.dot(np.ones(shape_a), np.ones(shape_b)).shape == expected


def test_product_shape_agrees_with_numpy_for_every_small_shape():
    for m, k, p, n in itertools.product(range(1, 4), repeat=4):
        shape = product_shape((m, k), (p, n))
        if shape is None:
            assert k != p
        else:
            assert (np.ones((m, k)) @ np.ones((p, n))).shape == shape


def test_transposed_flips_an_expression():
    assert transposed("B") == "B.T" and transposed("B.T") == "B"


def test_default_is_the_lesson_layer_with_weights_turned_around(explorer):
    result = explorer.update(a_rows=2, a_cols=4, b_rows=3, b_cols=4, a_t=False, b_t=True)
    assert result["expr"] == "A @ B.T"
    assert result["shape_a"] == (2, 4) and result["shape_b"] == (4, 3) and result["shape"] == (2, 3)
    assert result["message"] is None
    assert "(2, 3)" in explorer.caption(result)


def test_mismatch_uses_the_engine_wording_and_suggests_the_transpose(explorer):
    result = explorer.update(a_rows=2, a_cols=4, b_rows=3, b_cols=4, a_t=False, b_t=False)
    assert result["shape"] is None
    assert result["message"] == ("A @ B: expected B of shape (4, n), got (3, 4). "
                                 "Your array looks transposed; try B.T.")
    assert result["fix"] == "A @ B.T" and result["fix_shape"] == (2, 3)
    engine = pytest.raises(ValueError, Dense(4, 3).forward, np.ones((4, 2))).value
    assert str(engine).endswith("Your array looks transposed; try inputs.T.")


def test_mismatch_in_portuguese(explorer):
    i18n.set_language("pt")
    result = explorer.update(a_rows=2, a_cols=4, b_rows=3, b_cols=4, a_t=False, b_t=False)
    assert result["message"] == ("A @ B: esperava B de formato (4, n), recebeu (3, 4). "
                                 "Seu array parece transposto; tente B.T.")
    assert "Assim eles se alinham" in explorer.caption(result)


def test_blames_a_when_only_a_turned_around_fits():
    message, fix, shape = explain_mismatch((3, 4), (3, 5))
    assert message == "A @ B: expected A of shape (m, 3), got (3, 4). Your array looks transposed; try A.T."
    assert fix == "A.T @ B" and shape == (4, 5)


def test_already_transposed_operand_gets_no_double_t():
    message, fix, shape = explain_mismatch((2, 4), (3, 4), "A", "B.T")
    assert "B.T.T" not in message and "try" not in message
    assert fix == "A @ B" and shape == (2, 3)


def test_both_turned_around():
    message, fix, shape = explain_mismatch((2, 3), (4, 2))
    assert fix == "A.T @ B.T" and shape == (3, 4)
    assert "try" not in message


def test_no_transpose_helps(explorer):
    result = explorer.update(a_rows=1, a_cols=1, b_rows=6, b_cols=6, a_t=False, b_t=False)
    assert result["fix"] is None and result["shape"] is None
    assert "No transpose helps" in explorer.caption(result)


def test_every_combination_at_the_extremes_draws(explorer, is_png):
    for a_rows, a_cols, b_rows, b_cols in itertools.product((1, 6), repeat=4):
        for a_t, b_t in itertools.product((False, True), repeat=2):
            result = explorer.update(a_rows=a_rows, a_cols=a_cols, b_rows=b_rows, b_cols=b_cols, a_t=a_t, b_t=b_t)
            assert (result["shape"] is None) == (result["message"] is not None)
            assert explorer.caption(result)
    assert is_png(explorer.png())


def test_the_picture_keeps_its_frame(explorer):
    explorer.update(a_rows=1, a_cols=1, b_rows=1, b_cols=1, a_t=False, b_t=False)
    small = (explorer.ax.get_xlim(), explorer.ax.get_ylim())
    explorer.update(a_rows=6, a_cols=6, b_rows=6, b_cols=6)
    assert (explorer.ax.get_xlim(), explorer.ax.get_ylim()) == small


@pytest.mark.parametrize("shape_a, shape_b", [((3, 4), (4,)), ((4,), (4,)), ((4,), (4, 3)), ((2, 3), (4, 2))])
def test_draw_product_handles_vectors_and_mismatches(shape_a, shape_b):
    ax = Figure().add_subplot()
    assert draw_product(ax, shape_a, shape_b) == product_shape(shape_a, shape_b)
    assert ax.texts


def test_unknown_parameter_is_a_teaching_error(explorer):
    with pytest.raises(ValueError, match="a_rows"):
        explorer.update(rows=3)
    with pytest.raises(ValueError, match="from 1 to 6"):
        explorer.update(a_rows=7)
