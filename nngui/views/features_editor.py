"""The settings panel's *Input features* row: one check box per derived input of :data:`core.features.FEATURES`.

The boxes (objectNames ``featureSquaresCheck``, ``featureProductsCheck``, ``featureSinCheck``)
are built from the core's registry, in its column order. Their row of the panel's form starts
folded (every setting must be in view at 1280x720): the *Features* button (``featuresToggle``)
beside *Bias units* opens it, and it opens by itself when a file or a preset uses features. A box whose feature would add more
derived columns than the core allows for the table's inputs is refused: it unticks itself and
``refused`` carries the core's message (the window shows it in the status bar).
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QToolButton, QWidget

from core.features import FEATURES, FeatureError, canonical, check_width

from nngui.support import i18n
from nngui.support.core_messages import error_text
from nngui.support.i18n import translate

# What each box shows (short: three fit in one row of the panel) and its tooltip.
SHORT = {"squares": "x\u00b2", "products": "x1\u00b7x2", "sin": "sin x"}


def feature_tip(name: str) -> str:
    """The tooltip of a feature's check box, in the language installed now."""
    tips = {
        "squares": translate("FeaturesEditor", "Squares: add each input squared (x1\u00b2, x2\u00b2, \u2026) as an "
                                               "extra input. A circle then becomes a straight line: the circle data "
                                               "is solved without any hidden layer."),
        "products": translate("FeaturesEditor", "Products: add xi\u00b7xj for every pair of inputs (x1\u00b7x2, "
                                                "\u2026) as extra inputs. XOR's quadrants are the sign of x1\u00b7x2."),
        "sin": translate("FeaturesEditor", "Sines: add sin x1, sin x2, \u2026 as extra inputs (waves and "
                                           "spirals)."),
    }
    return tips.get(name, FEATURES[name].title) + "\n" + translate(
        "FeaturesEditor", "Computed after normalisation; the first layer gets one unit per derived input.")


class FeaturesEditor(QWidget):
    """A row of check boxes, one per feature; ``changed`` on a user's tick, ``refused(text)`` for too many columns."""

    changed = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("featuresEditor")
        self.n_inputs = 0
        self.last_refusal: str | None = None
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        for name in FEATURES:
            box = QCheckBox(SHORT.get(name, name))
            box.setObjectName(f"feature{name.capitalize()}Check")
            box.toggled.connect(lambda on, n=name: self._toggled(n, on))
            self.boxes[name] = box
            row.addWidget(box)
        row.addStretch(1)
        self.toggle = QToolButton()
        self.toggle.setObjectName("featuresToggle")
        self.toggle.setCheckable(True)
        self.toggle.setAutoRaise(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.toggled.connect(self._opened)
        self._form: QFormLayout | None = None
        self.retranslate()

    def attach(self, form: QFormLayout) -> None:
        """The form whose row holds this editor: the toggle shows and hides that row."""
        self._form = form
        self._opened(self.toggle.isChecked())

    def _opened(self, on: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        if self._form is not None:
            self._form.setRowVisible(self, on)

    def retranslate(self) -> None:
        self.toggle.setText(translate("FeaturesEditor", "Features"))
        self.toggle.setToolTip(translate("FeaturesEditor", "Show the input features: squares, products and sines "
                                                           "of the inputs as extra inputs"))
        for name, box in self.boxes.items():
            box.setToolTip(feature_tip(name))
            box.setAccessibleName(i18n.translated("core", FEATURES[name].title))

    def features(self) -> tuple[str, ...]:
        """The ticked features, in the order their columns come."""
        return tuple(name for name, box in self.boxes.items() if box.isChecked())

    def set_features(self, features) -> None:
        """Tick exactly ``features`` (known names; no signal)."""
        chosen = set(features)
        for name, box in self.boxes.items():
            with QSignalBlocker(box):
                box.setChecked(name in chosen)
        if chosen:
            self.toggle.setChecked(True)  # a network with features shows them

    def set_input_count(self, n: int) -> None:
        """The table's input columns: how wide the features may make the first layer."""
        self.n_inputs = max(0, int(n))

    def _toggled(self, name: str, on: bool) -> None:
        if on:
            try:
                check_width(canonical(self.features()), self.n_inputs)
            except FeatureError as exc:
                with QSignalBlocker(self.boxes[name]):
                    self.boxes[name].setChecked(False)
                self.last_refusal = i18n.fmt(translate("FeaturesEditor", "Input features: %1"), error_text(exc))
                self.refused.emit(self.last_refusal)
                return
        self.changed.emit()
