"""Colour-blind-safe pictures (issue 11 §4): lessons and the pictures' code name their
colours from ``nnlessons.plots.style`` (Okabe–Ito ``OKABE_ITO[...]``, ``CLASS_COLORS``,
``RIGHT_COLOR``/``WRONG_COLOR``) or use greys, never matplotlib's ``tab:`` colours, colour
names such as ``"red"``, format strings such as ``"g-"`` or, in a lesson, hex codes outside
the palette."""

import re
from pathlib import Path

import pytest
from matplotlib.colors import CSS4_COLORS

from nnlessons.plots.style import OKABE_ITO

ROOT = Path(__file__).resolve().parents[1]
LESSONS = sorted((ROOT / "notebooks" / "lessons").glob("[0-9][0-9]_*.md"))
CODE = sorted(path for folder in ("lessons", "plots") for path in (ROOT / "src" / "nnlessons" / folder).rglob("*.py"))

GREYS = {"black", "white", "gray", "grey", "none", "k", "w"}
PALETTE = {color.lower() for color in OKABE_ITO.values()}
TAB = re.compile(r"""["']tab:[a-z]+["']""")
#: a colour given by keyword or dict key: color="red", "facecolor": "#fde2c4", colors=["red", ...]
COLOUR_ARGUMENT = re.compile(r"""["']?\b(?:c|colors?|facecolors?|edgecolors?|markerfacecolor|markeredgecolor)\b["']?"""
                             r"""\s*[=:]\s*(\[[^\]]*\]|\([^)]*\)|"[^"]*"|'[^']*')""")
STRING = re.compile(r"""["']([^"']*)["']""")
#: a plot format string with a colour letter: "r-", "go", "--b" (k, black, is fine)
FORMAT = re.compile(r"""(?<![=\w])["']([-.:o*^sdvx+<>|_]*[rgbcmy][-.:o*^sdvx+<>|_]*)["']""")
HEX = re.compile(r"""["'](#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3}))["']""")


def colour_problems(text, hex_allowed):
    """(line number, what) for every colour in ``text`` that does not come from the palette."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        found = [match.group() for match in TAB.finditer(line)]
        for argument in COLOUR_ARGUMENT.finditer(line):
            for name in STRING.findall(argument.group(1)):
                named = name.lower() in CSS4_COLORS and name.lower() not in GREYS
                if named or (name.startswith("#") and not hex_allowed and name.lower() not in PALETTE):
                    found.append(name)
        if ".plot(" in line:
            found += FORMAT.findall(line)
        if not hex_allowed:
            found += [code for code in HEX.findall(line) if code.lower() not in PALETTE]
        problems += [(number, what) for what in dict.fromkeys(found)]
    return problems


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda path: path.stem)
def test_a_lessons_colours_come_from_the_palette(lesson):
    assert colour_problems(lesson.read_text(encoding="utf-8"), hex_allowed=False) == []


@pytest.mark.parametrize("module", CODE, ids=lambda path: str(path.relative_to(ROOT / "src" / "nnlessons")))
def test_the_pictures_code_names_no_colour_outside_the_palette(module):
    """Pale hex tints behind text (boxes of a diagram) are allowed here; named colours are not."""
    assert colour_problems(module.read_text(encoding="utf-8"), hex_allowed=True) == []


def test_the_scan_finds_each_kind_of_hard_coded_colour():
    text = "\n".join(['ax.plot(x, y, "g-", label="y")', 'ax.scatter(x, y, color="tab:red")',
                      'ax.bar(x, h, color=["purple", "0.5"])', "bbox={'facecolor': '#ff0000'}",
                      'ax.plot(x, y, "k--", color=OKABE_ITO["blue"])', f'ax.axvline(1, color="{OKABE_ITO["orange"]}")',
                      'ax.text(0, 0, "s", color="white")', 'COLOR = "#123456"'])
    assert colour_problems(text, hex_allowed=False) == [(1, "g-"), (2, '"tab:red"'), (3, "purple"), (4, "#ff0000"),
                                                         (8, "#123456")]
    assert colour_problems(text, hex_allowed=True) == [(1, "g-"), (2, '"tab:red"'), (3, "purple")]
