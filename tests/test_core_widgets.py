"""Every widget stored in the built notebooks is a core ipywidgets model (issue 11): VS Code
renders nothing else offline (third-party widget JavaScript comes from a CDN), and Colab
supports only its own ipywidgets 7 front end. The stored widget state
(``metadata.widgets``) names each model's module and class; all must be
``@jupyter-widgets/base``, ``controls`` or ``output`` models that ipywidgets defines."""

import copy
import functools
from pathlib import Path

import ipywidgets
import nbformat
import pytest

from nnlessons import build
from nnlessons.build import WIDGET_STATE, WIDGET_VIEW

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[a-z][a-z]/[0-9][0-9]_*.ipynb"))
CORE_MODULES = ("@jupyter-widgets/base", "@jupyter-widgets/controls", "@jupyter-widgets/output")


def core_models():
    """``{(module, model name)}`` of every model class ipywidgets itself defines."""
    found, stack = set(), [ipywidgets.Widget]
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        module, name = cls.class_traits().get("_model_module"), cls.class_traits().get("_model_name")
        if module is not None and module.default_value in CORE_MODULES:
            found.add((module.default_value, name.default_value))
    return found


@functools.cache
def read(path):
    return nbformat.read(path, as_version=4)


def stored_models(notebook):
    """``{model id: (module, model name)}`` of the widget state stored in ``notebook``."""
    state = notebook.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    return {model_id: (model["model_module"], model["model_name"]) for model_id, model in state.items()}


def non_core(notebook, core):
    return {model_id: model for model_id, model in stored_models(notebook).items() if model not in core}


@pytest.fixture(scope="module")
def core():
    return core_models()


def test_the_core_models_are_known(core):
    assert {("@jupyter-widgets/controls", "FloatSliderModel"), ("@jupyter-widgets/controls", "ImageModel"),
            ("@jupyter-widgets/base", "LayoutModel"), ("@jupyter-widgets/output", "OutputModel")} <= core


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_stored_widget_is_a_core_model(path, core):
    assert non_core(read(path), core) == {}


def widget_cells(notebook):
    """The code cells that show a widget (``build.shows_panel``)."""
    return [cell for cell in notebook.cells if build.shows_panel(cell)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_every_widget_shown_has_its_model_stored(path):
    """Guards the test above: what the outputs show is in the state it checks, and a
    lesson whose cells show widgets has their views stored (the NumPy primer and lessons 16 and 18 show none)."""
    notebook = read(path)
    shown = {output.data[WIDGET_VIEW]["model_id"] for cell in notebook.cells for output in cell.get("outputs", [])
             if WIDGET_VIEW in output.get("data", {})}
    assert bool(shown) == bool(widget_cells(notebook)), "widget cells without stored views, or views without one"
    assert shown <= set(stored_models(notebook))


def test_most_lessons_show_widgets():
    """The test above is not vacuous: most built lessons show a widget."""
    with_widgets = [path for path in NOTEBOOKS if widget_cells(read(path))]
    assert len(with_widgets) > len(NOTEBOOKS) / 2


def test_a_third_party_model_is_caught(core):
    notebook = read(ROOT / "notebooks" / "en" / "01_neuron.ipynb")
    fake = copy.deepcopy(notebook)
    fake.metadata.setdefault("widgets", {}).setdefault(WIDGET_STATE, {}).setdefault("state", {})["f" * 32] = {
        "model_module": "jupyter-matplotlib", "model_module_version": "^0.11", "model_name": "MPLCanvasModel",
        "state": {}}
    assert non_core(fake, core) == {"f" * 32: ("jupyter-matplotlib", "MPLCanvasModel")}
    impostor = copy.deepcopy(notebook)
    impostor.metadata.widgets[WIDGET_STATE]["state"]["e" * 32] = {
        "model_module": "@jupyter-widgets/controls", "model_name": "CanvasModel", "state": {}}
    assert non_core(impostor, core) == {"e" * 32: ("@jupyter-widgets/controls", "CanvasModel")}
