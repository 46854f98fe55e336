"""`python -m nnlessons …`: the commands the Makefile runs, usable without make."""

import sys

import pytest

import nnlessons.__main__ as commands


@pytest.fixture
def ran(monkeypatch):
    """Record the commands instead of running them."""
    calls = []
    monkeypatch.setattr(commands, "run", lambda command, root, env=None: calls.append((command, env)) or 0)
    return calls


def test_the_lesson_environment_pins_threads_and_kernels_but_respects_the_user():
    env = commands.lesson_environment({"OPENBLAS_CORETYPE": "", "PATH": "/bin"})
    assert env["OPENBLAS_NUM_THREADS"] == env["OMP_NUM_THREADS"] == "1"
    assert env["OPENBLAS_CORETYPE"] == ""            # set by the user, even empty: kept
    assert env["PATH"] == "/bin"


def test_test_runs_pytest_with_nbval_on_both_languages_then_the_browser_suite(ran, monkeypatch):
    monkeypatch.setattr(commands.os, "access", lambda path, mode: True)
    assert commands.main(["test", "-x"]) == 0
    (lint, _), (first, _), (second, env) = ran
    assert lint[2:] == ["ruff", "check", "."]
    assert first[:3] == [sys.executable, "-m", "pytest"]
    assert {"--nbval", "--nbval-current-env", "tests", "notebooks/pt", "notebooks/en", "-x"} <= set(first)
    assert second[3:] == ["tests/browser"] and env["NNLESSONS_BROWSER"] == "1"


def test_the_browser_suite_alone_takes_pytest_arguments(ran, monkeypatch):
    monkeypatch.setattr(commands.os, "access", lambda path, mode: True)
    commands.main(["test", "--suite", "browser", "-k", "07_ or 09_"])
    assert [command[3:] for command, _ in ran] == [["tests/browser", "-k", "07_ or 09_"]]


def test_without_chromium_the_browser_suite_is_skipped_with_a_hint(ran, monkeypatch, capsys):
    monkeypatch.setattr(commands.os, "access", lambda path, mode: False)
    commands.main(["test"])
    assert len(ran) == 2 and "apt-get install chromium" in capsys.readouterr().out


def test_unknown_options_are_refused_where_nothing_takes_them():
    with pytest.raises(SystemExit):
        commands.main(["bench", "--bogus"])


def test_outside_a_clone_the_commands_say_so_in_both_languages(monkeypatch):
    monkeypatch.setattr(commands, "repository_root", lambda: None)
    with pytest.raises(SystemExit, match=r"run this from a clone.*\n.*dentro de um clone"):
        commands.main(["test"])


def test_present_names_the_lessons_there_are(ran):
    with pytest.raises(SystemExit, match=r"no lesson '99'.*01_neuron"):
        commands.main(["present", "99", "--lang", "pt"])
    commands.main(["present", "01", "--lang", "en", "--no-browser"])
    (command, _), = ran
    assert command[2] == "voila" and command[3].name == "01_neuron.ipynb" and "--no-browser" in command


def test_the_language_follows_the_locale(monkeypatch):
    monkeypatch.setenv("LANG", "pt_BR.UTF-8")
    assert commands.default_language() == "pt"


def test_the_colab_suite_installs_colabs_widgets_first_then_nnlessons_then_tests(ran, tmp_path, monkeypatch):
    monkeypatch.setattr(commands, "COLAB_VENV", tmp_path / "venv-ipyw7")     # absolute: replaces root / ...
    assert commands.main(["test", "--suite", "colab", "-x"]) == 0
    (make_venv, _), (widgets, _), (package, _), (tests, _) = ran
    python = tmp_path / "venv-ipyw7" / "bin" / "python"
    assert make_venv[1:] == ["-m", "venv", tmp_path / "venv-ipyw7"]
    assert widgets[:4] == [python, "-m", "pip", "install"] and "ipywidgets==7.7.1" in widgets
    assert package[:4] == [python, "-m", "pip", "install"] and package[-1].name == "nnlessons"   # a copy, not -e
    assert tests[:3] == [python, "-m", "pytest"]
    assert {"tests/colab", "notebooks/en/07_backpropagation.ipynb", "notebooks/pt/15_cnn.ipynb", "-x"} <= set(tests)


def test_notebooks_rebuilds_the_lessons_then_the_glossary(ran):
    assert commands.main(["notebooks", "03"]) == 0
    (build, _), (glossary, _) = ran
    assert build[2:] == ["nnlessons.build", "--jobs", build[4], "03"]
    assert glossary[2:] == ["nnlessons.glossary"]
