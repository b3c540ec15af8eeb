"""Multidimensional scaling references for bench/ml/run.py (see reference.py).

SMACOF: scikit-learn's MDS(metric=True) with its defaults (4 runs, 300 iterations, eps
1e-3). Classical scaling has no estimator of its own in scikit-learn; its equivalent is
KernelPCA on the precomputed kernel -D^2 / 2, which KernelPCA double-centres itself: with
eigen_solver "dense" (LAPACK's eigh for the top eigenvalues only) and "arpack" (what
"auto" picks for 2 components of 5,000 rows). The timed part includes the distances, as
Sextant's does; the score is the raw stress of the embedding, as Sextant reports it."""
import time
import warnings

import numpy as np


def _stress(D, E):
    from sklearn.metrics import euclidean_distances
    return float(((euclidean_distances(E) - D) ** 2).sum() / 2)


def _smacof(data):
    from sklearn.manifold import MDS
    from sklearn.metrics import euclidean_distances
    warnings.simplefilter("ignore")
    model = MDS(n_components=2, metric=True, n_init=4, max_iter=300, eps=1e-3,
                random_state=0, normalized_stress=False)
    start = time.perf_counter()
    E = model.fit_transform(data.X)
    seconds = time.perf_counter() - start
    return seconds, _stress(euclidean_distances(data.X), E), "stress"


def _classical(solver):
    def run(data):
        from sklearn.decomposition import KernelPCA
        from sklearn.metrics import euclidean_distances
        start = time.perf_counter()
        K = -0.5 * euclidean_distances(data.X, squared=True)
        E = KernelPCA(n_components=2, kernel="precomputed", eigen_solver=solver,
                      random_state=0).fit_transform(K)
        seconds = time.perf_counter() - start
        return seconds, _stress(euclidean_distances(data.X), E), "stress"
    return run


TASKS = {
    "mds_smacof": {"scikit-learn": _smacof},
    "mds_classical": {"scikit-learn KernelPCA dense": _classical("dense"),
                      "scikit-learn KernelPCA arpack": _classical("arpack")},
}
