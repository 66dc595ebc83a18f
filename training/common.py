"""Shared helpers for the training scripts: data loading, splits, metrics, ONNX export and model cards."""

import datetime
import gzip
import hashlib
import json
import os
import platform
import struct
import sys

import numpy as np
import onnx
import torch

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_DATA_DIR = os.path.join(REPO_ROOT, "..", "shared", "data")
MODELS_DIR = os.path.join(REPO_ROOT, "models")
FIXTURES_DIR = os.path.join(REPO_ROOT, "tests", "Inference.Tests", "Fixtures")

ONNX_OPSET = 17
TORCH_THREADS = 2
ECE_BINS = 10

MNIST_CITATION = ('Y. LeCun, C. Cortes, C. J. C. Burges, "The MNIST database of handwritten digits", '
                  "http://yann.lecun.com/exdb/mnist/")
MNIST_LICENCE = "CC BY-SA 3.0 (the licence under which MNIST is usually distributed)"

# mnist-zero and mnist-vae-decoder use the same validation split, so no digit that validates one of them was
# used to train the other.
MNIST_SPLIT_SEED = 20240601
MNIST_VALIDATION_FRACTION = 0.1


def set_up_torch(seed):
    """Seed every random generator the scripts use and pin PyTorch to the 2 CPU threads the budget allows."""
    torch.set_num_threads(TORCH_THREADS)
    torch.manual_seed(seed)
    np.random.seed(seed)


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def require_file(data_dir, relative_path):
    """Return the absolute path of a data file, exiting with a clear message when it is missing."""
    path = os.path.join(data_dir, relative_path)
    if not os.path.isfile(path):
        sys.exit(f"error: data file not found: {path} (pass --data DIR to point at the training data)")
    return path


def describe_data_file(data_dir, relative_path):
    return {"path": relative_path, "sha256": sha256_file(os.path.join(data_dir, relative_path))}


def read_idx(path, expected_magic):
    """Read a gzipped IDX file (the MNIST format) into a uint8 array."""
    with gzip.open(path, "rb") as stream:
        raw = stream.read()
    magic = struct.unpack(">i", raw[:4])[0]
    if magic != expected_magic:
        sys.exit(f"error: {path} has IDX magic {magic}, expected {expected_magic}")
    dimension_count = raw[3]
    shape = struct.unpack(">" + "i" * dimension_count, raw[4:4 + 4 * dimension_count])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dimension_count)
    return data.reshape(shape)


def load_mnist(data_dir):
    """Return (images uint8 [60000, 28, 28], labels uint8 [60000], data file descriptions)."""
    image_file = "mnist/train-images-idx3-ubyte.gz"
    label_file = "mnist/train-labels-idx1-ubyte.gz"
    images = read_idx(require_file(data_dir, image_file), 2051)
    labels = read_idx(require_file(data_dir, label_file), 2049)
    if len(images) != len(labels):
        sys.exit(f"error: {len(images)} MNIST images but {len(labels)} labels")
    files = [describe_data_file(data_dir, image_file), describe_data_file(data_dir, label_file)]
    return images, labels, files


def split_mnist(labels):
    """Carve a stratified validation split: 10 % of each digit, chosen with MNIST_SPLIT_SEED.

    Returns (train indices, validation indices), both sorted.
    """
    rng = np.random.default_rng(MNIST_SPLIT_SEED)
    validation = []
    for digit in range(10):
        members = np.flatnonzero(labels == digit)
        count = int(round(len(members) * MNIST_VALIDATION_FRACTION))
        validation.append(rng.choice(members, size=count, replace=False))
    validation = np.sort(np.concatenate(validation))
    train = np.setdiff1d(np.arange(len(labels)), validation)
    return train, validation


def mnist_split_description(labels, train, validation):
    return {
        "method": "stratified by digit: 10 % of each digit's images go to validation, "
                  "chosen with numpy.random.default_rng(seed).choice per digit 0-9 in order",
        "seed": MNIST_SPLIT_SEED,
        "trainCount": int(len(train)),
        "validationCount": int(len(validation)),
        "validationDigitCounts": [int((labels[validation] == d).sum()) for d in range(10)],
        "testSplit": "not used: the official MNIST test split is kept by the project's evaluators",
    }


def roc_auc(labels, scores):
    """ROC AUC as the Mann-Whitney statistic, with tied scores given their average rank."""
    labels = np.asarray(labels).astype(bool)
    scores = np.asarray(scores, dtype=np.float64)
    order = np.argsort(scores, kind="mergesort")
    sorted_scores = scores[order]
    ranks = np.empty(len(scores), dtype=np.float64)
    start = 0
    while start < len(scores):
        end = start
        while end + 1 < len(scores) and sorted_scores[end + 1] == sorted_scores[start]:
            end += 1
        ranks[order[start:end + 1]] = (start + end) / 2.0 + 1.0
        start = end + 1
    positives = labels.sum()
    negatives = len(labels) - positives
    return float((ranks[labels].sum() - positives * (positives + 1) / 2.0) / (positives * negatives))


def binary_metrics(labels, probabilities, threshold):
    """Validation metrics for a binary classifier that outputs the probability of the positive class."""
    labels = np.asarray(labels).astype(bool)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    predicted = probabilities >= threshold
    clipped = np.clip(probabilities, 1e-15, 1 - 1e-15)
    log_loss = -np.mean(np.where(labels, np.log(clipped), np.log(1 - clipped)))

    # Equal-width bins over the predicted probability; each bin's gap between mean probability and
    # observed positive rate is weighted by its share of the examples.
    bin_index = np.minimum((probabilities * ECE_BINS).astype(int), ECE_BINS - 1)
    calibration_error = 0.0
    for b in range(ECE_BINS):
        in_bin = bin_index == b
        if in_bin.any():
            calibration_error += in_bin.mean() * abs(probabilities[in_bin].mean() - labels[in_bin].mean())

    return {
        "threshold": threshold,
        "count": int(len(labels)),
        "accuracy": float((predicted == labels).mean()),
        "rocAuc": roc_auc(labels, probabilities),
        "logLoss": float(log_loss),
        "confusionMatrix": {
            "tp": int((predicted & labels).sum()),
            "fp": int((predicted & ~labels).sum()),
            "tn": int((~predicted & ~labels).sum()),
            "fn": int((~predicted & labels).sum()),
        },
        "expectedCalibrationError": float(calibration_error),
        "expectedCalibrationErrorBins": ECE_BINS,
    }


def float32_json(value):
    """Return a float that JSON writes as the shortest text which parses back to the same float32."""
    return float(str(np.float32(value)))


def write_json(path, content, compact):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        if compact:
            json.dump(content, stream, ensure_ascii=False, separators=(",", ":"))
        else:
            json.dump(content, stream, ensure_ascii=False, indent=2)
        stream.write("\n")


def export_onnx(model, example_inputs, path, input_names, output_names, dynamic_axes, metadata):
    """Export an eval-mode model with embedded weights, then validate the file with onnx.checker.

    Returns the loaded ONNX model.
    """
    os.makedirs(os.path.dirname(path), exist_ok=True)
    model.eval()
    torch.onnx.export(
        model,
        example_inputs,
        path,
        input_names=input_names,
        output_names=output_names,
        dynamic_axes=dynamic_axes,
        opset_version=ONNX_OPSET,
        do_constant_folding=True,
    )
    exported = onnx.load(path)
    for key, value in metadata.items():
        entry = exported.metadata_props.add()
        entry.key = key
        entry.value = str(value)
    exported.doc_string = metadata.get("description", "")
    for tensor in exported.graph.initializer:
        if tensor.data_location == onnx.TensorProto.EXTERNAL:
            sys.exit(f"error: {path} stores initializer {tensor.name} as external data")
    onnx.save(exported, path)
    if os.path.exists(path + ".data"):
        sys.exit(f"error: the export wrote an external data file beside {path}")
    onnx.checker.check_model(path, full_check=True)
    return exported


def onnx_operator_types(model):
    return sorted({node.op_type for node in model.graph.node})


def machine_description():
    cpu = platform.processor() or "unknown CPU"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as stream:
            for line in stream:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "logicalCpus": os.cpu_count(),
        "torchThreads": torch.get_num_threads(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "onnx": onnx.__version__,
        "numpy": np.__version__,
        "finishedUtc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def command_line():
    script = os.path.relpath(os.path.abspath(sys.argv[0]), REPO_ROOT)
    return " ".join(["/usr/bin/python3", script] + sys.argv[1:])
