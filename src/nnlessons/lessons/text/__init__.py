"""Lesson 17, networks that read: everything of notebooks/lessons/17_text.md that is not
engine (``nnlessons.text``, ``nnlessons.layers.Embedding``/``Conv1D``/``GlobalMaxPool1D``)
or shared machinery.

explorers  the lesson's sentiment classifier recipe and its explorer, a sentence's way
           through it: ``from nnlessons.lessons.text.explorers import ...``
exercises  its checkpoints and self-checking questions: ``from nnlessons.lessons.text import exercises as ex``

Translated strings use keys that start with ``text.`` (the engine's own ``text.err.*`` and
``text.hint.*`` messages live in ``nnlessons.text``).
"""
