"""numpy workload for `benches/guest.rs`: the sandbox's numpy (wasm32, no
SIMD, no BLAS: numpy's own lapack_lite) against native numpy 2.2.6 (the PyPI
wheel: SIMD loops, OpenBLAS).

Runs unchanged in the sandbox (as a cell) and natively (as a script). Each
part is timed with time.perf_counter() (best of 3 repetitions) and printed:

    part_<name>=<seconds>     one line per part
    checksum=<float>          the same in both (to ~1e-6 relative)
    elapsed_seconds=<float>   the sum of the parts
"""

import time

import numpy as np


def elementwise():
    x = np.linspace(0.0, 10.0, 1_000_000)
    y = np.sin(x) * np.exp(-x / 5) + np.sqrt(x) - x**2 / 7
    return float(y.sum())


def reductions():
    rng = np.random.default_rng(7)
    a = rng.standard_normal((1000, 1000))
    return float(a.mean() + a.std() + np.percentile(a, 90) + a.max(axis=0).sum() + np.median(a))


def sorting():
    rng = np.random.default_rng(8)
    a = rng.integers(0, 1_000_000, 1_000_000)
    s = np.sort(a)
    u = np.unique(a)
    return float(s[::1000].sum() + u.size + np.argsort(a[:100_000], kind="stable")[:10].sum())


def matmul():
    rng = np.random.default_rng(9)
    a = rng.standard_normal((300, 300))
    b = rng.standard_normal((300, 300))
    return float((a @ b).trace())


def linalg():
    rng = np.random.default_rng(10)
    a = rng.standard_normal((200, 200)) + 200 * np.eye(200)
    b = rng.standard_normal(200)
    x = np.linalg.solve(a, b)
    return float(x.sum() + np.linalg.det(a / 200) + np.linalg.inv(a).trace())


def fft():
    x = np.sin(np.arange(2**18) * 0.01)
    return float(np.abs(np.fft.rfft(x)).sum() / 1e6)


def random_draws():
    rng = np.random.default_rng(11)
    return float(rng.normal(size=1_000_000).sum() + rng.uniform(size=1_000_000).sum())


def indexing():
    a = np.arange(1_000_000, dtype=np.float64)
    mask = (a % 3) == 0
    b = a[mask]
    c = a[np.arange(0, 1_000_000, 7)]
    a[mask] = -1.0
    return float(b.sum() + c.sum() + a.sum())


PARTS = [elementwise, reductions, sorting, matmul, linalg, fft, random_draws, indexing]

checksum = 0.0
total = 0.0
for part in PARTS:
    best = None
    for _ in range(3):
        start = time.perf_counter()
        value = part()
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    checksum += value
    total += best
    print(f"part_{part.__name__}={best:.6f}")
print(f"checksum={checksum!r}")
print(f"elapsed_seconds={total:.6f}")
