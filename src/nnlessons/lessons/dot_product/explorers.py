"""Lesson 02's shape explorer: when does ``A @ B`` work, what shape comes out, and
which transpose fixes it when it does not.

The rule (NumPy's ``@``, ``np.dot`` for 2-D arrays): ``(m, k) @ (k, n) → (m, n)``; the
inner sizes must match, because each result ``C[i, j] = Σ_t A[i, t]·B[t, j]`` is the
dot product of row i of A with column j of B. A 1-D array of length k acts as a row
``(1, k)`` on the left and as a column ``(k, 1)`` on the right, and that axis is
dropped from the result: ``(m, k) @ (k,) → (m,)``.

Mismatch messages reuse the engine's own i18n texts (``err.features`` and
``hint.transpose`` in ``nnlessons.validation``), so the explorer says what
``Dense.forward`` would say.
"""

import html

import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Rectangle

from ... import validation  # noqa: F401  (registers the engine's err.features and hint.transpose)
from ...i18n import register, tr
from ...plots.alt import set_alt_text
from ...plots.style import RIGHT_COLOR, WRONG_COLOR
from ...widgets import IntSlider, Toggle, Widget

register({
    "dot_product.product_alt": {
        "en": "{a} @ {b} = {c} drawn as grids; shaded: the row of {name_a} and the column of {name_b} "
              "whose dot product is the first entry of the result",
        "pt": "{a} @ {b} = {c} desenhado como grades; destacadas: a linha de {name_a} e a coluna de {name_b} "
              "cujo produto escalar é o primeiro elemento do resultado",
    },
    "dot_product.mismatch_alt": {
        "en": "{a} @ {b} drawn as grids: the inner sizes {k} and {p} differ, so there is no product",
        "pt": "{a} @ {b} desenhado como grades: os tamanhos internos {k} e {p} são diferentes, então não há produto",
    },
    "dot_product.a_rows": {"en": "rows of A", "pt": "linhas de A"},
    "dot_product.a_cols": {"en": "columns of A", "pt": "colunas de A"},
    "dot_product.b_rows": {"en": "rows of B", "pt": "linhas de B"},
    "dot_product.b_cols": {"en": "columns of B", "pt": "colunas de B"},
    "dot_product.a_t": {"en": "transpose A (use A.T)", "pt": "transpor A (usar A.T)"},
    "dot_product.b_t": {"en": "transpose B (use B.T)", "pt": "transpor B (usar B.T)"},
    "dot_product.ok": {
        "en": "<code>{expr}</code>: {shape_a} @ {shape_b} → <b>{shape}</b>. Every entry of the result "
              "({count} in all) is the dot product of a row of {name_a} with a column of {name_b}, "
              "both of length {k}.",
        "pt": "<code>{expr}</code>: {shape_a} @ {shape_b} → <b>{shape}</b>. Cada elemento do resultado "
              "({count} no total) é o produto escalar de uma linha de {name_a} com uma coluna de {name_b}, "
              "ambas de comprimento {k}.",
    },
    "dot_product.fix": {"en": "This lines them up: <code>{expr}</code> → {shape}.",
                   "pt": "Assim eles se alinham: <code>{expr}</code> → {shape}."},
    "dot_product.no_fix": {
        "en": "No transpose helps: no side of {name_a} {shape_a} equals a side of {name_b} {shape_b}. "
              "Change a size.",
        "pt": "Nenhuma transposição resolve: nenhum lado de {name_a} {shape_a} é igual a um lado de "
              "{name_b} {shape_b}. Mude um tamanho.",
    },
    "dot_product.mismatch": {"en": "✗ {k} ≠ {p}", "pt": "✗ {k} ≠ {p}"},
})

#: Fill colours: the row of A and the column of B that make result C[0, 0], and C[0, 0].
ROW_COLOR, COLUMN_COLOR, CELL_COLOR = "#9ecae1", "#fdae6b", "#a1d99b"
MATCH_COLOR, MISMATCH_COLOR = RIGHT_COLOR, WRONG_COLOR


def product_shape(shape_a, shape_b):
    """Shape of ``A @ B`` for 1-D or 2-D shapes, or ``None`` when the inner sizes differ.

    ``(m, k) @ (k, n) → (m, n)``, ``(m, k) @ (k,) → (m,)``, ``(k,) @ (k, n) → (n,)``,
    ``(k,) @ (k,) → ()`` (a single number: the dot product).
    """
    inner_a = shape_a[-1]
    inner_b = shape_b[0]
    if inner_a != inner_b:
        return None
    return tuple(shape_a[:-1]) + tuple(shape_b[1:])


def transposed(expr):
    """``"B"`` → ``"B.T"`` and ``"B.T"`` → ``"B"``: the expression turned around."""
    return expr[:-2] if expr.endswith(".T") else expr + ".T"


def explain_mismatch(shape_a, shape_b, expr_a="A", expr_b="B"):
    """Why ``expr_a @ expr_b`` fails, in the engine's words, and a transpose that fixes it.

    ``shape_a`` (m, k) and ``shape_b`` (p, n) are the 2-D shapes as used (after any
    ``.T``), with k ≠ p. The fixes tried, in order: turn B around, turn A around, turn
    both. The message blames the operand the first working fix turns (B when it is
    both, as weights are what is usually stored the other way round), with the
    engine's ``err.features`` text plus, when one flip of a not-yet-transposed operand
    fixes it, the engine's ``hint.transpose`` ("try B.T"). Returns
    ``(message, fix, fix_shape)``; ``fix`` is the repaired expression, ``None`` when no
    transpose helps.
    """
    (m, k), (p, n) = shape_a, shape_b
    flips = [  # (expression, shape of its result, operand turned around)
        (f"{expr_a} @ {transposed(expr_b)}", product_shape((m, k), (n, p)), expr_b),
        (f"{transposed(expr_a)} @ {expr_b}", product_shape((k, m), (p, n)), expr_a),
        (f"{transposed(expr_a)} @ {transposed(expr_b)}", product_shape((k, m), (n, p)), None),
    ]
    fix, fix_shape, turned = next((flip for flip in flips if flip[1] is not None), (None, None, None))
    if turned == expr_a:
        name, expected, got = expr_a, f"(m, {p})", (m, k)
    else:
        name, expected, got = expr_b, f"({k}, n)", (p, n)
    hint = tr("hint.transpose", name=name) if turned is not None and not turned.endswith(".T") else ""
    message = tr("err.features", where=f"{expr_a} @ {expr_b}", name=name, expected=expected, got=got, hint=hint)
    return message, fix, fix_shape


def _as_grid(shape, side):
    """``(rows, cols, sizes)`` drawn for a 0-, 1- or 2-D shape: a 1-D array is a row
    on the ``"left"`` of ``@`` and a column on the ``"right"``; ``sizes`` names the
    sizes worth writing (a 1-D array has only its length)."""
    if len(shape) == 2:
        return shape[0], shape[1], ("rows", "cols")
    if len(shape) == 1:
        return (1, shape[0], ("cols",)) if side == "left" else (shape[0], 1, ("rows",))
    return 1, 1, ()


def draw_matrix(ax, rows, cols, left, name, sizes=("rows", "cols"), highlight=None, inner=None,
                inner_color=MATCH_COLOR):
    """Draw a ``rows × cols`` grid of unit cells on ``ax``, centred on y = 0, from x = ``left``.

    ``name`` is written under it; ``sizes`` says which sizes to write: the number of
    rows (left side) and/or of columns (on top); ``highlight`` is ``("row", i, colour)``,
    ``("col", j, colour)`` or ``("cell", (i, j), colour)``; ``inner`` ("rows" or "cols")
    writes that size in ``inner_color``, bold: the size that must match.
    """
    top = rows / 2
    if highlight is not None:
        kind, index, color = highlight
        i, j = index if kind == "cell" else (index, index)
        x, y, w, h = {"row": (left, top - i - 1, cols, 1), "col": (left + j, top - rows, 1, rows),
                      "cell": (left + j, top - i - 1, 1, 1)}[kind]
        ax.add_patch(Rectangle((x, y), w, h, facecolor=color, edgecolor="none", zorder=1))
    lines = [[(left, top - r), (left + cols, top - r)] for r in range(rows + 1)]
    lines += [[(left + c, top), (left + c, top - rows)] for c in range(cols + 1)]
    ax.add_collection(LineCollection(lines, colors="0.25", linewidths=1.0, zorder=2))
    for which, value, xy, align in (("rows", rows, (left - 0.25, 0), ("right", "center")),
                                    ("cols", cols, (left + cols / 2, top + 0.2), ("center", "bottom"))):
        if which not in sizes:
            continue
        strong = which == inner
        ax.text(*xy, str(value), ha=align[0], va=align[1], fontsize=11 if strong else 9,
                color=inner_color if strong else "0.45", weight="bold" if strong else "normal")
    ax.text(left + cols / 2, -top - 0.3, name, ha="center", va="top", fontsize=10)


def draw_product(ax, shape_a, shape_b, name_a="A", name_b="B", width=None):
    """Draw ``A @ B = C`` as grids on ``ax`` (Lesson 02), for 1-D or 2-D shapes.

    The row of A and the column of B that give ``C[0, 0]`` are shaded, and the inner
    sizes (A's columns, B's rows) are written in blue when they match, in vermillion (and
    no C) when they do not. ``width`` fixes the drawing's width in cells (content
    centred), so a redrawn picture does not jump; ``None`` fits the content.
    """
    shape_c = product_shape(shape_a, shape_b)
    ok = shape_c is not None
    rows_a, cols_a, sizes_a = _as_grid(shape_a, "left")
    rows_b, cols_b, sizes_b = _as_grid(shape_b, "right")
    # C is a row when A is the 1-D one, else a column (or a single cell)
    rows_c, cols_c, sizes_c = _as_grid(shape_c, "left" if len(shape_a) == 1 else "right") if ok else (1, 1.5, ())
    total = cols_a + cols_b + cols_c + 5.2
    start = 0.7 if width is None else (width - total) / 2 + 0.7
    color = MATCH_COLOR if ok else MISMATCH_COLOR
    left_b = start + cols_a + 2.2
    draw_matrix(ax, rows_a, cols_a, start, f"{name_a}  {tuple(shape_a)}", sizes_a,
                highlight=("row", 0, ROW_COLOR), inner="cols", inner_color=color)
    ax.text(start + cols_a + 1.0, 0, "@", ha="center", va="center", fontsize=16)
    draw_matrix(ax, rows_b, cols_b, left_b, f"{name_b}  {tuple(shape_b)}", sizes_b,
                highlight=("col", 0, COLUMN_COLOR), inner="rows", inner_color=color)
    equals_x = left_b + cols_b + 1.0
    if ok:
        ax.text(equals_x, 0, "=", ha="center", va="center", fontsize=16)
        draw_matrix(ax, rows_c, cols_c, equals_x + 1.0, f"{tuple(shape_c)}", sizes_c,
                    highlight=("cell", (0, 0), CELL_COLOR))
    else:
        ax.text(equals_x + 0.4, 0, tr("dot_product.mismatch", k=shape_a[-1], p=shape_b[0]), ha="left",
                va="center", fontsize=13, color=MISMATCH_COLOR, weight="bold")
    a, b = f"{name_a} {tuple(shape_a)}", f"{name_b} {tuple(shape_b)}"
    set_alt_text(ax, tr("dot_product.product_alt", a=a, b=b, c=tuple(shape_c), name_a=name_a, name_b=name_b) if ok
                 else tr("dot_product.mismatch_alt", a=a, b=b, k=shape_a[-1], p=shape_b[0]))
    rows = max(rows_a, rows_b, rows_c)
    ax.set_xlim(0, total if width is None else width)
    ax.set_ylim(-rows / 2 - 1.0, rows / 2 + 0.8)
    ax.set_aspect("equal")
    ax.axis("off")
    return shape_c


class ShapeExplorer(Widget):
    """Choose the shapes of A and B, and whether to transpose each (Lesson 02): see the
    shape of ``A @ B`` with the row·column pair behind ``C[0, 0]``, or the teaching
    error and a transpose that lines the shapes up.

    ``update(a_rows=..., a_cols=..., b_rows=..., b_cols=..., a_t=..., b_t=...)``
    returns ``{"expr", "shape_a", "shape_b", "shape" (None on a mismatch), "message"
    (the error text, or None), "fix", "fix_shape"}``; shapes are those used, after ``.T``.
    """

    controls = {
        "a_rows": IntSlider("dot_product.a_rows", 1, 6, value=2),
        "a_cols": IntSlider("dot_product.a_cols", 1, 6, value=4),
        "b_rows": IntSlider("dot_product.b_rows", 1, 6, value=3),
        "b_cols": IntSlider("dot_product.b_cols", 1, 6, value=4),
        "a_t": Toggle("dot_product.a_t", value=False),
        "b_t": Toggle("dot_product.b_t", value=True),
    }
    figsize = (8.0, 3.0)
    #: Width of the drawing in cells: the widest A, B and C (6 each) plus signs.
    width = 24.5
    #: Keep a fixed height too, so grids do not change scale between updates.
    rows_shown = 6

    def setup(self, fig):
        self.ax = fig.add_subplot()

    def compute(self, a_rows, a_cols, b_rows, b_cols, a_t, b_t):
        expr_a, expr_b = ("A.T" if a_t else "A"), ("B.T" if b_t else "B")
        shape_a = (a_cols, a_rows) if a_t else (a_rows, a_cols)
        shape_b = (b_cols, b_rows) if b_t else (b_rows, b_cols)
        shape = product_shape(shape_a, shape_b)
        message = fix = fix_shape = None
        if shape is None:
            message, fix, fix_shape = explain_mismatch(shape_a, shape_b, expr_a, expr_b)
        return {"expr": f"{expr_a} @ {expr_b}", "shape_a": shape_a, "shape_b": shape_b, "shape": shape,
                "message": message, "fix": fix, "fix_shape": fix_shape}

    def draw(self, result, **params):
        self.ax.cla()
        name_a, name_b = result["expr"].split(" @ ")
        draw_product(self.ax, result["shape_a"], result["shape_b"], name_a, name_b, width=self.width)
        self.ax.set_ylim(-self.rows_shown / 2 - 1.0, self.rows_shown / 2 + 0.8)

    def caption(self, result):
        name_a, name_b = result["expr"].split(" @ ")
        if result["shape"] is not None:
            count = int(np.prod(result["shape"]))
            return tr("dot_product.ok", expr=result["expr"], shape_a=result["shape_a"], shape_b=result["shape_b"],
                      shape=result["shape"], count=count, name_a=name_a, name_b=name_b,
                      k=result["shape_a"][1])
        if result["fix"] is None:
            advice = tr("dot_product.no_fix", name_a=name_a, name_b=name_b, shape_a=result["shape_a"],
                        shape_b=result["shape_b"])
        else:
            advice = tr("dot_product.fix", expr=result["fix"], shape=result["fix_shape"])
        return f"<span style='color:#b22222'>{html.escape(result['message'])}</span><br>{advice}"
