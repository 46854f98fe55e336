"""Data for the lessons: toy generators, real datasets, splits, batches, augmentation.

Toy data (Lessons 03/04): ``spiral_data``, ``vertical_data``, ``sine_data``; the taxi
rides of Lessons 06 and 08, ``taxi_rides``; the mislabelled moons of Lessons 12 and 13,
``noisy_moons``.
Real data shipped inside the package (``nnlessons.datasets``, the repository's
``datasets/`` folder): ``load_digits`` (Lessons 13, 15, 18) and ``load_image`` (Lesson 14);
every file's sha256 is checked before it is read, and nothing is ever unpickled.
Splitting and feeding (Lessons 10, 11): ``train_test_split``, ``k_fold``, ``batches``.
Data augmentation (Lesson 13): ``augment``.

Every random choice goes through ``np.random.default_rng(seed)``: the same seed gives
the same data, so a notebook prints the same numbers on every run.
"""

import gzip
import hashlib
import io
from importlib import resources

import numpy as np

from .i18n import register, tr
from .validation import as_array, check_not_empty, check_positive_int, check_range, check_same_length

# The package that holds the data files: the repository's datasets/ folder, installed
# inside nnlessons (see [tool.setuptools.package-dir] in pyproject.toml).
_DATA_PACKAGE = "nnlessons.datasets"

# The sha256 of every data file, as listed in datasets/README.md.
_SHA256 = {
    "digits.csv.gz": "b02697677b0ab4e128a4b30aa5ebe271ea621cb237a5700c72f7300c9e6dd97b",
    "camera.png": "4e4e747498fa476ec2426fe58cd5b0ea4072cc0c4b7749b05c46578c5a42dc24",
    "astronaut.png": "e5456b94d7b99b2841a148e45cb9b3ad5d8946680ffccfe6ec5f4e0dfc923824",
    "brick.png": "a2ac4d6ea0e8036f2d58e312e3989bf4e0f83bb81c98a82c4dbc91d83b340f68",
    "sentences_pt.tsv": "d317d30bc8aac562860040b08f631b1b35400dcc4f18a9bb7fab46d7eee3ca17",
    "sentences_en.tsv": "ecdb5ec2f4943fdf0a3960772e1287649fe5089343eb62a215c8d8e18ad6eca6",
}

# load_image names -> files in datasets/
_IMAGES = {"camera": "camera.png", "astronaut": "astronaut.png", "brick": "brick.png"}

register({
    "data.err.no_package": {
        "en": "{where}: the data files are not installed: Python finds no package {package}. "
              "Reinstall nnlessons the way you installed it (in a clone: "
              "`pip install -e .`, or `make lab`).",
        "pt": "{where}: os arquivos de dados não estão instalados: o Python não encontra o "
              "pacote {package}. Reinstale o nnlessons do jeito que você o instalou (num "
              "clone: `pip install -e .`, ou `make lab`).",
    },
    "data.err.no_file": {
        "en": "{where}: the data file {path} is missing. Restore it from git "
              "(git checkout -- datasets/{name}) or reinstall nnlessons; "
              "datasets/README.md explains how to regenerate it.",
        "pt": "{where}: o arquivo de dados {path} não existe. Restaure-o do git "
              "(git checkout -- datasets/{name}) ou reinstale o nnlessons; "
              "datasets/README.md explica como gerá-lo de novo.",
    },
    "data.err.sha256": {
        "en": "{where}: the data file {path} is damaged or was changed: its sha256 is {got}, "
              "expected {expected}. Restore it from git (git checkout -- datasets/{name}) "
              "or reinstall nnlessons.",
        "pt": "{where}: o arquivo de dados {path} está corrompido ou foi alterado: seu sha256 é "
              "{got}, esperado {expected}. Restaure-o do git (git checkout -- datasets/{name}) "
              "ou reinstale o nnlessons.",
    },
    "data.err.unknown_image": {
        "en": "{where}: unknown image {name!r}; available images: {names}.",
        "pt": "{where}: imagem desconhecida {name!r}; imagens disponíveis: {names}.",
    },
    "data.err.bool": {
        "en": "{where}: {name} must be True or False, got {value}.{hint}",
        "pt": "{where}: {name} deve ser True ou False, recebeu {value}.{hint}",
    },
    "data.hint.stratify_labels": {
        "en": " Pass stratify=True: the class labels are taken from y.",
        "pt": " Passe stratify=True: os rótulos das classes são tirados de y.",
    },
    "data.err.labels": {
        "en": "{where}: to keep class proportions, y must hold class indices of shape "
              "(n_samples,) or one-hot rows of shape (n_samples, n_classes), got shape {shape}.",
        "pt": "{where}: para manter as proporções das classes, y deve ter índices de classe de "
              "formato (n_samples,) ou linhas one-hot de formato (n_samples, n_classes), "
              "recebeu formato {shape}.",
    },
    "data.err.split_sizes": {
        "en": "{where}: test_size={test_size!r} of {n} samples gives {n_test} test and {n_train} "
              "training samples; both sets need at least one. Use more samples or another "
              "test_size.",
        "pt": "{where}: test_size={test_size!r} de {n} amostras dá {n_test} amostras de teste e "
              "{n_train} de treino; os dois conjuntos precisam de pelo menos uma. Use mais "
              "amostras ou outro test_size.",
    },
    "data.err.small_class": {
        "en": "{where}: class {label} has only {count} sample(s), fewer than k={k}; a stratified "
              "split needs every class in every fold.{hint}",
        "pt": "{where}: a classe {label} tem só {count} amostra(s), menos que k={k}; uma divisão "
              "estratificada precisa de todas as classes em cada fold.{hint}",
    },
    "data.hint.smaller_k": {
        "en": " Use k ≤ {count}, or stratified=False.",
        "pt": " Use k ≤ {count}, ou stratified=False.",
    },
    "data.hint.not_stratified": {
        "en": " Use stratified=False, or collect more samples of that class.",
        "pt": " Use stratified=False, ou junte mais amostras dessa classe.",
    },
    "data.err.image_ndim": {
        "en": "{where}: expected {name} of shape (n, H, W) or (n, C, H, W), got shape {got}.{hint}",
        "pt": "{where}: esperava {name} de formato (n, H, W) ou (n, C, H, W), "
              "recebeu formato {got}.{hint}",
    },
    "data.hint.one_image": {
        "en": " For a single image, use {name}[None].",
        "pt": " Para uma única imagem, use {name}[None].",
    },
    "data.range.batch_size": {
        "en": "None (one full batch) or a whole number ≥ 1",
        "pt": "None (um único lote com tudo) ou um número inteiro ≥ 1",
    },
    "data.range.nonneg_int": {"en": "a whole number ≥ 0", "pt": "um número inteiro ≥ 0"},
    "data.array_of_shape": {"en": "an array of shape {shape}",
                            "pt": "um array de formato {shape}"},
})


# ---------------------------------------------------------------- toy data (Lessons 03, 04)

def spiral_data(samples, classes, seed=None):
    """Interleaved spirals, one arm per class (Lesson 03; CS231n, *NNFS* book).

    Shapes:  X (samples * classes, 2) float64, y (samples * classes,) int64
    For the i-th point of class k (i = 0 .. samples - 1):
        r = i / (samples - 1)                       radius, from 0 to 1
        t = 4k + 4r + 0.2 * noise,  noise ~ N(0, 1)   angle parameter
        x = (r * sin(2.5 t), r * cos(2.5 t))
    so every point lies in the unit disc and each class has ``samples`` points.
    """
    samples = check_positive_int(samples, "samples", "spiral_data")
    classes = check_positive_int(classes, "classes", "spiral_data")
    rng = np.random.default_rng(seed)
    k = np.repeat(np.arange(classes), samples)                 # class of each point
    r = np.tile(np.linspace(0.0, 1.0, samples), classes)       # = linspace(0, 1) per class
    noise = rng.standard_normal(samples * classes)
    t = 4 * k + 4 * r + 0.2 * noise                            # = linspace(4k, 4(k+1)) + noise
    X = np.column_stack([r * np.sin(2.5 * t), r * np.cos(2.5 * t)])
    return X, k.astype(np.int64)


def vertical_data(samples, classes, seed=None):
    """Gaussian blobs side by side, one per class: the easiest data to classify (*NNFS* book).

    Shapes:  X (samples * classes, 2) float64, y (samples * classes,) int64
    Class k is centred at (k / 3, 0.5) with standard deviation 0.1:
        x = (0.1 * noise + k / 3,  0.1 * noise + 0.5),  noise ~ N(0, 1)
    """
    samples = check_positive_int(samples, "samples", "vertical_data")
    classes = check_positive_int(classes, "classes", "vertical_data")
    rng = np.random.default_rng(seed)
    k = np.repeat(np.arange(classes), samples)
    centres = np.column_stack([k / 3, np.full(k.shape, 0.5)])
    X = centres + 0.1 * rng.standard_normal((samples * classes, 2))
    return X, k.astype(np.int64)


def sine_data(samples=1000):
    """One period of a sine, for regression (Lesson 04; *NNFS* book).

    Shapes:  X (samples, 1) float64, y (samples, 1) float64
        X = i / samples for i = 0 .. samples - 1,   y = sin(2 pi X)
    No randomness: the same call always gives the same data.
    """
    samples = check_positive_int(samples, "samples", "sine_data")
    X = (np.arange(samples) / samples).reshape(-1, 1)
    return X, np.sin(2 * np.pi * X)


def circles_data(samples, classes=2, noise=0.1, seed=None):
    """Concentric rings, one per class: no straight line separates them (Lesson 10).

    Shapes:  X (samples * classes, 2) float64, y (samples * classes,) int64
    Each point of class k has radius r_k = (k + 1) / classes and an angle θ ~ U(0, 2π):
        x = r_k * (cos θ, sin θ) + noise * N(0, I)
    so class 0 is the innermost ring and the last class the ring of radius 1;
    ``noise`` is the standard deviation of the Gaussian jitter of each coordinate.
    """
    samples = check_positive_int(samples, "samples", "circles_data")
    classes = check_positive_int(classes, "classes", "circles_data")
    check_range(noise, "noise", "circles_data", low=0)
    rng = np.random.default_rng(seed)
    k = np.repeat(np.arange(classes), samples)
    r = (k + 1) / classes
    theta = rng.uniform(0.0, 2 * np.pi, samples * classes)
    X = np.column_stack([r * np.cos(theta), r * np.sin(theta)])
    return X + noise * rng.standard_normal(X.shape), k.astype(np.int64)


def xor_data(samples, noise=0.1, seed=None):
    """XOR in the plane: two classes on opposite corners of a square (Lesson 10).

    Shapes:  X (2 * samples, 2) float64, y (2 * samples,) int64
    Point i of class k (i = 0 .. samples - 1) takes the signs
        s1 = +1 for even i, -1 for odd i;   s2 = s1 for class 0, -s1 for class 1
    and magnitudes u1, u2 ~ U(0.1, 1):
        x = (s1 * u1, s2 * u2) + noise * N(0, I)
    so before the jitter class 0 fills the quadrants where x1 * x2 > 0 and class 1 the
    others: y = (x1 > 0) XOR (x2 > 0). ``noise`` is the standard deviation of the jitter.
    """
    samples = check_positive_int(samples, "samples", "xor_data")
    check_range(noise, "noise", "xor_data", low=0)
    rng = np.random.default_rng(seed)
    k = np.repeat(np.arange(2), samples)
    s1 = np.where(np.tile(np.arange(samples), 2) % 2 == 0, 1.0, -1.0)
    s2 = np.where(k == 0, s1, -s1)
    u = rng.uniform(0.1, 1.0, (2 * samples, 2))
    X = np.column_stack([s1 * u[:, 0], s2 * u[:, 1]])
    return X + noise * rng.standard_normal(X.shape), k.astype(np.int64)


def noisy_moons(samples, noise=0.2, flip=0.1, seed=None):
    """Two interleaved half-moons, one per class, blurred and with some labels wrong (Lessons 12, 13).

    Shapes:  X (2 * samples, 2) float64, y (2 * samples,) int64, ``samples`` per class.
    With t ~ uniform(0, π) for each point:
        class 0:  (cos t,      sin t)         − (0.5, 0.25)   the upper moon
        class 1:  (1 − cos t,  0.5 − sin t)   − (0.5, 0.25)   the lower moon
    then Gaussian noise of standard deviation ``noise`` is added to each coordinate and
    each label is flipped to the other class with probability ``flip`` (labelling mistakes):
    a small data set a big network can memorise, mistakes included.
    """
    where = "noisy_moons"
    samples = check_positive_int(samples, "samples", where)
    check_range(noise, "noise", where, low=0)
    check_range(flip, "flip", where, low=0, high=1, high_open=True)
    rng = np.random.default_rng(seed)
    k = np.repeat([0, 1], samples)
    t = rng.uniform(0.0, np.pi, size=2 * samples)
    upper = np.column_stack([np.cos(t), np.sin(t)])
    lower = np.column_stack([1 - np.cos(t), 0.5 - np.sin(t)])
    X = np.where(k[:, None] == 0, upper, lower) - [0.5, 0.25]
    X = X + noise * rng.standard_normal(X.shape)
    flipped = rng.random(2 * samples) < flip
    return X, np.where(flipped, 1 - k, k).astype(np.int64)


def taxi_rides(n=40, seed=0):
    """Made-up taxi rides (Lessons 06 and 08): ``km, fare``, both of shape (n,).

    km ~ uniform(0.5, 5); fare = 2·km + 5 + noise, noise ~ N(0, 0.8²): a price of
    about 2 per km plus a base fee of 5. Invented for the lesson, not real prices.
    """
    rng = np.random.default_rng(seed)
    km = rng.uniform(0.5, 5.0, n)
    return km, 2.0 * km + 5.0 + rng.normal(0.0, 0.8, n)


# ---------------------------------------------------------------- real data (Lessons 13, 14, 15, 18)

def _datasets_dir(where):
    """The folder of the data files: the package ``nnlessons.datasets``, which is the
    repository's datasets/ folder in a clone and ``nnlessons/datasets/`` in an installed
    wheel. A teaching error if it is not installed."""
    try:
        return resources.files(_DATA_PACKAGE)
    except ModuleNotFoundError:
        raise ValueError(tr("data.err.no_package", where=where, package=_DATA_PACKAGE)) from None


def _read_verified(filename, where, folder=None):
    """The bytes of ``folder/filename`` after checking their sha256 against ``_SHA256``.

    ``folder`` defaults to the installed data files (tests pass another folder).
    The bytes are hashed and parsed from memory, so what is parsed is what was checked.
    """
    path = (folder if folder is not None else _datasets_dir(where)) / filename
    if not path.is_file():
        raise ValueError(tr("data.err.no_file", where=where, path=path, name=filename))
    raw = path.read_bytes()
    got = hashlib.sha256(raw).hexdigest()
    if got != _SHA256[filename]:
        raise ValueError(tr("data.err.sha256", where=where, path=path, name=filename,
                            expected=_SHA256[filename], got=got))
    return raw


def load_digits():
    """The 1,797 real 8x8 handwritten digits of UCI / scikit-learn (Lessons 13, 15, 18).

    Shapes:  images (1797, 8, 8) float64, each pixel an integer intensity 0 .. 16
             labels (1797,) int64, the digit 0 .. 9 (about 180 of each)
    Source: datasets/digits.csv.gz (Alpaydin & Kaynak 1998, UCI ML repository,
    CC BY 4.0; see datasets/README.md). Its sha256 is checked before it is read.

    Inputs for the networks of the lessons, scaled to [0, 1]:
        X_mlp = images.reshape(-1, 64) / 16     # (1797, 64): one row per digit
        X_cnn = images[:, None] / 16            # (1797, 1, 8, 8): NCHW, one channel
    """
    raw = _read_verified("digits.csv.gz", "load_digits")
    table = np.loadtxt(io.BytesIO(gzip.decompress(raw)), delimiter=",", skiprows=1,
                       dtype=np.int64)                  # (1797, 65): 64 pixels, then label
    images = table[:, :64].reshape(-1, 8, 8).astype(np.float64)
    return images, table[:, 64].copy()


def available_images():
    """Names ``load_image`` accepts, e.g. ``("camera", "astronaut", "brick")`` (Lesson 14)."""
    return tuple(_IMAGES)


def load_image(name):
    """A real grayscale photograph from the lessons' data files (Lesson 14).

    Shape:  (height, width) float64, 0.0 = black .. 1.0 = white (pixel / 255)
    Names:  see ``available_images()``; all three are 128x128:
            "camera" (the cameraman, CC0), "astronaut" (Eileen Collins, NASA, public
            domain), "brick" (a brick wall, CC0). Sources in datasets/README.md.
    The file's sha256 is checked before it is decoded.
    """
    if name not in _IMAGES:
        names = ", ".join(repr(known) for known in _IMAGES)
        raise ValueError(tr("data.err.unknown_image", where="load_image", name=name, names=names))
    raw = _read_verified(_IMAGES[name], "load_image")
    from matplotlib.image import imread   # here, so `import nnlessons.data` stays light
    pixels = np.rint(imread(io.BytesIO(raw), format="png") * 255)   # 8-bit PNG: 0 .. 255
    return pixels.astype(np.float64) / 255                           # float64 in [0, 1]


# ---------------------------------------------------------------- splits and batches (Lessons 10, 11)

def _check_bool(value, name, where, hint=""):
    if not isinstance(value, (bool, np.bool_)):
        if np.ndim(value) == 0:
            got = repr(value)
        else:
            got = tr("data.array_of_shape", shape=np.shape(value))
        raise ValueError(tr("data.err.bool", where=where, name=name, value=got, hint=hint))
    return bool(value)


def _is_int_at_least(value, low):
    """True for a whole number (not a bool, not a float) that is >= low."""
    return (isinstance(value, (int, np.integer)) and not isinstance(value, bool)
            and value >= low)


def _class_labels(y, where):
    """Class index per sample: ``y`` itself if 1-D, ``argmax`` of one-hot rows if 2-D."""
    if y.ndim == 1:
        return y
    if y.ndim == 2:
        return y.argmax(axis=1)
    raise ValueError(tr("data.err.labels", where=where, shape=y.shape))


def train_test_split(X, y, test_size=0.2, seed=None, stratify=False):
    """Shuffle the samples and keep a fraction apart for testing (Lesson 10).

    Shapes:  X (n, ...), y (n,) or (n, n_classes)  ->
             X_train (n - n_test, ...), X_test (n_test, ...), y_train, y_test
    n_test = round(test_size * n). With ``stratify=True`` each class c gives
    round(test_size * n_c) of its n_c samples to the test set, so both sets keep
    the class proportions of y (class indices, or one-hot rows).
    Returns ``X_train, X_test, y_train, y_test`` (the order scikit-learn uses).
    """
    where = "train_test_split"
    X, y = np.asarray(X), np.asarray(y)
    check_same_length(X, y, where, "X", "y")
    check_range(test_size, "test_size", where, 0, 1, low_open=True, high_open=True)
    stratify = _check_bool(stratify, "stratify", where, tr("data.hint.stratify_labels"))
    rng = np.random.default_rng(seed)
    n = len(y)
    if stratify:
        labels = _class_labels(y, where)
        in_test = np.zeros(n, dtype=bool)
        for label in np.unique(labels):
            members = rng.permutation(np.flatnonzero(labels == label))
            in_test[members[:int(round(test_size * len(members)))]] = True
        test = rng.permutation(np.flatnonzero(in_test))
        train = rng.permutation(np.flatnonzero(~in_test))
    else:
        order = rng.permutation(n)
        n_test = int(round(test_size * n))
        test, train = order[:n_test], order[n_test:]
    if len(test) == 0 or len(train) == 0:
        raise ValueError(tr("data.err.split_sizes", where=where, test_size=test_size, n=n,
                            n_test=len(test), n_train=len(train)))
    return X[train], X[test], y[train], y[test]


def k_fold(y, k=5, stratified=False, shuffle=True, seed=None):
    """Cross-validation folds: yield ``(train_index, val_index)`` k times (Lesson 11).

    Shapes:  y (n,) or (n, n_classes); each fold gives int64 index arrays
             train_index (about n - n/k,) and val_index (about n/k,)
    The n samples are dealt into k folds of n // k or n // k + 1 samples; fold i is
    the validation set once while the other k - 1 folds train. Every sample is
    validated exactly once. ``k = len(y)`` is leave-one-out cross-validation.
    ``stratified=True`` sorts the samples by class and deals them round-robin like
    cards, so every fold keeps the class proportions of y (within one sample per class).
    ``shuffle=False`` keeps the original order (contiguous folds when not stratified).

        for train_index, val_index in k_fold(y, k=5, seed=0):
            model.fit(X[train_index], y[train_index]); model.evaluate(X[val_index], y[val_index])
    """
    where = "k_fold"
    y = np.asarray(y)
    n = len(y)
    k = check_positive_int(k, "k", where)
    check_range(k, "k", where, 2, n)
    stratified = _check_bool(stratified, "stratified", where)
    shuffle = _check_bool(shuffle, "shuffle", where)
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    fold = np.empty(n, dtype=np.int64)          # fold[i] = the fold sample i validates in
    if stratified:
        labels = _class_labels(y, where)
        classes, counts = np.unique(labels, return_counts=True)
        if counts.min() < k:
            label, count = classes[counts.argmin()], counts.min()
            if count >= 2:
                hint = tr("data.hint.smaller_k", count=count)
            else:
                hint = tr("data.hint.not_stratified")
            raise ValueError(tr("data.err.small_class", where=where, label=label, count=count,
                                k=k, hint=hint))
        order = order[np.argsort(labels[order], kind="stable")]   # grouped by class
        fold[order] = np.arange(n) % k                            # dealt round-robin
    else:
        fold[order] = np.arange(n) * k // n                       # k contiguous blocks
    return ((np.flatnonzero(fold != i), np.flatnonzero(fold == i)) for i in range(k))


def batches(X, y, batch_size, shuffle=True, seed=None, drop_last=False):
    """Yield ``(X_batch, y_batch)`` mini-batches covering every sample once (Lessons 03, 06, 10).

    Shapes:  X (n, ...), y (n, ...) or None  ->  X_batch (batch_size, ...), y_batch
    ``batch_size=None`` gives one batch with all n samples; otherwise there are
    ceil(n / batch_size) batches and the last one may be smaller, or, with
    ``drop_last``, floor(n / batch_size) full batches (the n % batch_size samples left
    over sit this pass out; shuffled, they differ from one pass to the next). With
    ``shuffle`` the samples come in a new random order (fixed by ``seed``); ``y=None``
    yields ``(X_batch, None)``, handy for predictions.
    """
    where = "batches"
    X = np.asarray(X)
    if y is not None:
        y = np.asarray(y)
        check_same_length(X, y, where, "X", "y")
    if batch_size is not None and not _is_int_at_least(batch_size, 1):
        raise ValueError(tr("err.range", where=where, name="batch_size",
                            allowed=tr("data.range.batch_size"), value=batch_size))
    shuffle = _check_bool(shuffle, "shuffle", where)
    drop_last = _check_bool(drop_last, "drop_last", where)
    n = len(X)
    size = n if batch_size is None else int(batch_size)
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    stop = n - n % size if drop_last and size else n
    parts = (order[start:start + size] for start in range(0, stop, size))
    return ((X[part], None if y is None else y[part]) for part in parts)


# ---------------------------------------------------------------- input scaling (Lesson 06)
register({
    "data.err.not_fitted": {
        "en": "Standardiser.{method}: this standardiser has not learned a mean and standard deviation "
              "yet; call fit(X_train) first (or fit_transform(X_train)).",
        "pt": "Standardiser.{method}: este padronizador ainda não aprendeu média e desvio-padrão; "
              "chame fit(X_train) antes (ou fit_transform(X_train)).",
    },
    "data.err.scaler_shape": {
        "en": "Standardiser.{method}: it was fitted on samples of shape {fitted}, but X holds samples "
              "of shape {got} (X has shape {shape}). Standardise data with the same features as the "
              "training data, in the same order.",
        "pt": "Standardiser.{method}: ele foi ajustado em amostras de formato {fitted}, mas X tem "
              "amostras de formato {got} (X tem formato {shape}). Padronize dados com as mesmas "
              "características dos dados de treino, na mesma ordem.",
    },
})


class Standardiser:
    """Standardisation of each input feature (Lesson 06; Lesson 15 scales pixels the same way).

    fit:        μ = mean of X over the samples,  σ = its standard deviation (σ = 1 where a
                feature is constant, so it is only centred)
    transform:  z = (x − μ) / σ          every feature gets mean 0 and standard deviation 1
    inverse:    x = z · σ + μ
    Shapes:     X (n, ...) -> μ, σ of shape X.shape[1:]; a 1-D X is n values of one feature.
    Fit on the training data only and transform every other set with the same μ and σ.
    """

    def __init__(self):
        self.mean = self.std = None

    def fit(self, X):
        """Learn μ and σ of each feature from ``X``; returns the standardiser itself."""
        X = as_array(X, "Standardiser.fit", "X")
        check_not_empty(X, "Standardiser.fit", "X")
        std = X.std(axis=0)
        self.mean, self.std = X.mean(axis=0), np.where(std > 0, std, 1.0)
        return self

    def transform(self, X):
        """z = (X − μ) / σ with the μ and σ learned by ``fit``."""
        return (self._checked(X, "transform") - self.mean) / self.std

    def fit_transform(self, X):
        """``fit(X)`` then ``transform(X)``."""
        return self.fit(X).transform(X)

    def inverse_transform(self, Z):
        """x = Z · σ + μ: back to the original units."""
        return self._checked(Z, "inverse_transform") * self.std + self.mean

    def _checked(self, X, method):
        if self.mean is None:
            raise ValueError(tr("data.err.not_fitted", method=method))
        X = as_array(X, f"Standardiser.{method}", "X")
        if X.shape[1:] != self.mean.shape:
            raise ValueError(tr("data.err.scaler_shape", method=method, fitted=self.mean.shape,
                                got=X.shape[1:], shape=X.shape))
        return X


# ---------------------------------------------------------------- augmentation (Lesson 13)

def augment(images, seed=None, max_shift=1, flip=False, zoom=0.0, noise=0.0):
    """Randomly shifted / flipped / zoomed / noisy copies of images (Lesson 13).

    Shapes:  images (n, H, W) or (n, C, H, W) (NCHW) -> a new array of the same shape
    Each image (all its channels alike) draws, independently:
        dy, dx  integers in [-max_shift, max_shift]   shift down / right, zero fill
        f       a horizontal flip, with probability 0.5 if ``flip``
        s       a scale in [1 - zoom, 1 + zoom]      zoom about the centre, same size
    and output pixel (i, j) copies the input pixel, nearest neighbour,
        i_src = round(c_i + (i - dy - c_i) / s)
        j_src = round(c_j + (j' - dx - c_j) / s),   j' = W - 1 - j if f else j
    with centre (c_i, c_j) = ((H - 1) / 2, (W - 1) / 2); a source outside the image
    gives 0. Then Gaussian noise of standard deviation ``noise`` is added (the values
    are not clipped). The input is never modified; labels are unchanged by all of this.
    """
    where = "augment"
    images = as_array(images, where, "images")
    if images.ndim not in (3, 4):
        hint = tr("data.hint.one_image", name="images") if images.ndim == 2 else ""
        raise ValueError(tr("data.err.image_ndim", where=where, name="images",
                            got=images.shape, hint=hint))
    if not _is_int_at_least(max_shift, 0):
        raise ValueError(tr("err.range", where=where, name="max_shift",
                            allowed=tr("data.range.nonneg_int"), value=max_shift))
    flip = _check_bool(flip, "flip", where)
    check_range(zoom, "zoom", where, 0, 1, high_open=True)
    check_range(noise, "noise", where, 0)

    nchw = images if images.ndim == 4 else images[:, None]        # (n, C, H, W) view
    n, _, H, W = nchw.shape
    rng = np.random.default_rng(seed)
    dy, dx = rng.integers(-max_shift, max_shift + 1, size=(2, n, 1, 1))
    flipped = (rng.random((n, 1, 1)) < 0.5) if flip else np.zeros((n, 1, 1), dtype=bool)
    s = rng.uniform(1 - zoom, 1 + zoom, size=(n, 1, 1)) if zoom > 0 else np.ones((n, 1, 1))

    ci, cj = (H - 1) / 2, (W - 1) / 2
    i = np.arange(H).reshape(1, H, 1)
    j = np.arange(W).reshape(1, 1, W)
    j = np.where(flipped, W - 1 - j, j)                                        # (n, 1, W)
    i_src = np.rint(ci + (i - dy - ci) / s).astype(np.int64)                   # (n, H, 1)
    j_src = np.rint(cj + (j - dx - cj) / s).astype(np.int64)                   # (n, 1, W)
    inside = (i_src >= 0) & (i_src < H) & (j_src >= 0) & (j_src < W)           # (n, H, W)
    sample = np.arange(n).reshape(n, 1, 1)
    # gather with indices clipped into the image, then zero what came from outside it
    moved = nchw.transpose(1, 0, 2, 3)[:, sample, i_src.clip(0, H - 1), j_src.clip(0, W - 1)]
    out = moved.transpose(1, 0, 2, 3) * inside[:, None]                        # (n, C, H, W)
    if noise > 0:
        out = out + noise * rng.standard_normal(out.shape)
    return out.reshape(images.shape).astype(images.dtype, copy=False)
