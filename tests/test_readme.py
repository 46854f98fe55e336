"""The README's lesson table links every lesson in both languages, on GitHub and in Colab,
and only real files."""

import re
from pathlib import Path

from nnlessons.project import colab_link

ROOT = Path(__file__).resolve().parents[1]


def lesson_table():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("<!-- lesson-table")[1].split("<!-- /lesson-table -->")[0]


def test_every_lesson_is_linked_in_both_languages_and_in_colab():
    table = lesson_table()
    for source in sorted((ROOT / "notebooks" / "lessons").glob("[0-9][0-9]_*.md")):
        for language in ("pt", "en"):
            path = f"notebooks/{language}/{source.stem}.ipynb"
            assert f"({path})" in table, f"README.md: add {source.stem} ({language}) to the lesson table"
            assert f"({colab_link(path)})" in table, f"README.md: add the Colab link of {path} to the lesson table"


def test_every_link_points_to_a_file():
    colab_prefix = colab_link("")
    for link in re.findall(r"\]\(([^)]+)\)", lesson_table()):
        path = link.removeprefix(colab_prefix)
        assert "://" not in path, f"README.md: {link} is neither a file nor a Colab link to one ({colab_prefix}...)"
        assert (ROOT / path).is_file(), f"README.md links to missing {path}"
