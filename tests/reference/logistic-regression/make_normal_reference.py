#!/usr/bin/python3
"""Reference values of the standard normal distribution for the C# tests, from mpmath at 50 digits.

    /usr/bin/python3 tests/reference/logistic-regression/make_normal_reference.py
"""

import json
import pathlib

import mpmath

mpmath.mp.dps = 50
OUTPUT = pathlib.Path(__file__).with_name("normal-reference.json")


def main():
    points = sorted({round(-40 + 0.37 * k, 2) for k in range(217)} | {0.0, 1e-300, 1e-8, 0.5, 0.75, 1.0, 1.959963984540054, 5.0, 26.5, 37.5})
    erfc = [{"x": x, "value": float(mpmath.erfc(mpmath.mpf(x)))} for x in points if x > -6]
    upper = [{"x": x, "value": float(mpmath.ncdf(-mpmath.mpf(x)))} for x in points]
    probabilities = [1e-300, 1e-100, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.02425, 0.025, 0.1, 0.3, 0.5, 0.7, 0.9, 0.975, 0.99, 0.999999]
    # Solved from the CDF so that probabilities far below 1e-50 keep their precision.
    # The median is exactly 0, which the root finder only reaches to about 1e-58.
    quantile = [
        {"p": p, "value": 0.0 if p == 0.5 else float(mpmath.findroot(
            lambda x, p=p: mpmath.log(mpmath.ncdf(x)) - mpmath.log(p), -mpmath.sqrt(-2 * mpmath.log(p)) if p < 0.5 else 0.5))}
        for p in probabilities
    ]
    document = {
        "generator": "tests/reference/logistic-regression/make_normal_reference.py",
        "source": f"mpmath {mpmath.__version__}, 50 digits",
        "erfc": erfc,
        "upperTail": upper,
        "quantile": quantile,
    }
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
