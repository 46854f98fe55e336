"""Translated strings for everything the code shows a reader (all lessons).

Every lesson notebook starts with ``set_language("pt")`` or ``set_language("en")``;
plot titles, axis labels, widget labels, exercise feedback and error messages then
follow that language.

Strings live beside the code that shows them: a module calls ``register`` with a
dict ``{key: {"pt": ..., "en": ...}}`` and later ``tr(key, **values)`` to get the text
in the current language, with ``str.format`` placeholders filled in.

Numbers follow the language too: in Portuguese a number field is written with the decimal
comma (``{loss:.2f}`` of 0.5 gives "0,50", ``{n:,}`` of 10000 gives "10.000"). A number
meant as Python code, to be typed back (``learning_rate={rate!r}``), takes a conversion
(``!r`` or ``!s``) and keeps its point.
"""

import numbers
import string

LANGUAGES = ("pt", "en")

_current = "en"
_strings = {}


def set_language(language):
    """Choose the language ("pt" or "en") of every string the lessons show."""
    global _current
    if language not in LANGUAGES:
        raise ValueError(
            f"set_language: unknown language {language!r}; expected one of "
            f"{', '.join(repr(code) for code in LANGUAGES)} "
            "('pt' for Português, 'en' for English)."
        )
    _current = language


def get_language():
    """The language currently in use: "pt" or "en"."""
    return _current


def register(strings):
    """Add translated strings: ``{key: {"pt": text, "en": text}}``.

    Both languages are required, so a missing translation fails at import time,
    not in front of a class. Registering a key twice with other texts is an error.
    """
    for key, texts in strings.items():
        missing = [code for code in LANGUAGES if code not in texts]
        if missing:
            raise ValueError(f"i18n.register: string {key!r} has no text for {missing}.")
        if key in _strings and _strings[key] != texts:
            raise ValueError(f"i18n.register: string {key!r} is already registered with other texts.")
        _strings[key] = dict(texts)


def tr(key, **values):
    """The text of ``key`` in the current language, placeholders filled from ``values``
    (numbers with the decimal comma in Portuguese: see ``number_text``)."""
    try:
        text = _strings[key][_current]
    except KeyError:
        raise KeyError(f"i18n.tr: no translated string named {key!r}; register it first.") from None
    return _FORMATTER.format(text, **values) if values else text


def number_text(text):
    """A number already formatted the English way ("1,234.5"), as the current language
    writes it: unchanged in English, "1.234,5" in Portuguese (decimal comma, dot between
    thousands). Every lesson's printed and pictured numbers go through it (``tr`` and
    ``nnlessons.plots.style.format_number``)."""
    return text.translate(_PORTUGUESE_DIGITS) if _current == "pt" else text


_PORTUGUESE_DIGITS = str.maketrans(".,", ",.")


class _NumberFormatter(string.Formatter):
    """``str.format`` whose number fields follow the current language (``number_text``)."""

    def format_field(self, value, format_spec):
        text = super().format_field(value, format_spec)
        is_number = isinstance(value, numbers.Real) and not isinstance(value, bool)
        return number_text(text) if is_number else text


_FORMATTER = _NumberFormatter()


def registered_keys():
    """All keys registered so far (used by the tests that check the catalogue)."""
    return sorted(_strings)
