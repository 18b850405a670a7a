"""Warnings about settings and data as values: a stable ``code`` to act on, a ``text`` to show.

:class:`ConfigWarning` is a ``str`` (its text), so code that joins, prints or searches
warnings keeps working, and it carries ``code`` for code that decides something
(e.g. which panel shows it). Match on ``w.code``, never on the wording.
"""

from __future__ import annotations

from typing import NoReturn

__all__ = ["CODES", "ConfigWarning"]

# Every code in use, and who gives it:
CODES = frozenset({
    # TrainConfig.check()
    "deep_network",  # more than SOFT_MAX_LAYERS hidden layers
    "wide_layer",  # a hidden layer wider than SOFT_MAX_UNITS
    "large_lr",  # a learning rate above 10
    "ce_without_softmax",  # loss ce after an output other than softmax
    "bce_without_sigmoid",  # loss bce after an output that is not in (0, 1)
    "growing_lr",  # a schedule whose factor GAMMA is above 1
    # core.trainer.check_data() and Trainer
    "batch_larger_than_rows",
    "softmax_single_output",
    "stop_accuracy_ignored",  # stop_accuracy on data that is not classification
})


class ConfigWarning(str):
    """A warning: equal to its text as a string, with a stable ``code``; immutable.

    Two warnings are equal when code and text are; a warning equals a plain ``str``
    holding its text (and hashes like it), so existing string comparisons still hold.
    """

    code: str

    def __new__(cls, code: str, text: str) -> "ConfigWarning":
        if code not in CODES:
            raise ValueError(f"unknown warning code {code!r}; add it to core.warnings.CODES")
        self = super().__new__(cls, text)
        object.__setattr__(self, "code", code)
        return self

    @property
    def text(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"ConfigWarning({self.code!r}, {self.text!r})"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ConfigWarning):
            return self.code == other.code and str.__eq__(self, other)
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    __hash__ = str.__hash__

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"ConfigWarning is immutable (tried to set {name!r})")

    __delattr__ = __setattr__  # type: ignore[assignment]

    def __reduce__(self):
        return (ConfigWarning, (self.code, self.text))
