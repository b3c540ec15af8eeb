"""Decision-tree reference for bench/ml/tasks_tree_pruning.cpp: scikit-learn's
DecisionTreeClassifier() with its defaults (no pruning), same data."""
import time


def tree(d):
    from sklearn.tree import DecisionTreeClassifier
    m = DecisionTreeClassifier(random_state=0)
    t0 = time.perf_counter()
    m.fit(d.X, d.y)
    seconds = time.perf_counter() - t0
    return seconds, float((m.predict(d.Xtest) == d.ytest).mean()), "accuracy"


TASKS = {
    "tree": {"scikit-learn": tree},
    "tree_unpruned": {"scikit-learn": tree},
}
