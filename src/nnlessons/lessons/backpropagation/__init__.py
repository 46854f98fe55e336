"""Lesson 07, backpropagation: everything of notebooks/lessons/07_backpropagation.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.backpropagation.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.backpropagation import exercises as ex``

Translated strings use keys that start with ``backpropagation.``.
"""
