"""ContourSet.clabel / Axes.clabel: contour labels placed as matplotlib's ContourLabeler places
them (matplotlib 3.10's locate_label and _split_path_and_get_label_rotation, ported), on the
screen of the axes as it is when clabel() is called (the default subplot layout at the figure's
dpi, the current view), the lines broken under the labels (inline) and each label a text.

Label widths are DejaVu Sans' hinted advances and kerning as matplotlib's Agg measures them
(_font_widths: common font sizes at 100 dpi). Mathtext labels, other fonts, sizes and dpis,
manual placement, filled contours and non-linear axes are refused.
"""

import math

import numpy as np

from . import _rc
from ._font_widths import CHARS, PAIRS, TABLES
from ._text import Text
from .colors import to_rgba

_INDEX = {c: i for i, c in enumerate(CHARS)}
_PAIR = {p: i for i, p in enumerate(PAIRS)}


def text_width(text, fontsize, dpi):
    """The width in pixels of a plain DejaVu Sans text as matplotlib's Agg measures it (hinted
    advances and kerning, _font_widths)."""
    table = next((t for size, t in TABLES.items() if abs(size - fontsize) < 1e-9), None) if dpi == 100 else None
    if table is None:
        raise NotImplementedError(f"clabel() at font size {fontsize:g} and {dpi:g} dpi is not supported in this "
                                  "sandbox (label widths are known at 100 dpi for font sizes "
                                  + ", ".join(f"{size:g}" for size in sorted(TABLES)) + ")")
    if any(c not in _INDEX for c in text) or not text:
        raise NotImplementedError(f"clabel() with the label {text!r} is not supported in this sandbox (only "
                                  "plain ASCII labels are measured here)")
    advances, kerning = table
    total = sum(advances[_INDEX[c]] for c in text)
    total += sum(kerning[_PAIR[a + b]] for a, b in zip(text, text[1:]) if a + b in _PAIR)
    return total / 64 / 8


class _Screen:
    """The axes' transData when clabel() runs, as matplotlib composes it (transLimits then
    transAxes, one affine matrix) on the axes' box under the default subplot layout."""

    def __init__(self, ax):
        for name in ("x", "y"):
            if ax._group[name].scale != "linear":
                raise NotImplementedError("clabel() on log or other non-linear axes is not supported in this sandbox")
        width_in, height_in = ax.figure.get_size_inches()
        dpi = ax.figure.get_dpi()
        left, bottom, right, top = _position(ax)
        fig_w, fig_h = width_in * dpi, height_in * dpi
        bx0, by0, bx1, by1 = left * fig_w, bottom * fig_h, right * fig_w, top * fig_h
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        inw, inh = 1.0 / (x1 - x0), 1.0 / (y1 - y0)
        limits = np.array([[inw, 0.0, -x0 * inw], [0.0, inh, -y0 * inh], [0.0, 0.0, 1.0]])
        box = np.array([[bx1 - bx0, 0.0, bx0], [0.0, by1 - by0, by0], [0.0, 0.0, 1.0]])
        self.matrix = np.dot(box, limits)
        self.inverse_matrix = np.linalg.inv(self.matrix)
        self.sx, self.sy = self.matrix[0, 0], self.matrix[1, 1]

    @staticmethod
    def _apply(matrix, xy):
        xy = np.asarray(xy, dtype=float)
        return np.stack([matrix[0, 0] * xy[..., 0] + matrix[0, 1] * xy[..., 1] + matrix[0, 2],
                         matrix[1, 0] * xy[..., 0] + matrix[1, 1] * xy[..., 1] + matrix[1, 2]], axis=-1)

    def forward(self, xy):
        return self._apply(self.matrix, xy)

    def inverse(self, xy):
        return self._apply(self.inverse_matrix, xy)


def _position(ax):
    """(left, bottom, right, top) of the axes in figure fractions, as matplotlib's GridSpec
    get_grid_positions gives them under the default subplot parameters."""
    from ._axes_base import _BOTTOM, _HSPACE, _LEFT, _RIGHT, _TOP, _WSPACE

    kind, pos = ax._position
    if kind == "rect":
        left, bottom, width, height = pos
        return left, bottom, left + width, bottom + height
    if ax._ratios != (None, None) and any(r is not None for r in ax._ratios):
        raise NotImplementedError("clabel() in a grid with width or height ratios is not supported in this sandbox")
    nrows, ncols, row, col, rowspan, colspan = pos

    def cells(count, total, space):
        cell = total / (count + space * (count - 1))
        seps = [0] + [space * cell] * (count - 1)
        return np.cumsum(np.column_stack([seps, [cell] * count]).flat)

    tops, bottoms = (_TOP - cells(nrows, _TOP - _BOTTOM, _HSPACE)).reshape((-1, 2)).T
    lefts, rights = (_LEFT + cells(ncols, _RIGHT - _LEFT, _WSPACE)).reshape((-1, 2)).T
    rows, cols = slice(row, row + max(rowspan, 1)), slice(col, col + max(colspan, 1))
    return lefts[cols].min(), bottoms[rows].min(), rights[cols].max(), tops[rows].max()


def _default_texts(levels):
    """ScalarFormatter(useOffset=False) with a dummy axis (view 0..1), as clabel's default fmt."""
    from .ticker import scalar_decimals

    locs = np.asarray(levels, dtype=float)
    shown = np.abs(locs[(locs >= 0) & (locs <= 1)])
    order = 0
    if len(shown) and shown.max() != 0:
        oom = math.floor(math.log10(shown.max()))
        low, high = _rc.rcParams["axes.formatter.limits"]
        order = oom if oom <= low or oom >= high else 0
    decimals = scalar_decimals(list(locs), (0.0, 1.0), order)
    minus = "\u2212" if _rc.rcParams["axes.unicode_minus"] else "-"

    def text(value):
        scaled = value / 10.0 ** order
        return ("%1.*f" % (decimals, 0.0 if abs(scaled) < 1e-8 else scaled)).replace("-", minus)
    return text


class _Label(Text):
    """A contour label; with use_clabeltext its angle follows the data direction when drawn."""

    _data_angle = None

    def spec(self):
        if self._data_angle is not None:
            screen = _Screen(self.axes)
            radians = math.radians(self._data_angle)
            self._rotation = math.degrees(math.atan2(math.sin(radians) * screen.sy, math.cos(radians) * screen.sx))
        return super().spec()


class ContourLabeler:
    """Places the labels of one contour set (ContourSet.clabel)."""

    def __init__(self, cs, levels, fontsize, fmt, colors, use_clabeltext, rightside_up, zorder):
        self.cs, self.ax = cs, cs.axes
        if levels is None:
            self.levels, self.indices = list(cs.levels), list(range(len(cs.levels)))
        else:
            wanted = list(levels)
            self.indices = [i for i, lev in enumerate(cs.levels) if lev in wanted]
            self.levels = [cs.levels[i] for i in self.indices]
            if len(self.levels) < len(wanted):
                raise ValueError(f"Specified levels {wanted} don't match available levels {list(cs.levels)}")
        self.fontsize = _rc.fontsize(_rc.rcParams["font.size"] if fontsize is None else fontsize)
        self.fmt, self.use_clabeltext, self.rightside_up = fmt, use_clabeltext, rightside_up
        self.zorder = 2 + cs._artists[0].get_zorder() if zorder is None else zorder
        if colors is None:
            self.colors = [cs._artists[i]._rgba for i in self.indices]
        else:
            listed = [to_rgba(c) for c in ([colors] if isinstance(colors, str) else list(colors))]
            self.colors = [listed[i % len(listed)] for i in range(len(self.levels))]
        self.default = _default_texts(self.levels) if fmt is None else None
        self.xys, self.texts = [], []

    def text(self, lev):
        fmt = self.fmt
        if isinstance(lev, str):
            return lev
        if fmt is None:
            return self.default(lev)
        if isinstance(fmt, dict):
            return fmt.get(lev, "%1.3f")
        if callable(getattr(fmt, "format_ticks", None)):
            return fmt.format_ticks([*self.levels, lev])[-1]
        if callable(fmt):
            return fmt(lev)
        return fmt % lev

    def run(self, inline, spacing):
        screen = _Screen(self.ax)
        dpi = self.ax.figure.get_dpi()
        probe = Text(0, 0, "")
        if probe._family != "sans-serif" or _rc.rcParams["font.sans-serif"][0] != "DejaVu Sans":
            raise NotImplementedError("clabel() with a font other than DejaVu Sans is not supported in this sandbox")
        for icon, lev, color in zip(self.indices, self.levels, self.colors):
            label = self.text(lev)
            if "$" in label:
                raise NotImplementedError("clabel() with mathtext labels is not supported in this sandbox")
            width = text_width(label, self.fontsize, dpi)
            artist = self.cs._artists[icon]
            additions = []
            for x, y in _as_contourpy(artist._pieces, self.cs._grid):
                xys = np.column_stack([x, y])
                screen_xys = screen.forward(xys)
                if _print_label(screen_xys, width):
                    sx, sy, idx = self._locate(screen_xys, width)
                    rotation, pieces = self._split(screen, xys, idx, (sx, sy), width, spacing)
                    self._add(screen, sx, sy, rotation, label, color)
                    additions.extend(pieces)
                else:
                    additions.append((x, y))
            if inline:
                artist._pieces = additions
        return self.texts

    def _too_close(self, x, y, lw):
        thresh = (1.2 * lw) ** 2
        return any((x - lx) ** 2 + (y - ly) ** 2 < thresh for lx, ly in self.xys)

    def _locate(self, linecontour, labelwidth):
        ctr_size = len(linecontour)
        n_blocks = int(np.ceil(ctr_size / labelwidth)) if labelwidth > 1 else 1
        block_size = ctr_size if n_blocks == 1 else int(labelwidth)
        xx = np.resize(linecontour[:, 0], (n_blocks, block_size))
        yy = np.resize(linecontour[:, 1], (n_blocks, block_size))
        yfirst, ylast, xfirst, xlast = yy[:, :1], yy[:, -1:], xx[:, :1], xx[:, -1:]
        s = (yfirst - yy) * (xlast - xfirst) - (xfirst - xx) * (ylast - yfirst)
        length = np.hypot(xlast - xfirst, ylast - yfirst)
        with np.errstate(divide="ignore", invalid="ignore"):
            distances = (abs(s) / length).sum(axis=-1)
        hbsize = block_size // 2
        adist = np.argsort(distances)
        for idx in np.append(adist, adist[0]):
            x, y = xx[idx, hbsize], yy[idx, hbsize]
            if not self._too_close(x, y, labelwidth):
                break
        return x, y, (idx * block_size + hbsize) % ctr_size

    def _split(self, screen, xys, idx, screen_pos, lw, spacing):
        """(rotation, pieces): matplotlib's _split_path_and_get_label_rotation on one piece."""
        closed = len(xys) > 2 and np.array_equal(xys[0], xys[-1])
        pos = screen.inverse(np.asarray(screen_pos, dtype=float))
        if not np.allclose(pos, xys[idx]):
            xys = np.insert(xys, idx, pos, axis=0)
        cc_xys = xys
        if closed:
            cc_xys = np.concatenate([cc_xys[idx:-1], cc_xys[:idx + 1]])
            idx = 0

        def interp_vec(x, xp, fp):
            return [np.interp(x, xp, col) for col in fp.T]

        screen_xys = screen.forward(cc_xys)
        path_cpls = np.insert(np.cumsum(np.hypot(*np.diff(screen_xys, axis=0).T)), 0, 0)
        path_cpls -= path_cpls[idx]
        target_cpls = np.array([-lw / 2, lw / 2])
        if closed:
            target_cpls[0] += (path_cpls[-1] - path_cpls[0])
        (sx0, sx1), (sy0, sy1) = interp_vec(target_cpls, path_cpls, screen_xys)
        angle = np.rad2deg(np.arctan2(sy1 - sy0, sx1 - sx0))
        if self.rightside_up:
            angle = (angle + 90) % 180 - 90
        target_cpls += [-spacing, +spacing]
        i0, i1 = np.interp(target_cpls, path_cpls, range(len(path_cpls)), left=-1, right=-1)
        i0, i1 = math.floor(i0), math.ceil(i1)
        (x0, x1), (y0, y1) = interp_vec(target_cpls, path_cpls, cc_xys)
        blocks = []
        if closed:
            if i0 != -1 and i1 != -1:
                blocks.append(np.concatenate([[(x1, y1)], cc_xys[i1:i0 + 1], [(x0, y0)]]))
        else:
            if i0 != -1:
                blocks.append(np.concatenate([cc_xys[:i0 + 1], [(x0, y0)]]))
            if i1 != -1:
                blocks.append(np.concatenate([[(x1, y1)], cc_xys[i1:]]))
        return float(angle), [(block[:, 0], block[:, 1]) for block in blocks]

    def _add(self, screen, x, y, rotation, label, color):
        data_x, data_y = (float(v) for v in screen.inverse(np.array([x, y])))
        text = _Label(data_x, data_y, label, fontsize=self.fontsize, color=color, ha="center", va="center",
                      rotation=rotation)
        if self.use_clabeltext:
            radians = math.radians(rotation)
            text._data_angle = math.degrees(math.atan2(math.sin(radians) / screen.sy, math.cos(radians) / screen.sx))
        self.ax._add(text, self.zorder)
        self.texts.append(text)
        self.xys.append((x, y))


def _as_contourpy(pieces, grid):
    """The pieces with each closed loop starting where contourpy's mpl2014 starts it: matplotlib
    places labels along a loop from there."""
    x, y = np.asarray(grid.x, dtype=float), np.asarray(grid.y, dtype=float)
    gx, gy = (x[0], y[:, 0]) if x.ndim == 2 else (x, y)
    rectilinear = x.ndim == 1 or (np.array_equal(x, np.broadcast_to(gx, x.shape))
                                  and np.array_equal(y, np.broadcast_to(gy[:, None], y.shape)))
    out = []
    for px, py in pieces:
        closed = len(px) > 2 and px[0] == px[-1] and py[0] == py[-1]
        if not closed:
            out.append((px, py))
            continue
        if not (rectilinear and np.all(np.diff(gx) > 0) and np.all(np.diff(gy) > 0)):
            raise NotImplementedError("clabel() of closed contour lines on a grid that is not rectilinear and "
                                      "increasing is not supported in this sandbox")
        # mpl2014 starts a loop at its first crossing of a vertical grid line in row-major order.
        vx, vy = px[:-1], py[:-1]
        col = np.clip(np.searchsorted(gx, vx), 0, len(gx) - 1)
        col = np.where(np.abs(gx[col - 1] - vx) < np.abs(gx[col] - vx), col - 1, col)
        on_vertical = np.abs(gx[col] - vx) <= 1e-12 * np.maximum(1.0, np.abs(vx))
        row = np.floor(np.interp(vy, gy, np.arange(len(gy))))
        order = np.lexsort((col, row, ~on_vertical))
        k = int(order[0])
        out.append((np.concatenate([px[k:-1], px[:k], px[k:k + 1]]),
                    np.concatenate([py[k:-1], py[:k], py[k:k + 1]])))
    return out


def _print_label(linecontour, labelwidth):
    return (len(linecontour) > 10 * labelwidth
            or (len(linecontour) and (np.ptp(linecontour, axis=0) > 1.2 * labelwidth).any()))


def clabel(cs, levels=None, *, fontsize=None, inline=True, inline_spacing=5, fmt=None, colors=None,
           use_clabeltext=False, manual=False, rightside_up=True, zorder=None):
    """Label the contour lines of cs (matplotlib's ContourSet.clabel, automatic placement)."""
    if cs.filled:
        raise NotImplementedError("clabel() of filled contours is not supported in this sandbox")
    if manual is not False:
        raise NotImplementedError("clabel(manual=...) is not supported in this sandbox")
    labeler = ContourLabeler(cs, levels, fontsize, fmt, colors, use_clabeltext, rightside_up, zorder)
    texts = labeler.run(inline, inline_spacing)
    cs.labelTexts = cs.__dict__.get("labelTexts", []) + texts
    cs.labelLevelList, cs.labelIndiceList = labeler.levels, labeler.indices
    return texts
