"""Lesson 14's explorers: the kernel editor on a photograph and the pooling explorer."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.data import load_digits, load_image
from nnlessons.kernels import KERNELS
from nnlessons.reference import conv2d_loops
from nnlessons.widgets import IntSlider, Slider
from nnlessons.lessons.convolution.explorers import CELLS, KernelEditor, PoolingExplorer, convolve, display_limits


def moves(cls):
    """Every control at its low, middle and high value (what make bench does)."""
    for name, control in cls.controls.items():
        if isinstance(control, IntSlider):
            values = [control.low, (control.low + control.high) // 2, control.high]
        elif isinstance(control, Slider):
            values = [control.low, (control.low + control.high) / 2, control.high]
        else:
            values = list(control.options)
        for value in values:
            yield {name: value}


@pytest.fixture(scope="module")
def editor():
    return KernelEditor()


@pytest.fixture(scope="module")
def pooling():
    return PoolingExplorer()


# ---- convolve and display_limits -----------------------------------------------------------
@pytest.mark.parametrize("stride, padding", [(1, 0), (2, 1), (3, 2)])
def test_convolve_matches_the_loop_reference(stride, padding):
    rng = np.random.default_rng(1)
    image, kernel = rng.random((9, 11)), rng.standard_normal((3, 3))
    expected = conv2d_loops(image[None, None], kernel[None, None], np.zeros(1), stride, padding)[0, 0]
    assert np.allclose(convolve(image, kernel, stride, padding), expected)


def test_convolve_by_hand():
    image = np.arange(16.0).reshape(4, 4)
    out = convolve(image, np.ones((2, 2)), padding="valid")
    assert np.array_equal(out, [[10, 14, 18], [26, 30, 34], [42, 46, 50]])     # 0+1+4+5 = 10 ...
    assert convolve(image, np.ones((3, 3)), padding="full").shape == (6, 6)


def test_display_limits():
    assert display_limits(np.zeros((2, 2)), 1.0) == (0.0, 1.0)        # photo-like
    assert display_limits(np.zeros((2, 2)), -2.0) == (-2.0, 0.0)
    assert display_limits(np.zeros((2, 2)), 0.0) == (-1.0, 1.0)        # all zeros: still a range
    low, high = display_limits(np.linspace(-1, 1, 1001), 0.0)           # edge detector: centred on 0
    assert low == -high and 0.99 < high <= 1.0


# ---- KernelEditor --------------------------------------------------------------------------
def test_editor_default_is_sobel_x_on_the_camera_with_same_padding(editor):
    result = editor.update(preset="sobel_x", image="camera", mode="same", stride=1)
    assert result["output_shape"] == (128, 128) and result["pads"] == (1, 1)
    assert result["kernel_sum"] == 0.0
    expected = convolve(load_image("camera"), KERNELS["sobel_x"], padding="same")
    assert np.allclose(editor.output, expected)


@pytest.mark.parametrize("mode, stride, pads, size", [
    ("valid", 1, (0, 0), 126), ("same", 1, (1, 1), 128), ("full", 1, (2, 2), 130),
    ("same", 2, (0, 1), 64), ("valid", 3, (0, 0), 42), ("full", 8, (2, 2), 17),
])
def test_output_size_matches_the_formula(editor, mode, stride, pads, size):
    result = editor.update(mode=mode, stride=stride)
    assert result["pads"] == pads
    assert result["formula_size"] == size == result["output_shape"][0] == result["output_shape"][1]


def test_manual_padding(editor):
    result = editor.update(mode="manual", padding=3, stride=2)
    assert result["pads"] == (3, 3)
    assert result["output_shape"] == ((128 + 6 - 3) // 2 + 1,) * 2


def test_a_preset_fills_the_grid_and_an_edit_makes_it_custom(editor):
    editor.update(preset="laplacian")
    assert [editor.params[c] for c in CELLS] == KERNELS["laplacian"].ravel().tolist()
    editor.update(k11=-8.0)
    assert editor.params["preset"] == "custom"
    assert editor.kernel[1, 1] == -8.0
    editor.update(preset="custom", k00=1.0)                      # custom keeps what you typed
    assert editor.kernel[0, 0] == 1.0 and editor.kernel[1, 1] == -8.0


def test_moving_padding_switches_to_manual_and_changing_mode_keeps_it(editor):
    editor.update(mode="same", padding=1)
    editor.update(padding=4)
    assert editor.params["mode"] == "manual"
    editor.update(mode="valid", padding=4)                       # a mode change with the same P
    assert editor.params["mode"] == "valid"


def test_identity_gives_back_the_photo(editor):
    editor.update(preset="identity", image="brick", mode="same", stride=1)
    assert np.allclose(editor.output, load_image("brick"))


def test_all_zero_kernel_is_flat_and_says_so(editor):
    editor.update(preset="custom", **{cell: 0.0 for cell in CELLS})
    assert not editor.output.any()
    assert "all zeros" in editor.caption(editor.result)
    assert editor.picture_out.get_clim() == (-1.0, 1.0)


def test_extreme_kernel_stays_finite(editor):
    result = editor.update(preset="custom", image="camera", mode="full", stride=8, **{cell: 10.0 for cell in CELLS})
    window_sums = convolve(load_image("camera"), np.ones((3, 3)), stride=8, padding="full")
    assert np.isfinite(editor.output).all() and result["high"] == pytest.approx(10 * window_sums.max())
    assert editor.picture_out.get_clim() == (0.0, 90.0)         # a sum-90 kernel: shown from 0 to 90


def test_every_control_across_its_range(editor, is_png):
    for change in moves(KernelEditor):
        result = editor.update(**change)
        assert np.isfinite(editor.output).all()
        assert result["formula_size"] == result["output_shape"][0]
    assert is_png(editor.png())


@pytest.mark.parametrize("bad", [{"k00": 11.0}, {"k00": "1"}, {"stride": 0}, {"image": "moon"}, {"mode": "half"},
                                 {"preset": "blur"}])
def test_bad_values_get_a_teaching_error(editor, bad):
    with pytest.raises(ValueError, match="KernelEditor"):
        editor.update(**bad)


def test_caption_in_both_languages():
    i18n.set_language("pt")
    editor = KernelEditor(mode="valid")
    assert "⌊(128 + 0 + 0 − 3) / 1⌋ + 1 = <b>126</b>" in editor.caption(editor.result)
    assert "sem zeros" in editor.caption(editor.result)
    i18n.set_language("en")
    editor.update(mode="same", stride=2)
    assert "= <b>64</b>" in editor.caption(editor.result) and "just enough zeros" in editor.caption(editor.result)


def test_show_lays_the_nine_numbers_out_as_a_grid():
    import ipywidgets

    editor = KernelEditor()
    box = editor.show()
    grid = box.children[0].children[0].children[1]
    assert isinstance(grid, ipywidgets.GridBox) and len(grid.children) == 9
    editor._view.inputs["k22"].value = 5.0                    # typing in a box updates the picture
    assert editor.params["preset"] == "custom" and editor.kernel[2, 2] == 5.0
    editor._view.inputs["preset"].value = "sharpen"           # a preset moves the nine boxes
    assert editor._view.inputs["k11"].value == 5.0 and editor._view.inputs["k00"].value == 0.0


def test_each_kernel_box_has_a_tooltip_naming_its_cell():
    """ipywidgets 8 (this suite) shows ``tooltip`` over the box; tests/colab checks 7."""
    box = KernelEditor.controls["k12"].make()
    assert box.tooltip == "kernel[1, 2]" and box.description == ""


def test_without_a_tooltip_trait_the_kernel_box_uses_ipywidgets_7s_description_tooltip():
    class Widget7:          # ipywidgets 7.7.1's BoundedFloatText: no ``tooltip`` trait
        @staticmethod
        def class_trait_names():
            return ["value", "min", "max", "step", "description", "description_tooltip", "layout", "style"]

    options = KernelEditor.controls["k12"].tooltip_options(Widget7)
    assert options["description_tooltip"] == "kernel[1, 2]" and options["description"] == "1,2"
    assert "tooltip" not in options


# ---- PoolingExplorer -----------------------------------------------------------------------
def test_pooling_the_digit_by_hand(pooling):
    digit = load_digits()[0][0]
    result = pooling.update(kind="max", size=2, stride=2, source="digit")
    assert np.array_equal(pooling.output, digit.reshape(4, 2, 4, 2).max(axis=(1, 3)))
    assert result == {"output_shape": (4, 4), "cell": (1, 1), "outlined": 15.0}
    pooling.update(kind="average")
    assert np.allclose(pooling.output, digit.reshape(4, 2, 4, 2).mean(axis=(1, 3)))


@pytest.mark.parametrize("source, size, stride, side", [("digit", 3, 1, 6), ("digit", 8, 8, 1), ("digit", 1, 8, 1),
                                                       ("camera", 2, 2, 64), ("brick", 8, 8, 16),
                                                       ("astronaut", 5, 3, 42)])
def test_pooled_size(pooling, source, size, stride, side):
    result = pooling.update(source=source, size=size, stride=stride)
    assert result["output_shape"] == (side, side) == pooling.output.shape
    if side == 1:
        assert result["cell"] == (0, 0)


def test_pooling_caption_explains_skips_and_overlaps(pooling):
    pooling.update(source="digit", size=2, stride=3)
    assert "never looked at" in pooling.caption(pooling.result)
    pooling.update(size=3, stride=1)
    assert "overlap" in pooling.caption(pooling.result)
    i18n.set_language("pt")
    pooling.update(size=2, stride=2)
    assert "64 números viram <b>16</b>" in pooling.caption(pooling.result)


def test_pooling_every_control_across_its_range(pooling, is_png):
    for change in moves(PoolingExplorer):
        pooling.update(**change)
        assert np.isfinite(pooling.output).all()
    assert is_png(pooling.png())
