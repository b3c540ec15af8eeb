"""scikit-learn reference for bench/ml/tasks_cv.cpp (see reference.py)."""
import time


def _cv_logreg_sklearn(d):
    import numpy as np
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    start = time.perf_counter()
    # n_jobs=-1: folds in parallel, the strongest setup on this machine.
    predicted = cross_val_predict(LogisticRegression(), d.X, d.y, cv=StratifiedKFold(5), n_jobs=-1)
    seconds = time.perf_counter() - start
    return seconds, float(np.mean(predicted == d.y)), "accuracy"


TASKS = {"cv_logreg": {"scikit-learn": _cv_logreg_sklearn}}
