#!/usr/bin/python3
"""Write the fit benchmark's data sets to /tmp and time scikit-learn on them.

    /usr/bin/python3 benchmarks/Benchmarks/LogisticRegression/make_benchmark_data.py [--time]

Writes /tmp/sigmoid-logreg-bench/{name}.features (float64, row-major) and {name}.labels (int32) for
make_classification(n_samples, n_features, n_informative=n_features // 2, random_state=0). The data are
never committed. With --time it also times LogisticRegression() with its defaults (lbfgs, C = 1,
max_iter = 100, tol = 1e-4) as the median of seven fits after one warm-up, and prints the largest
gradient component of the objective at scikit-learn's result.
"""

import pathlib
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression

DIRECTORY = pathlib.Path("/tmp/sigmoid-logreg-bench")
SIZES = {"100000x20": (100_000, 20), "10000x200": (10_000, 200)}


def gradient_max_abs(X, y, coef, intercept):
    eta = X @ coef + intercept
    p = 1.0 / (1.0 + np.exp(-eta))
    grad_w = X.T @ (p - y) + coef
    grad_b = np.sum(p - y)
    return max(float(np.max(np.abs(grad_w))), abs(float(grad_b)))


def main():
    DIRECTORY.mkdir(exist_ok=True)
    for name, (n, p) in SIZES.items():
        X, y = make_classification(n_samples=n, n_features=p, n_informative=p // 2, random_state=0)
        X.astype("<f8").tofile(DIRECTORY / f"{name}.features")
        y.astype("<i4").tofile(DIRECTORY / f"{name}.labels")
        if "--time" not in sys.argv:
            continue
        LogisticRegression().fit(X, y)
        times = []
        for _ in range(7):
            start = time.perf_counter()
            model = LogisticRegression().fit(X, y)
            times.append(time.perf_counter() - start)
        gradient = gradient_max_abs(X, y, model.coef_[0], model.intercept_[0])
        print(f"{name}: scikit-learn {sklearn.__version__} lbfgs median {statistics.median(times) * 1000:.1f} ms "
              f"(min {min(times) * 1000:.1f}), {model.n_iter_[0]} iterations, gradient max |g| {gradient:.3g}")


if __name__ == "__main__":
    main()
