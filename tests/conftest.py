"""Shared pytest set-up: every test starts in English with a fresh language setting."""

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
