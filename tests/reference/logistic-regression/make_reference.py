#!/usr/bin/python3
"""Compute reference logistic-regression fits for the C# tests.

Run with Debian's python3-sklearn and python3-statsmodels (scikit-learn 1.2.1, statsmodels 0.13.5):

    /usr/bin/python3 tests/reference/logistic-regression/make_reference.py

For each data set this records scikit-learn's own answer (lbfgs, its default solver) and the largest
component of the objective's gradient there, then the true optimum: Newton's method in float64 on
standardised features, polished by two Newton steps in 50-digit arithmetic (mpmath), whose gradient is
recorded too. Where the library's gradient is not about zero, the test data says so and the tests compare
with the polished optimum. Unpenalised cases also get statsmodels' Logit (or GLM with freq_weights when
there are weights) statistics, evaluated at the optimum when statsmodels' own fit stops short of it.
Training metrics come from sklearn.metrics at the optimum.
"""

import json
import pathlib
import warnings

import mpmath
import numpy as np
import sklearn
import statsmodels
import statsmodels.api as sm
from sklearn.datasets import load_breast_cancer, make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, log_loss, roc_auc_score

OUTPUT = pathlib.Path(__file__).with_name("reference-fits.json")
mpmath.mp.dps = 50


def effective_weights(y, sample_weight, class_weight):
    w = np.ones(len(y)) if sample_weight is None else np.asarray(sample_weight, dtype=float)
    if class_weight is None:
        return w
    if class_weight == "balanced":
        counts = np.bincount(y.astype(int), minlength=2)
        cw = len(y) / (2.0 * counts)
    else:
        cw = np.array([class_weight["0"], class_weight["1"]], dtype=float)
    return w * cw[y.astype(int)]


def objective_parts(X, y, v, c, fit_intercept, params):
    """Gradient and Hessian of sum v*logloss + 0.5/c*||w||^2 (c=inf: no penalty), params = [w, b]."""
    p = X.shape[1]
    Z = np.hstack([X, np.ones((len(y), 1))]) if fit_intercept else X
    eta = Z @ params
    prob = 1.0 / (1.0 + np.exp(-eta))
    grad = Z.T @ (v * (prob - y))
    hess = (Z * (v * prob * (1 - prob))[:, None]).T @ Z
    if np.isfinite(c):
        grad[:p] += params[:p] / c
        hess[np.arange(p), np.arange(p)] += 1.0 / c
    return grad, hess


def newton_float(X, y, v, c, fit_intercept):
    """Newton on standardised columns, mapped back; float64."""
    p = X.shape[1]
    mean = X.mean(axis=0) if fit_intercept else np.zeros(p)
    scale = np.sqrt(((X - mean) ** 2).mean(axis=0))
    scale[scale == 0] = 1.0
    Xs = (X - mean) / scale
    q = p + (1 if fit_intercept else 0)
    theta = np.zeros(q)
    pen = np.zeros(q)
    if np.isfinite(c):
        pen[:p] = 1.0 / (c * scale**2)
    Zs = np.hstack([Xs, np.ones((len(y), 1))]) if fit_intercept else Xs
    for _ in range(200):
        eta = Zs @ theta
        prob = 1.0 / (1.0 + np.exp(-eta))
        g = Zs.T @ (v * (prob - y)) + pen * theta
        H = (Zs * (v * prob * (1 - prob))[:, None]).T @ Zs + np.diag(pen)
        step = np.linalg.solve(H, -g)
        theta = theta + step
        if np.max(np.abs(step)) < 1e-13 * (1 + np.max(np.abs(theta))):
            break
    w = theta[:p] / scale
    b = theta[p] - np.sum(w * mean) if fit_intercept else 0.0
    return np.concatenate([w, [b]]) if fit_intercept else w


def polish_mp(X, y, v, c, fit_intercept, params, steps=2):
    """Newton steps in mpmath, 50 digits."""
    n, p = X.shape
    rows = [[mpmath.mpf(float(x)) for x in row] + ([mpmath.mpf(1)] if fit_intercept else []) for row in X]
    ys = [mpmath.mpf(float(t)) for t in y]
    vs = [mpmath.mpf(float(t)) for t in v]
    q = len(params)
    theta = [mpmath.mpf(float(t)) for t in params]
    inv_c = mpmath.mpf(0) if not np.isfinite(c) else 1 / mpmath.mpf(c)
    for _ in range(steps):
        g = [mpmath.mpf(0)] * q
        H = mpmath.matrix(q, q)
        for row, t, weight in zip(rows, ys, vs):
            if weight == 0:
                continue
            eta = mpmath.fsum(a * b for a, b in zip(row, theta))
            prob = 1 / (1 + mpmath.exp(-eta))
            r = weight * (prob - t)
            d = weight * prob * (1 - prob)
            for j in range(q):
                g[j] += r * row[j]
                dj = d * row[j]
                for k in range(j, q):
                    H[j, k] += dj * row[k]
        for j in range(q):
            for k in range(j):
                H[j, k] = H[k, j]
        for j in range(p):
            g[j] += inv_c * theta[j]
            H[j, j] += inv_c
        step = mpmath.lu_solve(H, mpmath.matrix([-x for x in g]))
        theta = [theta[j] + step[j] for j in range(q)]
    return np.array([float(t) for t in theta])


def sklearn_scale_gradient(X, y, v, c, fit_intercept, params):
    """Largest gradient component of scikit-learn's objective C*sum v*logloss + 0.5||w||^2 (or the NLL)."""
    grad, _ = objective_parts(X, y, v, c, fit_intercept, params)
    return float(np.max(np.abs(grad * (c if np.isfinite(c) else 1.0))))


def metrics(X, y, sample_weight, params, fit_intercept):
    p = X.shape[1]
    decision = X @ params[:p] + (params[p] if fit_intercept else 0.0)
    prob = 1.0 / (1.0 + np.exp(-decision))
    return {
        "accuracy": float(accuracy_score(y, (decision > 0).astype(int), sample_weight=sample_weight)),
        "logLoss": float(log_loss(y, np.column_stack([1 - prob, prob]), sample_weight=sample_weight)),
        "rocAuc": float(roc_auc_score(y, decision, sample_weight=sample_weight)),
    }


def statsmodels_statistics(X, y, v, weighted, fit_intercept, optimum):
    Z = sm.add_constant(X, has_constant="add") if fit_intercept else X
    # statsmodels orders the intercept first.
    start = np.concatenate([[optimum[-1]], optimum[:-1]]) if fit_intercept else optimum
    if weighted:
        model = sm.GLM(y, Z, family=sm.families.Binomial(), freq_weights=v)
        result = model.fit(tol=1e-12, maxiter=200)
    else:
        model = sm.Logit(y, Z)
        result = model.fit(disp=0, method="newton", tol=1e-12, maxiter=200)
    own_gradient = float(np.max(np.abs(model.score(result.params)))) if not weighted else float(
        np.max(np.abs(Z.T @ (v * (y - 1 / (1 + np.exp(-(Z @ result.params))))))))
    at_optimum = bool(np.allclose(result.params, start, rtol=1e-9, atol=1e-12))
    if not at_optimum:
        # Evaluate statsmodels' statistics at the true optimum instead of its own stopping point.
        if weighted:
            result = model.fit(start_params=start, maxiter=0, tol=1e300)
        else:
            result = model.fit(start_params=start, disp=0, method="newton", maxiter=0)
    ci = np.asarray(result.conf_int())
    llf = float(result.llf)
    llnull = float(result.llnull)
    k = Z.shape[1]
    nobs = float(np.sum(v)) if weighted else float(len(y))
    return {
        "source": f"statsmodels {statsmodels.__version__} " + ("GLM Binomial freq_weights" if weighted else "Logit"),
        "ownFitGradientMaxAbs": own_gradient,
        "evaluatedAtPolishedOptimum": not at_optimum,
        "standardErrors": [float(x) for x in np.asarray(result.bse)],
        "zValues": [float(x) for x in np.asarray(result.tvalues)],
        "pValues": [float(x) for x in np.asarray(result.pvalues)],
        "confidenceIntervals": [[float(a), float(b)] for a, b in ci],
        "logLikelihood": llf,
        "nullLogLikelihood": llnull,
        "pseudoRSquared": 1.0 - llf / llnull,
        "aic": float(result.aic),
        "bic": float(-2 * llf + k * np.log(nobs)) if weighted else float(result.bic),
    }


DATASETS = {}


def dataset(name, X, y):
    """Register a data set once; cases refer to it by name."""
    DATASETS[name] = {"features": np.asarray(X, dtype=float).tolist(), "labels": [int(t) for t in y]}
    return name, np.asarray(X, dtype=float), np.asarray(y)


def case(data, description, name, penalty="l2", c=1.0, fit_intercept=True, sample_weight=None, class_weight=None):
    data_name, X, y = data
    y = np.asarray(y, dtype=float)
    v = effective_weights(y, sample_weight, class_weight)
    c_eff = c if penalty == "l2" else float("inf")
    sk = LogisticRegression(
        penalty="l2" if penalty == "l2" else "none",
        C=c,
        fit_intercept=fit_intercept,
        class_weight=class_weight if class_weight != "balanced" else "balanced",
    )
    if isinstance(class_weight, dict):
        sk.set_params(class_weight={0: class_weight["0"], 1: class_weight["1"]})
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        sk.fit(X, y, sample_weight=sample_weight)
    library = np.concatenate([sk.coef_[0], sk.intercept_]) if fit_intercept else sk.coef_[0].copy()
    library_gradient = sklearn_scale_gradient(X, y, v, c_eff, fit_intercept, library)

    optimum = newton_float(X, y, v, c_eff, fit_intercept)
    optimum = polish_mp(X, y, v, c_eff, fit_intercept, optimum)
    optimum_gradient = sklearn_scale_gradient(X, y, v, c_eff, fit_intercept, optimum)
    p = X.shape[1]
    entry = {
        "name": name,
        "description": description,
        "dataset": data_name,
        "sampleWeights": None if sample_weight is None else [float(t) for t in sample_weight],
        "options": {"penalty": penalty, "c": c, "fitIntercept": fit_intercept, "classWeight": class_weight},
        "library": {
            "source": f"scikit-learn {sklearn.__version__} LogisticRegression(solver='lbfgs')",
            "coefficients": [float(t) for t in library[:p]],
            "intercept": float(library[p]) if fit_intercept else 0.0,
            "iterations": int(sk.n_iter_[0]),
            "warnings": sorted({str(w.category.__name__) for w in caught}),
            "gradientMaxAbs": library_gradient,
            "atOptimum": bool(library_gradient <= 1e-6 * max(1.0, optimum_gradient)),
        },
        "optimum": {
            "source": "Newton in float64 on standardised features, then two Newton steps in 50-digit mpmath",
            "coefficients": [float(t) for t in optimum[:p]],
            "intercept": float(optimum[p]) if fit_intercept else 0.0,
            "gradientMaxAbs": optimum_gradient,
        },
        "featureScales": [float(s) for s in np.sqrt(((X - (X.mean(axis=0) if fit_intercept else 0)) ** 2).mean(axis=0))],
        "trainingMetrics": metrics(X, y, sample_weight, optimum, fit_intercept),
        "statistics": None,
    }
    if penalty == "none":
        entry["statistics"] = statsmodels_statistics(
            X, y, v, sample_weight is not None or class_weight is not None, fit_intercept, optimum)
    print(f"{name}: sklearn gradient {library_gradient:.3g}, optimum gradient {optimum_gradient:.3g}")
    return entry


def main():
    cancer = load_breast_cancer()
    cancer_data = dataset("breast-cancer", cancer.data, cancer.target)
    cancer_five = dataset("breast-cancer-5", cancer.data[:, :5], cancer.target)
    cases = []
    for c in (0.01, 1.0, 100.0):
        cases.append(case(cancer_data, f"scikit-learn's breast cancer data (569 x 30, unscaled), L2 with C = {c:g}", f"breast-cancer-l2-c{c:g}", c=c))
    cases.append(case(cancer_five, "breast cancer, first five features (mean radius, texture, perimeter, area, smoothness), no penalty", "breast-cancer-none-5", penalty="none"))

    X, y = make_classification(n_samples=1000, n_features=4, n_informative=3, n_redundant=0, weights=[0.93], flip_y=0.01, random_state=1)
    imbalanced = dataset("imbalanced", X, y)
    cases.append(case(imbalanced, "make_classification 1000 x 4, 93 % negative, no penalty", "imbalanced-none", penalty="none"))
    cases.append(case(imbalanced, "the imbalanced set with class_weight balanced, L2 C = 0.5", "imbalanced-balanced-l2", c=0.5, class_weight="balanced"))
    cases.append(case(imbalanced, "the imbalanced set with class weights {0: 1, 1: 4}, no penalty", "imbalanced-explicit-none", penalty="none", class_weight={"0": 1.0, "1": 4.0}))

    rng = np.random.default_rng(7)
    X, y = make_classification(n_samples=400, n_features=3, n_informative=2, n_redundant=0, random_state=2)
    weights = rng.uniform(0.0, 3.0, size=len(y))
    weights[rng.choice(len(y), 20, replace=False)] = 0.0
    weighted = dataset("weighted", X, y)
    cases.append(case(weighted, "make_classification 400 x 3 with sample weights in [0, 3), 20 of them zero, L2 C = 2", "weighted-l2", c=2.0, sample_weight=weights))
    cases.append(case(weighted, "the weighted set, no penalty (statsmodels GLM with freq_weights)", "weighted-none", penalty="none", sample_weight=weights))

    X, y = make_classification(n_samples=300, n_features=3, n_informative=3, n_redundant=0, random_state=3)
    shifted = dataset("shifted", X + 0.5, y)
    cases.append(case(shifted, "make_classification 300 x 3 shifted by 0.5, without intercept, no penalty", "no-intercept-none", penalty="none", fit_intercept=False))
    cases.append(case(shifted, "the same without intercept, L2 C = 1", "no-intercept-l2", fit_intercept=False))

    X, y = make_classification(n_samples=500, n_features=4, n_informative=3, n_redundant=0, random_state=4)
    ill = dataset("ill-scaled", X * np.array([1e6, 1e-6, 1.0, 1e3]) + np.array([5e6, 0.0, 0.0, -2e3]), y)
    cases.append(case(ill, "make_classification 500 x 4 with columns scaled by 1e6 (and shifted by 5e6), 1e-6, 1 and 1e3, L2 C = 1", "ill-scaled-l2"))
    cases.append(case(ill, "the ill-scaled set, no penalty", "ill-scaled-none", penalty="none"))

    rng = np.random.default_rng(11)
    x = np.sort(rng.normal(size=200))
    y = (x > 0).astype(int)
    overlap = np.abs(x) < 0.08
    y[overlap] = 1 - y[overlap]
    near = dataset("near-separated", np.column_stack([x, rng.normal(size=200)]), y)
    cases.append(case(near, f"one feature splits the classes except {int(overlap.sum())} points near 0, plus noise; no penalty", "near-separated-none", penalty="none"))
    cases.append(case(near, "the near-separated set, L2 C = 100", "near-separated-l2-c100", c=100.0))

    document = {"generator": "tests/reference/logistic-regression/make_reference.py", "datasets": DATASETS, "cases": cases}
    OUTPUT.write_text(json.dumps(document, indent=1) + "\n")
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
