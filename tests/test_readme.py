"""The README's lesson table links every lesson in both languages, and only real files."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def lesson_table():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("<!-- lesson-table")[1].split("<!-- /lesson-table -->")[0]


def test_every_lesson_is_linked_in_both_languages():
    table = lesson_table()
    for source in sorted((ROOT / "notebooks" / "lessons").glob("[0-9][0-9]_*.md")):
        for language in ("pt", "en"):
            assert f"(notebooks/{language}/{source.stem}.ipynb)" in table, \
                f"README.md: add {source.stem} ({language}) to the lesson table"


def test_every_link_points_to_a_file():
    for link in re.findall(r"\]\(([^)]+)\)", lesson_table()):
        assert (ROOT / link).is_file(), f"README.md links to missing {link}"
