"""Lesson 11's explorer: the folds of k-fold cross-validation, and what each one scores.

- ``fold_data()``: the panel's small data set, two rings with a rare inner one;
- ``FoldExplorer``: pick k, stratified or not and the shuffling seed; see which samples
  validate in which fold, the score of a small network on each fold, and their mean ± spread.
"""

import numpy as np
from matplotlib import patheffects
from matplotlib.lines import Line2D

from ...data import circles_data, k_fold
from ...i18n import register, tr
from ...widgets import IntSlider, Toggle, Widget
from ...widgets.yours import make_network
from ...plots.style import class_colors, few_ticks

register({
    "cross_validation.k": {"en": "folds k", "pt": "partes k"},
    "cross_validation.stratified_toggle": {"en": "stratified", "pt": "estratificada"},
    "cross_validation.seed": {"en": "shuffle seed", "pt": "semente"},
    "cross_validation.points_title": {"en": "which fold each sample validates in",
                                      "pt": "em que parte cada amostra valida"},
    "cross_validation.scores_title": {"en": "validation accuracy per fold", "pt": "acurácia de validação por parte"},
    "cross_validation.fold": {"en": "fold", "pt": "parte"},
    "cross_validation.accuracy": {"en": "accuracy", "pt": "acurácia"},
    "cross_validation.common": {"en": "outer ring (common)", "pt": "anel de fora (comum)"},
    "cross_validation.rare": {"en": "inner ring (rare)", "pt": "anel de dentro (raro)"},
    "cross_validation.mean": {"en": "mean", "pt": "média"},
    "cross_validation.spread": {"en": "mean ± standard deviation", "pt": "média ± desvio-padrão"},
    "cross_validation.kind.plain": {"en": "plain", "pt": "simples"},
    "cross_validation.kind.stratified": {"en": "stratified", "pt": "estratificada"},
    "cross_validation.caption": {
        "en": "{k} folds, {kind}, seed {seed}: rare samples per fold {rare}; accuracy per fold {scores}; "
              "mean <b>{mean:.0%} ± {std:.0%}</b>.",
        "pt": "{k} partes, {kind}, semente {seed}: amostras raras por parte {rare}; acurácia por parte {scores}; "
              "média <b>{mean:.0%} ± {std:.0%}</b>.",
    },
    "cross_validation.fold_view_row": {
        "en": "k = {k}, {kind:<10}: rare samples per fold {rare}, mean accuracy {mean:.1%} ± {std:.1%}",
        "pt": "k = {k}, {kind:<13}: amostras raras por parte {rare}, acurácia média {mean:.1%} ± {std:.1%}",
    },
})

# The lesson's own printed lines.
register({
    "cross_validation.split_scores": {
        "en": "right answers out of {n} for 10 split seeds: {right}\n"
              "validation accuracy from {low:.1%} to {high:.1%}",
        "pt": "acertos em {n} para 10 sementes da divisão: {right}\n"
              "acurácia na validação de {low:.1%} a {high:.1%}",
    },
    "cross_validation.fold_row": {"en": "fold {i}: validation {val}, training {train}",
                                  "pt": "parte {i}: validação {val}, treino {train}"},
    "cross_validation.spread_row": {
        "en": "{kind:<22} 10 seeds, from {low:.1%} to {high:.1%} (standard deviation {std:.1%})",
        "pt": "{kind:<26} 10 sementes, de {low:.1%} a {high:.1%} (desvio-padrão {std:.1%})",
    },
    "cross_validation.one_split": {"en": "one 80/20 split", "pt": "uma divisão 80/20"},
    "cross_validation.five_fold": {"en": "mean of 5 folds", "pt": "média de 5 partes"},
    "cross_validation.seed_axis": {"en": "seed of the split or of the shuffle", "pt": "semente da divisão ou do embaralhamento"},
    "cross_validation.rare_per_fold": {"en": "{kind:<10} rare-class samples in each validation fold: {counts}",
                                       "pt": "{kind:<13} amostras da classe rara em cada parte de validação: {counts}"},
    "cross_validation.cv_small": {"en": "k = {k:>2}: {fits:>2} trainings, mean validation accuracy {mean:.1%}",
                                  "pt": "k = {k:>2}: {fits:>2} treinos, acurácia média na validação {mean:.1%}"},
    "cross_validation.cv_row": {
        "en": "hidden neurons = {hidden:>2}: validation accuracy {mean:.1%} ± {std:.1%}   folds: {scores}",
        "pt": "neurônios ocultos = {hidden:>2}: acurácia na validação {mean:.1%} ± {std:.1%}   partes: {scores}",
    },
    "cross_validation.chosen": {
        "en": "chosen: {hidden} hidden neurons, retrained on {n} samples; test accuracy, measured once: {accuracy:.0%}",
        "pt": "escolha: {hidden} neurônios ocultos, treinada de novo com {n} amostras; acurácia no teste, medida "
              "uma única vez: {accuracy:.0%}",
    },
    "cross_validation.check_new": {
        "en": "on the 200 new points the chosen network scores {new:.0%}",
        "pt": "nos 200 pontos novos, a rede escolhida tira {new:.0%}",
    },
})

#: How many inner-ring (class 0) samples ``fold_data`` keeps, of 48.
RARE = 12


def fold_data():
    """The panel's data (Lesson 11): two noisy rings (``circles_data(48, noise=0.2, seed=2)``)
    of which the inner one, class 0, keeps only its first ``RARE`` samples.

    Shapes: X (60, 2) float64, y (60,) int64; 12 samples of class 0 and 48 of class 1,
    so a plain fold can easily miss the rare class.
    """
    X, y = circles_data(48, noise=0.2, seed=2)
    keep = (y == 1) | (np.arange(len(y)) < RARE)
    return X[keep], y[keep]


def fold_scores(X, y, k, stratified, seed, hidden=8, epochs=150):
    """Train one ``make_network(hidden, "relu", 2, 0.03)`` per fold of
    ``k_fold(y, k, stratified, seed=seed)`` for ``epochs`` full-batch epochs (Lesson 11).

    Returns ``(fold, scores)``: fold (n,) int64, the fold each sample validates in, and the
    k validation accuracies, in fold order.
    """
    fold = np.empty(len(y), dtype=np.int64)
    scores = []
    for i, (train_index, val_index) in enumerate(k_fold(y, k=k, stratified=stratified, seed=seed)):
        fold[val_index] = i
        model = make_network(hidden, "relu", classes=2, learning_rate=0.03)
        model.fit(X[train_index], y[train_index], epochs=epochs, progress=False)
        scores.append(model.evaluate(X[val_index], y[val_index]).accuracy)
    return fold, scores


class FoldExplorer(Widget):
    """k-fold cross-validation on screen (Lesson 11).

    Left: the 60 samples of ``fold_data`` in the plane, each coloured by the fold it
    validates in (circles: the common outer ring; triangles: the rare inner ring).
    Right: one bar per fold, the validation accuracy of a network trained on the other
    k − 1 folds (``fold_scores``), with the mean and mean ± standard deviation.

    Speed: k networks train per setting, ``epochs`` full-batch epochs each (about 15 ms
    apiece: 100 epochs score like 150 on these 45–58 training points); every setting's
    result is cached, so going back to one is instant.

    ``update(k=..., stratified=..., seed=...)`` returns ``{"k", "fold", "sizes",
    "rare_per_fold", "scores", "mean", "std"}`` (``fold``: the fold of each sample).
    """

    controls = {
        "k": IntSlider("cross_validation.k", 2, 8, value=5),
        "stratified": Toggle("cross_validation.stratified_toggle", value=False),
        "seed": IntSlider("cross_validation.seed", 0, 9, value=0),
    }
    figsize = (8.6, 3.6)
    epochs = 100

    def __init__(self, **params):
        self.X, self.y = fold_data()
        self._runs = {}
        super().__init__(**params)

    def setup(self, fig):
        fig.set_layout_engine("none")
        grid = fig.add_gridspec(1, 2, width_ratios=[1, 1.1], left=0.04, right=0.98, bottom=0.22, top=0.9,
                                wspace=0.18)
        self.ax, self.ax_scores = grid.subplots()
        rare = self.y == 0
        self.common_points = self.ax.scatter(*self.X[~rare].T, s=28, marker="o", edgecolors="0.15", linewidths=0.5)
        self.rare_points = self.ax.scatter(*self.X[rare].T, s=46, marker="^", edgecolors="black", linewidths=0.8)
        self.ax.set_title(tr("cross_validation.points_title"), fontsize=10)
        self.ax.set_xticks([])
        self.ax.set_yticks([])
        self.ax.set_aspect("equal", adjustable="datalim")
        marker = {"ls": "none", "color": "0.7", "markeredgecolor": "0.15"}
        self.ax.legend(handles=[Line2D([], [], marker="o", markersize=6, label=tr("cross_validation.common"), **marker),
                                Line2D([], [], marker="^", markersize=7, label=tr("cross_validation.rare"), **marker)],
                       loc="upper center", bbox_to_anchor=(0.5, -0.03), ncol=2, fontsize=8, frameon=False)
        slots = self.controls["k"].high
        self.bars = self.ax_scores.bar(np.arange(slots), np.zeros(slots), width=0.7, edgecolor="0.15")
        self.spread = self.ax_scores.axhspan(0, 0, color="0.6", alpha=0.3, lw=0, label=tr("cross_validation.spread"))
        # a white rim keeps the mean line visible across the eighth fold's black bar
        self.mean_line = self.ax_scores.axhline(0, color="black", lw=1.5, label=tr("cross_validation.mean"),
                                                path_effects=[patheffects.withStroke(linewidth=3.5, foreground="white")])
        self.ax_scores.set_ylim(0, 1.05)
        self.ax_scores.set_xlabel(tr("cross_validation.fold"), labelpad=1)
        self.ax_scores.set_ylabel(tr("cross_validation.accuracy"))
        self.ax_scores.set_title(tr("cross_validation.scores_title"), fontsize=10)
        self.ax_scores.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=2, fontsize=8, frameon=False)
        self.ax_scores.grid(axis="y", alpha=0.3)
        few_ticks(self.ax_scores)
        self.animate(self.common_points, self.rare_points, self.spread, *self.bars, self.mean_line)

    def compute(self, k, stratified, seed):
        setting = (k, stratified, seed)
        if setting not in self._runs:
            self._runs[setting] = fold_scores(self.X, self.y, k, stratified, seed, epochs=self.epochs)
        fold, scores = self._runs[setting]
        return {"k": k, "fold": fold.tolist(), "sizes": np.bincount(fold, minlength=k).tolist(),
                "rare_per_fold": np.bincount(fold[self.y == 0], minlength=k).tolist(), "scores": list(scores),
                "mean": float(np.mean(scores)), "std": float(np.std(scores))}

    def draw(self, result, k, stratified, seed):
        colors = class_colors(k)[np.asarray(result["fold"])]
        rare = self.y == 0
        self.common_points.set_facecolors(colors[~rare])
        self.rare_points.set_facecolors(colors[rare])
        fold_colors = class_colors(k)
        for i, bar in enumerate(self.bars):
            bar.set_visible(i < k)
            if i < k:
                bar.set_height(result["scores"][i])
                bar.set_facecolor(fold_colors[i])
        low, high = result["mean"] - result["std"], result["mean"] + result["std"]
        self.spread.set_y(low)
        self.spread.set_height(high - low)
        self.mean_line.set_ydata([result["mean"], result["mean"]])
        if self.changed("folds axis", k):
            self.ax_scores.set_xlim(-0.6, k - 0.4)
            self.ax_scores.set_xticks(range(k))

    def caption(self, result):
        kind = tr("cross_validation.kind." + ("stratified" if self.params["stratified"] else "plain"))
        scores = ", ".join(f"{score:.0%}" for score in result["scores"])
        return tr("cross_validation.caption", k=result["k"], kind=kind, seed=self.params["seed"],
                  rare=result["rare_per_fold"], scores=scores, mean=result["mean"], std=result["std"])
