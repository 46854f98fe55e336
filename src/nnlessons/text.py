"""Text for neural networks (Lesson 17): tokens, a vocabulary, sequences of one length.

- ``tokenize(text)``: "The food was GREAT!" → ["the", "food", "was", "great", "!"];
- ``Vocabulary``: token ↔ index, with ``<pad>`` = 0 and ``<unk>`` = 1 (``build`` counts
  the tokens of some texts; ``encode`` and ``decode`` translate);
- ``pad_sequences(sequences, length)``: cut long sequences and fill short ones with
  ``<pad>``, so a batch of sentences is one (n, length) array of indices;
- ``load_sentences(language)``: the lessons' small sentiment corpus, 300 short
  sentences about films, food and trips, in Portuguese or English.
"""

import re
from collections import Counter

import numpy as np

from .data import _read_verified
from .i18n import LANGUAGES, get_language, register, tr
from .validation import check_positive_int

PAD, UNK = "<pad>", "<unk>"
PAD_INDEX, UNK_INDEX = 0, 1
SIDES = ("pre", "post")

#: A word (letters or digits, accents included, joined by inner apostrophes or hyphens:
#: "didn't", "guarda-chuva"), or any other visible character on its own ("!", ",").
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]")

register({
    "text.err.not_text": {
        "en": "{where}: expected a text (a str), got {got}.{hint}",
        "pt": "{where}: esperava um texto (uma str), recebeu {got}.{hint}",
    },
    "text.hint.many_texts": {
        "en": " For several texts use [tokenize(text) for text in texts].",
        "pt": " Para vários textos use [tokenize(text) for text in texts].",
    },
    "text.err.texts": {
        "en": "{where}: expected a list of texts (str), got {got}.{hint}",
        "pt": "{where}: esperava uma lista de textos (str), recebeu {got}.{hint}",
    },
    "text.hint.one_text": {
        "en": " For a single text, wrap it in a list: [text].",
        "pt": " Para um único texto, coloque-o numa lista: [text].",
    },
    "text.err.specials": {
        "en": "{where}: the tokens must start with {pad!r} (index 0) and {unk!r} (index 1), got {got}. "
              "Use the list a vocabulary gives, vocabulary.tokens, or Vocabulary.build(texts).",
        "pt": "{where}: os tokens devem começar com {pad!r} (índice 0) e {unk!r} (índice 1), recebeu {got}. "
              "Use a lista que um vocabulário dá, vocabulary.tokens, ou Vocabulary.build(texts).",
    },
    "text.err.duplicate": {
        "en": "{where}: the token {token!r} appears more than once; each token needs exactly one index.",
        "pt": "{where}: o token {token!r} aparece mais de uma vez; cada token precisa de um único índice.",
    },
    "text.err.max_size": {
        "en": "{where}: max_size must be None or a whole number ≥ 3 ({pad}, {unk} and at least one word), got {value!r}.",
        "pt": "{where}: max_size deve ser None ou um número inteiro ≥ 3 ({pad}, {unk} e ao menos uma palavra), "
              "recebeu {value!r}.",
    },
    "text.err.index": {
        "en": "{where}: index {index!r} is not in this vocabulary, whose indices go from 0 to {last}.",
        "pt": "{where}: o índice {index!r} não está neste vocabulário, cujos índices vão de 0 a {last}.",
    },
    "text.err.side": {
        "en": "{where}: {name} must be 'pre' (at the start) or 'post' (at the end), got {value!r}.",
        "pt": "{where}: {name} deve ser 'pre' (no início) ou 'post' (no fim), recebeu {value!r}.",
    },
    "text.err.sequences": {
        "en": "{where}: expected a list of sequences of token indices (whole numbers), got {got}.{hint}",
        "pt": "{where}: esperava uma lista de sequências de índices de tokens (inteiros), recebeu {got}.{hint}",
    },
    "text.hint.one_sequence": {
        "en": " This looks like one sequence; wrap it in a list: pad_sequences([sequence], length).",
        "pt": " Isto parece uma única sequência; coloque-a numa lista: pad_sequences([sequence], length).",
    },
    "text.hint.encode_first": {
        "en": " Turn texts into indices first: [vocabulary.encode(text) for text in texts].",
        "pt": " Transforme os textos em índices antes: [vocabulary.encode(text) for text in texts].",
    },
    "text.err.language": {
        "en": "{where}: unknown language {value!r}; expected one of {languages}.",
        "pt": "{where}: idioma desconhecido {value!r}; esperava um de {languages}.",
    },
})


def _short(value):
    """A value as shown in an error: its type and a clipped repr."""
    text = repr(value)
    return f"{type(value).__name__} {text[:57] + '...' if len(text) > 60 else text}"


def tokenize(text):
    """Split a text into lower-case tokens: words and punctuation marks (Lesson 17).

    tokens = the words of text.lower() (runs of letters and digits, accents included,
             joined by an inner apostrophe or hyphen), and every other visible
             character on its own
    "Não gostei, foi CHATO!" → ["não", "gostei", ",", "foi", "chato", "!"]
    """
    if not isinstance(text, str):
        hint = tr("text.hint.many_texts") if isinstance(text, (list, tuple)) else ""
        raise ValueError(tr("text.err.not_text", where="tokenize", got=_short(text), hint=hint))
    return _TOKEN.findall(text.lower())


def _check_texts(texts, where):
    """Raise unless ``texts`` is a list, tuple or 1-D array of strings."""
    if isinstance(texts, np.ndarray) and texts.ndim == 1:
        texts = texts.tolist()
    if isinstance(texts, str):
        raise ValueError(tr("text.err.texts", where=where, got=_short(texts), hint=tr("text.hint.one_text")))
    if not isinstance(texts, (list, tuple)) or not all(isinstance(text, str) for text in texts):
        raise ValueError(tr("text.err.texts", where=where, got=_short(texts), hint=""))


class Vocabulary:
    """The tokens a model knows, each with its index (Lesson 17).

    Index 0 is ``<pad>`` (fills short sentences), index 1 is ``<unk>`` (stands for any
    token the vocabulary does not know), then the known tokens.

    ``Vocabulary(tokens)``: from the full list, index by index, as ``vocabulary.tokens``
    gives it (save that list as JSON next to a model: it is part of the model).
    ``Vocabulary.build(texts, min_count=1, max_size=None)``: from the tokens of some
    texts, most frequent first (ties in alphabetical order).
    ``encode(text)`` → list of indices; ``decode(indices)`` → list of tokens;
    ``len(vocabulary)`` is the number of tokens, the ``vocab_size`` of an ``Embedding``.
    """

    def __init__(self, tokens):
        where = "Vocabulary"
        _check_texts(tokens, where)
        tokens = list(tokens)
        if tokens[:2] != [PAD, UNK]:
            raise ValueError(tr("text.err.specials", where=where, pad=PAD, unk=UNK, got=tokens[:2]))
        self.tokens = tokens
        self.lookup = {}
        for index, token in enumerate(tokens):
            if token in self.lookup:
                raise ValueError(tr("text.err.duplicate", where=where, token=token))
            self.lookup[token] = index

    @classmethod
    def build(cls, texts, min_count=1, max_size=None):
        """A vocabulary of the tokens of ``texts`` seen at least ``min_count`` times (Lesson 17).

        Order: <pad>, <unk>, then the tokens by falling count, ties alphabetical;
        ``max_size`` (None: no limit) keeps only the first ``max_size`` entries in all.
        Build it from the training texts only: words met later become <unk>.
        """
        where = "Vocabulary.build"
        _check_texts(texts, where)
        min_count = check_positive_int(min_count, "min_count", where)
        if max_size is not None and (isinstance(max_size, bool) or not isinstance(max_size, (int, np.integer))
                                     or max_size < 3):
            raise ValueError(tr("text.err.max_size", where=where, pad=PAD, unk=UNK, value=max_size))
        counts = Counter(token for text in texts for token in tokenize(text))
        ranked = sorted((token for token, count in counts.items() if count >= min_count and token not in (PAD, UNK)),
                        key=lambda token: (-counts[token], token))
        tokens = [PAD, UNK, *ranked]
        return cls(tokens if max_size is None else tokens[:max_size])

    def __len__(self):
        return len(self.tokens)

    def __contains__(self, token):
        return token in self.lookup

    def __repr__(self):
        more = ", ..." if len(self) > 6 else ""
        return f"Vocabulary(len={len(self)}, tokens=[{', '.join(map(repr, self.tokens[:6]))}{more}])"

    def encode(self, text):
        """Indices of the tokens of ``text`` (a str, tokenized first, or a list of tokens);
        unknown tokens get index 1, <unk>."""
        tokens = text if isinstance(text, (list, tuple)) else tokenize(text)
        return [self.lookup.get(token, UNK_INDEX) for token in tokens]

    def decode(self, indices):
        """The tokens of a sequence of indices: ``decode(encode(text))`` gives back the
        tokens of ``text``, with <unk> where a word was unknown."""
        last = len(self) - 1
        tokens = []
        for index in indices:
            whole = isinstance(index, (int, np.integer)) and not isinstance(index, bool)
            if not whole or not 0 <= index <= last:
                raise ValueError(tr("text.err.index", where="Vocabulary.decode", index=index, last=last))
            tokens.append(self.tokens[index])
        return tokens


def _check_side(value, name, where):
    if value not in SIDES:
        raise ValueError(tr("text.err.side", where=where, name=name, value=value))
    return value


def pad_sequences(sequences, length, padding="post", truncating="post", value=PAD_INDEX):
    """Make every sequence exactly ``length`` long, as one int64 array (n, length) (Lesson 17).

    longer than length:  truncating="post" keeps s[:length] (cuts the end),
                         truncating="pre"  keeps s[-length:] (cuts the start);
    shorter:             padding="post" adds ``value`` (<pad> = 0) at the end,
                         padding="pre"  adds it at the start.
    Keras' function of the same name defaults to "pre" for both; here the defaults keep
    the start of every sentence and pad at the end, the order one reads in.
    """
    where = "pad_sequences"
    length = check_positive_int(length, "length", where)
    _check_side(padding, "padding", where)
    _check_side(truncating, "truncating", where)
    rows = _check_sequences(sequences, where)
    out = np.full((len(rows), length), value, dtype=np.int64)
    for i, row in enumerate(rows):
        kept = row[:length] if truncating == "post" else row[max(len(row) - length, 0):]
        if padding == "post":
            out[i, :len(kept)] = kept
        else:
            out[i, length - len(kept):] = kept
    return out


def _check_sequences(sequences, where):
    """``sequences`` as a list of 1-D int64 arrays, or a teaching error."""
    if isinstance(sequences, str) or (isinstance(sequences, (list, tuple)) and sequences
                                      and all(isinstance(item, str) for item in sequences)):
        raise ValueError(tr("text.err.sequences", where=where, got=_short(sequences),
                            hint=tr("text.hint.encode_first")))
    one_array = isinstance(sequences, np.ndarray) and sequences.ndim == 1 and sequences.dtype.kind in "iuf"
    one_list = isinstance(sequences, (list, tuple)) and sequences and all(
        isinstance(item, (int, np.integer)) for item in sequences)
    if one_array or one_list:
        raise ValueError(tr("text.err.sequences", where=where, got=_short(sequences),
                            hint=tr("text.hint.one_sequence")))
    rows = []
    for item in sequences:
        row = np.asarray(item)
        whole = row.dtype.kind in "iu" or (row.dtype.kind == "f" and np.array_equal(row, np.round(row)))
        if row.ndim != 1 or not whole:
            raise ValueError(tr("text.err.sequences", where=where, got=_short(item), hint=""))
        rows.append(row.astype(np.int64))
    return rows


def load_sentences(language=None):
    """The lessons' sentiment corpus (Lesson 17): 300 short reviews of films, food and trips.

    Returns ``texts`` (list of 300 str) and ``labels`` (300,) int64: 1 = positive,
    0 = negative, 150 of each. ``language`` is "pt" or "en" (default: the lessons'
    current language, so a Portuguese notebook reads Portuguese sentences). The two
    files say the same things, sentence by sentence, each in its own words.
    Source: datasets/sentences_<language>.tsv, written for this project (see
    datasets/README.md); its sha256 is checked before it is read.
    """
    where = "load_sentences"
    language = get_language() if language is None else language
    if language not in LANGUAGES:
        raise ValueError(tr("text.err.language", where=where, value=language, languages=list(LANGUAGES)))
    lines = _read_verified(f"sentences_{language}.tsv", where).decode("utf-8").splitlines()[1:]
    labels, texts = zip(*(line.split("\t") for line in lines))
    return list(texts), np.array(labels, dtype=np.int64)
