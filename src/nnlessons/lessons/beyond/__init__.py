"""Lesson 13, beyond: everything of notebooks/lessons/13_beyond.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.beyond.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.beyond import exercises as ex``

Translated strings use keys that start with ``beyond.``.
"""
