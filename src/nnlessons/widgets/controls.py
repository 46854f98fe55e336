"""The inputs of an explorer (every lesson; introduced in Lesson 00).

Each control knows its i18n label, its range or options and its starting value;
``validate(value, where, name)`` turns a value given from code into the one to use or
raises a teaching ``ValueError``, and ``make()`` builds the ipywidgets input that
``Widget.show()`` puts on screen (core ipywidgets only).
"""

import numpy as np

from ..i18n import register, tr

register({
    "widget.slider_range": {
        "en": "{where}: {name} must be a number from {low} to {high}, got {value!r}.",
        "pt": "{where}: {name} deve ser um número de {low} a {high}, recebeu {value!r}.",
    },
    "widget.choice": {
        "en": "{where}: {name} must be one of {options}, got {value!r}.",
        "pt": "{where}: {name} deve ser um de {options}, recebeu {value!r}.",
    },
    "widget.toggle": {
        "en": "{where}: {name} must be True or False, got {value!r}.",
        "pt": "{where}: {name} deve ser True ou False, recebeu {value!r}.",
    },
    "widget.text": {
        "en": "{where}: {name} must be a text (str) of at most {limit} characters, got {value!r}.",
        "pt": "{where}: {name} deve ser um texto (str) de no máximo {limit} caracteres, recebeu {value!r}.",
    },
})

#: Width given to control labels, so translated labels are not cut off.
LABEL_STYLE = {"description_width": "initial"}


class Control:
    """One input of an explorer: an i18n ``label`` key and a starting ``value``.

    ``validate(value, where, name)`` returns the value to use or raises a teaching
    ``ValueError``; ``make()`` builds the ipywidgets input for ``show()``.
    """

    def __init__(self, label, value):
        self.label = label
        self.value = value

    def validate(self, value, where, name):
        return value

    def make(self):
        raise NotImplementedError


class Slider(Control):
    """A float slider from ``low`` to ``high`` in steps of ``step``."""

    def __init__(self, label, low, high, step, value=None, continuous=True):
        super().__init__(label, low if value is None else value)
        self.low, self.high, self.step = low, high, step
        self.continuous = continuous

    def validate(self, value, where, name):
        bad = isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating))
        if bad or not self.low <= value <= self.high:
            raise ValueError(tr("widget.slider_range", where=where, name=name,
                                low=self.low, high=self.high, value=value))
        return float(value)

    def make(self):
        import ipywidgets
        return ipywidgets.FloatSlider(value=self.value, min=self.low, max=self.high, step=self.step,
                                      description=tr(self.label), style=LABEL_STYLE,
                                      continuous_update=self.continuous)


class IntSlider(Slider):
    """A whole-number slider from ``low`` to ``high``."""

    def __init__(self, label, low, high, step=1, value=None, continuous=True):
        super().__init__(label, low, high, step, value, continuous)

    def validate(self, value, where, name):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or not self.low <= value <= self.high:
            raise ValueError(tr("widget.slider_range", where=where, name=name,
                                low=self.low, high=self.high, value=value))
        return int(value)

    def make(self):
        import ipywidgets
        return ipywidgets.IntSlider(value=self.value, min=self.low, max=self.high, step=self.step,
                                    description=tr(self.label), style=LABEL_STYLE,
                                    continuous_update=self.continuous)


class Choice(Control):
    """One of a few options: ``options`` maps each value to the i18n key of its label."""

    def __init__(self, label, options, value=None):
        super().__init__(label, next(iter(options)) if value is None else value)
        self.options = dict(options)

    def validate(self, value, where, name):
        try:
            known = value in self.options
        except TypeError:  # an unhashable value such as a list
            known = False
        if not known:
            raise ValueError(tr("widget.choice", where=where, name=name,
                                options=list(self.options), value=value))
        return value

    def make(self):
        import ipywidgets
        return ipywidgets.ToggleButtons(options=[(tr(key), option) for option, key in self.options.items()],
                                        value=self.value, description=tr(self.label), style=LABEL_STYLE)


class Toggle(Control):
    """An on/off checkbox."""

    def __init__(self, label, value=False):
        super().__init__(label, value)

    def validate(self, value, where, name):
        if not isinstance(value, (bool, np.bool_)):
            raise ValueError(tr("widget.toggle", where=where, name=name, value=value))
        return bool(value)

    def make(self):
        import ipywidgets
        return ipywidgets.Checkbox(value=self.value, description=tr(self.label), style=LABEL_STYLE)


class Text(Control):
    """A line of text the reader types (Lesson 17); the picture follows on Enter or
    when the box loses focus, not at every key."""

    def __init__(self, label, value="", max_length=200):
        super().__init__(label, value)
        self.max_length = max_length

    def validate(self, value, where, name):
        if not isinstance(value, str) or len(value) > self.max_length:
            shown = value[:40] + "..." if isinstance(value, str) else value
            raise ValueError(tr("widget.text", where=where, name=name, limit=self.max_length, value=shown))
        return value

    def make(self):
        import ipywidgets
        return ipywidgets.Text(value=self.value, description=tr(self.label), style=LABEL_STYLE,
                               continuous_update=False, layout=ipywidgets.Layout(width="90%"))
