#!/usr/bin/python3
"""Machine-learning fit-time benchmark: Sextant (bench_ml) against scikit-learn / PyTorch.

Usage: bench/ml/run.py BENCH_ML_EXECUTABLE DATA_DIR [TASK ...]

Generates each dataset once (scikit-learn generators, fixed seeds) as raw float64 files in
DATA_DIR, then for every task runs Sextant's implementation and each reference in its own
process on the same data, and prints a Markdown table: wall time of the timed part, test
score, peak resident memory of the process, and the time ratio Sextant / reference.
The reference processes run with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, so
numpy/scikit-learn use OpenBLAS's tuned kernels for this CPU.
"""
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))

# dataset name -> (generator, test rows, classes)
def _classification(n, d, seed=0):
    from sklearn.datasets import make_classification
    return make_classification(n_samples=n, n_features=d, n_informative=10, n_redundant=4,
                               n_classes=2, random_state=seed)

def _blobs(n, d, k, seed=0):
    from sklearn.datasets import make_blobs
    return make_blobs(n_samples=n, n_features=d, centers=k, random_state=seed)

def _classification7(n, d, seed=0):
    from sklearn.datasets import make_classification
    return make_classification(n_samples=n, n_features=d, n_informative=10, n_redundant=4,
                               n_classes=7, random_state=seed)

def _mostly_one_hot(n, seed=0):
    """n x 200: 16 standard-normal columns, then 38 categorical attributes of 2..8 levels
    one-hot encoded (184 indicator columns); 5 classes, the arg max of a score made of 12
    of the attributes' level effects, 4 of the numeric columns and Gumbel noise."""
    rng = np.random.default_rng(seed)
    classes, numeric = 5, 16
    cards = [2 + i % 7 for i in range(38)]
    num = rng.standard_normal((n, numeric))
    score = num[:, :4] @ rng.standard_normal((4, classes))
    blocks = []
    for a, c in enumerate(cards):
        level = rng.integers(0, c, n)
        if a % 3 == 0:  # 12 informative attributes (0, 3, ..., 33)
            score += rng.standard_normal((c, classes))[level]
        blocks.append(np.eye(c)[level])
    score += rng.gumbel(size=(n, classes))
    return np.hstack([num] + blocks), score.argmax(axis=1)

def _weka(name, one_hot):
    """A Weka example file (Debian's weka package) as numbers: missing cells imputed
    (mean / most frequent), nominal attributes one-hot encoded, the last attribute the
    class (codes 0..K-1)."""
    import pandas as pd
    sys.path.insert(0, HERE)
    import tree_quality
    df, nominal = tree_quality.read_arff(f"/usr/share/doc/weka/examples/{name}.arff")
    y = pd.Categorical(df.pop(df.columns[-1])).codes
    nominal = [c for c in df.columns if c in nominal]
    numeric = [c for c in df.columns if c not in nominal]
    df[numeric] = df[numeric].astype(float)
    df[numeric] = df[numeric].fillna(df[numeric].mean())
    if nominal:
        df[nominal] = df[nominal].fillna(df[nominal].mode().iloc[0])
        df = pd.get_dummies(df, columns=nominal) if one_hot else df
    return df.to_numpy(dtype=np.float64), y

DATASETS = {
    "clf_100k_20": (lambda: _classification(120_000, 20), 20_000, 2),
    "clf7_100k_20": (lambda: _classification7(120_000, 20), 20_000, 7),
    "onehot_100k_200": (lambda: _mostly_one_hot(120_000), 20_000, 5),
    "segment_1500": (lambda: _weka("segment-challenge", False), 0, 7),
    "soybean_683": (lambda: _weka("soybean", True), 0, 19),
    "blobs_500k_8": (lambda: _blobs(500_000, 8, 10), 0, 0),
    "clf_10k_20": (lambda: _classification(12_000, 20, seed=1), 2_000, 2),
    "blobs_20k_50": (lambda: _blobs(20_000, 50, 10), 0, 0),
    "blobs_100k_50": (lambda: _blobs(100_000, 50, 10), 0, 0),
    "blobs_2k_10": (lambda: _blobs(2_000, 10, 5), 0, 0),
    "blobs_5k_10": (lambda: _blobs(5_000, 10, 5), 0, 0),
}

# task -> (dataset, description)
TASKS = {
    "kmeans": ("blobs_500k_8", "k-means, k=10, k-means++, 500k x 8"),
    "logreg": ("clf_100k_20", "logistic regression (L2, C=1), 100k x 20"),
    "forest": ("clf_100k_20", "random forest, 100 trees, depth 12, 100k x 20"),
    "gbt": ("clf_100k_20", "gradient boosting (histogram), 100 iterations, 100k x 20"),
    "mlp": ("clf_100k_20", "MLP 64-64, 10 epochs, batch 256, Adam, 100k x 20"),
    "knn": ("clf_100k_20", "k-NN (k=5), 10k queries against 100k x 20"),
    "cv_logreg": ("clf_100k_20", "5-fold CV of logistic regression, 100k x 20"),
    "tree": ("clf_10k_20", "decision tree, defaults (Sextant: ccp_alpha = auto), 10k x 20"),
    "tree_unpruned": ("clf_10k_20", "decision tree, ccp_alpha = 0, 10k x 20"),
    "gbt7": ("clf7_100k_20", "gradient boosting, 7 classes, 100 iterations, 100k x 20"),
    "gbt_onehot": ("onehot_100k_200",
                   "gradient boosting, 5 classes, 100 iterations, 100k x 200 mostly one-hot"),
    "tree_onehot": ("onehot_100k_200",
                    "decision tree, defaults (Sextant: ccp_alpha = auto), 100k x 200 mostly one-hot"),
    "tree_onehot_unpruned": ("onehot_100k_200",
                             "decision tree, ccp_alpha = 0, 100k x 200 mostly one-hot"),
    "cv_gbt_segment": ("segment_1500",
                       "10-fold CV of gradient boosting (defaults), segment 1,500 x 19, 7 classes"),
    "cv_tree_soybean": ("soybean_683",
                        "10-fold CV of a decision tree (defaults), soybean 683 x 99 one-hot, 19 classes"),
    "tsne": ("blobs_20k_50", "t-SNE (Barnes-Hut, perplexity 30), 20k x 50"),
    "tsne_100k": ("blobs_100k_50", "t-SNE (Barnes-Hut, perplexity 30), 100k x 50"),
    "mds_smacof": ("blobs_2k_10", "MDS, SMACOF (4 runs, 300 iterations), 2k x 10"),
    "mds_classical": ("blobs_5k_10", "MDS, classical (top 2 eigenvectors), 5k x 10"),
}


def ensure_dataset(data_dir, name):
    prefix = os.path.join(data_dir, name)
    if os.path.exists(prefix + ".meta"):
        return prefix
    make, test_rows, classes = DATASETS[name]
    X, y = make()
    X = np.ascontiguousarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    n = X.shape[0] - test_rows
    X[:n].tofile(prefix + ".X")
    y[:n].tofile(prefix + ".y")
    X[n:].tofile(prefix + ".Xtest")
    y[n:].tofile(prefix + ".ytest")
    with open(prefix + ".meta", "w") as f:
        f.write(f"{n} {X.shape[1]} {test_rows} {classes}\n")
    return prefix


def measured(cmd, env=None):
    """Runs cmd through peak_rss.py; returns (its JSON result with "peak_mb", None) or
    (None, the end of its error output)."""
    wrapper = [sys.executable, os.path.join(HERE, "peak_rss.py")] + cmd
    p = subprocess.Popen(wrapper, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = p.communicate()
    if p.returncode != 0:
        return None, err.decode(errors="replace").strip()[-300:]
    return json.loads(out.decode().strip().splitlines()[-1]), None


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    exe, data_dir = sys.argv[1], sys.argv[2]
    wanted = sys.argv[3:] or list(TASKS)
    os.makedirs(data_dir, exist_ok=True)
    ref_env = dict(os.environ)
    ref_env.pop("OPENBLAS_CORETYPE", None)
    ref_env.pop("OPENBLAS_L2_SIZE", None)
    sys.path.insert(0, HERE)
    import reference
    rows = []
    for task in wanted:
        dataset, description = TASKS[task]
        ensure_dataset(data_dir, dataset)
        ours, err = measured([exe, "--task", task, "--dataset", dataset, "--data", data_dir])
        if ours is None:
            print(f"{task}: Sextant failed: {err}", file=sys.stderr)
            continue
        refs = reference.references(task)
        if not refs:  # reported alone (tsne_100k: no reference runs at that size)
            rows.append((description, "-", ours, None))
            print(f"{task}: {ours['seconds']:.3f} s (no reference)", file=sys.stderr, flush=True)
        for ref_name in refs:
            theirs, err = measured([sys.executable, os.path.join(HERE, "reference.py"),
                                    task, ref_name, dataset, data_dir], ref_env)
            if theirs is None:
                print(f"{task}: {ref_name} failed: {err}", file=sys.stderr)
                continue
            rows.append((description, ref_name, ours, theirs))
            print(f"{task} vs {ref_name}: {ours['seconds']:.3f} s vs {theirs['seconds']:.3f} s",
                  file=sys.stderr, flush=True)
    print("| task | reference | Sextant s | reference s | ratio | Sextant score | reference score "
          "| Sextant peak MB | reference peak MB |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for description, ref_name, ours, theirs in rows:
        if theirs is None:
            print(f"| {description} | - | {ours['seconds']:.3f} | | | "
                  f"{ours['score']:.4f} {ours['score_name']} | | {ours['peak_mb']:.0f} | |")
            continue
        ratio = ours["seconds"] / theirs["seconds"] if theirs["seconds"] > 0 else float("nan")
        print(f"| {description} | {ref_name} | {ours['seconds']:.3f} | {theirs['seconds']:.3f} "
              f"| {ratio:.2f} | {ours['score']:.4f} {ours['score_name']} | "
              f"{theirs['score']:.4f} | {ours['peak_mb']:.0f} | {theirs['peak_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
