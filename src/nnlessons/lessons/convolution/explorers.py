"""Lesson 14's explorers: a kernel editor on a real photograph and a pooling explorer.

- ``convolve(image, kernel, stride, padding)``: one grayscale image through the
  engine's ``Conv2D`` whose single filter is set to ``kernel``.
- ``KernelEditor``: edit a 3×3 kernel (nine numbers, or a named preset), choose the
  stride and the padding (valid / same / full / P zeros) and see input, kernel and
  output side by side; the caption works out the output size with the formula
  ⌊(H + P_before + P_after − K) / S⌋ + 1.
- ``PoolingExplorer``: max or average pooling with any window and stride, on a
  photograph or on a small 8×8 digit whose numbers are written in.
"""

import numpy as np

from ...data import available_images, load_digits, load_image
from ...i18n import register, tr
from ...kernels import KERNELS
from ...layers import AvgPool2D, Conv2D, MaxPool2D, output_size, resolve_padding
from ...plots.images import NumberGrid, draw_kernel, show_image
from ...widgets import Choice, IntSlider, Slider, Widget
from ...plots.style import format_number

register({
    "convolution.preset": {"en": "Kernel", "pt": "Kernel"},
    "convolution.custom": {"en": "my own", "pt": "meu próprio"},
    "convolution.cell": {"en": "kernel[{i}, {j}]", "pt": "kernel[{i}, {j}]"},
    "convolution.grid": {"en": "<b>Kernel</b> (type numbers):", "pt": "<b>Kernel</b> (digite os números):"},
    "convolution.image": {"en": "Image", "pt": "Imagem"},
    "convolution.camera": {"en": "camera", "pt": "câmera"},
    "convolution.astronaut": {"en": "astronaut", "pt": "astronauta"},
    "convolution.brick": {"en": "brick", "pt": "tijolos"},
    "convolution.digit": {"en": "digit 8×8", "pt": "dígito 8×8"},
    "convolution.mode": {"en": "Padding", "pt": "Preenchimento"},
    "convolution.valid": {"en": "valid", "pt": "valid"},
    "convolution.same": {"en": "same", "pt": "same"},
    "convolution.full": {"en": "full", "pt": "full"},
    "convolution.manual": {"en": "P zeros", "pt": "P zeros"},
    "convolution.padding": {"en": "P (zeros on each side)", "pt": "P (zeros de cada lado)"},
    "convolution.stride": {"en": "Stride S", "pt": "Passo S"},
    "convolution.input_title": {"en": "input {h}×{w}", "pt": "entrada {h}×{w}"},
    "convolution.padded_title": {"en": "input {h}×{w} + zeros → {ph}×{pw}",
                          "pt": "entrada {h}×{w} + zeros → {ph}×{pw}"},
    "convolution.kernel_title": {"en": "kernel (sum {total})", "pt": "kernel (soma {total})"},
    "convolution.output_title": {"en": "output {h}×{w}", "pt": "saída {h}×{w}"},
    "convolution.caption": {
        "en": "Output height = ⌊(H + P_top + P_bottom − K) / S⌋ + 1 = ⌊({size} + {before} + {after} − 3) / "
              "{stride}⌋ + 1 = <b>{out}</b> (the width likewise: {out_w}). {mode} "
              "Output values from {low:.3g} to {high:.3g}.",
        "pt": "Altura da saída = ⌊(H + P_cima + P_baixo − K) / S⌋ + 1 = ⌊({size} + {before} + {after} − 3) / "
              "{stride}⌋ + 1 = <b>{out}</b> (a largura também: {out_w}). {mode} "
              "Valores da saída de {low:.3g} a {high:.3g}.",
    },
    "convolution.mode_valid": {"en": "<i>valid</i>: no zeros, only windows that fit inside the image.",
                        "pt": "<i>valid</i>: sem zeros, só as janelas que cabem na imagem."},
    "convolution.mode_same": {"en": "<i>same</i>: just enough zeros for ⌈H / S⌉ outputs.",
                       "pt": "<i>same</i>: zeros suficientes para ⌈H / S⌉ saídas."},
    "convolution.mode_full": {"en": "<i>full</i>: K − 1 zeros, every window that touches the image.",
                       "pt": "<i>full</i>: K − 1 zeros, toda janela que encosta na imagem."},
    "convolution.mode_manual": {"en": "P = {padding} zeros on each side.",
                         "pt": "P = {padding} zeros de cada lado."},
    "convolution.flat": {"en": " <b>The output is the same number everywhere</b>: this kernel is all zeros.",
                  "pt": " <b>A saída é o mesmo número em todo lugar</b>: este kernel só tem zeros."},
    "convolution.patch_title": {"en": "an 8×8 patch of it: just numbers", "pt": "um pedaço 8×8 dela: só números"},
    "convolution.signal": {"en": "signal x", "pt": "sinal x"},
    "convolution.kernel_k": {"en": "kernel k", "pt": "kernel k"},
    "convolution.output_y": {"en": "output y", "pt": "saída y"},
    "convolution.padded_mode": {"en": "{mode}: P = {p}, output {o}×{o}", "pt": "{mode}: P = {p}, saída {o}×{o}"},
    "convolution.frame": {"en": "frame {t}", "pt": "quadro {t}"},
    "convolution.motion": {"en": "change {t}→{t1}", "pt": "mudança {t}→{t1}"},
    "convolution.channel": {"en": "channel {c}: {name}", "pt": "canal {c}: {name}"},
    "convolution.channel_sum": {"en": "layer 2: channel 0 + channel 1", "pt": "camada 2: canal 0 + canal 1"},
    "convolution.pool.kind": {"en": "Pooling", "pt": "Pooling"},
    "convolution.pool.max": {"en": "max", "pt": "máximo"},
    "convolution.pool.average": {"en": "average", "pt": "média"},
    "convolution.pool.size": {"en": "Window k", "pt": "Janela k"},
    "convolution.pool.stride": {"en": "Stride S", "pt": "Passo S"},
    "convolution.pool.source": {"en": "Input", "pt": "Entrada"},
    "convolution.pool.output_title": {"en": "{kind} pooling: {h}×{w}", "pt": "pooling por {kind}: {h}×{w}"},
    "convolution.pool.caption": {
        "en": "{kind} of every {k}×{k} window, moving {s} at a time: "
              "⌊({size} − {k}) / {s}⌋ + 1 = <b>{out}</b> per side, so {n_in} numbers become "
              "<b>{n_out}</b> ({percent:.1f}%).",
        "pt": "{kind} de cada janela {k}×{k}, andando {s} por vez: "
              "⌊({size} − {k}) / {s}⌋ + 1 = <b>{out}</b> por lado, então {n_in} números viram "
              "<b>{n_out}</b> ({percent:.1f}%).",
    },
    "convolution.pool.skipped": {"en": " The stride is larger than the window: some pixels are never looked at.",
                     "pt": " O passo é maior que a janela: alguns pixels nunca são olhados."},
    "convolution.pool.overlap": {"en": " The stride is smaller than the window: windows overlap.",
                     "pt": " O passo é menor que a janela: as janelas se sobrepõem."},
})

#: The nine kernel cells, row by row: k00 k01 k02 / k10 ... / k20 k21 k22.
CELLS = tuple(f"k{i}{j}" for i in range(3) for j in range(3))
CUSTOM = "custom"
IMAGES = {name: f"convolution.{name}" for name in available_images()}


def convolve(image, kernel, stride=1, padding=0):
    """Slide ``kernel`` over one grayscale ``image`` with the engine's Conv2D (Lesson 14).

    output[y, x] = Σ_i Σ_j kernel[i, j] · padded[y·S + i, x·S + j]
    Shapes: image (H, W), kernel (K, K) → output (H_out, W_out); ``padding`` is a number
    of zeros or "valid" / "same" / "full", as for ``Conv2D``.
    The layer gets one filter, ``weights[0, 0] = kernel``, and a bias of 0.
    """
    kernel = np.asarray(kernel, dtype=float)
    layer = Conv2D(1, 1, kernel.shape, stride=stride, padding=padding)
    layer.weights[0, 0] = kernel
    layer.biases[:] = 0.0
    return layer.forward(np.asarray(image, dtype=float)[None, None], training=False)[0, 0]


def display_limits(output, kernel_sum):
    """Colour range for a convolution's output, so every kernel reads naturally (Lesson 14).

    A kernel whose numbers sum to s ≠ 0 maps a flat region of brightness b ∈ [0, 1] to
    s·b, so [min(0, s), max(0, s)] shows the output like a photo (values outside are
    clipped, e.g. the halos of sharpen). A kernel summing to 0 (an edge detector) gives 0
    on flat regions: mid-grey, with black and white at ± the 99.5th percentile of |output|
    (so a few extreme pixels do not wash out every other edge).
    """
    if abs(kernel_sum) > 1e-9:
        return min(0.0, kernel_sum), max(0.0, kernel_sum)
    reach = float(np.percentile(np.abs(output), 99.5))
    return (-reach, reach) if reach > 0 else (-1.0, 1.0)


class KernelCell(Slider):
    """One number of the kernel, typed in a small box (a bounded float input) whose
    tooltip names it: "kernel[i, j]"."""

    def __init__(self, i, j, value):
        super().__init__("convolution.cell", -10.0, 10.0, 0.1, value=value)
        self.i, self.j = i, j

    def make(self):
        import ipywidgets
        return ipywidgets.BoundedFloatText(value=self.value, min=self.low, max=self.high, step=self.step,
                                           **self.tooltip_options(ipywidgets.BoundedFloatText))

    def tooltip_options(self, box_class):
        """The box's description, tooltip and width. ipywidgets 8 shows ``tooltip`` over
        the box itself; ipywidgets 7 (Google Colab) has no ``tooltip`` and shows
        ``description_tooltip`` only over a visible description, so there the box gets a
        short one, "i,j"."""
        import ipywidgets
        tooltip = tr(self.label, i=self.i, j=self.j)
        if "tooltip" in box_class.class_trait_names():
            return {"description": "", "tooltip": tooltip, "layout": ipywidgets.Layout(width="5.5em")}
        return {"description": f"{self.i},{self.j}", "description_tooltip": tooltip,
                "style": {"description_width": "initial"}, "layout": ipywidgets.Layout(width="7.5em")}


class KernelEditor(Widget):
    """Edit a 3×3 kernel and see what it does to a real photograph (Lesson 14).

    Controls: ``preset`` (a named kernel from ``nnlessons.kernels`` or "custom"), the nine
    numbers ``k00`` … ``k22``, ``image``, ``mode`` ("valid", "same", "full" or "manual"
    for ``padding`` zeros on each side) and ``stride``.
    Picking a preset fills the nine numbers; changing a number makes the preset "custom";
    moving ``padding`` switches the mode to "manual".

    ``update(...)`` returns ``{"output_shape": (h, w), "pads": (before, after),
    "formula_size": h from the formula, "kernel_sum": s, "low": min, "high": max}``;
    the output array is ``self.output``.
    """

    controls = {
        "preset": Choice("convolution.preset", {**{name: f"kernels.{name}" for name in KERNELS},
                                         CUSTOM: "convolution.custom"}, value="sobel_x"),
        **{cell: KernelCell(int(cell[1]), int(cell[2]), float(KERNELS["sobel_x"][int(cell[1]), int(cell[2])]))
           for cell in CELLS},
        "image": Choice("convolution.image", IMAGES),
        "mode": Choice("convolution.mode", {"same": "convolution.same", "valid": "convolution.valid", "full": "convolution.full",
                                     "manual": "convolution.manual"}),
        "padding": IntSlider("convolution.padding", 0, 5, value=1),
        "stride": IntSlider("convolution.stride", 1, 8, value=1),
    }
    figsize = (9.0, 3.4)

    def update(self, **params):
        """As ``Widget.update``, keeping the preset, the nine numbers, mode and padding in step."""
        where = type(self).__name__
        preset = self.controls["preset"].validate(params.get("preset", self.params["preset"]), where, "preset")
        if preset != self.params["preset"] and preset != CUSTOM:      # a new preset fills the grid
            params.update(zip(CELLS, KERNELS[preset].ravel().tolist()))
        elif preset != CUSTOM:                                          # an edited number: now custom
            grid = [self.controls[c].validate(params.get(c, self.params[c]), where, c) for c in CELLS]
            if not np.allclose(grid, KERNELS[preset].ravel()):
                params["preset"] = CUSTOM
        mode = params.get("mode", self.params["mode"])
        if mode == self.params["mode"] and params.get("padding", self.params["padding"]) != self.params["padding"]:
            params["mode"] = "manual"                                   # moving P means P zeros
        return super().update(**params)

    def setup(self, fig):
        grid = fig.add_gridspec(1, 3, width_ratios=[1.0, 0.55, 1.0])
        self.ax_in, self.ax_kernel, self.ax_out = (fig.add_subplot(grid[0, i]) for i in range(3))
        self.image_name = None
        self.picture_in = show_image(self.ax_in, np.zeros((2, 2)))
        self.kernel_view = draw_kernel(self.ax_kernel, np.zeros((3, 3)), fontsize=10)
        self.picture_out = show_image(self.ax_out, np.zeros((2, 2)))

    def compute(self, preset, image, mode, padding, stride, **cells):
        if image != self.image_name:
            self.image, self.image_name = load_image(image), image
        kernel = np.array([cells[c] for c in CELLS]).reshape(3, 3)
        size = self.image.shape[0]
        pads = (padding, padding) if mode == "manual" else resolve_padding(mode, 3, stride, size, "KernelEditor")
        self.kernel = kernel
        self.output = convolve(self.image, kernel, stride, (padding if mode == "manual" else mode))
        return {"output_shape": self.output.shape, "pads": pads,
                "formula_size": output_size(size, 3, stride, *pads), "kernel_sum": float(kernel.sum()),
                "low": float(self.output.min()), "high": float(self.output.max())}

    def draw(self, result, preset, image, mode, padding, stride, **cells):
        before, after = result["pads"]
        padded = np.pad(self.image, ((before, after), (before, after)))
        self._set_picture(self.ax_in, self.picture_in, padded)
        h, w = self.image.shape
        if before or after:
            title = tr("convolution.padded_title", h=h, w=w, ph=padded.shape[0], pw=padded.shape[1])
        else:
            title = tr("convolution.input_title", h=h, w=w)
        self.ax_in.set_title(title, fontsize=10)
        self.kernel_view.set(self.kernel)
        self.ax_kernel.set_title(tr("convolution.kernel_title", total=format_number(result['kernel_sum'])),
                                 fontsize=10)
        self._set_picture(self.ax_out, self.picture_out, self.output)
        self.picture_out.set_clim(*display_limits(self.output, result["kernel_sum"]))
        self.ax_out.set_title(tr("convolution.output_title", h=self.output.shape[0], w=self.output.shape[1]),
                              fontsize=10)

    @staticmethod
    def _set_picture(ax, picture, array):
        """Show ``array`` in an existing image artist, resizing the axes' view to it."""
        h, w = array.shape
        picture.set_data(array)
        picture.set_extent((-0.5, w - 0.5, h - 0.5, -0.5))
        ax.set_xlim(-0.5, w - 0.5)
        ax.set_ylim(h - 0.5, -0.5)

    def caption(self, result):
        mode = self.params["mode"]
        before, after = result["pads"]
        mode_text = (tr("convolution.mode_manual", padding=self.params["padding"]) if mode == "manual"
                     else tr(f"convolution.mode_{mode}"))
        text = tr("convolution.caption", size=self.image.shape[0], before=before, after=after,
                  stride=self.params["stride"], out=result["formula_size"], out_w=result["output_shape"][1],
                  mode=mode_text, low=result["low"], high=result["high"])
        if not self.kernel.any():
            text += tr("convolution.flat")
        return text

    def show(self):
        """The controls with the nine numbers laid out as a 3×3 grid, like the kernel."""
        import ipywidgets

        box = super().show()
        inputs = self._view.inputs
        grid = ipywidgets.GridBox([inputs[c] for c in CELLS],
                                  layout=ipywidgets.Layout(grid_template_columns="repeat(3, 6em)"))
        kernel = ipywidgets.VBox([ipywidgets.HTML(tr("convolution.grid")), grid])
        others = ipywidgets.VBox([inputs[name] for name in self.controls if name not in CELLS])
        box.children = (ipywidgets.HBox([kernel, others]), *box.children[1:])
        return box


def digit_map():
    """The first handwritten digit of ``load_digits`` (a 0), 8×8 with values 0 … 16:
    a small feature map whose numbers fit on the picture (Lesson 14)."""
    return load_digits()[0][0]


class PoolingExplorer(Widget):
    """Max or average pooling of a photograph or of an 8×8 digit (Lesson 14).

    output[y, x] = max (or mean) of the k×k window at (y·S, x·S);  output size per side
    ⌊(H − k) / S⌋ + 1. On the digit every number is written in, and one window (the one
    of output cell (1, 1)) and the output cell it produces are outlined.

    ``update(...)`` returns ``{"output_shape": (h, w), "cell": (row, column), "outlined":
    output[row, column]}`` for the outlined cell (1, 1), or (0, 0) on a 1×1 output;
    the pooled array is ``self.output``.
    """

    controls = {
        "kind": Choice("convolution.pool.kind", {"max": "convolution.pool.max", "average": "convolution.pool.average"}),
        "size": IntSlider("convolution.pool.size", 1, 8, value=2),
        "stride": IntSlider("convolution.pool.stride", 1, 8, value=2),
        "source": Choice("convolution.pool.source", {"digit": "convolution.digit", **IMAGES}),
    }
    figsize = (8.0, 3.8)

    def setup(self, fig):
        self.ax_in, self.ax_out = fig.subplots(1, 2)
        self.sources = {}
        self.drawn_source = self.input_grid = None

    def compute(self, kind, size, stride, source):
        if source not in self.sources:
            self.sources[source] = digit_map() if source == "digit" else load_image(source)
        self.input = self.sources[source]
        layer = (MaxPool2D if kind == "max" else AvgPool2D)(size, stride)
        self.output = layer.forward(self.input[None, None], training=False)[0, 0]
        out_h, out_w = self.output.shape
        cell = (min(1, out_h - 1), min(1, out_w - 1))               # the outlined output cell
        return {"output_shape": self.output.shape, "cell": cell, "outlined": float(self.output[cell])}

    def draw(self, result, kind, size, stride, source):
        h, w = self.input.shape
        if source != self.drawn_source:                 # the input is redrawn only when it changes
            self.ax_in.clear()
            title = tr("convolution.input_title", h=h, w=w)
            if source == "digit":
                self.input_grid = NumberGrid(self.ax_in, self.input, cmap="Greys", vmin=0, vmax=16, fontsize=8,
                                             hide_zeros=True, title=title)
            else:
                self.input_grid = None
                show_image(self.ax_in, self.input, title=title)
            self.drawn_source = source
        out_h, out_w = self.output.shape
        row, column = result["cell"]
        if self.input_grid is not None:
            self.input_grid.set(self.input, window=(row * stride, column * stride, size, size))
        self.ax_out.clear()
        title = tr("convolution.pool.output_title", kind=tr(f"convolution.pool.{kind}"), h=out_h, w=out_w)
        if source == "digit":
            NumberGrid(self.ax_out, self.output, cmap="Greys", vmin=0, vmax=16, decimals=1, hide_zeros=True,
                       numbers=out_h <= 6, fontsize=8 if out_h > 4 else 11, window=(row, column, 1, 1),
                       title=title)
        else:
            show_image(self.ax_out, self.output, title=title)

    def caption(self, result):
        size, stride = self.params["size"], self.params["stride"]
        out_h, out_w = result["output_shape"]
        n_in = self.input.size
        text = tr("convolution.pool.caption", kind=tr(f"convolution.pool.{self.params['kind']}").capitalize(), k=size, s=stride,
                  size=self.input.shape[0], out=out_h, n_in=n_in, n_out=out_h * out_w,
                  percent=100 * out_h * out_w / n_in)
        if stride > size:
            text += tr("convolution.pool.skipped")
        elif stride < size:
            text += tr("convolution.pool.overlap")
        return text


# What the lesson's code cells print.
register({
    "convolution.print.shapes": {"en": "weights {weights} biases {biases}", "pt": "pesos {weights} vieses {biases}"},
    "convolution.print.parameters": {"en": "{name} {n:,} parameters", "pt": "{name} {n:,} parâmetros"},
    "convolution.print.stride": {"en": "S={stride}: output {shape}, formula ⌊(128 - 3) / {stride}⌋ + 1 = {size}",
                                 "pt": "S={stride}: saída {shape}, fórmula ⌊(128 - 3) / {stride}⌋ + 1 = {size}"},
    "convolution.print.padding": {"en": "K={K} {mode:5}: P={P}, formula {size}, Conv2D {engine}",
                                  "pt": "K={K} {mode:5}: P={P}, fórmula {size}, Conv2D {engine}"},
    "convolution.print.video": {"en": "video {video} kernel {kernel} output {output}",
                                "pt": "vídeo {video} kernel {kernel} saída {output}"},
    "convolution.print.layer": {"en": "{name}: weights {weights}, {n} parameters, output {output}",
                                "pt": "{name}: pesos {weights}, {n} parâmetros, saída {output}"},
    "convolution.print.pooled": {"en": "{kind} {shape} outlined cell: {cell} = {value:.2f}",
                                 "pt": "{kind} {shape} célula destacada: {cell} = {value:.2f}"},
})
