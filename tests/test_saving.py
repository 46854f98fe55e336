"""Save, load, resume, and one clear error for every bad model file (issue 9, section 3)."""

import json
import os
import tracemalloc
import zipfile

import numpy as np
import pytest

from nnlessons import i18n, losses, optimizers
from nnlessons.activations import ReLU, Softmax
from nnlessons.layers import BatchNorm, Dense, Dropout
from nnlessons.model import Model

RAW_ERRORS = ("BadZipFile", "EOFError", "KeyError", "TypeError", "allow_pickle", "pickle=", "Traceback")


def blobs(seed=0, n=60):
    rng = np.random.default_rng(seed)
    centres = np.array([[0.0, 2.0], [2.0, -1.0], [-2.0, -1.0]])
    y = np.arange(n) % 3
    return centres[y] + 0.5 * rng.standard_normal((n, 2)), y


def model(optimizer=None):
    return Model([Dense(2, 8, seed=0), BatchNorm(8), ReLU(), Dropout(0.2, seed=1), Dense(8, 3, seed=2), Softmax()],
                 losses.CategoricalCrossEntropy(), optimizer or optimizers.Adam(0.02, decay=1e-3))


# -- the same path both ways, folders ----------------------------------------------------------
def test_save_and_load_take_the_same_path(tmp_path):
    trained = model()
    trained.fit(*blobs(), epochs=2, batch_size=16, progress=False)
    written = trained.save(tmp_path / "best")
    assert written == tmp_path / "best.npz" and written.is_file()
    loaded = Model.load(tmp_path / "best")
    assert np.array_equal(loaded.predict(blobs()[0]), trained.predict(blobs()[0]))
    assert Model.load(str(tmp_path / "best.npz")).optimizer.iterations == trained.optimizer.iterations


def test_save_creates_missing_folders(tmp_path):
    path = model().save(tmp_path / "runs" / "today" / "model.npz")
    assert path.is_file()


def test_a_missing_checkpoint_folder_is_created_before_training(tmp_path):
    folder = tmp_path / "checkpoints" / "run1"
    model().fit(*blobs(), epochs=2, checkpoint=folder / "best", progress=False)
    assert (folder / "best.npz").is_file()


@pytest.mark.parametrize("kind", ["file-in-the-way", "a-folder"])
def test_a_bad_checkpoint_path_is_refused_before_any_training(tmp_path, kind):
    (tmp_path / "taken").write_text("not a folder")
    (tmp_path / "folder.npz").mkdir()
    checkpoint, match = {
        "file-in-the-way": (tmp_path / "taken" / "best.npz", r"Model.fit: cannot create the folder .*taken for"),
        "a-folder": (tmp_path / "folder.npz", r"Model.fit: .*folder.npz is a folder; give a file name inside it"),
    }[kind]
    fresh = model()
    before = fresh.parameters()
    with pytest.raises(ValueError, match=match):
        fresh.fit(*blobs(), epochs=3, checkpoint=checkpoint, progress=False)
    assert fresh.optimizer.iterations == 0
    assert all(np.array_equal(fresh.parameters()[name], value) for name, value in before.items())


def test_a_path_that_is_not_a_file_name():
    with pytest.raises(ValueError, match=r"Model.save: path must be a file name \(a str or a pathlib.Path\), got 42"):
        model().save(42)


# -- resume exactly --------------------------------------------------------------------------------
@pytest.mark.parametrize("make_optimizer", [
    lambda: optimizers.Adam(0.02, decay=1e-3), lambda: optimizers.SGD(0.1, decay=1e-2, momentum=0.9),
    lambda: optimizers.RMSprop(0.01), lambda: optimizers.Adagrad(0.1)], ids=["Adam", "SGD", "RMSprop", "Adagrad"])
def test_two_epochs_saved_loaded_and_two_more_equal_four_uninterrupted(tmp_path, make_optimizer):
    X, y = blobs()
    straight = model(make_optimizer())
    straight.fit(X, y, epochs=4, batch_size=16, seed=np.random.default_rng(7), progress=False)

    first = model(make_optimizer())
    shuffling = np.random.default_rng(7)           # one shuffle sequence carried across the two fits
    first.fit(X, y, epochs=2, batch_size=16, seed=shuffling, progress=False)
    first.save(tmp_path / "half")
    resumed = Model.load(tmp_path / "half")
    resumed.fit(X, y, epochs=2, batch_size=16, seed=shuffling, progress=False)

    assert resumed.optimizer.iterations == straight.optimizer.iterations == 16
    for name, value in straight.parameters().items():
        assert np.array_equal(resumed.parameters()[name], value), name      # bit for bit
    for name, value in straight.optimizer_memory().items():
        assert np.array_equal(resumed.optimizer_memory()[name], value), name


def test_the_file_holds_the_optimizer_state(tmp_path):
    trained = model()
    trained.fit(*blobs(), epochs=1, batch_size=30, progress=False)
    trained.save(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz", allow_pickle=False) as contents:
        names = set(contents.files)
        description = json.loads(str(contents["__description__"]))
    assert {"optimizer.layer0.weights.m", "optimizer.layer0.weights.v", "optimizer.layer1.gamma.m",
            "optimizer.layer4.biases.v"} <= names
    assert description["optimizer"]["iterations"] == 2 and description["version"] == 2
    assert description["layers"][3]["rng"]["bit_generator"] == "PCG64"


def test_a_file_of_version_1_still_loads(tmp_path):
    trained = model()
    description = trained.description()
    description["version"] = 1
    del description["optimizer"]["iterations"]
    np.savez(tmp_path / "old.npz", __description__=np.array(json.dumps(description)), **trained.parameters())
    assert Model.load(tmp_path / "old.npz").optimizer.iterations == 0


# -- every bad file gets one clear error -----------------------------------------------------------
def saved(tmp_path):
    """A sound model file and its contents: (path, description, arrays)."""
    trained = model()
    trained.fit(*blobs(), epochs=1, batch_size=30, progress=False)
    path = trained.save(tmp_path / "model.npz")
    with np.load(path, allow_pickle=False) as contents:
        arrays = {name: contents[name] for name in contents.files}
    return path, json.loads(str(arrays.pop("__description__"))), arrays


def rewrite(path, description, arrays):
    text = description if isinstance(description, str) else json.dumps(description)
    np.savez(path, __description__=np.array(text), **arrays)


def truncate(path, description, arrays):
    data = path.read_bytes()
    path.write_bytes(data[:len(data) // 2])


def corrupt(path, description, arrays):
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle:middle + 16] = bytes(16)         # 16 zero bytes inside an array's data: the CRC disagrees
    path.write_bytes(bytes(data))


def layer_entry(index, **changes):
    def change(path, description, arrays):
        description["layers"][index].update(changes)
        rewrite(path, description, arrays)
    return change


def config_change(index, **changes):
    def change(path, description, arrays):
        description["layers"][index]["config"].update(changes)
        rewrite(path, description, arrays)
    return change


def without_arrays(*names):
    def change(path, description, arrays):
        rewrite(path, description, {key: value for key, value in arrays.items() if key not in names})
    return change


def with_arrays(**extra):
    def change(path, description, arrays):
        rewrite(path, description, {**arrays, **extra})
    return change


def fewer_layers(path, description, arrays):
    description["layers"] = description["layers"][:2]          # arrays for layers 4 and beyond stay
    rewrite(path, description, arrays)


def object_array(path, description, arrays):
    with zipfile.ZipFile(path, "a") as archive, archive.open("evil.npy", "w") as member:
        np.lib.format.write_array(member, np.array([{"a": 1}], dtype=object), allow_pickle=True)


def lying_header(path, description, arrays):
    """An array whose .npy header claims 10¹² values: refused from the header, never allocated."""
    with zipfile.ZipFile(path, "a") as archive, archive.open("layer9.weights.npy", "w") as member:
        header = {"descr": "<f8", "fortran_order": False, "shape": (10 ** 6, 10 ** 6)}
        np.lib.format.write_array_header_1_0(member, header)
        member.write(bytes(64))


def not_an_array(path, description, arrays):
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("notes.txt", "hello")


BAD_FILES = {
    "truncated": (truncate, r"it is not a complete \.npz archive: either it was truncated"),
    "corrupted": (corrupt, r"the archive is damaged \(Bad CRC-32 for file"),
    "empty": (lambda path, *_: path.write_bytes(b""), r"the file is empty \(0 bytes\)"),
    "npy": (lambda path, *_: np.save(open(path, "wb"), np.ones(3)), r"it holds a single NumPy array written by np\.save"),
    "text": (lambda path, *_: path.write_text("layer0.weights = 1, 2, 3\n"), r"it is a text file, not a model file"),
    "object-array": (object_array, r"the array evil holds Python objects, which only pickle could read"),
    "lying-header": (lying_header, r"the archive is damaged \(layer9\.weights claims shape \(1000000, 1000000\), "
                                   r"8000000000000 bytes, but holds 64\)"),
    "not-an-array": (not_an_array, r"it holds notes\.txt, which is not a NumPy array"),
    "no-description": (lambda path, d, arrays: np.savez(path, **arrays), r"it has no __description__"),
    "description-not-text": (lambda path, d, arrays: np.savez(path, __description__=np.arange(3), **arrays),
                             r"its __description__ must be one JSON text, got an array of dtype int64"),
    "invalid-json": (lambda path, d, arrays: rewrite(path, '{"format": "nnlessons-model", ', arrays),
                     r"its description is not valid JSON \(Expecting property name"),
    "json-not-an-object": (lambda path, d, arrays: rewrite(path, "[1, 2, 3]", arrays),
                           r"its description must be a JSON object .*got a JSON array"),
    "other-format": (lambda path, d, arrays: rewrite(path, {**d, "format": "keras"}, arrays),
                     r"format 'keras', expected 'nnlessons-model'"),
    "newer-version": (lambda path, d, arrays: rewrite(path, {**d, "version": 7}, arrays),
                      r"its description has version 7; this nnlessons reads versions 1 to 2"),
    "no-layers": (lambda path, d, arrays: rewrite(path, {**d, "layers": []}, arrays),
                  r"must list the layers as a non-empty JSON array"),
    "entry-not-an-object": (lambda path, d, arrays: rewrite(path, {**d, "layers": ["Dense"] + d["layers"][1:]},
                                                            arrays),
                            r"in its description, layers\[0\] must be an object \{\"class\": name"),
    "unknown-class": (layer_entry(2, **{"class": "Denseish"}),
                      r"layers\[2\] names the class 'Denseish', which is not a layer of nnlessons\. Known: .*Dense"),
    "non-layer-class": (layer_entry(2, **{"class": "Adam"}),
                        r"layers\[2\] names 'Adam', which is an optimizer, not a layer"),
    "loss-as-optimizer": (lambda path, d, arrays: rewrite(path, {**d, "optimizer": {**d["optimizer"],
                                                                                    "class": "Huber"}}, arrays),
                          r"optimizer names 'Huber', which is a loss, not an optimizer"),
    "wrong-keyword": (config_change(0, n_input=2),
                      r"layers\[0\] gives Dense the argument 'n_input', which Dense does not take \(it takes "
                      r"n_inputs, n_neurons, weight_l1"),
    "missing-argument": (layer_entry(0, config={"n_inputs": 2}),
                         r"layers\[0\] does not give Dense its required argument 'n_neurons'"),
    "bad-value": (config_change(0, n_inputs=2.0),
                  r"layers\[0\] cannot be built: Dense\(n_inputs=2\.0, n_neurons=8\): n_inputs must be a whole number"),
    "missing-arrays": (without_arrays("layer4.biases", "optimizer.layer4.biases.m"),
                       r"the arrays layer4\.biases, optimizer\.layer4\.biases\.m are missing"),
    "extra-arrays": (with_arrays(**{"layer0.mystery": np.ones(3)}),
                     r"it holds arrays that no part of its description uses: layer0\.mystery"),
    "fewer-layers-than-arrays": (fewer_layers, r"it holds arrays of layer4, but its description lists only 2 "
                                               r"layer\(s\) \(layer0 to layer1\)"),
    "shape-disagrees": (config_change(4, n_neurons=4),
                        r"layer4\.weights has shape \(8, 3\) in the file, but its description asks for \(8, 4\)"),
    "absurd-size": (config_change(0, n_inputs=10 ** 9, n_neurons=10 ** 9),
                    r"layer0\.weights has shape \(2, 8\) in the file, but its description asks for "
                    r"\(1000000000, 1000000000\)"),
    "bad-iterations": (lambda path, d, arrays: rewrite(path, {**d, "optimizer": {**d["optimizer"],
                                                                                 "iterations": -1}}, arrays),
                       r"the optimizer's iteration count must be a whole number ≥ 0, got -1"),
    "bad-rng": (layer_entry(3, rng={"bit_generator": "PCG64"}),
                r"layers\[3\] has a random-generator state NumPy cannot use"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_every_bad_file_gets_one_clear_error(tmp_path, case):
    path, description, arrays = saved(tmp_path)
    damage, match = BAD_FILES[case]
    damage(path, description, arrays)
    tracemalloc.start()
    try:
        with pytest.raises(ValueError, match=r"^Model\.load: .*model\.npz cannot be loaded: .*" + match) as error:
            Model.load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 2 ** 20                       # nothing near an absurd size was allocated
    assert not any(raw in str(error.value) for raw in RAW_ERRORS)
    assert error.value.__cause__ is None


def test_a_missing_file(tmp_path):
    with pytest.raises(ValueError, match=r"Model\.load: .*nowhere\.npz cannot be loaded: there is no such file"):
        Model.load(tmp_path / "nowhere")


def test_bad_files_in_portuguese(tmp_path):
    path = tmp_path / "empty.npz"
    path.write_bytes(b"")
    i18n.set_language("pt")
    with pytest.raises(ValueError, match=r"Model\.load: não é possível carregar .*empty\.npz: o arquivo está vazio"):
        Model.load(path)


def test_an_interrupted_save_leaves_the_previous_file_whole(tmp_path, monkeypatch):
    path = model().save(tmp_path / "m.npz")
    good = path.read_bytes()

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(ValueError, match=r"Model\.save: cannot write .*m\.npz \(No space left on device\)"):
        model().save(path)
    assert path.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["m.npz"]
