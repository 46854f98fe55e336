"""Text alternatives (plots/alt.py): a static figure is described from its own texts in
the notebook's language and shown as an <img> with that alt text."""

import base64
import html
import re
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest
from IPython.core.formatters import DisplayFormatter
from matplotlib.figure import Figure

from nnlessons import i18n
from nnlessons.plots.alt import (describe_figure, explorer_alt, picture_html, plain_text, set_alt_text,
                                 show_figures_with_alt_text)

ROOT = Path(__file__).resolve().parents[1]


def two_axes():
    fig = Figure()
    fig.suptitle("Training")
    left, right = fig.subplots(1, 2)
    left.set_title(i18n.tr("alt.figure_plain"))     # any translated text will do
    left.set_xlabel("epoch")
    left.set_ylabel("loss")
    left.plot([0, 1], label="train")
    left.plot([1, 0], label="validation")
    left.legend()
    right.text(0.5, 0.5, "AI")
    right.text(0.2, 0.2, "ML")
    return fig


def test_a_figure_is_described_by_its_texts(language):
    description = describe_figure(two_axes())
    if language == "pt":
        assert description == ("Figura: Training · Figura sem títulos nem rótulos (eixo x: epoch; eixo y: loss; "
                               "train, validation) · AI, ML")
    else:
        assert description == ("Figure: Training · Figure without titles or labels (x axis: epoch; y axis: loss; "
                               "train, validation) · AI, ML")


def test_a_figure_without_texts_still_gets_a_description(language):
    fig = Figure()
    fig.add_subplot().plot([0, 1])
    assert describe_figure(fig) == {"pt": "Figura sem títulos nem rótulos",
                                    "en": "Figure without titles or labels"}[language]


def test_a_grid_of_numbers_is_not_read_out_and_long_descriptions_are_cut():
    fig = Figure()
    ax = fig.add_subplot()
    for i in range(20):
        ax.text(0, i, str(i))
    ax.set_title("x" * 1000)
    description = describe_figure(fig)
    assert "19" not in description and len(description) == 400 and description.endswith("…")


def test_plain_text_and_explorer_alt(language):
    assert plain_text("<b>1.00</b>  &lt;pad&gt;\n<i>same</i>") == "1.00 <pad> same"
    assert explorer_alt("<b>3</b>") == {"pt": "Figura do painel interativo. 3", "en": "Explorer picture. 3"}[language]


def test_picture_html_escapes_the_alt_and_keeps_the_bytes():
    tag = picture_html(b"\x89PNG-bytes", 'a "quoted" <text> & more', (10, 20))
    match = re.fullmatch(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)" width="10" height="20">', tag)
    assert base64.b64decode(match[1]) == b"\x89PNG-bytes"
    assert match[2] == "a &quot;quoted&quot; &lt;text&gt; &amp; more"


def test_figures_are_shown_as_an_img_with_alt_text(is_png):
    shell = SimpleNamespace(display_formatter=DisplayFormatter())
    show_figures_with_alt_text(shell, metadata={"Software": None})
    data, _ = shell.display_formatter.format(two_axes())
    assert "image/png" not in data
    match = re.fullmatch(r'<img src="data:image/png;base64,([^"]+)" alt="(Figure: Training[^"]+)">', data["text/html"])
    assert match and is_png(base64.b64decode(match[1]))
    assert shell.display_formatter.format(Figure())[0].get("text/html") is None     # nothing to show


def test_a_diagram_without_a_title_is_described_by_what_its_drawing_function_says(language):
    fig = Figure()
    ax = fig.add_subplot()
    ax.axis("off")
    set_alt_text(ax, "three boxes")
    assert describe_figure(fig) == {"pt": "Figura: three boxes", "en": "Figure: three boxes"}[language]
    ax.set_title("a title")                                           # a title wins
    assert describe_figure(fig).endswith(": a title")


def drawn(draw, *args, **kwargs):
    fig = Figure()
    draw(fig.add_subplot(), *args, **kwargs)
    return describe_figure(fig)


def test_the_lessons_diagrams_say_what_they_draw(language):
    from nnlessons.lessons.backpropagation.explorers import draw_chain
    from nnlessons.lessons.dot_product.explorers import draw_product
    from nnlessons.lessons.introduction.explorers import draw_table, fruit_data
    from nnlessons.plots import draw_neuron, draw_pipeline

    pt = language == "pt"
    neuron = drawn(draw_neuron, [1.0, -0.5], 2.5, inputs=[2.0, 1.0])
    assert neuron == ("Figura: um neurônio: entradas x₁ = 2, x₂ = 1; pesos w₁ = 1, w₂ = −0,5; viés b = 2,5; "
                      "soma ponderada Σ; saída y = 4" if pt else
                      "Figure: one neuron: inputs x₁ = 2, x₂ = 1; weights w₁ = 1, w₂ = −0.5; bias b = 2.5; "
                      "weighted sum Σ; output y = 4")
    assert drawn(draw_neuron, [1.0], 0.0, activation="ReLU").endswith(", depois ReLU; saída y" if pt else
                                                                        ", then ReLU; output y")
    assert "A (2, 4) @ B (4, 3) = (2, 3)" in drawn(draw_product, (2, 4), (4, 3))
    assert ("4 e 3 são diferentes" if pt else "4 and 3 differ") in drawn(draw_product, (2, 4), (3, 4))
    X, kind = fruit_data()[:2]
    assert ("tabela das primeiras 5 frutas" if pt else "table of the first 5 fruits") in drawn(draw_table, X, kind)
    chain = drawn(draw_chain, ["f", "g"], ["x", "y", "L"], ["dx", "dy", "1"])
    assert "f → g" in chain and "x; y; L" in chain and "1; dy; dx" in chain
    assert "Conv2D (8×6×6) → Flatten (288)" in drawn(draw_pipeline, [("Conv2D", "8×6×6"), ("Flatten", "288")])


def figure_alts(notebook):
    """The alt texts of the figures stored in a built notebook's outputs."""
    nb = nbformat.read(notebook, as_version=4)
    return [html.unescape(alt) for cell in nb.cells if cell.cell_type == "code" for output in cell.outputs
            for alt in re.findall(r'alt="([^"]*)"', output.get("data", {}).get("text/html", ""))]


@pytest.mark.parametrize("notebook", sorted(ROOT.glob("notebooks/*/[0-9][0-9]_*.ipynb")), ids=lambda path: f"{path.parent.name}-{path.stem}")
def test_no_lesson_figure_has_the_generic_alt_text(notebook):
    """Every figure a lesson shows says what it shows: a title, labels or set_alt_text."""
    language = i18n.get_language()
    i18n.set_language(notebook.parent.name)
    generic = i18n.tr("alt.figure_plain")
    i18n.set_language(language)
    assert generic not in figure_alts(notebook)


def test_most_lessons_show_figures_with_alt_text():
    """Guards the test above: the alt texts are found where lessons draw (all but a few
    lessons, such as the NumPy primer, show figures)."""
    notebooks = sorted(ROOT.glob("notebooks/*/[0-9][0-9]_*.ipynb"))
    with_alts = [path for path in notebooks if figure_alts(path)]
    assert len(with_alts) >= len(notebooks) - 6
