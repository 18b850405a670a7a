"""The Evaluate tab's exports: each part as a PNG picture or a CSV file, written atomically.

The CSV files (comma-separated, ``#`` comment lines first, then a header):

- ``figures``: ``figure,training,validation`` (loss, accuracy, auc or rmse, mae, r2; empty cells where a
  figure does not apply or there are no validation rows);
- ``confusion``: ``true \\ predicted`` then one column per class; one row per true class, its label first,
  then the counts (rows = true class, columns = predicted class, in the model's class order);
- ``roc``: ``threshold,false_positive_rate,true_positive_rate`` (the first threshold is ``inf``);
- ``scatter``: ``row,output,target,predicted,error`` (``row`` as numbered in the tables, from 1);
- ``histogram``: ``bin_start,bin_end,count`` (the bins both sets share).

``export_dialog`` asks for a file name through ``window.files`` (the standard dialog, tests
answer it); ``export`` writes ``path`` or says why not in ``window.show_error``.
"""

from __future__ import annotations

import csv
import io
import os

import numpy as np

from core.files import atomic_write_text

from nngui.support.formatting import exact
from nngui.support.i18n import fmt, translate
from nngui.support.messages import describe_os_error
from nngui.support.palettes import save_image_atomic

__all__ = ["table", "csv_text", "export", "export_dialog"]


def _number(v) -> str:
    """A number as written: exact (reads back bit-identical), "inf" / "-inf" / "nan" spelled out, "" for None."""
    if v is None:
        return ""
    v = float(v)
    if np.isnan(v):
        return "nan"
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    return exact(v)


def table(view, part: str, which: str) -> tuple[list[str], list[list[str]]]:
    """(header, rows) of ``part`` for ``which`` ("training" / "validation"; the figures hold both) as text cells."""
    if part == "figures":
        header = ["figure", "training", "validation"]
        evs = [view.result("training"), view.result("validation")]
        shown = next(ev for ev in evs if ev is not None)
        names = ["loss", "accuracy"] + (["auc"] if shown.roc is not None else []) if shown.is_classification \
            else ["loss", "rmse", "mae", "r2"]
        return header, [[n] + [_number(None if ev is None else getattr(ev, n)) for ev in evs] for n in names]
    r = view.set_result(which)
    ev = r.evaluation
    if part == "confusion":
        labels = [exact(c) for c in ev.classes]
        return (["true \\ predicted"] + labels,
                [[labels[i]] + [str(int(n)) for n in ev.confusion[i]] for i in range(len(labels))])
    if part == "roc":
        roc = ev.roc
        return (["threshold", "false_positive_rate", "true_positive_rate"],
                [[_number(t), _number(f), _number(p)] for t, f, p in zip(roc.thresholds, roc.fpr, roc.tpr)])
    if part == "scatter":
        names = list(view.source.output_names) if view.source is not None else []
        rows = []
        for k, row in enumerate(r.rows):
            for j in range(r.Y.shape[1]):
                name = names[j] if j < len(names) else f"y{j + 1}"
                rows.append([str(int(row) + 1), name, _number(r.Y[k, j]), _number(r.P[k, j]),
                             _number(r.P[k, j] - r.Y[k, j])])
        return ["row", "output", "target", "predicted", "error"], rows
    if part == "histogram":
        edges, counts = view.histogram(which)
        return (["bin_start", "bin_end", "count"],
                [[_number(edges[i]), _number(edges[i + 1]), str(int(counts[i]))] for i in range(len(counts))])
    raise ValueError(f"unknown part {part!r}")


def csv_text(view, part: str, which: str) -> str:
    """The CSV file of ``part`` for ``which``: comment lines (what it is, which rows, which epoch), then the table."""
    header, rows = table(view, part, which)
    rep = view.drawn_report
    epoch = rep.progress.epoch if rep is not None else 0
    what = "training and validation rows" if part == "figures" else f"{which} rows"
    out = io.StringIO()
    out.write(f"# nngui evaluation: {part}, {what}, weights of epoch {epoch}\n")
    if part == "confusion":
        out.write("# rows: true class, columns: predicted class\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def export(window, view, part: str, which: str, kind: str, path: str | os.PathLike) -> bool:
    """Write ``part`` of ``which`` as ``kind`` ("png" / "csv") to ``path``; False (with a message) when it cannot."""
    path = os.fspath(path)
    title = translate("MainWindow", "Cannot export the evaluation")
    if not view.has_part(part, which):
        window.show_error(title, translate("MainWindow", "There is nothing to export yet: train first, with the "
                                                         "Evaluate tab in front."))
        return False
    try:
        if kind == "png":
            save_image_atomic(view.picture(part, which), path)
        else:
            atomic_write_text(path, csv_text(view, part, which))
    except OSError as exc:
        window.show_error(title, describe_os_error(exc, path))
        return False
    window.show_status(fmt(translate("MainWindow", "Evaluation saved to %1"), path), 5000)
    return True


def export_dialog(window, view, part: str, which: str, kind: str) -> bool:
    """Ask where to save (the standard dialog), then :func:`export`."""
    if kind == "png":
        title, filters, suffix = (translate("MainWindow", "Export evaluation picture"),
                                  translate("MainWindow", "PNG images (*.png)"), ".png")
    else:
        title, filters, suffix = (translate("MainWindow", "Export evaluation table"),
                                  translate("MainWindow", "CSV files (*.csv)"), ".csv")
    tail = f"-{part}" if part == "figures" else f"-{part}-{which}"
    path = window.files.save_name(title, filters, window.document.stem() + tail + suffix, suffix)
    return export(window, view, part, which, kind, path) if path else False
