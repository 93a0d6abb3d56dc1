"""Pure-Python CPU workload for `benches/guest.rs`.

Runs unchanged in the sandbox (as a cell) and in the native `python3` (as a
script). It times only the work, with time.perf_counter(), and prints two lines:

    checksum=<int>          identical in both interpreters (same work was done)
    elapsed_seconds=<float> time spent in the work

Everything is deterministic and independent of string hash randomization.
"""

import time


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def calls_and_recursion():
    total = fib(23)
    for i in range(20_000):
        total += max(i % 7, 3) + abs(-i) + len(str(i))
    return total


def dict_and_str_ops():
    words = [f"w{(i * 7919) % 1013}" for i in range(30_000)]
    counts = {}
    for word in words:
        counts[word] = counts.get(word, 0) + 1
    text = " ".join(words[:5_000]).upper().replace("W", "x-")
    pieces = text.split()
    index = {piece: n for n, piece in enumerate(pieces)}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
    return len(index) + sum(c for _, c in top) + text.count("x-1") + len(text)


def list_sorting():
    seed = 12345
    data = []
    for _ in range(12_000):
        seed = (seed * 1103515245 + 12345) % 2**31
        data.append(seed)
    total = 0
    for key in (None, lambda v: v % 1000, lambda v: -v):
        ordered = sorted(data, key=key)
        total += ordered[0] + ordered[len(ordered) // 2] + ordered[-1]
    pairs = [(v % 97, str(v)) for v in data[:6_000]]
    pairs.sort()
    return total + pairs[0][0] + len(pairs[-1][1])


def integer_arithmetic():
    limit = 60_000
    sieve = bytearray([1]) * (limit + 1)
    sieve[0] = sieve[1] = 0
    for p in range(2, int(limit**0.5) + 1):
        if sieve[p]:
            sieve[p * p :: p] = bytes(len(range(p * p, limit + 1, p)))
    primes = [p for p in range(limit + 1) if sieve[p]]
    acc = 0
    for p in primes[:4_000]:
        acc = (acc * 31 + pow(p, 65537, 1_000_000_007)) % (1 << 61)
    for start in range(1, 3_000):
        n, steps = start, 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        acc ^= steps << (start % 32)
    big = 1
    for i in range(1, 1500):
        big *= i
    return acc + len(primes) + big % 1_000_003


class Vector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vector(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, n):
        self.pos = Vector(n, -n)
        self.vel = Vector(n % 3 - 1, n % 5 - 2)

    def step(self):
        self.pos = self.pos + self.vel.scale(2)
        return self.pos.dot(self.vel)


def classes():
    particles = [Particle(n) for n in range(300)]
    total = 0
    for _ in range(60):
        for particle in particles:
            total += particle.step()
    return total


def work():
    parts = (calls_and_recursion, dict_and_str_ops, list_sorting, integer_arithmetic, classes)
    checksum = 0
    for _ in range(2):
        for part in parts:
            checksum = (checksum * 1_000_003 + part()) % (1 << 64)
    return checksum


_started = time.perf_counter()
_checksum = work()
_elapsed = time.perf_counter() - _started
print(f"checksum={_checksum}")
print(f"elapsed_seconds={_elapsed:.6f}")
