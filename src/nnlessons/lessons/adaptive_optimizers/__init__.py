"""Lesson 09, adaptive optimizers: everything of notebooks/lessons/09_adaptive_optimizers.md
that is not engine or shared machinery.

explorers  the lesson's widget and strings: ``from nnlessons.lessons.adaptive_optimizers.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.adaptive_optimizers import exercises as ex``

Translated strings use keys that start with ``adaptive_optimizers.``.
"""
