"""Lesson 05's explorers: move predictions and watch the losses answer.

- ``RegressionLossExplorer``: five targets, four predictions on sliders and a fifth
  that misses by an "outlier" amount; MSE, RMSE, MAE, Huber and log-MSE side by side.
- ``ClassificationLossExplorer``: the probability p the model gives the true class;
  binary and categorical cross-entropy (with or without clipping p to [1e−7, 1 − 1e−7])
  and the hinge loss of the matching score s = ln(p / (1 − p)).
"""

import numpy as np

from ... import metrics
from ...i18n import register, tr
from ...losses import CLIP, Huber, MeanAbsoluteError, MeanSquaredError
from ...widgets import Slider, Toggle, Widget
from ...plots.style import OKABE_ITO, nice_limit

register({
    "losses.outlier": {"en": "outlier: ŷ₅ − y₅ =", "pt": "outlier: ŷ₅ − y₅ ="},
    "losses.delta": {"en": "Huber δ", "pt": "δ da Huber"},
    "losses.sample": {"en": "sample", "pt": "amostra"},
    "losses.value": {"en": "value", "pt": "valor"},
    "losses.target": {"en": "target y", "pt": "alvo y"},
    "losses.predicted": {"en": "prediction ŷ", "pt": "previsão ŷ"},
    "losses.errors_title": {"en": "Targets, predictions and errors", "pt": "Alvos, previsões e erros"},
    "losses.bars_title": {"en": "Every loss for the same predictions", "pt": "Cada perda para as mesmas previsões"},
    "losses.regression_caption": {
        "en": "MSE <b>{mse:.3f}</b>, RMSE <b>{rmse:.3f}</b>, MAE <b>{mae:.3f}</b>, Huber <b>{huber:.3f}</b>, "
              "log-MSE <b>{log_mse:.4f}</b>. {share}",
        "pt": "MSE <b>{mse:.3f}</b>, RMSE <b>{rmse:.3f}</b>, MAE <b>{mae:.3f}</b>, Huber <b>{huber:.3f}</b>, "
              "log-MSE <b>{log_mse:.4f}</b>. {share}",
    },
    "losses.share": {
        "en": "Sample 5 makes up {mse:.0%} of the squared errors but only {mae:.0%} of the absolute errors.",
        "pt": "A amostra 5 responde por {mse:.0%} dos erros ao quadrado, mas só por {mae:.0%} dos erros absolutos.",
    },
    "losses.p": {"en": "p (probability of the true class)", "pt": "p (probabilidade da classe certa)"},
    "losses.clip": {"en": "clip p to [1e−7, 1 − 1e−7]", "pt": "limitar p a [1e−7, 1 − 1e−7]"},
    "losses.bce": {"en": "BCE", "pt": "BCE"},
    "losses.cce": {"en": "CCE", "pt": "CCE"},
    "losses.hinge": {"en": "hinge", "pt": "hinge"},
    "losses.ce_curve": {"en": "cross-entropy −log p", "pt": "entropia cruzada −log p"},
    "losses.hinge_curve": {"en": "hinge max(0, 1 − s), s = ln(p/(1−p))",
                           "pt": "hinge max(0, 1 − s), s = ln(p/(1−p))"},
    "losses.ceiling": {"en": "clipping ceiling −log(1e−7) ≈ 16.1", "pt": "teto do limite −log(1e−7) ≈ 16,1"},
    "losses.curves_title": {"en": "Loss of one sample against p", "pt": "Perda de uma amostra em função de p"},
    "losses.zoom": {"en": "near p = 0 (log scale)", "pt": "perto de p = 0 (escala log)"},
    "losses.values_title": {"en": "The losses at this p", "pt": "As perdas neste p"},
    "losses.infinite": {"en": "∞", "pt": "∞"},
    "losses.classification_caption": {
        "en": "BCE = CCE = −log({p_used}) = <b>{ce}</b>; hinge of s = {score}: <b>{hinge}</b>. "
              "Decision: {binary} with one sigmoid output (p > 0.5), {three} with 3 classes (p is the largest). {note}",
        "pt": "BCE = CCE = −log({p_used}) = <b>{ce}</b>; hinge de s = {score}: <b>{hinge}</b>. "
              "Decisão: {binary} com uma saída sigmoide (p > 0,5), {three} com 3 classes (p é a maior). {note}",
    },
    "losses.right": {"en": "right", "pt": "certa"},
    "losses.wrong": {"en": "wrong", "pt": "errada"},
    "losses.note.clipped": {
        "en": "p = 0 is clipped to {p_used} before the log, so the loss stays finite.",
        "pt": "p = 0 é limitado a {p_used} antes do log, então a perda fica finita.",
    },
    "losses.note.clipped_high": {
        "en": "p = 1 is clipped to 1 − 1e−7 as well: for a sample of the other class, BCE would "
              "need log(1 − p) = log(0).",
        "pt": "p = 1 também é limitado, a 1 − 1e−7: para uma amostra da outra classe, a BCE "
              "precisaria de log(1 − p) = log(0).",
    },
    "losses.note.infinite": {
        "en": "log(0) = −∞: this one sample makes the loss infinite, the mean of the whole batch "
              "becomes infinite too, and training breaks. Turn clipping back on.",
        "pt": "log(0) = −∞: esta única amostra torna a perda infinita, a média do lote inteiro "
              "também vira infinito, e o treino quebra. Ligue o limite de novo.",
    },    # the lesson's own figures
    "losses.fig.error": {"en": "error e = ŷ − y", "pt": "erro e = ŷ − y"},
    "losses.fig.loss_of_error": {"en": "Loss of one error", "pt": "Perda de um erro"},
    "losses.fig.slope_of_error": {"en": "Its slope: the push the gradient gives",
                                  "pt": "Sua inclinação: o empurrão que o gradiente dá"},
    "losses.fig.constant": {"en": "constant prediction c", "pt": "previsão constante c"},
    "losses.fig.mean_loss": {"en": "mean loss over the 5 samples", "pt": "perda média nas 5 amostras"},
    "losses.fig.best_mse": {"en": "MSE: best c = {c:.2f}, the mean", "pt": "MSE: melhor c = {c:.2f}, a média"},
    "losses.fig.best_mae": {"en": "MAE: best c = {c:.2f}, the median", "pt": "MAE: melhor c = {c:.2f}, a mediana"},
    "losses.fig.margin": {"en": "y · s (label times score)", "pt": "y · s (rótulo vezes escore)"},
    "losses.fig.hinge_title": {"en": "Hinge: zero beyond the margin", "pt": "Hinge: zero além da margem"},
    "losses.fig.bce_title": {"en": "Binary cross-entropy of one sample", "pt": "Entropia cruzada binária de uma amostra"},
    "losses.fig.p_class1": {"en": "p = predicted probability of class 1", "pt": "p = probabilidade prevista da classe 1"},
    "losses.fig.label1": {"en": "label y = 1: −log p", "pt": "rótulo y = 1: −log p"},
    "losses.fig.label0": {"en": "label y = 0: −log(1 − p)", "pt": "rótulo y = 0: −log(1 − p)"},
})

#: Slider labels "prediction ŷ₁" ... "prediction ŷ₄".
register({f"losses.prediction_{i}": {"en": f"prediction ŷ{chr(0x2080 + i)}", "pt": f"previsão ŷ{chr(0x2080 + i)}"}
          for i in range(1, 5)})


#: Five targets; the first four predictions are sliders, the fifth misses by "outlier".
TARGETS = np.array([3.0, 5.0, 2.0, 7.0, 4.0])
#: Where the four prediction sliders start: small misses in both directions.
START = (3.5, 4.2, 2.6, 6.5)
LOSS_NAMES = ("MSE", "RMSE", "MAE", "Huber", "log-MSE")


def regression_losses(y_pred, y_true, delta=1.0):
    """MSE, RMSE, MAE, Huber(δ) and log-MSE of two 1-D arrays, with the engine (Lesson 05).

    The engine's losses take columns (n_samples, 1); ``calculate`` is the mean of
    the per-sample losses that ``forward`` returns.
    """
    pred, true = np.reshape(y_pred, (-1, 1)), np.reshape(y_true, (-1, 1))
    return {"MSE": MeanSquaredError().calculate(pred, true), "RMSE": metrics.rmse(pred, true),
            "MAE": MeanAbsoluteError().calculate(pred, true), "Huber": Huber(delta).calculate(pred, true),
            "log-MSE": metrics.log_mse(pred, true)}


class RegressionLossExplorer(Widget):
    """Drag four predictions and an outlier, watch five losses at once (Lesson 05).

    ``update(p1=..., p2=..., p3=..., p4=..., outlier=..., delta=...)`` returns the five
    losses (keys "MSE", "RMSE", "MAE", "Huber", "log-MSE"), the predictions ("y_pred")
    and the outlier's share of the squared and of the absolute errors
    ("share_squared", "share_absolute"; 0 when every error is 0).
    """

    controls = {**{f"p{i}": Slider(f"losses.prediction_{i}", 0.0, 10.0, 0.1, value=START[i - 1])
                   for i in range(1, 5)},
                "outlier": Slider("losses.outlier", 0.0, 20.0, 0.5, value=0.0),
                "delta": Slider("losses.delta", 0.1, 5.0, 0.1, value=1.0)}
    figsize = (7.6, 3.4)

    def setup(self, fig):
        self.ax, self.ax_bars = fig.subplots(1, 2, width_ratios=(1.1, 1))
        samples = np.arange(1, 6)
        self.ax.scatter(samples, TARGETS, s=60, color="black", zorder=3, label=tr("losses.target"))
        self.predicted = self.ax.scatter(samples, TARGETS, s=60, marker="D", color=OKABE_ITO["blue"], zorder=4,
                                         label=tr("losses.predicted"))
        self.errors = [self.ax.plot([i, i], [0, 0], color=OKABE_ITO["vermillion"], lw=2)[0] for i in samples]
        self.ax.set(xticks=samples, xlim=(0.4, 5.6), xlabel=tr("losses.sample"), ylabel=tr("losses.value"))
        self.ax.set_title(tr("losses.errors_title"), fontsize=10)
        self.ax.legend(loc="upper left", fontsize=8)
        self.ax.grid(alpha=0.3)
        self.bars = self.ax_bars.barh(LOSS_NAMES, np.zeros(5), color=["C0", "C1", "C2", "C3", "C4"])
        self.labels = [self.ax_bars.text(0, i, "", va="center", fontsize=9) for i in range(5)]
        self.ax_bars.invert_yaxis()
        self.ax_bars.set_title(tr("losses.bars_title"), fontsize=10)
        self.ax_bars.grid(axis="x", alpha=0.3)
        self.animate(*self.errors, self.predicted, *self.bars, *self.labels)

    def compute(self, p1, p2, p3, p4, outlier, delta):
        y_pred = np.array([p1, p2, p3, p4, TARGETS[4] + outlier])
        result = regression_losses(y_pred, TARGETS, delta)
        errors = y_pred - TARGETS
        squared, absolute = np.sum(errors ** 2), np.sum(np.abs(errors))
        result["share_squared"] = float(errors[4] ** 2 / squared) if squared else 0.0
        result["share_absolute"] = float(abs(errors[4]) / absolute) if absolute else 0.0
        result["y_pred"] = y_pred
        return result

    def draw(self, result, **params):
        y_pred = result["y_pred"]
        self.predicted.set_offsets(np.column_stack([np.arange(1, 6), y_pred]))
        for line, target, prediction in zip(self.errors, TARGETS, y_pred):
            line.set_ydata([target, prediction])
        top = max(11.0, 5.0 * np.ceil((y_pred.max() + 1.0) / 5.0))   # grows in steps of 5
        if self.changed("top", top):
            self.ax.set_ylim(-0.5, top)
        values = [result[name] for name in LOSS_NAMES]
        right = max(1.0, nice_limit(1.3 * max(values)))
        for bar, label, value in zip(self.bars, self.labels, values):
            bar.set_width(value)
            label.set_position((value + 0.02 * right, label.get_position()[1]))
            label.set_text(f"{value:.3f}")
        if self.changed("right", right):
            self.ax_bars.set_xlim(0, right)

    def caption(self, result):
        share = ""
        if self.params["outlier"] > 0:
            share = tr("losses.share", mse=result["share_squared"], mae=result["share_absolute"])
        return tr("losses.regression_caption", mse=result["MSE"], rmse=result["RMSE"], mae=result["MAE"],
                  huber=result["Huber"], log_mse=result["log-MSE"], share=share)


def _show(value, digits):
    """A number for a caption: ``digits`` significant digits, ∞ for infinity, minus U+2212."""
    text = "∞" if np.isinf(value) else f"{value:.{digits}g}"
    return ("−" + text.lstrip("-")) if value < 0 else text


def classification_losses(p, clip=True):
    """Losses of one sample whose true class gets probability ``p`` (Lesson 05).

    With ``clip``, p is first limited to [1e−7, 1 − 1e−7] as the engine does.
    - BCE, one sigmoid output, label 1:     −[1·log p + 0·log(1 − p)] = −log p
    - CCE, 3 classes [p, (1−p)/2, (1−p)/2]: −log p (only the true class counts)
    - hinge, label +1, on the score s = ln(p / (1 − p)) that a sigmoid maps to p:
      max(0, 1 − s)
    Without ``clip``, p = 0 gives infinite losses (returned as ``inf``, no warning).
    """
    used = float(np.clip(p, CLIP, 1 - CLIP)) if clip else float(p)
    with np.errstate(divide="ignore"):
        ce = float(-np.log(used)) + 0.0   # + 0.0 turns −0.0 (at p = 1) into 0.0
        score = float(np.log(used) - np.log1p(-used))
    return {"p_used": used, "BCE": ce, "CCE": ce, "score": score, "hinge": max(0.0, 1.0 - score)}


class ClassificationLossExplorer(Widget):
    """Move the probability of the true class, with clipping on or off (Lesson 05).

    ``update(p=..., clip=...)`` returns ``classification_losses(p, clip)`` plus the
    decisions "binary_right" (p > 0.5) and "three_right" (p > (1 − p)/2, the true
    class has the largest of 3 probabilities).
    """

    controls = {"p": Slider("losses.p", 0.0, 1.0, 0.001, value=0.7),
                "clip": Toggle("losses.clip", value=True)}
    figsize = (7.6, 3.8)
    top = 6.0   # the curves' loss axis ends here; the inset shows the region near p = 0

    def setup(self, fig):
        self.ax, self.ax_bars = fig.subplots(1, 2, width_ratios=(1.5, 1))
        grid = np.linspace(0, 1, 401)
        self.curves = {}   # clip → (cross-entropy, hinge) on the grid, computed once
        for clip in (True, False):
            losses = [classification_losses(value, clip) for value in grid]
            self.curves[clip] = ([loss["BCE"] for loss in losses], [loss["hinge"] for loss in losses])
        (self.ce_curve,) = self.ax.plot(grid, grid, color=OKABE_ITO["reddish purple"], lw=2,
                                        label=tr("losses.ce_curve"))
        (self.hinge_curve,) = self.ax.plot(grid, grid, color=OKABE_ITO["bluish green"], lw=2,
                                           label=tr("losses.hinge_curve"))
        (self.points,) = self.ax.plot([], [], "o", color="black", zorder=4)
        self.ax.set(xlim=(0, 1), ylim=(0, self.top), xlabel=tr("losses.p"))
        self.ax.set_title(tr("losses.curves_title"), fontsize=10)
        self.ax.grid(alpha=0.3)
        self.zoom = self.ax.inset_axes([0.4, 0.4, 0.56, 0.5])
        tiny = np.logspace(-10, -1, 200)
        self.zoom.plot(tiny, -np.log(tiny), color=OKABE_ITO["reddish purple"], ls="--", lw=1)   # −log p, unclipped
        (self.zoom_curve,) = self.zoom.plot(tiny, tiny, color=OKABE_ITO["reddish purple"], lw=2)
        (self.zoom_point,) = self.zoom.plot([], [], "o", color="black")
        self.ceiling = self.zoom.axhline(-np.log(CLIP), color="0.4", ls=":", label=tr("losses.ceiling"))
        self.zoom.set(xscale="log", xlim=(1e-10, 1e-1), ylim=(0, 25), xticks=[1e-10, 1e-7, 1e-4, 1e-1],
                      yticks=[0, 10, 20])
        self.zoom.minorticks_off()
        self.zoom.set_title(tr("losses.zoom"), fontsize=8)
        self.zoom.tick_params(labelsize=7)
        names = (tr("losses.bce"), tr("losses.cce"), tr("losses.hinge"))
        self.bars = self.ax_bars.bar(names, [0, 0, 0], color=[OKABE_ITO["reddish purple"],
                                                              OKABE_ITO["sky blue"], OKABE_ITO["bluish green"]])
        self.labels = [self.ax_bars.text(i, 0, "", ha="center", va="bottom", fontsize=10) for i in range(3)]
        self.ax_bars.set_title(tr("losses.values_title"), fontsize=10)
        fig.legend(handles=[self.ce_curve, self.hinge_curve, self.ceiling], loc="outside lower center",
                   fontsize=7, ncol=3)
        self.animate(self.points, self.zoom_point, *self.bars, *self.labels)

    def compute(self, p, clip):
        result = classification_losses(p, clip)
        result["binary_right"] = bool(p > 0.5)
        result["three_right"] = bool(p > (1 - p) / 2)
        return result

    def draw(self, result, p, clip):
        if self.changed("clip", clip):                  # the curves only change with the clip
            ce, hinge = self.curves[clip]
            self.ce_curve.set_ydata(ce)
            self.hinge_curve.set_ydata(hinge)
            self.ceiling.set_visible(clip)
            tiny = self.zoom_curve.get_xdata()
            self.zoom_curve.set_ydata(-np.log(np.clip(tiny, CLIP, None)) if clip else -np.log(tiny))
        self.points.set_data([p, p], [min(result[name], self.top) for name in ("BCE", "hinge")])
        seen = 1e-10 <= result["p_used"] <= 1e-1   # inside the inset's range
        self.zoom_point.set_data([result["p_used"]] * seen, [result["BCE"]] * seen)
        values = [result[name] for name in ("BCE", "CCE", "hinge")]
        # the axis fits the values; an infinite loss is drawn as a hatched bar up to 20
        height = 20.0 if np.isinf(values).any() else max(1.0, nice_limit(1.25 * max(values)))
        for bar, label, value in zip(self.bars, self.labels, values):
            bar.set_height(value if np.isfinite(value) else height)
            bar.set_hatch("" if np.isfinite(value) else "//")
            label.set_y(min(value, height))
            label.set_text(f"{value:.3g}" if np.isfinite(value) else tr("losses.infinite"))
            label.set_fontsize(10 if np.isfinite(value) else 18)
        if self.changed("height", height):
            self.ax_bars.set_ylim(0, height * 1.1)

    def caption(self, result):
        p = self.params["p"]
        note = ""
        if not np.isfinite(result["BCE"]):
            note = tr("losses.note.infinite")
        elif result["p_used"] < p:
            note = tr("losses.note.clipped_high")
        elif result["p_used"] > p:
            note = tr("losses.note.clipped", p_used=f"{result['p_used']:.7g}")
        verdict = {True: tr("losses.right"), False: tr("losses.wrong")}
        return tr("losses.classification_caption", p_used=f"{result['p_used']:.7g}", ce=_show(result["BCE"], 4),
                  score=_show(result["score"], 3), hinge=_show(result["hinge"], 4),
                  binary=verdict[result["binary_right"]], three=verdict[result["three_right"]], note=note)


# What the lesson's code cells print.
register({
    "losses.print.errors": {"en": "errors:", "pt": "erros:"},
    "losses.print.mse_per_day": {"en": "MSE per day:", "pt": "MSE por dia:"},
    "losses.print.best_c": {"en": "best c for {loss}: {c:.2f}  ({what} {value:.2f})",
                            "pt": "melhor c para o {loss}: {c:.2f}  ({what} {value:.2f})"},
    "losses.print.mean": {"en": "mean", "pt": "média"},
    "losses.print.median": {"en": "median", "pt": "mediana"},
    "losses.print.outlier": {"en": "outlier {value:4.1f}:", "pt": "valor atípico {value:4.1f}:"},
    "losses.print.named": {"en": "{name} {value:.3f}", "pt": "{name} {value:.3f}"},
    "losses.print.by_hand": {"en": "by hand:", "pt": "à mão:"},
    "losses.print.engine": {"en": "engine: ", "pt": "motor:"},
    "losses.print.mean_value": {"en": "mean {value}", "pt": "média {value}"},
    "losses.print.accuracy": {"en": "accuracy: {value}", "pt": "acurácia: {value}"},
    "losses.print.picked": {"en": "p of the right class:", "pt": "p da classe certa:"},
    "losses.print.by_hand_log": {"en": "by hand, −log:        ", "pt": "à mão, −log:        "},
    "losses.print.engine_indices": {"en": "engine, indices:      ", "pt": "motor, índices:     "},
    "losses.print.engine_one_hot": {"en": "engine, one-hot:      ", "pt": "motor, one-hot:     "},
    "losses.print.mean_accuracy": {"en": "mean: {mean}   accuracy: {accuracy}", "pt": "média: {mean}   acurácia: {accuracy}"},
    "losses.print.losses": {"en": "losses:", "pt": "perdas:"},
    "losses.print.by_hand_clipped": {"en": "by hand, clipped:", "pt": "à mão, com limite:"},
    "losses.print.product": {"en": "likelihood, product:     {value}", "pt": "verossimilhança, produto:     {value}"},
    "losses.print.log_sum": {"en": "log-likelihood, sum:     {value}", "pt": "log-verossimilhança, soma:    {value}"},
    "losses.print.mean_log": {"en": "mean −log (by hand):     {value}", "pt": "média de −log (à mão):        {value}"},
    "losses.print.cce": {"en": "CategoricalCrossEntropy: {value}", "pt": "CategoricalCrossEntropy:      {value}"},
    "losses.print.sure": {"en": "sure", "pt": "confiante"},
    "losses.print.hesitant": {"en": "hesitant", "pt": "hesitante"},
    "losses.print.confidence_row": {"en": "{name:>8}: accuracy {accuracy:.4f},  cross-entropy {loss:.4f}",
                                    "pt": "{name:>9}: acurácia {accuracy:.4f},  entropia cruzada {loss:.4f}"},
    "losses.print.true": {"en": "true:     ", "pt": "reais:    "},
    "losses.print.predicted": {"en": "predicted:", "pt": "previstos:"},
    "losses.print.classes": {"en": "classes:", "pt": "classes:"},
})
