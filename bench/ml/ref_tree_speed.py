"""References for bench/ml/tasks_tree_speed.cpp (same data, same settings): scikit-learn's
HistGradientBoostingClassifier, GradientBoostingClassifier and DecisionTreeClassifier, and
XGBoost's histogram trees (Debian's python3-xgboost), each timed on its fit (or on the
whole cross-validation), scored by test (or out-of-fold) accuracy."""
import time


def _accuracy(model, d):
    return float((model.predict(d.Xtest) == d.ytest).mean())


def _hgb():
    from sklearn.ensemble import HistGradientBoostingClassifier
    return HistGradientBoostingClassifier(max_iter=100, early_stopping=False, random_state=0)


def _xgb():
    # The settings of Sextant's and scikit-learn's histogram boosting as far as XGBoost has
    # them: 100 rounds, learning rate 0.1, best-first growth to 31 leaves, 255 bins, no L2
    # penalty on leaf values, both cores. XGBoost has no least row count per leaf (only a
    # least hessian, min_child_weight, left at its default 1).
    import xgboost
    return xgboost.XGBClassifier(n_estimators=100, learning_rate=0.1, tree_method="hist",
                                 grow_policy="lossguide", max_leaves=31, max_depth=0,
                                 max_bin=255, reg_lambda=0.0, n_jobs=2, random_state=0)


def _gbc():
    from sklearn.ensemble import GradientBoostingClassifier
    return GradientBoostingClassifier(random_state=0)


def _tree():
    from sklearn.tree import DecisionTreeClassifier
    return DecisionTreeClassifier(random_state=0)


def _fit(make):
    def run(d):
        m = make()
        t0 = time.perf_counter()
        m.fit(d.X, d.y)
        seconds = time.perf_counter() - t0
        return seconds, _accuracy(m, d), "accuracy"
    return run


def _cv(make, jobs=None):
    """10-fold stratified CV (shuffled, seed 1), out-of-fold accuracy; jobs: folds in
    parallel processes (-1: one per core), None: one after the other."""
    def run(d):
        import numpy as np
        from sklearn.model_selection import StratifiedKFold, cross_val_predict
        t0 = time.perf_counter()
        predicted = cross_val_predict(make(), d.X, d.y, n_jobs=jobs,
                                      cv=StratifiedKFold(10, shuffle=True, random_state=1))
        seconds = time.perf_counter() - t0
        return seconds, float(np.mean(predicted == d.y)), "accuracy"
    return run


TASKS = {
    "gbt7": {"scikit-learn HGB": _fit(_hgb), "xgboost": _fit(_xgb)},
    "gbt_onehot": {"scikit-learn HGB": _fit(_hgb), "xgboost": _fit(_xgb)},
    "tree_onehot": {"scikit-learn": _fit(_tree)},
    "tree_onehot_unpruned": {"scikit-learn": _fit(_tree)},
    "cv_gbt_segment": {
        "scikit-learn HGB": _cv(_hgb),
        "scikit-learn HGB (folds in parallel)": _cv(_hgb, -1),
        "scikit-learn GBC (folds in parallel)": _cv(_gbc, -1),
        "xgboost": _cv(_xgb),
    },
    "cv_tree_soybean": {"scikit-learn": _cv(_tree)},
}
