"""Lesson 02, dot product and shapes: everything of notebooks/lessons/02_dot_product.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.dot_product.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.dot_product import exercises as ex``

Translated strings use keys that start with ``dot_product.``.
"""
