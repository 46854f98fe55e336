"""Lesson 13, more data and steadier layers: everything of
notebooks/lessons/13_augmentation_batchnorm.md that is not engine (``nnlessons.data.augment``,
``nnlessons.layers.BatchNorm``) or shared machinery.

explorers  the lesson's printed lines, the digits it augments and its augmentation panel:
           ``from nnlessons.lessons.augmentation_batchnorm.explorers import ...``
exercises  its checkpoints and self-checking questions:
           ``from nnlessons.lessons.augmentation_batchnorm import exercises as ex``

Translated strings use keys that start with ``augmentation_batchnorm.``.
"""
