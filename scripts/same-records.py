#!/usr/bin/env python3
"""Compare the records of two `jixiao extract` outputs of the same document.

usage: same-records.py BEFORE.json AFTER.json [--ignore KEY ...]

Records are the document, the sections and the projects (with their provenance). Keys named
with --ignore (default: `fixes`, the provenance's list of named fixes) are left out wherever they
appear. Prints each difference as a path with both values, then one summary line; warnings and
findings are compared too but only reported (they are messages, not records). Exits 0 when the
records are the same, 1 when they differ, 2 when a file cannot be read.
"""
import json
import sys


def strip(node, ignore):
    if isinstance(node, dict):
        return {k: strip(v, ignore) for k, v in node.items() if k not in ignore}
    if isinstance(node, list):
        return [strip(v, ignore) for v in node]
    return node


def diff(a, b, path, out):
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            diff(a.get(k, "<absent>"), b.get(k, "<absent>"), f"{path}.{k}" if path else k, out)
    elif isinstance(a, list) and isinstance(b, list):
        for i in range(max(len(a), len(b))):
            diff(a[i] if i < len(a) else "<absent>", b[i] if i < len(b) else "<absent>", f"{path}[{i}]", out)
    elif a != b:
        out.append(f"{path}: {json.dumps(a, ensure_ascii=False)} -> {json.dumps(b, ensure_ascii=False)}")


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    ignore = {"fixes"}
    if "--ignore" in argv:
        i = argv.index("--ignore")
        ignore = set(argv[i + 1:])
        args = argv[1:i]
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    try:
        before, after = (json.load(open(p, encoding="utf-8")) for p in args)
    except (OSError, ValueError) as e:
        print(f"same-records: {e}", file=sys.stderr)
        return 2
    records, messages = [], []
    for key in ("document", "sections", "projects"):
        diff(strip(before.get(key), ignore), strip(after.get(key), ignore), key, records)
    for key in ("warnings", "findings"):
        diff(before.get(key), after.get(key), key, messages)
    for line in records:
        print(line)
    for line in messages:
        print("(message) " + line)
    print(f"same-records: {args[1]}: {len(records)} record differences, {len(messages)} message differences")
    return 1 if records else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
