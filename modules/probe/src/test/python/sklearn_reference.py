"""Reference figures for the linear probe: scikit-learn LogisticRegression (lbfgs, C=1,
multinomial, unscaled inputs) on Fashion-MNIST features, with test accuracy and training
cross-entropy, at max_iter=200 and run to convergence (max_iter=2000, tol=1e-8).

Not part of the build. Needs numpy and scikit-learn (Debian: python3-sklearn). Usage:
    python3 sklearn_reference.py OUT_DIR [raw|pca32|sig256|NAME ...]
writes OUT_DIR/ytr.i32, OUT_DIR/yte.i32 and, for the generated feature sets, OUT_DIR/NAME_tr.f32
and OUT_DIR/NAME_te.f32 (float32 little-endian, row-major), the files ProbeMeasurement reads.
pca32: sklearn PCA(32) codes, unscaled. sig256: sigmoid(x W + b) with fixed random W, b (a
stand-in for 256 sigmoid codes). Any other NAME must already have NAME_tr.f32/NAME_te.f32 there.
"""
import gzip, os, sys, time
import numpy as np
from sklearn.decomposition import PCA
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

DATA = os.environ.get("AEBENCH_DATA", "/usr/share/datasets/fashion-mnist")


def images(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=16).reshape(-1, 784).astype(np.float32) / 255


def labels(name):
    with gzip.open(os.path.join(DATA, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=8).astype(np.int32)


out = sys.argv[1]
os.makedirs(out, exist_ok=True)
xtr, xte = images("train-images-idx3-ubyte.gz"), images("t10k-images-idx3-ubyte.gz")
ytr, yte = labels("train-labels-idx1-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz")
ytr.tofile(os.path.join(out, "ytr.i32"))
yte.tofile(os.path.join(out, "yte.i32"))


def features(name):
    if name == "raw":
        return xtr, xte
    if name == "pca32":
        pca = PCA(32, random_state=0).fit(xtr)
        a, t = pca.transform(xtr), pca.transform(xte)
    elif name == "sig256":
        rng = np.random.default_rng(0)
        w = rng.normal(0, 3 / np.sqrt(784), (784, 256)).astype(np.float32)
        b = rng.normal(0, 1, 256).astype(np.float32)
        a, t = 1 / (1 + np.exp(-(xtr @ w + b))), 1 / (1 + np.exp(-(xte @ w + b)))
    else:
        a = np.fromfile(os.path.join(out, name + "_tr.f32"), np.float32).reshape(len(ytr), -1)
        t = np.fromfile(os.path.join(out, name + "_te.f32"), np.float32).reshape(len(yte), -1)
        return a, t
    a, t = a.astype(np.float32), t.astype(np.float32)
    a.tofile(os.path.join(out, name + "_tr.f32"))
    t.tofile(os.path.join(out, name + "_te.f32"))
    return a, t


for name in sys.argv[2:] or ["raw", "pca32", "sig256"]:
    a, t = features(name)
    for iterations in (200, 2000):
        start = time.time()
        m = LogisticRegression(max_iter=iterations, tol=1e-8 if iterations > 200 else 1e-4).fit(a, ytr)
        print("%s max_iter=%d test=%.4f train=%.4f trainCE=%.5f n_iter=%d %.1fs" % (
            name, iterations, m.score(t, yte), m.score(a, ytr), log_loss(ytr, m.predict_proba(a)), m.n_iter_[0],
            time.time() - start), flush=True)
