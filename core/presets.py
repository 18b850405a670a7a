"""Presets: a data set with the architecture and settings that suit it, in one registry."""

from __future__ import annotations

from dataclasses import dataclass

from .config import TrainConfig
from .data import Dataset, read_csv
from .registry import lookup
from .resources import resource_path


@dataclass(frozen=True)
class Preset:
    name: str
    title: str
    description: str
    csv: str
    targets: int
    config: TrainConfig

    def dataset(self) -> Dataset:
        return read_csv(resource_path("presets", self.csv), targets=self.targets)


PRESETS: dict[str, Preset] = {
    p.name: p
    for p in (
        Preset(
            "loy-xor", "Loy's XOR-like table (seed article)",
            "James Loy's 2-layer network exactly: 3-4-1, sigmoid, no biases, weights from "
            "rand (uniform [0, 1)), sum-of-squares loss, full-batch gradient descent with "
            "step 1, 1500 iterations.",
            "loy-xor.csv", 1,
            TrainConfig(hidden=(4,), activation="sigmoid", output_activation="sigmoid", loss="sse",
                        bias=False, init="uniform01", optimizer="gd", learning_rate=1.0, epochs=1500),
        ),
        Preset(
            "l-layer", "L-layer network on two moons (seed article 002)",
            "The L-layer article's network: biases, weights randn * 0.01 with zero biases, "
            "sigmoid hidden layers, binary cross-entropy and a learning rate, on a 2-D data "
            "set that needs two hidden layers.",
            "moons.csv", 1,
            TrainConfig(hidden=(8, 8), activation="sigmoid", output_activation="sigmoid", loss="bce",
                        bias=True, init="normal001", optimizer="gd", learning_rate=2.0, epochs=20000,
                        normalize="standard"),
        ),
        Preset(
            "xor", "XOR", "The classic: not linearly separable, needs a hidden layer.",
            "xor.csv", 1,
            TrainConfig(hidden=(4,), activation="tanh", output_activation="sigmoid", loss="bce",
                        init="xavier", optimizer="gd", learning_rate=1.0, epochs=2000),
        ),
        Preset(
            "and", "AND", "Linearly separable: a single output unit would do.",
            "and.csv", 1,
            TrainConfig(hidden=(2,), activation="sigmoid", output_activation="sigmoid", loss="bce",
                        init="xavier", optimizer="gd", learning_rate=1.0, epochs=1000),
        ),
        Preset(
            "or", "OR", "Linearly separable: a single output unit would do.",
            "or.csv", 1,
            TrainConfig(hidden=(2,), activation="sigmoid", output_activation="sigmoid", loss="bce",
                        init="xavier", optimizer="gd", learning_rate=1.0, epochs=1000),
        ),
        Preset(
            "circle", "Circle", "Points inside or outside a circle: a round decision boundary.",
            "circle.csv", 1,
            TrainConfig(hidden=(8,), activation="tanh", output_activation="sigmoid", loss="bce",
                        init="xavier", optimizer="adam", learning_rate=0.05, epochs=2000),
        ),
        Preset(
            "spiral", "Spiral (3 classes)", "Three interleaved spiral arms: softmax over three classes.",
            "spiral.csv", 1,
            TrainConfig(hidden=(32, 32), activation="relu", output_activation="softmax", loss="ce",
                        init="he", optimizer="adam", learning_rate=0.02, epochs=3000),
        ),
        Preset(
            "iris", "Iris flowers (3 species)", "Fisher's iris measurements: four inputs, three classes.",
            "iris.csv", 1,
            TrainConfig(hidden=(8,), activation="tanh", output_activation="softmax", loss="ce",
                        init="xavier", optimizer="adam", learning_rate=0.02, epochs=1000,
                        normalize="standard", validation=0.2),
        ),
    )
}


def get_preset(name: str) -> Preset:
    """Look a preset up by name, with a message listing the valid names."""
    return lookup(PRESETS, "preset", name)
