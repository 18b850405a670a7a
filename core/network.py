"""A dense feed-forward network of any depth.

Layout (fixed, documented in docs/model-format.md): layer ``l`` has weights ``W``
of shape (inputs, outputs) and a bias ``b`` of shape (outputs,), and computes
``a = act(a_prev @ W + b)``. All parameters live in one flat buffer, layer by
layer, ``W`` (row-major) then ``b``; ``weights[l]`` and ``biases[l]`` are views
into it, so an optimiser updates the whole network with one call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from .activations import ACTIVATIONS, get_activation
from .initializers import get_initializer
from .losses import get_loss, output_delta

MAX_UNITS = 4096


@dataclass(frozen=True)
class Architecture:
    """Layer sizes ``[n_in, h1, ..., n_out]``, one activation per layer (last = output), bias flag, loss."""

    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    bias: bool = True
    loss: str = "sse"

    def __post_init__(self) -> None:
        object.__setattr__(self, "sizes", tuple(int(s) for s in self.sizes))
        object.__setattr__(self, "activations", tuple(self.activations))
        self.validate()

    @classmethod
    def build(
        cls, n_in: int, hidden: Sequence[int], n_out: int, activation: str | Sequence[str] = "sigmoid",
        output_activation: str = "sigmoid", bias: bool = True, loss: str = "sse",
    ) -> "Architecture":
        """Assemble from the pieces users choose: hidden sizes, hidden activation(s), output activation."""
        hidden = tuple(hidden)
        if isinstance(activation, str):
            acts = (activation,) * len(hidden)
        else:
            acts = tuple(activation)
            if len(acts) != len(hidden):
                raise ValueError(
                    f"activation: {len(acts)} hidden activations given for {len(hidden)} hidden layers"
                )
        return cls((n_in, *hidden, n_out), (*acts, output_activation), bool(bias), loss)

    def validate(self) -> None:
        if len(self.sizes) < 2:
            raise ValueError("sizes: a network needs at least an input and an output layer")
        for i, s in enumerate(self.sizes):
            if s < 1:
                raise ValueError(f"sizes: layer {i} has {s} units; every layer needs at least 1")
            if s > MAX_UNITS:
                raise ValueError(f"sizes: layer {i} has {s} units; at most {MAX_UNITS} are supported")
        if len(self.activations) != len(self.sizes) - 1:
            raise ValueError(
                f"activations: expected {len(self.sizes) - 1} (one per layer), got {len(self.activations)}"
            )
        for i, name in enumerate(self.activations):
            act = get_activation(name)
            if act.output_only and i != len(self.activations) - 1:
                raise ValueError(f"activation: {name} can only be used on the output layer")
        get_loss(self.loss)

    @property
    def n_layers(self) -> int:
        return len(self.sizes) - 1

    @property
    def hidden(self) -> tuple[int, ...]:
        return self.sizes[1:-1]

    @property
    def output_activation(self) -> str:
        return self.activations[-1]

    @property
    def n_params(self) -> int:
        return sum(a * b + (b if self.bias else 0) for a, b in zip(self.sizes, self.sizes[1:]))

    def layer_slices(self) -> list[tuple[slice, slice | None]]:
        """Where each layer's W and b sit in the flat parameter buffer."""
        out, pos = [], 0
        for a, b in zip(self.sizes, self.sizes[1:]):
            w = slice(pos, pos + a * b)
            pos += a * b
            bs = None
            if self.bias:
                bs = slice(pos, pos + b)
                pos += b
            out.append((w, bs))
        return out

    def to_dict(self) -> dict:
        return {
            "sizes": list(self.sizes),
            "activations": list(self.activations),
            "bias": self.bias,
            "loss": self.loss,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Architecture":
        return cls(tuple(d["sizes"]), tuple(d["activations"]), bool(d["bias"]), d["loss"])


@dataclass
class Network:
    """Parameters of an architecture in one flat buffer, plus the forward and backward pass."""

    arch: Architecture
    params: np.ndarray
    weights: list[np.ndarray] = field(init=False, repr=False)
    biases: list[np.ndarray | None] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        if self.params.ndim != 1 or self.params.size != self.arch.n_params:
            raise ValueError(f"params: expected {self.arch.n_params} values, got {self.params.size}")
        self.weights, self.biases = [], []
        for (ws, bs), a, b in zip(self.arch.layer_slices(), self.arch.sizes, self.arch.sizes[1:]):
            self.weights.append(self.params[ws].reshape(a, b))
            self.biases.append(self.params[bs] if bs is not None else None)

    @classmethod
    def initialize(
        cls, arch: Architecture, init: str, rng: np.random.Generator, dtype=np.float64
    ) -> "Network":
        """New weights drawn layer by layer (W1, W2, ...) from ``rng``; biases zero."""
        net = cls(arch, np.zeros(arch.n_params, dtype=dtype))
        draw = get_initializer(init).draw
        for W, a, b in zip(net.weights, arch.sizes, arch.sizes[1:]):
            W[...] = draw(rng, a, b)
        return net

    @classmethod
    def from_layers(
        cls, arch: Architecture, layers: Sequence[tuple[np.ndarray, np.ndarray | None]], dtype=np.float64
    ) -> "Network":
        """Build from per-layer (W, b) arrays in the documented (inputs, outputs) layout."""
        net = cls(arch, np.zeros(arch.n_params, dtype=dtype))
        net.set_layers(layers)
        return net

    def set_layers(self, layers: Sequence[tuple[np.ndarray, np.ndarray | None]]) -> None:
        if len(layers) != self.arch.n_layers:
            raise ValueError(f"layers: expected {self.arch.n_layers}, got {len(layers)}")
        for i, (W, b) in enumerate(layers):
            self.weights[i][...] = W
            if self.biases[i] is not None:
                self.biases[i][...] = 0.0 if b is None else b

    def layers(self) -> list[tuple[np.ndarray, np.ndarray | None]]:
        """Copies of (W, b) per layer."""
        return [(W.copy(), None if b is None else b.copy()) for W, b in zip(self.weights, self.biases)]

    def copy(self) -> "Network":
        return Network(self.arch, self.params.copy())

    def forward(self, X: np.ndarray) -> list[np.ndarray]:
        """Activations of every layer, ``[X, a1, ..., aL]``."""
        acts = [X]
        a = X
        for W, b, name in zip(self.weights, self.biases, self.arch.activations):
            z = a @ W
            if b is not None:
                z += b
            a = ACTIVATIONS[name].forward(z)
            acts.append(a)
        return acts

    def predict(self, X: np.ndarray) -> np.ndarray:
        return self.forward(np.asarray(X, dtype=self.params.dtype))[-1]

    def pre_activations(self, X: np.ndarray) -> list[np.ndarray]:
        """The ``z = a_prev @ W + b`` of every layer (for inspection, not training)."""
        zs, a = [], np.asarray(X, dtype=self.params.dtype)
        for W, b, name in zip(self.weights, self.biases, self.arch.activations):
            z = a @ W if b is None else a @ W + b
            zs.append(z)
            a = ACTIVATIONS[name].forward(z)
        return zs

    def loss(self, X: np.ndarray, Y: np.ndarray) -> float:
        return get_loss(self.arch.loss).value(self.predict(X), Y)

    def gradient(
        self, X: np.ndarray, Y: np.ndarray, out: np.ndarray | None = None
    ) -> tuple[float, np.ndarray]:
        """Loss on (X, Y) and its gradient with respect to the flat parameters (backpropagation)."""
        grad = np.empty_like(self.params) if out is None else out
        acts = self.forward(X)
        loss = get_loss(self.arch.loss)
        p = acts[-1]
        value = loss.value(p, Y)
        out_act = ACTIVATIONS[self.arch.output_activation]
        delta = output_delta(loss, out_act.name, p, Y, out_act.backward)
        slices = self.arch.layer_slices()
        for l in range(self.arch.n_layers - 1, -1, -1):
            ws, bs = slices[l]
            np.dot(acts[l].T, delta, out=grad[ws].reshape(self.weights[l].shape))
            if bs is not None:
                delta.sum(axis=0, out=grad[bs])
            if l:
                back = ACTIVATIONS[self.arch.activations[l - 1]].backward
                delta = back(acts[l], delta @ self.weights[l].T)
        return value, grad
