"""Lesson 15, convolutional networks: everything of notebooks/lessons/15_cnn.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.cnn.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.cnn import exercises as ex``

Translated strings use keys that start with ``cnn.``.
"""
