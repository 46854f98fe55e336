"""Lesson 16's pictures and printed strings: a binary classifier's probabilities, and
where early stopping stopped.

- ``draw_probability_histogram(ax, probabilities, labels, thresholds)``: how many samples
  of each true class get each predicted probability, with the thresholds as lines;
- ``mark_early_stopping(ax, history)``: the best and the last epoch of an early-stopped
  ``fit`` on a loss plot.

The strings the lesson's code prints (``beyond.*``) are registered here too.
"""

import numpy as np

from ...i18n import register, tr
from ...plots.style import CLASS_COLORS, OKABE_ITO

register({
    "beyond.threshold_row": {
        "en": "threshold {t:.1f}: accuracy {accuracy:.0%}, false positives {fp:>2}, false negatives {fn:>2}",
        "pt": "limiar {t:.1f}: acurácia {accuracy:.0%}, falsos positivos {fp:>2}, falsos negativos {fn:>2}",
    },
    "beyond.sine": {"en": "sin(2πx)", "pt": "sen(2πx)"},
    "beyond.stuck": {"en": "weights 0.01·N(0, 1): MSE = {mse:.4f}", "pt": "pesos 0,01·N(0, 1): MSE = {mse:.4f}"},
    "beyond.trained": {"en": "weights 0.1·N(0, 1): MSE = {mse:.4f}", "pt": "pesos 0,1·N(0, 1): MSE = {mse:.4f}"},
    "beyond.pickle_ran": {
        "en": "Hello! This line was run by pickle.loads: a 'model' file just ran code on your computer.",
        "pt": "Olá! Esta linha foi executada por pickle.loads: um arquivo de 'modelo' acabou de rodar código no seu computador.",
    },
    "beyond.best_epoch": {"en": "best epoch", "pt": "melhor época"},
    "beyond.stopped": {"en": "stopped", "pt": "parou"},
    "beyond.prediction": {"en": "({x:+.1f}, {y:+.1f}) → p = {p:.2f} → class {label}",
                          "pt": "({x:+.1f}; {y:+.1f}) → p = {p:.2f} → classe {label}"},
    "beyond.class": {"en": "true class {label}", "pt": "classe verdadeira {label}"},
    "beyond.probability": {"en": "p = predicted probability of class 1", "pt": "p = probabilidade prevista da classe 1"},
    "beyond.samples": {"en": "samples", "pt": "amostras"},
    "beyond.boundary_title": {"en": "p = 0.1, 0.5 and 0.9 (new samples)", "pt": "p = 0,1; 0,5 e 0,9 (amostras novas)"},
    "beyond.bends": {"en": "bends of layer 1", "pt": "dobras da camada 1"},
    "beyond.network": {"en": "network", "pt": "rede"},
    "beyond.evaluation": {
        "en": "training set: loss {train_loss:.2f}, accuracy {train_accuracy:.0%};  new samples: loss {val_loss:.2f}, "
              "accuracy {val_accuracy:.0%}",
        "pt": "treino: perda {train_loss:.2f}, acurácia {train_accuracy:.0%};  amostras novas: perda {val_loss:.2f}, "
              "acurácia {val_accuracy:.0%}",
    },
    "beyond.early_stopping": {"en": "best epoch: {best}; stopped after epoch {stopped} of {epochs}",
                              "pt": "melhor época: {best}; parou depois da época {stopped} de {epochs}"},
    "beyond.val_losses": {"en": "val_loss at the best epoch: {best:.3f}; at the last one: {last:.3f}",
                          "pt": "val_loss na melhor época: {best:.3f}; na última: {last:.3f}"},
    "beyond.checkpoint": {"en": "val_loss of the checkpoint file: {file:.3f}; of the model after fit: {model:.3f}",
                          "pt": "val_loss do arquivo de checkpoint: {file:.3f}; do modelo depois do fit: {model:.3f}"},
})

#: Line styles of the thresholds the lesson draws, so the lines are told apart without colour.
THRESHOLD_STYLES = {0.1: ":", 0.5: "-", 0.9: "--"}


def draw_probability_histogram(ax, probabilities, labels, thresholds=(0.1, 0.5, 0.9), bins=20):
    """Histogram of ``probabilities`` (n,) for each true class in ``labels`` (n,) of 0/1,
    in the class colours, and one grey vertical line per threshold t: the samples between
    two lines change sides when the decision "class 1 when p > t" moves (Lesson 16)."""
    probabilities, labels = np.asarray(probabilities), np.asarray(labels)
    for label in (0, 1):
        ax.hist(probabilities[labels == label], bins=bins, range=(0, 1), alpha=0.6, color=CLASS_COLORS[label],
                label=tr("beyond.class", label=label))
    for threshold in thresholds:
        ax.axvline(threshold, color="0.2", ls=THRESHOLD_STYLES.get(threshold, "-."), lw=1)
    ax.set(xlabel=tr("beyond.probability"), ylabel=tr("beyond.samples"))
    ax.legend()


def mark_early_stopping(ax, history):
    """Vertical lines on a loss plot of ``history`` (a ``History`` of ``fit`` with
    ``early_stopping``): its best epoch (dashed, bluish green) and the epoch it stopped
    after (dotted, grey), counted from 1 as the plot counts (Lesson 16)."""
    ax.axvline(history.best_epoch + 1, color=OKABE_ITO["bluish green"], ls="--", label=tr("beyond.best_epoch"))
    ax.axvline(history.stopped_epoch + 1, color="0.3", ls=":", label=tr("beyond.stopped"))
    ax.legend(fontsize=8)
