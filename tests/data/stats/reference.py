"""Reference statistics for tst_statistics, computed by numpy and pandas.

Usage: reference.py DATA.csv BINS [BINS ...]

Reads the CSV (empty cells are missing; numbers are parsed exactly with
float_precision="round_trip") and prints one JSON object:
  describe:  {column: {count, mean, std, min, 25%, 50%, 75%, max, nunique}}   (pandas)
  histogram: {column: {bins: {edges: [...], counts: [...]}}}                 (numpy.histogram
             of the present values)
  corr:      {columns: [...], r: [[...]]}                                     (DataFrame.corr())
  corr_exact: the same matrix computed in 60-digit decimal arithmetic (pairwise complete,
             two-pass, NaN for fewer than two rows or zero variance), to tell the error of
             our result from that of pandas' one-pass (Welford) nancorr
NaN is written as null. Exit status 3 when numpy or pandas cannot be imported.
"""
import decimal
import json
import math
import sys

try:
    import numpy as np
    import pandas as pd
except ImportError as e:  # the C++ test skips on this status
    print("numpy/pandas unavailable: %s" % e, file=sys.stderr)
    sys.exit(3)


def clean(v):
    v = float(v)
    return None if math.isnan(v) else v


def exact_corr(df):
    decimal.getcontext().prec = 60
    cols = [[None if math.isnan(v) else decimal.Decimal(v) for v in df[c].to_numpy()]
            for c in df.columns]
    k = len(cols)
    r = [[None] * k for _ in range(k)]
    for i in range(k):
        for j in range(i + 1):
            pairs = [(a, b) for a, b in zip(cols[i], cols[j]) if a is not None and b is not None]
            n = len(pairs)
            if n < 2:
                continue
            mx = sum(a for a, _ in pairs) / n
            my = sum(b for _, b in pairs) / n
            sxx = sum((a - mx) * (a - mx) for a, _ in pairs)
            syy = sum((b - my) * (b - my) for _, b in pairs)
            sxy = sum((a - mx) * (b - my) for a, b in pairs)
            if sxx == 0 or syy == 0:
                continue
            r[i][j] = r[j][i] = float(sxy / (sxx * syy).sqrt())
    return r


def main():
    path = sys.argv[1]
    bins = [int(b) for b in sys.argv[2:]]
    df = pd.read_csv(path, float_precision="round_trip", keep_default_na=False,
                     na_values=[""], dtype=float)
    out = {"describe": {}, "histogram": {}, "corr": {}}
    desc = df.describe()
    for name in df.columns:
        d = {key: clean(desc[name][key])
             for key in ["count", "mean", "std", "min", "25%", "50%", "75%", "max"]}
        d["nunique"] = int(df[name].nunique())
        out["describe"][name] = d
        present = df[name].dropna().to_numpy()
        out["histogram"][name] = {}
        for b in bins:
            counts, edges = np.histogram(present, bins=b)
            out["histogram"][name][str(b)] = {
                "edges": [clean(e) for e in edges],
                "counts": [int(c) for c in counts],
            }
    corr = df.corr()
    out["corr"] = {
        "columns": list(corr.columns),
        "r": [[clean(v) for v in row] for row in corr.to_numpy()],
    }
    out["corr_exact"] = exact_corr(df)
    json.dump(out, sys.stdout, allow_nan=False)


if __name__ == "__main__":
    main()
