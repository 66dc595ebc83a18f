#!/usr/bin/python3
"""Compute correctly rounded sigmoid values and derivatives at the switch points of the vectorised kernel.

Writes tests/Domain.Tests/Activations/Data/sigmoid-kernel-double.json and sigmoid-kernel-single.json in
the format of generate_activation_references.py (whose rounding and formulas this script reuses). The
kernel reduces exp(-|x|) by multiples of ln2/16 and reads 2^(j/16) from a 16-entry table, so the points
are where the multiple m = round(16 |x| / ln2) changes (with their neighbours one ulp away): every table
entry, the exponent changes at multiples of 16, the change to the subnormal path at m = -16000
(|x| near 1000 ln2), the single-precision clamp at 150 and the double-precision clamp at 1500.

Run with Debian's interpreter and python3-mpmath: /usr/bin/python3 generate_sigmoid_kernel_references.py
The points are fixed, so the output is the same on every run.
"""

import json
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mpmath  # noqa: E402
from mpmath import mpf  # noqa: E402

from generate_activation_references import (  # noqa: E402
    DOUBLE,
    SINGLE,
    encode,
    logistic,
    logistic_derivative,
    to_single,
)

LN2_OVER_16 = math.log(2) / 16


def neighbours(value):
    return [math.nextafter(value, -math.inf), value, math.nextafter(value, math.inf)]


def switch_points():
    multiples = set(range(0, 64))  # every table entry, and the first exponent changes
    for q in (17, 100, 256, 500, 1000, 1023, 1024, 1063, 1100, 2000, 2163):
        multiples.update((16 * q - 1, 16 * q))  # exponent changes further out
    multiples.update(range(15980, 16020))  # the change to the subnormal path (k = -1000)
    points = set()
    for n in multiples:
        for value in neighbours((n + 0.5) * LN2_OVER_16):
            points.update((value, -value))
    for edge in (87.33654, 103.27893, 104.0, 150.0, 708.39641, 745.13321, 1500.0):
        for value in neighbours(edge):
            points.update((value, -value))
    return sorted(points)


def section(points, fmt):
    return {
        "x": [encode(mpf(p), fmt) for p in points],
        "activations": {
            "sigmoid": {
                "value": [encode(logistic(mpf(p)), fmt) for p in points],
                "derivative": [encode(logistic_derivative(mpf(p)), fmt) for p in points],
            }
        },
    }


def write(path, fmt_name, data):
    document = {
        "description": "Sigmoid and its derivative at the switch points of the vectorised kernel, correctly "
        "rounded to " + fmt_name + " from mpmath at 320 bits. Numbers are IEEE bit patterns in hexadecimal.",
        "generator": "tests/reference/activations/generate_sigmoid_kernel_references.py",
        "mpmath": mpmath.__version__,
        **data,
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, separators=(",", ":"))
        handle.write("\n")


def main():
    doubles = switch_points()
    singles = sorted({to_single(p) for p in doubles})
    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "..", "Domain.Tests", "Activations", "Data")
    write(os.path.join(out, "sigmoid-kernel-double.json"), "double", section(doubles, DOUBLE))
    write(os.path.join(out, "sigmoid-kernel-single.json"), "single", section(singles, SINGLE))
    print(f"{len(doubles)} double points, {len(singles)} single points")


if __name__ == "__main__":
    main()
