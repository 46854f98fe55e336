"""Lesson 00, introduction: everything of notebooks/lessons/00_introduction.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.introduction.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.introduction import exercises as ex``

Translated strings use keys that start with ``introduction.``.
"""
