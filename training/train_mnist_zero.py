"""Train mnist-zero, a CNN that gives the probability that a 28x28 MNIST digit is a zero, and export it to ONNX.

Writes models/mnist-zero/1/{model.onnx,card.json} and the fixtures mnist-zero-parity.json and mnist-sample.json.
"""

import argparse
import math
import os
import time

# Idle OpenMP threads sleep instead of spinning. On a machine shared with other work, spinning threads that
# wait for a descheduled peer made PyTorch's training steps about 7 times slower. This must be set before
# PyTorch loads its OpenMP runtime.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import common
import onnx_numpy

NAME = "mnist-zero"
VERSION = 1
SEED = 1


class ZeroNet(nn.Module):
    """Two conv+batch-norm+pool blocks, a dense layer and one logit."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, kernel_size=5, padding=2, bias=False),
            nn.BatchNorm2d(16),
            nn.ReLU(),
            nn.MaxPool2d(2),
            nn.Conv2d(16, 32, kernel_size=5, padding=2, bias=False),
            nn.BatchNorm2d(32),
            nn.ReLU(),
            nn.MaxPool2d(2),
        )
        self.classifier = nn.Sequential(
            nn.Flatten(),
            nn.Linear(32 * 7 * 7, 128),
            nn.ReLU(),
            nn.Dropout(0.3),
            nn.Linear(128, 1),
        )

    def forward(self, image):
        return self.classifier(self.features(image))


class ProbabilityModel(nn.Module):
    """The exported graph: the logit shifted by a constant, then a sigmoid."""

    def __init__(self, network, logit_shift):
        super().__init__()
        self.network = network
        self.register_buffer("logit_shift", torch.tensor(logit_shift, dtype=torch.float32))

    def forward(self, image):
        return torch.sigmoid(self.network(image) + self.logit_shift)


def augment(images, generator, max_degrees, max_shift_pixels, scale_range):
    """Apply a random rotation, scale and shift to each image, as a re-centred photo of a digit might show."""
    count = images.shape[0]
    angle = (torch.rand(count, generator=generator) * 2 - 1) * math.radians(max_degrees)
    scale = 1 + (torch.rand(count, generator=generator) * 2 - 1) * scale_range
    # affine_grid works in normalised coordinates where the image spans [-1, 1], so one pixel is 2/28.
    shift = (torch.rand(count, 2, generator=generator) * 2 - 1) * max_shift_pixels * 2 / 28
    cos = torch.cos(angle) / scale
    sin = torch.sin(angle) / scale
    theta = torch.stack([torch.stack([cos, -sin, shift[:, 0]], 1), torch.stack([sin, cos, shift[:, 1]], 1)], 1)
    grid = F.affine_grid(theta, list(images.shape), align_corners=False)
    return F.grid_sample(images, grid, mode="bilinear", padding_mode="zeros", align_corners=False)


def predict_logits(network, images, batch_size=1000):
    network.eval()
    outputs = []
    with torch.no_grad():
        for start in range(0, len(images), batch_size):
            outputs.append(network(images[start:start + batch_size]).squeeze(1))
    return torch.cat(outputs)


def choose_fixture_indices(labels, validation, probabilities, rng):
    """Pick 64 parity digits (16 zeros, 48 others, the 4 least certain included) and 300 sample digits."""
    order = np.argsort(np.abs(probabilities - 0.5))
    least_certain = list(validation[order[:4]])
    parity = list(least_certain)
    remaining = np.setdiff1d(validation, parity)
    zeros = rng.choice(remaining[labels[remaining] == 0], size=16 - sum(labels[i] == 0 for i in parity), replace=False)
    parity += list(zeros)
    remaining = np.setdiff1d(remaining, zeros)
    others = rng.choice(remaining[labels[remaining] != 0], size=64 - len(parity), replace=False)
    parity += list(others)
    remaining = np.setdiff1d(remaining, others)

    sample = []
    for digit in range(10):
        sample += list(rng.choice(remaining[labels[remaining] == digit], size=30, replace=False))
    rng.shuffle(sample)
    return [int(i) for i in parity], [int(i) for i in sample]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=common.DEFAULT_DATA_DIR,
                        help="directory that contains mnist/ (default: ../shared/data next to the repository root)")
    parser.add_argument("--epochs", type=int, default=8, help="training epochs (default: 8)")
    arguments = parser.parse_args()

    started = time.time()
    common.set_up_torch(SEED)
    images, labels, data_files = common.load_mnist(arguments.data)
    train, validation = common.split_mnist(labels)

    pixels = torch.from_numpy(images.astype(np.float32)).unsqueeze(1) / 255.0
    targets = torch.from_numpy((labels == 0).astype(np.float32))
    train_pixels, train_targets = pixels[train], targets[train]
    validation_pixels = pixels[validation]
    validation_zero = labels[validation] == 0

    # Zeros are about 1 in 10. pos_weight gives the zeros the same total weight as the other digits during
    # training. Weighting moves a calibrated logit up by ln(pos_weight), so after training the script also
    # tries subtracting that again (a prior correction) and keeps whichever logit shift has the lower
    # validation log loss.
    positive_count = float(train_targets.sum())
    pos_weight = (len(train_targets) - positive_count) / positive_count
    shift_candidates = {"none": 0.0, "priorCorrection": -math.log(pos_weight)}

    hyperparameters = {
        "optimizer": "AdamW",
        "learningRate": 3e-3,
        "weightDecay": 1e-4,
        "schedule": "one-cycle (cosine), 20 % warm-up",
        "batchSize": 128,
        "epochs": arguments.epochs,
        "loss": "BCEWithLogitsLoss with pos_weight = negatives / positives in the train split",
        "posWeight": pos_weight,
        "augmentation": {"maxRotationDegrees": 12, "maxShiftPixels": 2, "scaleRange": 0.1,
                         "interpolation": "bilinear, zero padding, applied to every training image"},
        "dropout": 0.3,
    }

    network = ZeroNet()
    optimizer = torch.optim.AdamW(network.parameters(), lr=hyperparameters["learningRate"],
                                  weight_decay=hyperparameters["weightDecay"])
    batch_size = hyperparameters["batchSize"]
    steps_per_epoch = math.ceil(len(train) / batch_size)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=hyperparameters["learningRate"],
                                                    total_steps=arguments.epochs * steps_per_epoch, pct_start=0.2)
    loss_function = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight))
    generator = torch.Generator().manual_seed(SEED)

    for epoch in range(arguments.epochs):
        network.train()
        permutation = torch.randperm(len(train), generator=generator)
        for start in range(0, len(train), batch_size):
            batch = permutation[start:start + batch_size]
            inputs = augment(train_pixels[batch], generator, 12, 2, 0.1)
            optimizer.zero_grad()
            loss = loss_function(network(inputs).squeeze(1), train_targets[batch])
            loss.backward()
            optimizer.step()
            scheduler.step()
        logits = predict_logits(network, validation_pixels)
        metrics = common.binary_metrics(validation_zero, torch.sigmoid(logits).numpy(), 0.5)
        print(f"epoch {epoch + 1}/{arguments.epochs}: validation accuracy {metrics['accuracy']:.5f} "
              f"AUC {metrics['rocAuc']:.6f} log loss {metrics['logLoss']:.5f} "
              f"errors fp {metrics['confusionMatrix']['fp']} fn {metrics['confusionMatrix']['fn']} "
              f"({time.time() - started:.0f} s)", flush=True)

    training_seconds = time.time() - started
    shift_metrics = {name: common.binary_metrics(validation_zero, torch.sigmoid(logits + shift).numpy(), 0.5)
                     for name, shift in shift_candidates.items()}
    chosen_shift = min(shift_candidates, key=lambda name: shift_metrics[name]["logLoss"])
    logit_shift = shift_candidates[chosen_shift]
    print(f"logit shift: {chosen_shift} ({logit_shift:.4f}); validation log loss "
          + ", ".join(f"{name} {m['logLoss']:.5f}" for name, m in shift_metrics.items()))

    model = ProbabilityModel(network, logit_shift).eval()
    with torch.no_grad():
        probabilities = torch.cat([model(validation_pixels[s:s + 1000]) for s in range(0, len(validation), 1000)])
    probabilities = probabilities.squeeze(1).numpy()
    metrics = common.binary_metrics(validation_zero, probabilities, 0.5)

    model_dir = os.path.join(common.MODELS_DIR, NAME, str(VERSION))
    onnx_path = os.path.join(model_dir, "model.onnx")
    exported = common.export_onnx(
        model, (validation_pixels[:2],), onnx_path, ["image"], ["probability"],
        {"image": {0: "N"}, "probability": {0: "N"}},
        {"name": NAME, "version": VERSION,
         "description": "Probability that a 28x28 MNIST-style digit (light ink on black, pixels in [0, 1]) is a zero."})

    rng = np.random.default_rng(SEED)
    parity_indices, sample_indices = choose_fixture_indices(labels, validation, probabilities, rng)
    parity_inputs = pixels[parity_indices]
    with torch.no_grad():
        parity_probabilities = model(parity_inputs).squeeze(1).numpy()
    onnx_probabilities = onnx_numpy.run(exported, {"image": parity_inputs.numpy()})[0].squeeze(1)
    parity_gap = float(np.max(np.abs(onnx_probabilities - parity_probabilities)))
    print(f"ONNX (numpy evaluator) against PyTorch on the parity digits: max abs difference {parity_gap:.2e}")
    if parity_gap > 1e-5:
        raise SystemExit(f"error: the exported ONNX graph differs from PyTorch by {parity_gap} (limit 1e-5); "
                         "inspect the export before shipping it")

    common.write_json(os.path.join(common.FIXTURES_DIR, "mnist-zero-parity.json"), {
        "model": NAME,
        "version": VERSION,
        "source": "MNIST training split, validation part (train-images-idx3-ubyte.gz)",
        "input": "image[0, 0, row, column] = pixels[row * 28 + column] / 255 in float32",
        "tolerance": 1e-5,
        "samples": [{"index": i, "label": int(labels[i]), "pixels": images[i].reshape(-1).tolist(),
                     "probability": common.float32_json(p)}
                    for i, p in zip(parity_indices, parity_probabilities)],
    }, compact=True)
    common.write_json(os.path.join(common.FIXTURES_DIR, "mnist-sample.json"), {
        "source": "MNIST training split, validation part (train-images-idx3-ubyte.gz), 30 digits of each class",
        "samples": [{"index": i, "label": int(labels[i]), "pixels": images[i].reshape(-1).tolist()}
                    for i in sample_indices],
    }, compact=True)

    card = {
        "name": NAME,
        "version": VERSION,
        "task": "binary image classification: is a 28x28 handwritten digit a zero?",
        "description": "CNN trained on MNIST. Ends in a sigmoid; the output is the probability that the digit is 0.",
        "inputs": [{"name": "image", "dtype": "float32", "shape": [-1, 1, 28, 28]}],
        "outputs": [{"name": "probability", "dtype": "float32", "shape": [-1, 1]}],
        "preprocessing": {
            "layout": "NCHW, one channel, 28 rows by 28 columns, row-major",
            "pixelScale": "value = byte / 255 in float32, so 0 = background and 1 = full ink",
            "polarity": "light ink on a black background, as in MNIST; invert dark-on-light images first",
            "framing": "as in MNIST: the digit is size-normalised to fit a 20x20 box and centred by its centre "
                       "of mass in the 28x28 frame",
        },
        "threshold": 0.5,
        "architecture": {
            "summary": "conv 5x5 (16) + batch norm + ReLU + max pool 2, conv 5x5 (32) + batch norm + ReLU + max "
                       "pool 2, dense 1568 -> 128 + ReLU + dropout 0.3, dense 128 -> 1, + logitShift.value, sigmoid",
            "parameters": int(sum(p.numel() for p in network.parameters())),
            "classImbalance": "pos_weight in BCEWithLogitsLoss, so the zeros carry the same total weight as the "
                              "other digits. After training, two constant logit shifts were compared on "
                              "validation: none, and a prior correction of -ln(pos_weight) that would restore "
                              "MNIST's base rate of about 1 zero in 10 digits. The one with the lower validation "
                              "log loss is built into the exported graph",
            "logitShift": {"chosen": chosen_shift, "value": logit_shift,
                           "candidates": {name: {"value": shift_candidates[name],
                                                 **{k: m[k] for k in ("accuracy", "logLoss", "confusionMatrix",
                                                                      "expectedCalibrationError")}}
                                          for name, m in shift_metrics.items()}},
            "onnxOperators": common.onnx_operator_types(exported),
            "opset": common.ONNX_OPSET,
        },
        "metrics": {
            "split": "validation",
            **metrics,
        },
        "data": {
            "dataset": "MNIST handwritten digits, training split (60,000 images)",
            "files": data_files,
            "labels": "positive = digit 0, negative = digits 1-9",
            "split": common.mnist_split_description(labels, train, validation),
        },
        "training": {
            "command": common.command_line(),
            "seed": SEED,
            "hyperparameters": hyperparameters,
            "wallTimeSeconds": round(training_seconds, 1),
            "device": "CPU",
            "machine": common.machine_description(),
        },
        "onnxSha256": common.sha256_file(onnx_path),
        "onnxBytes": os.path.getsize(onnx_path),
        "licence": common.MNIST_LICENCE,
        "citation": common.MNIST_CITATION,
    }
    common.write_json(os.path.join(model_dir, "card.json"), card, compact=False)
    print(f"validation: accuracy {metrics['accuracy']:.5f}, ROC AUC {metrics['rocAuc']:.6f}, "
          f"log loss {metrics['logLoss']:.5f}, ECE {metrics['expectedCalibrationError']:.5f}; "
          f"wrote {onnx_path} ({os.path.getsize(onnx_path)} bytes) in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
