"""Export a model as an ONNX graph (needs the optional ``onnx`` package: ``pip install nngui[onnx]``).

The graph takes the *raw* inputs, exactly like :meth:`core.modelfile.Model.predict`:

- input ``input``: shape ``(N, n_in)`` (``N`` any number of rows), float32 by default
  (what most ONNX runtimes and frameworks expect); ``dtype="float64"`` gives a
  double-precision graph that reproduces nngui's float64 outputs to the last bits;
  ``dtype=None`` uses the dtype the model was trained in;
- the normalisation, when the model has one: ``Sub(shift)`` then ``Div(scale)``;
- the input features, when the model has them (format version 2): ``Mul(x, x)`` for the
  squares, ``Gather`` of the left and right columns of every pair then ``Mul`` for the
  products, ``Sin`` for the sines, and ``Concat`` (axis 1) of the inputs and those, in
  that order;
- per layer ``MatMul(W)`` (W of shape (inputs, outputs), as in the model file),
  ``Add(b)`` when the model has biases, then the activation: ``Sigmoid``, ``Tanh``,
  ``Relu``, ``LeakyRelu`` (alpha 0.01), ``Identity`` (linear) or ``Softmax`` (axis 1)
  (a float64 graph writes leaky ReLU as ``Max(z, Mul(z, 0.01))``: the LeakyRelu
  attribute ``alpha`` is a 32-bit float, which would change the slope's last bits);
- output ``output``: shape ``(N, n_out)``; for a class model, column ``k`` is the
  probability of ``classes[k]`` (the labels are in the metadata ``classes``).

The column names and class labels are stored as metadata properties
(``input_names``, ``target_names``, ``classes``: JSON text).

Pure NumPy and the standard library (plus onnx when called): this module never imports Qt.
"""

from __future__ import annotations

import importlib.util
import json
import os

import numpy as np

from .activations import LEAKY_SLOPE
from .export_python import ExportError
from .files import atomic_write_bytes
from .modelfile import Model

__all__ = ["ExportError", "ONNX_OPSET", "to_onnx", "onnx_available"]

ONNX_OPSET = 17
ONNX_IR_VERSION = 8  # the IR version of opset 17: readable by older runtimes too
INSTALL_HINT = "pip install nngui[onnx]"

_OPS = {
    "sigmoid": ("Sigmoid", {}),
    "tanh": ("Tanh", {}),
    "relu": ("Relu", {}),
    "leaky_relu": ("LeakyRelu", {"alpha": LEAKY_SLOPE}),
    "linear": ("Identity", {}),
    "softmax": ("Softmax", {"axis": 1}),
}


def _import_onnx():
    try:
        import onnx
        from onnx import helper, numpy_helper
    except ImportError:
        raise ExportError(f"ONNX export needs the onnx package, which is not installed: "
                          f"{INSTALL_HINT} (or pip install onnx)") from None
    return onnx, helper, numpy_helper


def onnx_available() -> bool:
    """True when the onnx package is installed; asks ``find_spec``, so nothing is imported (onnx is slow to load)."""
    try:
        return importlib.util.find_spec("onnx") is not None
    except (ImportError, ValueError):  # a broken entry in sys.modules
        return False


def _feature_nodes(model: Model, x: str, helper, nodes: list, inits: list, numpy_helper) -> str:
    """The nodes computing the input features of ``x`` (normalised inputs); returns the concatenation's name."""
    parts = [x]
    if "squares" in model.features:
        nodes.append(helper.make_node("Mul", [x, x], ["squares"], name="feature_squares"))
        parts.append("squares")
    if "products" in model.features and model.n_inputs > 1:
        left, right = np.triu_indices(model.n_inputs, 1)
        for name, index in (("pair_left", left), ("pair_right", right)):
            inits.append(numpy_helper.from_array(np.asarray(index, dtype=np.int64), f"{name}_index"))
            nodes.append(helper.make_node("Gather", [x, f"{name}_index"], [name], axis=1, name=f"feature_{name}"))
        nodes.append(helper.make_node("Mul", ["pair_left", "pair_right"], ["products"], name="feature_products"))
        parts.append("products")
    if "sin" in model.features:
        nodes.append(helper.make_node("Sin", [x], ["sines"], name="feature_sin"))
        parts.append("sines")
    if len(parts) == 1:
        return x
    nodes.append(helper.make_node("Concat", parts, ["features"], axis=1, name="features_concat"))
    return "features"


def to_onnx(model: Model, path: str | os.PathLike | None = None, dtype: str | None = "float32"):
    """Build the ONNX graph of ``model`` (and write it to ``path`` when given); returns the ModelProto.

    ``dtype``: the graph's input, weight and output type: ``"float32"`` (default),
    ``"float64"``, or None for the model's training dtype. Raises ExportError when
    onnx is missing or the dtype is unknown; OSError when the file cannot be written.
    """
    onnx, helper, numpy_helper = _import_onnx()
    if dtype is None:
        dtype = model.dtype.name
    if dtype not in ("float32", "float64"):
        raise ExportError(f"dtype: expected float32 or float64, got {dtype!r}")
    np_dtype = np.dtype(dtype)
    elem = onnx.TensorProto.FLOAT if dtype == "float32" else onnx.TensorProto.DOUBLE
    arch = model.architecture

    inits, nodes = [], []

    def const(name: str, value) -> str:
        inits.append(numpy_helper.from_array(np.ascontiguousarray(value, dtype=np_dtype), name))
        return name

    x = "input"
    norm = model.normalization
    if norm is not None:
        nodes.append(helper.make_node("Sub", [x, const("norm_shift", norm.shift)], ["shifted"], name="normalize_sub"))
        nodes.append(helper.make_node("Div", ["shifted", const("norm_scale", norm.scale)], ["normalized"],
                                      name="normalize_div"))
        x = "normalized"
    if model.features:
        x = _feature_nodes(model, x, helper, nodes, inits, numpy_helper)
    n_layers = arch.n_layers
    for l, ((W, b), act) in enumerate(zip(model.layers, arch.activations), start=1):
        nodes.append(helper.make_node("MatMul", [x, const(f"W{l}", W)], [f"matmul{l}"], name=f"layer{l}_matmul"))
        z = f"matmul{l}"
        if b is not None:
            nodes.append(helper.make_node("Add", [z, const(f"b{l}", b)], [f"z{l}"], name=f"layer{l}_add"))
            z = f"z{l}"
        out = "output" if l == n_layers else f"a{l}"
        if act == "leaky_relu" and dtype == "float64":
            # LeakyRelu's alpha attribute is a 32-bit float (0.009999999776...): in a double
            # graph max(z, 0.01 z) keeps nngui's exact slope.
            slope = const(f"leaky_slope{l}", LEAKY_SLOPE)
            nodes.append(helper.make_node("Mul", [z, slope], [f"scaled{l}"], name=f"layer{l}_leaky_mul"))
            nodes.append(helper.make_node("Max", [z, f"scaled{l}"], [out], name=f"layer{l}_leaky_max"))
        else:
            op, attrs = _OPS[act]
            nodes.append(helper.make_node(op, [z], [out], name=f"layer{l}_{act}", **attrs))
        x = out

    n_in, n_out = model.n_inputs, arch.sizes[-1]
    graph = helper.make_graph(
        nodes, "nngui_network",
        [helper.make_tensor_value_info("input", elem, ["N", n_in])],
        [helper.make_tensor_value_info("output", elem, ["N", n_out])],
        initializer=inits,
    )
    proto = helper.make_model(
        graph, producer_name="nngui", opset_imports=[helper.make_opsetid("", ONNX_OPSET)],
        doc_string=f"nngui network {list(arch.sizes)} ({'/'.join(arch.activations)}); "
                   "input: raw inputs, normalisation included",
    )
    proto.ir_version = ONNX_IR_VERSION
    meta = {
        "input_names": json.dumps(list(model.input_names)),
        "target_names": json.dumps(list(model.target_names)),
        "classes": json.dumps(None if model.classes is None else [float(c) for c in model.classes]),
        "activations": json.dumps(list(arch.activations)),
        "features": json.dumps(list(model.features)),
    }
    helper.set_model_props(proto, meta)
    onnx.checker.check_model(proto)
    if path is not None:
        atomic_write_bytes(path, proto.SerializeToString())
    return proto

