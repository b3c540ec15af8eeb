#!/usr/bin/python3
"""reference.py TASK REFERENCE DATASET DATA_DIR: runs one task in scikit-learn or PyTorch
on the dataset bench/ml/run.py generated and prints one JSON line like bench_ml does.

Each bench/ml/ref_*.py module defines TASKS = {task: {reference_name: fn}}, where
fn(data) returns (seconds, score, score_name) and data has X, y, Xtest, ytest, classes.
"""
import glob
import importlib
import json
import os
import sys
import types

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def _modules():
    sys.path.insert(0, HERE)
    for path in sorted(glob.glob(os.path.join(HERE, "ref_*.py"))):
        yield importlib.import_module(os.path.splitext(os.path.basename(path))[0])


def _table():
    table = {}
    for module in _modules():
        for task, refs in getattr(module, "TASKS", {}).items():
            table.setdefault(task, {}).update(refs)
    return table


def references(task):
    return list(_table().get(task, {}))


def load(prefix):
    with open(prefix + ".meta") as f:
        rows, cols, test_rows, classes = (int(v) for v in f.read().split())
    d = types.SimpleNamespace(classes=classes)
    d.X = np.fromfile(prefix + ".X", dtype=np.float64).reshape(rows, cols)
    d.y = np.fromfile(prefix + ".y", dtype=np.float64)
    d.Xtest = np.fromfile(prefix + ".Xtest", dtype=np.float64).reshape(test_rows, cols)
    d.ytest = np.fromfile(prefix + ".ytest", dtype=np.float64)
    if classes:
        d.y = d.y.astype(np.int64)
        d.ytest = d.ytest.astype(np.int64)
    return d


def main():
    task, ref, dataset, data_dir = sys.argv[1:5]
    fn = _table()[task][ref]
    seconds, score, score_name = fn(load(os.path.join(data_dir, dataset)))
    print(json.dumps({"task": task, "seconds": seconds, "score": score,
                      "score_name": score_name}))


if __name__ == "__main__":
    main()
