"""Numbers follow the notebook's language (issue 14): the decimal comma in Portuguese, in
every string ``tr`` fills and in every number ``format_number`` draws; a number meant as
Python code (a ``!r`` field) keeps its point."""

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.i18n import number_text, register, tr
from nnlessons.plots.style import format_number

register({"test_numbers.row": {"en": "loss {loss:.2f}, {count:,} samples, {ok}, rate={rate!r}, {name}",
                               "pt": "perda {loss:.2f}, {count:,} amostras, {ok}, rate={rate!r}, {name}"}})


@pytest.fixture
def portuguese():
    i18n.set_language("pt")
    yield
    i18n.set_language("en")


def test_portuguese_writes_the_decimal_comma_and_the_thousands_dot(portuguese):
    text = tr("test_numbers.row", loss=np.float64(0.5), count=10000, ok=True, rate=0.05, name="v1.2")
    assert text == "perda 0,50, 10.000 amostras, True, rate=0.05, v1.2"


def test_english_keeps_the_point():
    assert tr("test_numbers.row", loss=0.5, count=10000, ok=False, rate=0.05, name="x") == \
        "loss 0.50, 10,000 samples, False, rate=0.05, x"


def test_format_number_follows_the_language(portuguese):
    assert format_number(-0.5) == "\N{MINUS SIGN}0,5"
    assert format_number(1234.5, ",.1f") == "1.234,5"
    assert number_text("3.14") == "3,14"


def test_format_number_in_english():
    assert format_number(-0.5) == "\N{MINUS SIGN}0.5"
    assert number_text("3.14") == "3.14"
