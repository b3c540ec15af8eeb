"""Clustering references for bench/ml/run.py (see reference.py)."""
import time


def _kmeans(data):
    from sklearn.cluster import KMeans
    model = KMeans(10, n_init=1, max_iter=300, tol=1e-4, random_state=0)
    start = time.perf_counter()
    model.fit(data.X)
    seconds = time.perf_counter() - start
    return seconds, float(model.inertia_) / data.X.shape[0], "inertia"


def _kmeans_fixed_init(data):
    # Diagnostic: the same start as bench_ml's kmeans_fixed_init (first 10 rows).
    from sklearn.cluster import KMeans
    model = KMeans(10, init=data.X[:10].copy(), n_init=1, max_iter=300, tol=1e-4)
    start = time.perf_counter()
    model.fit(data.X)
    seconds = time.perf_counter() - start
    return seconds, float(model.inertia_) / data.X.shape[0], "inertia"


TASKS = {"kmeans": {"scikit-learn": _kmeans},
         "kmeans_fixed_init": {"scikit-learn": _kmeans_fixed_init}}
