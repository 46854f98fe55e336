"""Text alternatives (plots/alt.py): a static figure is described from its own texts in
the notebook's language and shown as an <img> with that alt text."""

import base64
import re
from types import SimpleNamespace

from IPython.core.formatters import DisplayFormatter
from matplotlib.figure import Figure

from nnlessons import i18n
from nnlessons.plots.alt import describe_figure, explorer_alt, picture_html, plain_text, show_figures_with_alt_text


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
    assert explorer_alt("<b>3</b>") == {"pt": "Figura do explorador. 3", "en": "Explorer picture. 3"}[language]


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
