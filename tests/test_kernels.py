"""The named 3×3 kernels (Lesson 14): shapes, sums, and what each one does to simple images."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.kernels import KERNELS, get_kernel, kernel_label
from nnlessons.lessons.convolution.explorers import convolve

RAMP = np.tile(np.arange(6.0), (6, 1))          # brightness grows by 1 per column, left to right


def test_every_kernel_is_a_read_only_3x3_float_array():
    assert list(KERNELS) == ["identity", "box_blur", "gaussian_blur", "sharpen", "sobel_x", "sobel_y",
                             "laplacian", "emboss"]
    for kernel in KERNELS.values():
        assert kernel.shape == (3, 3) and kernel.dtype == np.float64
        with pytest.raises(ValueError):
            kernel[0, 0] = 1.0


def test_get_kernel_gives_a_copy_you_may_edit():
    kernel = get_kernel("sobel_x")
    kernel[0, 0] = 99.0
    assert KERNELS["sobel_x"][0, 0] == -1.0


@pytest.mark.parametrize("name, total", [("identity", 1), ("box_blur", 1), ("gaussian_blur", 1), ("sharpen", 1),
                                         ("sobel_x", 0), ("sobel_y", 0), ("laplacian", 0), ("emboss", 1)])
def test_sums(name, total):
    assert KERNELS[name].sum() == pytest.approx(total)


def test_what_each_kernel_does():
    rng = np.random.default_rng(0)
    image = rng.random((6, 6))
    assert np.allclose(convolve(image, KERNELS["identity"], padding="valid"), image[1:-1, 1:-1])
    assert np.allclose(convolve(image, KERNELS["box_blur"], padding="valid")[0, 0], image[:3, :3].mean())
    flat = np.full((5, 5), 0.3)
    for name in ("box_blur", "gaussian_blur", "sharpen", "emboss"):      # sum 1: flat stays flat
        assert np.allclose(convolve(flat, KERNELS[name], padding="valid"), 0.3)
    # Sobel x on a left-to-right ramp: (right column − left column) = 2, weighted 1 + 2 + 1
    assert np.allclose(convolve(RAMP, KERNELS["sobel_x"], padding="valid"), 8.0)
    assert np.allclose(convolve(RAMP, KERNELS["sobel_y"], padding="valid"), 0.0)
    assert np.allclose(convolve(RAMP.T, KERNELS["sobel_y"], padding="valid"), 8.0)
    assert np.allclose(convolve(RAMP, KERNELS["laplacian"], padding="valid"), 0.0)   # a ramp has no curvature


def test_unknown_name_lists_the_known_ones():
    with pytest.raises(ValueError, match="'sobel_x'"):
        get_kernel("sobel")
    i18n.set_language("pt")
    with pytest.raises(ValueError, match="kernel desconhecido"):
        get_kernel("sobel")


def test_labels_in_both_languages():
    assert kernel_label("gaussian_blur") == "Gaussian blur"
    i18n.set_language("pt")
    assert kernel_label("gaussian_blur") == "desfoque gaussiano"
