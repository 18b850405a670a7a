"""The window's one number formatter (nngui.support.formatting), worked by hand."""

import math

import pytest

from nngui.support import formatting as f


@pytest.mark.parametrize("value, text", [
    (0.0, "0"), (-0.0, "0"), (1.0, "1"), (107.0, "107"), (107.26, "107.3"), (0.1, "0.1"),
    (0.00170432, "0.001704"), (0.00012345678, "0.0001235"), (12346.0, "12350"), (999949.0, "999900"), (999999.4, "1e+06"),
    (-2.5, "-2.5"), (1e-4, "0.0001"), (5.71194e-06, "5.712e-06"), (1e6, "1e+06"), (999999.6, "1e+06"),
    (123456789.0, "1.235e+08"), (-3.0e-7, "-3e-07"), (0.30000000000000004, "0.3"),
])
def test_short_has_at_most_four_significant_digits_and_no_exponent_in_the_usual_range(value, text):
    assert f.short(value) == text


@pytest.mark.parametrize("value", [None, math.nan, math.inf, -math.inf])
def test_short_shows_a_dash_for_no_value(value):
    assert f.short(value) == f.DASH


def test_short_reads_back_within_four_digits():
    for v in (3.14159265, 271.828, 0.000617, 42.0, 0.5, 98765.4321):
        assert abs(float(f.short(v)) - v) <= 5e-4 * abs(v)


@pytest.mark.parametrize("value, text", [(3.0, "3"), (0.1, "0.1"), (1e-7, "1e-07"), (1e6, "1000000.0"[:-2]),
                                          (math.nan, ""), (0.123456789012345, "0.123456789012345")])
def test_exact_reads_back_bit_identical(value, text):
    assert f.exact(value) == text
    if text:
        assert float(f.exact(value)) == value


def test_integer_weight_and_elapsed():
    assert f.integer(1234567) == "1,234,567"
    assert f.weight(0.12345) == "0.123" and f.weight(0.0) == "0.000" and f.weight(12345.0) == "1.23e+04"
    assert f.elapsed(4.24) == "4.2 s" and f.elapsed(187) == "3:07" and f.elapsed(3723) == "1:02:03"
