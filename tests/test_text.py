"""Lesson 17's text tools: tokenize, Vocabulary, pad_sequences and the sentiment corpus."""

import hashlib
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

from nnlessons import data, i18n
from nnlessons.text import PAD, UNK, Vocabulary, load_sentences, pad_sequences, tokenize

ROOT = Path(__file__).resolve().parents[1]


# ---- tokenize -------------------------------------------------------------------------
@pytest.mark.parametrize("text, tokens", [
    ("The food was GREAT!", ["the", "food", "was", "great", "!"]),
    ("Não gostei, foi CHATO!", ["não", "gostei", ",", "foi", "chato", "!"]),
    ("I didn't like the all-you-can-eat buffet...", ["i", "didn't", "like", "the", "all-you-can-eat", "buffet",
                                                    ".", ".", "."]),
    ("O pé-de-moleque: ótimo", ["o", "pé-de-moleque", ":", "ótimo"]),
    ("  spaces\tand\nnewlines  ", ["spaces", "and", "newlines"]),
    ("10/10, would eat again", ["10", "/", "10", ",", "would", "eat", "again"]),
    ("'quoted' - dash", ["'", "quoted", "'", "-", "dash"]),
    ("", []),
])
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens


def test_tokens_join_back_to_the_text_without_its_spaces():
    text = "Uma viagem excelente, bem organizada!"
    assert "".join(tokenize(text)) == re.sub(r"\s", "", text.lower())


@pytest.mark.parametrize("bad, fragment", [(["a text"], "[tokenize(text) for text in texts]"), (42, "int 42")])
def test_tokenize_wants_one_string(bad, fragment):
    with pytest.raises(ValueError, match=r"tokenize: expected a text \(a str\)") as error:
        tokenize(bad)
    assert fragment in str(error.value)


# ---- Vocabulary -------------------------------------------------------------------------
TEXTS = ["The film was great.", "The food was bad.", "Great food!"]


def test_build_orders_by_count_then_alphabet():
    vocab = Vocabulary.build(TEXTS)
    # counts: the 2, was 2, great 2, food 2, . 2, film 1, bad 1, ! 1
    assert vocab.tokens == [PAD, UNK, ".", "food", "great", "the", "was", "!", "bad", "film"]
    assert len(vocab) == 10 and "food" in vocab and "pizza" not in vocab


def test_min_count_and_max_size():
    assert Vocabulary.build(TEXTS, min_count=2).tokens == [PAD, UNK, ".", "food", "great", "the", "was"]
    assert Vocabulary.build(TEXTS, max_size=4).tokens == [PAD, UNK, ".", "food"]


def test_encode_and_decode():
    vocab = Vocabulary.build(TEXTS)
    assert vocab.encode("The pizza was GREAT!") == [5, 1, 6, 4, 7]
    assert vocab.encode(["food", "pizza"]) == [3, 1]
    assert vocab.decode([5, 1, 6, 4, 7]) == ["the", UNK, "was", "great", "!"]
    assert vocab.decode(np.array([0, 9])) == [PAD, "film"]


def test_a_vocabulary_round_trips_through_its_token_list():
    vocab = Vocabulary.build(TEXTS)
    again = Vocabulary(list(vocab.tokens))
    assert again.tokens == vocab.tokens and again.encode("bad film") == vocab.encode("bad film")


def test_build_accepts_an_array_of_strings():
    assert Vocabulary.build(np.array(TEXTS)).tokens == Vocabulary.build(TEXTS).tokens


def test_specials_are_never_counted_twice():
    assert Vocabulary.build(["<pad> <unk>"]).tokens.count(PAD) == 1


@pytest.mark.parametrize("call, pattern", [
    (lambda: Vocabulary.build("one text"), r"Vocabulary.build: expected a list of texts .*wrap it in a list"),
    (lambda: Vocabulary.build([1, 2]), r"Vocabulary.build: expected a list of texts"),
    (lambda: Vocabulary.build(TEXTS, min_count=0), r"min_count must be a whole number ≥ 1"),
    (lambda: Vocabulary.build(TEXTS, max_size=2), r"max_size must be None or a whole number ≥ 3"),
    (lambda: Vocabulary(["the", "film"]), r"must start with '<pad>' \(index 0\) and '<unk>' \(index 1\)"),
    (lambda: Vocabulary([PAD, UNK, "a", "a"]), r"the token 'a' appears more than once"),
    (lambda: Vocabulary.build(TEXTS).decode([3, 10]), r"index 10 is not in this vocabulary.*0 to 9"),
    (lambda: Vocabulary.build(TEXTS).decode([1.0]), r"index 1.0 is not in this vocabulary"),
])
def test_vocabulary_teaching_errors(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


# ---- pad_sequences ------------------------------------------------------------------------
SEQUENCES = [[5, 6, 7, 8, 9], [3], []]


@pytest.mark.parametrize("padding, truncating, expected", [
    ("post", "post", [[5, 6, 7], [3, 0, 0], [0, 0, 0]]),
    ("pre", "post", [[5, 6, 7], [0, 0, 3], [0, 0, 0]]),
    ("post", "pre", [[7, 8, 9], [3, 0, 0], [0, 0, 0]]),
    ("pre", "pre", [[7, 8, 9], [0, 0, 3], [0, 0, 0]]),
])
def test_pad_sequences_sides(padding, truncating, expected):
    out = pad_sequences(SEQUENCES, 3, padding=padding, truncating=truncating)
    assert out.dtype == np.int64
    np.testing.assert_array_equal(out, expected)


def test_pad_sequences_by_hand_and_other_value():
    out = pad_sequences(SEQUENCES, 7, value=-1)
    np.testing.assert_array_equal(out, [seq + [-1] * (7 - len(seq)) for seq in SEQUENCES])


def test_pad_sequences_accepts_arrays_and_whole_floats():
    np.testing.assert_array_equal(pad_sequences([np.array([1.0, 2.0])], 3), [[1, 2, 0]])
    np.testing.assert_array_equal(pad_sequences(np.array([[1, 2], [3, 4]]), 1), [[1], [3]])


@pytest.mark.parametrize("call, pattern", [
    (lambda: pad_sequences([1, 2, 3], 5), r"looks like one sequence; wrap it in a list: pad_sequences\(\[sequence\]"),
    (lambda: pad_sequences(np.array([1, 2, 3]), 5), r"looks like one sequence"),
    (lambda: pad_sequences(["a text"], 5), r"Turn texts into indices first"),
    (lambda: pad_sequences("a text", 5), r"Turn texts into indices first"),
    (lambda: pad_sequences([[1.5]], 5), r"expected a list of sequences of token indices"),
    (lambda: pad_sequences([[[1, 2]]], 5), r"expected a list of sequences of token indices"),
    (lambda: pad_sequences(SEQUENCES, 0), r"length must be a whole number ≥ 1"),
    (lambda: pad_sequences(SEQUENCES, 3, padding="end"), r"padding must be 'pre' \(at the start\) or 'post'"),
    (lambda: pad_sequences(SEQUENCES, 3, truncating=None), r"truncating must be 'pre'"),
])
def test_pad_sequences_teaching_errors(call, pattern):
    with pytest.raises(ValueError, match=pattern):
        call()


def test_errors_speak_portuguese():
    i18n.set_language("pt")
    with pytest.raises(ValueError, match="deve ser 'pre' \\(no início\\) ou 'post' \\(no fim\\)"):
        pad_sequences(SEQUENCES, 3, padding="fim")


# ---- the corpus -------------------------------------------------------------------------------
@pytest.mark.parametrize("language", ["pt", "en"])
def test_corpus_size_balance_and_types(language):
    texts, labels = load_sentences(language)
    assert len(texts) == len(labels) == 300
    assert labels.dtype == np.int64 and set(labels.tolist()) == {0, 1} and labels.sum() == 150
    assert all(isinstance(text, str) and text.strip() == text and text for text in texts)
    assert len(set(texts)) == 300


def test_the_two_languages_say_the_same_things_line_by_line():
    pt_texts, pt_labels = load_sentences("pt")
    en_texts, en_labels = load_sentences("en")
    np.testing.assert_array_equal(pt_labels, en_labels)
    assert any(c in "".join(pt_texts) for c in "ãçéó")          # real accents, read as UTF-8
    assert abs(np.mean([len(t) for t in pt_texts]) - np.mean([len(t) for t in en_texts])) < 5


def test_default_language_is_the_lessons():
    i18n.set_language("pt")
    assert load_sentences()[0] == load_sentences("pt")[0]


def test_unknown_language():
    with pytest.raises(ValueError, match=r"load_sentences: unknown language 'fr'; expected one of \['pt', 'en'\]"):
        load_sentences("fr")


@pytest.mark.parametrize("name", ["sentences_pt.tsv", "sentences_en.tsv"])
def test_corpus_hash_is_recorded_in_data_and_in_the_readme(name):
    digest = hashlib.sha256((ROOT / "datasets" / name).read_bytes()).hexdigest()
    assert data._SHA256[name] == digest
    assert digest in (ROOT / "datasets" / "README.md").read_text(encoding="utf-8")


def test_a_changed_corpus_file_is_refused(tmp_path, monkeypatch):
    for name in data._SHA256:
        shutil.copy(data._datasets_dir("test") / name, tmp_path / name)
    monkeypatch.setattr(data, "_datasets_dir", lambda where: tmp_path)
    path = tmp_path / "sentences_en.tsv"
    path.write_bytes(path.read_bytes().replace(b"loved", b"hated", 1))
    with pytest.raises(ValueError, match=r"load_sentences: .*sentences_en\.tsv is damaged"):
        load_sentences("en")
    assert len(load_sentences("pt")[0]) == 300
