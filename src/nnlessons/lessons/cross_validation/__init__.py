"""Lesson 11, cross-validation: everything of notebooks/lessons/11_cross_validation.md that is not
engine or shared machinery.

explorers  the lesson's widget, data and printed lines: ``from nnlessons.lessons.cross_validation.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.cross_validation import exercises as ex``

Translated strings use keys that start with ``cross_validation.``.
"""
