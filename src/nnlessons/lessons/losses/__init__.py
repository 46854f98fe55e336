"""Lesson 05, losses and error metrics: everything of notebooks/lessons/05_losses.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.losses.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.losses import exercises as ex``

Translated strings use keys that start with ``losses.``.
"""
