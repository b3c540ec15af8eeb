"""k-NN reference: scikit-learn's KNeighborsClassifier(5) fitted on X, y and predicting the
first 10,000 rows of Xtest; timed part = fit + predict, score = accuracy on those rows."""
import time


def _knn(algorithm):
    def run(d):
        from sklearn.neighbors import KNeighborsClassifier
        q = d.Xtest[:10_000]
        start = time.perf_counter()
        if algorithm is None:
            model = KNeighborsClassifier(5)
        else:
            model = KNeighborsClassifier(5, algorithm=algorithm)
        model.fit(d.X, d.y)
        pred = model.predict(q)
        seconds = time.perf_counter() - start
        return seconds, float((pred == d.ytest[:10_000]).mean()), "accuracy"
    return run


TASKS = {"knn": {"scikit-learn": _knn("brute"), "scikit-learn (auto)": _knn(None)}}
