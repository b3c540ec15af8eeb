"""Tree-ensemble references for bench/ml/tasks_trees.cpp (same data, same settings)."""
import time


def _accuracy(model, d):
    return float((model.predict(d.Xtest) == d.ytest).mean())


def forest(d):
    from sklearn.ensemble import RandomForestClassifier
    m = RandomForestClassifier(n_estimators=100, max_depth=12, n_jobs=-1, random_state=0)
    t0 = time.perf_counter()
    m.fit(d.X, d.y)
    seconds = time.perf_counter() - t0
    return seconds, _accuracy(m, d), "accuracy"


def gbt(d):
    from sklearn.ensemble import HistGradientBoostingClassifier
    m = HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)
    t0 = time.perf_counter()
    m.fit(d.X, d.y)
    seconds = time.perf_counter() - t0
    return seconds, _accuracy(m, d), "accuracy"


TASKS = {
    "forest": {"scikit-learn": forest},
    "gbt": {"scikit-learn": gbt},
}
