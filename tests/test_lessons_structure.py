"""The shape every lesson shares: a "before you start" pair right after the title, whose
reading time and counts the build computes from the source (never typed by hand), and a
length limit on each lesson's English prose (issue 14 §3)."""

from pathlib import Path

import nbformat
import nbformat.v4 as v4
import pytest

from nnlessons import build

ROOT = Path(__file__).resolve().parents[1]
SOURCES = build.lesson_sources(ROOT)

HEADER = {
    "pt": ("**Antes de começar**", "- **O que você precisa saber:** ", f"- **Quanto tempo leva:** {build.READING_TIME}"),
    "en": ("**Before you start**", "- **What you need to know:** ", f"- **How long it takes:** {build.READING_TIME}"),
}

#: A lesson whose English prose runs past this many words is too long to read in one sitting
#: (issue 14 §3 found lessons of 2,700–4,200 words too long): split it, or list it below.
MAX_ENGLISH_WORDS = 3500

#: Lessons allowed to stay longer, each with the reason. Remove a lesson once it is split.
#: Empty since lessons 08, 10 and 12 were split into 08–09, 10–11 and 12–13.
LONG_LESSONS = {}


@pytest.fixture(params=SOURCES, ids=[s.stem for s in SOURCES])
def source(request):
    return request.param


def header_cells(source):
    """The source's pt and en cells right after the title pair."""
    cells = build.read_source(source).cells
    return {"pt": cells[2], "en": cells[3]}


# ---- every lesson has the header ---------------------------------------------------------
def test_every_lesson_opens_with_title_then_before_you_start(source):
    cells = build.read_source(source).cells
    assert [cell.metadata.get("lang") for cell in cells[:4]] == ["pt", "en", "pt", "en"], (
        f"{source.name}: the title pair must be followed by the 'before you start' pair (WRITING_LESSONS.md)")
    assert cells[0].source.startswith("# ") and cells[1].source.startswith("# "), f"{source.name}: no title first"
    for language, cell in header_cells(source).items():
        lines = cell.source.splitlines()
        title, needs, time = HEADER[language]
        assert lines[0] == title, f"{source.name} [{language}]: the cell after the title must start with {title}"
        assert any(line.startswith(needs) and len(line) > len(needs) + 10 for line in lines), (
            f"{source.name} [{language}]: say what the reader needs before, in a line starting {needs!r}")
        assert time in lines, f"{source.name} [{language}]: the header needs the line {time!r}"


def test_the_placeholder_appears_only_in_the_header(source):
    cells = build.read_source(source).cells
    elsewhere = [index for index, cell in enumerate(cells) if build.READING_TIME in cell.source and index not in (2, 3)]
    assert not elsewhere, f"{source.name}: {build.READING_TIME} outside the header, in cells {elsewhere}"


# ---- the built notebooks state what the build computes ------------------------------------
def test_built_header_states_the_computed_time_and_counts(source, language):
    nb = build.read_source(source)
    counts = build.lesson_counts(nb)
    expected = header_cells(source)[language].source.replace(
        build.READING_TIME, build.reading_time_text(counts, language))
    path = build.built_path(source, language)
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run make notebooks")
    built = nbformat.read(path, as_version=4)
    header = next((cell for cell in built.cells if cell.get("id") == f"md-{2 if language == 'pt' else 3:03d}-{language}"),
                  None)
    assert header is not None and header.source == expected, (
        f"{path.relative_to(ROOT)}: its 'before you start' cell differs from what the build computes "
        f"from {source.name}: run make notebooks")
    assert build.READING_TIME not in "".join(cell.source for cell in built.cells)


# ---- how the build counts (small made-up lessons, no kernel) ------------------------------
def lesson(*cells):
    made = []
    for kind, text, extra in cells:
        if kind == "code":
            made.append(v4.new_code_cell(text, metadata=extra or {}))
        else:
            made.append(v4.new_markdown_cell(text, metadata={"lang": kind}))
    return v4.new_notebook(cells=made)


SMALL = lesson(
    ("pt", "# Título\n\nUma lição **curta** com [um link](https://example.org/a-b-c).", None),
    ("en", "# Title\n\nA **short** lesson with [a link](https://example.org/a-b-c) here.", None),
    ("pt", f"**Antes de começar**\n\n- **Quanto tempo leva:** {build.READING_TIME}", None),
    ("en", f"**Before you start**\n\n- **How long it takes:** {build.READING_TIME}", None),
    ("code", "guess = None  # sua resposta / your answer\nex.c1.check(guess)", None),
    ("code", "panel = Panel()\npanel.show()", {"tags": ["nbval-ignore-output"]}),
    ("code", "print(1)", {"tags": ["nbval-ignore-output"]}),
    ("code", "answer = None\nex.q1.check(answer)\nex.q1.check(answer)", None),
    ("code", "answer = None\nex.q2.check(answer)", None),
)


@pytest.mark.parametrize("text, words", [
    ("one two three", 3),
    ("**Bold** and *italic*, then `code()`.", 5),
    ("A [link text](https://example.org/very/long/path) ends", 4),
    ("| a | b |\n|---|---|\n| 1 | 2 |", 4),
    ("$z = w \\cdot x + b$ — R$ 10.000", 7),
    (f"<!-- a comment --> Time: {build.READING_TIME}", 1),
])
def test_prose_words_count_words_not_markup(text, words):
    assert build.prose_words(text) == words


def test_lesson_counts_words_cells_panels_and_distinct_questions():
    counts = build.lesson_counts(SMALL)
    assert counts["words"] == {"pt": 7 + 6, "en": 8 + 7}      # title + header, link target left out
    assert counts["code_cells"] == 5
    assert counts["panels"] == 1                       # a tagged cell that shows nothing is no panel
    assert (counts["checkpoints"], counts["exercises"]) == (1, 2)    # q1 checked twice counts once


def test_the_portuguese_rate_follows_the_words_portuguese_needs():
    counts = {"words": {"pt": 1100, "en": 1000}}
    assert build.reading_rate(counts, "en") == build.WORDS_PER_MINUTE == 238
    assert build.reading_rate(counts, "pt") == round(238 * 1.1)
    assert build.reading_minutes(counts, "en") == 4                      # 1000 / 238 = 4.2
    assert build.reading_minutes(counts, "pt") == build.reading_minutes(counts, "en")  # the same time to read
    primer = {"words": {"pt": 1315, "en": 1307}}                         # 5.49 min; pt at round(239.5) = 240 wpm
    assert build.reading_minutes(primer, "pt") == build.reading_minutes(primer, "en") == 5


@pytest.mark.parametrize("words, minutes", [(10, 1), (357, 2), (356, 1), (2380, 10)])
def test_reading_minutes_round_half_up_and_never_zero(words, minutes):
    assert build.reading_minutes({"words": {"en": words, "pt": words}}, "en") == minutes


def test_reading_time_text_in_both_languages():
    counts = {"words": {"pt": 2500, "en": 2380}, "code_cells": 20, "panels": 1, "checkpoints": 2, "exercises": 1}
    en = build.reading_time_text(counts, "en")
    pt = build.reading_time_text(counts, "pt")
    assert en == ("about **10 minutes** of reading (2,380 words at 238 words per minute, the average silent-reading "
                  "speed of adults for non-fiction measured by Brysbaert, 2019), plus the time to run 20 code cells, "
                  "try 1 interactive panel and answer 2 checkpoints and 1 exercise.")
    assert pt.startswith("cerca de **10 minutos** de leitura (2.500 palavras a 250 por minuto")
    assert pt.endswith("mais o tempo de rodar 20 células de código, mexer em 1 painel interativo e responder "
                       "2 perguntas de checagem e 1 exercício.")


def test_reading_time_text_leaves_out_what_the_lesson_lacks():
    counts = {"words": {"pt": 100, "en": 100}, "code_cells": 1, "panels": 0, "checkpoints": 0, "exercises": 0}
    assert build.reading_time_text(counts, "en").endswith("plus the time to run 1 code cell.")
    assert "painel" not in build.reading_time_text(counts, "pt")


def test_split_language_fills_the_placeholder_and_keeps_the_language():
    from nnlessons.i18n import get_language
    before = get_language()
    for language in build.LANGUAGES:
        cells = build.split_language(SMALL, language).cells
        header = cells[2].source
        assert build.READING_TIME not in header
        assert header.endswith(build.reading_time_text(build.lesson_counts(SMALL), language))
    assert get_language() == before


# ---- length -------------------------------------------------------------------------------
def words_per_lesson():
    return {source.stem: build.lesson_counts(build.read_source(source))["words"] for source in SOURCES}


def test_words_per_lesson_report(capsys):
    """Prints the words of each lesson per language (``pytest -s`` or ``-rP`` shows it)."""
    table = words_per_lesson()
    lines = ["| lesson | pt words | en words | en reading minutes |", "|---|---:|---:|---:|"]
    lines += [f"| {stem} | {words['pt']} | {words['en']} | {build.reading_minutes({'words': words}, 'en')} |"
              for stem, words in table.items()]
    print("\n".join(lines))
    assert all(words["pt"] and words["en"] for words in table.values())


def test_allow_list_names_real_lessons():
    assert set(LONG_LESSONS) <= {source.stem for source in SOURCES}, "LONG_LESSONS names a lesson that is gone"


def test_english_prose_stays_under_the_limit(source):
    words = build.lesson_counts(build.read_source(source))["words"]["en"]
    if source.stem in LONG_LESSONS:
        pytest.skip(f"{source.stem}: {words} words, allowed: {LONG_LESSONS[source.stem]}")
    assert words <= MAX_ENGLISH_WORDS, (
        f"{source.name}: {words} English words, more than {MAX_ENGLISH_WORDS}. Split the lesson, or add it to "
        f"LONG_LESSONS in tests/test_lessons_structure.py with the reason it stays long.")


# ---- the welcome counts the lessons there are ---------------------------------------------
def test_lesson_00_counts_the_numbered_lessons():
    """Lesson 00's welcome says how many numbered lessons there are and their range (the
    primer, which shares the number 00, is named apart); a split or a new lesson must update it."""
    numbers = sorted({source.stem[:2] for source in SOURCES})
    welcome = {
        "pt": f"primeira de {len(numbers)} lições, da {numbers[0]} à {numbers[-1]}",
        "en": f"first of {len(numbers)} lessons, {numbers[0]} to {numbers[-1]}",
    }
    text = (ROOT / "notebooks" / "lessons" / "00_introduction.md").read_text(encoding="utf-8")
    for language, sentence in welcome.items():
        assert sentence in text, f"00_introduction.md [{language}]: the welcome should say {sentence!r}"
