"""What the table in test_lesson_exercises.py cannot say: expected answers checked
against the engine, and feedback that must not say something."""

import numpy as np
import pytest

from nnlessons.activations import ReLU
from nnlessons.exercises.questions import CORRECT, WRONG
from nnlessons.layers import Conv2D, Flatten, MaxPool2D, output_size
from nnlessons.lessons.activations import exercises as activations
from nnlessons.lessons.beyond import exercises as beyond
from nnlessons.lessons.cnn import exercises as cnn
from nnlessons.lessons.convolution import exercises as convolution
from nnlessons.lessons.dense_layers import exercises as dense_layers
from nnlessons.lessons.introduction import exercises as introduction
from nnlessons.lessons.neuron import exercises as neuron
from nnlessons.lessons.optimizers import exercises as optimizers
from nnlessons.lessons.optimizers.explorers import Point
from nnlessons.lessons.regularisation import exercises as regularisation
from nnlessons.optimizers import SGD, Adam
from nnlessons.text import Vocabulary, pad_sequences


def test_class_labels_get_no_too_large_or_too_small(language):
    """A function returning class labels is wrong, never "too large" (Lessons 00, 01)."""
    for feedback in (introduction.q4.evaluate(lambda mass: int(mass >= 176)),
                     neuron.q3.evaluate(lambda i, w, b: 1 if sum(x * y for x, y in zip(i, w)) > 0 else 0)):
        assert feedback.status == WRONG
        assert "demais" not in feedback.message and "too " not in feedback.message


def test_a_right_answer_explains_itself_in_the_language(language):
    message = regularisation.q2.evaluate([6.25, 5]).message
    assert ("média" if language == "pt" else "average") in message


def test_the_book_batch_is_among_the_dense_layer_cases():
    inputs, weights, biases = dense_layers.q3.cases[1]
    assert np.allclose(inputs @ weights.T + biases, [[4.8, 1.21, 2.385], [8.9, -1.81, 0.2]])


def test_lesson04_arrays_have_the_shapes_the_lesson_states():
    W1, b1, W2, b2 = activations.two_layers()
    assert (W1.shape, b1.shape, W2.shape, b2.shape) == ((2, 3), (1, 3), (3, 2), (1, 2))


def engine_steps(optimizer, theta, gradient, steps):
    """θ after ``steps`` steps of an engine optimizer on one parameter (a 1×2 Point, one slot used)."""
    point = Point((theta, 0.0))
    for _ in range(steps):
        point.dweights[0] = (gradient(point.weights[0, 0]), 0.0)
        optimizer.step([point])
    return point.weights[0, 0]


def test_optimizer_answers_agree_with_the_engine():
    """q1: two momentum steps on L = θ²; q2: the rate after 1500 steps; q3: Adam's first step."""
    momentum = engine_steps(SGD(learning_rate=0.1, momentum=0.9), 2.0, lambda t: 2 * t, 2)
    assert momentum == pytest.approx(optimizers.q1.expected)
    decayed = SGD(learning_rate=0.05, decay=0.001)
    for _ in range(1501):                     # the 1501st step runs with iterations = 1500
        decayed.step([])
    assert decayed.current_learning_rate == pytest.approx(optimizers.q2.expected)
    assert engine_steps(Adam(learning_rate=0.01), 0.0, lambda t: 0.003, 1) == pytest.approx(optimizers.q3.expected)


def test_convolution_answers_agree_with_the_engine():
    assert convolution.q1.expected == output_size(32, 5, stride=2, pad_before=2, pad_after=2) == 16
    layer = Conv2D(3, 16, 5)
    assert convolution.q2.expected == layer.weights.size + layer.biases.size == 1216
    for (x,) in convolution.q3.cases:
        assert np.array_equal(convolution.q3.reference(x), MaxPool2D(2).forward(x[None, None])[0, 0])


def test_cnn_answers_agree_with_the_engine():
    layer = Conv2D(32, 64, 3)
    assert cnn.q1.expected == layer.weights.size + layer.biases.size
    out = np.zeros((1, 1, 28, 28))
    for step in (Conv2D(1, 8, 3), ReLU(), MaxPool2D(2), Conv2D(8, 16, 3), ReLU(), MaxPool2D(2), Flatten()):
        out = step.forward(out)
    assert out.shape == (1, cnn.q2.expected)


@pytest.mark.parametrize("sentence, tokens", [
    ("The film was really great!", ["<pad>", "<unk>", "the", "film", "was", "great", "!"]),
    ("O filme foi mesmo ótimo!", ["<pad>", "<unk>", "o", "filme", "foi", "ótimo", "!"]),
])
def test_beyond_q1_answer_is_what_the_library_computes_in_both_languages(sentence, tokens):
    row = pad_sequences([Vocabulary(tokens).encode(sentence)], 8, padding="pre")[0]
    assert beyond.q1.evaluate(row).status == CORRECT
