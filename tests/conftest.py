"""Shared pytest set-up: every test starts in English with a fresh language setting."""

import base64
import html
import re

import pytest

from nnlessons import i18n


@pytest.fixture(autouse=True)
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(params=i18n.LANGUAGES)
def language(request):
    """Run the test once per language ("pt", then "en"); the test gets the code."""
    i18n.set_language(request.param)
    return request.param


@pytest.fixture
def is_png():
    """``is_png(data)``: the bytes start with the 8-byte PNG signature."""
    return lambda data: bytes(data).startswith(b"\x89PNG\r\n\x1a\n")


#: An explorer's picture in its view: an ``<img>`` with its alt text inside a core HTML widget.
VIEW_PICTURE = re.compile(r'<img src="data:image/png;base64,([^"]+)" alt="([^"]*)" width="(\d+)" height="(\d+)">')


@pytest.fixture
def picture():
    """``picture(image)``: the PNG bytes, ``alt`` text and (width, height) of a view's
    picture widget."""
    def parse(image):
        match = VIEW_PICTURE.fullmatch(image.value)
        assert match, image.value[:200]
        return base64.b64decode(match[1]), html.unescape(match[2]), (int(match[3]), int(match[4]))
    return parse
