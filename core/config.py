"""Training settings: one frozen value with its validation, shared by the CLI, the app and the model file."""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from .activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from .features import FeatureError, canonical
from .initializers import INITIALIZERS
from .losses import LOSSES
from .network import MAX_UNITS
from .normalization import NORMALIZATIONS
from .optimizers import OPTIMIZERS
from .schedules import parse_schedule
from .warnings import ConfigWarning

DTYPES = ("float64", "float32")
SOFT_MAX_LAYERS = 6
SOFT_MAX_UNITS = 64


class ConfigError(ValueError):
    """A setting that cannot be used; ``field`` names it."""

    def __init__(self, field: str, detail: str) -> None:
        super().__init__(f"{field}: {detail}")
        self.field = field
        self.detail = detail


@dataclass(frozen=True)
class TrainConfig:
    """Everything that decides a training run besides the data."""

    hidden: tuple[int, ...] = (4,)
    activation: str | tuple[str, ...] = "sigmoid"
    output_activation: str = "sigmoid"
    loss: str = "sse"
    bias: bool = True
    init: str = "xavier"
    optimizer: str = "gd"
    learning_rate: float = 0.5
    batch_size: int = 0  # 0: all rows in one batch
    epochs: int = 1000  # 0: until stopped
    seed: int = 0
    normalize: str = "none"
    validation: float = 0.0
    dtype: str = "float64"
    # Stop conditions (added last so positional use of the fields above is unchanged):
    stop_loss: float = 0.0  # stop at the first epoch whose loss is below this; 0: off
    stop_accuracy: bool = False  # stop once every training row is classified right (checked between chunks)
    # Derived inputs after normalisation (core.features): squares, products, sin, in that order.
    features: tuple[str, ...] = ()
    # Regularisation, schedule and early stopping (added after the stop conditions, for the same reason):
    l2: float = 0.0  # the weights' penalty (l2 / 2) * sum(W ** 2); 0: off
    l1: float = 0.0  # the weights' penalty l1 * sum(|W|); 0: off
    schedule: str = "constant"  # the learning-rate schedule (core.schedules): constant, step:G:N, exp:G, cosine
    early_stopping: int = 0  # patience: stop after this many epochs without a lower validation loss; 0: off

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(self.hidden))
        if not isinstance(self.activation, str):
            object.__setattr__(self, "activation", tuple(self.activation))
        if not isinstance(self.features, str):
            try:  # any order in, the columns' order kept (an unknown name is left for check() to report)
                object.__setattr__(self, "features", canonical(self.features))
            except FeatureError:
                object.__setattr__(self, "features", tuple(self.features))
        try:  # written the one way (" Step : 0.5 : 10 " is "step:0.5:10"); what does not parse, check() reports
            object.__setattr__(self, "schedule", str(parse_schedule(self.schedule)))
        except ValueError:
            pass

    def replace(self, **changes) -> "TrainConfig":
        return dataclasses.replace(self, **changes)

    @property
    def hidden_activations(self) -> tuple[str, ...]:
        if isinstance(self.activation, str):
            return (self.activation,) * len(self.hidden)
        return self.activation

    def check(self) -> list[ConfigWarning]:
        """Raise ConfigError for a setting that cannot work; return warnings (with codes) for risky ones."""
        warnings: list[ConfigWarning] = []
        for i, h in enumerate(self.hidden):
            if not isinstance(h, int) or isinstance(h, bool) or h < 1:
                raise ConfigError("hidden", f"layer {i + 1} must have a whole number of units >= 1, got {h!r}")
            if h > MAX_UNITS:
                raise ConfigError("hidden", f"layer {i + 1} has {h} units; at most {MAX_UNITS} are supported")
        if len(self.hidden) > SOFT_MAX_LAYERS:
            warnings.append(ConfigWarning("deep_network", f"{len(self.hidden)} hidden layers: deep sigmoid networks train slowly"))
        if any(h > SOFT_MAX_UNITS for h in self.hidden):
            warnings.append(ConfigWarning("wide_layer", f"more than {SOFT_MAX_UNITS} units in a layer: training will be slower"))
        acts = self.hidden_activations
        if len(acts) != len(self.hidden):
            raise ConfigError("activation", f"{len(acts)} activations for {len(self.hidden)} hidden layers")
        for a in acts:
            if a not in HIDDEN_ACTIVATIONS:
                raise ConfigError("activation", f"{a!r} is not a hidden-layer activation; "
                                  f"expected one of {', '.join(HIDDEN_ACTIVATIONS)}")
        _check_choice("output_activation", self.output_activation, ACTIVATIONS)
        _check_choice("loss", self.loss, LOSSES)
        _check_choice("init", self.init, INITIALIZERS)
        _check_choice("optimizer", self.optimizer, OPTIMIZERS)
        _check_choice("normalize", self.normalize, NORMALIZATIONS)
        _check_choice("dtype", self.dtype, DTYPES)
        lr = self.learning_rate
        if not isinstance(lr, (int, float)) or isinstance(lr, bool) or not math.isfinite(lr) or lr <= 0:
            raise ConfigError("learning_rate", f"must be a finite number > 0, got {lr!r}")
        if lr > 10:
            warnings.append(ConfigWarning("large_lr", f"learning rate {lr:g} is very large: training will probably diverge"))
        for name in ("batch_size", "epochs", "seed"):
            v = getattr(self, name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise ConfigError(name, f"must be a whole number >= 0, got {v!r}")
        v = self.validation
        if not isinstance(v, (int, float)) or isinstance(v, bool) or not (0.0 <= v <= 0.9):
            raise ConfigError("validation", f"must be a fraction from 0 to 0.9, got {v!r}")
        sl = self.stop_loss
        if not isinstance(sl, (int, float)) or isinstance(sl, bool) or not math.isfinite(sl) or sl < 0:
            raise ConfigError("stop_loss", f"must be a finite number >= 0 (0: off), got {sl!r}")
        if not isinstance(self.stop_accuracy, bool):
            raise ConfigError("stop_accuracy", f"must be true or false, got {self.stop_accuracy!r}")
        if isinstance(self.features, str):
            raise ConfigError("features", f"expected a list of feature names, got {self.features!r}")
        try:
            canonical(self.features)
        except FeatureError as exc:
            raise ConfigError("features", str(exc)) from None
        warnings += self._check_training_options()
        if self.loss == "ce" and self.output_activation != "softmax":
            warnings.append(ConfigWarning("ce_without_softmax", "categorical cross-entropy is meant to follow a softmax output"))
        if self.loss == "bce" and self.output_activation not in ("sigmoid", "softmax"):
            warnings.append(ConfigWarning("bce_without_sigmoid", "binary cross-entropy needs outputs in (0, 1): use a sigmoid output"))
        return warnings

    def _check_training_options(self) -> list[ConfigWarning]:
        """Regularisation, schedule and early stopping."""
        for name in ("l2", "l1"):
            v = getattr(self, name)
            if not isinstance(v, (int, float)) or isinstance(v, bool) or not math.isfinite(v) or v < 0:
                raise ConfigError(name, f"must be a finite number >= 0 (0: off), got {v!r}")
        try:
            schedule = parse_schedule(self.schedule)
        except ValueError as exc:
            raise ConfigError("schedule", str(exc)) from None
        if schedule.spec.needs_target and self.epochs == 0:
            raise ConfigError("schedule", f"{schedule.spec.name} runs over the epoch target, but epochs is 0 "
                                          "(until stopped): set a number of epochs or another schedule")
        warnings = []
        if any(p.name == "GAMMA" and v > 1 for p, v in zip(schedule.spec.params, schedule.args)):
            warnings.append(ConfigWarning("growing_lr", f"schedule {self.schedule}: a factor above 1 makes the "
                                                        "learning rate grow"))
        p = self.early_stopping
        if not isinstance(p, int) or isinstance(p, bool) or p < 0:
            raise ConfigError("early_stopping", f"the patience must be a whole number of epochs >= 1 "
                                                f"(0: off), got {p!r}")
        if p and not self.validation:
            raise ConfigError("early_stopping", "watches the validation loss, but no rows are held out: "
                                                "set a validation share above 0 (e.g. 0.2)")
        return warnings

    def to_dict(self) -> dict:
        d = dataclasses.asdict(self)
        d["hidden"] = list(self.hidden)
        if not isinstance(self.activation, str):
            d["activation"] = list(self.activation)
        d["features"] = list(self.features)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "TrainConfig":
        """Build from a dict, ignoring unknown keys; types are checked by :meth:`check`."""
        names = {f.name for f in dataclasses.fields(cls)}
        kw = {k: v for k, v in d.items() if k in names}
        if "hidden" in kw:
            if not isinstance(kw["hidden"], (list, tuple)):
                raise ConfigError("hidden", f"expected a list of layer sizes, got {kw['hidden']!r}")
            kw["hidden"] = tuple(kw["hidden"])
        if isinstance(kw.get("activation"), list):
            kw["activation"] = tuple(kw["activation"])
        if isinstance(kw.get("features"), list):
            kw["features"] = tuple(kw["features"])
        cfg = cls(**kw)
        cfg.check()
        return cfg


def _check_choice(field: str, value, table) -> None:
    if value not in table:
        raise ConfigError(field, f"unknown value {value!r}; expected one of {', '.join(table)}")
