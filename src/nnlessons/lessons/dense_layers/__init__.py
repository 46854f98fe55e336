"""Lesson 03, batches and dense layers: everything of notebooks/lessons/03_dense_layers.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.dense_layers.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.dense_layers import exercises as ex``

Translated strings use keys that start with ``dense_layers.``.
"""
