"""A different activation per hidden layer: the "Per layer…" entry of the activation combo and its row.

Choosing *Per layer…* (the last entry of ``activationCombo``) shows one combo box per hidden
layer (``layerActivationCombo1`` …, filled from :data:`core.activations.HIDDEN_ACTIVATIONS`),
laid out like the hidden-layer spin boxes; ``TrainConfig.activation`` is then a tuple with one
name per layer. Choosing an activation in ``activationCombo`` again gives every layer that one.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QSizePolicy, QWidget

from core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS

from nngui.support import i18n
from nngui.views.settings_widgets import HiddenLayersEditor, ElidingComboBox

PER_LAYER = "<per layer>"  # the activation combo's item data for "Per layer…" (never a registry name)
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1


def fit(acts: tuple[str, ...], n: int) -> tuple[str, ...]:
    """Per-layer activations resized to ``n`` layers (the last one repeats; sigmoid when there is none)."""
    if n <= 0:
        return ()
    if not acts:
        return ("sigmoid",) * n
    return tuple(acts[:n]) + (acts[-1],) * max(0, n - len(acts))


class LayerActivations(QWidget):
    """One activation combo per hidden layer (objectName ``layerActivationsEditor``), shown in per-layer mode."""

    changed = Signal()

    def __init__(self, mode_combo: QComboBox, parent: QWidget | None = None) -> None:
        """``mode_combo``: the panel's activation combo, which gains the "Per layer…" entry."""
        super().__init__(parent)
        self.setObjectName("layerActivationsEditor")
        self.mode_combo = mode_combo
        mode_combo.addItem(self._per_layer_text(), PER_LAYER)
        mode_combo.setItemData(mode_combo.count() - 1, self._per_layer_tip(), Qt.ItemDataRole.ToolTipRole)
        self._combos: list[ElidingComboBox] = []
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(6)
        self._grid.setVerticalSpacing(3)
        mode_combo.currentIndexChanged.connect(self._mode_changed)

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D102 (Qt API)
        return i18n.translated("LayerActivations", text, disambiguation, n)

    def _per_layer_text(self) -> str:
        return self.tr("Per layer\u2026")

    def _per_layer_tip(self) -> str:
        return self.tr("A different activation for each hidden layer")

    # -- public API -------------------------------------------------------------------------

    @property
    def per_layer(self) -> bool:
        """True while the activation combo shows "Per layer…"."""
        return self.mode_combo.currentData() == PER_LAYER

    def activations(self) -> tuple[str, ...]:
        return tuple(c.currentData() for c in self._combos)

    def combos(self) -> list[QComboBox]:
        return list(self._combos)

    def set_activations(self, acts) -> bool:
        """Show one combo per name (no signal); False when a name is not a hidden-layer activation."""
        acts = tuple(acts)
        while len(self._combos) > len(acts):
            combo = self._combos.pop()
            self._grid.removeWidget(combo)
            combo.setParent(None)
            combo.deleteLater()
        while len(self._combos) < len(acts):
            self._add_combo()
        shown = True
        for combo, name in zip(self._combos, acts):
            with QSignalBlocker(combo):
                i = combo.findData(name)
                combo.setCurrentIndex(max(i, 0))
            shown = shown and i >= 0
        return shown

    def set_count(self, n: int) -> None:
        """Follow the number of hidden layers (a new layer copies the last one's activation)."""
        self.set_activations(fit(self.activations(), n))

    def retranslate(self) -> None:
        """Texts again in the language installed now."""
        k = self.mode_combo.findData(PER_LAYER)
        if k >= 0:
            self.mode_combo.setItemText(k, self._per_layer_text())
            self.mode_combo.setItemData(k, self._per_layer_tip(), Qt.ItemDataRole.ToolTipRole)
        for i, combo in enumerate(self._combos):
            for j in range(combo.count()):
                combo.setItemText(j, i18n.translated("core", combo.itemData(j, SOURCE_ROLE)))
            self._name(combo, i)

    # -- internals --------------------------------------------------------------------------

    def _mode_changed(self, _i: int) -> None:
        """One activation chosen for every layer: the per-layer combos follow it (ready for "Per layer…")."""
        name = self.mode_combo.currentData()
        if name in HIDDEN_ACTIVATIONS:
            self.set_activations((name,) * len(self._combos))

    def _add_combo(self) -> None:
        i = len(self._combos)
        combo = ElidingComboBox()
        combo.setObjectName(f"layerActivationCombo{i + 1}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(4)
        combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        for name in HIDDEN_ACTIVATIONS:
            label = ACTIVATIONS[name].label
            combo.addItem(i18n.translated("core", label), name)
            combo.setItemData(combo.count() - 1, label, SOURCE_ROLE)
        self._name(combo, i)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        r, c = divmod(i, HiddenLayersEditor.PER_ROW)
        self._grid.addWidget(combo, r, c)
        self._combos.append(combo)

    def _name(self, combo: QComboBox, i: int) -> None:
        combo.setToolTip(i18n.fmt(self.tr("Activation of hidden layer %1"), i + 1))
        combo.setAccessibleName(i18n.fmt(self.tr("Hidden layer %1 activation"), i + 1))
