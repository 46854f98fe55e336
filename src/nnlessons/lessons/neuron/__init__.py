"""Lesson 01, the neuron: everything of notebooks/lessons/01_neuron.md that is not
engine or shared machinery.

explorers  the lesson's widgets, pictures and data: ``from nnlessons.lessons.neuron.explorers import ...``
exercises  its self-checking questions: ``from nnlessons.lessons.neuron import exercises as ex``

Translated strings use keys that start with ``neuron.``.
"""
