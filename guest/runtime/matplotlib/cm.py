"""Colormaps by name: ``matplotlib.colormaps["viridis"]``, ``cm.viridis``, ``get_cmap("Blues_r")``.

The colour data (in _cm_data) is loaded on first use.
"""

from . import _rc, colors  # noqa: F401  (matplotlib.cm.colors, as in matplotlib)
from .colors import Colormap, LinearSegmentedColormap, ListedColormap

__all__ = ["ColormapRegistry", "get_cmap", "ScalarMappable"]


class ColormapRegistry:
    """Colormaps by name, each name also with "_r" for the reversed map (matplotlib.colormaps)."""

    def __init__(self):
        self._cmaps = {}
        self._builtin = None

    def _names(self):
        if self._builtin is None:
            from . import _cm_data

            self._builtin = {**_cm_data.CONTINUOUS, **_cm_data.QUALITATIVE}
            self._qualitative = frozenset(_cm_data.QUALITATIVE)
        return self._builtin

    def __getitem__(self, name):
        cmap = self._cmaps.get(name)
        if cmap is None:
            cmap = self._make(name)
            self._cmaps[name] = cmap
        return cmap

    def _make(self, name):
        base = name[:-2] if isinstance(name, str) and name.endswith("_r") else name
        data = self._names().get(base) if isinstance(base, str) else None
        if data is None:
            if base in self._cmaps:
                return self._cmaps[base].reversed()
            raise ValueError(f"{name!r} is not a valid value for cmap; supported values are "
                             f"{', '.join(sorted(self))}")
        colors = ["#" + data[i:i + 6] for i in range(0, len(data), 6)]
        if base in self._qualitative:
            cmap = ListedColormap(colors, base)
        else:
            cmap = LinearSegmentedColormap.from_list(base, colors)
        return cmap if base == name else cmap.reversed()

    def __contains__(self, name):
        return name in self._cmaps or (isinstance(name, str) and name.removesuffix("_r") in self._names())

    def __iter__(self):
        names = set(self._cmaps) | set(self._names())
        return iter(sorted(names | {name + "_r" for name in names if not name.endswith("_r")}))

    def __len__(self):
        return len(list(iter(self)))

    def __call__(self):
        return list(self)

    def register(self, cmap, *, name=None, force=False):
        """Make cmap available under name (default cmap.name)."""
        name = name or cmap.name
        if name in self and not force:
            raise ValueError(f"A colormap named {name!r} is already registered.")
        self._cmaps[name] = cmap

    def get_cmap(self, cmap):
        return get_cmap(cmap)


_colormaps = ColormapRegistry()


def get_cmap(name=None, lut=None):
    """The colormap called name (default rcParams image.cmap), or name itself if it is a Colormap."""
    cmap = name if isinstance(name, Colormap) else _colormaps[_rc.rcParams["image.cmap"] if name is None else name]
    return cmap.resampled(lut) if lut is not None else cmap


class ScalarMappable:
    """Numbers drawn through a colormap and a norm (imshow, pcolormesh, scatter(c=)); made
    directly, a colormap for fig.colorbar(ScalarMappable(norm, cmap), ax=ax)."""

    def __init__(self, norm=None, cmap=None):
        self._init_mappable([], cmap, norm, None, None)

    def _init_mappable(self, values, cmap, norm, vmin, vmax):
        from .colors import Normalize

        if isinstance(norm, str):
            norm = _scale_norm(norm, vmin, vmax)
            vmin = vmax = None
        if norm is not None and (vmin is not None or vmax is not None):
            raise ValueError("Passing a Normalize instance simultaneously with vmin/vmax is not supported.  "
                             "Please pass vmin/vmax directly to the norm when creating it.")
        self.cmap = get_cmap(cmap)
        self.norm = norm if norm is not None else Normalize(vmin, vmax)
        self.norm.autoscale_None([v for v in values if v is not None])
        self.colorbar = None

    def get_cmap(self):
        return self.cmap

    def set_cmap(self, cmap):
        self.cmap = get_cmap(cmap)

    def get_clim(self):
        return self.norm.vmin, self.norm.vmax

    def set_clim(self, vmin=None, vmax=None):
        if vmax is None and isinstance(vmin, (tuple, list)):
            vmin, vmax = vmin
        if vmin is not None:
            self.norm.vmin = float(vmin)
        if vmax is not None:
            self.norm.vmax = float(vmax)

    def set_norm(self, norm):
        self.norm = norm

    def set_array(self, A):
        values = A.tolist() if hasattr(A, "tolist") else list(A)
        self.norm.autoscale_None([v for row in values for v in (row if isinstance(row, list) else [row])])

    def to_rgba(self, x, alpha=None, bytes=False, norm=True):
        return self.cmap(self.norm(x) if norm else x, alpha=alpha, bytes=bytes)


def _scale_norm(name, vmin, vmax):
    """The norm matplotlib makes from a scale name (norm="log"): a Normalize of that scale."""
    from .colors import LogNorm, Normalize

    if name == "linear":
        return Normalize(vmin, vmax)
    if name == "log":
        return LogNorm(vmin, vmax)
    if name == "symlog":  # the scales' defaults
        from .colors import SymLogNorm
        return SymLogNorm(2, 1, vmin, vmax, base=10)
    if name == "asinh":
        from .colors import AsinhNorm
        return AsinhNorm(1, vmin, vmax)
    if name in ("logit", "function", "functionlog"):
        raise NotImplementedError(f"norm={name!r} is not supported in this sandbox; use 'linear', 'log', "
                                  "'symlog' or 'asinh'")
    raise ValueError(f"Invalid norm str name; the following values are supported: 'asinh', 'function', "
                     f"'functionlog', 'linear', 'log', 'logit', 'symlog'")


def __getattr__(name):
    """cm.viridis and the like."""
    if not name.startswith("_") and name in _colormaps:
        return _colormaps[name]
    raise AttributeError(f"module 'matplotlib.cm' has no attribute {name!r}")
