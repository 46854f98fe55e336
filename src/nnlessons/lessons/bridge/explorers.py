"""What Lesson 18 (bridge) prints: its demonstrations run on the engine, and their sentences.

The lesson shows Keras and PyTorch code without running it (neither is a dependency); what
it runs is nnlessons, so every sentence below reports an engine computation.
"""

from ...i18n import register

register({
    "bridge.print.layouts": {
        "en": "nnlessons and PyTorch (N, C, H, W): {ours}    Keras (N, H, W, C): {keras}",
        "pt": "nnlessons e PyTorch (N, C, H, W): {ours}    Keras (N, H, W, C): {keras}",
    },
    "bridge.print.kernels": {
        "en": "Conv2D weights, nnlessons and PyTorch (out, in, kh, kw): {ours}    Keras kernel (kh, kw, in, out): "
              "{keras}",
        "pt": "Pesos da Conv2D, nnlessons e PyTorch (out, in, kh, kw): {ours}    kernel do Keras (kh, kw, in, out): "
              "{keras}",
    },
    "bridge.print.parameters": {
        "en": "{count:,} parameters, the number Keras' model.summary() and PyTorch's "
              "sum(p.numel() for p in model.parameters()) report for the same model",
        "pt": "{count:,} parâmetros, o número que o model.summary() do Keras e o "
              "sum(p.numel() for p in model.parameters()) do PyTorch mostram para o mesmo modelo",
    },
    "bridge.print.trained": {
        "en": "best epoch {best} of {epochs}: validation loss {loss:.3f}, validation accuracy {accuracy:.1%}",
        "pt": "melhor época: {best} de {epochs}; perda na validação {loss:.3f}, acurácia na validação "
              "{accuracy:.1%}",
    },
    "bridge.print.softmax_once": {
        "en": "softmax once:  p(right class) = {p:.3f}, loss = {loss:.3f}",
        "pt": "softmax uma vez:   p(classe certa) = {p:.3f}, perda = {loss:.3f}",
    },
    "bridge.print.softmax_twice": {
        "en": "softmax twice: p(right class) = {p:.3f}, loss = {loss:.3f}",
        "pt": "softmax duas vezes: p(classe certa) = {p:.3f}, perda = {loss:.3f}",
    },
    "bridge.print.stopped": {
        "en": "best epoch {best}, stopped at epoch {stopped}",
        "pt": "melhor época {best}, parou na época {stopped}",
    },
    "bridge.print.kept": {
        "en": "validation loss of the best epoch: {best:.3f}    of the weights the model holds: {kept:.3f}",
        "pt": "perda na validação da melhor época: {best:.3f}    dos pesos que o modelo guarda: {kept:.3f}",
    },
    "bridge.print.dropout": {
        "en": "training=True: {zeros} of {total} values zeroed    training=False: {zeros_eval} zeroed",
        "pt": "training=True: {zeros} de {total} valores zerados    training=False: {zeros_eval} zerados",
    },
})
