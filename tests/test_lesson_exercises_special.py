"""What the table in test_lesson_exercises.py cannot say: expected answers checked
against the engine, and feedback that must not say something."""

import re

import numpy as np
import pytest

from nnlessons.activations import ReLU
from nnlessons.exercises.questions import CORRECT, MALFORMED, WRONG
from nnlessons.layers import Conv1D, Conv2D, Flatten, MaxPool2D, output_size
from nnlessons.lessons.activations import exercises as activations
from nnlessons.lessons.adaptive_optimizers import exercises as adaptive_optimizers
from nnlessons.lessons.beyond import exercises as beyond
from nnlessons.lessons.cnn import exercises as cnn
from nnlessons.lessons.convolution import exercises as convolution
from nnlessons.lessons.dense_layers import exercises as dense_layers
from nnlessons.lessons.dot_product import exercises as dot_product
from nnlessons.lessons.introduction import exercises as introduction
from nnlessons.lessons.losses import exercises as losses
from nnlessons.lessons.neuron import exercises as neuron
from nnlessons.lessons.optimizers import exercises as optimizers
from nnlessons.lessons.regularisation import exercises as regularisation
from nnlessons.lessons.text import exercises as text_lesson
from nnlessons.metrics import rmse
from nnlessons.optimizers import SGD, Adam, RMSprop
from nnlessons.text import UNK_INDEX, Vocabulary, pad_sequences, tokenize
from nnlessons.widgets.race import SURFACES, Point, optimize


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
    """Lesson 08 q1: two momentum steps on L = θ²; q2: the rate after 1500 steps;
    Lesson 09 q1: Adam's first step; q3: RMSprop's first step."""
    momentum = engine_steps(SGD(learning_rate=0.1, momentum=0.9), 2.0, lambda t: 2 * t, 2)
    assert momentum == pytest.approx(optimizers.q1.expected)
    decayed = SGD(learning_rate=0.05, decay=0.001)
    for _ in range(1501):                     # the 1501st step runs with iterations = 1500
        decayed.step([])
    assert decayed.current_learning_rate == pytest.approx(optimizers.q2.expected)
    assert engine_steps(Adam(learning_rate=0.01), 0.0, lambda t: 0.003, 1) == pytest.approx(
        adaptive_optimizers.q1.expected)
    assert engine_steps(RMSprop(learning_rate=0.01), 0.0, lambda t: 0.5, 1) == pytest.approx(
        adaptive_optimizers.q3.expected)


def test_the_momentum_checkpoint_names_the_lowest_of_the_three_runs():
    """Lesson 08 c2: of μ = 0, 0.7, 0.9 (60 steps at η = 0.24 in the ravine), the expected μ ends lowest."""
    ravine = SURFACES["ravine"]
    final = {}
    for momentum in (0.0, 0.7, 0.9):
        path, _ = optimize(SGD(learning_rate=0.24, momentum=momentum), ravine.gradient, ravine.start, 60, ravine.extent)
        final[momentum] = ravine.loss(*path[-1])
    assert min(final, key=final.get) == optimizers.c2.expected


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
def test_text_q1_answer_is_what_the_library_computes_in_both_languages(sentence, tokens):
    row = pad_sequences([Vocabulary(tokens).encode(sentence)], 8, padding="pre")[0]
    assert text_lesson.q1.evaluate(row).status == CORRECT


@pytest.mark.parametrize("sentence", ["The pizza was cold, but the dessert was great.",
                                      "A pizza estava fria, mas a sobremesa estava ótima."])
def test_text_c1_counts_what_the_lessons_regular_expression_and_tokenize_give(sentence):
    assert len(re.findall(r"\w+|[^\w\s]", sentence.lower())) == len(tokenize(sentence)) == text_lesson.c1.expected


def test_text_c2_and_c3_and_q4_agree_with_the_engine():
    assert Vocabulary.build(["o filme foi bom"]).encode("gaspacho") == [text_lesson.c2.expected] == [UNK_INDEX]
    conv = Conv1D(2, 1, 2)
    conv.weights = np.eye(2)[None, :, None, :]                                   # the lesson's kernel [[1, 0], [0, 1]]
    conv.biases = np.array([-1.5])
    words = np.array([[[0.0, 0.0], [0.0, 0.0], [0.0, 1.0], [0.0, 0.0]]])         # "the soup was good ."
    assert ReLU().forward(conv.forward(words)).max() == text_lesson.c3.expected
    layer = Conv1D(8, 16, 2)
    assert layer.weights.size + layer.biases.size == text_lesson.q4.expected


def test_beyond_q2_is_the_engines_rmse():
    errors = np.array([1.0, -2.0, 2.0, -1.0])
    assert rmse(errors, np.zeros(4)) == pytest.approx(beyond.q2.expected)


# ---- issue 13 §4: the checker defects a student found ------------------------------------
def test_every_call_gets_its_own_copy_of_the_case():
    """An in-place softmax is right, the stored cases stay intact, and a function that zeroes
    its input and returns uniform rows is wrong (Lesson 04 q2)."""
    stored = [case[0].copy() for case in activations.q2.cases]

    def in_place_softmax(z):
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z

    def zero_and_uniform(z):
        z[...] = 0.0
        return np.full(z.shape, 1 / z.shape[1])

    assert activations.q2.evaluate(in_place_softmax).status == CORRECT
    assert activations.q2.evaluate(zero_and_uniform).status == WRONG
    assert all(np.array_equal(case[0], before) for case, before in zip(activations.q2.cases, stored))
    assert activations.q2.evaluate(activations.q2.reference).status == CORRECT


def test_an_answer_whose_repr_raises_is_malformed_not_raised():
    class Sneaky:
        def __repr__(self):
            raise RuntimeError("no repr for you")

    for question in (neuron.q1, dot_product.q4, dense_layers.q1, introduction.q1, neuron.q3):
        assert question.evaluate(Sneaky()).status == MALFORMED
    assert neuron.q3.evaluate(lambda *args: Sneaky()).status == WRONG


def test_complex_numbers_are_not_real_answers(language):
    feedback = dot_product.q1.evaluate([12 + 5j])
    assert feedback.status == MALFORMED
    assert ("complex" if language == "en" else "complexo") in feedback.message
    assert dot_product.q1.evaluate(12 + 5j).status == MALFORMED
    assert dot_product.q4.evaluate(np.array([2.5 + 1j, -4.0])).status == MALFORMED


def test_lesson04_q3_never_prints_the_formula_or_the_answer(language):
    W1, b1, W2, b2 = activations.two_layers()
    for wrong in (b2, b1 @ W2, b2 + b1 @ np.ones((3, 2)), [[0.0, 0.0]], [[2.5, 1.5]]):
        message = activations.q3.evaluate(wrong).message
        assert "b1 @ W2 + b2" not in message and "2.5, -1.5" not in message and "-1.5" not in message


def test_tips_only_for_what_happened(language):
    """04 q2 talks about NaN only when there is one; 05 q3 gives no log(0) advice for a sum;
    10 q2 says which of its two numbers is off."""
    def whole_array(z):
        exps = np.exp(z - z.max())
        return exps / exps.sum()

    def overflowing(z):
        with np.errstate(over="ignore", invalid="ignore"):
            return np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)

    assert "NaN" not in activations.q2.evaluate(whole_array).message
    assert "NaN" in activations.q2.evaluate(overflowing).message

    def summed(p, y):
        p = np.clip(p, 1e-7, 1 - 1e-7)
        return -np.sum(y * np.log(p) + (1 - y) * np.log(1 - p))
    message = losses.q3.evaluate(summed).message
    assert "log(0)" not in message and ("mean" if language == "en" else "média") in message

    kept_wrong = regularisation.q2.evaluate([4.0, 5.0]).message
    assert ("divides by 1 − rate" if language == "en" else "divide por 1 − taxa") in kept_wrong
    assert ("counts as 0" if language == "en" else "conta como 0") not in kept_wrong


def test_any_reasonable_clip_is_accepted_and_none_is_not():
    def bce(clip):
        def loss(p, y):
            p = np.clip(p, clip, 1 - clip)
            return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
        return loss

    for clip in (1e-15, 1e-12, 1e-7, 1e-4, 1e-3):
        assert losses.q3.evaluate(bce(clip)).status == CORRECT, clip
    assert losses.q3.evaluate(bce(0.05)).status == WRONG


def test_one_value_off_is_singular(language):
    expected = {"en": "The shape (2,) is right, but 1 of 2 values is off",
                "pt": "O formato (2,) está certo, mas 1 de 2 valores está errado"}
    assert expected[language] in dot_product.q4.evaluate([2.5, 4.0]).message
    plural = {"en": "2 of 2 values are off", "pt": "2 de 2 valores estão errados"}
    assert plural[language] in dot_product.q4.evaluate([1.0, 1.0]).message


def test_text_q2_and_beyond_q1_say_why_a_right_answer_is_right():
    for question in (text_lesson.q2, beyond.q1):
        message = question.evaluate(question.expected).message
        assert len(message) > len("✅ Correct!") + 20
