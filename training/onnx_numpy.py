"""A small numpy evaluator for the ONNX operators that the exported models use.

Debian 12 ships onnx 1.12, which has no onnx.reference evaluator, and no onnxruntime package. The training
scripts use this evaluator to check that each exported graph computes what the PyTorch model computes. It
implements only the operators and attributes listed in OPERATORS, following the ONNX operator specification
(opset 13-17), and raises NotImplementedError for anything else.
"""

import numpy as np
import onnx
from onnx import numpy_helper

try:
    from onnx.helper import tensor_dtype_to_np_dtype
except ImportError:
    from onnx.mapping import TENSOR_TYPE_TO_NP_TYPE

    def tensor_dtype_to_np_dtype(tensor_dtype):
        return TENSOR_TYPE_TO_NP_TYPE[tensor_dtype]


def _attributes(node):
    return {attribute.name: onnx.helper.get_attribute_value(attribute) for attribute in node.attribute}


def _windows(padded, kernel, strides):
    """Return a view [N, C, out_h, out_w, k_h, k_w] of all kernel windows of an NCHW array."""
    n, c, h, w = padded.shape
    out_h = (h - kernel[0]) // strides[0] + 1
    out_w = (w - kernel[1]) // strides[1] + 1
    s = padded.strides
    return np.lib.stride_tricks.as_strided(
        padded, shape=(n, c, out_h, out_w, kernel[0], kernel[1]),
        strides=(s[0], s[1], s[2] * strides[0], s[3] * strides[1], s[2], s[3]), writeable=False)


def _conv(inputs, attributes):
    x, weight = inputs[0], inputs[1]
    bias = inputs[2] if len(inputs) > 2 else None
    if attributes.get("group", 1) != 1 or any(d != 1 for d in attributes.get("dilations", [1, 1])):
        raise NotImplementedError("Conv with groups or dilations")
    if attributes.get("auto_pad", b"NOTSET") not in (b"NOTSET", "NOTSET"):
        raise NotImplementedError("Conv with auto_pad")
    pads = attributes.get("pads", [0, 0, 0, 0])
    strides = attributes.get("strides", [1, 1])
    padded = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])))
    windows = _windows(padded, weight.shape[2:], strides)
    result = np.einsum("nchwij,ocij->nohw", windows, weight, optimize=True).astype(x.dtype)
    if bias is not None:
        result += bias.reshape(1, -1, 1, 1)
    return [result]


def _max_pool(inputs, attributes):
    x = inputs[0]
    if attributes.get("ceil_mode", 0) != 0 or any(d != 1 for d in attributes.get("dilations", [1, 1])):
        raise NotImplementedError("MaxPool with ceil_mode or dilations")
    kernel = attributes["kernel_shape"]
    pads = attributes.get("pads", [0, 0, 0, 0])
    strides = attributes.get("strides", [1, 1])
    padded = np.pad(x, ((0, 0), (0, 0), (pads[0], pads[2]), (pads[1], pads[3])), constant_values=-np.inf)
    return [_windows(padded, kernel, strides).max(axis=(4, 5))]


def _gemm(inputs, attributes):
    a = inputs[0].T if attributes.get("transA", 0) else inputs[0]
    b = inputs[1].T if attributes.get("transB", 0) else inputs[1]
    result = attributes.get("alpha", 1.0) * (a @ b)
    if len(inputs) > 2 and inputs[2] is not None:
        result = result + attributes.get("beta", 1.0) * inputs[2]
    return [result.astype(inputs[0].dtype)]


def _slice(inputs, attributes):
    data, starts, ends = inputs[0], inputs[1], inputs[2]
    axes = inputs[3] if len(inputs) > 3 and inputs[3] is not None else range(len(starts))
    steps = inputs[4] if len(inputs) > 4 and inputs[4] is not None else [1] * len(starts)
    index = [slice(None)] * data.ndim
    for start, end, axis, step in zip(starts, ends, axes, steps):
        index[int(axis)] = slice(int(start), int(end), int(step))
    return [data[tuple(index)]]


def _reduce_sum(inputs, attributes):
    axes = inputs[1] if len(inputs) > 1 and inputs[1] is not None else None
    if axes is None or len(axes) == 0:
        if attributes.get("noop_with_empty_axes", 0):
            return [inputs[0]]
        axes = None
    else:
        axes = tuple(int(a) for a in axes)
    keepdims = bool(attributes.get("keepdims", 1))
    return [np.sum(inputs[0], axis=axes, keepdims=keepdims, dtype=inputs[0].dtype)]


def _squeeze(inputs, attributes):
    if len(inputs) > 1 and inputs[1] is not None:
        return [np.squeeze(inputs[0], axis=tuple(int(a) for a in inputs[1]))]
    return [np.squeeze(inputs[0])]


def _unsqueeze(inputs, attributes):
    result = inputs[0]
    rank = result.ndim + len(inputs[1])
    for axis in sorted(int(a) % rank for a in inputs[1]):
        result = np.expand_dims(result, axis)
    return [result]


def _clip(inputs, attributes):
    result = inputs[0]
    if len(inputs) > 1 and inputs[1] is not None:
        result = np.maximum(result, inputs[1])
    if len(inputs) > 2 and inputs[2] is not None:
        result = np.minimum(result, inputs[2])
    return [result.astype(inputs[0].dtype)]


def _divide(inputs, attributes):
    a, b = inputs
    if np.issubdtype(a.dtype, np.integer):
        # ONNX integer division truncates toward zero, while numpy's // rounds toward minus infinity.
        return [(np.sign(a) * np.sign(b) * (np.abs(a) // np.abs(b))).astype(a.dtype)]
    return [(a / b).astype(a.dtype)]


def _modulo(inputs, attributes):
    a, b = inputs
    if attributes.get("fmod", 0):
        return [np.fmod(a, b)]
    if not np.issubdtype(a.dtype, np.integer):
        raise NotImplementedError("Mod with fmod=0 on floating-point inputs")
    return [np.mod(a, b)]


def _sigmoid(inputs, attributes):
    x = inputs[0].astype(np.float64)
    return [(1.0 / (1.0 + np.exp(-x))).astype(inputs[0].dtype)]


def _reshape(inputs, attributes):
    shape = [int(s) for s in inputs[1]]
    if not attributes.get("allowzero", 0):
        shape = [inputs[0].shape[i] if s == 0 else s for i, s in enumerate(shape)]
    return [inputs[0].reshape(shape)]


OPERATORS = {
    "Add": lambda i, a: [i[0] + i[1]],
    "And": lambda i, a: [np.logical_and(i[0], i[1])],
    "Cast": lambda i, a: [i[0].astype(tensor_dtype_to_np_dtype(a["to"]))],
    "Clip": _clip,
    "Concat": lambda i, a: [np.concatenate(i, axis=a["axis"])],
    "Conv": _conv,
    "Div": _divide,
    "Flatten": lambda i, a: [i[0].reshape(int(np.prod(i[0].shape[:a.get("axis", 1)])), -1)],
    "Gather": lambda i, a: [np.take(i[0], i[1], axis=a.get("axis", 0))],
    "Gemm": _gemm,
    "Greater": lambda i, a: [i[0] > i[1]],
    "Identity": lambda i, a: [i[0]],
    "MatMul": lambda i, a: [np.matmul(i[0], i[1])],
    "Max": lambda i, a: [np.maximum.reduce(i)],
    "MaxPool": _max_pool,
    "Mod": _modulo,
    "Mul": lambda i, a: [i[0] * i[1]],
    "ReduceSum": _reduce_sum,
    "Relu": lambda i, a: [np.maximum(i[0], 0).astype(i[0].dtype)],
    "Reshape": _reshape,
    "Shape": lambda i, a: [np.array(i[0].shape, dtype=np.int64)],
    "Sigmoid": _sigmoid,
    "Slice": _slice,
    "Sqrt": lambda i, a: [np.sqrt(i[0])],
    "Squeeze": _squeeze,
    "Sub": lambda i, a: [i[0] - i[1]],
    "Unsqueeze": _unsqueeze,
}


def run(model, feeds):
    """Evaluate a loaded ONNX model on a dict of numpy inputs and return its outputs in graph order."""
    values = {tensor.name: numpy_helper.to_array(tensor) for tensor in model.graph.initializer}
    values.update(feeds)
    for node in model.graph.node:
        attributes = _attributes(node)
        if node.op_type == "Constant":
            outputs = [numpy_helper.to_array(attributes["value"])]
        elif node.op_type in OPERATORS:
            inputs = [values[name] if name else None for name in node.input]
            outputs = OPERATORS[node.op_type](inputs, attributes)
        else:
            raise NotImplementedError(f"ONNX operator {node.op_type} (node {node.name})")
        for name, value in zip(node.output, outputs):
            values[name] = np.asarray(value)
    return [values[output.name] for output in model.graph.output]
