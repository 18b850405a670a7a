"""Warnings from core are values with stable codes (and still read as their text)."""

import copy
import pickle

import numpy as np
import pytest

from core.config import SOFT_MAX_LAYERS, SOFT_MAX_UNITS, TrainConfig
from core.data import Dataset
from core.trainer import Trainer, check_data, targets_for
from core.warnings import CODES, ConfigWarning


def _codes(warnings):
    assert all(isinstance(w, ConfigWarning) for w in warnings)
    return {w.code for w in warnings}


@pytest.mark.parametrize("config, code", [
    (TrainConfig(hidden=(2,) * (SOFT_MAX_LAYERS + 1)), "deep_network"),
    (TrainConfig(hidden=(SOFT_MAX_UNITS + 1,)), "wide_layer"),
    (TrainConfig(learning_rate=11.0), "large_lr"),
    (TrainConfig(loss="ce", output_activation="sigmoid"), "ce_without_softmax"),
    (TrainConfig(loss="bce", output_activation="linear"), "bce_without_sigmoid"),
])
def test_config_check_gives_each_warning_its_code(config, code):
    assert _codes(config.check()) == {code}
    assert TrainConfig().check() == []


def test_data_and_trainer_warnings_have_codes():
    ds = Dataset(np.eye(3), np.eye(3)[:, :1] * 2, ("a", "b", "c"), ("y",))
    cfg = TrainConfig(optimizer="sgd", batch_size=50, output_activation="softmax", stop_accuracy=True)
    Y, _ = targets_for(ds, cfg)
    assert _codes(check_data(ds, cfg, Y)) == {"batch_larger_than_rows", "softmax_single_output"}
    assert _codes(Trainer(ds, cfg).warnings) == {"batch_larger_than_rows", "softmax_single_output",
                                                 "stop_accuracy_ignored"}


def test_a_warning_is_its_text_and_keeps_its_code():
    w = ConfigWarning("large_lr", "learning rate 20 is very large")
    assert str(w) == w.text == "learning rate 20 is very large" == w
    assert "\n".join([w, w]) == f"{w}\n{w}" and "! " + w == "! learning rate 20 is very large"
    assert w == ConfigWarning("large_lr", w.text) and w != ConfigWarning("wide_layer", w.text)
    assert hash(w) == hash(w.text) and len({w, ConfigWarning("large_lr", w.text)}) == 1
    for twin in (pickle.loads(pickle.dumps(w)), copy.deepcopy(w)):
        assert twin == w and twin.code == "large_lr"
    with pytest.raises(AttributeError):
        w.code = "other"
    with pytest.raises(ValueError, match="unknown warning code"):
        ConfigWarning("no_such_code", "text")
    assert "large_lr" in CODES
