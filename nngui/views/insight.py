"""Seeing what the network computes (issue 7): the views the main window adds, and their wiring.

One object owns them so the window only creates it and forwards three things: a new
trainer (:meth:`InsightViews.set_trainer`, called while the trainer is idle), every
report it shows (:meth:`InsightViews.show_report`) and "no usable data"
(:meth:`InsightViews.clear`). The views draw the reports' copied weights, never the
live network.

- ``decision_map`` (:class:`~nngui.views.decision_map.DecisionMap`, objectName ``decisionMap``)
  and its per-unit popup (``unitMapPopup``), shown when a unit of the diagram is hovered;
- ``inspector`` (:class:`~nngui.views.inspector.MathsInspector`, ``mathsInspector``);
- ``weight_history`` (:class:`~nngui.views.weight_history.WeightHistory`) and ``sparkline``
  (``weightSparkline``), shown when an edge of the diagram is hovered;
- ``runs`` (:class:`~nngui.views.run_compare.RunCompare`): finished runs as labelled ghosts
  on the loss plot;
- ``evaluate`` (:class:`~nngui.views.evaluate_view.EvaluateView`, ``evaluateView``): the Evaluate tab.
"""

from __future__ import annotations

import functools
import time

from PySide6.QtCore import Qt

from core import inspect as ins

from nngui.views.decision_map import GRID, DecisionMap
from nngui.views.evaluate_view import EvaluateView
from nngui.views.inspector import MathsInspector
from nngui.views.run_compare import RunCompare
from nngui.views.weight_history import WeightHistory, WeightSparkline


class InsightViews:
    def __init__(self, network_view, loss_plot, parent=None) -> None:
        self.decision_map = DecisionMap()
        self.inspector = MathsInspector()
        self.weight_history = WeightHistory()
        self.sparkline = WeightSparkline(self.weight_history, parent)
        self.sparkline.hide()
        self.runs = RunCompare(loss_plot)
        self.evaluate = EvaluateView()
        self.decision_map.follow(network_view)
        self.sparkline.follow(network_view)
        self.session: ins.Session | None = None
        self._asked = 0.0  # when a full report was last asked for (wants_weights)

    def set_trainer(self, trainer, output_names: list[str], row: int = -1) -> None:
        """A new trainer (or new data / settings): call while it is idle (the window's ``_sync_views``)."""
        self.session = ins.Session.from_trainer(trainer)
        self.decision_map.set_session(self.session, trainer.network.arch.output_activation, output_names)
        self.inspector.set_session(self.session, output_names)
        self.inspector.row = row
        self.evaluate.set_trainer(trainer, output_names)

    def clear(self) -> None:
        """No usable data or settings: the views say so."""
        self.session = None
        self.decision_map.set_session(None)
        self.inspector.set_session(None)
        self.evaluate.clear()

    def show_report(self, rep, config=None, dataset=None) -> None:
        """Every report the window shows (``config`` / ``dataset``: the current trainer's). The decision map and
        the inspector need every weight: they keep the latest full report (a big network's are light)."""
        self.weight_history.record(rep)
        self.runs.on_report(rep, config, dataset)
        self.evaluate.set_report(rep)
        if rep.full:
            self.decision_map.set_report(rep)
            self.inspector.set_report(rep)

    def wants_weights(self) -> bool:
        """True when the decision map or the inspector is shown and due to redraw: ask for a full report (at
        most once per redraw interval of the view)."""
        map_shown = self.map_shown()
        if not (map_shown or self.inspector.on_screen()):
            return False
        now = time.monotonic()
        if now - self._asked < (self.decision_map.interval if map_shown else self.inspector.interval):
            return False
        self._asked = now
        return True

    def map_shown(self) -> bool:
        """True when the decision map is on screen and draws this network (two inputs)."""
        dm = self.decision_map
        on_screen = dm.isVisible() and not dm.visibleRegion().isEmpty()
        return on_screen and dm.session is not None and dm.session.n_inputs == 2

    def plane_job(self):
        """The decision map's grid evaluation for the training thread (None while the map is not shown)."""
        dm = self.decision_map
        if not (self.map_shown() and dm.applicable and dm.bounds is not None):
            return None
        return functools.partial(ins.plane_map, session_or_normalizer=dm.session, bounds=dm.bounds, n=GRID,
                                 block=ins.ONE_THREAD_ROWS)

    def shows_weights(self) -> bool:
        """True when the decision map or the inspector is on screen (they draw every weight)."""
        return self.map_shown() or self.inspector.on_screen()

    def attach_maths_dock(self, window, dock) -> None:
        """The inspector lives in ``dock`` (tabbed beside the settings): widen it and catch up when its tab
        comes to the front."""
        widen_when_shown(window, dock)
        dock.visibilityChanged.connect(lambda shown: shown and self.inspector.catch_up())

    def attach_evaluate_dock(self, window, dock) -> None:
        """The Evaluate tab lives in ``dock``: wide enough for two sets side by side; it catches up when shown."""
        widen_when_shown(window, dock, 560)
        dock.visibilityChanged.connect(lambda shown: shown and self.evaluate.catch_up())

    def set_row(self, row: int) -> None:
        self.inspector.set_row(row)

    def set_palette(self, name: str) -> None:
        self.decision_map.set_palette(name)
        self.sparkline.set_palette(name)
        self.evaluate.set_palette(name)

    def set_presentation(self, on: bool) -> None:
        self.decision_map.set_presentation(on)
        self.sparkline.set_presentation(on)
        self.evaluate.set_presentation(on)


def widen_when_shown(window, dock, width: int = 500) -> None:
    """Make ``dock`` at least ``width`` px wide while it is shown (its tables need the room), and give the
    width back when it is hidden again (e.g. the tabbed settings are raised)."""
    before: list[int] = []

    def on_visible(shown: bool) -> None:
        try:
            if not window.isVisible() or dock.isFloating():
                return  # closing, or not docked: nothing to make room in
            if shown and dock.width() < width:
                before[:] = [dock.width()]
                window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
            elif not shown and before:
                window.resizeDocks([dock], [before.pop()], Qt.Orientation.Horizontal)
        except RuntimeError:  # the window is being destroyed
            pass

    dock.visibilityChanged.connect(on_visible)
