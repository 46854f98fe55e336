"""Lesson 16, beyond classification: everything of notebooks/lessons/16_beyond.md that is
not engine or shared machinery.

explorers  the lesson's pictures (a classifier's probabilities, where early stopping
           stopped) and printed strings: ``from nnlessons.lessons.beyond.explorers import ...``
exercises  its checkpoints and self-checking questions: ``from nnlessons.lessons.beyond import exercises as ex``

Translated strings use keys that start with ``beyond.``.
"""
