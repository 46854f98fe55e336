"""The widget base: declared controls, validated update(), PNG picture, ipywidgets view."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.widgets import Choice, IntSlider, Slider, Toggle, Widget
from nnlessons.plots.style import nice_limit
from nnlessons.lessons.introduction.explorers import FruitExplorer, fruit_data, nearest_sample

i18n.register({
    "test.w": {"en": "weight", "pt": "peso"},
    "test.b": {"en": "bias", "pt": "viés"},
    "test.n": {"en": "points", "pt": "pontos"},
    "test.shape": {"en": "shape", "pt": "forma"},
    "test.line": {"en": "line", "pt": "reta"},
    "test.parabola": {"en": "parabola", "pt": "parábola"},
    "test.grid": {"en": "grid", "pt": "grade"},
    "test.caption": {"en": "y(1) = {y:.2f}", "pt": "y(1) = {y:.2f}"},
})


class Line(Widget):
    """y = w·x + b (or w·x² + b) on a few points: a toy explorer for the tests."""

    controls = {
        "w": Slider("test.w", -2.0, 2.0, 0.1, value=1.0),
        "b": Slider("test.b", -2.0, 2.0, 0.1, value=0.0),
        "n": IntSlider("test.n", 2, 50, value=10),
        "shape": Choice("test.shape", {"line": "test.line", "parabola": "test.parabola"}),
        "grid": Toggle("test.grid", value=True),
    }

    def setup(self, fig):
        self.ax = fig.add_subplot()
        (self.curve,) = self.ax.plot([], [])
        self.ax.set_xlim(-3, 3)
        self.ax.set_ylim(-10, 10)

    def compute(self, w, b, n, shape, grid):
        if w == 0.0 and b == 0.0:
            raise ValueError("flat line: nothing to see")
        x = np.linspace(-3, 3, n)
        power = 1 if shape == "line" else 2
        return {"y_at_1": w * 1.0 ** power + b, "x": x, "y": w * x ** power + b}

    def draw(self, result, w, b, n, shape, grid):
        self.curve.set_data(result["x"], result["y"])
        self.ax.grid(grid)

    def caption(self, result):
        return i18n.tr("test.caption", y=result["y_at_1"])


def test_defaults_come_from_the_controls():
    widget = Line()
    assert widget.params == {"w": 1.0, "b": 0.0, "n": 10, "shape": "line", "grid": True}
    assert widget.result["y_at_1"] == 1.0


def test_update_returns_the_computed_values_and_keeps_the_others():
    widget = Line()
    assert widget.update(b=0.5)["y_at_1"] == 1.5
    assert widget.update(shape="parabola", w=-1.0)["y_at_1"] == -0.5
    assert widget.params["b"] == 0.5
    np.testing.assert_allclose(widget.curve.get_ydata(), -np.linspace(-3, 3, 10) ** 2 + 0.5)


def test_constructor_accepts_starting_values():
    assert Line(w=2.0, n=3).result["x"].shape == (3,)


@pytest.mark.parametrize("params, fragment", [
    ({"weight": 1.0}, "'weight'"),
    ({"w": 5.0}, "-2.0"),
    ({"w": "1"}, "'1'"),
    ({"n": 2.5}, "2.5"),
    ({"n": True}, "True"),
    ({"shape": "circle"}, "circle"),
    ({"shape": ["line"]}, "['line']"),
    ({"grid": "yes"}, "yes"),
])
def test_bad_parameters_raise_a_teaching_error(params, fragment, language):
    with pytest.raises(ValueError) as error:
        Line().update(**params)
    assert fragment in str(error.value) or i18n.number_text(fragment) in str(error.value)
    assert "Line" in str(error.value)
    if "weight" not in params:
        name = next(iter(params))
        assert name in str(error.value)


def test_unknown_parameter_lists_the_known_ones(language):
    with pytest.raises(ValueError, match="w, b, n, shape, grid"):
        Line().update(weight=1.0)


def test_png_is_a_png_and_reproducible(is_png):
    first, second = Line(), Line()
    assert is_png(first.png())
    assert first.png() == second.png()
    second.update(w=-1.0)
    assert first.png() != second.png()


def test_show_builds_translated_controls_and_a_picture(language, is_png, picture):
    widget = Line()
    box = widget.show()
    controls, image, caption = box.children
    labels = [control.description for control in controls.children]
    assert labels == (["peso", "viés", "pontos", "forma", "grade"] if language == "pt"
                      else ["weight", "bias", "points", "shape", "grid"])
    png, alt, size = picture(image)
    assert is_png(png) and size == widget.figure.size() == (480, 288)
    assert caption.value == i18n.number_text("y(1) = 1.00")
    assert alt == ("Figura do painel interativo. " if language == "pt" else "Explorer picture. ") + i18n.number_text("y(1) = 1.00")
    labels = ("reta", "parábola") if language == "pt" else ("line", "parabola")
    assert tuple(controls.children[3].options) == tuple(zip(labels, ("line", "parabola")))


def test_moving_a_control_updates_result_picture_and_caption(picture):
    widget = Line()
    controls, image, caption = widget.show().children
    before = picture(image)[0]
    controls.children[1].value = 1.0          # the bias slider
    assert widget.params["b"] == 1.0 and widget.result["y_at_1"] == 2.0
    assert picture(image)[0] != before
    assert caption.value == "y(1) = 2.00"


def test_update_from_code_moves_the_shown_controls():
    widget = Line()
    controls, image, caption = widget.show().children
    widget.update(w=-0.5, shape="parabola")
    assert controls.children[0].value == -0.5
    assert controls.children[3].value == "parabola"
    assert caption.value == "y(1) = -0.50"


def test_an_error_while_sliding_is_shown_not_raised():
    widget = Line()
    controls, image, caption = widget.show().children
    controls.children[0].value = 0.0          # w = b = 0 makes compute raise
    assert "flat line" in caption.value


# ---- lesson 00's explorer -------------------------------------------------------------
def test_nearest_sample_puts_features_on_one_scale():
    X, _, _ = fruit_data()
    # in raw units, 188 g / 7.7 cm and 180 g / 7.9 cm are 8 g apart; on one scale the
    # diameter difference counts as much as the mass difference
    assert nearest_sample(X, [188.0, 7.7]) == 4
    assert nearest_sample(X, [181.0, 7.9]) == 5


def test_fruit_explorer_predicts_from_the_nearest_fruit(language):
    explorer = FruitExplorer()
    assert explorer.update(task="classification", mass=185.0, diameter=7.6) == {"nearest": 4, "prediction": 0}
    assert explorer.update(task="regression") == {"nearest": 4, "prediction": 55.0}
    assert explorer.update(mass=250.0, diameter=9.0) == {"nearest": 9, "prediction": 104.0}
    explorer.update(task="classification")
    assert ("maçã" if language == "pt" else "apple") not in explorer.caption(explorer.result)
    assert ("laranja" if language == "pt" else "orange") in explorer.caption(explorer.result)


def test_fruit_explorer_view_switches_task():
    explorer = FruitExplorer()
    controls, image, caption = explorer.show().children
    controls.children[0].value = "regression"
    assert "mL" in caption.value and explorer.by_juice.get_visible()
    assert not any(artist.get_visible() for artist in explorer.by_kind)


@pytest.mark.parametrize("value, limit", [(0.7, 1.0), (1.0, 1.0), (1.01, 2.0), (3.3, 5.0), (7.0, 10.0),
                                          (0.013, 0.02), (420.0, 500.0), (0.0, 1.0), (float("inf"), 1.0)])
def test_nice_limit_rounds_up_to_1_2_5_steps(value, limit):
    assert nice_limit(value) == pytest.approx(limit)


def test_changed_says_when_a_value_is_new():
    widget = Line()
    assert widget.changed("limits", (0, 1))
    assert not widget.changed("limits", (0, 1))
    assert widget.changed("limits", (0, 2))
    assert widget.changed("array", np.arange(3)) and not widget.changed("array", np.arange(3))


class BlittedLine(Line):
    """``Line`` whose curve is animated and whose draw leaves everything else alone."""

    def setup(self, fig):
        super().setup(fig)
        self.animate(self.curve)

    def draw(self, result, **params):
        self.curve.set_data(result["x"], result["y"])


def test_animated_artists_are_repainted_over_the_cached_background():
    widget = BlittedLine()
    first = widget.render().copy()
    assert widget.figure.background is not None and not widget.fig.stale
    widget.update(w=-1.0)
    assert not widget.fig.stale                    # only the animated line changed
    moved = widget.render().copy()
    assert not np.array_equal(first, moved)
    widget.invalidate()                            # a full render gives the same picture
    assert np.array_equal(moved, widget.render())


def test_replacing_animated_artists_keeps_the_cached_background():
    widget = BlittedLine()
    widget.render()
    (old,) = widget.ax.plot([0, 1], [0, 1])
    widget.animate(old)
    widget.render()
    new = widget.replace_animated([old], lambda: widget.ax.plot([0, 1], [1, 0]))
    assert old not in widget.ax.lines and new[0] in widget.ax.lines
    assert not widget.fig.stale                    # still a blit...
    blitted = widget.render().copy()
    widget.invalidate()                            # ...and the same picture as a fresh render
    assert np.array_equal(blitted, widget.render())


def test_invalidate_makes_the_next_picture_a_full_render():
    widget = BlittedLine()
    legend = widget.fig.legend([widget.curve], ["before"])
    before = widget.render().copy()
    legend.get_texts()[0].set_text("after, a much longer label")   # the figure is not told
    widget.fig.stale = False
    assert np.array_equal(before, widget.render())                  # so a blit keeps the old text
    widget.invalidate()
    assert not np.array_equal(before, widget.render())              # a full render shows the new one


class Quoted(Line):
    def caption(self, result):
        return f'<b>y(1)</b> = {result["y_at_1"]:.2f} &lt; "2" &amp; more'


def test_the_picture_alt_is_the_caption_as_plain_text_and_follows_updates(picture):
    widget = Quoted()
    widget.show()
    first_png, alt, _ = picture(widget._view.image)
    assert alt == 'Explorer picture. y(1) = 1.00 < "2" & more'
    widget.update(w=-1.0)
    png, alt, _ = picture(widget._view.image)
    assert alt == 'Explorer picture. y(1) = -1.00 < "2" & more' and png != first_png
