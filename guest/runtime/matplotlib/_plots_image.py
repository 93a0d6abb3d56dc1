"""Images: imshow(), matshow(), pcolormesh()/pcolor() and the artist they return
(the spec's ``image``: a grid of cells with colours, and the numbers behind them).

The guest maps numbers through the colormap (as matplotlib's ScalarMappable
does) and sends the cells' RGBA bytes; the host fills the cells.
"""

import binascii
import math
import sys
from array import array

from . import _cell_colors, _data, _rc, _resampling
from ._artist import Artist
from .cm import ScalarMappable
from .colors import spec_color, to_rgba

# The host describes images up to this many cells with their numbers (src/charts/describe.rs).
_DESCRIBED_CELLS = 10_000


class AxesImage(ScalarMappable, Artist):
    """A grid of rows x cols cells between x_edges and y_edges (row i from y_edges[i] to
    y_edges[i + 1]), coloured from numbers through a colormap, or given as RGB(A)."""

    zorder_default = 0

    def __init__(self, values, rgba, rows, cols, x_edges, y_edges, *, cmap=None, norm=None, vmin=None,
                 vmax=None, alpha=None, label=None):
        Artist.__init__(self, label, alpha)
        self._values, self._rgba = values, rgba  # row-major numbers (or None) / RGBA tuples (or None)
        self._rows, self._cols = rows, cols
        self._x_edges, self._y_edges = x_edges, y_edges
        self._edges = None  # (rgba, linewidth) of the cell outlines, if drawn
        self._quads = None  # a non-rectilinear mesh's corners (xs, ys), row by row
        self._gouraud = False  # the quads' corners are the cells' points, coloured between them
        self._clip_path = None  # a patch the image is clipped to (set_clip_path)
        self._axes_coords = False
        self._cell_alpha = None  # one alpha per cell (imshow(alpha=array))
        # How imshow() resamples it (pcolormesh's cells are drawn as they are): see _resampling.
        self._interpolation, self._stage = "nearest", "auto"
        self._filternorm, self._filterrad, self._resample = True, 4.0, True
        self._imshow = False  # pcolormesh's cells are drawn as quadrilaterals, not resampled
        self._depth = None  # 3 or 4 for an RGB(A) array, None for numbers through a colormap
        self._source = None  # imshow()'s 2-D numeric array, as given (get_array keeps its dtype)
        if values is not None:
            self._init_mappable(values, cmap, norm, vmin, vmax)
        else:
            self.cmap, self.norm, self.colorbar = None, None, None

    def __repr__(self):
        return f"<matplotlib.image.AxesImage at {id(self):#x}>"

    def get_array(self):
        """The numbers shown, rows x cols, as a masked array (missing ones masked) of the dtype
        imshow() was given, as matplotlib's."""
        if self._values is None:
            return None
        import numpy as np

        if self._source is not None:
            return np.ma.masked_invalid(self._source)
        cells = np.array([np.nan if v is None else v for v in self._values], dtype=float)
        return np.ma.masked_invalid(cells.reshape(self._rows, self._cols))

    def get_extent(self):
        return [self._x_edges[0], self._x_edges[-1], self._y_edges[-1], self._y_edges[0]]

    def get_size(self):
        return self._rows, self._cols

    def set_clip_path(self, path, transform=None):
        """Clip an imshow() image to a patch in data coordinates (or None: no clip path)."""
        if path is None:
            self._clip_path = None
            return
        if transform is not None or not hasattr(path, "_placed_outline") or path._coords != ("data", "data"):
            raise NotImplementedError("AxesImage.set_clip_path of anything but a patch in data coordinates is not "
                                      "supported in this sandbox")
        if not self._imshow:
            raise NotImplementedError("QuadMesh.set_clip_path is not supported in this sandbox")
        self._clip_path = path

    def set_interpolation(self, s):
        self._interpolation = _resampling.interpolation(s)

    def get_interpolation(self):
        return self._interpolation

    def set_interpolation_stage(self, s):
        self._stage = _resampling.stage(s)

    def get_interpolation_stage(self):
        return self._stage

    def set_filternorm(self, filternorm):
        self._filternorm = bool(filternorm)

    def set_filterrad(self, filterrad):
        if not filterrad > 0:
            raise ValueError("The filter radius must be a positive number")
        self._filterrad = float(filterrad)

    def set_resample(self, v):
        self._resample = _rc.rcParams.get("image.resample", True) if v is None else bool(v)

    def extent(self, name):
        edges = self._x_edges if name == "x" else self._y_edges
        return edges, edges

    def _pixels(self):
        """Base64 of the cells' RGBA bytes."""
        if self._values is not None and _cell_colors.fast(self.norm, self.cmap):
            rgba = _cell_colors.colors(self._values, self.norm, self.cmap, self._alpha, self._cell_alpha)
            return binascii.b2a_base64(_cell_colors.to_bytes(rgba), newline=False).decode("ascii")
        if self._values is None and not isinstance(self._rgba, list):  # a numpy (cells, 4) array
            import numpy as np

            colors = self._rgba.copy()
            if self._alpha is not None:
                colors[:, 3] *= self._alpha
            if self._cell_alpha is not None:
                colors[:, 3] *= np.asarray(self._cell_alpha, dtype=float)
            data = np.clip(np.round(colors * 255), 0, 255).astype(np.uint8).tobytes()
            return binascii.b2a_base64(data, newline=False).decode("ascii")
        if self._values is not None:
            colors = self.cmap(self.norm(self._values), alpha=self._alpha)
        else:
            colors = self._rgba if self._alpha is None else [c[:3] + (c[3] * self._alpha,) for c in self._rgba]
        if self._cell_alpha is not None:
            colors = [c[:3] + (c[3] * a,) for c, a in zip(colors, self._cell_alpha)]
        data = array("B", (min(255, max(0, round(v * 255))) for color in colors for v in color))
        return binascii.b2a_base64(data.tobytes(), newline=False).decode("ascii")

    def _masked_gouraud(self):
        """A gouraud mesh with masked points: the host needs their values to leave their quads out."""
        return self._gouraud and self._values is not None and any(v is None for v in self._values)

    def spec(self):
        values = self._values
        resampling = _resampling.spec(self)
        if values is not None and len(values) > _DESCRIBED_CELLS and not (
                resampling and _resampling.may_resample_data(self)) and not self._masked_gouraud():
            values = None  # neither described nor resampled: the colours suffice
        return {**self._head("image"), "x_edges": self._x_edges, "y_edges": self._y_edges,
                "rows": self._rows, "cols": self._cols, "pixels": self._pixels(),
                "values": [] if values is None else _packed(values),
                **({} if self._depth is None else {"depth": self._depth}),
                **({} if resampling is None else {"resampling": resampling}),
                **({} if self._clip_path is None else {"clip_path": _outline(self._clip_path)}),
                **({"coords": "axes"} if self._axes_coords else {}),
                "cmap": None if self.cmap is None else self.cmap.name,
                "vmin": None if self.norm is None else _finite(self.norm.vmin),
                "vmax": None if self.norm is None else _finite(self.norm.vmax),
                "edgecolor": None if self._edges is None else spec_color(self._edges[0]),
                "linewidth": 0.0 if self._edges is None else self._edges[1],
                **({} if self._quads is None else {"quads": {"x": _packed(self._quads[0]),
                                                             "y": _packed(self._quads[1]),
                                                             **({"gouraud": True} if self._gouraud else {})}})}


QuadMesh = AxesImage


class ImageMethods:
    """imshow(), matshow(), spy(), pcolormesh(), pcolor(), pcolorfast() and hist2d() for Axes."""

    def imshow(self, X, cmap=None, norm=None, *, aspect=None, interpolation=None, alpha=None, vmin=None,
               vmax=None, origin=None, extent=None, interpolation_stage=None, filternorm=True, filterrad=4.0,
               resample=None, url=None, **kwargs):
        """Show X (rows x cols numbers through cmap, or RGB(A) values) as an image; returns the AxesImage."""
        interpolation = _resampling.interpolation(interpolation)
        interpolation_stage = _resampling.stage(interpolation_stage)
        kwargs.pop("zorder", None)
        label = kwargs.pop("label", None)
        transform = kwargs.pop("transform", None)
        if transform is not None and transform is not self.transData and transform is not self.transAxes:
            raise NotImplementedError("imshow(transform=...) other than ax.transData or ax.transAxes is not "
                                      "supported in this sandbox")
        if "clim" in kwargs:  # an AxesImage property: set_clim() after the norm's vmin and vmax
            vmin, vmax = _clim(kwargs.pop("clim"), vmin, vmax)
        clip_on = bool(kwargs.pop("clip_on", True))  # False is refused when the image is sent
        if kwargs:
            raise NotImplementedError(f"imshow(): {next(iter(kwargs))}= is not supported in this sandbox")
        origin = origin or _rc.rcParams["image.origin"]
        if origin not in ("upper", "lower"):
            raise ValueError(f"{origin!r} is not a valid value for origin; supported values are 'upper', 'lower'")
        values, rgba, rows, cols = _grid(X)
        alpha, cell_alpha = _alpha(alpha, rows * cols)
        if extent is None:
            left, right = -0.5, cols - 0.5
            bottom, top = (rows - 0.5, -0.5) if origin == "upper" else (-0.5, rows - 0.5)
        else:
            left, right, bottom, top = (_data.scalar(v, "extent") for v in extent)
        first, last = (top, bottom) if origin == "upper" else (bottom, top)
        x_edges = [left + (right - left) * i / cols for i in range(cols + 1)]
        y_edges = [first + (last - first) * i / rows for i in range(rows + 1)]
        image = AxesImage(values, rgba, rows, cols, x_edges, y_edges, cmap=cmap, norm=norm, vmin=vmin,
                          vmax=vmax, alpha=alpha, label=label)
        image._cell_alpha = cell_alpha
        image._clip_on = clip_on
        image._imshow = True
        image._source = _numeric_2d(X, rows, cols) if values is not None else None
        image._axes_coords = transform is self.transAxes  # the extent in axes fractions
        image._interpolation, image._stage = interpolation, interpolation_stage
        image.set_filternorm(filternorm)
        image.set_filterrad(filterrad)
        image.set_resample(resample)
        image._depth = _depth(X)
        if aspect is None or aspect == "equal":
            self.set_aspect("equal")
        elif aspect != "auto":
            self.set_aspect(aspect)
        group = self._group["y"]
        if group.limits == [None, None] and not group.inverted and bottom > top:
            group.inverted = True  # matplotlib sets ylim (bottom, top): row 0 at the top
        return self._mappable(image)

    def matshow(self, Z, **kwargs):
        """Z as an image, as matplotlib's: imshow (origin 'upper', 'nearest', equal aspect), the x
        ticks on both sides with their labels on top, integer ticks (at most 9 bins) on both axes."""
        from .ticker import MaxNLocator

        image = self.imshow(Z, **{"origin": "upper", "interpolation": "nearest", "aspect": "equal", **kwargs})
        self.xaxis.tick_top()
        self.xaxis.set_ticks_position("both")
        for axis in (self.xaxis, self.yaxis):
            axis.set_major_locator(MaxNLocator(nbins=9, steps=[1, 2, 5, 10], integer=True))
        return image

    def spy(self, Z, precision=0, marker=None, markersize=None, aspect="equal", origin="upper", **kwargs):
        """The nonzero entries of Z (|z| > precision), as matplotlib's: an image of black cells, or with
        marker/markersize a line of markers at the entries; x ticks on top for origin 'upper'."""
        import numpy as np
        from ._lines import Line2D
        from .colors import ListedColormap, NoNorm
        from .ticker import MaxNLocator

        if origin not in ("upper", "lower"):
            raise ValueError(f"{origin!r} is not a valid value for origin; supported values are 'upper', 'lower'")
        Z = np.asarray(Z)
        nonzero = np.abs(Z) > precision
        if marker is None and markersize is None:
            if "interpolation" in kwargs:
                raise TypeError("spy() got an unexpected keyword argument 'interpolation'")
            kwargs.setdefault("cmap", ListedColormap(["w", "k"], name="binary"))
            kwargs.setdefault("norm", NoNorm())
            result = self.imshow(nonzero, interpolation="nearest", aspect=aspect, origin=origin, **kwargs)
        else:
            if "linestyle" in kwargs:
                raise TypeError("spy() got an unexpected keyword argument 'linestyle'")
            y, x = np.nonzero(nonzero)
            result = self.add_line(Line2D(x.tolist(), y.tolist(), linestyle="None", marker=marker or "s",
                                          markersize=10 if markersize is None else markersize, **kwargs))
            rows, cols = Z.shape
            self.set_xlim(-0.5, cols - 0.5)
            self.set_ylim(*((rows - 0.5, -0.5) if origin == "upper" else (-0.5, rows - 0.5)))
            self.set_aspect(aspect)
        self._title_y = 1.05  # matplotlib's title.set_y(1.05)
        if origin == "upper":
            self.xaxis.tick_top()
        else:
            self.xaxis.tick_bottom()
        self.xaxis.set_ticks_position("both")
        for axis in (self.xaxis, self.yaxis):
            axis.set_major_locator(MaxNLocator(nbins=9, steps=[1, 2, 5, 10], integer=True))
        return result

    def pcolorfast(self, *args, alpha=None, norm=None, cmap=None, vmin=None, vmax=None, **kwargs):
        """Cells of C between edges (1-D, rectilinear 2-D, or (first, last) ranges split evenly), drawn as
        pcolormesh() draws them."""
        if len(args) == 3:
            C = args[2]
            rows, cols = _grid(C)[2:]
            edges = []
            for data, count in ((args[0], cols), (args[1], rows)):
                items = _data.items(data)
                if len(items) == 2 and count != 1 and not _data.is_2d(items):
                    lo, hi = (_data.scalar(v, "pcolorfast range") for v in items)
                    items = [lo + (hi - lo) * i / count for i in range(count + 1)]
                edges.append(items)
            args = (edges[0], edges[1], C)
        return self._pcolor(args, alpha, norm, cmap, vmin, vmax, "flat", kwargs)

    def pcolormesh(self, *args, alpha=None, norm=None, cmap=None, vmin=None, vmax=None, shading=None,
                   antialiased=False, **kwargs):
        """Cells of C between the edges X and Y (or 0..cols, 0..rows); returns the QuadMesh."""
        return self._pcolor(args, alpha, norm, cmap, vmin, vmax, shading, kwargs)

    def pcolor(self, *args, shading=None, alpha=None, norm=None, cmap=None, vmin=None, vmax=None, **kwargs):
        """Like pcolormesh()."""
        return self._pcolor(args, alpha, norm, cmap, vmin, vmax, shading, kwargs)

    def hist2d(self, x, y, bins=10, range=None, density=False, weights=None, cmin=None, cmax=None, **kwargs):
        """numpy.histogram2d of x and y drawn with pcolormesh; returns (h, xedges, yedges, mesh)."""
        import numpy as np
        h, xedges, yedges = np.histogram2d(np.asarray(_data.items(x), float), np.asarray(_data.items(y), float),
                                           bins=bins, range=range, density=density,
                                           weights=None if weights is None else np.asarray(_data.items(weights)))
        if cmin is not None:
            h[h < cmin] = np.nan
        if cmax is not None:
            h[h > cmax] = np.nan
        mesh = self.pcolormesh(xedges, yedges, h.T, **kwargs)
        self.set_xlim(xedges[0], xedges[-1])
        self.set_ylim(yedges[0], yedges[-1])
        return h, xedges, yedges, mesh

    def _pcolor(self, args, alpha, norm, cmap, vmin, vmax, shading, kwargs):
        # As matplotlib's Collection: edgecolors=/linewidths= first, then the singular aliases over them.
        edge = width = None
        for name in ("edgecolors", "edgecolor", "ec"):
            edge = kwargs.pop(name) if name in kwargs else edge
        for name in ("linewidths", "linewidth", "lw"):
            width = kwargs.pop(name) if name in kwargs else width
        width = 0.0 if width is None else float(_data.items(width)[0])
        if edge == "face":
            edge = None
        kwargs.pop("zorder", None)
        kwargs.pop("snap", None)
        kwargs.pop("rasterized", None)
        label = kwargs.pop("label", None)
        if kwargs:
            raise NotImplementedError(f"pcolormesh(): {next(iter(kwargs))}= is not supported in this sandbox")
        if shading == "gouraud":
            values, rgba, rows, cols = _grid(args[-1])
            xs, ys = _points(args[:-1], rows, cols)
            # masked or non-finite values: the host leaves out the quads they are corners of, as
            # matplotlib's NaN alpha there does (their values are sent, _masked_gouraud)
            mesh = AxesImage(values, rgba, rows, cols, _spanning(xs, cols), _spanning(ys, rows), cmap=cmap,
                             norm=norm, vmin=vmin, vmax=vmax, alpha=alpha, label=label)
            mesh._quads, mesh._gouraud = (xs, ys), True  # matplotlib draws no cell edges here
            return self._mappable(mesh)
        if len(args) == 1:
            values, rgba, rows, cols = _grid(args[0])
            x_edges = [float(i) for i in range(cols + 1)]
            y_edges = [float(i) for i in range(rows + 1)]
        elif len(args) == 3:
            values, rgba, rows, cols = _grid(args[2])
            quads = _quads(args[0], args[1], rows, cols, shading)
            if quads is None:
                x_edges = _edges(args[0], cols, "X", across=False, shading=shading)
                y_edges = _edges(args[1], rows, "Y", across=True, shading=shading)
            else:  # the edges only span the mesh, for the view and the description
                x_edges, y_edges = (_spanning(corners, n) for corners, n in zip(quads, (cols, rows)))
        else:
            raise TypeError(f"pcolormesh() takes 1 or 3 positional arguments but {len(args)} were given")
        mesh = AxesImage(values, rgba, rows, cols, x_edges, y_edges, cmap=cmap, norm=norm, vmin=vmin, vmax=vmax,
                         alpha=alpha, label=label)
        if edge not in (None, "none") and width > 0:
            mesh._edges = (to_rgba(edge), width)
        if len(args) == 3 and quads is not None:
            mesh._quads = quads
        return self._mappable(mesh)

    def _mappable(self, artist):
        self._add(artist)
        self.figure._current_mappable = artist
        return artist


def _alpha(alpha, cells):
    """(alpha for the whole image or None, one alpha per cell or None) of imshow's alpha."""
    if alpha is None or isinstance(alpha, (int, float)):
        return alpha, None
    per_cell = [min(1.0, max(0.0, _data.number(v) or 0.0)) for row in _data.items(alpha)
                for v in _data.items(row)]
    if len(per_cell) != cells:
        raise ValueError("alpha must be a scalar or an array of the image's shape")
    return None, per_cell


def _outline(patch):
    """A patch's outline as the spec's {"x": [...], "y": [...]} (data coordinates)."""
    xs, ys = patch._placed_outline()
    return {"x": [float(v) for v in xs], "y": [float(v) for v in ys]}


def _clim(clim, vmin, vmax):
    """(vmin, vmax) after set_clim(clim): a (low, high) pair, None keeping the other setting."""
    if clim is None:
        return vmin, vmax
    low, high = clim
    return (vmin if low is None else low), (vmax if high is None else high)


def _depth(X):
    """The last dimension of an RGB(A) array (3 or 4), None for numbers through a colormap."""
    shape = getattr(X, "shape", None)
    if shape is not None:
        return shape[2] if len(shape) == 3 else None
    row = _data.items(_data.items(X)[0])
    return len(row[0]) if row and isinstance(row[0], (list, tuple)) else None


def _grid(X):
    """(values or None, rgba or None, rows, cols) of a 2-D array of numbers or a 3-D RGB(A) array
    (a numpy one's colours as an (rows * cols, 4) array: whole photographs stay fast)."""
    if getattr(X, "ndim", None) == 3 and getattr(getattr(X, "dtype", None), "kind", "") in "uifb" \
            and not hasattr(X, "mask"):
        return _rgba_grid(X)
    rows = _data.items(X)
    if not rows or not _data.is_2d(rows):
        raise TypeError("Invalid shape for image data: it must be 2-D (or 3-D RGB/RGBA)")
    rows = [_data.items(row) for row in rows]
    cols = len(rows[0])
    if any(len(row) != cols for row in rows):
        raise ValueError("image rows must all have the same length")
    if cols and isinstance(rows[0][0], (list, tuple)):
        depth = len(rows[0][0])
        if depth not in (3, 4):
            raise TypeError(f"Invalid shape for image data: the last dimension is {depth}, not 3 or 4")
        cells = [cell for row in rows for cell in row]
        as_bytes = any(isinstance(v, int) and not isinstance(v, bool) for v in cells[0])
        scale = 255.0 if as_bytes else 1.0
        rgba = [tuple(min(1.0, max(0.0, float(v) / scale)) for v in cell) + ((1.0,) if depth == 3 else ())
                for cell in cells]
        return None, rgba, len(rows), cols
    values = [_data.number(v) for row in rows for v in row]
    return values, None, len(rows), cols


def _rgba_grid(X):
    """_grid() of a numpy RGB(A) array: integers are bytes, other values fractions clipped to
    0..1 (NaN as 0), as the list form reads them."""
    import numpy as np

    rows, cols, depth = X.shape
    if depth not in (3, 4):
        raise TypeError(f"Invalid shape for image data: the last dimension is {depth}, not 3 or 4")
    scale = 255.0 if X.dtype.kind in "ui" else 1.0
    rgba = np.asarray(X, dtype=float).reshape(rows * cols, depth) / scale
    rgba = np.clip(np.where(np.isnan(rgba), 0.0, rgba), 0.0, 1.0)
    if depth == 3:
        rgba = np.column_stack([rgba, np.ones(rows * cols)])
    return None, rgba, rows, cols


def _quads(X, Y, rows, cols, shading):
    """The (rows + 1) x (cols + 1) corners (xs, ys, row by row) of a pcolormesh whose 2-D X and
    Y are not a rectilinear grid, or None for one that is (or 1-D coordinates)."""
    xs, ys = _data.items(X), _data.items(Y)
    if not (_data.is_2d(xs) and _data.is_2d(ys)):
        return None
    xs = [[_data.number(v) for v in _data.items(row)] for row in xs]
    ys = [[_data.number(v) for v in _data.items(row)] for row in ys]
    if all(row == xs[0] for row in xs) and all(len(set(row)) == 1 for row in ys):
        return None  # rectilinear: _edges() takes it
    same = len(xs) == rows and len(ys) == rows and all(len(r) == cols for r in (*xs, *ys))
    if same and shading in (None, "auto", "nearest") and not any(v is None for r in (*xs, *ys) for v in r):
        xs, ys = _centred_corners(xs, ys)
        shading = "flat"
    if len(xs) != rows + 1 or len(ys) != rows + 1 or any(len(r) != cols + 1 for r in (*xs, *ys)):
        raise NotImplementedError("pcolormesh() of a non-rectilinear grid is supported in this sandbox with "
                                  "corners one larger than C in each dimension (shading='flat') only")
    if shading not in (None, "flat", "auto"):
        raise NotImplementedError(f"pcolormesh(shading={shading!r}) of a non-rectilinear grid is not supported in "
                                  "this sandbox")
    flat_x, flat_y = [v for row in xs for v in row], [v for row in ys for v in row]
    if any(v is None for v in (*flat_x, *flat_y)):
        raise NotImplementedError("pcolormesh() of a grid with masked or non-finite corners is not supported in "
                                  "this sandbox")
    return flat_x, flat_y


def _centred_corners(xs, ys):
    """The corners about cell centres X, Y (rows of numbers), as matplotlib's shading='nearest':
    midpoints between neighbours, the outer ones as far out again (its _interp_grid)."""
    import numpy as np

    def interp(a):
        if a.shape[1] > 1:
            d = np.diff(a, axis=1) * 0.5
            return np.hstack((a[:, [0]] - d[:, [0]], a[:, :-1] + d, a[:, [-1]] + d[:, [-1]]))
        return np.hstack((a, a))

    X, Y = np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)
    X, Y = interp(X), interp(Y)
    X, Y = interp(X.T).T, interp(Y.T).T
    return X.tolist(), Y.tolist()


def _points(coords, rows, cols):
    """The rows x cols points (xs, ys, row by row) of a gouraud pcolormesh: X and Y of C's shape, 1-D
    ones of its columns and rows, or none (0..cols - 1, 0..rows - 1)."""
    import numpy as np

    if not coords:
        X, Y = np.meshgrid(np.arange(cols, dtype=float), np.arange(rows, dtype=float))
    elif len(coords) == 2:
        X, Y = (np.asarray(c, float) for c in coords)
        if X.ndim == 1 and Y.ndim == 1:
            X, Y = np.meshgrid(X, Y)
    else:
        raise TypeError(f"pcolormesh() takes 1 or 3 positional arguments but {len(coords) + 1} were given")
    if X.shape != (rows, cols) or Y.shape != (rows, cols):
        raise TypeError(f"Dimensions of C {(rows, cols)} should be the same as those of X {X.shape} and Y "
                        f"{Y.shape} (shading='gouraud')")
    if not (np.isfinite(X).all() and np.isfinite(Y).all()):
        raise NotImplementedError("pcolormesh() of a grid with masked or non-finite corners is not supported in "
                                  "this sandbox")
    return X.ravel().tolist(), Y.ravel().tolist()


def _spanning(corners, count):
    """count + 1 evenly spaced edges from the smallest to the largest corner."""
    lo, hi = min(corners), max(corners)
    return [lo + (hi - lo) * i / count for i in range(count + 1)]


def _edges(data, count, name, across, shading):
    """count + 1 cell edges from X or Y of pcolormesh (1-D, or a rectilinear 2-D grid); centres
    (count values, shading "auto"/"nearest") become the midpoints between them."""
    items = _data.items(data)
    if _data.is_2d(items):
        grid = [[_data.number(v) for v in _data.items(row)] for row in items]
        line = [row[0] for row in grid] if across else grid[0]
        regular = all(row == grid[0] for row in grid) if not across else all(len(set(row)) == 1 for row in grid)
        if not regular:
            raise NotImplementedError("pcolormesh() of a non-rectilinear grid is not supported in this sandbox")
    else:
        line = [_data.number(v) for v in items]
    if any(v is None for v in line):
        raise ValueError(f"{name} must be finite")
    if len(line) == count + 1 and shading in (None, "flat", "auto"):
        return line
    if len(line) == count and shading in (None, "auto", "nearest"):
        if count == 1:
            return [line[0] - 0.5, line[0] + 0.5]
        mids = [(a + b) / 2 for a, b in zip(line, line[1:])]
        return [line[0] - (mids[0] - line[0]), *mids, line[-1] + (line[-1] - mids[-1])]
    raise TypeError(f"Dimensions of C are incompatible with {name} (shading={shading!r})")


def _packed(values):
    """values as the spec's packed series (little-endian doubles, NaN for missing)."""
    doubles = array("d", [math.nan if v is None else v for v in values])
    if sys.byteorder != "little":
        doubles.byteswap()
    return {"f64": binascii.b2a_base64(doubles.tobytes(), newline=False).decode("ascii")}


def _finite(value):
    return None if value is None or not math.isfinite(value) else float(value)


def _numeric_2d(X, rows, cols):
    """X as a rows x cols numpy array of numbers (a copy), or None when it is not one."""
    import numpy as np

    array = np.ma.array(X, copy=True) if np.ma.isMaskedArray(X) else np.array(X, copy=True)
    if array.shape != (rows, cols) or array.dtype.kind not in "biuf":
        return None
    return array
