"""Train imdb-sentiment, a bag-of-n-grams linear model over word ids, and export it to ONNX.

Writes models/imdb-sentiment/1/{model.onnx,vocab.txt,card.json} and the fixtures imdb-sentiment-parity.json and
imdb-sample.json.
"""

import argparse
import collections
import copy
import gzip
import json
import math
import os
import sys
import time

# Idle OpenMP threads sleep instead of spinning. On a machine shared with other work, spinning threads that
# wait for a descheduled peer made PyTorch's training steps about 7 times slower. This must be set before
# PyTorch loads its OpenMP runtime.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import numpy as np
import torch
import torch.nn as nn

import common
import imdb_tokenizer
import onnx_numpy

NAME = "imdb-sentiment"
VERSION = 1
SEED = 1
SPLIT_SEED = 20240601
VALIDATION_PER_LABEL = 1250
MIN_WORD_COUNT = 2

# For adjacent word ids a, b, c (all non-zero) the graph computes, in int64:
#   bigram id  = V + ((a * HASH_MULTIPLIER + b) mod BIGRAM_BUCKETS)
#   trigram id = V + BIGRAM_BUCKETS + (((a * HASH_MULTIPLIER + b) * HASH_MULTIPLIER + c) mod TRIGRAM_BUCKETS)
# where V is the vocabulary size. Word ids stay below MAX_VOCABULARY = 2^17 and the multiplier below 2^20, so
# the largest intermediate value is below 2^57 and never overflows int64.
HASH_MULTIPLIER = 1000003
BIGRAM_BUCKETS = 1 << 21
TRIGRAM_BUCKETS = 1 << 21
MAX_VOCABULARY = 1 << 17

DATA_FILE = "imdb/aclImdb_train.jsonl.gz"
CITATION = ("Andrew L. Maas, Raymond E. Daly, Peter T. Pham, Dan Huang, Andrew Y. Ng, Christopher Potts. "
            "\"Learning Word Vectors for Sentiment Analysis.\" Proceedings of the 49th Annual Meeting of the "
            "Association for Computational Linguistics (ACL 2011), pages 142-150.")
LICENCE = ("Large Movie Review Dataset v1.0 (Maas et al. 2011), released by its authors for research use with "
           "the citation above; see the data set's README")


class BagOfNgrams(nn.Module):
    """One weight per word id and per hashed bigram and trigram bucket, pooled over the review, then a sigmoid.

    The pooled score is the sum of the weights of every n-gram without padding, divided by the square root of
    the number of such n-grams. On validation that beat both the plain mean and a log(1 + count) divisor.
    """

    def __init__(self, vocabulary_size):
        super().__init__()
        if vocabulary_size > MAX_VOCABULARY:
            raise ValueError(f"vocabulary size {vocabulary_size} exceeds {MAX_VOCABULARY}, so the n-gram hash "
                             "could overflow int64")
        self.vocabulary_size = vocabulary_size
        self.weights = nn.Parameter(torch.zeros(vocabulary_size + BIGRAM_BUCKETS + TRIGRAM_BUCKETS))
        self.bias = nn.Parameter(torch.zeros(1))

    def logits(self, tokens):
        unigram_mask = tokens > 0
        bigram_mask = unigram_mask[:, :-1] & unigram_mask[:, 1:]
        trigram_mask = bigram_mask[:, :-1] & unigram_mask[:, 2:]
        pair_hash = tokens[:, :-1] * HASH_MULTIPLIER + tokens[:, 1:]
        bigrams = torch.remainder(pair_hash, BIGRAM_BUCKETS) + self.vocabulary_size
        trigrams = torch.remainder(pair_hash[:, :-1] * HASH_MULTIPLIER + tokens[:, 2:], TRIGRAM_BUCKETS)
        trigrams = trigrams + (self.vocabulary_size + BIGRAM_BUCKETS)
        total = ((self.weights[tokens] * unigram_mask).sum(1)
                 + (self.weights[bigrams] * bigram_mask).sum(1)
                 + (self.weights[trigrams] * trigram_mask).sum(1))
        count = unigram_mask.sum(1) + bigram_mask.sum(1) + trigram_mask.sum(1)
        return total / count.float().clamp(min=1.0).sqrt() + self.bias

    def forward(self, tokens):
        return torch.sigmoid(self.logits(tokens)).unsqueeze(1)


def load_reviews(data_dir):
    path = common.require_file(data_dir, DATA_FILE)
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        reviews = [json.loads(line) for line in stream]
    if {r["label"] for r in reviews} != {"pos", "neg"}:
        sys.exit(f"error: {path} has labels other than pos and neg")
    return reviews


def split_reviews(reviews):
    """Carve 1,250 positive and 1,250 negative reviews for validation, keeping identical texts together.

    The data set contains duplicate texts. Grouping them means no validation review also appears in training.
    """
    groups = collections.defaultdict(list)
    for index, review in enumerate(reviews):
        groups[review["text"]].append(index)
    texts = sorted(groups)
    rng = np.random.default_rng(SPLIT_SEED)
    rng.shuffle(texts)
    validation_counts = {"pos": 0, "neg": 0}
    validation = []
    for text in texts:
        members = groups[text]
        labels = {reviews[i]["label"] for i in members}
        if len(labels) != 1:
            continue
        label = labels.pop()
        if validation_counts[label] + len(members) <= VALIDATION_PER_LABEL:
            validation_counts[label] += len(members)
            validation += members
    validation = sorted(validation)
    validation_set = set(validation)
    train = [i for i in range(len(reviews)) if i not in validation_set]
    return train, validation


def build_vocabulary(token_lists):
    counts = collections.Counter()
    for tokens in token_lists:
        counts.update(tokens)
    ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    words = [w for w, n in ordered if n >= MIN_WORD_COUNT and imdb_tokenizer.is_storable(w)]
    words = words[:MAX_VOCABULARY - 2]
    return [imdb_tokenizer.PAD_TOKEN, imdb_tokenizer.UNKNOWN_TOKEN] + words


def make_batches(indices, ids, batch_size, rng):
    """Yield padded batches; with rng, shuffle and group reviews of similar length to cut padding."""
    indices = np.array(indices)
    if rng is not None:
        rng.shuffle(indices)
        chunk = batch_size * 50
        pieces = []
        for start in range(0, len(indices), chunk):
            part = indices[start:start + chunk]
            pieces.append(part[np.argsort([len(ids[i]) for i in part], kind="stable")])
        indices = np.concatenate(pieces)
    batches = [indices[s:s + batch_size] for s in range(0, len(indices), batch_size)]
    if rng is not None:
        rng.shuffle(batches)
    for batch in batches:
        width = max(len(ids[i]) for i in batch)
        tokens = np.zeros((len(batch), width), dtype=np.int64)
        for row, index in enumerate(batch):
            tokens[row, :len(ids[index])] = ids[index]
        yield batch, torch.from_numpy(tokens)


def predict(model, indices, ids):
    model.eval()
    probabilities = np.zeros(len(indices), dtype=np.float32)
    position = {index: k for k, index in enumerate(indices)}
    with torch.no_grad():
        for batch, tokens in make_batches(indices, ids, 256, None):
            output = model(tokens).squeeze(1).numpy()
            probabilities[[position[i] for i in batch]] = output
    return probabilities


SYNTHETIC_TEXTS = [
    "",
    "!!! ... ??? -- :-) <br /><br />",
    "İSTANBUL ÄRGER Ödipus: ÜBER-GUT! İyi bir film.",
    "I loved it 😀👍 best film ever!!! 🎬",
    "<BR />Great<br/>movie<br>! Loved it.",
    "Don't 'quote' me, it's O'Brien's worst film... 0/10",
    "CAFÉ café Café naïve NAÏVE “smart” quotes — and a dash… plus ½ and ¿qué?",
    "Awful",
]


def choose_fixture_reviews(reviews, validation, token_counts, ids, rng):
    """Pick 56 parity reviews that cover the tokenizer's edge cases, and 200 further sample reviews."""
    order = list(validation)
    rng.shuffle(order)
    long_reviews = [i for i in order if token_counts[i] > imdb_tokenizer.MAX_TOKENS][:6]
    non_ascii = [i for i in order if any(ord(c) > 127 for c in reviews[i]["text"]) and i not in long_reviews][:12]
    chosen = long_reviews + non_ascii
    with_unknown = [i for i in order if imdb_tokenizer.UNKNOWN_ID in ids[i] and i not in chosen][:10]
    chosen += with_unknown
    rest = [i for i in order if i not in chosen]
    chosen += rest[:56 - len(chosen)]

    remaining = [i for i in rest if i not in chosen]
    sample = ([i for i in remaining if reviews[i]["label"] == "pos"][:100]
              + [i for i in remaining if reviews[i]["label"] == "neg"][:100])
    rng.shuffle(sample)
    return chosen, sample


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", default=common.DEFAULT_DATA_DIR,
                        help="directory that contains imdb/ (default: ../shared/data next to the repository root)")
    parser.add_argument("--epochs", type=int, default=4, help="maximum training epochs (default: 4)")
    parser.add_argument("--learning-rate", type=float, default=0.03, help="Adam learning rate (default: 0.03)")
    arguments = parser.parse_args()

    started = time.time()
    common.set_up_torch(SEED)
    reviews = load_reviews(arguments.data)
    train, validation = split_reviews(reviews)
    token_lists = [imdb_tokenizer.tokenize(r["text"]) for r in reviews]
    vocabulary_tokens = build_vocabulary(token_lists[i] for i in train)
    vocabulary = {token: k for k, token in enumerate(vocabulary_tokens)}
    ids = [imdb_tokenizer.encode(tokens, vocabulary) for tokens in token_lists]
    targets = torch.tensor([1.0 if r["label"] == "pos" else 0.0 for r in reviews])
    validation_positive = np.array([reviews[i]["label"] == "pos" for i in validation])
    print(f"{len(train)} training and {len(validation)} validation reviews, vocabulary {len(vocabulary_tokens)} "
          f"({time.time() - started:.0f} s)", flush=True)

    hyperparameters = {
        "optimizer": "Adam",
        "learningRate": arguments.learning_rate,
        "batchSize": 32,
        "maxEpochs": arguments.epochs,
        "epochSelection": "the epoch with the lowest validation log loss",
        "loss": "BCEWithLogitsLoss (the classes are balanced, so no weighting)",
        "minWordCount": MIN_WORD_COUNT,
        "bigramBuckets": BIGRAM_BUCKETS,
        "trigramBuckets": TRIGRAM_BUCKETS,
        "initialisation": "all weights and the bias start at 0",
    }
    model = BagOfNgrams(len(vocabulary_tokens))
    optimizer = torch.optim.Adam(model.parameters(), lr=hyperparameters["learningRate"])
    loss_function = nn.BCEWithLogitsLoss()
    rng = np.random.default_rng(SEED)
    best = None
    history = []
    for epoch in range(arguments.epochs):
        model.train()
        for batch, tokens in make_batches(train, ids, hyperparameters["batchSize"], rng):
            optimizer.zero_grad()
            loss = loss_function(model.logits(tokens), targets[batch])
            loss.backward()
            optimizer.step()
        probabilities = predict(model, validation, ids)
        metrics = common.binary_metrics(validation_positive, probabilities, 0.5)
        history.append({"epoch": epoch + 1, "accuracy": metrics["accuracy"], "logLoss": metrics["logLoss"]})
        print(f"epoch {epoch + 1}/{arguments.epochs}: validation accuracy {metrics['accuracy']:.4f} "
              f"log loss {metrics['logLoss']:.4f} ({time.time() - started:.0f} s)", flush=True)
        if best is None or metrics["logLoss"] < best[1]:
            best = (epoch + 1, metrics["logLoss"], copy.deepcopy(model.state_dict()))
    model.load_state_dict(best[2])
    model.eval()
    training_seconds = time.time() - started

    probabilities = predict(model, validation, ids)
    metrics = common.binary_metrics(validation_positive, probabilities, 0.5)

    model_dir = os.path.join(common.MODELS_DIR, NAME, str(VERSION))
    os.makedirs(model_dir, exist_ok=True)
    vocabulary_path = os.path.join(model_dir, "vocab.txt")
    with open(vocabulary_path, "w", encoding="utf-8", newline="\n") as stream:
        stream.write("\n".join(vocabulary_tokens) + "\n")

    onnx_path = os.path.join(model_dir, "model.onnx")
    example = torch.tensor([[5, 17, 2, 9, 0, 0], [12, 1, 40, 3, 8, 6]])
    exported = common.export_onnx(
        model, (example,), onnx_path, ["tokens"], ["probability"],
        {"tokens": {0: "N", 1: "L"}, "probability": {0: "N"}},
        {"name": NAME, "version": VERSION,
         "description": "Probability that a movie review is positive, from word ids of vocab.txt (0 = padding)."})

    # Latency of one review at a time on one thread, as the service would run a single request.
    torch.set_num_threads(1)
    timed = validation[:500]
    timer = time.perf_counter()
    with torch.no_grad():
        for index in timed:
            model(torch.tensor([ids[index]]))
    latency_ms = (time.perf_counter() - timer) / len(timed) * 1000
    torch.set_num_threads(common.TORCH_THREADS)

    parity_indices, sample_indices = choose_fixture_reviews(
        reviews, validation, [len(t) for t in token_lists], ids, np.random.default_rng(SEED))
    parity = []
    for index in parity_indices:
        parity.append({"id": reviews[index]["id"], "text": reviews[index]["text"], "label": reviews[index]["label"],
                       "tokenCount": len(token_lists[index]), "tokens": ids[index]})
    for text in SYNTHETIC_TEXTS:
        tokens = imdb_tokenizer.tokenize(text)
        parity.append({"synthetic": True, "text": text, "label": None, "tokenCount": len(tokens),
                       "tokens": imdb_tokenizer.encode(tokens, vocabulary)})
    worst_gap = 0.0
    with torch.no_grad():
        for entry in parity:
            tokens = torch.tensor([entry["tokens"]])
            probability = model(tokens).item()
            onnx_probability = onnx_numpy.run(exported, {"tokens": tokens.numpy()})[0].item()
            worst_gap = max(worst_gap, abs(onnx_probability - probability))
            entry["probability"] = common.float32_json(probability)
    print(f"ONNX (numpy evaluator) against PyTorch on the parity reviews: max abs difference {worst_gap:.2e}")
    if worst_gap > 1e-5:
        raise SystemExit(f"error: the exported ONNX graph differs from PyTorch by {worst_gap} (limit 1e-5); "
                         "inspect the export before shipping it")

    common.write_json(os.path.join(common.FIXTURES_DIR, "imdb-sentiment-parity.json"), {
        "model": NAME,
        "version": VERSION,
        "source": "Large Movie Review Dataset v1.0 training split (Maas et al. 2011), validation part; entries "
                  "marked synthetic are short texts written to cover tokenizer edge cases",
        "input": "tokens: int64 [1, len(tokens)]; tokenCount is the token count before truncation",
        "tolerance": 1e-5,
        "samples": parity,
    }, compact=True)
    common.write_json(os.path.join(common.FIXTURES_DIR, "imdb-sample.json"), {
        "source": "Large Movie Review Dataset v1.0 training split (Maas et al. 2011), validation part, "
                  "100 positive and 100 negative reviews",
        "samples": [{"id": reviews[i]["id"], "text": reviews[i]["text"], "label": reviews[i]["label"]}
                    for i in sample_indices],
    }, compact=True)

    truncated = sum(1 for i in validation if len(token_lists[i]) > imdb_tokenizer.MAX_TOKENS)
    card = {
        "name": NAME,
        "version": VERSION,
        "task": "binary text classification: is an English movie review positive?",
        "description": "Linear model over word unigrams and hashed word bigrams and trigrams (an "
                       "NBSVM/fastText-style baseline). Ends in a sigmoid; the output is the probability that "
                       "the review is positive.",
        "inputs": [{"name": "tokens", "dtype": "int64", "shape": [-1, -1]}],
        "outputs": [{"name": "probability", "dtype": "float32", "shape": [-1, 1]}],
        "preprocessing": imdb_tokenizer.preprocessing_description(len(vocabulary_tokens),
                                                                  common.sha256_file(vocabulary_path)),
        "threshold": 0.5,
        "architecture": {
            "summary": "score = (sum of w[id] over every unigram, bigram and trigram id without padding) / "
                       "sqrt(number of those n-grams, at least 1) + bias; probability = sigmoid(score)",
            "bigramId": f"V + ((a * {HASH_MULTIPLIER} + b) mod {BIGRAM_BUCKETS}) for adjacent word ids a, b, "
                        "both non-zero",
            "trigramId": f"V + {BIGRAM_BUCKETS} + (((a * {HASH_MULTIPLIER} + b) * {HASH_MULTIPLIER} + c) mod "
                         f"{TRIGRAM_BUCKETS}) for adjacent word ids a, b, c, all non-zero",
            "ngramIdNote": f"V = vocabulary size = {len(vocabulary_tokens)}; the graph computes these ids itself "
                           "with int64 Mul, Add and Mod, so callers pass word ids only",
            "inputRange": f"every id must be in [0, {len(vocabulary_tokens) - 1}]",
            "weights": len(vocabulary_tokens) + BIGRAM_BUCKETS + TRIGRAM_BUCKETS,
            "cpuLatencyMs": {"value": round(latency_ms, 3),
                             "how": "PyTorch on one CPU thread, one review at a time, mean over 500 validation "
                                    "reviews, on the machine under training.machine"},
            "onnxOperators": common.onnx_operator_types(exported),
            "opset": common.ONNX_OPSET,
        },
        "metrics": {
            "split": "validation",
            **metrics,
            "reviewsTruncated": truncated,
            "epochHistory": history,
            "selectedEpoch": best[0],
        },
        "data": {
            "dataset": "Large Movie Review Dataset v1.0, training split (25,000 reviews)",
            "files": [common.describe_data_file(arguments.data, DATA_FILE)],
            "labels": "positive = label pos (rating 7-10), negative = label neg (rating 1-4)",
            "split": {
                "method": "reviews with identical text form one group; groups are shuffled with "
                          "numpy.random.default_rng(seed) and taken in order while each label has room for "
                          f"the whole group, up to {VALIDATION_PER_LABEL} reviews per label",
                "seed": SPLIT_SEED,
                "trainCount": len(train),
                "validationCount": len(validation),
                "testSplit": "not used: the official test split is kept by the project's evaluators",
            },
            "vocabularySource": "tokens of the train split (validation excluded) seen at least "
                                f"{MIN_WORD_COUNT} times, ordered by count (descending), then by ordinal string",
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
        "licence": LICENCE,
        "citation": CITATION,
    }
    common.write_json(os.path.join(model_dir, "card.json"), card, compact=False)
    print(f"validation: accuracy {metrics['accuracy']:.4f}, ROC AUC {metrics['rocAuc']:.4f}, log loss "
          f"{metrics['logLoss']:.4f}; latency {latency_ms:.2f} ms; wrote {onnx_path} "
          f"({os.path.getsize(onnx_path)} bytes) in {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
