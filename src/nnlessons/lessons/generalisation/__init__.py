"""Lesson 10, training and generalisation: everything of notebooks/lessons/10_generalisation.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.generalisation.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.generalisation import exercises as ex``

Translated strings use keys that start with ``generalisation.``.
"""
