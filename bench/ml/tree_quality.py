#!/usr/bin/python3
"""Decision-tree quality benchmark: 10-fold cross-validated accuracy of Sextant's decision
tree with its defaults (ccp_alpha = auto) and unpruned (ccp_alpha = 0), scikit-learn's
DecisionTreeClassifier() and Weka's J48 (C4.5 with its default pruning), on Weka's example
ARFF files.

Usage: bench/ml/tree_quality.py SEXTANT_EXECUTABLE [ARFF_DIR] [--set PARAM=VALUE ...]
       bench/ml/tree_quality.py SEXTANT_EXECUTABLE [ARFF_DIR] --family naive_bayes
       bench/ml/tree_quality.py SEXTANT_EXECUTABLE [ARFF_DIR] --family mlp [--repeats K]

--family naive_bayes compares Sextant's Naive Bayes instead, trained on the raw table (no
Impute or One-Hot step: nominal attributes counted, missing values left out) with its
defaults and with nominal = gaussian (Gaussian naive Bayes on the imputed one-hot table),
against scikit-learn's GaussianNB() on the imputed one-hot table (scikit-learn has no
naive Bayes for mixed data) and Weka's NaiveBayes.

--family mlp compares Sextant's neural network (MLP) with its defaults, and with early
stopping off, against scikit-learn's MLPClassifier() defaults and Weka's
MultilayerPerceptron (left out, "-", on files where it takes more than --weka-timeout
seconds, 600 by default). Sextant and scikit-learn both see the imputed, one-hot encoded
and standardised table, all three steps learnt on each fold's training rows. The bundled example tables
(resources/examples/*.csv, target = last column) are added to the files. With
--repeats K (mlp only) Sextant and scikit-learn run K times per file, run i with learner
seed i and fold seed 1 + i, and the table gives the mean accuracy (its standard deviation
over the runs after "±", and the mean difference default - scikit-learn); one run's
figures on these small tables swing by 1-5 points with the seeds alone. Weka runs once.

ARFF_DIR defaults to /usr/share/doc/weka/examples (Debian's weka package; .arff.gz files
are decompressed into a temporary folder). Files with a numeric class (regression) or
string attributes are skipped. Every tool uses its own stratified 10-fold split (Sextant
seed 1, scikit-learn StratifiedKFold(shuffle, random_state=1), Weka -s 1), so the figures
differ by fold noise as well as by learner. Sextant and scikit-learn see the same table:
missing cells imputed (mean / most frequent, learnt in each fold), nominal attributes
one-hot encoded; J48 reads the ARFF file as is. Extra --set PARAM=VALUE options are passed
to Sextant's decision tree node for an extra column (e.g. --set criterion=entropy); with
--family mlp they change both Sextant columns instead (e.g. --set epochs=50).
Prints one Markdown table.
"""
import glob
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

WEKA_JAR = "/usr/share/java/weka.jar"
# Node parameters that are text even when they look like numbers (--set values of other
# parameters are read as JSON numbers / booleans when they parse).
TEXT_PARAMETERS = {"ccp_alpha", "hidden_layers"}

FLOW = {
    "format": "sextant-workflow",
    "version": 1,
    "nodes": [
        {"id": 1, "type": "data.file", "position": [0, 0], "parameters": {"path": "data.arff"}},
        {"id": 2, "type": "data.select", "position": [200, 0], "parameters": {"target": ""}},
        {"id": 3, "type": "prep.impute", "position": [400, 0]},
        {"id": 4, "type": "prep.one_hot", "position": [600, 0]},
        {"id": 5, "type": "model.decision_tree", "position": [800, 0], "parameters": {}},
        {"id": 6, "type": "eval.cross_validation", "position": [1000, 0],
         "parameters": {"folds": 10, "stratified": True, "seed": 1}},
        {"id": 7, "type": "view.metrics", "position": [1200, 0]},
    ],
    "connections": [
        {"from": 1, "output": "data", "to": 2, "input": "data"},
        {"from": 2, "output": "data", "to": 3, "input": "data"},
        {"from": 3, "output": "data", "to": 4, "input": "data"},
        {"from": 4, "output": "data", "to": 5, "input": "data"},
        {"from": 5, "output": "model", "to": 6, "input": "model"},
        {"from": 4, "output": "data", "to": 6, "input": "data"},
        {"from": 6, "output": "metrics", "to": 7, "input": "metrics"},
    ],
}


def arff_header(path):
    """(relation attributes as (name, type) list) from an ARFF header."""
    attrs = []
    with open(path, errors="replace") as f:
        for line in f:
            s = line.strip()
            if s.lower().startswith("@data"):
                break
            m = re.match(r"@attribute\s+('([^']*)'|\"([^\"]*)\"|(\S+))\s+(.*)$", s, re.I)
            if m:
                name = m.group(2) or m.group(3) or m.group(4)
                attrs.append((name, m.group(5).strip()))
    return attrs


def read_arff(path):
    """The data of a (dense) ARFF file as a pandas DataFrame of strings and NaN, and the
    set of nominal attribute names."""
    import csv
    import numpy as np
    import pandas as pd
    attrs = arff_header(path)
    with open(path, errors="replace") as f:
        text = f.read()
    body = re.split(r"^\s*@data\s*$", text, maxsplit=1, flags=re.I | re.M)[1]
    lines = [l for l in body.splitlines() if l.strip() and not l.strip().startswith("%")]
    records = []
    for cells in csv.reader(lines, quotechar="'", skipinitialspace=True):
        records.append([np.nan if c.strip() == "?" else c.strip() for c in cells])
    df = pd.DataFrame(records, columns=[a[0] for a in attrs])
    return df, {a[0] for a in attrs if a[1].startswith("{")}


def sextant_accuracy(exe, work, target, params, node="model.decision_tree", raw=False,
                     scale=False, data="data.arff", fold_seed=1):
    flow = json.loads(json.dumps(FLOW))
    flow["nodes"][5]["parameters"]["seed"] = fold_seed
    flow["nodes"][0]["parameters"]["path"] = data
    flow["nodes"][1]["parameters"]["target"] = target
    flow["nodes"][4]["type"] = node
    flow["nodes"][4]["parameters"].update(params)
    if raw:  # the learner on the table as loaded: Select Columns straight into it
        flow["nodes"] = [n for n in flow["nodes"] if n["id"] not in (3, 4)]
        flow["connections"] = [c for c in flow["connections"] if c["from"] not in (2, 3, 4)
                               or (c["from"] == 4 and c["to"] == 6)]
        flow["connections"] = [dict(c, **{"from": 2}) if c["from"] == 4 else c
                               for c in flow["connections"]]
        flow["connections"].append({"from": 2, "output": "data", "to": 5, "input": "data"})
    if scale:  # Standardize after One-Hot Encode, before the learner
        flow["nodes"].append({"id": 8, "type": "prep.standardize", "position": [700, 100]})
        flow["connections"] = [dict(c, **{"from": 8}) if c["from"] == 4 else c
                               for c in flow["connections"]]
        flow["connections"].append({"from": 4, "output": "data", "to": 8, "input": "data"})
        # The CV takes the selected table before Impute, One-Hot and Standardize, so it
        # refits those steps on every fold's training rows as scikit-learn's pipeline does
        # (given the prepared table it would reuse steps fitted on all rows: a one-hot
        # column of a category seen once, scaled on all rows, then reaches a fold's test
        # rows with a value its weights never saw in training).
        flow["connections"] = [dict(c, **{"from": 2}) if c["to"] == 6 and c["input"] == "data"
                               else c for c in flow["connections"]]
    with open(os.path.join(work, "flow.sextant"), "w") as f:
        json.dump(flow, f)
    out = os.path.join(work, "out")
    shutil.rmtree(out, ignore_errors=True)
    p = subprocess.run([exe, "run", os.path.join(work, "flow.sextant"), "--out", out, "--quiet"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError((p.stderr or p.stdout).strip()[-300:])
    with open(os.path.join(out, "7-metrics.json")) as f:
        table = json.load(f)
    for row in table["rows"]:
        if row.get("label") == "mean":
            return float(row["accuracy"])
    raise RuntimeError("no mean row in the metrics")


def read_table(path):
    """A data file as (DataFrame of strings / numbers and NaN, nominal column names)."""
    if path.endswith(".csv"):
        import pandas as pd
        df = pd.read_csv(path)
        return df, {c for c in df.columns if df[c].dtype == object}
    return read_arff(path)


def sklearn_table(path, target):
    """(features, labels, preprocessing) for scikit-learn: the table with numeric columns as
    floats, and a ColumnTransformer that imputes (mean / most frequent) and one-hot encodes
    the nominal columns, learnt in each fold as part of the pipeline."""
    from sklearn.compose import ColumnTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder
    df, nominal = read_table(path)
    y = df.pop(target).astype(str)
    nominal = [c for c in df.columns if c in nominal]
    numeric = [c for c in df.columns if c not in nominal]
    df[numeric] = df[numeric].astype(float)
    pre = ColumnTransformer([
        ("num", SimpleImputer(strategy="mean"), numeric),
        ("nom", make_pipeline(SimpleImputer(strategy="most_frequent"),
                              OneHotEncoder(handle_unknown="ignore", sparse_output=False)), nominal)])
    return df, y, pre


def sklearn_accuracy(path, target, family="tree", seed=0, fold_seed=1):
    import numpy as np
    from sklearn.model_selection import StratifiedKFold, cross_val_score
    from sklearn.pipeline import make_pipeline
    from sklearn.naive_bayes import GaussianNB
    from sklearn.neural_network import MLPClassifier
    from sklearn.preprocessing import StandardScaler
    from sklearn.tree import DecisionTreeClassifier
    import warnings
    from sklearn.exceptions import ConvergenceWarning
    warnings.simplefilter("ignore", ConvergenceWarning)
    df, y, pre = sklearn_table(path, target)
    if family == "naive_bayes":
        model = make_pipeline(pre, GaussianNB())
    elif family == "mlp":
        model = make_pipeline(pre, StandardScaler(), MLPClassifier(random_state=seed))
    else:
        model = make_pipeline(pre, DecisionTreeClassifier(random_state=0))
    folds = StratifiedKFold(n_splits=10, shuffle=True, random_state=fold_seed)
    return float(np.mean(cross_val_score(model, df, y, cv=folds, scoring="accuracy")))


def j48_accuracy(path, weka_class="weka.classifiers.trees.J48", timeout=None, options=(),
                 fold_seed=1):
    try:
        p = subprocess.run(["java", "-cp", WEKA_JAR, weka_class, "-t", path,
                            "-x", "10", "-s", str(fold_seed), *options], capture_output=True,
                           text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        return float("nan")
    if p.returncode != 0:
        raise RuntimeError(p.stderr.strip()[-300:])
    part = p.stdout.split("=== Stratified cross-validation ===")[-1]
    m = re.search(r"Correctly Classified Instances\s+\d+\s+([\d.]+)\s*%", part)
    if not m:
        raise RuntimeError("no accuracy in Weka's output")
    return float(m.group(1)) / 100.0


def prepare_file(path, tmp):
    """A benchmark file made ready in `tmp`: (name, plain copy, attributes, target, rows),
    or None with the reason on stderr when it is not a classification file every tool
    reads (numeric class, string attributes). .arff.gz files are decompressed."""
    name = os.path.basename(path)
    plain = os.path.join(tmp, "data.csv" if name.endswith(".csv") else "data.arff")
    if name.endswith(".gz"):
        with gzip.open(path, "rb") as fin, open(plain, "wb") as fout:
            shutil.copyfileobj(fin, fout)
        name = name[:-3]
    else:
        shutil.copyfile(path, plain)
    if plain.endswith(".csv"):
        import pandas as pd
        head = pd.read_csv(plain)
        attrs = [(c, "{}" if head[c].dtype == object else "numeric") for c in head.columns]
    else:
        attrs = arff_header(plain)
    if not attrs or not attrs[-1][1].startswith("{"):
        print(f"{name}: skipped (numeric class)", file=sys.stderr)
        return None
    if any(t.lower().startswith("string") for _, t in attrs):
        print(f"{name}: skipped (string attributes)", file=sys.stderr)
        return None
    rows_count = sum(1 for line in open(plain, errors="replace").read().lower()
                     .split("@data", 1)[-1].splitlines()
                     if line.strip() and not line.strip().startswith("%"))
    if plain.endswith(".csv"):
        rows_count -= 1  # the header line
    return name, plain, attrs, attrs[-1][0], rows_count


def benchmark_files(src, with_examples=False, only=None):
    """The ARFF files of `src` (and, with_examples, the bundled example tables); with
    `only` (file-name prefixes), those whose names start with one of them."""
    files = sorted(glob.glob(os.path.join(src, "*.arff")) + glob.glob(os.path.join(src, "*.arff.gz")))
    if with_examples:
        examples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                                "resources", "examples")
        files += sorted(glob.glob(os.path.join(examples, "*.csv")))
    if only:
        files = [f for f in files if any(os.path.basename(f).startswith(o) for o in only)]
    return files


def take_options(args, name, convert=str):
    """Removes every `name VALUE` pair from args; returns the converted values in order."""
    values = []
    while name in args:
        i = args.index(name)
        if i + 1 >= len(args):
            raise SystemExit(f"{name} needs a value")
        values.append(convert(args[i + 1]))
        del args[i:i + 2]
    return values


def take_option(args, name, default, convert=str):
    """The last `name VALUE` in args (removed), or default."""
    values = take_options(args, name, convert)
    return values[-1] if values else default


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        return 2
    exe = os.path.abspath(args.pop(0))
    family = take_option(args, "--family", "tree")
    repeats = take_option(args, "--repeats", None, int)
    if repeats is not None and (family != "mlp" or repeats < 1):
        print("--repeats K (K >= 1) goes with --family mlp", file=sys.stderr)
        return 2
    repeats = repeats or 1
    weka_timeout = take_option(args, "--weka-timeout", 600.0, float)
    extra = {}
    for setting in take_options(args, "--set"):
        key, value = setting.split("=", 1)
        if key not in TEXT_PARAMETERS:  # numbers and booleans as JSON values
            try:
                value = json.loads(value)
            except ValueError:
                pass
        extra[key] = value
    src = args[0] if args else "/usr/share/doc/weka/examples"
    tmp = tempfile.mkdtemp(prefix="sextant-tree-quality-")
    files = benchmark_files(src, with_examples=family == "mlp")
    columns = ["Sextant default (auto)", "Sextant ccp_alpha=0", "scikit-learn", "Weka J48"]
    if family == "naive_bayes":
        columns = ["Sextant default (raw table)", "Sextant nominal=gaussian",
                   "scikit-learn GaussianNB", "Weka NaiveBayes"]
    if family == "mlp":
        columns = ["Sextant default", "Sextant early_stopping=off", "scikit-learn MLPClassifier",
                   "Weka MultilayerPerceptron"]
    if extra and family == "mlp":  # --set applies to both Sextant columns
        columns[0] = "Sextant " + " ".join(f"{k}={v}" for k, v in extra.items())
    elif extra:
        columns.insert(2, "Sextant " + " ".join(f"{k}={v}" for k, v in extra.items()))
    rows = []
    spread = []  # --repeats: per row, the standard deviation of each repeated column
    try:
        for path in files:
            prepared = prepare_file(path, tmp)
            if prepared is None:
                continue
            name, plain, attrs, target, rows_count = prepared
            scores = []
            row_spread = None
            try:
                if family == "mlp":
                    data = os.path.basename(plain)
                    runs = [[], [], []]
                    for r in range(repeats):
                        seeded = {"seed": r} if repeats > 1 else {}
                        runs[0].append(sextant_accuracy(exe, tmp, target, dict(extra, **seeded),
                                                        "model.mlp", scale=True, data=data,
                                                        fold_seed=1 + r))
                        runs[1].append(sextant_accuracy(exe, tmp, target,
                                                        dict(extra, early_stopping=False,
                                                             **seeded),
                                                        "model.mlp", scale=True, data=data,
                                                        fold_seed=1 + r))
                        runs[2].append(sklearn_accuracy(plain, target, family, seed=r,
                                                        fold_seed=1 + r))
                    scores += [sum(v) / len(v) for v in runs]
                    if repeats > 1:
                        print(f"{name} runs: " + "; ".join(", ".join(f"{x:.4f}" for x in v)
                                                           for v in runs), file=sys.stderr)
                    row_spread = [(sum((x - sum(v) / len(v)) ** 2 for x in v) / len(v)) ** 0.5
                                  for v in runs]
                    scores.append(j48_accuracy(plain, "weka.classifiers.functions.MultilayerPerceptron",
                                               weka_timeout))
                elif family == "naive_bayes":
                    scores.append(sextant_accuracy(exe, tmp, target, {}, "model.naive_bayes", True))
                    scores.append(sextant_accuracy(exe, tmp, target, {"nominal": "gaussian"},
                                                   "model.naive_bayes"))
                    scores.append(sklearn_accuracy(plain, target, family))
                    scores.append(j48_accuracy(plain, "weka.classifiers.bayes.NaiveBayes"))
                else:
                    scores.append(sextant_accuracy(exe, tmp, target, {}))
                    scores.append(sextant_accuracy(exe, tmp, target, {"ccp_alpha": "0"}))
                    if extra:
                        scores.append(sextant_accuracy(exe, tmp, target, extra))
                    scores.append(sklearn_accuracy(plain, target))
                    scores.append(j48_accuracy(plain))
            except Exception as e:  # one failing tool skips the file, with the reason
                print(f"{name}: skipped ({e})", file=sys.stderr)
                continue
            rows.append((name, rows_count, len(attrs) - 1, scores))
            spread.append(row_spread)
            print(f"{name}: " + ", ".join(f"{s:.4f}" for s in scores), file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with_diff = family == "mlp"
    print("| dataset | rows | attributes | " + " | ".join(columns)
          + (" | default − scikit-learn" if with_diff else "") + " |")
    print("|---|---:|---:|" + "---:|" * (len(columns) + with_diff))
    for k, (name, n, d, scores) in enumerate(rows):
        cells = ["-" if s != s else f"{100 * s:.2f}" for s in scores]
        if repeats > 1:
            cells = [c + (f" ± {100 * spread[k][i]:.2f}" if i < 3 else "")
                     for i, c in enumerate(cells)]
        if with_diff:
            cells.append(f"{100 * (scores[0] - scores[2]):+.2f}")
        print(f"| {name} | {n} | {d} | " + " | ".join(cells) + " |")
    if rows:
        means = [sum(r[3][i] for r in rows) / len(rows) for i in range(len(columns))]
        cells = ["-" if m != m else f"**{100 * m:.2f}**" for m in means]
        if with_diff:
            cells.append(f"**{100 * (means[0] - means[2]):+.2f}**")
        print("| **mean** | | | " + " | ".join(cells) + " |")
        worst = min(r[3][0] - max(x for x in r[3][-2:] if x == x) for r in rows)
        print(f"\nLargest shortfall of the default against the better of the two references: "
              f"{100 * worst:.2f} points.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
