"""The notebook builder's own reports (``make notebooks``): a broken lesson source is
reported once, with the ``.md`` line, and without terminal colour codes."""

import textwrap

from nnlessons import build

HEADER = textwrap.dedent("""\
    ---
    jupytext:
      text_representation:
        extension: .md
        format_name: myst
    kernelspec:
      display_name: Python 3 (ipykernel)
      language: python
      name: python3
    ---
    """)

BROKEN = HEADER + textwrap.dedent("""\

    +++ {"lang": "pt"}

    Texto em português.

    +++ {"lang": "en"}

    Text in English.

    ```{code-cell} ipython3
    :tags: [nbval-ignore-output]

    x = 1
    print(x +)
    ```

    +++ {"lang": "pt"}

    Só português, sem o gêmeo.

    ```{code-cell} ipython3
    y = 2
    ```
    """)


def lesson(tmp_path, text):
    folder = tmp_path / "notebooks" / "lessons"
    folder.mkdir(parents=True)
    source = folder / "99_broken.md"
    source.write_text(text, encoding="utf-8")
    return source


def test_problems_name_the_md_line(tmp_path):
    source = lesson(tmp_path, BROKEN)
    lines = source.read_text(encoding="utf-8").splitlines()
    problems = build.source_problems(source)
    assert len(problems) == 2
    twin, syntax = problems
    assert twin.startswith("99_broken.md:") and "twin" in twin
    assert lines[int(twin.split(":")[1]) - 1] == '+++ {"lang": "pt"}'
    assert lines[int(twin.split(":")[1])] == "" and "Só português" in lines[int(twin.split(":")[1]) + 1]
    assert syntax.startswith("99_broken.md:") and "SyntaxError" in syntax
    assert lines[int(syntax.split(":")[1]) - 1] == "print(x +)"


def test_a_broken_lesson_is_reported_once_without_colours(tmp_path, monkeypatch, capsys):
    lesson(tmp_path, BROKEN)
    monkeypatch.chdir(tmp_path)
    assert build.main(["--force"]) == 1                     # both languages asked for
    err = capsys.readouterr().err
    assert err.count("SyntaxError") == 1 and err.count("twin") == 1
    assert "\x1b[" not in err


def test_a_failing_cell_is_reported_without_colours(monkeypatch, tmp_path):
    def failing(*args):
        raise RuntimeError("\x1b[0;31mZeroDivisionError\x1b[0m: division by zero")

    monkeypatch.setattr(build, "build_notebook", failing)
    name, error = build._build_task((tmp_path / "99_broken.md", "pt", tmp_path, 10))
    assert error == "RuntimeError: ZeroDivisionError: division by zero"
