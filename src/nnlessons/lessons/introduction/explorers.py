"""Lesson 00's tiny fruit dataset and its explorer: predict a new fruit from the most
similar labelled one (nearest neighbour), as a classification or a regression.

Each fruit is a *sample*; its mass and diameter are its two *features*; its kind
(apple or orange) is a class *label*, and its juice volume is a numeric *target*.
"""

import numpy as np

from ...i18n import register, tr
from ...plots.alt import set_alt_text
from ...plots.style import OKABE_ITO
from ...widgets import Choice, Slider, Widget

#: Apples and oranges: vermillion and orange of Okabe–Ito, drawn as circles and squares so
#: that the shape tells them apart too.
#: Apples and oranges: a green apple and an orange, two Okabe–Ito colours every reader tells apart
#: (vermillion against orange would be too close).
FRUIT_COLORS = (OKABE_ITO["bluish green"], OKABE_ITO["orange"])

register({
    "introduction.mass": {"en": "mass (g)", "pt": "massa (g)"},
    "introduction.diameter": {"en": "diameter (cm)", "pt": "diâmetro (cm)"},
    "introduction.juice": {"en": "juice (mL)", "pt": "suco (mL)"},
    "introduction.apple": {"en": "apple", "pt": "maçã"},
    "introduction.orange": {"en": "orange", "pt": "laranja"},
    "introduction.new_fruit": {"en": "new fruit", "pt": "fruta nova"},
    "introduction.kind": {"en": "kind", "pt": "tipo"},
    "introduction.samples_title": {"en": "10 fruits: each dot is one sample", "pt": "10 frutas: cada ponto é uma amostra"},
    "introduction.sample_row": {"en": "← one sample (a row)", "pt": "← uma amostra (uma linha)"},
    "introduction.feature_column": {"en": "features (columns of X)", "pt": "características (colunas de X)"},
    "introduction.label_column": {"en": "label (y)", "pt": "rótulo (y)"},
    "introduction.table_alt": {
        "en": "a table of the first {rows} fruits, one row per sample: the columns {mass} and {diameter} are "
              "the features (X), the column {kind} is the label (y)",
        "pt": "uma tabela das primeiras {rows} frutas, uma linha por amostra: as colunas {mass} e {diameter} "
              "são as características (X), a coluna {kind} é o rótulo (y)",
    },
    "introduction.ai": {"en": "artificial intelligence", "pt": "inteligência artificial"},
    "introduction.ml": {"en": "machine learning", "pt": "aprendizado de máquina"},
    "introduction.dl": {"en": "deep\nlearning", "pt": "aprendizado\nprofundo"},
    "introduction.with_labels": {"en": "Supervised: every sample has a label", "pt": "Supervisionado: cada amostra tem rótulo"},
    "introduction.without_labels": {"en": "Unsupervised: no labels, find the groups",
                             "pt": "Não supervisionado: sem rótulos, ache os grupos"},
    "introduction.task": {"en": "Task", "pt": "Tarefa"},
    "introduction.classification": {"en": "classification", "pt": "classificação"},
    "introduction.regression": {"en": "regression", "pt": "regressão"},
    "introduction.title_classification": {"en": "Classification: which fruit is it?",
                                    "pt": "Classificação: que fruta é esta?"},
    "introduction.title_regression": {"en": "Regression: how much juice does it give?",
                               "pt": "Regressão: quanto suco ela dá?"},
    "introduction.caption_classification": {
        "en": "Prediction: <b>{label}</b>, copied from fruit #{nearest}, the most similar one.",
        "pt": "Previsão: <b>{label}</b>, copiada da fruta #{nearest}, a mais parecida.",
    },
    "introduction.caption_regression": {
        "en": "Prediction: <b>{juice:.0f} mL</b> of juice, copied from fruit #{nearest}, the most similar one.",
        "pt": "Previsão: <b>{juice:.0f} mL</b> de suco, copiada da fruta #{nearest}, a mais parecida.",
    },
})

#: Ten fruits: mass (g), diameter (cm), kind (0 = apple, 1 = orange), juice (mL).
FRUITS = np.array([
    [140, 6.9, 0, 38],
    [150, 7.2, 0, 42],
    [165, 7.4, 0, 47],
    [172, 7.5, 0, 50],
    [188, 7.7, 0, 55],
    [180, 7.9, 1, 68],
    [205, 8.2, 1, 80],
    [220, 8.5, 1, 88],
    [236, 8.8, 1, 95],
    [250, 9.1, 1, 104],
])

KIND_KEYS = ("introduction.apple", "introduction.orange")


def fruit_data():
    """The fruit dataset (Lesson 00) as ``X, kind, juice``.

    X     (10, 2) float: one row per sample, columns = features (mass g, diameter cm)
    kind  (10,)   int:   class label, 0 = apple, 1 = orange
    juice (10,)   float: numeric target, mL of juice
    """
    return FRUITS[:, :2].astype(float), FRUITS[:, 2].astype(int), FRUITS[:, 3].astype(float)


def nearest_sample(X, x_new):
    """Index of the row of ``X`` closest to ``x_new`` after putting every feature on
    the same scale: ``z = (x - mean) / std`` per column, so grams do not drown
    centimetres; distance = ``||z_i - z_new||``."""
    mean, std = X.mean(axis=0), X.std(axis=0)
    distances = np.linalg.norm((X - mean) / std - (np.asarray(x_new) - mean) / std, axis=1)
    return int(np.argmin(distances))


def draw_table(ax, X, kind, rows=5):
    """Draw the first ``rows`` fruits as a table on ``ax`` (Lesson 00), marking one
    sample (a row of X), the features (the columns of X) and the label (y, apart)."""
    from matplotlib.patches import Rectangle

    columns = [(0.0, "#"), (1.5, tr("introduction.mass")), (3.2, tr("introduction.diameter")), (5.0, tr("introduction.kind"))]
    ax.add_patch(Rectangle((0.6, -rows - 0.5), 3.5, rows + 0.1, color=OKABE_ITO["bluish green"], alpha=0.15, lw=0))
    ax.add_patch(Rectangle((4.4, -rows - 0.5), 1.2, rows + 0.1, color=OKABE_ITO["orange"], alpha=0.2, lw=0))
    ax.add_patch(Rectangle((-0.4, -2.45), 6.1, 0.9, fill=False, edgecolor=OKABE_ITO["blue"], lw=2))
    for x, title in columns:
        ax.text(x, 0, title, ha="center", va="center", weight="bold")
    for i in range(rows):
        cells = [f"#{i}", f"{X[i, 0]:.0f}", f"{X[i, 1]:.1f}", tr(KIND_KEYS[kind[i]])]
        for (x, _), text in zip(columns, cells):
            ax.text(x, -i - 1, text, ha="center", va="center")
    ax.text(5.85, -2, tr("introduction.sample_row"), va="center", color=OKABE_ITO["blue"])
    ax.text(2.35, -rows - 1, tr("introduction.feature_column"), ha="center", va="center",
            color=OKABE_ITO["bluish green"])
    ax.text(5.0, -rows - 1, tr("introduction.label_column"), ha="center", va="center", color=OKABE_ITO["orange"])
    ax.set_xlim(-0.6, 8.8)
    ax.set_ylim(-rows - 1.5, 0.6)
    ax.axis("off")
    set_alt_text(ax, tr("introduction.table_alt", rows=rows, mass=tr("introduction.mass"),
                        diameter=tr("introduction.diameter"), kind=tr("introduction.kind")))


def draw_ai_ml_dl(ax):
    """Three nested circles on ``ax``: deep learning ⊂ machine learning ⊂ AI (Lesson 00)."""
    from matplotlib.patches import Circle

    for radius, key, color in ((3.0, "introduction.ai", "0.5"), (2.1, "introduction.ml", OKABE_ITO["blue"]),
                               (1.1, "introduction.dl", OKABE_ITO["reddish purple"])):
        ax.add_patch(Circle((0, radius - 3.0), radius, color=color, alpha=0.25))
        top = 2 * radius - 3.0
        ax.text(0, top - (0.45 if radius < 2 else 0.35), tr(key), ha="center", va="top", weight="bold")
    ax.set_xlim(-3.1, 3.1)
    ax.set_ylim(-3.1, 3.1)
    ax.set_aspect("equal")
    ax.axis("off")


class FruitExplorer(Widget):
    """Move a new fruit (mass, diameter) and see its prediction: the kind (classification)
    or the juice (regression) of the most similar labelled fruit (Lesson 00).

    ``update(task=..., mass=..., diameter=...)`` returns
    ``{"nearest": index, "prediction": kind (0/1) or juice (mL)}``.
    """

    controls = {
        "task": Choice("introduction.task", {"classification": "introduction.classification",
                                      "regression": "introduction.regression"}),
        "mass": Slider("introduction.mass", 120.0, 270.0, 1.0, value=195.0),
        "diameter": Slider("introduction.diameter", 6.5, 9.5, 0.1, value=7.6),
    }

    def setup(self, fig):
        self.X, self.kind, self.juice = fruit_data()
        ax = self.ax = fig.add_subplot()
        self.by_kind = [ax.scatter(*self.X[self.kind == k].T, s=60, color=FRUIT_COLORS[k], marker=marker,
                                   label=tr(KIND_KEYS[k])) for k, marker in ((0, "o"), (1, "s"))]
        self.by_juice = ax.scatter(*self.X.T, s=60, c=self.juice, cmap="viridis")
        self.juice_text = [ax.annotate(f"{value:.0f}", xy, xytext=(5, -12), textcoords="offset points",
                                       fontsize=8) for xy, value in zip(self.X, self.juice)]
        self.numbers = [ax.annotate(f"#{i}", xy, xytext=(5, 4), textcoords="offset points", fontsize=8,
                                    color="0.35") for i, xy in enumerate(self.X)]
        (self.link,) = ax.plot([], [], "k--", lw=1)
        self.star = ax.scatter([], [], marker="*", s=260, color="black", label=tr("introduction.new_fruit"))
        self.animate(self.link, self.star)
        ax.set_xlim(115, 275)
        ax.set_ylim(6.4, 9.6)
        ax.set_xlabel(tr("introduction.mass"))
        ax.set_ylabel(tr("introduction.diameter"))
        ax.grid(alpha=0.3)

    def compute(self, task, mass, diameter):
        nearest = nearest_sample(self.X, [mass, diameter])
        if task == "classification":
            prediction = int(self.kind[nearest])
        else:
            prediction = float(self.juice[nearest])
        return {"nearest": nearest, "prediction": prediction}

    def draw(self, result, task, mass, diameter):
        classifying = task == "classification"
        for artist in self.by_kind:
            artist.set_visible(classifying)
        self.by_juice.set_visible(not classifying)
        for text in self.juice_text:
            text.set_visible(not classifying)
        self.star.set_offsets([[mass, diameter]])
        self.star.set_color(FRUIT_COLORS[result["prediction"]] if classifying
                            else self.by_juice.to_rgba(result["prediction"]))
        self.star.set_edgecolor("black")
        self.link.set_data([mass, self.X[result["nearest"], 0]], [diameter, self.X[result["nearest"], 1]])
        if self.changed("task", task):
            self.ax.set_title(tr("introduction.title_" + task))
            legend = self.ax.get_legend()
            if classifying:
                self.ax.legend(handles=[*self.by_kind, self.star], loc="upper left", fontsize=8)
            elif legend is not None:
                legend.remove()

    def caption(self, result):
        if self.params["task"] == "classification":
            return tr("introduction.caption_classification", label=tr(KIND_KEYS[result["prediction"]]),
                      nearest=result["nearest"])
        return tr("introduction.caption_regression", juice=result["prediction"], nearest=result["nearest"])


# What the lesson's code cells print.
register({
    "introduction.print.fit": {"en": "juice ≈ {slope:.3f} · mass + ({intercept:.1f})",
                               "pt": "suco ≈ {slope:.3f} · massa + ({intercept:.1f})"},
    "introduction.few_labels": {"en": "semi-supervised: 6 labels, 54 points without",
                                "pt": "semissupervisionado: 6 rótulos, 54 pontos sem"},
})
