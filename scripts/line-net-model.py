#!/usr/bin/env python3
"""Rewrites PaddleOCR's PP-OCRv4 line recognizer (ONNX) into graphs OpenCV 4.6's DNN module runs.

Usage: line-net-model.py MODEL.onnx KEYS.txt OUTDIR WIDTH...

Writes OUTDIR/rec-<WIDTH>.onnx for each input width (pixels at the model's 48 px height) and
OUTDIR/keys.txt. The published graph has a dynamic batch and width; OpenCV 4.6 cannot import
its shape arithmetic (Shape -> Slice -> Concat -> Reshape), its decomposed layer norms
(ReduceMean/Sub/Pow/Sqrt/Div over the last axis) nor its 3-D matrix products and bias adds. So,
per width:
  1. the input is fixed to 1x3x48xWIDTH and every shape computation is folded into constants;
  2. each layer norm becomes an InstanceNormalization over a [1, T, C, 1] view (scale 1,
     bias 0; the norm's own weight and bias stay as the Mul/Add that follow);
  3. each MatMul by a constant over [1, T, K] becomes Reshape [T, K] -> Gemm (transposed
     weights) -> Reshape, and each Mul/Add/Sub/Div of a [1, T, C] tensor by a constant [C]
     is done on the [T, C] view.
The weights are not changed. Needs Debian's python3-onnx and numpy.
"""
import os
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper


def attr(node, name, default=None):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def static_shapes(model):
    inferred = onnx.shape_inference.infer_shapes(model)
    g = inferred.graph
    shapes = {}
    for v in list(g.value_info) + list(g.input) + list(g.output):
        dims = [d.dim_value if d.HasField("dim_value") else None for d in v.type.tensor_type.shape.dim]
        if dims and None not in dims:
            shapes[v.name] = dims
    return shapes


def fold_once(model):
    """Evaluates every node whose inputs are constants or static shapes; True if any was."""
    g = model.graph
    shapes = static_shapes(model)
    const = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    folded = set()
    changed = True
    while changed:
        changed = False
        for n in g.node:
            if n.output[0] in folded:
                continue
            t, v = n.op_type, None
            if t == "Constant":
                v = numpy_helper.to_array(attr(n, "value"))
            elif t == "Shape" and n.input[0] in shapes:
                v = np.array(shapes[n.input[0]], dtype=np.int64)
            elif all(i in const for i in n.input if i):
                ins = [const[i] for i in n.input]
                if t == "Cast":
                    v = ins[0].astype(onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[attr(n, "to")])
                elif t == "Slice":
                    sl = [slice(None)] * ins[0].ndim
                    for a, s, e in zip(attr(n, "axes"), attr(n, "starts"), attr(n, "ends")):
                        sl[a] = slice(s, e)
                    v = ins[0][tuple(sl)]
                elif t == "Concat":
                    v = np.concatenate(ins, axis=attr(n, "axis"))
                elif t == "Squeeze":
                    v = np.squeeze(ins[0], axis=tuple(attr(n, "axes")))
                elif t == "Unsqueeze":
                    v = ins[0]
                    for a in sorted(attr(n, "axes")):
                        v = np.expand_dims(v, a)
                elif t in ("Mul", "Div", "Add", "Sub"):
                    a, b = ins
                    if t == "Div":
                        v = a // b if a.dtype.kind == "i" else a / b
                    else:
                        v = {"Mul": a * b, "Add": a + b, "Sub": a - b}[t]
                elif t == "Gather":
                    v = np.take(ins[0], ins[1], axis=attr(n, "axis", 0))
                elif t == "Reshape":
                    v = ins[0].reshape(ins[1])
            if v is not None:
                const[n.output[0]] = np.asarray(v)
                folded.add(n.output[0])
                changed = True
    if not folded - {i.name for i in g.initializer}:
        return False
    nodes = [n for n in g.node if n.output[0] not in folded]
    used = {i for n in nodes for i in n.input} | {o.name for o in g.output}
    kept = [i for i in g.initializer if i.name in used]
    have = {i.name for i in kept}
    kept += [numpy_helper.from_array(const[name], name) for name in sorted(used & folded) if name not in have]
    del g.node[:]
    g.node.extend(nodes)
    del g.initializer[:]
    g.initializer.extend(kept)
    del g.value_info[:]
    return True


def replace_layer_norms(model):
    g = model.graph
    shapes = static_shapes(model)
    producer = {o: n for n in g.node for o in n.output}
    inits = {i.name: i for i in g.initializer}
    drop, repl = set(), {}
    for n in g.node:
        if n.op_type != "Div" or n.input[0] not in producer or n.input[1] not in producer:
            continue
        sub, sqrt = producer[n.input[0]], producer[n.input[1]]
        if sub.op_type != "Sub" or sqrt.op_type != "Sqrt":
            continue
        add = producer[sqrt.input[0]]
        var = producer[add.input[0]]
        sq = producer[var.input[0]]
        mean = producer[sub.input[1]]
        x = sub.input[0]
        if (add.op_type, var.op_type, sq.op_type, mean.op_type) != ("Add", "ReduceMean", "Pow", "ReduceMean"):
            continue
        if mean.input[0] != x or sq.input[0] != sub.output[0] or len(shapes.get(x, [])) != 3:
            continue
        b, t, c = shapes[x]
        k = len(repl)
        eps = float(numpy_helper.to_array(inits[add.input[1]]))
        g.initializer.extend([
            numpy_helper.from_array(np.array([b, t, c, 1], np.int64), f"_ln{k}_4d"),
            numpy_helper.from_array(np.ones(t, np.float32), f"_ln{k}_scale"),
            numpy_helper.from_array(np.zeros(t, np.float32), f"_ln{k}_bias"),
            numpy_helper.from_array(np.array([b, t, c], np.int64), f"_ln{k}_3d"),
        ])
        repl[id(n)] = [
            helper.make_node("Reshape", [x, f"_ln{k}_4d"], [f"_ln{k}_a"]),
            helper.make_node("InstanceNormalization", [f"_ln{k}_a", f"_ln{k}_scale", f"_ln{k}_bias"],
                             [f"_ln{k}_n"], epsilon=eps),
            helper.make_node("Reshape", [f"_ln{k}_n", f"_ln{k}_3d"], list(n.output)),
        ]
        drop.update(id(d) for d in (sub, sqrt, add, var, sq, mean))
    nodes = []
    for n in g.node:
        if id(n) in drop:
            continue
        nodes.extend(repl.get(id(n), [n]))
    del g.node[:]
    g.node.extend(nodes)
    del g.value_info[:]
    return len(repl)


def flatten_3d_ops(model):
    g = model.graph
    shapes = static_shapes(model)
    inits = {i.name: numpy_helper.to_array(i) for i in g.initializer}
    nodes, k = [], 0

    def const(name, value):
        g.initializer.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    for n in g.node:
        s = shapes.get(n.input[0], []) if n.input else []
        w = inits.get(n.input[1]) if len(n.input) > 1 else None
        if len(s) != 3 or w is None:
            nodes.append(n)
            continue
        if n.op_type == "MatMul" and w.ndim == 2:
            k += 1
            nodes += [
                helper.make_node("Reshape", [n.input[0], const(f"_mm{k}_2d", [s[0] * s[1], s[2]])], [f"_mm{k}_a"]),
                helper.make_node("Gemm", [f"_mm{k}_a", const(f"_mm{k}_w", np.ascontiguousarray(w.T))],
                                 [f"_mm{k}_y"], transB=1),
                helper.make_node("Reshape", [f"_mm{k}_y", const(f"_mm{k}_3d", [s[0], s[1], w.shape[1]])],
                                 list(n.output)),
            ]
        elif n.op_type in ("Mul", "Add", "Sub", "Div") and w.ndim == 1 and w.size == s[2] > 1:
            k += 1
            nodes += [
                helper.make_node("Reshape", [n.input[0], const(f"_bc{k}_2d", [s[0] * s[1], s[2]])], [f"_bc{k}_a"]),
                helper.make_node(n.op_type, [f"_bc{k}_a", n.input[1]], [f"_bc{k}_y"]),
                helper.make_node("Reshape", [f"_bc{k}_y", const(f"_bc{k}_3d", s)], list(n.output)),
            ]
        else:
            nodes.append(n)
    del g.node[:]
    g.node.extend(nodes)
    del g.value_info[:]
    return k


def rewrite(src, width):
    model = onnx.load(src)
    g = model.graph
    dims = g.input[0].type.tensor_type.shape.dim
    if len(dims) != 4 or dims[1].dim_value != 3 or dims[2].dim_value != 48:
        sys.exit(f"{src}: expected an input of N x 3 x 48 x W, the PP-OCR line recognizer's")
    for i, v in ((0, 1), (3, width)):
        dims[i].ClearField("dim_param")
        dims[i].dim_value = v
    del g.value_info[:]
    for o in g.output:
        for d in o.type.tensor_type.shape.dim:
            d.ClearField("dim_value")
            d.ClearField("dim_param")
    for _ in range(10):
        if not fold_once(model):
            break
    left = [n.op_type for n in g.node if n.op_type == "Shape"]
    if left:
        sys.exit(f"{src}: {len(left)} shape computations could not be folded at width {width}")
    replace_layer_norms(model)
    flatten_3d_ops(model)
    return model


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    src, keys, out = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    for width in map(int, sys.argv[4:]):
        tmp = os.path.join(out, f".rec-{width}.onnx")
        onnx.save(rewrite(src, width), tmp)
        os.replace(tmp, os.path.join(out, f"rec-{width}.onnx"))
    with open(keys, encoding="utf-8") as f:
        text = f.read()
    tmp = os.path.join(out, ".keys.txt")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, os.path.join(out, "keys.txt"))


if __name__ == "__main__":
    main()
