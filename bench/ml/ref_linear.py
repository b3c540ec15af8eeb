"""scikit-learn references for bench/ml/tasks_linear.cpp (see reference.py)."""
import time


def _logreg_sklearn(d):
    from sklearn.linear_model import LogisticRegression
    model = LogisticRegression()  # L2, C=1, lbfgs, max_iter=100, tol=1e-4
    start = time.perf_counter()
    model.fit(d.X, d.y)
    seconds = time.perf_counter() - start
    return seconds, float(model.score(d.Xtest, d.ytest)), "accuracy"


TASKS = {"logreg": {"scikit-learn": _logreg_sklearn}}
