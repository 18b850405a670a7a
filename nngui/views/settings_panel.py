"""The network and training settings: one panel that edits a :class:`core.config.TrainConfig`.

Every combo box is filled from the core's registries (``.label`` as the text,
``.name`` as the item data), so a new activation, loss, optimiser or initialiser
appears here without touching this file. ``config()`` / ``set_config()`` round-trip
exactly: values a widget cannot show exactly (a seed above 2**31, a learning rate
with many digits, per-layer activations) are kept as given until the user edits
that widget.
"""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.activations import ACTIVATIONS, HIDDEN_ACTIVATIONS
from core.config import DTYPES, ConfigError, TrainConfig
from core.features import FeatureError, derived_count
from core.initializers import INITIALIZERS
from core.losses import LOSSES
from core.normalization import NORMALIZATIONS
from core.optimizers import OPTIMIZERS

from nngui.support import i18n
from nngui.support.core_messages import core_text, error_text
from nngui.support.formatting import exact as format_number  # noqa: F401 (the panel's number format)
from nngui.views.features_editor import FeaturesEditor
from nngui.views.settings_widgets import (
    WARNING_STYLE,
    ElidingComboBox,
    HiddenLayersEditor,
    LearningRateSpinBox,
    StopLossSpinBox,
)
from nngui.views.layer_activations import PER_LAYER, LayerActivations, fit as fit_activations
from nngui.views.training_options import TrainingOptions

INT_MAX = 2**31 - 1

# NORMALIZATIONS and DTYPES are plain name tuples in the core; these are only their labels
# (an unknown name still appears, with its name as the label).
_NORMALIZE_LABELS = {
    "none": QT_TRANSLATE_NOOP("core", "None (raw inputs)"),
    "standard": QT_TRANSLATE_NOOP("core", "Standardise (mean 0, sd 1)"),
    "minmax": QT_TRANSLATE_NOOP("core", "Min-max to [0, 1]"),
}
_DTYPE_LABELS = {"float64": QT_TRANSLATE_NOOP("core", "float64 (exact)"),
                 "float32": QT_TRANSLATE_NOOP("core", "float32 (faster on big nets)")}
SOURCE_ROLE = Qt.ItemDataRole.UserRole + 1  # a combo item's untranslated label (to translate it again)
FORMULA_ROLE = Qt.ItemDataRole.UserRole + 2  # and its untranslated formula (the tooltip)

SIZE_WARNINGS = ("deep_network", "wide_layer")  # shown by the hidden-layer editor itself
ERROR_STYLE = "color: #8b0000; background: #ffe3e3; border: 1px solid #d46a6a; border-radius: 3px; padding: 3px;"


def _fill_combo(combo: QComboBox, entries) -> None:
    """Items from a registry: ``.label`` as text (translated), ``.name`` as data (plain names use themselves)."""
    for name, entry in entries:
        label = getattr(entry, "label", None) or str(name)
        combo.addItem(i18n.translated("core", label), name)
        combo.setItemData(combo.count() - 1, label, SOURCE_ROLE)
        formula = getattr(entry, "formula", "") or getattr(entry, "description", "")
        if formula:
            combo.setItemData(combo.count() - 1, i18n.translated("core", formula), Qt.ItemDataRole.ToolTipRole)
            combo.setItemData(combo.count() - 1, formula, FORMULA_ROLE)


FORM_SPACING = 3  # px between rows: every setting in view at 1280x720 without scrolling
BOX_MARGINS = (9, 3, 9, 3)  # inside each group box (the style's 9 px above and below cost a row)


class SettingsPanel(QWidget):
    """Edits a TrainConfig; emits configChanged on any edit, architectureChanged and
    learningRateChanged for those kinds of edit."""

    configChanged = Signal()
    architectureChanged = Signal()
    learningRateChanged = Signal(float)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsPanel")
        self._loading = False
        self._exact: dict[str, object] = {}  # values a widget cannot show exactly, kept until edited
        self._data_warnings: list[str] = []
        self._n_in, self._n_out = 0, 0
        self._i18n = i18n.Retranslator()
        keep = self._i18n.keep

        root = QVBoxLayout(self)
        root.setContentsMargins(6, 6, 6, 6)
        root.setSpacing(4)

        # -- network ---------------------------------------------------------------------
        net_box = QGroupBox()
        keep(net_box, "setTitle", self.tr("Network"))
        net = QFormLayout(net_box)
        net.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        net.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        net.setVerticalSpacing(FORM_SPACING)
        net.setContentsMargins(*BOX_MARGINS)
        self.io_label = QLabel()
        self.io_label.setObjectName("ioLabel")
        self.io_label.setWordWrap(True)
        self.io_label.setStyleSheet("font-weight: bold;")
        keep(self.io_label, "setToolTip", self.tr("Input and output sizes follow the data table's input and target "
                                                 "columns"))
        net.addRow(self.io_label)
        self.hidden_editor = HiddenLayersEditor()
        hidden_label = self._row(net, self.tr("Hidden layers"), self.hidden_editor)
        hidden_label.setObjectName("hiddenLayersLabel")
        keep(hidden_label, "setToolTip", self.tr("Units per hidden layer: one box per layer, from the inputs to "
                                                 "the outputs"))

        self.activation_combo = self._combo("activationCombo", [(n, ACTIVATIONS[n]) for n in HIDDEN_ACTIVATIONS],
                                            self.tr("Activation of the hidden layers"))
        self._row(net, self.tr("Activation"), self.activation_combo)
        self.layer_activations = LayerActivations(self.activation_combo)  # "Per layer…": a combo per layer
        net.addRow("", self.layer_activations)
        self._net_form = net
        self.output_activation_combo = self._combo("outputActivationCombo", list(ACTIVATIONS.items()),
                                                   self.tr("Activation of the output layer"))
        self._row(net, self.tr("Output"), self.output_activation_combo)
        self.loss_combo = self._combo("lossCombo", list(LOSSES.items()), self.tr("What training minimises"))
        self._row(net, self.tr("Loss"), self.loss_combo)
        self.init_combo = self._combo("initCombo", list(INITIALIZERS.items()),
                                      self.tr("How the first weights are drawn"))
        self._row(net, self.tr("Initial weights"), self.init_combo)
        self.bias_check = QCheckBox()
        self.bias_check.setObjectName("biasCheck")
        keep(self.bias_check, "setText", self.tr("Bias units"))
        keep(self.bias_check, "setToolTip", self.tr("Give every hidden and output unit a bias (Loy's network has "
                                                    "none)"))
        self.features_editor = FeaturesEditor()  # squares, products, sin (core.features): a row that unfolds
        bias_row = QHBoxLayout()
        bias_row.setContentsMargins(0, 0, 0, 0)
        bias_row.addWidget(self.bias_check)
        bias_row.addStretch(1)
        bias_row.addWidget(self.features_editor.toggle)
        net.addRow("", bias_row)
        keep(self._row(net, self.tr("Input features"), self.features_editor), "setToolTip",
             self.tr("Derived inputs added after normalisation, as in TensorFlow Playground"))
        self.features_editor.attach(net)
        root.addWidget(net_box)

        # -- training --------------------------------------------------------------------
        train_box = QGroupBox()
        keep(train_box, "setTitle", self.tr("Training"))
        tr = QFormLayout(train_box)
        tr.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        tr.setVerticalSpacing(FORM_SPACING)
        tr.setContentsMargins(*BOX_MARGINS)
        self.optimizer_combo = self._combo("optimizerCombo", list(OPTIMIZERS.items()),
                                           self.tr("How the weights are updated"))
        self._row(tr, self.tr("Optimiser"), self.optimizer_combo)
        self.learning_rate_spin = LearningRateSpinBox()
        self.learning_rate_spin.setObjectName("learningRateSpin")
        keep(self.learning_rate_spin, "setToolTip", self.tr("Step size; type a number such as 0.5 or 1e-3 "
                                                            "(arrows step 1-2-5). Applies at once, even while "
                                                            "training."))
        self._row(tr, self.tr("Learning rate"), self.learning_rate_spin)
        self.batch_size_spin = QSpinBox()
        self.batch_size_spin.setObjectName("batchSizeSpin")
        self.batch_size_spin.setRange(0, INT_MAX)
        keep(self.batch_size_spin, "setSpecialValueText", self.tr("All rows"))
        self.batch_size_spin.setToolTip(self.tr("Rows per update for mini-batch optimisers (0 = all rows); "
                                                "full-batch gradient descent always uses all rows"))
        self._row(tr, self.tr("Batch size"), self.batch_size_spin)
        self.epochs_spin = QSpinBox()
        self.epochs_spin.setObjectName("epochsSpin")
        self.epochs_spin.setRange(0, INT_MAX)
        self.epochs_spin.setSingleStep(100)
        keep(self.epochs_spin, "setSpecialValueText", self.tr("Until stopped"))
        self.epochs_spin.setGroupSeparatorShown(True)
        keep(self.epochs_spin, "setToolTip", self.tr("Epochs to train (0 = until stopped)"))
        self._row(tr, self.tr("Epochs"), self.epochs_spin)
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setRange(0, INT_MAX)
        keep(self.seed_spin, "setToolTip", self.tr("Random seed: the same seed gives the same weights and the same "
                                                   "run"))
        self._row(tr, self.tr("Seed"), self.seed_spin)
        self.validation_spin = QDoubleSpinBox()
        self.validation_spin.setObjectName("validationSpin")
        self.validation_spin.setRange(0.0, 0.9)
        self.validation_spin.setDecimals(2)
        self.validation_spin.setSingleStep(0.05)
        keep(self.validation_spin, "setSpecialValueText", self.tr("None"))
        keep(self.validation_spin, "setToolTip", self.tr("Fraction of the rows held out to measure the validation "
                                                         "loss"))
        self._row(tr, self.tr("Validation"), self.validation_spin)
        self.normalize_combo = self._combo("normalizeCombo", [(n, _NORMALIZE_LABELS.get(n, n)) for n in NORMALIZATIONS],
                                           self.tr("Scale the inputs before training (fitted on the training rows)"))
        self._row(tr, self.tr("Normalise"), self.normalize_combo)
        self.dtype_combo = self._combo("dtypeCombo", [(n, _DTYPE_LABELS.get(n, n)) for n in DTYPES],
                                       self.tr("Floating-point precision of the weights"))
        self._row(tr, self.tr("Precision"), self.dtype_combo)
        # Stop conditions: the first epoch whose loss is below a target, or 100 % accuracy.
        self.stop_loss_spin = StopLossSpinBox()
        self.stop_loss_spin.setObjectName("stopLossSpin")
        keep(self.stop_loss_spin, "setSpecialValueText", self.tr("Off"))
        keep(self.stop_loss_spin, "setToolTip", self.tr("Stop at the first epoch whose loss is below this number "
                                                        "(e.g. 0.01); Off: train to the epoch target"))
        self._row(tr, self.tr("Stop at loss below"), self.stop_loss_spin)
        self.stop_accuracy_check = QCheckBox()
        self.stop_accuracy_check.setObjectName("stopAccuracyCheck")
        keep(self.stop_accuracy_check, "setText", self.tr("Stop at 100 % accuracy"))
        keep(self.stop_accuracy_check, "setToolTip", self.tr("Stop once every training row is classified right "
                                                             "(class labels or 0/1 targets)"))
        tr.addRow("", self.stop_accuracy_check)
        for spin in (self.batch_size_spin, self.epochs_spin, self.seed_spin, self.validation_spin):
            spin.setKeyboardTracking(False)
            spin.setAccelerated(True)
        # L2, L1, the schedule and early stopping: collapsed until used (nngui.views.training_options)
        self.training_options = TrainingOptions(self.config)
        tr.addRow(self.training_options)
        root.addWidget(train_box)

        self.warnings_label = QLabel()
        self.warnings_label.setObjectName("settingsWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings_label.hide()
        root.addWidget(self.warnings_label)
        root.addStretch(1)
        self._i18n.apply()  # the remembered labels, in the language installed now

        # -- signals ---------------------------------------------------------------------
        self.hidden_editor.changed.connect(self._hidden_changed)
        self.layer_activations.changed.connect(lambda: self._edited("activation", True))
        for combo, key, arch in (
            (self.activation_combo, "activation", True),
            (self.output_activation_combo, "output_activation", True),
            (self.loss_combo, "loss", True),
            (self.init_combo, "init", True),
            (self.optimizer_combo, "optimizer", False),
            (self.normalize_combo, "normalize", False),
            (self.dtype_combo, "dtype", False),
        ):
            combo.currentIndexChanged.connect(lambda _i, k=key, a=arch: self._edited(k, a))
        self.bias_check.toggled.connect(lambda _b: self._edited("bias", True))
        self.features_editor.changed.connect(lambda: self._edited("features", True))
        self.stop_accuracy_check.toggled.connect(lambda _b: self._edited("stop_accuracy", False))
        self.stop_loss_spin.valueChanged.connect(lambda _v: self._edited("stop_loss", False))
        self.learning_rate_spin.valueChanged.connect(self._lr_changed)
        self.training_options.changed.connect(lambda key: self._edited(key, False))
        for spin, key in (
            (self.batch_size_spin, "batch_size"), (self.epochs_spin, "epochs"),
            (self.seed_spin, "seed"), (self.validation_spin, "validation"),
        ):
            spin.valueChanged.connect(lambda _v, k=key: self._edited(k, False))
        self.optimizer_combo.currentIndexChanged.connect(self._update_enabled)

        self.set_config(TrainConfig())
        self.set_io(0, 0)

    # -- public API -------------------------------------------------------------------------

    def field_widget(self, name: str) -> QWidget | None:
        """The control that edits the setting ``name`` (a TrainConfig field), None when there is none."""
        return {
            "hidden": self.hidden_editor, "activation": self.activation_combo,
            "output_activation": self.output_activation_combo, "loss": self.loss_combo, "init": self.init_combo,
            "bias": self.bias_check, "optimizer": self.optimizer_combo, "learning_rate": self.learning_rate_spin,
            "batch_size": self.batch_size_spin, "epochs": self.epochs_spin, "seed": self.seed_spin,
            "validation": self.validation_spin, "normalize": self.normalize_combo, "dtype": self.dtype_combo,
            "stop_loss": self.stop_loss_spin, "stop_accuracy": self.stop_accuracy_check,
        }.get(name) or self.training_options.widgets().get(name) or self.findChild(QWidget, f"{name}Setting")

    def set_limits(self, hidden=(), locked=()) -> None:
        """A lesson's limits: the settings ``hidden`` are not shown, those ``locked`` cannot be edited
        (both by TrainConfig field name; () lifts every limit)."""
        hidden, locked = set(hidden), set(locked)
        for name in {f.name for f in dataclasses.fields(TrainConfig)}:
            w = self.field_widget(name)
            if w is None:
                continue
            form = w.parentWidget().layout() if w.parentWidget() is not None else None
            label = form.labelForField(w) if isinstance(form, QFormLayout) else None
            for item in (w, label):
                if item is not None:
                    item.setVisible(name not in hidden)
            was = w.property("nnguiLocked")
            if (name in locked) != bool(was):
                w.setProperty("nnguiLocked", name in locked)
                w.setEnabled(name not in locked)
                if label is not None:
                    label.setEnabled(name not in locked)
                w.setToolTip(w.toolTip().split("\n\n\U0001f512")[0] + (
                    "\n\n\U0001f512 " + self.tr("Locked by the lesson") if name in locked else ""))

    def limits(self) -> tuple[set[str], set[str]]:
        """(hidden, locked) setting names."""
        hidden, locked = set(), set()
        for f in dataclasses.fields(TrainConfig):
            w = self.field_widget(f.name)
            if w is not None:
                if w.isHidden():
                    hidden.add(f.name)
                if w.property("nnguiLocked"):
                    locked.add(f.name)
        return hidden, locked

    def config(self) -> TrainConfig:
        """The settings shown, as a TrainConfig (not checked: call ``check()`` on it)."""
        hidden = self.hidden_editor.layers()
        activation = self._exact.get("activation", self.activation_combo.currentData())
        if activation == PER_LAYER:
            activation = self.layer_activations.activations()
        if not isinstance(activation, str):
            activation = fit_activations(tuple(activation), len(hidden))
        return TrainConfig(
            hidden=hidden,
            activation=activation,
            output_activation=self.output_activation_combo.currentData(),
            loss=self.loss_combo.currentData(),
            bias=self.bias_check.isChecked(),
            init=self.init_combo.currentData(),
            optimizer=self.optimizer_combo.currentData(),
            learning_rate=self._exact.get("learning_rate", float(self.learning_rate_spin.value())),
            batch_size=self._exact.get("batch_size", int(self.batch_size_spin.value())),
            epochs=self._exact.get("epochs", int(self.epochs_spin.value())),
            seed=self._exact.get("seed", int(self.seed_spin.value())),
            normalize=self.normalize_combo.currentData(),
            validation=self._exact.get("validation", float(self.validation_spin.value())),
            dtype=self.dtype_combo.currentData(),
            stop_loss=self._exact.get("stop_loss", float(self.stop_loss_spin.value())),
            stop_accuracy=self._exact.get("stop_accuracy", self.stop_accuracy_check.isChecked()),
            features=self._exact.get("features", self.features_editor.features()),
            **self.training_options.values(),  # l2, l1, schedule, early_stopping
        )

    def set_config(self, cfg: TrainConfig) -> None:
        """Show ``cfg`` without emitting any signal; ``config()`` then returns an equal TrainConfig."""
        self._loading = True
        blockers = [QSignalBlocker(w) for w in self._value_widgets()]
        try:
            self._exact = {}
            self.hidden_editor.set_layers(cfg.hidden)
            acts = cfg.hidden_activations
            if isinstance(cfg.activation, str):
                self._select(self.activation_combo, "activation", cfg.activation)
            elif len(set(acts)) <= 1:
                self._select(self.activation_combo, "activation", acts[0] if acts else "sigmoid")
                self._exact["activation"] = tuple(cfg.activation)  # a tuple stays a tuple
            else:
                self._select(self.activation_combo, "activation", PER_LAYER)
                if not self.layer_activations.set_activations(acts) or len(acts) != len(cfg.hidden):
                    self._exact["activation"] = tuple(cfg.activation)  # e.g. an unknown name: kept as given
            if not self.layer_activations.per_layer:
                self.layer_activations.set_activations(acts)
            self._select(self.output_activation_combo, "output_activation", cfg.output_activation)
            self._select(self.loss_combo, "loss", cfg.loss)
            self._select(self.init_combo, "init", cfg.init)
            self._select(self.optimizer_combo, "optimizer", cfg.optimizer)
            self._select(self.normalize_combo, "normalize", cfg.normalize)
            self._select(self.dtype_combo, "dtype", cfg.dtype)
            self.bias_check.setChecked(bool(cfg.bias))
            self._set_spin(self.learning_rate_spin, "learning_rate", cfg.learning_rate)
            self._set_spin(self.batch_size_spin, "batch_size", cfg.batch_size)
            self._set_spin(self.epochs_spin, "epochs", cfg.epochs)
            self._set_spin(self.seed_spin, "seed", cfg.seed)
            self._set_spin(self.validation_spin, "validation", cfg.validation)
            self._set_spin(self.stop_loss_spin, "stop_loss", cfg.stop_loss)
            self.stop_accuracy_check.setChecked(bool(cfg.stop_accuracy))
            if not isinstance(cfg.stop_accuracy, bool):
                self._exact["stop_accuracy"] = cfg.stop_accuracy  # kept as given; check() reports it
            self.features_editor.set_features(cfg.features)
            if self.features_editor.features() != cfg.features:
                self._exact["features"] = cfg.features  # an unknown name, kept; check() reports it
            self.training_options.set_values(cfg)
        finally:
            for b in blockers:
                b.unblock()
            self._loading = False
        self._update_enabled()
        self._update_io()
        self._update_warnings()

    def set_io(self, n_inputs: int, n_outputs: int) -> None:
        """Input and output sizes (they follow the data table; ``n_inputs`` counts the raw input columns)."""
        self._n_in, self._n_out = int(n_inputs), int(n_outputs)
        self.features_editor.set_input_count(self._n_in)
        self._update_io()

    def set_data_warnings(self, warnings: list[str]) -> None:
        """Warnings about the settings together with the data (e.g. from the Trainer)."""
        self._data_warnings = list(warnings)
        self._update_warnings()

    def warnings(self) -> list[str]:
        """The warning lines shown."""
        text = self.warnings_label.text()
        return [line for line in text.split("\n") if line] if not self.warnings_label.isHidden() else []

    def learning_rate(self) -> float:
        return self.config().learning_rate

    def set_learning_rate(self, lr: float) -> None:
        self._loading = True
        try:
            with QSignalBlocker(self.learning_rate_spin):
                self._exact.pop("learning_rate", None)
                self._set_spin(self.learning_rate_spin, "learning_rate", lr)
        finally:
            self._loading = False
        self._update_warnings()

    # -- internals --------------------------------------------------------------------------

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # noqa: D102 (Qt API)
        return i18n.translated("SettingsPanel", text, disambiguation, n)

    def retranslate(self) -> None:
        """Every label again in the language installed now (after a language switch)."""
        self._i18n.apply()
        self.hidden_editor.retranslate()
        self.features_editor.retranslate()
        self.layer_activations.retranslate()
        self.training_options.retranslate()
        for combo in (self.activation_combo, self.output_activation_combo, self.loss_combo, self.init_combo,
                      self.optimizer_combo, self.normalize_combo, self.dtype_combo):
            for i in range(combo.count()):
                source = combo.itemData(i, SOURCE_ROLE)
                if source:
                    combo.setItemText(i, i18n.translated("core", source))
                formula = combo.itemData(i, FORMULA_ROLE)
                if formula:
                    combo.setItemData(i, i18n.translated("core", formula), Qt.ItemDataRole.ToolTipRole)
        self._update_enabled()
        self._update_io()
        self._update_warnings()

    def _row(self, form: QFormLayout, text: str, field: QWidget) -> QLabel:
        """``form.addRow(label, field)`` with a label that follows the language."""
        label = QLabel(text)
        label.setBuddy(field)
        self._i18n.keep(label, "setText", text)
        form.addRow(label, field)
        return label

    def _combo(self, name: str, entries, tip: str) -> QComboBox:
        combo = ElidingComboBox()
        combo.setObjectName(name)
        combo.setToolTip(tip)
        self._i18n.keep(combo, "setToolTip", tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        entries = [(n, e) if not isinstance(e, str) else (n, _Named(n, e)) for n, e in entries]
        _fill_combo(combo, entries)
        return combo

    def _value_widgets(self):
        return (
            self.activation_combo, self.output_activation_combo, self.loss_combo, self.init_combo,
            self.optimizer_combo, self.normalize_combo, self.dtype_combo, self.bias_check,
            self.learning_rate_spin, self.batch_size_spin, self.epochs_spin, self.seed_spin,
            self.validation_spin, self.hidden_editor, self.stop_loss_spin, self.stop_accuracy_check,
            self.features_editor,
        )

    def _select(self, combo: QComboBox, key: str, name) -> None:
        i = combo.findData(name)
        if i < 0:
            # A name the registry does not know (e.g. from a file): keep it selectable so the
            # round trip holds, and let check() report it.
            combo.addItem(f"{name} (unknown)", name)
            i = combo.count() - 1
        combo.setCurrentIndex(i)

    def _set_spin(self, spin, key: str, value) -> None:
        try:
            spin.setValue(min(max(value, spin.minimum()), spin.maximum()))
        except (TypeError, OverflowError):
            pass
        shown = spin.value()
        if type(shown) is not type(value) or shown != value:
            self._exact[key] = value  # e.g. a seed above 2**31 or an int learning rate: kept as given

    def _edited(self, key: str, architecture: bool) -> None:
        if self._loading:
            return
        self._exact.pop(key, None)
        self._update_enabled()
        self._update_warnings()
        if architecture:
            self._update_io()
            self.architectureChanged.emit()
        self.configChanged.emit()

    def _hidden_changed(self) -> None:
        if self._loading:
            return
        act = self._exact.get("activation")
        if act is not None and not isinstance(act, str):
            self._exact["activation"] = fit_activations(tuple(act), len(self.hidden_editor.layers()))
        self.layer_activations.set_count(len(self.hidden_editor.layers()))
        self._update_enabled()
        self._update_warnings()
        self._update_io()
        self.architectureChanged.emit()
        self.configChanged.emit()

    def _lr_changed(self, value: float) -> None:
        if self._loading:
            return
        self._exact.pop("learning_rate", None)
        self._update_warnings()
        self.learningRateChanged.emit(float(value))
        self.configChanged.emit()

    def _update_enabled(self) -> None:
        """Controls that do nothing for the current settings are greyed out: the batch size for full-batch
        descent, the hidden activation without hidden layers."""
        has_hidden = bool(self.hidden_editor.layers())
        self.activation_combo.setEnabled(has_hidden)
        self.activation_combo.setToolTip("" if has_hidden else self.tr("No hidden layers: nothing to activate"))
        self._net_form.setRowVisible(self.layer_activations, has_hidden and self.layer_activations.per_layer)
        spec = OPTIMIZERS.get(self.optimizer_combo.currentData())
        full = bool(spec and spec.full_batch)
        self.batch_size_spin.setEnabled(not full)
        self.batch_size_spin.setToolTip(
            self.tr("Full-batch gradient descent uses all rows in every update") if full
            else self.tr("Rows per update (0 = all rows)")
        )

    def _update_io(self) -> None:
        hidden = self.hidden_editor.layers()
        n_in, n_out = self._n_in, self._n_out
        inputs = i18n.fmt(self.tr("%1 input") if n_in == 1 else self.tr("%1 inputs"), n_in)
        derived = _derived(self.config().features, n_in)
        if derived:
            inputs = i18n.fmt(self.tr("%1 + %2 derived"), inputs, derived)
        outputs = i18n.fmt(self.tr("%1 output") if n_out == 1 else self.tr("%1 outputs"), n_out)
        middle = "[" + ", ".join(map(str, hidden)) + "]" if hidden else "[]"
        self.io_label.setText(f"{inputs} \u2192 {middle} \u2192 {outputs}")

    def _update_warnings(self) -> None:
        try:
            lines = self.config().check()
            error = False
        except ConfigError as exc:
            lines, error = [error_text(exc)], True
        except (TypeError, ValueError) as exc:  # pragma: no cover - defensive
            lines, error = [error_text(exc)], True
        # The hidden-layers editor shows its own size warnings next to the spin boxes.
        lines = [line for line in lines if getattr(line, "code", None) not in SIZE_WARNINGS]
        lines = [*lines, *self._data_warnings]
        if lines:
            prefix = "\u26a0 "
            self.warnings_label.setText("\n".join(prefix + core_text(line) for line in lines))
            self.warnings_label.setStyleSheet(ERROR_STYLE if error else WARNING_STYLE)
        else:
            self.warnings_label.setText("")
        self.warnings_label.setVisible(bool(lines))


class _Named:
    """A plain registry name with a label (NORMALIZATIONS and DTYPES are name tuples)."""

    def __init__(self, name: str, label: str) -> None:
        self.name, self.label = name, label


def _derived(features, n_in: int) -> int:
    """Derived input columns of ``features`` for ``n_in`` inputs (0 for unknown names)."""
    try:
        return derived_count(features, n_in)
    except FeatureError:
        return 0

