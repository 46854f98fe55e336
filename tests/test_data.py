"""Tests of nnlessons.data: generators, real datasets, splits, batches, augmentation."""

import shutil
from pathlib import Path

import numpy as np
import pytest

from nnlessons import data
from nnlessons.data import (augment, available_images, batches, k_fold, load_digits, load_image,
                            sine_data, spiral_data, train_test_split, vertical_data)
from nnlessons.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


@pytest.fixture(scope="module")
def digits():
    return load_digits()


# ---------------------------------------------------------------- toy generators

def test_spiral_shapes_dtypes_and_balance():
    X, y = spiral_data(100, 3, seed=0)
    assert X.shape == (300, 2) and X.dtype == np.float64
    assert y.shape == (300,) and y.dtype == np.int64
    assert np.bincount(y).tolist() == [100, 100, 100]
    assert np.all(np.hypot(X[:, 0], X[:, 1]) <= 1 + 1e-12)      # inside the unit disc


def test_spiral_follows_its_formula():
    samples, classes = 50, 4
    X, y = spiral_data(samples, classes, seed=7)
    noise = np.random.default_rng(7).standard_normal(samples * classes)
    for k in range(classes):
        rows = slice(k * samples, (k + 1) * samples)
        r = np.linspace(0, 1, samples)
        t = np.linspace(4 * k, 4 * (k + 1), samples) + 0.2 * noise[rows]
        np.testing.assert_allclose(X[rows], np.c_[r * np.sin(2.5 * t), r * np.cos(2.5 * t)],
                                   atol=1e-12)
        assert np.all(y[rows] == k)


def test_generators_are_deterministic_with_a_seed():
    for make in (spiral_data, vertical_data):
        X1, y1 = make(20, 3, seed=1)
        X2, y2 = make(20, 3, seed=1)
        X3, _ = make(20, 3, seed=2)
        assert np.array_equal(X1, X2) and np.array_equal(y1, y2)
        assert not np.array_equal(X1, X3)


def test_vertical_blobs_are_centred_per_class():
    X, y = vertical_data(1000, 3, seed=0)
    assert X.shape == (3000, 2) and X.dtype == np.float64 and y.dtype == np.int64
    for k in range(3):
        np.testing.assert_allclose(X[y == k].mean(axis=0), [k / 3, 0.5], atol=0.02)
        np.testing.assert_allclose(X[y == k].std(axis=0), [0.1, 0.1], atol=0.02)


def test_sine_data():
    X, y = sine_data(200)
    assert X.shape == (200, 1) and y.shape == (200, 1)
    assert X.dtype == np.float64 and y.dtype == np.float64
    assert X[0, 0] == 0.0 and X[-1, 0] == 199 / 200
    np.testing.assert_allclose(y, np.sin(2 * np.pi * X))
    assert sine_data()[0].shape == (1000, 1)


@pytest.mark.parametrize("call, message", [
    (lambda: spiral_data(0, 3), r"spiral_data: samples must be a whole number ≥ 1, got 0"),
    (lambda: spiral_data(10, 2.5), r"spiral_data: classes must be a whole number ≥ 1, got 2\.5"),
    (lambda: vertical_data(-1, 2), r"vertical_data: samples must be a whole number ≥ 1"),
    (lambda: sine_data(0), r"sine_data: samples must be a whole number ≥ 1"),
])
def test_generators_reject_bad_sizes(call, message):
    with pytest.raises(ValueError, match=message):
        call()


# ---------------------------------------------------------------- real data

def test_load_digits_shapes_and_values(digits):
    images, labels = digits
    assert images.shape == (1797, 8, 8) and images.dtype == np.float64
    assert labels.shape == (1797,) and labels.dtype == np.int64
    assert images.min() == 0 and images.max() == 16
    assert np.array_equal(images, np.round(images))                 # integer intensities
    # the class counts of the UCI test set, as exported
    assert np.bincount(labels).tolist() == [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]
    assert labels[:10].tolist() == list(range(10))
    assert images[0, 0].tolist() == [0, 0, 5, 13, 9, 1, 0, 0]
    assert images.sum() == 561718


def test_load_digits_returns_fresh_arrays(digits):
    images, _ = load_digits()
    images[0] = -1
    assert load_digits()[0][0].min() == 0 and digits[0][0].min() == 0


@pytest.mark.parametrize("name", available_images())
def test_load_image(name):
    image = load_image(name)
    assert image.ndim == 2 and image.shape == (128, 128) and image.dtype == np.float64
    assert 0 <= image.min() < image.max() <= 1
    assert np.allclose(image * 255, np.round(image * 255))          # 8-bit pixels / 255


def test_available_images():
    assert available_images() == ("camera", "astronaut", "brick")


def test_load_image_unknown_name():
    with pytest.raises(ValueError, match=r"load_image: unknown image 'cat'; available images: "
                                         r"'camera', 'astronaut', 'brick'"):
        load_image("cat")


def test_errors_follow_the_language():
    set_language("pt")
    try:
        with pytest.raises(ValueError, match=r"imagem desconhecida 'cat'; imagens disponíveis"):
            load_image("cat")
    finally:
        set_language("en")


def test_data_files_are_the_repository_datasets_folder():
    """The editable install reads datasets/ itself, mapped onto nnlessons.datasets:
    one copy of the bytes in the repository."""
    root = Path(__file__).resolve().parents[1]
    assert Path(str(data._datasets_dir("test"))).resolve() == root / "datasets"
    assert not (root / "src" / "nnlessons" / "datasets").exists()


@pytest.fixture
def datasets_copy(tmp_path, monkeypatch):
    """A copy of the data files in tmp_path that the loaders read instead of the real ones."""
    for name in data._SHA256:
        shutil.copy(data._datasets_dir("test") / name, tmp_path / name)
    monkeypatch.setattr(data, "_datasets_dir", lambda where: tmp_path)
    return tmp_path


def _corrupt(path):
    raw = bytearray(path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    path.write_bytes(bytes(raw))


def test_corrupted_digits_file_is_refused(datasets_copy):
    load_digits()                                                    # the copy is fine
    _corrupt(datasets_copy / "digits.csv.gz")
    with pytest.raises(ValueError, match=r"load_digits: .*digits\.csv\.gz is damaged .*sha256"
                                         r".*expected b02697677b0a.*Restore it from git .* or "
                                         r"reinstall nnlessons"):
        load_digits()


def test_corrupted_image_file_is_refused(datasets_copy):
    _corrupt(datasets_copy / "camera.png")
    with pytest.raises(ValueError, match=r"load_image: .*camera\.png .*sha256"):
        load_image("camera")
    assert load_image("brick").shape == (128, 128)                   # the others still load


def test_read_verified_checks_any_folder(tmp_path):
    (tmp_path / "brick.png").write_bytes(b"not a png")
    with pytest.raises(ValueError, match=r"sha256 is [0-9a-f]{64}, expected a2ac4d6e"):
        data._read_verified("brick.png", "load_image", folder=tmp_path)


def test_missing_file(datasets_copy):
    (datasets_copy / "digits.csv.gz").unlink()
    with pytest.raises(ValueError, match=r"load_digits: the data file .*digits\.csv\.gz "
                                         r"is missing\. Restore it from git .* or reinstall"):
        load_digits()


def test_data_package_not_installed(monkeypatch):
    monkeypatch.setattr(data, "_DATA_PACKAGE", "nnlessons.nowhere")
    with pytest.raises(ValueError, match=r"load_image: the data files are not installed: Python "
                                         r"finds no package nnlessons\.nowhere\. Reinstall"):
        load_image("camera")
    set_language("pt")
    with pytest.raises(ValueError, match=r"load_digits: os arquivos de dados não estão "
                                         r"instalados: .* pacote nnlessons\.nowhere\. Reinstale"):
        load_digits()


# ---------------------------------------------------------------- train_test_split

def test_train_test_split_sizes_and_partition():
    X = np.arange(100).reshape(50, 2)
    y = np.arange(50)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, seed=0)
    assert X_train.shape == (40, 2) and X_test.shape == (10, 2)
    assert np.array_equal(X_train[:, 0] // 2, y_train) and np.array_equal(X_test[:, 0] // 2, y_test)
    assert sorted(np.concatenate([y_train, y_test]).tolist()) == list(range(50))
    again = train_test_split(X, y, test_size=0.2, seed=0)
    assert all(np.array_equal(a, b) for a, b in zip(again, (X_train, X_test, y_train, y_test)))


def test_train_test_split_stratified_keeps_proportions():
    y = np.array([0] * 140 + [1] * 60)
    X = np.arange(200.0).reshape(-1, 1)
    _, _, y_train, y_test = train_test_split(X, y, test_size=0.25, seed=3, stratify=True)
    assert np.bincount(y_test).tolist() == [35, 15]
    assert np.bincount(y_train).tolist() == [105, 45]
    one_hot = np.eye(2)[y]                                         # one-hot targets work too
    _, _, _, y_test = train_test_split(X, one_hot, test_size=0.25, seed=3, stratify=True)
    assert y_test.sum(axis=0).tolist() == [35, 15]


@pytest.mark.parametrize("kwargs, message", [
    (dict(X=np.zeros((10, 2)), y=np.zeros(9)),
     r"train_test_split: X has 10 samples but y has 9"),
    (dict(X=np.zeros((10, 2)), y=np.zeros(10), test_size=1.0),
     r"train_test_split: test_size must be a number in \(0, 1\), got 1\.0"),
    (dict(X=np.zeros((10, 2)), y=np.zeros(10), test_size=0),
     r"test_size must be a number in \(0, 1\), got 0"),
    (dict(X=np.zeros((10, 2)), y=np.zeros(10), stratify=np.zeros(10)),
     r"stratify must be True or False, got an array of shape \(10,\)\. Pass stratify=True"),
    (dict(X=np.zeros((3, 2)), y=np.zeros(3), test_size=0.1),
     r"test_size=0\.1 of 3 samples gives 0 test and 3 training samples; both sets need"),
    (dict(X=np.zeros((4, 2)), y=np.zeros((4, 2, 2)), stratify=True),
     r"y must hold class indices of shape \(n_samples,\) or one-hot rows"),
])
def test_train_test_split_bad_inputs(kwargs, message):
    with pytest.raises(ValueError, match=message):
        train_test_split(**kwargs)


# ---------------------------------------------------------------- k_fold

def _check_partition(folds, n):
    vals = [val for _, val in folds]
    assert sorted(np.concatenate(vals).tolist()) == list(range(n))   # each sample validated once
    for train, val in folds:
        assert train.dtype.kind == "i" and val.dtype.kind == "i"
        assert np.intersect1d(train, val).size == 0
        assert len(train) + len(val) == n
    sizes = [len(val) for val in vals]
    assert max(sizes) - min(sizes) <= 1


@pytest.mark.parametrize("n, k", [(10, 3), (12, 4), (7, 7), (100, 5)])
def test_k_fold_partitions_the_indices(n, k):
    folds = list(k_fold(np.zeros(n), k=k, seed=0))
    assert len(folds) == k
    _check_partition(folds, n)


def test_k_fold_without_shuffle_is_contiguous_and_seeded_is_reproducible():
    folds = list(k_fold(np.zeros(10), k=3, shuffle=False))
    assert [val.tolist() for _, val in folds] == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]]
    a = [val.tolist() for _, val in k_fold(np.zeros(20), k=4, seed=5)]
    b = [val.tolist() for _, val in k_fold(np.zeros(20), k=4, seed=5)]
    assert a == b


def test_k_fold_stratified_keeps_class_proportions():
    y = np.array([0] * 50 + [1] * 30 + [2] * 20)
    folds = list(k_fold(y, k=5, stratified=True, seed=1))
    _check_partition(folds, len(y))
    for _, val in folds:
        assert np.bincount(y[val], minlength=3).tolist() == [10, 6, 4]


def test_k_fold_leave_one_out():
    y = np.arange(6) % 2
    folds = list(k_fold(y, k=len(y), shuffle=False))
    assert [val.tolist() for _, val in folds] == [[i] for i in range(6)]
    assert all(len(train) == 5 for train, _ in folds)


@pytest.mark.parametrize("kwargs, message", [
    (dict(y=np.zeros(10), k=1), r"k_fold: k must be a number in \[2, 10\], got 1"),
    (dict(y=np.zeros(10), k=11), r"k_fold: k must be a number in \[2, 10\], got 11"),
    (dict(y=np.zeros(10), k=2.0), r"k_fold: k must be a whole number ≥ 1, got 2\.0"),
    (dict(y=np.array([0, 0, 0, 1, 1, 1, 2]), k=3, stratified=True),
     r"k_fold: class 2 has only 1 sample\(s\), fewer than k=3.*Use stratified=False, or collect"),
    (dict(y=np.array([0, 0, 0, 1, 1, 1, 2, 2]), k=3, stratified=True),
     r"class 2 has only 2 sample\(s\), fewer than k=3; .* Use k ≤ 2, or stratified=False"),
    (dict(y=np.zeros(10), shuffle="yes"), r"k_fold: shuffle must be True or False, got 'yes'"),
])
def test_k_fold_bad_inputs_fail_at_the_call(kwargs, message):
    with pytest.raises(ValueError, match=message):
        k_fold(**kwargs)                                    # no need to start iterating


# ---------------------------------------------------------------- batches

def test_batches_cover_every_sample_once():
    X = np.arange(100.0).reshape(-1, 1)
    y = np.arange(100)
    got = list(batches(X, y, 32, seed=0))
    assert [len(xb) for xb, _ in got] == [32, 32, 32, 4]
    assert all(np.array_equal(xb[:, 0], yb) for xb, yb in got)          # still aligned
    assert sorted(np.concatenate([yb for _, yb in got]).tolist()) == list(range(100))
    assert not np.array_equal(np.concatenate([yb for _, yb in got]), y)  # shuffled


def test_batches_full_batch_order_and_no_targets():
    X, y = np.arange(10.0).reshape(5, 2), np.arange(5)
    (xb, yb), = list(batches(X, y, None, shuffle=False))
    assert np.array_equal(xb, X) and np.array_equal(yb, y)
    assert [b.tolist() for _, b in batches(X, y, 2, shuffle=False)] == [[0, 1], [2, 3], [4]]
    assert all(yb is None for _, yb in batches(X, None, 2))
    assert len(list(batches(X, y, 100))) == 1


@pytest.mark.parametrize("args, message", [
    ((np.zeros((5, 2)), np.zeros(5), 0),
     r"batches: batch_size must be None \(one full batch\) or a whole number ≥ 1, got 0"),
    ((np.zeros((5, 2)), np.zeros(5), 2.5), r"batch_size must be None .* got 2\.5"),
    ((np.zeros((5, 2)), np.zeros(4), 2), r"batches: X has 5 samples but y has 4"),
])
def test_batches_bad_inputs(args, message):
    with pytest.raises(ValueError, match=message):
        batches(*args)


# ---------------------------------------------------------------- augment

def test_augment_keeps_shape_and_never_modifies_its_input(digits):
    images = digits[0][:50] / 16
    before = images.copy()
    for kwargs in (dict(), dict(max_shift=2, flip=True, zoom=0.3, noise=0.1)):
        out = augment(images, seed=0, **kwargs)
        assert out.shape == images.shape and out.dtype == np.float64
        assert not np.shares_memory(out, images)
    assert np.array_equal(images, before)
    nchw = images[:, None]
    assert augment(nchw, seed=0, max_shift=2, flip=True, zoom=0.2).shape == (50, 1, 8, 8)


def test_augment_without_changes_is_the_identity(digits):
    images = digits[0][:20]
    out = augment(images, seed=3, max_shift=0)
    assert np.array_equal(out, images) and out is not images


def test_augment_is_reproducible_with_a_seed(digits):
    images = digits[0][:30]
    kwargs = dict(max_shift=2, flip=True, zoom=0.2, noise=0.5)
    assert np.array_equal(augment(images, seed=4, **kwargs), augment(images, seed=4, **kwargs))
    assert not np.array_equal(augment(images, seed=4, **kwargs), augment(images, seed=5, **kwargs))


def test_augment_shifts_a_dot_by_at_most_max_shift():
    images = np.zeros((200, 7, 7))
    images[:, 3, 3] = 1.0
    out = augment(images, seed=0, max_shift=2)
    rows, cols = np.nonzero(out.sum(axis=0))                          # where the dot went
    assert out.sum(axis=(1, 2)).tolist() == [1.0] * 200                 # the dot stays inside
    assert set(rows.tolist()) == set(range(1, 6)) and set(cols.tolist()) == set(range(1, 6))


def test_augment_shift_fills_with_zeros():
    images = np.ones((100, 5, 5))
    out = augment(images, seed=1, max_shift=1)
    moved = out.sum(axis=(1, 2)) < 25
    assert moved.any() and set(np.unique(out).tolist()) <= {0.0, 1.0}


def test_augment_flip_mirrors_about_half_of_the_images():
    images = np.random.default_rng(0).random((200, 6, 6))
    out = augment(images, seed=2, max_shift=0, flip=True)
    flipped = np.all(out == images[:, :, ::-1], axis=(1, 2))
    unchanged = np.all(out == images, axis=(1, 2))
    assert np.all(flipped | unchanged) and 60 < flipped.sum() < 140


def test_augment_zoom_and_channels_move_together():
    rng = np.random.default_rng(1)
    first = rng.random((40, 1, 9, 9))
    images = np.concatenate([first, 2 * first], axis=1)          # channel 1 = 2 * channel 0
    out = augment(images, seed=0, max_shift=1, zoom=0.3, flip=True)
    np.testing.assert_array_equal(out[:, 1], 2 * out[:, 0])
    assert set(np.unique(out[:, 0])) <= set(np.unique(first)) | {0.0}     # nearest neighbour
    assert not np.array_equal(out, images)


def test_augment_noise_has_the_requested_std():
    out = augment(np.zeros((100, 10, 10)), seed=0, max_shift=0, noise=0.3)
    assert abs(out.mean()) < 0.02 and abs(out.std() - 0.3) < 0.02


def test_augment_integer_images_become_float():
    out = augment(np.ones((2, 4, 4), dtype=np.uint8), seed=0, max_shift=0)
    assert out.dtype == np.float64 and np.all(out == 1)


@pytest.mark.parametrize("kwargs, message", [
    (dict(images=np.zeros((8, 8))),
     r"augment: expected images of shape \(n, H, W\) or \(n, C, H, W\), got shape \(8, 8\)\. "
     r"For a single image, use images\[None\]"),
    (dict(images=np.zeros((2, 8, 8)), max_shift=-1),
     r"max_shift must be a whole number ≥ 0, got -1"),
    (dict(images=np.zeros((2, 8, 8)), max_shift=1.5), r"max_shift must be a whole number ≥ 0"),
    (dict(images=np.zeros((2, 8, 8)), zoom=1.0), r"zoom must be a number in \[0, 1\), got 1\.0"),
    (dict(images=np.zeros((2, 8, 8)), noise=-0.1),
     r"noise must be a number in \[0, ∞\), got -0\.1"),
    (dict(images=np.zeros((2, 8, 8)), flip=0.5), r"flip must be True or False, got 0\.5"),
    (dict(images=np.full((2, 8, 8), np.nan)), r"augment: images contains NaN or infinity"),
])
def test_augment_bad_inputs(kwargs, message):
    with pytest.raises(ValueError, match=message):
        augment(**kwargs)
