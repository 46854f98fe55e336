"""One term per concept (issue 14 §2; notebooks/WRITING_LESSONS.md, "Words and numbers"):
the words the authoring guide's table rules out do not come back, in the lessons' prose
or in the strings the code shows (both languages)."""

import re
from pathlib import Path

import pytest

import nnlessons.lessons
from nnlessons import build, i18n

ROOT = Path(__file__).resolve().parents[1]
SOURCES = build.lesson_sources(ROOT)

#: (language, the ruled-out form, what to write instead)
RULED_OUT = [
    ("pt", r"gradiente descendente", "descida do gradiente"),
    ("pt", r"passo de montanha", "ponto de sela"),
    ("pt", r"\bexplorador(es)?\b", "painel interativo (depois: o painel)"),
    ("pt", r"\ba RMSE\b", "o RMSE"),
    ("pt", r"desvio padrão", "desvio-padrão"),
    ("en", r"\boptimis(er|ers|ation)\b", "optimizer"),
    ("en", r"\bhyper-parameters?\b", "hyperparameter"),
]
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.S)


def registered_strings():
    nnlessons.lessons.import_all()
    return {key: dict(i18n._strings[key]) for key in i18n.registered_keys()}


def offences(text, language):
    prose = CODE.sub(" ", text)
    return [(pattern, instead) for lang, pattern, instead in RULED_OUT
            if lang == language and re.search(pattern, prose, re.IGNORECASE if lang == "en" else 0)]


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.stem)
def test_lesson_prose_uses_the_chosen_terms(source):
    found = [(cell.metadata["lang"], pattern, instead) for cell in build.read_source(source).cells
             if cell.cell_type == "markdown" for pattern, instead in offences(cell.source, cell.metadata.get("lang"))]
    assert not found, f"{source.name}: " + "; ".join(f"[{lang}] /{p}/ → write '{i}'" for lang, p, i in found)


def test_shown_strings_use_the_chosen_terms():
    found = [(key, language, pattern) for key, texts in registered_strings().items()
             for language, text in texts.items() for pattern, _ in offences(text, language)]
    assert not found, found


def test_the_scan_catches_a_ruled_out_term():
    assert offences("Usamos o gradiente descendente no explorador.", "pt")
    assert offences("The optimiser has one hyper-parameter.", "en")
    assert not offences("A descida do gradiente no painel; `explorer = Explorer()`.", "pt")
