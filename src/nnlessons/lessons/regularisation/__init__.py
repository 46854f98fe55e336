"""Lesson 12, regularisation: everything of notebooks/lessons/12_regularisation.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.regularisation.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.regularisation import exercises as ex``

Translated strings use keys that start with ``regularisation.``.
"""
