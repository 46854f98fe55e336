"""Engine benchmarks: spiral MLP, two digits CNNs, vectorised Conv2D vs loops, cost of input checks.

Where PyTorch is installed, the same work also runs in PyTorch on the CPU (one
thread, float64 like the engine) and the table shows our time / PyTorch time.
"""

import contextlib
import sys
from typing import NamedTuple

import numpy as np

from common import median_time, table, timed
from nnlessons.activations import ReLU, Softmax
from nnlessons.data import load_digits, spiral_data, train_test_split
from nnlessons.layers import Conv2D, Dense, Dropout, Flatten, Layer, MaxPool2D
from nnlessons.losses import CategoricalCrossEntropy
from nnlessons.model import Model
from nnlessons.optimizers import Adam
from nnlessons.reference import conv2d_backward_loops, conv2d_loops

try:
    import torch
    torch.set_num_threads(1)
except ImportError:
    torch = None

SPIRAL_EPOCHS = 10_000


# -- spiral: Dense(2,64)–ReLU–Dense(64,3)–Softmax, Adam(0.05, decay=5e-7), full batch ----------
def spiral_model(seed):
    return Model([Dense(2, 64, seed=seed), ReLU(), Dense(64, 3, seed=seed + 1), Softmax()],
                 CategoricalCrossEntropy(), Adam(learning_rate=0.05, decay=5e-7))


def train_spiral(seed=0, epochs=SPIRAL_EPOCHS):
    X, y = spiral_data(100, 3, seed=0)
    model = spiral_model(seed)
    model.fit(X, y, epochs=epochs, progress=False)
    return model.evaluate(X, y).accuracy


def train_spiral_torch(epochs=SPIRAL_EPOCHS):
    X, y = spiral_data(100, 3, seed=0)
    X, y = torch.tensor(X), torch.tensor(y)
    torch.manual_seed(0)
    net = torch.nn.Sequential(torch.nn.Linear(2, 64), torch.nn.ReLU(), torch.nn.Linear(64, 3)).double()
    optimizer = torch.optim.Adam(net.parameters(), lr=0.05, eps=1e-7)
    loss_fn = torch.nn.CrossEntropyLoss()
    for _ in range(epochs):
        optimizer.zero_grad()
        output = net(X)
        loss_fn(output, y).backward()
        optimizer.step()
        (output.argmax(1) == y).double().mean().item()   # the engine computes accuracy every epoch too
    return (net(X).argmax(1) == y).double().mean().item()


# -- digits CNNs: two Conv2D+ReLU+MaxPool2D blocks, Flatten, Dense -----------------------------
class CnnRecipe(NamedTuple):
    """One digits CNN, built alike in the engine and in PyTorch (padding 'same' = 1 for 3×3)."""
    name: str
    filters: tuple          # out_channels of the two Conv2D layers
    hidden: int             # Dense neurons after Flatten (0: Flatten goes straight to the 10 outputs)
    epochs: int
    batch: int
    learning_rate: float
    decay: float


#: The bench's own LeNet-style network, and an independent recipe (a smaller network,
#: Adam 0.01 without decay, 15 epochs) that showed a different engine / PyTorch ratio.
LENET = CnnRecipe("LeNet-style 16–32 filters, Dense(128, 64), Dropout 0.2", (16, 32), 64, 30, 32, 0.005, 1e-3)
SMALL = CnnRecipe("small 8–16 filters, Dense(64, 10)", (8, 16), 0, 15, 32, 0.01, 0.0)
CNN_RECIPES = (LENET, SMALL)


def digits_split():
    images, labels = load_digits()
    return train_test_split(images[:, None] / 16, labels, test_size=0.2, seed=0, stratify=True)


def cnn_layers(recipe, seed):
    first, second = recipe.filters
    flat = second * 2 * 2
    layers = [Conv2D(1, first, 3, padding="same", seed=seed), ReLU(), MaxPool2D(2),
              Conv2D(first, second, 3, padding="same", seed=seed + 1), ReLU(), MaxPool2D(2), Flatten()]
    if recipe.hidden:
        layers += [Dense(flat, recipe.hidden, seed=seed + 2), ReLU(), Dropout(0.2, seed=seed)]
    return layers + [Dense(recipe.hidden or flat, 10, seed=seed + 3), Softmax()]


def cnn_torch_layers(recipe):
    nn = torch.nn
    first, second = recipe.filters
    flat = second * 2 * 2
    layers = [nn.Conv2d(1, first, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
              nn.Conv2d(first, second, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten()]
    if recipe.hidden:
        layers += [nn.Linear(flat, recipe.hidden), nn.ReLU(), nn.Dropout(0.2)]
    return nn.Sequential(*layers, nn.Linear(recipe.hidden or flat, 10)).double()


def train_cnn(seed=0, recipe=LENET):
    X_train, X_test, y_train, y_test = digits_split()
    model = Model(cnn_layers(recipe, seed), CategoricalCrossEntropy(),
                  Adam(recipe.learning_rate, decay=recipe.decay))
    seconds, _ = timed(lambda: model.fit(X_train, y_train, epochs=recipe.epochs, batch_size=recipe.batch,
                                         progress=False, seed=seed))
    return seconds, model.evaluate(X_test, y_test).accuracy


def train_cnn_torch(seed=0, recipe=LENET):
    X_train, X_test, y_train, y_test = (torch.tensor(a) for a in digits_split())
    torch.manual_seed(seed)
    net = cnn_torch_layers(recipe)
    optimizer = torch.optim.Adam(net.parameters(), lr=recipe.learning_rate, eps=1e-7)
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda step: 1 / (1 + recipe.decay * step))
    loss_fn = torch.nn.CrossEntropyLoss()
    generator = torch.Generator().manual_seed(seed)

    def fit():
        net.train()
        for _ in range(recipe.epochs):
            order = torch.randperm(len(X_train), generator=generator)
            for start in range(0, len(X_train), recipe.batch):
                index = order[start:start + recipe.batch]
                optimizer.zero_grad()
                output = net(X_train[index])
                loss_fn(output, y_train[index]).backward()
                optimizer.step()
                schedule.step()
                (output.argmax(1) == y_train[index]).double().mean().item()
    seconds, _ = timed(fit)
    net.eval()
    with torch.no_grad():
        return seconds, (net(X_test).argmax(1) == y_test).double().mean().item()


def cnn_row(recipe, repeats):
    """One table row: engine and PyTorch fits interleaved (engine, PyTorch, engine, ...)
    so that a busy spell of the machine hits both alike; medians and their ratio."""
    runs, torch_times = [], []
    for _ in range(repeats):
        runs.append(train_cnn(0, recipe))
        if torch:
            torch_times.append(train_cnn_torch(0, recipe)[0])
    cnn_time = float(np.median([seconds for seconds, _ in runs]))
    spread = [train_cnn(seed, recipe)[1] for seed in (10, 20)]
    torch_time = float(np.median(torch_times)) if torch else None
    n_train, n_test = (len(part) for part in digits_split()[2:])
    return [f"digits CNN, {recipe.name}: {recipe.epochs} epochs, batch {recipe.batch}, "
            f"Adam({recipe.learning_rate:g}, decay={recipe.decay:g}), {n_train} train / {n_test} test",
            f"{cnn_time:.2f} s", f"test accuracy {runs[0][1]:.4f} (init seeds 10, 20: "
            + ", ".join(f"{a:.4f}" for a in spread) + ")",
            f"{torch_time:.2f} s" if torch else "not installed",
            f"{cnn_time / torch_time:.2f}×" if torch else "–"]


# -- Conv2D forward + backward, 64×1×28×28, 16 filters 3×3 ----------------------------------------
def conv_case():
    rng = np.random.default_rng(0)
    layer = Conv2D(1, 16, 3, seed=0)
    inputs = rng.standard_normal((64, 1, 28, 28))
    dvalues = rng.standard_normal((64, 16, 26, 26))
    return layer, inputs, dvalues


def conv_engine():
    layer, inputs, dvalues = conv_case()
    return lambda: (layer.forward(inputs), layer.backward(dvalues))


def conv_loops():
    layer, inputs, dvalues = conv_case()
    return lambda: (conv2d_loops(inputs, layer.weights, layer.biases),
                    conv2d_backward_loops(inputs, layer.weights, dvalues))


def conv_torch():
    layer, inputs, dvalues = conv_case()
    conv = torch.nn.Conv2d(1, 16, 3).double()
    x = torch.tensor(inputs, requires_grad=True)
    grad = torch.tensor(dvalues)

    def run():
        conv.zero_grad()
        x.grad = None
        conv(x).backward(grad)
    return run


# -- cost of the input checks ------------------------------------------------------------------------
@contextlib.contextmanager
def input_checks_off():
    """Replace every imported validation function, and the layers' check of dvalues, by a
    pass-through (benchmark only)."""
    passthrough = {
        "as_array": lambda values, *args, **kwargs: values,
        "as_targets": lambda values, *args, **kwargs: values,
        "check_features": lambda *args, **kwargs: None,
        "check_ndim": lambda *args, **kwargs: None,
        "check_same_length": lambda *args, **kwargs: None,
        "check_not_empty": lambda *args, **kwargs: None,
        "check_parameter": lambda *args, **kwargs: None,
        "check_probabilities": lambda *args, **kwargs: None,
        "check_images": lambda inputs, *args, **kwargs: inputs,
    }
    originals = [(Layer, "_check_dvalues", Layer._check_dvalues)]
    Layer._check_dvalues = lambda self, dvalues: dvalues
    for module in [m for name, m in sys.modules.items() if name.startswith("nnlessons")]:
        for name, replacement in passthrough.items():
            if hasattr(module, name):
                originals.append((module, name, getattr(module, name)))
                setattr(module, name, replacement)
    try:
        yield
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def checks_on_and_off(work, repeats):
    """Median times of ``work`` with the input checks on and off, runs interleaved
    (on, off, on, off, ...) so that a busy spell of the machine hits both alike."""
    on, off = [], []
    for _ in range(repeats):
        on.append(timed(work)[0])
        with input_checks_off():
            off.append(timed(work)[0])
    return float(np.median(on)), float(np.median(off))


TRAINING_TITLE = "Training (median of %d runs; numpy and PyTorch on one thread, float64)"


def cnn(repeats=5):
    """`make bench BENCH=cnn`: only the two digits CNNs, side by side with PyTorch."""
    table(TRAINING_TITLE % repeats, ["work", "engine", "result", "PyTorch CPU", "engine / PyTorch"],
          [cnn_row(recipe, repeats) for recipe in CNN_RECIPES])


def main(repeats=3):
    rows = []
    spiral_time, spiral_accuracy = median_time(train_spiral, repeats)
    spread = [train_spiral(seed) for seed in (10, 20, 30, 40)]
    torch_spiral = median_time(train_spiral_torch, repeats)[0] if torch else None
    rows.append(["spiral MLP, 10,000 full-batch epochs (Adam)", f"{spiral_time:.2f} s",
                 f"train accuracy {spiral_accuracy:.3f} (init seeds 10–40: "
                 + ", ".join(f"{a:.3f}" for a in spread) + ")",
                 f"{torch_spiral:.2f} s" if torch else "not installed",
                 f"{spiral_time / torch_spiral:.2f}×" if torch else "–"])

    rows += [cnn_row(recipe, repeats) for recipe in CNN_RECIPES]
    table(TRAINING_TITLE % repeats,
          ["work", "engine", "result", "PyTorch CPU", "engine / PyTorch"], rows)

    engine_time = median_time(conv_engine(), 10)[0]
    loop_time = timed(conv_loops())[0]
    torch_conv = median_time(conv_torch(), 10)[0] if torch else None
    table("Conv2D forward + backward, batch 64×1×28×28, 16 filters 3×3",
          ["implementation", "time", "vs engine"],
          [["engine (im2col), median of 10", f"{engine_time * 1000:.1f} ms", "1×"],
           ["plain loops (nnlessons.reference), 1 run", f"{loop_time:.1f} s",
            f"engine is {loop_time / engine_time:.0f}× faster"],
           ["PyTorch CPU, median of 10", f"{torch_conv * 1000:.1f} ms" if torch else "not installed",
            f"engine / PyTorch {engine_time / torch_conv:.2f}×" if torch else "–"]])

    checked, unchecked = checks_on_and_off(lambda: train_spiral(epochs=2000), 5)
    cnn_checked, cnn_unchecked = checks_on_and_off(lambda: train_cnn(0)[0], repeats)
    table("Cost of input validation (same work with the checks replaced by pass-throughs; "
          "runs interleaved on/off, medians)",
          ["work", "checks on", "checks off", "overhead"],
          [["spiral, 2,000 epochs", f"{checked:.3f} s", f"{unchecked:.3f} s", f"{(checked / unchecked - 1) * 100:+.1f} %"],
           ["digits CNN fit", f"{cnn_checked:.3f} s", f"{cnn_unchecked:.3f} s",
            f"{(cnn_checked / cnn_unchecked - 1) * 100:+.1f} %"]])


if __name__ == "__main__":
    main()
