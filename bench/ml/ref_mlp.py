"""References for the "mlp" task: the same MLP (64-64 ReLU, softmax / cross-entropy, Adam
lr 1e-3, batches of 256, 10 epochs) in PyTorch (CPU, 2 threads) and scikit-learn."""
import time

import numpy as np


def _torch(d):
    import torch
    from torch import nn
    torch.set_num_threads(2)
    torch.manual_seed(0)
    X = torch.from_numpy(d.X.astype(np.float32))
    y = torch.from_numpy(d.y.astype(np.int64))
    Xt = torch.from_numpy(d.Xtest.astype(np.float32))
    classes = max(d.classes, 2)
    t0 = time.perf_counter()
    model = nn.Sequential(nn.Linear(X.shape[1], 64), nn.ReLU(), nn.Linear(64, 64), nn.ReLU(),
                          nn.Linear(64, classes))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    n = X.shape[0]
    gen = torch.Generator().manual_seed(0)
    for _ in range(10):
        perm = torch.randperm(n, generator=gen)
        for start in range(0, n, 256):
            idx = perm[start:start + 256]
            opt.zero_grad()
            loss = loss_fn(model(X[idx]), y[idx])
            loss.backward()
            opt.step()
    seconds = time.perf_counter() - t0
    with torch.no_grad():
        pred = model(Xt).argmax(dim=1).numpy()
    return seconds, float((pred == d.ytest).mean()), "accuracy"


def _sklearn(d):
    import warnings
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    clf = MLPClassifier(hidden_layer_sizes=(64, 64), batch_size=256, max_iter=10,
                        learning_rate_init=1e-3, early_stopping=False, tol=0,
                        n_iter_no_change=1000, random_state=0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        t0 = time.perf_counter()
        clf.fit(d.X, d.y)
        seconds = time.perf_counter() - t0
    return seconds, float((clf.predict(d.Xtest) == d.ytest).mean()), "accuracy"


TASKS = {"mlp": {"pytorch": _torch, "scikit-learn": _sklearn}}
