"""Export a model as one header-only C99 file, for microcontrollers and other programs.

The header holds the weights as ``static const float`` arrays and one function,

    static void nngui_predict(const float *inputs, float *outputs);

taking the *raw* inputs, exactly like :meth:`core.modelfile.Model.predict`: the
normalisation and the input features (squares, products, sines; model format 2) are
inside. It allocates nothing (two stack buffers as wide as the widest layer), calls
nothing beyond ``<math.h>`` (``expf``, ``tanhf``, ``sinf``) and defines only what
the model uses, so ``-std=c99 -Wall -Wextra -pedantic`` compiles it without a warning.
It computes in ``float``: outputs agree with nngui's float64 ones to about 1e-6.

Pure NumPy and the standard library: this module never imports Qt.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

import numpy as np

from .activations import LEAKY_SLOPE
from .export_python import ExportError
from .files import atomic_write_text
from .modelfile import Model

__all__ = ["c_header", "to_c", "C_PREFIX"]

C_PREFIX = "nngui_"
_PER_LINE = 6  # numbers per line in the weight arrays

_ACTIVATIONS = {
    "sigmoid": "static float nngui_sigmoid(float z)\n{\n"
               "    if (z >= 0.0f) {\n        return 1.0f / (1.0f + expf(-z));\n    }\n"
               "    return expf(z) / (1.0f + expf(z));\n}\n",
    "tanh": "static float nngui_tanh(float z)\n{\n    return tanhf(z);\n}\n",
    "relu": "static float nngui_relu(float z)\n{\n    return z > 0.0f ? z : 0.0f;\n}\n",
    "leaky_relu": "static float nngui_leaky_relu(float z)\n{\n"
                  f"    return z > 0.0f ? z : {float(LEAKY_SLOPE)!r}f * z;\n}}\n",
    "linear": "",
    "softmax": "static void nngui_softmax(float *a, int n)\n{\n"
               "    float top = a[0], sum = 0.0f;\n    int k;\n"
               "    for (k = 1; k < n; ++k) {\n        if (a[k] > top) {\n            top = a[k];\n        }\n    }\n"
               "    for (k = 0; k < n; ++k) {\n        a[k] = expf(a[k] - top);\n        sum += a[k];\n    }\n"
               "    for (k = 0; k < n; ++k) {\n        a[k] /= sum;\n    }\n}\n",
}


def _float(v: float) -> str:
    """A C float literal that reads back as the nearest float32 of ``v``."""
    f = np.float32(v)
    if not np.isfinite(f):
        raise ExportError(f"the model holds a number a C float cannot hold ({float(v)!r}); train it again")
    text = f"{float(f):.9g}"
    if not any(c in text for c in ".en"):
        text += ".0"
    return text + "f"


def _array(name: str, values: np.ndarray, comment: str) -> str:
    flat = np.asarray(values, dtype=np.float64).ravel()
    lines = [", ".join(_float(v) for v in flat[i:i + _PER_LINE]) for i in range(0, len(flat), _PER_LINE)]
    body = ",\n    ".join(lines) if lines else "0.0f"
    return f"/* {comment} */\nstatic const float {name}[{max(1, len(flat))}] = {{\n    {body}\n}};\n"


def _comment_text(text: str) -> str:
    """``text`` safe inside a C comment (no "*/", printable ASCII)."""
    text = text.replace("*/", "* /")
    return "".join(c if 32 <= ord(c) < 127 else "?" for c in text)


def _guard(name: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9]", "_", name).upper().strip("_") or "MODEL"
    if stem[0].isdigit():
        stem = "M_" + stem
    return f"NNGUI_{stem}_H"


def _features(model: Model) -> tuple[str, ...]:
    return tuple(getattr(model, "features", None) or ())


def _feature_code(features: Sequence[str], n: int) -> tuple[list[str], int]:
    """C statements that append the derived inputs to ``a`` after the ``n`` (normalised) inputs; the width."""
    code, width = [], n
    for kind in features:
        if kind == "squares":
            code.append(f"    for (i = 0; i < {n}; ++i) {{\n        a[{width} + i] = a[i] * a[i];\n    }}")
            width += n
        elif kind == "products":
            if n > 1:
                code.append(f"    k = {width};\n    for (i = 0; i < {n}; ++i) {{\n"
                            f"        for (j = i + 1; j < {n}; ++j) {{\n            a[k++] = a[i] * a[j];\n        }}\n"
                            "    }")
            width += n * (n - 1) // 2
        elif kind == "sin":
            code.append(f"    for (i = 0; i < {n}; ++i) {{\n        a[{width} + i] = sinf(a[i]);\n    }}")
            width += n
        else:
            raise ExportError(f"the model uses the input feature {kind!r}, which the C export does not know")
    return code, width


def c_header(model: Model, name: str = "model") -> str:
    """The C99 header for ``model`` (``name`` makes the include guard and the comment's title)."""
    arch = model.architecture
    sizes, acts = list(arch.sizes), list(arch.activations)
    n_in = len(model.input_names) if model.input_names else sizes[0]
    features = _features(model)
    feature_code, width = _feature_code(features, n_in)
    if width != sizes[0]:
        raise ExportError(f"the model's first layer takes {sizes[0]} inputs, but its {n_in} inputs and features "
                          f"({', '.join(features) or 'none'}) make {width}")
    widest = max(sizes)
    parts = [
        f"/* {_comment_text(name)}: a neural network exported by nngui (header-only C99).\n"
        f" *\n"
        f" * Layers: {' -> '.join(map(str, sizes))}; activations: {', '.join(acts)}"
        f"{'; input features: ' + ', '.join(features) if features else ''}.\n"
        f" * Inputs (raw, in this order): {_comment_text(', '.join(model.input_names))}.\n"
        f" * Outputs: {_comment_text(', '.join(_output_names(model)))}.\n"
        f" *\n"
        f" *     float in[NNGUI_N_INPUTS] = {{...}}, out[NNGUI_N_OUTPUTS];\n"
        f" *     nngui_predict(in, out);\n"
        f" *\n"
        f" * No allocation; needs only <math.h> (link with -lm).\n"
        f" */\n",
        f"#ifndef {_guard(name)}\n#define {_guard(name)}\n\n#include <math.h>\n\n"
        f"#define NNGUI_N_INPUTS {n_in}\n#define NNGUI_N_OUTPUTS {sizes[-1]}\n"
        f"#define NNGUI_MAX_WIDTH {widest}\n",
    ]
    if model.classes is not None:
        parts.append("#define NNGUI_N_CLASSES " f"{len(model.classes)}\n\n"
                     + _array("nngui_classes", np.asarray(model.classes), "output k is the probability of class "
                                                                           "nngui_classes[k]"))
    parts.append("")
    if model.normalization is not None:
        parts.append(_array("nngui_shift", model.normalization.shift, "normalisation: (x - shift) / scale"))
        parts.append(_array("nngui_scale", model.normalization.scale, "normalisation: (x - shift) / scale"))
    for l, (W, b) in enumerate(model.layers):
        parts.append(_array(f"nngui_w{l}", W, f"layer {l + 1}: weights, {W.shape[0]} x {W.shape[1]}, row-major "
                                              "(row i: from input unit i)"))
        if b is not None:
            parts.append(_array(f"nngui_b{l}", b, f"layer {l + 1}: biases"))
    for act in dict.fromkeys(acts):
        if _ACTIVATIONS[act]:
            parts.append(_ACTIVATIONS[act])
    parts.append(_predict(model, feature_code, n_in))
    parts.append(f"#endif /* {_guard(name)} */\n")
    return "\n".join(parts)


def _output_names(model: Model) -> list[str]:
    if model.classes is not None:
        return [f"P(class {c:g})" for c in model.classes]
    return list(model.target_names)


def _predict(model: Model, feature_code: list[str], n_in: int) -> str:
    arch = model.architecture
    sizes, acts = list(arch.sizes), list(arch.activations)
    body = ["static void nngui_predict(const float *inputs, float *outputs)", "{",
            "    float a[NNGUI_MAX_WIDTH], z[NNGUI_MAX_WIDTH];",
            "    int i, j;"]
    if feature_code and "k = " in "".join(feature_code):
        body.append("    int k;")
    if model.normalization is not None:
        body.append(f"    for (i = 0; i < {n_in}; ++i) {{\n        a[i] = (inputs[i] - nngui_shift[i]) / nngui_scale[i];\n"
                    "    }")
    else:
        body.append(f"    for (i = 0; i < {n_in}; ++i) {{\n        a[i] = inputs[i];\n    }}")
    body += feature_code
    for l, (fan_in, fan_out) in enumerate(zip(sizes, sizes[1:])):
        act, has_bias = acts[l], model.layers[l][1] is not None
        start = f"nngui_b{l}[j]" if has_bias else "0.0f"
        body.append(f"    /* layer {l + 1}: {fan_in} -> {fan_out}, {act} */")
        body.append(f"    for (j = 0; j < {fan_out}; ++j) {{\n        z[j] = {start};\n"
                    f"        for (i = 0; i < {fan_in}; ++i) {{\n            z[j] += a[i] * nngui_w{l}[i * {fan_out} + j];\n"
                    "        }\n    }")
        if act == "softmax":
            body.append(f"    nngui_softmax(z, {fan_out});")
            body.append(f"    for (j = 0; j < {fan_out}; ++j) {{\n        a[j] = z[j];\n    }}")
        elif act == "linear":
            body.append(f"    for (j = 0; j < {fan_out}; ++j) {{\n        a[j] = z[j];\n    }}")
        else:
            body.append(f"    for (j = 0; j < {fan_out}; ++j) {{\n        a[j] = nngui_{act}(z[j]);\n    }}")
    body.append(f"    for (j = 0; j < {sizes[-1]}; ++j) {{\n        outputs[j] = a[j];\n    }}")
    body.append("}\n")
    return "\n".join(body)


def to_c(model: Model, path: str | os.PathLike) -> None:
    """Write the C header for ``model`` to ``path`` (atomically)."""
    stem = os.path.basename(os.fspath(path)).split(".")[0]
    atomic_write_text(path, c_header(model, stem or "model"))
