"""File > New data set…: a table drawn by one of the core's generators, with a live preview.

The dialog (objectName ``newDataSetDialog``) is built from :data:`core.generate.GENERATORS`:
a generator combo (``generatorCombo``), the rows (``rowsSpin``), the noise from 0 to 50 %
(``noiseSpin``), the seed (``seedSpin``) with *Regenerate* (``regenerateButton``: a new
seed), the share of rows held out for validation (``validationShareSpin``) and a preview
(``newDataSetPreview``): the points coloured by class, or by target value for regression.
Settings the core's :func:`core.generate.check` refuses are named in ``newDataSetMessage``
and OK is disabled. OK replaces the table as one undo step, like a CSV import (inputs
``x1``, ``x2``, …, the target ``y`` last), sets the validation share and starts with new
weights: :func:`apply_new_data_set`, which scripts and tests call too.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.config import ConfigError
from core.data import Dataset
from core.generate import GENERATORS, MAX_ROWS, check, generate

from nngui.support import i18n
from nngui.support.core_messages import error_text
from nngui.support.formatting import exact, integer
from nngui.support.i18n import fmt, translate
from nngui.support.palettes import get_palette
from nngui.views.accessible_names import name_children
from nngui.views.decision_map import class_colours, diverging

INT_MAX = 2**31 - 1
PREVIEW_POINTS = 1500  # drawn at most (an even sample of more rows)
PREVIEW_DELAY_MS = 120  # the preview follows the settings after this pause (typing a number is several edits)
DEFAULTS = {"name": "circle", "rows": 200, "noise": 0.0, "seed": 0, "validation": 0.0}


def preview_colours(ds: Dataset, classes: int, palette_name: str = "default") -> np.ndarray:
    """(n, 3) RGB of the points: one colour per class, or a diverging map around the middle of the targets."""
    palette = get_palette(palette_name)
    y = ds.Y[:, 0]
    if classes:
        return class_colours(classes, palette)[y.astype(np.int64)]
    lo, hi = (float(y.min()), float(y.max())) if y.size else (0.0, 1.0)
    half = (hi - lo) / 2 or 1.0
    return diverging((y - (lo + hi) / 2) / half, palette)


class NewDataSetDialog(QDialog):
    """Choose a generator and its settings; ``window`` (the MainWindow) gets the table on OK."""

    def __init__(self, window, validation: float = 0.0) -> None:
        super().__init__(window)
        self.window_ = window
        self.setObjectName("newDataSetDialog")
        self.setWindowTitle(translate("NewDataSet", "New data set"))
        self.data: Dataset | None = None  # what the preview shows (the current settings' table)
        self._built = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)

        self.generator_combo = QComboBox()
        self.generator_combo.setObjectName("generatorCombo")
        for name, gen in GENERATORS.items():
            self.generator_combo.addItem(i18n.translated("core", gen.title), name)
            self.generator_combo.setItemData(self.generator_combo.count() - 1,
                                             i18n.translated("core", gen.description), Qt.ItemDataRole.ToolTipRole)
        self.rows_spin = self._spin(QSpinBox(), "rowsSpin", 0, 10 * MAX_ROWS)
        self.rows_spin.setGroupSeparatorShown(True)
        self.rows_spin.setSingleStep(50)
        self.rows_spin.setToolTip(fmt(translate("NewDataSet", "How many rows to draw (at most %1)"), integer(MAX_ROWS)))
        self.noise_spin = self._spin(QDoubleSpinBox(), "noiseSpin", 0.0, 100.0)
        self.noise_spin.setDecimals(1)
        self.noise_spin.setSingleStep(5.0)
        self.noise_spin.setSuffix(" %")
        self.noise_spin.setToolTip(translate("NewDataSet", "0 %: clean classes; up to 50 %: labels near the "
                                                           "boundary mixed, blobs and arms wider, targets noisier"))
        self.seed_spin = self._spin(QSpinBox(), "seedSpin", 0, INT_MAX)
        self.seed_spin.setToolTip(translate("NewDataSet", "The same seed draws the same rows"))
        self.regenerate_button = QPushButton(translate("NewDataSet", "Regenerate"))
        self.regenerate_button.setObjectName("regenerateButton")
        self.regenerate_button.setToolTip(translate("NewDataSet", "Draw new rows (a new seed)"))
        self.regenerate_button.clicked.connect(self.regenerate)
        self.validation_spin = self._spin(QDoubleSpinBox(), "validationShareSpin", 0.0, 1.0)
        self.validation_spin.setDecimals(2)
        self.validation_spin.setSingleStep(0.05)
        self.validation_spin.setToolTip(translate("NewDataSet", "Fraction of the rows held out to measure the "
                                                                "validation loss (the settings' Validation)"))
        seed_row = QHBoxLayout()
        seed_row.setContentsMargins(0, 0, 0, 0)
        seed_row.addWidget(self.seed_spin, 1)
        seed_row.addWidget(self.regenerate_button)
        seed_box = QWidget()
        seed_box.setLayout(seed_row)

        form = QFormLayout()
        form.addRow(translate("NewDataSet", "Data set"), self.generator_combo)
        form.addRow(translate("NewDataSet", "Rows"), self.rows_spin)
        form.addRow(translate("NewDataSet", "Noise"), self.noise_spin)
        form.addRow(translate("NewDataSet", "Seed"), seed_box)
        form.addRow(translate("NewDataSet", "Validation"), self.validation_spin)

        self.preview = pg.PlotWidget(background="w")
        self.preview.setObjectName("newDataSetPreview")
        self.preview.setFixedSize(300, 300)
        item = self.preview.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(False, False)
        self.scatter = pg.ScatterPlotItem(size=6, pen=pg.mkPen(40, 40, 40, 160, width=0.6))
        item.addItem(self.scatter)
        self.summary = QLabel()
        self.summary.setObjectName("newDataSetSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("newDataSetMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #8b0000; background: #ffe3e3; border: 1px solid #d46a6a; padding: 3px;")
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.summary)
        left.addWidget(self.message)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addWidget(self.preview, 1)
        root = QVBoxLayout(self)
        root.addLayout(top, 1)
        root.addWidget(self.buttons)
        name_children(window, self)  # accessible names (nngui.views.accessible_names)

        self.set_settings(validation=validation)
        self.generator_combo.currentIndexChanged.connect(self._changed)
        for spin in (self.rows_spin, self.noise_spin, self.seed_spin, self.validation_spin):
            spin.valueChanged.connect(self._changed)
        self.update_preview()

    def _spin(self, spin, name: str, lo, hi):
        spin.setObjectName(name)
        spin.setRange(lo, hi)  # wider than the core allows: typed values are refused with its message
        return spin

    # -- the settings ---------------------------------------------------------------------------

    def settings(self) -> dict:
        """``name``, ``rows``, ``noise`` (a fraction: 0.1 for 10 %), ``seed`` and ``validation``, as shown."""
        return {"name": self.generator_combo.currentData(), "rows": int(self.rows_spin.value()),
                "noise": round(float(self.noise_spin.value()), 6) / 100.0, "seed": int(self.seed_spin.value()),
                "validation": float(self.validation_spin.value())}

    def set_settings(self, **values) -> None:
        """Show the given settings (the others as they are, or the defaults at first); the preview follows."""
        v = {**DEFAULTS, **(self.settings() if self._built else {}), **values}
        self._built = True
        for w in (self.generator_combo, self.rows_spin, self.noise_spin, self.seed_spin, self.validation_spin):
            w.blockSignals(True)
        self.generator_combo.setCurrentIndex(max(0, self.generator_combo.findData(v["name"])))
        self.rows_spin.setValue(int(v["rows"]))
        self.noise_spin.setValue(float(v["noise"]) * 100.0)
        self.seed_spin.setValue(int(v["seed"]))
        self.validation_spin.setValue(float(v["validation"]))
        for w in (self.generator_combo, self.rows_spin, self.noise_spin, self.seed_spin, self.validation_spin):
            w.blockSignals(False)
        self.update_preview()

    def problem(self) -> str | None:
        """Why the settings shown cannot make a data set (the core's message, in the window's language), or None."""
        try:
            check(**self.settings())
        except ConfigError as exc:
            return error_text(exc)
        return None

    def regenerate(self) -> None:
        """A new random seed: new rows of the same kind."""
        old = self.seed_spin.value()
        rng = np.random.default_rng()
        seed = old
        while seed == old:
            seed = int(rng.integers(0, INT_MAX))
        self.seed_spin.setValue(seed)
        self.update_preview()

    # -- the preview ----------------------------------------------------------------------------

    def _changed(self, *_) -> None:
        self._timer.start()

    def preview_pending(self) -> bool:
        """True while the preview waits to follow a change."""
        return self._timer.isActive()

    def update_preview(self) -> None:
        """Draw the rows the settings make, or say why there are none."""
        self._timer.stop()
        problem = self.problem()
        self.message.setVisible(problem is not None)
        self.message.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)
        if problem is not None:
            self.data = None
            self.scatter.clear()
            self.summary.setText("")
            return
        s = self.settings()
        gen = GENERATORS[s["name"]]
        self.data = ds = generate(s["name"], s["rows"], s["noise"], s["seed"])
        n = ds.n_samples
        shown = np.unique(np.linspace(0, n - 1, PREVIEW_POINTS).astype(np.int64)) if n > PREVIEW_POINTS \
            else np.arange(n)
        rgb = preview_colours(ds, gen.classes, getattr(self.window_, "palette_name", "default"))[shown]
        x = ds.X[shown, 0]
        y = ds.X[shown, 1] if ds.n_inputs > 1 else ds.Y[shown, 0]  # one input: the target against it
        self.scatter.setData(x=x, y=y, brush=[pg.mkBrush(*map(int, c)) for c in np.rint(rgb)])
        item = self.preview.getPlotItem()
        item.setLabel("bottom", ds.input_names[0])
        item.setLabel("left", ds.input_names[1] if ds.n_inputs > 1 else ds.target_names[0])
        self.summary.setText(self.describe(ds, gen.classes, s["validation"]))

    @staticmethod
    def describe(ds: Dataset, classes: int, validation: float) -> str:
        """"200 rows: class 0 100, class 1 100; 40 held out for validation" (or the targets' range)."""
        n = ds.n_samples
        if classes:
            counts = np.bincount(ds.Y[:, 0].astype(np.int64), minlength=classes)
            parts = ", ".join(fmt(translate("NewDataSet", "class %1: %2"), k, integer(int(c)))
                              for k, c in enumerate(counts))
        else:
            y = ds.Y[:, 0]
            parts = fmt(translate("NewDataSet", "y from %1 to %2"), exact(round(float(y.min()), 3)),
                        exact(round(float(y.max()), 3)))
        text = fmt(translate("NewDataSet", "%1 rows (%2)"), integer(n), parts)
        held = int(round(validation * n))
        if held:
            text += "; " + fmt(translate("NewDataSet", "%1 held out for validation"), integer(held))
        return text

    def accept(self) -> None:
        """OK: the table is replaced (when the settings can make one)."""
        if self.problem() is None and apply_new_data_set(self.window_, **self.settings()):
            super().accept()


def apply_new_data_set(window, name: str, rows: int, noise: float, seed: int, validation: float) -> bool:
    """Replace ``window``'s table with ``generate(name, rows, noise, seed)`` as one undo step, set the
    validation share, and start from new weights; False (with the core's message) when the settings are absurd."""
    title = translate("NewDataSet", "Cannot make the data set")
    try:
        check(name, rows, noise, seed, validation)
        ds = generate(name, rows, noise, seed)
    except ConfigError as exc:
        window.show_error(title, error_text(exc))
        return False
    window.csv_importer.cancel()  # a CSV file still loading must not land on top of this
    session, panel = window.session, window.settings_panel
    session.controller.pause(wait=True)
    with session.bulk():
        window.data_model.set_dataset(ds, fmt(translate("NewDataSet", "New data set: %1"), name))
        panel.set_config(panel.config().replace(validation=float(validation)))
    session.rebuild(fresh=True, reason=translate("NewDataSet", "a new data set"))
    doc = window.document
    if doc.path is None:  # a preset or an untitled table is now this data set
        doc.set(None, name, modified=True)
    else:
        doc.set_modified(True)
    window.show_status(fmt(translate("NewDataSet", "New data set: %1 rows of %2 with %3 % noise (seed %4); the last "
                                                   "column is the target."), integer(rows),
                           i18n.translated("core", GENERATORS[name].title), exact(round(noise * 100, 6)), seed), 10000)
    return True


def open_dialog(window) -> NewDataSetDialog:
    """File > New data set…: show the dialog (window-modal, not blocking); OK applies it."""
    dialog = NewDataSetDialog(window, validation=window.settings_panel.config().validation)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
