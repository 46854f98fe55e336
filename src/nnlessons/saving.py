"""Model files: what ``Model.save`` writes and ``Model.load`` reads (Lesson 16).

A model file is an ``.npz`` archive (a zip of ``.npy`` arrays) holding

    __description__                the architecture as JSON text: every layer's class and
                                   constructor arguments, the loss, the optimizer and its
                                   iteration count, each Dropout's random-generator state
    layer0.weights, ...            every parameter and running statistic (``Model.parameters``)
    optimizer.layer0.weights.m, …  the optimizer's memory (momenta, caches; ``Model.optimizer_memory``)

Nothing is ever unpickled, so a model file can never run code. Reading checks the file
piece by piece — an archive, arrays of numbers with honest sizes, a JSON object naming
known classes with arguments they take, exactly the arrays those layers need with the
shapes they need — before anything is built, and any problem becomes one ``ValueError``
that names the file and says what is wrong with it.
"""

import functools
import inspect
import json
import os
import zipfile
import zlib
from pathlib import Path

import numpy as np

from . import activations, layers, losses, optimizers
from .i18n import register, tr

FORMAT = "nnlessons-model"
VERSION = 2                      # 2: with the optimizer's memory; files of version 1 load too
DESCRIPTION = "__description__"
MEMORY = "optimizer."            # prefix of the optimizer's arrays

#: The classes a description may name, by what they are.
CLASSES = {
    "layer": {cls.__name__: cls for cls in (*(getattr(layers, name) for name in layers.__all__ if name != "Layer"),
                                            *activations.ACTIVATIONS)},
    "loss": {cls.__name__: cls for cls in losses.LOSSES},
    "optimizer": {cls.__name__: cls for cls in optimizers.OPTIMIZERS},
}

register({
    "err.model_path": {
        "en": "{where}: path must be a file name (a str or a pathlib.Path), got {path!r}.",
        "pt": "{where}: path deve ser um nome de arquivo (uma str ou um pathlib.Path), recebeu {path!r}.",
    },
    "err.model_path_folder": {
        "en": "{where}: {path} is a folder; give a file name inside it, e.g. {example}.",
        "pt": "{where}: {path} é uma pasta; dê um nome de arquivo dentro dela, por exemplo {example}.",
    },
    "err.model_folder": {
        "en": "{where}: cannot create the folder {folder} for {path} ({reason}). Choose a folder you can write to.",
        "pt": "{where}: não foi possível criar a pasta {folder} para {path} ({reason}). Escolha uma pasta "
              "em que você possa gravar.",
    },
    "err.model_write": {
        "en": "Model.save: cannot write {path} ({reason}).",
        "pt": "Model.save: não foi possível gravar {path} ({reason}).",
    },
    "err.model_file": {
        "en": "Model.load: {path} cannot be loaded: {reason}",
        "pt": "Model.load: não é possível carregar {path}: {reason}",
    },
    "load.missing": {
        "en": "there is no such file (model.save(path) adds .npz to a name that does not end in it, and "
              "Model.load(path) does the same).",
        "pt": "esse arquivo não existe (model.save(path) acrescenta .npz a um nome que não termina assim, e "
              "Model.load(path) faz o mesmo).",
    },
    "load.empty": {
        "en": "the file is empty (0 bytes); it was probably cut off while being written. Save the model again.",
        "pt": "o arquivo está vazio (0 bytes); provavelmente foi interrompido enquanto era gravado. Salve o "
              "modelo de novo.",
    },
    "load.npy": {
        "en": "it holds a single NumPy array written by np.save (.npy), not a model. Save models with "
              "model.save(path).",
        "pt": "ele contém um único array do NumPy gravado por np.save (.npy), não um modelo. Salve modelos com "
              "model.save(path).",
    },
    "load.text": {
        "en": "it is a text file, not a model file (.npz). Save models with model.save(path).",
        "pt": "é um arquivo de texto, não um arquivo de modelo (.npz). Salve modelos com model.save(path).",
    },
    "load.not_zip": {
        "en": "it is not a complete .npz archive: either it was truncated (cut off while being saved or "
              "copied) or it is another kind of file. Use a complete copy or save the model again.",
        "pt": "não é um arquivo .npz completo: ou foi truncado (interrompido ao ser salvo ou copiado) ou é "
              "outro tipo de arquivo. Use uma cópia completa ou salve o modelo de novo.",
    },
    "load.damaged": {
        "en": "the archive is damaged ({detail}); it was corrupted on disk or on the way. Use another copy "
              "or save the model again.",
        "pt": "o arquivo está danificado ({detail}); ele se corrompeu no disco ou no caminho. Use outra cópia "
              "ou salve o modelo de novo.",
    },
    "load.size": {
        "en": "{name} claims shape {shape}, {needed} bytes, but holds {available}",
        "pt": "{name} declara formato {shape}, {needed} bytes, mas contém {available}",
    },
    "load.not_array": {
        "en": "it holds {name}, which is not a NumPy array; a model file holds only .npy arrays.",
        "pt": "ele contém {name}, que não é um array do NumPy; um arquivo de modelo só contém arrays .npy.",
    },
    "load.objects": {
        "en": "the array {name} holds Python objects, which only pickle could read, and nnlessons never "
              "unpickles (it could run code). A model file holds only numbers and a JSON text.",
        "pt": "o array {name} contém objetos Python, que só o pickle conseguiria ler, e o nnlessons nunca "
              "usa pickle (ele poderia executar código). Um arquivo de modelo só contém números e um texto JSON.",
    },
    "load.no_description": {
        "en": "it has no __description__, the JSON text every nnlessons model file holds: it is an .npz "
              "of arrays, not a model.",
        "pt": "ele não tem __description__, o texto JSON que todo arquivo de modelo do nnlessons tem: é um "
              ".npz de arrays, não um modelo.",
    },
    "load.description_not_text": {
        "en": "its __description__ must be one JSON text, got an array of dtype {dtype} and shape {shape}.",
        "pt": "seu __description__ deve ser um único texto JSON, recebeu um array de dtype {dtype} e "
              "formato {shape}.",
    },
    "load.bad_json": {
        "en": "its description is not valid JSON ({detail}).",
        "pt": "sua descrição não é um JSON válido ({detail}).",
    },
    "load.not_object": {
        "en": "its description must be a JSON object {{\"format\": ..., \"layers\": [...], ...}}, got a JSON {kind}.",
        "pt": "sua descrição deve ser um objeto JSON {{\"format\": ..., \"layers\": [...], ...}}, recebeu "
              "um JSON do tipo {kind}.",
    },
    "load.format": {
        "en": "its description is not of an nnlessons model: format {got!r}, expected {expected!r}.",
        "pt": "sua descrição não é de um modelo do nnlessons: format {got!r}, esperava {expected!r}.",
    },
    "load.version": {
        "en": "its description has version {got!r}; this nnlessons reads versions 1 to {newest}. "
              "A newer version was saved by a newer nnlessons: update it.",
        "pt": "sua descrição tem versão {got!r}; este nnlessons lê as versões 1 a {newest}. "
              "Uma versão mais nova foi salva por um nnlessons mais novo: atualize-o.",
    },
    "load.no_layers": {
        "en": "its description must list the layers as a non-empty JSON array under \"layers\", got {got!r}.",
        "pt": "sua descrição deve listar as camadas como um array JSON não vazio em \"layers\", recebeu {got!r}.",
    },
    "load.entry": {
        "en": "in its description, {part} must be an object {{\"class\": name, \"config\": {{arguments}}}}, "
              "got {got!r}.",
        "pt": "na sua descrição, {part} deve ser um objeto {{\"class\": nome, \"config\": {{argumentos}}}}, "
              "recebeu {got!r}.",
    },
    "load.unknown_class": {
        "en": "in its description, {part} names the class {name!r}, which is not {kind} of nnlessons. "
              "Known: {known}.",
        "pt": "na sua descrição, {part} cita a classe {name!r}, que não é {kind} do nnlessons. "
              "Conhecidas: {known}.",
    },
    "load.wrong_kind": {
        "en": "in its description, {part} names {name!r}, which is {actual}, not {kind}.",
        "pt": "na sua descrição, {part} cita {name!r}, que é {actual}, não {kind}.",
    },
    "load.kind.layer": {"en": "a layer", "pt": "uma camada"},
    "load.kind.loss": {"en": "a loss", "pt": "uma perda"},
    "load.kind.optimizer": {"en": "an optimizer", "pt": "um otimizador"},
    "load.unexpected_argument": {
        "en": "in its description, {part} gives {name} the argument {argument!r}, which {name} does not take "
              "(it takes {allowed}).",
        "pt": "na sua descrição, {part} passa a {name} o argumento {argument!r}, que {name} não aceita "
              "(ele aceita {allowed}).",
    },
    "load.missing_argument": {
        "en": "in its description, {part} does not give {name} its required argument {argument!r}.",
        "pt": "na sua descrição, {part} não passa a {name} o argumento obrigatório {argument!r}.",
    },
    "load.bad_value": {
        "en": "in its description, {part} cannot be built: {error}",
        "pt": "na sua descrição, {part} não pode ser construído(a): {error}",
    },
    "load.iterations": {
        "en": "in its description, the optimizer's iteration count must be a whole number ≥ 0, got {got!r}.",
        "pt": "na sua descrição, a contagem de iterações do otimizador deve ser um número inteiro ≥ 0, "
              "recebeu {got!r}.",
    },
    "load.rng": {
        "en": "in its description, {part} has a random-generator state NumPy cannot use ({error}).",
        "pt": "na sua descrição, {part} tem um estado de gerador aleatório que o NumPy não aceita ({error}).",
    },
    "load.missing_arrays": {
        "en": "the arrays {names} are missing; the layers its description lists need them.",
        "pt": "faltam os arrays {names}; as camadas que sua descrição lista precisam deles.",
    },
    "load.extra_arrays": {
        "en": "it holds arrays that no part of its description uses: {names}.",
        "pt": "ele contém arrays que nenhuma parte da sua descrição usa: {names}.",
    },
    "load.more_arrays_than_layers": {
        "en": "it holds arrays of layer{index}, but its description lists only {count} layer(s) "
              "(layer0 to layer{last}): the description was cut short or the arrays belong to another model.",
        "pt": "ele contém arrays da layer{index}, mas sua descrição lista só {count} camada(s) "
              "(layer0 a layer{last}): a descrição foi cortada ou os arrays são de outro modelo.",
    },
    "load.shape": {
        "en": "{name} has shape {stored} in the file, but its description asks for {expected}.",
        "pt": "{name} tem formato {stored} no arquivo, mas sua descrição pede {expected}.",
    },
})


def model_path(path, where):
    """The file ``save(path)`` writes and ``load(path)`` reads: ``path`` itself when its name
    ends in ``.npz``, else ``path`` + ``".npz"`` (as ``np.savez`` names it)."""
    if not isinstance(path, (str, os.PathLike)):
        raise ValueError(tr("err.model_path", where=where, path=path))
    path = Path(path)
    return path if path.name.endswith(".npz") else path.with_name(path.name + ".npz")


def writable_model_path(path, where):
    """``model_path(path)``, with its folder created if needed; refused, with the reason, when
    it names a folder or its folder cannot be created. ``Model.fit`` calls it for its
    ``checkpoint`` before the first epoch, so a bad path never costs a training run."""
    target = model_path(path, where)
    if target.is_dir():
        raise ValueError(tr("err.model_path_folder", where=where, path=target, example=target / "model.npz"))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ValueError(tr("err.model_folder", where=where, folder=target.parent, path=target,
                            reason=error.strerror or error)) from None
    return target


def write_model(model, path):
    """Write ``model`` to ``model_path(path)``; returns that path (Lesson 16).

    The archive is written next to its target and then renamed over it, so a run cut off
    mid-write leaves the previous file whole, never half a file.
    """
    target = writable_model_path(path, "Model.save")
    arrays = {DESCRIPTION: np.array(json.dumps(model.description())), **model.parameters(),
              **{MEMORY + name: value for name, value in model.optimizer_memory().items()}}
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(partial, "wb") as file:
            np.savez(file, **arrays)
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise ValueError(tr("err.model_write", path=target, reason=error.strerror or error)) from None
    return target


def refusal(path, reason, **fields):
    """The one error a bad model file gets: it names the file and says what is wrong with it."""
    return ValueError(tr("err.model_file", path=path, reason=tr(reason, **fields)))


def read_model(model_class, path):
    """A ``model_class`` rebuilt from the file ``save(path)`` wrote (Lesson 16); see the module docstring."""
    candidate = model_path(path, "Model.load")
    target = Path(path) if Path(path).is_file() else candidate
    refuse = functools.partial(refusal, target)       # refuse("load.empty") → that error
    arrays = read_arrays(target, refuse)
    description = read_description(arrays, refuse)
    layer_specs = [resolve(entry, f"layers[{i}]", "layer", refuse) for i, entry in enumerate(description["layers"])]
    loss = build(resolve(description.get("loss"), "loss", "loss", refuse), "loss", refuse)
    optimizer_entry = description.get("optimizer")
    optimizer = None
    iterations = 0
    if optimizer_entry is not None:
        optimizer = build(resolve(optimizer_entry, "optimizer", "optimizer", refuse), "optimizer", refuse)
        iterations = optimizer_entry.get("iterations", 0)
        if isinstance(iterations, bool) or not isinstance(iterations, int) or iterations < 0:
            raise refuse("load.iterations", got=iterations)

    expected = expected_shapes(layer_specs, optimizer, iterations, refuse)
    check_arrays(arrays, expected, len(layer_specs), refuse)

    built = [build(spec, f"layers[{i}]", refuse) for i, spec in enumerate(layer_specs)]
    for i, (layer, entry) in enumerate(zip(built, description["layers"])):
        if "rng" in entry and isinstance(getattr(layer, "rng", None), np.random.Generator):
            try:
                layer.rng.bit_generator.state = entry["rng"]
            except (TypeError, ValueError, KeyError) as error:
                raise refuse("load.rng", part=f"layers[{i}]", error=error) from None
    model = model_class(built, loss, optimizer)
    model.set_parameters({name: arrays[name] for name in expected if not name.startswith(MEMORY)})
    if optimizer is not None:
        model.set_optimizer_memory({name[len(MEMORY):]: arrays[name] for name in expected
                                    if name.startswith(MEMORY)}, iterations)
    return model


def read_arrays(target, refuse):
    """Every array of the archive ``target`` by name, each checked before it is read."""
    if not target.is_file():
        raise refuse("load.missing")
    with open(target, "rb") as file:
        head = file.read(512)
    if not head:
        raise refuse("load.empty")
    if head.startswith(b"\x93NUMPY"):
        raise refuse("load.npy")
    if not zipfile.is_zipfile(target):
        text = not head.startswith(b"PK") and _looks_like_text(head)   # "PK": a zip cut short
        raise refuse("load.text" if text else "load.not_zip")
    try:
        with zipfile.ZipFile(target) as archive:
            return {info.filename[:-len(".npy")]: read_member(archive, info, refuse)
                    for info in archive.infolist()}
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as error:
        raise refuse("load.damaged", detail=error) from None


def _looks_like_text(head):
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def read_member(archive, info, refuse):
    """One ``.npy`` member: its header is read first, so a dtype of Python objects or a shape
    larger than the bytes actually stored is refused before any array is allocated."""
    if not info.filename.endswith(".npy"):
        raise refuse("load.not_array", name=info.filename)
    name = info.filename[:-len(".npy")]
    with archive.open(info) as member:
        try:
            version = np.lib.format.read_magic(member)
            read_header = {(1, 0): np.lib.format.read_array_header_1_0,
                           (2, 0): np.lib.format.read_array_header_2_0}.get(version)
            if read_header is None:
                raise ValueError(f".npy version {version}")
            shape, _, dtype = read_header(member)
        except ValueError as error:
            raise refuse("load.damaged", detail=f"{name}: {error}") from None
        if dtype.hasobject:
            raise refuse("load.objects", name=name)
        needed = int(np.prod(shape, dtype=object)) * dtype.itemsize
        available = info.file_size - member.tell()
        if needed != available:
            raise refuse("load.damaged", detail=tr("load.size", name=name, shape=shape, needed=needed,
                                                   available=available))
    with archive.open(info) as member:
        return np.lib.format.read_array(member, allow_pickle=False)


def read_description(arrays, refuse):
    """The JSON description, checked down to its list of layers."""
    if DESCRIPTION not in arrays:
        raise refuse("load.no_description")
    text = arrays.pop(DESCRIPTION)
    if text.dtype.kind != "U" or text.ndim != 0:
        raise refuse("load.description_not_text", dtype=text.dtype, shape=text.shape)
    try:
        description = json.loads(str(text))
    except json.JSONDecodeError as error:
        raise refuse("load.bad_json", detail=error) from None
    if not isinstance(description, dict):
        raise refuse("load.not_object", kind=_json_kind(description))
    if description.get("format") != FORMAT:
        raise refuse("load.format", got=description.get("format"), expected=FORMAT)
    version = description.get("version")
    if isinstance(version, bool) or version not in range(1, VERSION + 1):
        raise refuse("load.version", got=version, newest=VERSION)
    if not isinstance(description.get("layers"), list) or not description["layers"]:
        raise refuse("load.no_layers", got=description.get("layers"))
    return description


def _json_kind(value):
    """What JSON calls the type of a decoded value: array, string, number, true/false, null."""
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "true/false"
    return "null" if value is None else "number"


def resolve(entry, part, kind, refuse):
    """``(cls, config)`` for one entry of the description, or the reason it is unusable:
    not an object, an unknown class, a class of another kind, an argument the class does
    not take or a required one missing."""
    if not (isinstance(entry, dict) and isinstance(entry.get("class"), str)
            and isinstance(entry.get("config"), dict)):
        raise refuse("load.entry", part=part, got=entry)
    name, config = entry["class"], entry["config"]
    cls = CLASSES[kind].get(name)
    if cls is None:
        actual = next((other for other, classes in CLASSES.items() if name in classes), None)
        if actual is not None:
            raise refuse("load.wrong_kind", part=part, name=name, kind=tr(f"load.kind.{kind}"),
                         actual=tr(f"load.kind.{actual}"))
        raise refuse("load.unknown_class", part=part, name=name, kind=tr(f"load.kind.{kind}"),
                     known=", ".join(sorted(CLASSES[kind])))
    parameters = inspect.signature(cls).parameters
    for key in config:
        if key not in parameters:
            raise refuse("load.unexpected_argument", part=part, name=name, argument=key,
                         allowed=", ".join(parameters))
    for key, parameter in parameters.items():
        if parameter.default is inspect.Parameter.empty and key not in config:
            raise refuse("load.missing_argument", part=part, name=name, argument=key)
    return cls, config


def build(spec, part, refuse):
    """``cls(**config)``; a value the class refuses (``Dense(n_inputs=-3, ...)``) becomes the file's error."""
    cls, config = spec
    try:
        return cls(**config)
    except ValueError as error:
        raise refuse("load.bad_value", part=part, error=error) from None


def expected_shapes(layer_specs, optimizer, iterations, refuse):
    """``{array name: shape}`` of every array the description needs, from the classes' own
    ``parameter_shapes``: nothing is allocated yet, so a description asking for a
    10⁹ × 10⁹ Dense is refused by comparing shapes, not by running out of memory."""
    expected = {}
    for i, (cls, config) in enumerate(layer_specs):
        try:
            shapes = cls.parameter_shapes(**config)
        except ValueError as error:
            raise refuse("load.bad_value", part=f"layers[{i}]", error=error) from None
        for name, shape in shapes.items():
            expected[f"layer{i}.{name}"] = shape
            if optimizer is not None and iterations > 0 and name in cls.params:
                for slot in optimizer.slots:
                    expected[f"{MEMORY}layer{i}.{name}.{slot}"] = shape
    return expected


def check_arrays(arrays, expected, n_layers, refuse):
    """Exactly the expected arrays, each with its expected shape."""
    missing = [name for name in expected if name not in arrays]
    if missing:
        raise refuse("load.missing_arrays", names=", ".join(missing))
    extra = [name for name in arrays if name not in expected]
    beyond = sorted({_layer_index(name) for name in extra} - {None})
    if beyond and beyond[-1] >= n_layers:
        raise refuse("load.more_arrays_than_layers", index=beyond[-1], count=n_layers, last=n_layers - 1)
    if extra:
        raise refuse("load.extra_arrays", names=", ".join(extra))
    for name, shape in expected.items():
        if arrays[name].shape != tuple(shape):
            raise refuse("load.shape", name=name, stored=arrays[name].shape, expected=tuple(shape))


def _layer_index(name):
    """3 for "layer3.weights" or "optimizer.layer3.weights.m"; None for any other name."""
    head = name[len(MEMORY):] if name.startswith(MEMORY) else name
    prefix = head.split(".")[0]
    digits = prefix[len("layer"):]
    return int(digits) if prefix.startswith("layer") and digits.isdigit() else None
