"""Lesson 04, activation functions: everything of notebooks/lessons/04_activations.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.activations.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.activations import exercises as ex``

Translated strings use keys that start with ``activations.``.
"""
