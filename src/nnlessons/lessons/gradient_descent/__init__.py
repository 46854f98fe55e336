"""Lesson 06, derivatives and gradient descent: everything of notebooks/lessons/06_gradient_descent.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.gradient_descent.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.gradient_descent import exercises as ex``

Translated strings use keys that start with ``gradient_descent.``.
"""
