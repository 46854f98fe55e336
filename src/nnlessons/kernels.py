"""The classic named 3×3 kernels of image processing (Lesson 14).

A kernel slides over an image; at every position the output is the sum of the
pixels under it, each weighted by the kernel's number there (cross-correlation,
as ``nnlessons.layers.Conv2D`` computes it):

    output[y, x] = Σ_i Σ_j kernel[i, j] · image[y + i, x + j]

So a kernel answers "how much does this patch look like me?". The ones below were
designed by hand; a convolutional network learns its own (Lesson 15).

name            what it does                                  sum of its numbers
identity        copies the image                              1
box_blur        plain average of the 3×3 patch                1
gaussian_blur   weighted average, the centre counts most      1
sharpen         centre minus its 4 neighbours: more contrast  1
sobel_x         change from left to right: vertical edges     0
sobel_y         change from top to bottom: horizontal edges   0
laplacian       centre vs its 4 neighbours: edges of any way  0
emboss          the image plus its change along the diagonal  1

Kernels that sum to 1 keep the average brightness; kernels that sum to 0 give 0 on
flat regions and respond only where the intensity changes (edges).

    from nnlessons.kernels import KERNELS, get_kernel
    get_kernel("sobel_x")      # a fresh 3×3 float64 array you may change
"""

import numpy as np

from .i18n import register, tr

register({
    "kernels.identity": {"en": "identity", "pt": "identidade"},
    "kernels.box_blur": {"en": "box blur", "pt": "desfoque (média)"},
    "kernels.gaussian_blur": {"en": "Gaussian blur", "pt": "desfoque gaussiano"},
    "kernels.sharpen": {"en": "sharpen", "pt": "nitidez"},
    "kernels.sobel_x": {"en": "Sobel x", "pt": "Sobel x"},
    "kernels.sobel_y": {"en": "Sobel y", "pt": "Sobel y"},
    "kernels.laplacian": {"en": "Laplacian", "pt": "laplaciano"},
    "kernels.emboss": {"en": "emboss", "pt": "relevo"},
    "kernels.err.unknown": {
        "en": "get_kernel: unknown kernel {name!r}; the named kernels are {names}.",
        "pt": "get_kernel: kernel desconhecido {name!r}; os kernels com nome são {names}.",
    },
})


def _frozen(rows, scale=1.0):
    kernel = np.array(rows, dtype=np.float64) * scale
    kernel.setflags(write=False)        # shared constants: get_kernel gives a copy to edit
    return kernel


#: Every named kernel, read-only, in the order the lesson shows them.
KERNELS = {
    "identity": _frozen([[0, 0, 0], [0, 1, 0], [0, 0, 0]]),
    "box_blur": _frozen([[1, 1, 1], [1, 1, 1], [1, 1, 1]], 1 / 9),
    "gaussian_blur": _frozen([[1, 2, 1], [2, 4, 2], [1, 2, 1]], 1 / 16),
    "sharpen": _frozen([[0, -1, 0], [-1, 5, -1], [0, -1, 0]]),
    "sobel_x": _frozen([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]]),
    "sobel_y": _frozen([[-1, -2, -1], [0, 0, 0], [1, 2, 1]]),
    "laplacian": _frozen([[0, 1, 0], [1, -4, 1], [0, 1, 0]]),
    "emboss": _frozen([[-2, -1, 0], [-1, 1, 1], [0, 1, 2]]),
}


def get_kernel(name):
    """A writable copy of the named 3×3 kernel (Lesson 14); see the module docstring."""
    if name not in KERNELS:
        raise ValueError(tr("kernels.err.unknown", name=name, names=", ".join(map(repr, KERNELS))))
    return KERNELS[name].copy()


def kernel_label(name):
    """The kernel's name in the lesson's language, e.g. "desfoque gaussiano"."""
    return tr(f"kernels.{name}")
