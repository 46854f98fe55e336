"""Lesson 14, convolution: everything of notebooks/lessons/14_convolution.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.convolution.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.convolution import exercises as ex``

Translated strings use keys that start with ``convolution.``.
"""
