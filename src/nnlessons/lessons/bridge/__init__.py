"""Lesson 18, bridge: everything of notebooks/lessons/18_bridge.md that is not engine or
shared machinery.

explorers  the lesson's demonstrations (the double softmax, the digits model, early
           stopping without restoring): ``from nnlessons.lessons.bridge.explorers import ...``
exercises  its checkpoints and self-checking questions, with the two find-the-bugs
           listings: ``from nnlessons.lessons.bridge import exercises as ex``

Translated strings use keys that start with ``bridge.``.
"""
