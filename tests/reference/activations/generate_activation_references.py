#!/usr/bin/python3
"""Compute correctly rounded reference values of the activations and their derivatives with mpmath.

Writes tests/Domain.Tests/Activations/Data/activations-double.json and activations-single.json (default
parameters) and activations-parameters-double.json and activations-parameters-single.json (other
parameter values). Each file has the input points and, per activation, the value and the first
derivative at every point, all as IEEE bit patterns in hexadecimal (16 digits for double, 8 for single),
so that nothing is lost in decimal.

The references are evaluated at 320 bits with formulas chosen so that no step cancels more than a few
dozen bits, then rounded to nearest-even in the target format, subnormals and overflow included. Single-
precision references are the exact function at single-precision inputs, rounded once to single.

Run with Debian's interpreter and python3-mpmath: /usr/bin/python3 generate_activation_references.py
The points come from a fixed seed, so the output is the same on every run.
"""

import json
import os
import random
import struct

import mpmath
from mpmath import mp, mpf, exp, expm1, log, log1p, tanh, sech, erfc, sqrt, pi, floor, frexp, ldexp

mp.prec = 320

SELU_ALPHA = mpf(1.6732632423543772848170429916717)  # the double PyTorch uses, taken exactly
SELU_SCALE = mpf(1.0507009873554804934193349852946)

DOUBLE = (53, -1022, 1023)
SINGLE = (24, -126, 127)


def round_to_format(value, fmt):
    """Round an mpf to the nearest value of a binary format (ties to even), with subnormals and overflow."""
    precision, emin, emax = fmt
    if value == 0:
        return 0.0
    if mp.isinf(value):
        return float(value)
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    _, exponent = frexp(magnitude)  # magnitude = m * 2^exponent, 0.5 <= m < 1
    exponent = int(exponent) - 1
    quantum = max(exponent, emin) - (precision - 1)
    scaled = ldexp(magnitude, -quantum)
    integer = int(floor(scaled))
    fraction = scaled - integer
    if fraction > 0.5 or (fraction == 0.5 and integer % 2 == 1):
        integer += 1
    rounded = ldexp(mpf(integer), quantum)
    if rounded >= ldexp(mpf(1), emax + 1):
        return sign * float("inf")
    return sign * float(rounded)  # exact: the value is representable


def double_bits(value):
    return struct.unpack("<Q", struct.pack("<d", value))[0]


def single_bits(value):
    return struct.unpack("<I", struct.pack("<f", value))[0]


def encode(value, fmt):
    rounded = round_to_format(value, fmt)
    if fmt is DOUBLE:
        return format(double_bits(rounded), "016x")
    return format(single_bits(rounded), "08x")


def logistic(x):
    return 1 / (1 + exp(-x))


def logistic_derivative(x):
    e = exp(-abs(x))
    return e / (1 + e) ** 2


def softplus(x):
    return x + log1p(exp(-x)) if x > 0 else log1p(exp(x))


def gelu(x):
    return x / 2 * erfc(-x / sqrt(2))


def gelu_derivative(x):
    return erfc(-x / sqrt(2)) / 2 + x * exp(-x * x / 2) / sqrt(2 * pi)


def mish(x):
    return x * tanh(softplus(x))


def mish_derivative(x):
    sp = softplus(x)
    return tanh(sp) + x * logistic(x) * sech(sp) ** 2


def logit(p):
    if p == 0 or p == 1:
        return mpf("-inf") if p == 0 else mpf("inf")
    return log(p / (1 - p))


def logit_derivative(p):
    return mpf("inf") if p == 0 or p == 1 else 1 / (p * (1 - p))


def hard_swish_derivative(x):
    if x < -3:
        return mpf(0)
    if x <= 3:
        return x / 3 + mpf(1) / 2
    return mpf(1)


def activations(leaky_alpha):
    """name -> (value, derivative), as the service defines them (PyTorch's definitions and kink choices).

    leaky_alpha is leaky-relu's default 0.01 in the target format: single precision rounds parameters too.
    """
    alpha = mpf(leaky_alpha)
    return {
        "sigmoid": (logistic, logistic_derivative),
        "log-sigmoid": (lambda x: -softplus(-x), lambda x: logistic(-x)),
        "logit": (logit, logit_derivative),
        "tanh": (tanh, lambda x: sech(x) ** 2),
        "relu": (lambda x: x if x > 0 else mpf(0), lambda x: mpf(1) if x > 0 else mpf(0)),
        "leaky-relu": (lambda x: x if x > 0 else alpha * x, lambda x: mpf(1) if x > 0 else alpha),
        "elu": (lambda x: x if x > 0 else expm1(x), lambda x: mpf(1) if x > 0 else exp(x)),
        "selu": (
            lambda x: SELU_SCALE * (x if x > 0 else SELU_ALPHA * expm1(x)),
            lambda x: SELU_SCALE if x > 0 else SELU_SCALE * SELU_ALPHA * exp(x),
        ),
        "gelu": (gelu, gelu_derivative),
        "silu": (lambda x: x * logistic(x), lambda x: logistic(x) + x * logistic(x) * logistic(-x)),
        "softplus": (softplus, logistic),
        "softsign": (lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2),
        "hard-sigmoid": (
            lambda x: mpf(0) if x <= -3 else mpf(1) if x >= 3 else x / 6 + mpf(1) / 2,
            lambda x: mpf(1) / 6 if -3 < x < 3 else mpf(0),
        ),
        "hard-swish": (lambda x: mpf(0) if x <= -3 else x if x >= 3 else x * (x + 3) / 6, hard_swish_derivative),
        "mish": (mish, mish_derivative),
        "scaled-sigmoid": (logistic, logistic_derivative),
    }


# Where the interesting things happen, with the reason: (centre, half-width, count).
CLUSTERS = [
    (0.0, 1.0, 150),  # the kinks at 0 and the series/reduction switches near it
    (-3.0, 0.01, 30),  # hard-sigmoid and hard-swish kinks
    (3.0, 0.01, 30),
    (-0.7517915246935645, 1e-3, 20),  # root of gelu'
    (-1.2784645427610737, 1e-3, 20),  # root of silu'
    (-1.1924312145154952, 1e-3, 20),  # root of mish'
    (37.0, 2.0, 40),  # s(1 - s) becomes 0 here
    (-37.5, 1.5, 40),  # gelu underflows
    (-87.3, 0.5, 20),  # single-precision exp underflows to subnormal
    (-103.5, 1.0, 20),  # and to 0
    (88.7, 0.5, 20),  # single-precision exp overflows
    (372.5, 1.0, 30),  # tanh' becomes subnormal
    (-708.4, 0.5, 40),  # exp becomes subnormal
    (-726.0, 18.0, 80),  # subnormal range of sigmoid
    (-745.13, 0.2, 40),  # exp underflows to 0
    (-751.0, 1.5, 30),  # silu and mish underflow
    (709.78, 0.2, 30),  # exp overflows
]


def double_points(rng):
    points = set()
    points.update(float(v) for v in range(-1000, 1001, 2))  # dense grid
    points.update(rng.uniform(-1000.0, 1000.0) for _ in range(700))
    points.update(rng.uniform(-40.0, 40.0) for _ in range(900))
    points.update(rng.uniform(-5.0, 5.0) for _ in range(300))
    for centre, half_width, count in CLUSTERS:
        points.update(rng.uniform(centre - half_width, centre + half_width) for _ in range(count))
        points.add(centre)
    for k in [1, 2, 3, 5, 8, 13, 20, 26, 27, 28, 30, 40, 52, 53, 54, 60, 100, 200, 500, 1000, 1022, 1030, 1074]:
        for sign in (1.0, -1.0):
            points.add(sign * 2.0 ** -k)
            points.add(sign * rng.uniform(0.5, 1.0) * 2.0 ** -k)
    for kink in (0.0, -3.0, 3.0):
        below, above = kink, kink
        for _ in range(3):
            below = nextafter(below, -1.0)
            above = nextafter(above, 1.0)
            points.update((below, above))
    points.update([0.0, 1000.0, -1000.0, 1e-300, -1e-300, 5e-324, -5e-324])
    return sorted(points)


def nextafter(value, direction):
    bits = double_bits(value)
    if value == 0:
        return 5e-324 if direction > 0 else -5e-324
    step = 1 if (value > 0) == (direction > value) else -1
    return struct.unpack("<d", struct.pack("<Q", bits + step))[0]


def logit_points(rng):
    points = {0.0, 1.0, 0.5, 0.25, 0.75, 5e-324, 1e-310, 2.2250738585072014e-308}
    for k in range(1, 54):
        points.add(1.0 - 2.0 ** -k)
    for k in range(1, 1075, 7):
        points.add(2.0 ** -k)
        points.add(rng.uniform(0.5, 1.0) * 2.0 ** -k)
    for centre in (0.5, 0.25):
        below, above = centre, centre
        for _ in range(4):
            below = nextafter(below, 0.0)
            above = nextafter(above, 1.0)
            points.update((below, above))
    points.update(rng.uniform(0.0, 1.0) for _ in range(600))
    points.update(rng.uniform(0.24, 0.26) for _ in range(30))
    points.update(rng.uniform(0.49, 0.51) for _ in range(30))
    points.update(float(logistic(mpf(x))) for x in range(-740, 40, 3))
    points = {p for p in points if 0.0 <= p <= 1.0}
    return sorted(points)


def to_single(value):
    return struct.unpack("<f", struct.pack("<f", value))[0]


def section(points, logit, fmt, leaky_alpha):
    section_data = {
        "x": [encode(mpf(p), fmt) for p in points],
        "logitX": [encode(mpf(p), fmt) for p in logit],
        "activations": {},
    }
    for name, (value, derivative) in activations(leaky_alpha).items():
        inputs = logit if name == "logit" else points
        values = []
        derivatives = []
        for p in inputs:
            x = mpf(p)
            values.append(encode(value(x), fmt))
            derivatives.append(encode(derivative(x), fmt))
        section_data["activations"][name] = {"value": values, "derivative": derivatives}
    return section_data


# Non-default parameters, to check that parameters cost no accuracy: name -> (parameters, value, derivative).
def parameterised(fmt_value):
    beta = mpf(fmt_value(0.37))
    alpha_leaky = mpf(fmt_value(0.2))
    alpha_elu = mpf(fmt_value(0.5))
    l, k, x0 = mpf(fmt_value(2.5)), mpf(fmt_value(-0.7)), mpf(fmt_value(1.3))
    return {
        "softplus": (
            {"beta": 0.37},
            lambda x: softplus(beta * x) / beta,
            lambda x: logistic(beta * x),
        ),
        "leaky-relu": (
            {"alpha": 0.2},
            lambda x: x if x > 0 else alpha_leaky * x,
            lambda x: mpf(1) if x > 0 else alpha_leaky,
        ),
        "elu": (
            {"alpha": 0.5},
            lambda x: x if x > 0 else alpha_elu * expm1(x),
            lambda x: mpf(1) if x > 0 else alpha_elu * exp(x),
        ),
        "scaled-sigmoid": (
            {"l": 2.5, "k": -0.7, "x0": 1.3},
            lambda x: l * logistic(k * (x - x0)),
            lambda x: l * k * logistic_derivative(k * (x - x0)),
        ),
    }


def parameterised_section(points, fmt, fmt_value):
    section_data = {"x": [encode(mpf(p), fmt) for p in points], "activations": {}}
    for name, (parameters, value, derivative) in parameterised(fmt_value).items():
        section_data["activations"][name] = {
            "parameters": parameters,
            "value": [encode(value(mpf(p)), fmt) for p in points],
            "derivative": [encode(derivative(mpf(p)), fmt) for p in points],
        }
    return section_data


def write(path, fmt_name, data):
    document = {
        "description": "Activations and first derivatives, correctly rounded to " + fmt_name
        + " from mpmath at 320 bits. Numbers are IEEE bit patterns in hexadecimal.",
        "generator": "tests/reference/activations/generate_activation_references.py",
        "mpmath": mpmath.__version__,
        **data,
    }
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, separators=(",", ":"))
        handle.write("\n")


def main():
    rng = random.Random(20240601)
    doubles = double_points(rng)
    logits = logit_points(rng)

    # Single precision: the double points rounded to single (keeping those that stay finite), plus the
    # single-precision boundaries, and a smaller share of the dense grid.
    single_points = sorted({to_single(p) for p in doubles[::2]} | {to_single(p) for p in doubles if abs(p) < 120})
    single_logits = sorted({to_single(p) for p in logits} | {1.0 - 2.0 ** -k for k in range(1, 25)})

    here = os.path.dirname(os.path.abspath(__file__))
    out = os.path.join(here, "..", "..", "Domain.Tests", "Activations", "Data")
    os.makedirs(out, exist_ok=True)
    write(os.path.join(out, "activations-double.json"), "double", section(doubles, logits, DOUBLE, 0.01))
    write(os.path.join(out, "activations-single.json"), "single", section(single_points, single_logits, SINGLE, to_single(0.01)))
    write(os.path.join(out, "activations-parameters-double.json"), "double",
          parameterised_section(doubles[::3], DOUBLE, float))
    write(os.path.join(out, "activations-parameters-single.json"), "single",
          parameterised_section(single_points[::3], SINGLE, to_single))
    print(f"{len(doubles)} double points, {len(logits)} logit points, "
          f"{len(single_points)} single points, {len(single_logits)} single logit points")


if __name__ == "__main__":
    main()
