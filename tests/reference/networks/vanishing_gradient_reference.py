"""Writes vanishing_gradient_reference.json: the vanishing-gradient experiment redone with torch autograd.

Run with Debian's interpreter, which has python3-torch: /usr/bin/python3 vanishing_gradient_reference.py
The network is rebuilt from the seed as VanishingGradientExperiment documents it. One SeededRandom gives
X (N x width normals, row by row), then the targets (N x width normals), then each layer's width x width
weights, uniform in +-bound and row by row. Biases are 0.
"""

import json
import math
import pathlib

import torch

from seeded_random import SeededRandom

torch.set_default_dtype(torch.float64)

ACTIVATIONS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu}


def bound(initialization, fan_in, fan_out):
    if initialization == "standard":
        return 1.0 / math.sqrt(fan_in)
    if initialization == "xavier":
        return math.sqrt(6.0 / (fan_in + fan_out))
    return math.sqrt(6.0 / fan_in)


def run(activation, depth, width, initialization, samples, seed):
    random = SeededRandom(seed)
    x = torch.tensor(random.normals(samples * width)).reshape(samples, width)
    targets = torch.tensor(random.normals(samples * width)).reshape(samples, width)
    b = bound(initialization, width, width)
    weights = [torch.tensor(random.uniforms(width * width, -b, b)).reshape(width, width).requires_grad_() for _ in range(depth)]

    f = ACTIVATIONS[activation]
    a = x
    pre_activations, activations = [], []
    for w in weights:
        z = a @ w.T
        z.retain_grad()
        a = f(z)
        pre_activations.append(z)
        activations.append(a)

    loss = 0.5 * ((a - targets) ** 2).sum() / samples
    loss.backward()

    layers = []
    for index, (z, a, w) in enumerate(zip(pre_activations, activations, weights)):
        layers.append({
            "layer": index + 1,
            "activationMean": a.mean().item(),
            "activationStd": a.std(unbiased=False).item(),
            "gradientNorm": z.grad.norm().item(),
            "weightGradientNorm": w.grad.norm().item(),
        })

    return {
        "activation": activation, "depth": depth, "width": width, "initialization": initialization,
        "samples": samples, "seed": seed, "loss": loss.item(), "layers": layers,
        "firstToLastGradientRatio": layers[0]["gradientNorm"] / layers[-1]["gradientNorm"],
    }


def main():
    cases = [
        run("sigmoid", 10, 32, "standard", 64, 1),
        run("sigmoid", 10, 32, "xavier", 64, 2),
        run("tanh", 8, 24, "xavier", 50, 3),
        run("tanh", 8, 24, "standard", 50, 4),
        run("relu", 10, 32, "he", 64, 5),
        run("relu", 6, 16, "standard", 40, 6),
    ]
    output = {
        "source": f"torch {torch.__version__} autograd, float64",
        "tolerance": "relative 1e-9 on every statistic (summation order differs from TensorPrimitives)",
        "cases": cases,
    }
    path = pathlib.Path(__file__).with_name("vanishing_gradient_reference.json")
    path.write_text(json.dumps(output, indent=1) + "\n")
    for case in cases:
        print(case["activation"], case["initialization"], case["firstToLastGradientRatio"])


if __name__ == "__main__":
    main()
