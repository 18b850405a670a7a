"""Looking a name up in one of the core's registries (activations, losses, optimisers, ...)."""

from __future__ import annotations

from typing import Mapping, TypeVar

T = TypeVar("T")


def lookup(table: Mapping[str, T], kind: str, name: str) -> T:
    """``table[name]``, or a ValueError naming the ``kind`` and listing the valid names."""
    try:
        return table[name]
    except KeyError:
        raise ValueError(f"unknown {kind} {name!r}; expected one of {', '.join(table)}") from None
