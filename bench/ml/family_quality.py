#!/usr/bin/python3
"""Every classifier family with its defaults against scikit-learn and Weka: 10-fold
cross-validated accuracy of Sextant's logistic regression, SVM, k-NN, random forest,
gradient boosting, decision tree and naive Bayes, each trained on the table as loaded (Select Columns straight into the
learner, `prepare = auto`: the learner's own imputation, one-hot encoding and, where it
needs it, standardization, learnt in each fold), next to scikit-learn's defaults on the
imputed, one-hot encoded (and, for the linear, margin and distance learners, standardized)
table, and Weka's classifier of the same family on the ARFF file as it is.

Usage: bench/ml/family_quality.py SEXTANT_EXECUTABLE [ARFF_DIR] [--family NAME ...]
       [--weka-timeout SECONDS] [--repeats K] [--only FILE ...]

Families (all by default): logistic (LogisticRegression(max_iter=1000), Weka Logistic), svm
(SVC(), Weka SMO), knn (KNeighborsClassifier(), Weka IBk -K 5), forest
(RandomForestClassifier(random_state=0), Weka RandomForest), boosting
(HistGradientBoostingClassifier(random_state=0), Weka LogitBoost), tree
(DecisionTreeClassifier(random_state=0), Weka J48), naive_bayes (GaussianNB() on the
one-hot table: scikit-learn has no naive Bayes for mixed data; Weka NaiveBayes). ARFF_DIR defaults to
/usr/share/doc/weka/examples; the bundled example tables (resources/examples/*.csv, target
= last column) are added. Files with a numeric class or string attributes are skipped, as
in tree_quality.py, whose file handling, Sextant runner and Weka runner this reuses. Each
tool draws its own stratified 10-fold split (Sextant seed 1, scikit-learn
StratifiedKFold(shuffle, random_state=1), Weka -s 1), so the figures differ by fold noise
as well as by learner. With --repeats K every tool runs K times on each file, run i with
fold seed i (Sextant's Cross-Validation seed, StratifiedKFold's random_state, Weka's -s),
and the tables give the mean over the runs: on files of a few dozen rows one split's
figure moves by several points with the seed alone (one row of contact-lenses is 4 points
of a fold), so a shortfall that survives K = 10 is the learner's, not the split's.
--only NAME (repeatable) keeps the files whose name starts with NAME. A Weka run longer
than --weka-timeout seconds (600) is left out ("-"). Prints one Markdown table per family
and a summary.
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
    "tree": ("model.decision_tree", ["weka.classifiers.trees.J48"], False),
    "naive_bayes": ("model.naive_bayes", ["weka.classifiers.bayes.NaiveBayes"], False),
}


def sklearn_model(family):
    from sklearn.ensemble import HistGradientBoostingClassifier, RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.svm import SVC
    from sklearn.tree import DecisionTreeClassifier
    return {
        "logistic": lambda: LogisticRegression(max_iter=1000),
        "svm": lambda: SVC(),
        "knn": lambda: KNeighborsClassifier(),
        "forest": lambda: RandomForestClassifier(random_state=0),
        "boosting": lambda: HistGradientBoostingClassifier(random_state=0),
        "tree": lambda: DecisionTreeClassifier(random_state=0),
        "naive_bayes": lambda: GaussianNB(),
    }[family]()


def sklearn_accuracy(path, target, family, fold_seed=1):
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
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=fold_seed)
    return float(np.mean(cross_val_score(make_pipeline(*steps), df, y, cv=folds,
                                         scoring="accuracy")))


def weka_accuracy(path, weka, timeout, fold_seed=1):
    return tq.j48_accuracy(path, weka[0], timeout, weka[1:], fold_seed)


def mean(values):
    """The mean of the numbers that are not NaN (NaN when there are none)."""
    known = [v for v in values if v == v]
    return sum(known) / len(known) if known else float("nan")


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    exe = os.path.abspath(args.pop(0))
    families = tq.take_options(args, "--family") or list(FAMILIES)
    weka_timeout = tq.take_option(args, "--weka-timeout", 600.0, float)
    repeats = tq.take_option(args, "--repeats", 1, int)
    only = tq.take_options(args, "--only")
    if repeats < 1 or any(f not in FAMILIES for f in families):
        print(__doc__, file=sys.stderr)
        return 2
    src = args[0] if args else "/usr/share/doc/weka/examples"
    files = tq.benchmark_files(src, with_examples=True, only=only)
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
                    runs = [[
                        tq.sextant_accuracy(exe, tmp, target,
                                            {"prepare": "auto", **DEFAULTS.get(family, {})}, node,
                                            raw=True, data=data, fold_seed=seed),
                        sklearn_accuracy(plain, target, family, seed),
                        weka_accuracy(plain, weka, weka_timeout, seed),
                    ] for seed in range(1, repeats + 1)]
                    scores = [mean(run[i] for run in runs) for i in range(3)]
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
        print(f"\n#### {family}" + (f" (mean of {repeats} fold seeds)" if repeats > 1 else "")
              + "\n")
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
