"""The README's lesson table links every lesson in both languages, on GitHub and in Colab,
and only real files."""

import re
from pathlib import Path

from nnlessons import build
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



def lesson_titles(source):
    """``{"pt": title, "en": title}`` from the lesson's title pair, without "Lição NN — "."""
    pt, en = build.read_source(source).cells[:2]
    return {language: re.sub(r"^# (?:Lição|Lesson) \d\d — |^# ", "", cell.source.splitlines()[0])
            for language, cell in (("pt", pt), ("en", en))}


def test_each_row_has_the_lessons_number_and_titles():
    """A row reads ``| NN | [pt title](pt link) · … | [en title](en link) · … |``: the number and
    both titles are the lesson's own (whole, or up to its colon), so a renumbering or a new title must reach the README."""
    rows = {}
    for line in lesson_table().splitlines():
        links = re.findall(r"\[([^\]]+)\]\(notebooks/(pt|en)/([^)/]+)\.ipynb\)", line)
        if links:
            number = line.strip().strip("|").split("|")[0].strip()
            rows[links[0][2]] = (number, {language: title for title, language, _ in links})
    for source in sorted((ROOT / "notebooks" / "lessons").glob("[0-9][0-9]_*.md")):
        number, titles = rows[source.stem]
        assert number.split()[0] == source.stem[:2], f"README.md: the row of {source.stem} is numbered {number}"
        for language, title in lesson_titles(source).items():
            assert titles[language] in (title, title.split(":")[0]), (        # the whole title, or before its colon
                f"README.md: {source.stem} [{language}] is titled {titles[language]!r}; the lesson says {title!r}")
