"""The RGBA bytes of many cells (an image's) at once: numpy's version of a plain Normalize and a
colormap's lookup, with the same float operations and rounding as ``cmap(norm(values), alpha)``
one value at a time."""

import math

from .colors import _NONE, Colormap, Normalize


def fast(norm, cmap):
    """Whether norm and cmap are the plain ones this module computes."""
    return (type(norm) is Normalize and not norm.clip and norm.scaled() and isinstance(cmap, Colormap)
            and type(cmap).__call__ is Colormap.__call__ and type(cmap)._lookup is Colormap._lookup)


def colors(values, norm, cmap, alpha, cell_alpha):
    """(cells, 4) floats of cmap(norm(values), alpha=alpha), each alpha times cell_alpha's (if any)."""
    import numpy as np

    x = np.array([math.nan if v is None else v for v in values], float)
    lo, hi = float(norm.vmin), float(norm.vmax)
    if lo > hi:
        raise ValueError("minvalue must be less than or equal to maxvalue")
    x = np.where(np.isnan(x), np.nan, 0.0) if hi == lo else (x - lo) / (hi - lo)
    n = cmap.N
    lut = cmap.colors
    extremes = cmap._extremes
    table = [*lut, extremes.get("under") or lut[0], extremes.get("over") or lut[n - 1], extremes.get("bad", _NONE)]
    if alpha is not None:
        table = [c if c == _NONE else c[:3] + (float(alpha),) for c in table]
    table = np.array(table, float)
    with np.errstate(invalid="ignore"):
        scaled = np.floor(x * n)
        index = np.where(x == 1.0, n - 1, scaled)
        index = np.where(x < 0, n, np.where(index >= n, n + 1, index))
        index = np.where(np.isnan(x), n + 2, index)
    rgba = table[index.astype(int)]
    if cell_alpha is not None:
        rgba[:, 3] *= np.array(cell_alpha, float)
    return rgba


def to_bytes(rgba):
    """The bytes of (cells, 4) floats: each rounded (half to even, as round()) and clamped."""
    import numpy as np

    return np.clip(np.rint(rgba * 255), 0, 255).astype(np.uint8).tobytes()
