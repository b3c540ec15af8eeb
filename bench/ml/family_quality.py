#!/usr/bin/python3
"""Every classifier family with its defaults against scikit-learn and Weka: 10-fold
cross-validated accuracy of Sextant's logistic regression, SVM, k-NN, random forest and
gradient boosting, each trained on the table as loaded (Select Columns straight into the
learner, `prepare = auto`: the learner's own imputation, one-hot encoding and, where it
needs it, standardization, learnt in each fold), next to scikit-learn's defaults on the
imputed, one-hot encoded (and, for the linear, margin and distance learners, standardized)
table, and Weka's classifier of the same family on the ARFF file as it is.

Usage: bench/ml/family_quality.py SEXTANT_EXECUTABLE [ARFF_DIR] [--family NAME ...]
       [--weka-timeout SECONDS]

Families (all by default): logistic (LogisticRegression(max_iter=1000), Weka Logistic), svm
(SVC(), Weka SMO), knn (KNeighborsClassifier(), Weka IBk -K 5), forest
(RandomForestClassifier(random_state=0), Weka RandomForest), boosting
(HistGradientBoostingClassifier(random_state=0), Weka LogitBoost). ARFF_DIR defaults to
/usr/share/doc/weka/examples; the bundled example tables (resources/examples/*.csv, target
= last column) are added. Files with a numeric class or string attributes are skipped, as
in tree_quality.py, whose file handling, Sextant runner and Weka runner this reuses. Each
tool draws its own stratified 10-fold split (Sextant seed 1, scikit-learn
StratifiedKFold(shuffle, random_state=1), Weka -s 1), so the figures differ by fold noise
as well as by learner. A Weka run longer than --weka-timeout seconds (600) is left out
("-"). Prints one Markdown table per family and a summary.
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tree_quality as tq  # noqa: E402

# Parameters a workflow file must name to get today's default: a file that does not mention a
# parameter whose default changed keeps the old value (ParameterSpec::valueWhenAbsentFromFile).
DEFAULTS = {"knn": {"k": 0}}  # k = auto: chosen by leave-one-out

FAMILIES = {
    # name: (Sextant node, Weka class and options, scikit-learn scales the table)
    "logistic": ("model.logistic_regression", ["weka.classifiers.functions.Logistic"], True),
    "svm": ("model.svm", ["weka.classifiers.functions.SMO"], True),
    "knn": ("model.knn", ["weka.classifiers.lazy.IBk", "-K", "5"], True),
    "forest": ("model.random_forest", ["weka.classifiers.trees.RandomForest"], False),
    "boosting": ("model.gradient_boosting", ["weka.classifiers.meta.LogitBoost"], False),
}


def sklearn_model(family):
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.svm import SVC
    return {
        "logistic": lambda: LogisticRegression(max_iter=1000),
        "svm": lambda: SVC(),
        "knn": lambda: KNeighborsClassifier(),
        "forest": lambda: RandomForestClassifier(random_state=0),
        "boosting": lambda: HistGradientBoostingClassifier(random_state=0),
    }[family]()


def sklearn_accuracy(path, target, family):
    import warnings

    import numpy as np
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler
    warnings.simplefilter("ignore", ConvergenceWarning)
    warnings.simplefilter("ignore", UserWarning)  # folds smaller than a class
    df, y, pre = tq.sklearn_table(path, target)
    steps = [pre] + ([StandardScaler()] if FAMILIES[family][2] else []) + [sklearn_model(family)]
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=1)
    return float(np.mean(cross_val_score(make_pipeline(*steps), df, y, cv=folds,
                                         scoring="accuracy")))


def weka_accuracy(path, weka, timeout):
    return tq.j48_accuracy(path, weka[0], timeout, weka[1:])


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    exe = os.path.abspath(args.pop(0))
    families = tq.take_options(args, "--family") or list(FAMILIES)
    weka_timeout = tq.take_option(args, "--weka-timeout", 600.0, float)
    src = args[0] if args else "/usr/share/doc/weka/examples"
    files = tq.benchmark_files(src, with_examples=True)
    results = {f: [] for f in families}
    tmp = tempfile.mkdtemp(prefix="sextant-family-quality-")
    try:
        for path in files:
            prepared = tq.prepare_file(path, tmp)
            if prepared is None:
                continue
            name, plain, attrs, target, rows = prepared
            data = os.path.basename(plain)
            for family in families:
                node, weka, _ = FAMILIES[family]
                try:
                    scores = [
                        tq.sextant_accuracy(exe, tmp, target,
                                            {"prepare": "auto", **DEFAULTS.get(family, {})}, node,
                                            raw=True, data=data),
                        sklearn_accuracy(plain, target, family),
                        weka_accuracy(plain, weka, weka_timeout),
                    ]
                except Exception as e:  # one failing tool skips the file, with the reason
                    print(f"{name} {family}: skipped ({e})", file=sys.stderr)
                    continue
                results[family].append((name, rows, len(attrs) - 1, scores))
                print(f"{name} {family}: " + ", ".join(f"{s:.4f}" for s in scores),
                      file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    summary = []
    for family in families:
        rows = results[family]
        print(f"\n#### {family}\n")
        print("| dataset | rows | attributes | Sextant default | scikit-learn | Weka |")
        print("|---|---:|---:|---:|---:|---:|")
        for name, n, d, scores in rows:
            cells = ["-" if s != s else f"{100 * s:.2f}" for s in scores]
            print(f"| {name} | {n} | {d} | " + " | ".join(cells) + " |")
        if not rows:
            continue
        means = [sum(r[3][i] for r in rows if r[3][i] == r[3][i])
                 / max(1, sum(1 for r in rows if r[3][i] == r[3][i])) for i in range(3)]
        print("| **mean** | | | " + " | ".join(f"**{100 * m:.2f}**" for m in means) + " |")
        gaps = [(r[3][0] - max(x for x in r[3][1:] if x == x), r[0]) for r in rows]
        within = sum(1 for g, _ in gaps if g >= -0.02)
        worst = sorted(gaps)[:2]
        summary.append((family, within, len(rows), means, worst))
    print("\n| family | within 2 points of the better reference | Sextant mean | "
          "scikit-learn mean | Weka mean | largest shortfalls |")
    print("|---|---:|---:|---:|---:|---|")
    for family, within, n, means, worst in summary:
        short = ", ".join(f"{100 * g:+.2f} ({name})" for g, name in worst if g < -0.02) or "none"
        print(f"| {family} | {within}/{n} | {100 * means[0]:.2f} | {100 * means[1]:.2f} | "
              f"{100 * means[2]:.2f} | {short} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
