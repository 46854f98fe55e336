"""The consolidated glossary (notebooks/GLOSSARY.md, notebooks/glossary.html) is generated from
the lessons' glossary tables: every lesson term is in it, with the lesson that introduces it,
and the files are never stale. One term per concept: a Portuguese term has one English
translation across the lessons, and the other way round."""

from collections import defaultdict

import pytest

from nnlessons import glossary

SOURCES = glossary.lesson_sources()


def page_rows(language):
    """(term, translation, lesson cell) of the page's table that starts in ``language``."""
    heading = "## Português → English" if language == "pt" else "## English → português"
    section = glossary.PAGE.read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
    return [tuple(cell.strip() for cell in line.strip().strip("|").split("|"))
            for line in section.splitlines()[4:] if line.startswith("| ")]


@pytest.mark.parametrize("path", [glossary.PAGE, glossary.PRINTABLE], ids=lambda p: p.name)
def test_the_generated_file_is_up_to_date(path):
    assert path.is_file() and path.read_text(encoding="utf-8") == glossary.outputs()[path], \
        f"{path.name} is stale: run python -m nnlessons.glossary"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_every_term_of_the_lesson_is_in_the_glossary_with_its_lesson(source):
    label = glossary.lesson_label(source)
    by_pt = {(pt, en): lessons for pt, en, lessons in page_rows("pt")}
    by_en = {(pt, en): lessons for en, pt, lessons in page_rows("en")}
    for pt, en in glossary.lesson_table(source, "pt"):
        for rows, direction in ((by_pt, "português → English"), (by_en, "English → português")):
            assert (pt, en) in rows, f"{source.name}: '{pt} | {en}' is missing from GLOSSARY.md ({direction})"
            assert label in rows[(pt, en)], f"{source.name}: '{pt}' in GLOSSARY.md does not name lesson {label}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.stem)
def test_the_lesson_glossary_says_the_same_in_both_languages(source):
    pt, en = glossary.lesson_table(source, "pt"), glossary.lesson_table(source, "en")
    assert pt, f"{source.name}: empty Glossário table"
    assert set(pt) == set(en), (f"{source.name}: the Glossário and Glossary tables differ: "
                                f"only pt {sorted(set(pt) - set(en))}, only en {sorted(set(en) - set(pt))}")


def test_the_lesson_that_introduces_a_term_comes_first():
    for term in glossary.collect():
        assert term.lessons == sorted(term.lessons)


@pytest.mark.parametrize("language", ["pt", "en"])
def test_one_term_per_concept_across_the_lessons(language):
    translations = defaultdict(set)
    for term in glossary.collect():
        own, other = (term.pt, term.en) if language == "pt" else (term.en, term.pt)
        translations[own].add(other)
    clashes = {term: sorted(found) for term, found in translations.items() if len(found) > 1}
    assert not clashes, f"the lessons' glossaries translate these terms in more than one way: {clashes}"


def test_a_lesson_without_a_glossary_is_a_clear_error(tmp_path):
    source = tmp_path / "99_empty.md"
    source.write_text("+++ {\"lang\": \"pt\"}\n\n## Resumo\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no '## Glossário' section"):
        glossary.lesson_table(source, "pt")


def test_the_readme_links_the_glossary():
    readme = (glossary.ROOT / "README.md").read_text(encoding="utf-8")
    assert "(notebooks/GLOSSARY.md)" in readme and "(notebooks/glossary.html)" in readme
