"""Pictures of images, kernels and feature maps (Lessons 14, 15).

- ``show_image(ax, image)``: a grayscale image, pixel for pixel, no ticks.
- ``NumberGrid(ax, values)``: a small array drawn as coloured cells with their numbers
  written in, with an optional highlighted window; ``.set(values, window)`` redraws it
  (the sliding window of a convolution, a kernel, a pooling result).
- ``draw_kernel(ax, kernel)``: a ``NumberGrid`` coloured blue (negative) to red
  (positive), white at 0.
- ``tile_maps(maps)`` and ``show_feature_maps(ax, maps)``: many feature maps of one
  layer as a single mosaic image (fast to redraw in a widget).
- ``show_image_grid(axes, images, titles)``: a row or grid of small images (digits).
- ``plot_confusion_matrix(ax, matrix)``: counts of (true class, predicted class).
- ``draw_pipeline(ax, stages)``: a CNN as a chain of boxes, one per layer, each with
  the shape of what comes out of it.

Every function draws on an ``Axes`` the caller owns; words go through ``nnlessons.i18n``.
"""

import numpy as np
from matplotlib.patches import FancyArrowPatch, Rectangle

from ..i18n import register, tr
from .alt import set_alt_text
from .style import OKABE_ITO, WRONG_COLOR, format_number

__all__ = ["show_image", "NumberGrid", "draw_kernel", "tile_maps", "show_feature_maps",
           "show_image_grid", "plot_confusion_matrix", "draw_pipeline", "STAGE_COLORS"]

register({
    "images.true_class": {"en": "true class", "pt": "classe verdadeira"},
    "images.predicted_class": {"en": "predicted class", "pt": "classe prevista"},
    "images.pipeline_alt": {"en": "a network as a chain of layers, each with the shape of its output: {stages}",
                            "pt": "uma rede como uma cadeia de camadas, cada uma com o formato da sua saída: {stages}"},
})


def _clean(ax):
    """Keep the frame, drop the x and y axes: an image has no scale worth reading, and an
    axis that is not drawn costs nothing when a widget redraws."""
    ax.xaxis.set_visible(False)
    ax.yaxis.set_visible(False)


def show_image(ax, image, title=None, vmin=0.0, vmax=1.0, cmap="gray"):
    """Draw a 2-D array as an image on ``ax``, one square per pixel (Lesson 14).

    ``vmin``/``vmax`` fix which values are black and white (default: 0 and 1, the range
    of ``load_image``); pass ``None`` to stretch from the array's min to its max.
    Returns the ``AxesImage``, whose ``set_data``/``set_clim`` a widget reuses.
    """
    picture = ax.imshow(np.asarray(image, dtype=float), cmap=cmap, vmin=vmin, vmax=vmax,
                        interpolation="nearest")
    _clean(ax)
    if title is not None:
        ax.set_title(title, fontsize=10)
    return picture


class NumberGrid:
    """A small 2-D array drawn as coloured cells with each number written inside (Lesson 14).

    ax        the Axes to draw on (its ticks are removed)
    values    (rows, columns) array
    cmap      colour map; ``symmetric=True`` centres it on 0 (for kernels with signs)
    decimals  digits after the point (trailing zeros are dropped)
    window    optional (row, column, height, width): a thick box around those cells
    vmin/vmax colour range (default: the values' min and max, or ±max|value|)
    numbers   False: colours only (for grids too big to read)
    hide_zeros  leave cells holding 0 blank (sparse maps read faster, draw faster)

    ``set(values, window=None)`` redraws in place: same shape, new numbers and box.
    """

    def __init__(self, ax, values, cmap="Blues", symmetric=False, decimals=0, window=None,
                 vmin=None, vmax=None, fontsize=9, title=None, numbers=True, hide_zeros=False):
        values = np.asarray(values, dtype=float)
        self.ax, self.decimals, self.symmetric = ax, decimals, symmetric
        self.hide_zeros = hide_zeros
        self.fixed = (vmin, vmax)
        self.image = ax.imshow(values, cmap=cmap, interpolation="nearest")
        rows, columns = values.shape
        self.texts = [[ax.text(x, y, "", ha="center", va="center", fontsize=fontsize)
                       for x in range(columns)] for y in range(rows)] if numbers else []
        self.box = ax.add_patch(Rectangle((-0.5, -0.5), 1, 1, fill=False, edgecolor=OKABE_ITO["orange"],
                                          lw=3, visible=False))
        ax.set_xticks(np.arange(columns) - 0.5, minor=True)
        ax.set_yticks(np.arange(rows) - 0.5, minor=True)
        ax.grid(which="minor", color="white", lw=1)      # white lines between the cells
        ax.tick_params(which="both", length=0)
        ax.set_xticks([])
        ax.set_yticks([])
        if title is not None:
            ax.set_title(title, fontsize=10)
        self.set(values, window)

    def set(self, values, window=None):
        """Show new ``values`` (same shape) and move the highlighted ``window``."""
        values = np.asarray(values, dtype=float)
        low, high = self._limits(values)
        self.image.set_data(values)
        self.image.set_clim(low, high)
        colors = self.image.cmap(self.image.norm(values))              # (rows, columns, RGBA)
        dark = colors[..., :3] @ np.array([0.299, 0.587, 0.114]) < 0.5    # perceived brightness
        for y, row in enumerate(self.texts):
            for x, text in enumerate(row):
                value = values[y, x]
                text.set_text("" if self.hide_zeros and value == 0 else format_number(value, f".{self.decimals}f", trim=True))
                text.set_color("white" if dark[y, x] else "black")
        if window is None:
            self.box.set_visible(False)
        else:
            row, column, height, width = window
            self.box.set_bounds(column - 0.5, row - 0.5, width, height)
            self.box.set_visible(True)

    def _limits(self, values):
        low, high = self.fixed
        if self.symmetric:
            reach = np.abs(values).max() if high is None else high
            low, high = -reach, reach
        else:
            low = values.min() if low is None else low
            high = values.max() if high is None else high
        if not high > low:                                  # a constant array: any range works
            low, high = low - 1.0, high + 1.0
        return low, high


def draw_kernel(ax, kernel, title=None, decimals=2, fontsize=9):
    """Draw a kernel's numbers on coloured cells: blue negative, white 0, red positive
    (Lesson 14). Returns the ``NumberGrid``; call ``.set(new_kernel)`` to redraw."""
    return NumberGrid(ax, kernel, cmap="RdBu_r", symmetric=True, decimals=decimals,
                      fontsize=fontsize, title=title)


def tile_maps(maps, columns=None, gap=1):
    """Lay out ``maps`` (n, h, w) as one mosaic image with ``gap`` empty pixels between them
    (Lesson 15).

    ``columns`` maps per row (default: about √n·2, a wide strip). Gaps are NaN, which
    ``imshow`` leaves transparent. Shape: (rows·(h + gap) − gap, columns·(w + gap) − gap).
    """
    maps = np.asarray(maps, dtype=float)
    n, h, w = maps.shape
    columns = columns or int(np.ceil(np.sqrt(2 * n)))
    rows = -(-n // columns)
    mosaic = np.full((rows * (h + gap) - gap, columns * (w + gap) - gap), np.nan)
    for index in range(n):
        top, left = (index // columns) * (h + gap), (index % columns) * (w + gap)
        mosaic[top:top + h, left:left + w] = maps[index]
    return mosaic


def show_feature_maps(ax, maps, columns=None, title=None, vmax=None, cmap="viridis"):
    """Draw every feature map of one layer, (n, h, w), as one mosaic on ``ax`` (Lesson 15).

    All maps share one colour scale, from 0 to ``vmax`` (default: their largest value),
    so a bright map really is a strongly activated one. Returns the ``AxesImage``; a
    widget redraws it with ``image.set_data(tile_maps(new_maps, columns))``.
    """
    maps = np.asarray(maps, dtype=float)
    top = vmax if vmax is not None else max(float(maps.max()), 1e-12)
    picture = ax.imshow(tile_maps(maps, columns), cmap=cmap, vmin=0.0, vmax=top,
                        interpolation="nearest")
    ax.set_axis_off()                      # no frame, no ticks (and nothing to lay out: faster)
    if title is not None:
        ax.set_title(title, fontsize=10)
    return picture


def show_image_grid(axes, images, titles=None, vmin=None, vmax=None, cmap="gray_r"):
    """Draw one image per axes, e.g. digits with "true → predicted" titles (Lesson 15).

    ``axes`` may hold more axes than images: the spare ones are switched off.
    Default colours: white background, dark ink (``gray_r``), like ink on paper.
    """
    axes = np.ravel(axes)
    for index, ax in enumerate(axes):
        if index >= len(images):
            ax.axis("off")
            continue
        show_image(ax, images[index], vmin=vmin, vmax=vmax, cmap=cmap)
        if titles is not None:
            ax.set_title(titles[index], fontsize=9)


def plot_confusion_matrix(ax, matrix, class_names=None):
    """Draw a confusion matrix with its counts (Lesson 15).

    ``matrix[t, p]`` counts the samples of true class t predicted as class p: the
    diagonal holds the right answers, everything else a mistake. Off-diagonal counts
    are drawn in red so mistakes stand out.
    """
    matrix = np.asarray(matrix)
    n = matrix.shape[0]
    names = class_names if class_names is not None else [str(i) for i in range(n)]
    ax.imshow(matrix, cmap="Blues", interpolation="nearest")
    high = matrix.max() if matrix.size else 0
    for t in range(n):
        for p in range(n):
            count = matrix[t, p]
            if count == 0:
                continue
            color = ("white" if count > high / 2 else "black") if t == p else WRONG_COLOR
            ax.text(p, t, str(count), ha="center", va="center", fontsize=8, color=color,
                    weight="normal" if t == p else "bold")
    ax.set_xticks(range(n), names)
    ax.set_yticks(range(n), names)
    ax.set_xlabel(tr("images.predicted_class"))
    ax.set_ylabel(tr("images.true_class"))


#: Box colours of ``draw_pipeline`` by layer name; any other name is light grey.
STAGE_COLORS = {"Conv2D": "#cfe3f5", "MaxPool2D": "#fde2c4", "AvgPool2D": "#fde2c4",
                "Flatten": "#e4d7f0", "Dense": "#d5ecd4", "Softmax": "#f5d0d0"}


def draw_pipeline(ax, stages):
    """Draw a network as a chain of boxes, left to right (Lesson 15).

    ``stages`` is a list of ``(name, shape_text)``, e.g. ``[("Conv2D", "16×8×8"), ...]``;
    each box shows the layer's name and, below it, the shape of its output. Boxes are
    coloured by kind (``STAGE_COLORS``): convolution blue, pooling orange, flatten
    purple, dense green, softmax red, anything else grey. Its alt text lists the
    stages.
    """
    n = len(stages)
    for index, (name, shape) in enumerate(stages):
        left = index * 1.3
        ax.add_patch(Rectangle((left, 0), 1.0, 2.2, facecolor=STAGE_COLORS.get(name, "#eeeeee"),
                               edgecolor="0.3"))
        ax.text(left + 0.5, 1.1, name, ha="center", va="center", fontsize=9, rotation=90)
        ax.text(left + 0.5, -0.15, shape, ha="center", va="top", fontsize=8, color="0.2")
        if index < n - 1:
            ax.add_patch(FancyArrowPatch((left + 1.0, 1.1), (left + 1.3, 1.1), arrowstyle="-|>",
                                         mutation_scale=8, color="0.3"))
    ax.set_xlim(-0.1, n * 1.3 - 0.2)
    ax.set_ylim(-0.7, 2.25)
    ax.set_aspect("equal")
    ax.axis("off")
    set_alt_text(ax, tr("images.pipeline_alt", stages=" → ".join(f"{name} ({shape})" for name, shape in stages)))
