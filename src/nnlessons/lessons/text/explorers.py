"""Lesson 17's tools and explorer: a sentence's way through a tiny text classifier.

- ``sentiment_split(language)``: the lesson's train/test split of the sentiment corpus;
- ``sentiment_model(language)``: the lesson's classifier (Embedding → Conv1D → ReLU →
  max over time → Dense → sigmoid), trained once per session and language (about 1 s);
- ``sentence_pipeline(model, vocabulary, sentence, ...)``: every step for one sentence,
  tokens → indices → padded sequence → embeddings → filter responses → probability;
- ``TextPipelineExplorer``: type a sentence, choose the length and the padding and
  truncating sides, and watch each step and the predicted sentiment.

The strings the lesson's code prints (``text.*``) are registered here too.
"""

import html

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.ticker import MaxNLocator

from ...activations import ReLU, Sigmoid
from ...data import train_test_split
from ...i18n import get_language, register, tr
from ...layers import Conv1D, Dense, Embedding, GlobalMaxPool1D
from ...losses import BinaryCrossEntropy
from ...model import Model
from ...optimizers import Adam
from ...text import PAD, PAD_INDEX, UNK_INDEX, Vocabulary, load_sentences, pad_sequences, tokenize
from ...widgets import Choice, IntSlider, Text, Widget
from ...plots.style import RIGHT_COLOR, WRONG_COLOR, nice_limit

register({
    "text.pipeline.sentence": {"en": "sentence", "pt": "frase"},
    "text.pipeline.example": {"en": "The pizza was cold, but the dessert was great.",
                         "pt": "A pizza estava fria, mas a sobremesa estava ótima."},
    "text.pipeline.length": {"en": "length (tokens)", "pt": "comprimento (tokens)"},
    "text.pipeline.padding": {"en": "padding", "pt": "preenchimento"},
    "text.pipeline.truncating": {"en": "truncating", "pt": "corte"},
    "text.pipeline.side.post": {"en": "at the end (post)", "pt": "no fim (post)"},
    "text.pipeline.side.pre": {"en": "at the start (pre)", "pt": "no início (pre)"},
    "text.pipeline.tokens_title": {"en": "token → index", "pt": "token → índice"},
    "text.pipeline.embedding_title": {"en": "embedding rows ({dim} numbers)", "pt": "linhas do embedding ({dim} números)"},
    "text.pipeline.conv_title": {"en": "{filters} filters × windows of {k}", "pt": "{filters} filtros × janelas de {k}"},
    "text.pipeline.evidence_title": {"en": "evidence per window", "pt": "evidência por janela"},
    "text.pipeline.gauge": {"en": "p(positive) = {p:.2f} → {verdict}", "pt": "p(positiva) = {p:.2f} → {verdict}"},
    "text.pipeline.positive": {"en": "positive", "pt": "positiva"},
    "text.pipeline.negative": {"en": "negative", "pt": "negativa"},
    "text.pipeline.caption": {
        "en": "{n} tokens, {unknown} unknown (&lt;unk&gt;), {cut} cut, {pads} &lt;pad&gt;. The strongest "
              "push towards <b>{side}</b> comes from the window <b>{window}</b> ({push:+.2f}).",
        "pt": "{n} tokens, {unknown} desconhecidos (&lt;unk&gt;), {cut} cortados, {pads} &lt;pad&gt;. O "
              "empurrão mais forte para <b>{side}</b> vem da janela <b>{window}</b> ({push:+.2f}).",
    },
    "text.pipeline.caption_cut": {"en": " Cut: {words}.", "pt": " Cortados: {words}."},
    "text.pipeline.err.model": {
        "en": "TextPipelineExplorer: expected a model shaped like Lesson 17's, Embedding → Conv1D → "
              "activation → GlobalMaxPool1D → Dense(…, 1) → Sigmoid, got layers {got}.",
        "pt": "TextPipelineExplorer: esperava um modelo no formato da lição 17, Embedding → Conv1D → "
              "ativação → GlobalMaxPool1D → Dense(…, 1) → Sigmoid, recebeu as camadas {got}.",
    },
    "text.pipeline.err.vocabulary": {
        "en": "TextPipelineExplorer: the vocabulary has {size} tokens but the Embedding was built for "
              "vocab_size={expected}; pass the vocabulary the model was trained with.",
        "pt": "TextPipelineExplorer: o vocabulário tem {size} tokens, mas o Embedding foi criado com "
              "vocab_size={expected}; passe o vocabulário com que o modelo foi treinado.",
    },
    "text.pipeline.err.length": {
        "en": "sentence_pipeline: length={length} is shorter than the filters' window ({k} tokens); "
              "use length ≥ {k}.",
        "pt": "sentence_pipeline: length={length} é menor que a janela dos filtros ({k} tokens); "
              "use length ≥ {k}.",
    },
    # what the lesson's code prints
    "text.sentence_prediction": {"en": "p(positive) = {p:.2f}  {sentence}", "pt": "p(positiva) = {p:.2f}  {sentence}"},
    "text.test_accuracy": {"en": "test accuracy: {accuracy:.0%} of {n} sentences",
                           "pt": "acurácia no teste: {accuracy:.0%} de {n} frases"},
    "text.filter_words": {"en": "filter {f:>2} (weight {w:+.2f}): {windows}",
                          "pt": "filtro {f:>2} (peso {w:+.2f}): {windows}"},
    "text.tricky": {"en": "I didn't like the all-you-can-eat buffet... at ALL!",
                    "pt": "Não gostei do pé-de-moleque... NADA, mesmo!"},
    "text.unknown_sentence": {"en": "The gazpacho was great!", "pt": "O gaspacho estava ótimo!"},
    "text.toy_negated": {"en": "The soup was not good.", "pt": "Eu não gostei da sopa."},
    "text.toy_plain": {"en": "The soup was good.", "pt": "Eu gostei da sopa."},
    "text.toy_first": {"en": "not", "pt": "não"},
    "text.toy_second": {"en": "good", "pt": "gostei"},
    "text.cost": {"en": "multiplications: {multiplications} with one-hot vectors, none with the lookup "
                        "(it copies {copied} numbers)",
                  "pt": "multiplicações: {multiplications} com vetores one-hot, nenhuma com a consulta "
                        "(ela copia {copied} números)"},
    "text.lengths": {"en": "tokens per sentence: {mean:.1f} on average, 95% have at most {p95:.0f}, the longest has {longest}",
                     "pt": "tokens por frase: {mean:.1f} em média, 95% têm no máximo {p95:.0f}, a mais longa tem {longest}"},
    "text.parameters": {"en": "parameters: {total}, of which {embedding} in the embedding ({vocab} · 8)",
                        "pt": "parâmetros: {total}, dos quais {embedding} no embedding ({vocab} · 8)"},
    "text.train_accuracy": {"en": "training accuracy: {accuracy:.0%}", "pt": "acurácia no treino: {accuracy:.0%}"},
    "text.new_sentence.0": {"en": "I loved the hotel, the room was clean and the staff were friendly.",
                            "pt": "Adorei o hotel, o quarto estava limpo e os funcionários foram simpáticos."},
    "text.new_sentence.1": {"en": "The film was boring and far too long.",
                            "pt": "O filme foi chato e longo demais."},
    "text.new_sentence.2": {"en": "The soup was not good.",
                            "pt": "A sopa não estava boa."},
    "text.new_sentence.3": {"en": "Not bad at all!",
                            "pt": "Nada mal!"},
})

#: The lesson's recipe (Lesson 17): sentence length, sizes, and training.
LENGTH, EMBEDDING_DIM, FILTERS, KERNEL_SIZE = 12, 8, 16, 2
EPOCHS, BATCH_SIZE, LEARNING_RATE = 40, 16, 0.01


def sentiment_split(language=None):
    """The lesson's split of the sentiment corpus (Lesson 17): 75% train, 25% test,
    stratified (half positive in each), seed 0. Returns ``train_texts, test_texts,
    y_train, y_test`` (texts as arrays of str, labels int64 0/1)."""
    texts, labels = load_sentences(language)
    return train_test_split(np.array(texts), labels, test_size=0.25, seed=0, stratify=True)


def sentiment_layers(vocab_size):
    """The lesson's classifier for sentences of token indices (Lesson 17):
    (n, 12) → Embedding (n, 12, 8) → Conv1D (n, 11, 16) → ReLU → GlobalMaxPool1D (n, 16)
    → Dense (n, 1) → Sigmoid: p(positive)."""
    return [Embedding(vocab_size, EMBEDDING_DIM, seed=0), Conv1D(EMBEDDING_DIM, FILTERS, KERNEL_SIZE, seed=1),
            ReLU(), GlobalMaxPool1D(), Dense(FILTERS, 1, seed=2), Sigmoid()]


_TRAINED = {}


def sentiment_model(language=None):
    """``(model, vocabulary)``: ``sentiment_layers`` trained on the training part of
    ``sentiment_split`` with the lesson's recipe (Adam(0.01), 40 epochs, batches of 16,
    seed 0) (Lesson 17). Trained on the first call for each language, then kept."""
    language = get_language() if language is None else language
    if language not in _TRAINED:
        train_texts, _, y_train, _ = sentiment_split(language)
        vocabulary = Vocabulary.build(list(train_texts))
        X_train = pad_sequences([vocabulary.encode(text) for text in train_texts], LENGTH)
        model = Model(sentiment_layers(len(vocabulary)), BinaryCrossEntropy(), Adam(LEARNING_RATE))
        model.fit(X_train, y_train[:, None], epochs=EPOCHS, batch_size=BATCH_SIZE, seed=0, progress=False)
        _TRAINED[language] = model, vocabulary
    return _TRAINED[language]


def check_text_model(model, vocabulary):
    """Raise unless ``model`` is Embedding → Conv1D → activation → GlobalMaxPool1D →
    Dense(…, 1) → Sigmoid and ``vocabulary`` fits its Embedding (Lesson 17)."""
    kinds = (Embedding, Conv1D, object, GlobalMaxPool1D, Dense, Sigmoid)
    layers = model.layers
    shaped = len(layers) == len(kinds) and all(isinstance(layer, kind) for layer, kind in zip(layers, kinds))
    if not shaped or layers[4].n_neurons != 1:
        raise ValueError(tr("text.pipeline.err.model", got=[type(layer).__name__ for layer in layers]))
    if len(vocabulary) != layers[0].vocab_size:
        raise ValueError(tr("text.pipeline.err.vocabulary", size=len(vocabulary), expected=layers[0].vocab_size))


def sentence_pipeline(model, vocabulary, sentence, length=LENGTH, padding="post", truncating="post"):
    """Every step of a sentence through a Lesson 17 classifier (Lesson 17).

    tokens    = tokenize(sentence);  encoded = vocabulary.encode(tokens)
    padded    = pad_sequences([encoded], length, padding, truncating)[0]
    embedding = E[padded]                               (length, embedding_dim)
    responses = activation(Conv1D(embedding))           (length − k + 1, filters)
    pooled_f  = max_t responses[t, f],  at position t_f (the first maximum)
    logit     = b + Σ_f w_f · pooled_f = b + Σ_t evidence_t,
                evidence_t = Σ_{f: t_f = t} w_f · pooled_f  (what window t adds to the logit)
    p         = σ(logit), the probability that the sentence is positive

    Returns a dict of plain values: "tokens", "words" (what each of the ``length``
    places holds: a token or "<pad>"), "indices" (the padded sequence), "unknown"
    (tokens that became <unk>), "cut" (tokens truncated away), "embedding",
    "responses", "pooled", "argmax", "evidence", "logit", "probability".
    """
    check_text_model(model, vocabulary)
    embedding_layer, conv, activation, pool, dense, sigmoid = model.layers
    k = conv.kernel_size[1]
    if length < k:
        raise ValueError(tr("text.pipeline.err.length", length=length, k=k))
    tokens = tokenize(sentence)
    encoded = vocabulary.encode(tokens)
    places = pad_sequences([np.arange(1, len(tokens) + 1)], length, padding, truncating)[0]   # 1 + token number
    indices = np.array([encoded[place - 1] if place else PAD_INDEX for place in places], dtype=np.int64)
    embedding = embedding_layer.forward(indices[None], training=False)
    responses = activation.forward(conv.forward(embedding, training=False), training=False)
    pooled = pool.forward(responses, training=False)
    probability = sigmoid.forward(dense.forward(pooled, training=False), training=False)
    contributions = pooled[0] * dense.weights[:, 0]
    argmax = pool.argmax[0]
    evidence = np.bincount(argmax, weights=contributions, minlength=responses.shape[1])
    kept = set(places[places > 0] - 1)
    return {
        "tokens": tokens,
        "words": [tokens[place - 1] if place else PAD for place in places],
        "indices": indices.tolist(),
        "unknown": [token for token, index in zip(tokens, encoded) if index == UNK_INDEX],
        "cut": [token for number, token in enumerate(tokens) if number not in kept],
        "embedding": embedding[0],
        "responses": responses[0],
        "pooled": pooled[0],
        "argmax": argmax.tolist(),
        "evidence": evidence,
        "logit": float(dense.biases[0, 0] + contributions.sum()),
        "probability": float(probability[0, 0]),
    }


#: Cell colours of the token column: a known token, <unk>, <pad>.
_CELL_COLORS = {"known": (0.80, 0.88, 0.97, 1.0), "unknown": (1.00, 0.80, 0.55, 1.0), "pad": (0.90, 0.90, 0.90, 1.0)}


class TextPipelineExplorer(Widget):
    """A sentence's way through a trained Lesson 17 classifier (Lesson 17).

    ``TextPipelineExplorer(model, vocabulary)``; with no arguments it uses
    ``sentiment_model()`` for the current language. Controls: the ``sentence`` (typed),
    its ``length`` in tokens, and the ``padding`` and ``truncating`` sides ("post" = at
    the end, "pre" = at the start).

    One row per place of the padded sentence: the token and its index (blue: known,
    orange: <unk>, grey: <pad>), its embedding row, then each filter's response to the
    window of k tokens starting there (white dots: the maximum that max-over-time
    keeps, for the filters that fire at all), and the evidence of that window (blue: towards positive, vermillion: towards
    negative). ``update(...)`` returns ``sentence_pipeline``'s dict with the arrays
    rounded to 4 decimals, as lists.

    Speed: the axes never change (rows for the longest length, the evidence scale in
    1-2-5 steps), so an update repaints only the animated artists (``Widget.animate``).
    """

    controls = {
        "sentence": Text("text.pipeline.sentence"),
        "length": IntSlider("text.pipeline.length", 4, 16, value=LENGTH),
        "padding": Choice("text.pipeline.padding", {"post": "text.pipeline.side.post", "pre": "text.pipeline.side.pre"}),
        "truncating": Choice("text.pipeline.truncating", {"post": "text.pipeline.side.post", "pre": "text.pipeline.side.pre"}),
    }
    figsize = (8.6, 4.4)

    def __init__(self, model=None, vocabulary=None, **params):
        if model is None:
            model, vocabulary = sentiment_model()
        check_text_model(model, vocabulary)
        self.model, self.vocabulary = model, vocabulary
        params.setdefault("sentence", tr("text.pipeline.example"))
        super().__init__(**params)

    def setup(self, fig):
        self.most = most = self.controls["length"].high
        self.k = self.model.layers[1].kernel_size[1]
        dim, filters = self.model.layers[0].embedding_dim, self.model.layers[1].out_channels
        grid = fig.add_gridspec(2, 4, width_ratios=[1.3, 1.0, 1.7, 1.1], height_ratios=[1, 0.09])
        self.ax_words = fig.add_subplot(grid[0, 0])
        self.ax_embedding = fig.add_subplot(grid[0, 1], sharey=self.ax_words)
        self.ax_conv = fig.add_subplot(grid[0, 2], sharey=self.ax_words)
        self.ax_evidence = fig.add_subplot(grid[0, 3], sharey=self.ax_words)
        self.ax_gauge = fig.add_subplot(grid[1, :])
        shift = (self.k - 1) / 2                       # a window sits between the tokens it reads
        # the longest sequence fills the height and shorter ones leave empty rows below, so no
        # axis changes with the length and a redraw only repaints the animated artists
        rows = (most - 0.5, -0.5)
        self.cells = self.ax_words.imshow(np.ones((most, 1, 4)), aspect="auto", interpolation="none",
                                          extent=(0, 1, *rows))
        self.row_texts = [self.ax_words.text(0.04, row, "", ha="left", va="center", fontsize=8, family="monospace")
                          for row in range(most)]
        self.ax_words.set_title(tr("text.pipeline.tokens_title"), fontsize=9)

        reach = float(np.abs(self.model.layers[0].weights).max())
        self.embedding_image = self.ax_embedding.imshow(np.zeros((most, dim)), cmap="RdBu_r", vmin=-reach, vmax=reach,
                                                        aspect="auto", interpolation="none",
                                                        extent=(-0.5, dim - 0.5, *rows))
        self.ax_embedding.set_title(tr("text.pipeline.embedding_title", dim=dim), fontsize=9)

        self.conv_image = self.ax_conv.imshow(np.zeros((most - self.k + 1, filters)), cmap="viridis", aspect="auto",
                                              interpolation="none",
                                              extent=(-0.5, filters - 0.5, most - self.k + 0.5 + shift, shift - 0.5))
        self.maxima = self.ax_conv.scatter(np.zeros(filters), np.zeros(filters), s=14, c="white",
                                           edgecolors="black", linewidths=0.6)
        self.ax_conv.set_title(tr("text.pipeline.conv_title", filters=filters, k=self.k), fontsize=9)

        self.bars = self.ax_evidence.add_collection(PolyCollection([], edgecolors="none"))
        self.ax_evidence.axvline(0, color="0.3", lw=0.8)
        self.ax_evidence.set_title(tr("text.pipeline.evidence_title"), fontsize=9)
        self.ax_evidence.tick_params(labelsize=7)
        self.ax_evidence.xaxis.set_major_locator(MaxNLocator(3))

        (self.gauge,) = self.ax_gauge.barh([0], [0.0], height=1.0)
        self.ax_gauge.axvline(0.5, color="0.2", lw=1, ls="--")
        self.ax_gauge.set_xlim(0, 1)
        self.ax_gauge.set_ylim(-0.5, 0.5)
        self.gauge_text = self.ax_gauge.text(0.01, 0, "", ha="left", va="center", fontsize=9, weight="bold",
                                             transform=self.ax_gauge.get_yaxis_transform())
        self.ax_words.set_xlim(0, 1)
        self.ax_words.set_ylim(*rows)
        for ax in (self.ax_words, self.ax_embedding, self.ax_conv, self.ax_evidence, self.ax_gauge):
            ax.yaxis.set_visible(False)          # an axis that is not drawn costs nothing to redraw
            if ax is not self.ax_evidence:
                ax.xaxis.set_visible(False)
        self.animate(self.cells, self.embedding_image, self.conv_image, self.maxima, self.bars, self.gauge,
                     self.gauge_text, *self.row_texts)

    def compute(self, sentence, length, padding, truncating):
        result = sentence_pipeline(self.model, self.vocabulary, sentence, length, padding, truncating)
        for key in ("embedding", "responses", "pooled", "evidence"):
            result[key] = np.round(result[key], 4).tolist()
        result["logit"] = round(result["logit"], 4)
        result["probability"] = round(result["probability"], 4)
        return result

    def draw(self, result, sentence, length, padding, truncating):
        kinds = ["pad" if word == PAD else "unknown" if index == UNK_INDEX else "known"
                 for word, index in zip(result["words"], result["indices"])]
        cells = np.zeros((self.most, 1, 4))                               # transparent below the sequence
        cells[:length, 0] = [_CELL_COLORS[kind] for kind in kinds]
        self.cells.set_data(cells)
        for row, text in enumerate(self.row_texts):
            text.set_text(f"{result['indices'][row]:>3}  {result['words'][row]}" if row < length else "")
        self.embedding_image.set_data(_fill_rows(result["embedding"], self.most))

        responses = np.array(result["responses"])
        windows = len(responses)
        self.conv_image.set_data(_fill_rows(responses, self.most - self.k + 1))
        self.conv_image.set_clim(0.0, max(float(responses.max()), 1e-6))
        shift = (self.k - 1) / 2
        fired = np.array(result["pooled"]) > 0                               # a silent filter has no maximum to mark
        marks = np.where(fired, np.array(result["argmax"]) + shift, np.nan)
        self.maxima.set_offsets(np.column_stack([np.arange(responses.shape[1]), marks]))

        evidence = np.array(result["evidence"])
        middles = np.arange(windows) + shift
        self.bars.set_verts([[(0, y - 0.35), (value, y - 0.35), (value, y + 0.35), (0, y + 0.35)]
                             for y, value in zip(middles, evidence)])
        self.bars.set_facecolors(np.where(evidence[:, None] >= 0, to_rgba(RIGHT_COLOR), to_rgba(WRONG_COLOR)))
        reach = nice_limit(1.1 * float(np.abs(evidence).max()))      # 1-2-5 steps: rarely changes
        if self.changed("reach", reach):
            self.ax_evidence.set_xlim(-reach, reach)

        p = result["probability"]
        positive = p > 0.5
        self.gauge.set_width(p)
        self.gauge.set_color(RIGHT_COLOR if positive else WRONG_COLOR)
        self.gauge_text.set_text(tr("text.pipeline.gauge", p=p, verdict=tr("text.pipeline.positive" if positive
                                                                        else "text.pipeline.negative")))

    def caption(self, result):
        evidence = np.array(result["evidence"])
        positive = result["probability"] > 0.5
        strongest = int(np.argmax(evidence) if positive else np.argmin(evidence))
        window = " ".join(result["words"][strongest:strongest + self.k])
        text = tr("text.pipeline.caption", n=len(result["tokens"]), unknown=len(result["unknown"]), cut=len(result["cut"]),
                  pads=result["words"].count(PAD), window=html.escape(window), push=float(evidence[strongest]),
                  side=tr("text.pipeline.positive" if positive else "text.pipeline.negative"))
        if result["cut"]:
            text += tr("text.pipeline.caption_cut", words=html.escape(" ".join(result["cut"])))
        return text


def _fill_rows(values, rows):
    """``values`` (n, columns) on top of NaN rows up to ``rows`` (drawn transparent)."""
    values = np.asarray(values, dtype=float)
    filled = np.full((rows, values.shape[1]), np.nan)
    filled[:len(values)] = values
    return filled


# What the lesson's code cells print.
register({
    "text.print.responses": {"en": "{sentence:<24} ReLU(r) = {responses}   max = {best}",
                             "pt": "{sentence:<24} ReLU(r) = {responses}   max = {best}"},
    "text.print.p": {"en": " p = {p:.2f}", "pt": " p = {p:.2f}"},
})
