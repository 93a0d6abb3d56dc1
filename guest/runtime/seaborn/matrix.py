"""heatmap (seaborn.matrix), drawn with Axes.pcolormesh, Figure.colorbar and Axes.text as seaborn 0.13.2
draws it: cells at [j, j+1] x [i, i+1] with the first row on top, ticks at the cell centres, annotations
in ".15" or white by the cell colour's luminance."""

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

from . import cm
from .utils import despine

__all__ = ["heatmap", "clustermap"]

_FONT_SCALE = {"xx-small": 0.579, "x-small": 0.694, "small": 0.833, "medium": 1.0, "large": 1.2,
               "x-large": 1.44, "xx-large": 1.728, "larger": 1.2, "smaller": 0.833}
# matplotlib's default subplot box (figure fractions) and colorbar(ax=...) geometry
_SUBPLOT_WIDTH, _SUBPLOT_HEIGHT = 0.9 - 0.125, 0.88 - 0.11
_CBAR_FRACTION, _CBAR_PAD = 0.15, 0.05


def _labels_of(index):
    """Tick labels of an index (MultiIndex levels joined by "-"), or of range(n)."""
    values = index.tolist() if hasattr(index, "tolist") else list(index)
    return ["-".join(map(str, v)) if isinstance(v, tuple) else v for v in values]


def _name_of(index):
    names = getattr(index, "names", None)
    if names is not None and len(names) > 1:
        return "-".join(map(str, names)) if all(n is not None for n in names) else None
    return getattr(index, "name", None)


def _matrix(data):
    """(values as an array of their dtype, column index, row index) of a DataFrame or a 2-D array."""
    if hasattr(data, "columns") and hasattr(data, "index"):
        return np.asarray(data.to_numpy()), data.columns, data.index
    values = np.asarray(data)
    if values.ndim != 2:
        raise ValueError("heatmap() needs 2-D data")
    return values, range(values.shape[1]), range(values.shape[0])


def _relative_luminance(rgba):
    rgb = np.asarray(rgba[:3], dtype=float)
    rgb = np.where(rgb <= .03928, rgb / 12.92, ((rgb + .055) / 1.055) ** 2.4)
    return float(rgb.dot([.2126, .7152, .0722]))


def _tick_fontsize(axis):
    size = mpl.rcParams[f"{axis}tick.labelsize"]
    return _FONT_SCALE[size] * float(mpl.rcParams["font.size"]) if isinstance(size, str) else float(size)


def _skip_ticks(labels, every):
    if every == 0:
        return [], []
    n = len(labels)
    return list(np.arange(0, n, every) + .5), list(labels)[0:n:every]


def _auto_ticks(ax, labels, axis, cbar_steals, sole):
    """seaborn's "auto" tick labels: every k-th label so that they fit the axes' length at the tick font
    size.  The length is that of a figure's single default subplot (less the colorbar's share); with
    other axes on the figure, only when the labels fit a third of that (all are shown)."""
    width_in, height_in = ax.figure.get_size_inches()
    size = width_in * _SUBPLOT_WIDTH * (1 - _CBAR_FRACTION - _CBAR_PAD if cbar_steals else 1) if axis == 0 \
        else height_in * _SUBPLOT_HEIGHT
    max_ticks = int(size // (_tick_fontsize("xy"[axis]) / 72))
    if not sole and len(labels) > max_ticks // 3:
        raise NotImplementedError("heatmap(xticklabels='auto') with many labels on a figure with several axes is "
                                  "not supported in this sandbox; pass xticklabels/yticklabels=True or a step")
    if max_ticks < 1:
        return [], []
    return _skip_ticks(labels, len(labels) // max_ticks + 1)


def _tick_spec(option, index):
    """(ticks or "auto", labels) for an xticklabels/yticklabels argument."""
    if option is True or option == "auto":
        labels = _labels_of(index)
        return ("auto" if option == "auto" else _skip_ticks(labels, 1)[0]), labels
    if option is False:
        return [], []
    if isinstance(option, int):
        return _skip_ticks(_labels_of(index), option)
    labels = list(option)
    return _skip_ticks(labels, 1)


def _colormap(cmap, center, vmin, vmax):
    """The colormap: seaborn's defaults (rocket, icefire when centred), a name, a list or a Colormap;
    with center, resampled so that center sits in the middle of the colour range."""
    if cmap is None:
        cmap = cm.rocket if center is None else cm.icefire
    elif isinstance(cmap, str):
        cmap = mpl.colormaps[cmap]
    elif isinstance(cmap, list):
        cmap = mpl.colors.ListedColormap(cmap)
    if center is not None:
        vrange = max(vmax - center, center - vmin)
        lo, hi = center - vrange, center + vrange
        cmin, cmax = (vmin - lo) / (hi - lo), (vmax - lo) / (hi - lo)
        cmap = mpl.colors.ListedColormap(cmap(np.linspace(cmin, cmax, 256)))
    return cmap


def heatmap(data, *, vmin=None, vmax=None, cmap=None, center=None, robust=False, annot=None, fmt=".2g",
            annot_kws=None, linewidths=0, linecolor="white", cbar=True, cbar_kws=None, cbar_ax=None, square=False,
            xticklabels="auto", yticklabels="auto", mask=None, ax=None, **kwargs):
    """A colour-encoded matrix (a DataFrame's labels become the ticks), optionally annotated."""
    values, columns, index = _matrix(data)
    masked = np.isnan(values.astype(float))
    if mask is not None:
        masked = masked | np.asarray(mask.to_numpy() if hasattr(mask, "to_numpy") else mask, dtype=bool)
    calc = np.where(masked, np.nan, values.astype(float))
    if vmin is None:
        vmin = np.nanpercentile(calc, 2) if robust else np.nanmin(calc)
    if vmax is None:
        vmax = np.nanpercentile(calc, 98) if robust else np.nanmax(calc)
    vmin, vmax = float(vmin), float(vmax)
    colormap = _colormap(cmap, center, vmin, vmax)
    annot_data = None
    if annot is not None and annot is not False:
        annot_data = values if isinstance(annot, bool) else np.asarray(
            annot.to_numpy() if hasattr(annot, "to_numpy") else annot)
        if annot_data.shape != values.shape:
            raise ValueError("`data` and `annot` must have same shape.")
    xticks, xticklabels = _tick_spec(xticklabels, columns)
    yticks, yticklabels = _tick_spec(yticklabels, index)
    ax = plt.gca() if ax is None else ax
    despine(ax=ax, left=True, bottom=True)
    kws = {"linewidths": linewidths, "edgecolor": linecolor, **kwargs}
    if kws.get("norm") is None:
        kws.update(vmin=vmin, vmax=vmax)
    rows, cols = values.shape
    sole = ax.figure.axes == [ax]
    mesh = ax.pcolormesh(np.ma.masked_where(masked, values), cmap=colormap, **kws)
    ax.set(xlim=(0, cols), ylim=(0, rows))
    ax.invert_yaxis()
    if cbar:
        colorbar = ax.figure.colorbar(mesh, cax=cbar_ax, ax=ax, **(cbar_kws or {}))
        colorbar.outline.set_linewidth(0)  # as seaborn: no frame round the bar
    if xticks == "auto":
        xticks, xticklabels = _auto_ticks(ax, xticklabels, 0, cbar and cbar_ax is None, sole)
    if yticks == "auto":
        yticks, yticklabels = _auto_ticks(ax, yticklabels, 1, cbar and cbar_ax is None, sole)
    ax.set_xticks(xticks, [str(label) for label in xticklabels])
    ax.set_yticks(yticks, [str(label) for label in yticklabels])
    ax.tick_params(axis="x", rotation=_tick_rotation(ax, xticks, xticklabels, 0, cols, cbar and cbar_ax is None))
    ax.tick_params(axis="y", rotation=_tick_rotation(ax, yticks, yticklabels, 1, rows, False))
    ax.set_xlabel("" if _name_of(columns) is None else str(_name_of(columns)))
    ax.set_ylabel("" if _name_of(index) is None else str(_name_of(index)))
    if annot_data is not None:
        norm = kws.get("norm") or mpl.colors.Normalize(vmin, vmax)
        for i in range(rows):
            for j in range(cols):
                if masked[i, j]:
                    continue
                color = colormap(float(norm(values[i, j])))
                text_kws = {"color": ".15" if _relative_luminance(color) > .408 else "w", "ha": "center",
                            "va": "center", **(annot_kws or {})}
                ax.text(j + .5, i + .5, ("{:" + fmt + "}").format(annot_data[i, j]), **text_kws)
    if square:
        ax.set_aspect("equal")
    return ax


def _tick_rotation(ax, ticks, labels, axis, cells, cbar_steals):
    """seaborn draws x tick labels horizontal and y tick labels vertical, and turns them when neighbours
    overlap, which matplotlib measures on the drawn text.  Here a label's length is estimated (DejaVu
    Sans averages about 0.6 em a character) against the cell size."""
    upright = 0 if axis == 0 else 90
    if len(labels) < 2:
        return upright
    width_in, height_in = ax.figure.get_size_inches()
    length = width_in * _SUBPLOT_WIDTH * (1 - _CBAR_FRACTION - _CBAR_PAD if cbar_steals else 1) if axis == 0 \
        else height_in * _SUBPLOT_HEIGHT
    spacing = (ticks[1] - ticks[0]) * length * 72 / cells
    longest = max(len(str(label)) for label in labels) * 0.6 * _tick_fontsize("xy"[axis])
    return 90 - upright if longest > spacing else upright


def clustermap(*args, **kwargs):
    raise NotImplementedError("seaborn.clustermap() is not supported in this sandbox (it needs scipy's "
                              "hierarchical clustering)")
