"""Train a variational autoencoder with a 2-D latent space on MNIST and export its decoder to ONNX.

Writes models/mnist-vae-decoder/1/{model.onnx,card.json}, the fixture mnist-vae-decoder-parity.json, and two
pictures under training/output/: decoded samples from the prior and the decoded latent grid.
"""

import argparse
import math
import os
import struct
import time
import zlib

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

NAME = "mnist-vae-decoder"
VERSION = 1
SEED = 1
LATENT_SIZE = 2
OUTPUT_DIR = os.path.join(common.REPO_ROOT, "training", "output")

# NOTE: a person wrote this after looking at the pictures of the shipped model. Training is seeded, so a rerun
# on the same software should give the same pictures; after any change, look at them again and update this.
VISUAL_CHECK = ("The 100 prior samples are clear handwritten digits of every class from 0 to 9, with a few "
                "blurry blends of neighbouring classes (4 and 9; 3, 5 and 8). The latent plane shows 0 on the "
                "left, 1 at the top right, 7 at the bottom right, 9 and 4 at the bottom centre, and 2, 3, 5, 6 "
                "and 8 around the centre.")


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Sequential(nn.Linear(784, 512), nn.ReLU(), nn.Linear(512, 256), nn.ReLU())
        self.mean = nn.Linear(256, LATENT_SIZE)
        self.log_variance = nn.Linear(256, LATENT_SIZE)

    def forward(self, pixels):
        hidden = self.hidden(pixels)
        return self.mean(hidden), self.log_variance(hidden)


class Decoder(nn.Module):
    """Maps a latent vector to 784 Bernoulli logits; the exported graph adds the sigmoid."""

    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(LATENT_SIZE, 256), nn.ReLU(), nn.Linear(256, 512), nn.ReLU(),
                                    nn.Linear(512, 784))

    def forward(self, latent):
        return self.layers(latent)


class PixelDecoder(nn.Module):
    def __init__(self, decoder):
        super().__init__()
        self.decoder = decoder

    def forward(self, latent):
        return torch.sigmoid(self.decoder(latent))


def negative_elbo_terms(encoder, decoder, pixels, generator):
    """Return per-image reconstruction loss and KL divergence, in nats, for one sample of z per image."""
    mean, log_variance = encoder(pixels)
    noise = torch.randn(mean.shape, generator=generator)
    latent = mean + torch.exp(0.5 * log_variance) * noise
    logits = decoder(latent)
    reconstruction = F.binary_cross_entropy_with_logits(logits, pixels, reduction="none").sum(1)
    kl = 0.5 * (mean.pow(2) + log_variance.exp() - 1 - log_variance).sum(1)
    return reconstruction, kl


def evaluate(encoder, decoder, pixels, samples, seed):
    """Average reconstruction loss and KL per image, with `samples` draws of z per image."""
    encoder.eval()
    decoder.eval()
    generator = torch.Generator().manual_seed(seed)
    reconstruction_total = 0.0
    kl_total = 0.0
    with torch.no_grad():
        for _ in range(samples):
            for start in range(0, len(pixels), 2000):
                reconstruction, kl = negative_elbo_terms(encoder, decoder, pixels[start:start + 2000], generator)
                reconstruction_total += reconstruction.double().sum().item()
                kl_total += kl.double().sum().item()
    count = len(pixels) * samples
    return reconstruction_total / count, kl_total / count


def write_png(path, image):
    """Write a uint8 greyscale array as a PNG file, using only zlib."""
    height, width = image.shape
    rows = b"".join(b"\x00" + image[row].tobytes() for row in range(height))

    def chunk(kind, payload):
        return (struct.pack(">I", len(payload)) + kind + payload
                + struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))

    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as stream:
        stream.write(b"\x89PNG\r\n\x1a\n")
        stream.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        stream.write(chunk(b"IDAT", zlib.compress(rows, 9)))
        stream.write(chunk(b"IEND", b""))


def tile(images, columns, scale):
    """Arrange [count, 784] images in [0, 1] into one uint8 picture, each digit enlarged `scale` times."""
    rows = math.ceil(len(images) / columns)
    picture = np.zeros((rows * 30, columns * 30), dtype=np.uint8)
    for k, image in enumerate(images):
        r, c = divmod(k, columns)
        picture[r * 30 + 1:r * 30 + 29, c * 30 + 1:c * 30 + 29] = np.round(image.reshape(28, 28) * 255)
    return np.kron(picture, np.ones((scale, scale), dtype=np.uint8))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=common.DEFAULT_DATA_DIR,
                        help="directory that contains mnist/ (default: ../shared/data next to the repository root)")
    parser.add_argument("--epochs", type=int, default=30, help="training epochs (default: 30)")
    arguments = parser.parse_args()

    started = time.time()
    common.set_up_torch(SEED)
    images, labels, data_files = common.load_mnist(arguments.data)
    train, validation = common.split_mnist(labels)
    pixels = torch.from_numpy(images.reshape(-1, 784).astype(np.float32)) / 255.0
    train_pixels = pixels[train]
    validation_pixels = pixels[validation]

    hyperparameters = {
        "optimizer": "Adam",
        "learningRate": 1e-3,
        "schedule": "cosine decay to 0 over all steps",
        "batchSize": 128,
        "epochs": arguments.epochs,
        "loss": "negative ELBO per image: binary cross-entropy summed over the 784 pixels (grey values in "
                "[0, 1] as targets) plus the analytic KL divergence from N(0, I), one z sample per image",
        "latentSize": LATENT_SIZE,
    }
    encoder = Encoder()
    decoder = Decoder()
    parameters = list(encoder.parameters()) + list(decoder.parameters())
    optimizer = torch.optim.Adam(parameters, lr=hyperparameters["learningRate"])
    batch_size = hyperparameters["batchSize"]
    total_steps = arguments.epochs * math.ceil(len(train) / batch_size)
    scheduler = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total_steps)
    generator = torch.Generator().manual_seed(SEED)

    for epoch in range(arguments.epochs):
        encoder.train()
        decoder.train()
        permutation = torch.randperm(len(train), generator=generator)
        for start in range(0, len(train), batch_size):
            batch = train_pixels[permutation[start:start + batch_size]]
            reconstruction, kl = negative_elbo_terms(encoder, decoder, batch, generator)
            loss = (reconstruction + kl).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            scheduler.step()
        if (epoch + 1) % 5 == 0 or epoch + 1 == arguments.epochs:
            reconstruction, kl = evaluate(encoder, decoder, validation_pixels, 1, SEED)
            print(f"epoch {epoch + 1}/{arguments.epochs}: validation ELBO {-(reconstruction + kl):.2f} "
                  f"(reconstruction {reconstruction:.2f}, KL {kl:.2f}) ({time.time() - started:.0f} s)", flush=True)
    training_seconds = time.time() - started

    reconstruction, kl = evaluate(encoder, decoder, validation_pixels, 10, SEED)
    train_reconstruction, train_kl = evaluate(encoder, decoder, train_pixels, 1, SEED)
    with torch.no_grad():
        validation_means = encoder(validation_pixels)[0].numpy()
    centroids = {str(d): [round(float(v), 3) for v in validation_means[labels[validation] == d].mean(0)]
                 for d in range(10)}

    model = PixelDecoder(decoder).eval()
    model_dir = os.path.join(common.MODELS_DIR, NAME, str(VERSION))
    onnx_path = os.path.join(model_dir, "model.onnx")
    exported = common.export_onnx(
        model, (torch.zeros(2, LATENT_SIZE),), onnx_path, ["latent"], ["pixels"],
        {"latent": {0: "N"}, "pixels": {0: "N"}},
        {"name": NAME, "version": VERSION,
         "description": "Decoder of a 2-D latent VAE trained on MNIST: latent [N, 2] to 28x28 pixels [N, 784]."})

    # Pictures for a visual check: 100 draws from the prior, and the latent plane from -3 to 3 on each axis.
    prior_rng = torch.Generator().manual_seed(SEED + 1)
    with torch.no_grad():
        prior_images = model(torch.randn(100, LATENT_SIZE, generator=prior_rng)).numpy()
        axis = torch.linspace(-3, 3, 15)
        plane = torch.stack([torch.stack([x, -y]) for y in axis for x in axis])
        plane_images = model(plane).numpy()
    prior_png = os.path.join(OUTPUT_DIR, "mnist-vae-prior-samples.png")
    plane_png = os.path.join(OUTPUT_DIR, "mnist-vae-latent-plane.png")
    write_png(prior_png, tile(prior_images, 10, 2))
    write_png(plane_png, tile(plane_images, 15, 1))

    # Parity latents: the origin, corners of the usual range, digit centroids and draws from the prior.
    latents = [[0.0, 0.0], [3.0, 3.0], [-3.0, -3.0], [2.5, -1.5], [-0.75, 1.25]]
    latents += [centroids[str(d)] for d in range(10)]
    latents += torch.randn(16 - len(latents), LATENT_SIZE, generator=prior_rng).tolist()
    latents = [[common.float32_json(v) for v in latent] for latent in latents]
    latent_tensor = torch.tensor(latents, dtype=torch.float32)
    with torch.no_grad():
        parity_pixels = model(latent_tensor).numpy()
    onnx_pixels = onnx_numpy.run(exported, {"latent": latent_tensor.numpy()})[0]
    parity_gap = float(np.max(np.abs(onnx_pixels - parity_pixels)))
    print(f"ONNX (numpy evaluator) against PyTorch on the parity latents: max abs difference {parity_gap:.2e}")
    if parity_gap > 1e-5:
        raise SystemExit(f"error: the exported ONNX graph differs from PyTorch by {parity_gap} (limit 1e-5); "
                         "inspect the export before shipping it")
    common.write_json(os.path.join(common.FIXTURES_DIR, "mnist-vae-decoder-parity.json"), {
        "model": NAME,
        "version": VERSION,
        "source": "latent vectors chosen by training/train_mnist_vae.py: fixed points, validation digit "
                  "centroids and seeded draws from N(0, I)",
        "tolerance": 1e-5,
        "samples": [{"latent": latent, "pixels": [common.float32_json(v) for v in row]}
                    for latent, row in zip(latents, parity_pixels)],
    }, compact=True)

    elbo = -(reconstruction + kl)
    card = {
        "name": NAME,
        "version": VERSION,
        "task": "image generation: decode a point of a 2-D latent space into a 28x28 handwritten digit",
        "description": "Decoder half of a variational autoencoder trained on MNIST. Ends in a sigmoid; each "
                       "output is the ink intensity of one pixel.",
        "inputs": [{"name": "latent", "dtype": "float32", "shape": [-1, LATENT_SIZE]}],
        "outputs": [{"name": "pixels", "dtype": "float32", "shape": [-1, 784]}],
        "preprocessing": {
            "latent": "a point of the latent plane; the prior is N(0, I), so about 99 % of the prior's mass lies "
                      "within [-3, 3] on each axis",
            "pixels": "28 rows of 28 columns, row-major; 0 = background (black), 1 = full ink (white), as in "
                      "MNIST; byte = round(pixel * 255)",
            "validationLatentMeans": {
                "description": "encoder posterior means of the validation digits",
                "percentile1": [round(float(v), 3) for v in np.percentile(validation_means, 1, axis=0)],
                "percentile99": [round(float(v), 3) for v in np.percentile(validation_means, 99, axis=0)],
                "digitCentroids": centroids,
            },
        },
        "threshold": None,
        "architecture": {
            "summary": "decoder: dense 2 -> 256 + ReLU, dense 256 -> 512 + ReLU, dense 512 -> 784, sigmoid; "
                       "encoder used in training only: dense 784 -> 512 + ReLU, 512 -> 256 + ReLU, two heads "
                       "256 -> 2 for the mean and log-variance of q(z|x)",
            "decoderParameters": int(sum(p.numel() for p in decoder.parameters())),
            "onnxOperators": common.onnx_operator_types(exported),
            "opset": common.ONNX_OPSET,
        },
        "metrics": {
            "split": "validation",
            "count": int(len(validation)),
            "elbo": elbo,
            "reconstructionLoss": reconstruction,
            "klDivergence": kl,
            "units": "nats per image; ELBO = -(reconstructionLoss + klDivergence), averaged over 10 draws of z "
                     "per image",
            "reconstructionLossNote": "binary cross-entropy against grey values in [0, 1], summed over 784 pixels; "
                                      "because the targets are not binary, its minimum is the targets' own entropy "
                                      "(not 0), so compare it only with figures computed the same way",
            "trainElbo": -(train_reconstruction + train_kl),
            "visualCheck": {
                "priorSamples": os.path.relpath(prior_png, common.REPO_ROOT),
                "latentPlane": os.path.relpath(plane_png, common.REPO_ROOT),
                "observation": VISUAL_CHECK,
            },
        },
        "data": {
            "dataset": "MNIST handwritten digits, training split (60,000 images)",
            "files": data_files,
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
    print(f"validation ELBO {elbo:.2f} nats (reconstruction {reconstruction:.2f}, KL {kl:.2f}); wrote {onnx_path} "
          f"({os.path.getsize(onnx_path)} bytes), {prior_png} and {plane_png} in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
