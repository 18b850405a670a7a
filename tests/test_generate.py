"""Generated data sets (core.generate) and `nngui generate`: shapes, class balance, noise, determinism."""

from __future__ import annotations

import numpy as np
import pytest

from core.cli import main
from core.config import ConfigError
from core.data import read_csv
from core.generate import CIRCLE_RADIUS, GENERATORS, XOR_PADDING, check, generate, get_generator, split
from core.resources import resource_path

CLASSIFICATION = [name for name, g in GENERATORS.items() if g.kind == "classification"]
REGRESSION = [name for name, g in GENERATORS.items() if g.kind == "regression"]


def test_the_registry():
    assert CLASSIFICATION == ["circle", "xor", "gauss", "spiral", "moons"]
    assert REGRESSION == ["plane", "sine"]
    for g in GENERATORS.values():
        assert g.title and g.description and g.min_rows == max(2, g.classes)
    with pytest.raises(ValueError, match="unknown data set 'rings'; expected one of circle, xor"):
        get_generator("rings")


@pytest.mark.parametrize("name", list(GENERATORS))
@pytest.mark.parametrize("rows", [3, 7, 200])
def test_shapes_and_names(name, rows):
    g = GENERATORS[name]
    ds = generate(name, rows=rows, noise=0.1, seed=5)
    assert ds.X.shape == (rows, g.inputs) and ds.Y.shape == (rows, 1)
    assert ds.input_names == tuple(f"x{i + 1}" for i in range(g.inputs)) and ds.target_names == ("y",)
    assert ds.X.dtype == ds.Y.dtype == np.float64 and np.isfinite(ds.X).all() and np.isfinite(ds.Y).all()
    if g.classes:
        assert set(np.unique(ds.Y)) <= set(map(float, range(g.classes)))


@pytest.mark.parametrize("name", list(GENERATORS))
def test_same_seed_same_data_bit_for_bit(name):
    a, b = generate(name, 150, 0.2, seed=11), generate(name, 150, 0.2, seed=11)
    assert a.X.tobytes() == b.X.tobytes() and a.Y.tobytes() == b.Y.tobytes()
    c = generate(name, 150, 0.2, seed=12)
    assert c.X.tobytes() != a.X.tobytes()


@pytest.mark.parametrize("name, rows, counts", [
    ("gauss", 101, [51, 50]), ("moons", 200, [100, 100]), ("moons", 7, [4, 3]), ("spiral", 301, [101, 100, 100]),
])
def test_exact_class_balance(name, rows, counts):
    for noise in (0.0, 0.5):
        y = generate(name, rows, noise, seed=2).Y[:, 0]
        assert np.bincount(y.astype(int)).tolist() == counts


@pytest.mark.parametrize("name", ["circle", "xor"])
def test_balance_of_uniform_points(name):
    # Half the square is class 1 in expectation (the circle's radius is sqrt(2/pi) for that).
    y = generate(name, 20_000, 0.0, seed=1).Y[:, 0]
    assert abs(y.mean() - 0.5) < 0.015
    assert CIRCLE_RADIUS == pytest.approx(np.sqrt(2 / np.pi)) and np.pi * CIRCLE_RADIUS**2 == pytest.approx(2.0)


def test_classes_without_noise_follow_their_rule_exactly():
    X, y = (lambda d: (d.X, d.Y[:, 0]))(generate("circle", 500, 0.0, seed=4))
    np.testing.assert_array_equal(y, (X[:, 0] ** 2 + X[:, 1] ** 2 < CIRCLE_RADIUS**2).astype(float))
    X, y = (lambda d: (d.X, d.Y[:, 0]))(generate("xor", 500, 0.0, seed=4))
    np.testing.assert_array_equal(y, (X[:, 0] * X[:, 1] < 0).astype(float))
    assert np.abs(X).min() >= XOR_PADDING and np.abs(X).max() <= 1 + XOR_PADDING
    X = generate("plane", 300, 0.0, seed=4)
    np.testing.assert_array_equal(X.Y[:, 0], (X.X[:, 0] + X.X[:, 1]) / 2)
    S = generate("sine", 300, 0.0, seed=4)
    np.testing.assert_array_equal(S.Y[:, 0], np.sin(np.pi * S.X[:, 0]))
    spiral = generate("spiral", 300, 0.0, seed=4)
    radius = np.hypot(spiral.X[:, 0], spiral.X[:, 1])
    assert radius.max() == pytest.approx(1.0) and radius.min() == 0.0


@pytest.mark.parametrize("name", ["circle", "xor"])
def test_noise_mixes_the_labels_near_the_boundary(name):
    clean, noisy = generate(name, 2000, 0.0, seed=6), generate(name, 2000, 0.3, seed=6)
    np.testing.assert_array_equal(clean.X, noisy.X)  # the same points: the noise moves only the labels
    flipped = np.mean(clean.Y != noisy.Y)
    assert 0.05 < flipped < 0.4
    assert np.mean(clean.Y != generate(name, 2000, 0.1, seed=6).Y) < flipped


def test_noise_spreads_the_blobs_and_jitters_the_points():
    for noise, spread in ((0.0, 0.15), (0.5, 0.5)):
        ds = generate("gauss", 4000, noise, seed=3)
        centre = np.where(ds.Y == 1, 0.5, -0.5)
        assert np.std(ds.X - centre) == pytest.approx(spread, rel=0.05)
    for name in ("plane", "sine"):
        clean, noisy = generate(name, 5000, 0.0, seed=9), generate(name, 5000, 0.2, seed=9)
        np.testing.assert_array_equal(clean.X, noisy.X)
        assert np.std(noisy.Y - clean.Y) == pytest.approx(0.2, rel=0.05)
    clean, noisy = generate("moons", 4000, 0.0, seed=9), generate("moons", 4000, 0.25, seed=9)
    assert np.std(noisy.X - clean.X) == pytest.approx(0.25, rel=0.05)


def test_the_presets_come_from_the_generators():
    """resources/presets/make_presets.py draws circle, spiral and moons with these generators, one after the
    other from one random generator; the shipped files are those values rounded to 4 decimals."""
    from core import generate as g

    rng = np.random.default_rng(20240607)
    for name, draw in (("circle", lambda: g.circle(rng, 200, 0.0, radius=0.5)),
                       ("spiral", lambda: g.spiral(rng, 300, 0.2)),
                       ("moons", lambda: g.moons(rng, 200, 0.1))):
        X, y = draw()
        ds = read_csv(resource_path("presets", f"{name}.csv"))
        np.testing.assert_array_equal(np.round(X, 4) + 0.0, ds.X, err_msg=name)
        np.testing.assert_array_equal(y, ds.Y[:, 0], err_msg=name)


@pytest.mark.parametrize("kwargs, field, text", [
    (dict(noise=0.51), "noise", "must be from 0 to 0.5 (0 to 50%), got 0.51"),
    (dict(noise=-0.1), "noise", "must be from 0 to 0.5"),
    (dict(noise=float("nan")), "noise", "must be from 0 to 0.5"),
    (dict(rows=1), "rows", "must be a whole number from 2 to 1,000,000 for circle, got 1"),
    (dict(rows=10**7), "rows", "from 2 to 1,000,000"),
    (dict(seed=-1), "seed", "must be a whole number >= 0"),
    (dict(validation=0.95), "validation", "from 0 to 0.9"),
    (dict(name="rings"), "name", "unknown data set 'rings'"),
])
def test_absurd_settings_are_refused(kwargs, field, text):
    args = dict(name="circle", rows=100, noise=0.1, seed=0, validation=0.0) | kwargs
    with pytest.raises(ConfigError) as info:
        check(**args)
    assert info.value.field == field and text in info.value.detail
    if field != "validation":
        with pytest.raises(ConfigError):
            generate(args["name"], args["rows"], args["noise"], args["seed"])


def test_split_holds_out_the_last_rows():
    ds = generate("moons", 100, 0.1, seed=1)
    train, val = split(ds, 0.25)
    assert train.n_samples == 75 and val.n_samples == 25
    np.testing.assert_array_equal(np.r_[train.X, val.X], ds.X)
    assert split(ds, 0.0) == (ds, None)
    # Random row order: both classes in the held-out rows.
    assert set(val.Y[:, 0]) == {0.0, 1.0}


# ---------------------------------------------------------------------------
# nngui generate
# ---------------------------------------------------------------------------


def test_cli_writes_the_same_file_for_the_same_seed(tmp_path, capsys):
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (a, b):
        assert main(["generate", "spiral", "--rows", "90", "--noise", "10%", "--seed", "4", "--out", str(path)]) == 0
    assert a.read_bytes() == b.read_bytes()
    lines = a.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# nngui generate spiral --rows 90 --noise 0.1 --seed 4"
    assert lines[1] == "x1,x2,y" and len(lines) == 92
    ds = read_csv(a)
    ref = generate("spiral", 90, 0.1, seed=4)
    assert ds.X.tobytes() == ref.X.tobytes() and ds.Y.tobytes() == ref.Y.tobytes()
    assert "wrote 90 rows to" in capsys.readouterr().err
    assert main(["generate", "spiral", "--rows", "90", "--noise", "0.1", "--seed", "4"]) == 0
    assert capsys.readouterr().out == a.read_text(encoding="utf-8")  # stdout without --out


def test_cli_validation_file(tmp_path, capsys):
    out, val = tmp_path / "train.csv", tmp_path / "val.csv"
    assert main(["generate", "sine", "--rows", "40", "--validation", "0.25", "--out", str(out),
                 "--val-out", str(val)]) == 0
    train, held = read_csv(out), read_csv(val)
    assert train.n_samples == 30 and held.n_samples == 10 and train.input_names == ("x1",)
    np.testing.assert_array_equal(np.r_[train.X, held.X], generate("sine", 40).X)
    assert val.read_text(encoding="utf-8").startswith("# nngui generate sine --rows 40 --noise 0.0 --seed 0 "
                                                       "--validation 0.25: the validation rows\n")


@pytest.mark.parametrize("argv, message", [
    (["generate", "circle", "--noise", "0.6"], "argument --noise: must be from 0 to 0.5 (0 to 50%), got '0.6'"),
    (["generate", "circle", "--noise", "20"], "got '20'; for 20 % write 0.2 or 20%"),
    (["generate", "circle", "--noise", "-0.1"], "argument --noise: must be from 0 to 0.5"),
    (["generate", "circle", "--noise", "51%"], "got '51%'"),
    (["generate", "rings"], "argument NAME: unknown data set 'rings'; expected one of circle, xor, gauss"),
    (["generate", "spiral", "--rows", "2"], "--rows: must be a whole number from 3 to 1,000,000 for spiral, got 2"),
    (["generate", "xor", "--validation", "0.2"], "--validation needs --val-out VAL.csv"),
    (["generate", "xor", "--val-out", "v.csv"], "--val-out needs --validation F"),
])
def test_cli_refuses_with_one_error_line(argv, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error:")]
    assert len(err) == 1 and message in err[0], err
    assert list(tmp_path.iterdir()) == []
