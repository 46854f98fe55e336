"""What every lesson's picture shares (plots/style.py): the Okabe–Ito palette as the default
colour cycle, and tick labels written as the notebook's language writes numbers."""

from types import SimpleNamespace

import matplotlib
import pytest
from IPython.core.formatters import DisplayFormatter
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

from nnlessons import i18n
from nnlessons.lesson import setup_lesson
from nnlessons.plots.alt import show_figures_with_alt_text
from nnlessons.plots.style import CLASS_COLORS, LanguageTickFormatter, use_language_ticks, use_palette
from nnlessons.widgets.figure import BlitFigure


@pytest.fixture
def restore_style():
    """Whatever a test changes in matplotlib's settings or the language is undone after it."""
    language = i18n.get_language()
    with matplotlib.rc_context():
        yield
    i18n.set_language(language)


def test_lines_with_no_colour_of_their_own_take_the_palette_in_order(restore_style):
    use_palette()
    ax = Figure().add_subplot()
    lines = [ax.plot([0, 1], [k, k])[0] for k in range(3)]
    points = ax.scatter([0], [0])                       # scatters have a cycle of their own
    assert [to_hex(line.get_color()) for line in lines] == [color.lower() for color in CLASS_COLORS[:3]]
    assert to_hex(points.get_facecolor()[0]) == CLASS_COLORS[0].lower()


def test_setup_lesson_draws_in_the_palette(restore_style):
    matplotlib.rcdefaults()
    setup_lesson("en")
    colors = matplotlib.rcParams["axes.prop_cycle"].by_key()["color"]
    assert colors == list(CLASS_COLORS) and colors[:2] != ["#1f77b4", "#ff7f0e"]   # not tab10


def tick_texts(axis):
    return [label.get_text() for label in axis.get_ticklabels() if label.get_text()]


EXPECTED_TICKS = {"pt": ["−1,0", "−0,5", "0,0", "0,5", "1,0"], "en": ["−1.0", "−0.5", "0.0", "0.5", "1.0"]}


def test_a_shown_figure_writes_its_ticks_in_the_notebooks_language(language):
    """The figure a lesson shows (as setup_lesson shows it: an <img> with alt text)."""
    shell = SimpleNamespace(display_formatter=DisplayFormatter())
    show_figures_with_alt_text(shell)
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([-1, 1], [-1, 1])
    ax.set(xlim=(-1, 1), xticks=[-1, -0.5, 0, 0.5, 1], ylim=(-1, 1), yticks=[-1, -0.5, 0, 0.5, 1])
    shell.display_formatter.format(fig)                   # draws it
    assert tick_texts(ax.xaxis) == tick_texts(ax.yaxis) == EXPECTED_TICKS[language]


def test_an_explorers_picture_writes_its_ticks_in_the_notebooks_language(language):
    picture = BlitFigure((3, 2), 50)
    ax = picture.fig.add_subplot()
    ax.set(xlim=(-1, 1), xticks=[-1, -0.5, 0, 0.5, 1])
    picture.render()
    assert tick_texts(ax.xaxis) == EXPECTED_TICKS[language]


def test_ticks_keep_their_settings_and_labels_of_their_own(restore_style):
    i18n.set_language("pt")
    fig = Figure()
    ax = fig.add_subplot()
    ax.plot([1e6, 1e6 + 1.5], [1, 2])
    ax.ticklabel_format(axis="x", useOffset=1e6)
    ax.set_yticks([1, 2], ["one", "two"])
    use_language_ticks(fig)
    fig.canvas.draw()
    assert isinstance(ax.xaxis.get_major_formatter(), LanguageTickFormatter)
    assert ax.xaxis.get_major_formatter().offset == 1e6 and "0,4" in tick_texts(ax.xaxis)
    assert tick_texts(ax.yaxis) == ["one", "two"]
