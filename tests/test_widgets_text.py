"""Lesson 17's explorer: a sentence's way through the tiny text classifier, and the
Text control it uses."""

import warnings

import numpy as np
import pytest

from nnlessons import i18n
from nnlessons.activations import ReLU, Sigmoid
from nnlessons.layers import Conv1D, Dense, Embedding, GlobalMaxPool1D
from nnlessons.losses import BinaryCrossEntropy
from nnlessons.model import Model
from nnlessons.text import PAD, Vocabulary, pad_sequences
from nnlessons.widgets import Text
from nnlessons.lessons.text.explorers import (LENGTH, TextPipelineExplorer, check_text_model, sentence_pipeline,
                                              sentiment_model, sentiment_split)

VOCAB = Vocabulary(["<pad>", "<unk>", "the", "soup", "was", "not", "good", "."])


def tiny_model(vocabulary=VOCAB, filters=3, k=2):
    """A small hand-checkable model: embedding of 2, filters reading k tokens."""
    return Model([Embedding(len(vocabulary), 2, seed=0), Conv1D(2, filters, k, seed=1), ReLU(), GlobalMaxPool1D(),
                  Dense(filters, 1, seed=2), Sigmoid()], BinaryCrossEntropy())


# ---- the pipeline, step by step --------------------------------------------------------
def test_pipeline_steps_by_hand():
    model = tiny_model()
    result = sentence_pipeline(model, VOCAB, "The soup was NOT good, really.", length=8)
    assert result["tokens"] == ["the", "soup", "was", "not", "good", ",", "really", "."]
    assert result["indices"] == [2, 3, 4, 5, 6, 1, 1, 7]
    assert result["unknown"] == [",", "really"] and result["cut"] == []

    E, conv, dense = model.layers[0].weights, model.layers[1], model.layers[4]
    embedding = E[result["indices"]]
    np.testing.assert_allclose(result["embedding"], embedding)
    responses = np.array([[max(0.0, conv.biases[o] + np.sum(conv.weights[o, :, 0, :].T * embedding[t:t + 2]))
                           for o in range(3)] for t in range(7)])
    np.testing.assert_allclose(result["responses"], responses)
    np.testing.assert_allclose(result["pooled"], responses.max(axis=0))
    assert result["argmax"] == responses.argmax(axis=0).tolist()
    logit = dense.biases[0, 0] + responses.max(axis=0) @ dense.weights[:, 0]
    assert result["logit"] == pytest.approx(logit)
    assert result["probability"] == pytest.approx(1 / (1 + np.exp(-logit)))


def test_evidence_adds_up_to_the_logit_and_matches_predict():
    model = tiny_model()
    result = sentence_pipeline(model, VOCAB, "the soup was not good .", length=10, padding="pre")
    assert sum(result["evidence"]) + model.layers[4].biases[0, 0] == pytest.approx(result["logit"])
    X = pad_sequences([VOCAB.encode("the soup was not good .")], 10, padding="pre")
    assert result["probability"] == pytest.approx(float(model.predict(X)[0, 0]))
    assert len(result["evidence"]) == 9 and len(result["words"]) == 10


@pytest.mark.parametrize("padding, truncating, words, cut", [
    ("post", "post", ["the", "soup", "was", "not"], ["good", "."]),
    ("post", "pre", ["was", "not", "good", "."], ["the", "soup"]),
    ("pre", "post", ["the", "soup", "was", "not"], ["good", "."]),
])
def test_truncating_keeps_the_right_end(padding, truncating, words, cut):
    result = sentence_pipeline(tiny_model(), VOCAB, "the soup was not good.", 4, padding, truncating)
    assert result["words"] == words and result["cut"] == cut


@pytest.mark.parametrize("padding, words", [("post", ["good", ".", PAD, PAD, PAD]),
                                            ("pre", [PAD, PAD, PAD, "good", "."])])
def test_padding_side(padding, words):
    result = sentence_pipeline(tiny_model(), VOCAB, "Good.", 5, padding)
    assert result["words"] == words
    assert result["indices"] == [{"good": 6, ".": 7, PAD: 0}[word] for word in words]


def test_unknown_words_keep_their_text_but_get_index_one():
    result = sentence_pipeline(tiny_model(), VOCAB, "gazpacho !", 4)
    assert result["words"][:2] == ["gazpacho", "!"] and result["indices"][:2] == [1, 1]


def test_an_empty_sentence_is_all_padding():
    result = sentence_pipeline(tiny_model(), VOCAB, "", 4)
    assert result["indices"] == [0, 0, 0, 0] and result["tokens"] == []
    assert 0.0 < result["probability"] < 1.0


def test_length_shorter_than_the_window_is_explained():
    with pytest.raises(ValueError, match=r"length=2 is shorter than the filters' window \(3 tokens\)"):
        sentence_pipeline(tiny_model(k=3), VOCAB, "the soup", 2)


def test_only_lesson_shaped_models_are_accepted():
    with pytest.raises(ValueError, match=r"Embedding → Conv1D → .*got layers \['Dense', 'Sigmoid'\]"):
        check_text_model(Model([Dense(2, 1), Sigmoid()], BinaryCrossEntropy()), VOCAB)
    with pytest.raises(ValueError, match=r"vocabulary has 8 tokens but the Embedding was built for vocab_size=9"):
        check_text_model(tiny_model(Vocabulary(VOCAB.tokens + ["extra"])), VOCAB)
    wide = Model([Embedding(8, 2), Conv1D(2, 3, 2), ReLU(), GlobalMaxPool1D(), Dense(3, 2), Sigmoid()],
                 BinaryCrossEntropy())
    with pytest.raises(ValueError, match="Dense"):
        check_text_model(wide, VOCAB)


# ---- the lesson's model ----------------------------------------------------------------
def test_lesson_model_learns_both_languages(language):
    model, vocabulary = sentiment_model()
    _, test_texts, _, y_test = sentiment_split()
    X_test = pad_sequences([vocabulary.encode(text) for text in test_texts], LENGTH)
    assert model.evaluate(X_test, y_test[:, None]).accuracy > 0.7
    assert sentiment_model() is not sentiment_model("pt" if language == "en" else "en")
    assert sentiment_model()[0] is model                              # trained once, then kept


# ---- the explorer ------------------------------------------------------------------------
@pytest.fixture(scope="module")
def explorer():
    return TextPipelineExplorer()


def test_default_sentence_follows_the_language(language, is_png):
    widget = TextPipelineExplorer(*sentiment_model())
    assert widget.params["sentence"] == i18n.tr("text.pipeline.example")
    assert is_png(widget.png())
    assert ("janela" if language == "pt" else "window") in widget.caption(widget.result)


def test_update_returns_rounded_plain_values(explorer):
    result = explorer.update(sentence="the food was not good .", length=8, padding="post", truncating="post")
    assert isinstance(result["responses"], list) and isinstance(result["embedding"][0][0], float)
    assert result["probability"] == round(result["probability"], 4)
    model, vocabulary = explorer.model, explorer.vocabulary
    X = pad_sequences([vocabulary.encode("the food was not good .")], 8)
    assert result["probability"] == pytest.approx(float(model.predict(X)[0, 0]), abs=1e-4)


@pytest.mark.parametrize("params", [
    {"length": 4}, {"length": 16}, {"padding": "pre"}, {"truncating": "pre", "length": 4},
    {"sentence": ""}, {"sentence": "!!! <unk> & <pad> ???"}, {"sentence": "word " * 40},
    {"sentence": "Adorei! Não gostei. I loved it, I hated it."},
])
def test_extremes_draw_without_warnings(explorer, params, is_png):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = explorer.update(**params)
        assert is_png(explorer.png())
    assert np.isfinite(result["probability"]) and np.isfinite(result["evidence"]).all()
    caption = explorer.caption(result)
    assert "<unk>" not in caption and "&lt;" in caption                   # escaped for the HTML caption


def test_controls_change_the_picture(explorer):
    explorer.update(sentence="the food was great .", length=12, padding="post", truncating="post")
    before = explorer.png()
    explorer.update(padding="pre")
    assert explorer.png() != before


def test_only_filters_that_fire_get_a_maximum_marked(explorer):
    result = explorer.update(sentence="I did not enjoy the show, the actors were awful.", length=14)
    silent = np.array(result["pooled"]) == 0
    marks = np.asarray(explorer.maxima.get_offsets())[:, 1]
    assert silent.any() and not silent.all()
    np.testing.assert_array_equal(np.isnan(marks), silent)
    np.testing.assert_allclose(marks[~silent], np.array(result["argmax"])[~silent] + 0.5)     # k = 2


def test_redrawn_picture_equals_a_fresh_one(explorer):
    """Only the changing artists are redrawn between updates (blitting): the picture must
    still be exactly the one a new explorer draws for the same parameters."""
    for params in ({"length": 4}, {"sentence": "I hated it."}, {"padding": "pre", "length": 16},
                   {"sentence": "the food was great .", "truncating": "pre"}):
        explorer.update(**params)
    fresh = TextPipelineExplorer(explorer.model, explorer.vocabulary, **explorer.params)
    assert explorer.png() == fresh.png()


@pytest.mark.parametrize("params, fragment", [
    ({"length": 3}, "length must be a number from 4 to 16"),
    ({"length": 20}, "length must be a number from 4 to 16"),
    ({"padding": "end"}, "padding must be one of ['post', 'pre']"),
    ({"sentence": 42}, "sentence must be a text (str) of at most 200 characters"),
    ({"sentence": "x" * 201}, "at most 200 characters"),
    ({"sentences": "hi"}, "unknown parameter 'sentences'"),
])
def test_bad_parameters_are_explained(explorer, params, fragment):
    with pytest.raises(ValueError) as error:
        explorer.update(**params)
    assert fragment in str(error.value)


# ---- the Text control ---------------------------------------------------------------------
def test_text_control_validates_and_builds_a_text_box(language):
    control = Text("text.pipeline.sentence", value="hello", max_length=10)
    assert control.validate("short", "W", "sentence") == "short"
    with pytest.raises(ValueError, match="sentence"):
        control.validate("far too long text", "W", "sentence")
    with pytest.raises(ValueError):
        control.validate(None, "W", "sentence")
    box = control.make()
    assert box.value == "hello" and box.continuous_update is False
    assert box.description == ("frase" if language == "pt" else "sentence")
