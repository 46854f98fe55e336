"""Lesson 08, optimizers: everything of notebooks/lessons/08_optimizers.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.optimizers.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.optimizers import exercises as ex``

Translated strings use keys that start with ``optimizers.``.
"""
