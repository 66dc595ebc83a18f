"""Writes lstm_reference.json: torch.nn.LSTMCell in float64 on fixed weights and sequences.

Run with Debian's interpreter, which has python3-torch: /usr/bin/python3 lstm_reference.py
Cases with "seed" use weights from the service's SeededRandom, so the C# test also checks that the
seeded weights match this description of them.
"""

import json
import pathlib

import torch

from seeded_random import SeededRandom

torch.set_default_dtype(torch.float64)


def seeded_weights(input_size: int, hidden_size: int, seed: int) -> dict:
    random = SeededRandom(seed)
    bound = 1.0 / hidden_size ** 0.5
    w_ih = [random.uniforms(input_size, -bound, bound) for _ in range(4 * hidden_size)]
    w_hh = [random.uniforms(hidden_size, -bound, bound) for _ in range(4 * hidden_size)]
    b_ih = random.uniforms(4 * hidden_size, -bound, bound)
    b_hh = random.uniforms(4 * hidden_size, -bound, bound)
    return {"inputHidden": w_ih, "hiddenHidden": w_hh, "inputBias": b_ih, "hiddenBias": b_hh}


def run(name, weights, inputs, hidden=None, cell=None, seed=None):
    hidden_size = len(weights["inputBias"]) // 4
    input_size = len(weights["inputHidden"][0])
    lstm = torch.nn.LSTMCell(input_size, hidden_size)
    with torch.no_grad():
        lstm.weight_ih.copy_(torch.tensor(weights["inputHidden"]))
        lstm.weight_hh.copy_(torch.tensor(weights["hiddenHidden"]))
        lstm.bias_ih.copy_(torch.tensor(weights["inputBias"]))
        lstm.bias_hh.copy_(torch.tensor(weights["hiddenBias"]))

    h = torch.tensor(hidden if hidden is not None else [0.0] * hidden_size).unsqueeze(0)
    c = torch.tensor(cell if cell is not None else [0.0] * hidden_size).unsqueeze(0)
    steps = []
    with torch.no_grad():
        for x in inputs:
            xt = torch.tensor(x).unsqueeze(0)
            # The gates, recomputed from the cell's own formula because LSTMCell does not return them.
            pre = torch.nn.functional.linear(xt, lstm.weight_ih, lstm.bias_ih) + torch.nn.functional.linear(h, lstm.weight_hh, lstm.bias_hh)
            i, f, g, o = pre.chunk(4, dim=1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            h_next, c_next = lstm(xt, (h, c))
            assert torch.allclose(c_next, f * c + i * g, rtol=0, atol=1e-15)
            assert torch.allclose(h_next, o * torch.tanh(c_next), rtol=0, atol=1e-15)
            h, c = h_next, c_next
            steps.append({
                "hidden": h[0].tolist(),
                "cell": c[0].tolist(),
                "gates": {"input": i[0].tolist(), "forget": f[0].tolist(), "cell": g[0].tolist(), "output": o[0].tolist()},
            })

    case = {"name": name, "inputSize": input_size, "hiddenSize": hidden_size, "weights": weights,
            "inputs": inputs, "hidden": hidden, "cell": cell, "steps": steps}
    if seed is not None:
        case["seed"] = seed
    return case


def torch_weights(input_size, hidden_size, generator, scale=1.0):
    def tensor(*shape):
        return ((torch.rand(*shape, generator=generator) * 2 - 1) * scale).tolist()

    return {"inputHidden": tensor(4 * hidden_size, input_size), "hiddenHidden": tensor(4 * hidden_size, hidden_size),
            "inputBias": tensor(4 * hidden_size), "hiddenBias": tensor(4 * hidden_size)}


def main():
    generator = torch.Generator().manual_seed(20240601)

    def sequence(steps, size, scale=1.0):
        return (torch.randn(steps, size, generator=generator) * scale).tolist()

    cases = [
        run("sequence with initial state", torch_weights(3, 4, generator), sequence(6, 3),
            hidden=sequence(1, 4)[0], cell=sequence(1, 4)[0]),
        run("single step from zero state", torch_weights(5, 2, generator), sequence(1, 5)),
        run("saturated gates", torch_weights(2, 3, generator, scale=4.0), sequence(4, 2, scale=10.0),
            hidden=sequence(1, 3)[0], cell=sequence(1, 3, scale=5.0)[0]),
        run("seeded weights", seeded_weights(3, 5, 42), sequence(5, 3), seed=42),
        run("seeded weights, one unit", seeded_weights(1, 1, 7), sequence(8, 1), seed=7),
    ]

    output = {
        "source": f"torch {torch.__version__} torch.nn.LSTMCell, float64",
        "tolerance": "absolute 1e-12 on hidden, cell and gates",
        "cases": cases,
    }
    path = pathlib.Path(__file__).with_name("lstm_reference.json")
    path.write_text(json.dumps(output, indent=1) + "\n")


if __name__ == "__main__":
    main()
