"""Lesson 00 (NumPy essentials, before lesson 01): everything of
notebooks/lessons/00_numpy_primer.md that is not engine or shared machinery.

exercises  its checkpoints and self-checking questions:
           ``from nnlessons.lessons.numpy_primer import exercises as ex``

The lesson has no widgets, so no ``explorers`` module. Translated strings use keys that start
with ``numpy_primer.``.
"""
