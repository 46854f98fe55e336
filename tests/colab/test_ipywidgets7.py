"""The explorers as Google Colab runs them (issue 11): ipywidgets 7.7.1, the package
installed normally (not from this clone's ``src/``). Every explorer of every lesson builds
its view, and each of its controls, moved in that view as a reader moves it and then set
back from code, runs ``update``, follows in the view and leaves a picture and no error."""

from pathlib import Path

import ipywidgets
import numpy as np
import pytest

import nnlessons
from nnlessons.widgets import Choice, IntSlider, Slider, Text, Toggle, explorer_classes


def test_this_is_colabs_ipywidgets_and_an_installed_nnlessons():
    assert ipywidgets.__version__ == "7.7.1"
    assert Path(nnlessons.__file__).parent.parent.name == "site-packages", nnlessons.__file__


def another_value(control, shown):
    """A value of ``control`` other than the one the view ``shown`` holds."""
    if isinstance(control, Toggle):
        return not shown
    if isinstance(control, Choice):
        return next(option for option in control.options if option != shown)
    if isinstance(control, IntSlider):
        return control.low if shown != control.low else control.high
    if isinstance(control, Slider):     # a multiple of the step, as a slider gives it
        steps = round((control.high - control.low) / control.step)
        value = control.low + (steps // 2) * control.step
        return float(value if not np.isclose(value, shown) else control.low)
    if isinstance(control, Text):
        return shown + " ok"
    raise AssertionError(f"no test value for a {type(control).__name__}")


@pytest.mark.parametrize("cls", explorer_classes(), ids=lambda cls: f"{cls.__module__.split('.')[2]}.{cls.__name__}")
def test_every_control_of_every_explorer_works_under_ipywidgets_7(cls, is_png, picture):
    explorer = cls()
    box = explorer.show()
    try:
        assert isinstance(box, ipywidgets.VBox)
        view = explorer._view
        for name, control in cls.controls.items():
            input_ = view.inputs[name]
            start = input_.value
            input_.value = another_value(control, start)       # the reader moves it
            caption = view.caption.value
            assert np.isclose(explorer.params[name], input_.value) if isinstance(control, Slider) \
                else explorer.params[name] == input_.value, f"{name}: {caption}"
            png, alt, _ = picture(view.image)
            assert is_png(png) and alt, view.image.value[:200]
            explorer.update(**{name: start})                    # code sets it back
            assert input_.value == start and explorer.params[name] == start, name
    finally:
        explorer.close()
    assert explorer._view is None and box.comm is None


def test_a_kernel_box_shows_its_tooltip_under_ipywidgets_7():
    """ipywidgets 7 has no ``tooltip`` trait (a ``tooltip=`` keyword is silently dropped)
    and shows ``description_tooltip`` only over a visible description."""
    from nnlessons.lessons.convolution.explorers import KernelEditor

    box = KernelEditor.controls["k12"].make()
    assert not box.has_trait("tooltip")
    assert box.description == "1,2" and box.description_tooltip == "kernel[1, 2]"
