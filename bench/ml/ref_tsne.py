"""Embedding references for bench/ml/run.py (see reference.py)."""
import time


def _tsne(data):
    from sklearn.manifold import TSNE
    model = TSNE(n_components=2, perplexity=30.0, init="pca", learning_rate="auto",
                 random_state=0)
    start = time.perf_counter()
    model.fit(data.X)
    seconds = time.perf_counter() - start
    return seconds, float(model.kl_divergence_), "KL"


# tsne_100k is Sextant alone (scikit-learn takes too long on this machine to run it each
# time); its row in the table has no reference.
TASKS = {"tsne": {"scikit-learn": _tsne}}
