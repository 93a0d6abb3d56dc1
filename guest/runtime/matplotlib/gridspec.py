"""Subplot grids: GridSpec slicing, subplot position arguments and the array subplots() returns."""

import math
import numbers

__all__ = ["GridSpec", "GridSpecFromSubplotSpec", "SubplotSpec"]


class GridSpec:
    """A grid of nrows x ncols cells; gs[i, j] and slices give SubplotSpecs for add_subplot()."""

    def __init__(self, nrows, ncols, figure=None, *, width_ratios=None, height_ratios=None, **layout):
        from . import _subplotpars

        self.nrows, self.ncols = _positive(nrows, "nrows"), _positive(ncols, "ncols")
        self.figure = figure
        self._params = _subplotpars.grid_params(layout)  # left=, wspace=...: its cells fixed boxes
        if layout:
            raise TypeError(f"GridSpec.__init__() got an unexpected keyword argument {next(iter(layout))!r}")
        self.width_ratios = _ratios(width_ratios, self.ncols, "width_ratios", "columns")
        self.height_ratios = _ratios(height_ratios, self.nrows, "height_ratios", "rows")

    def get_width_ratios(self):
        return self.width_ratios

    def get_height_ratios(self):
        return self.height_ratios

    def get_geometry(self):
        return self.nrows, self.ncols

    def __getitem__(self, key):
        if not isinstance(key, tuple):
            if isinstance(key, numbers.Integral):
                key = divmod(_index(key, self.nrows * self.ncols), self.ncols)
            else:
                key = (key, slice(None))
        rows, cols = (_span(k, n) for k, n in zip(key, (self.nrows, self.ncols)))
        return SubplotSpec(self, rows[0], cols[0], len(rows), len(cols))

    def _position(self, row, col, rowspan, colspan):
        """The spec's grid_pos of a block of cells."""
        return [self.nrows, self.ncols, row, col, rowspan, colspan]

    def _spec_ratios(self):
        """(width_ratios, height_ratios) of the grid _position() places cells in."""
        return self.width_ratios, self.height_ratios

    def tight_layout(self, figure, renderer=None, pad=1.08, h_pad=None, w_pad=None, rect=None):
        """As Figure.tight_layout (the host lays the figure out tightly); confining the grid to a rect
        of the figure is refused."""
        if rect is not None:
            raise NotImplementedError("GridSpec.tight_layout(rect=...) is not supported in this sandbox; "
                                      "the grid fills the figure")
        self._params = {}
        figure.tight_layout(pad=pad, h_pad=h_pad, w_pad=w_pad)

    def update(self, **kwargs):
        """New subplot parameters (left=, wspace=...) for this grid's cells."""
        from . import _subplotpars

        self._params.update(_subplotpars.grid_params(kwargs))
        if kwargs:
            raise TypeError(f"update() got an unexpected keyword argument {next(iter(kwargs))!r}")

    def subplots(self, *, sharex=False, sharey=False, squeeze=True, subplot_kw=None):
        return self.figure.subplots(self.nrows, self.ncols, sharex=sharex, sharey=sharey,
                                    squeeze=squeeze, subplot_kw=subplot_kw)


class GridSpecFromSubplotSpec(GridSpec):
    """A grid inside a cell block of another grid.  Its cells are sent as cells of a finer grid of
    the figure (each outer row split into nrows, each outer column into ncols), which the host lays
    out like any other; the spacing inside the block is then the figure's, not wspace/hspace."""

    def __init__(self, nrows, ncols, subplot_spec, wspace=None, hspace=None, height_ratios=None,
                 width_ratios=None):
        super().__init__(nrows, ncols, subplot_spec.get_gridspec().figure, width_ratios=width_ratios,
                         height_ratios=height_ratios)
        if self.width_ratios is not None or self.height_ratios is not None:
            raise NotImplementedError("width_ratios and height_ratios of a nested gridspec are not supported "
                                      "in this sandbox")
        if wspace is not None or hspace is not None:
            raise NotImplementedError("wspace and hspace of a nested gridspec are not supported in this sandbox "
                                      "(its cells are spaced as the figure's)")
        self._outer = subplot_spec

    def get_topmost_subplotspec(self):
        return self._outer.get_topmost_subplotspec()

    def _position(self, row, col, rowspan, colspan):
        outer_rows, outer_cols, r0, c0, rs0, cs0 = self._outer.position
        n, m = self.nrows, self.ncols
        return [outer_rows * n, outer_cols * m, r0 * n + row * rs0, c0 * m + col * cs0, rowspan * rs0, colspan * cs0]

    def _spec_ratios(self):
        widths, heights = self._outer.get_gridspec()._spec_ratios()
        return (None if widths is None else [w for w in widths for _ in range(self.ncols)],
                None if heights is None else [h for h in heights for _ in range(self.nrows)])


class SubplotSpec:
    """A block of cells of a GridSpec."""

    def __init__(self, grid, row, col, rowspan, colspan):
        self._grid = grid
        self.rowspan, self.colspan = range(row, row + rowspan), range(col, col + colspan)
        self.position = grid._position(row, col, rowspan, colspan)

    def is_first_row(self):
        return self.rowspan.start == 0

    def is_last_row(self):
        return self.rowspan.stop == self._grid.nrows

    def get_gridspec(self):
        return self._grid

    def get_geometry(self):
        nrows, ncols = self._grid.get_geometry()
        first = self.rowspan.start * ncols + self.colspan.start
        last = (self.rowspan.stop - 1) * ncols + self.colspan.stop - 1
        return nrows, ncols, first, last

    def get_topmost_subplotspec(self):
        return self

    def subgridspec(self, nrows, ncols, **kwargs):
        """A GridSpecFromSubplotSpec of nrows x ncols inside this block."""
        return GridSpecFromSubplotSpec(nrows, ncols, self, **kwargs)


def subplot_position(args):
    """The spec's grid_pos [nrows, ncols, row, col, rowspan, colspan] for add_subplot() arguments:
    (), (221,), (2, 2, 1), (2, 2, (1, 2)) or (SubplotSpec,)."""
    if not args:
        args = (1, 1, 1)
    if len(args) == 1:
        arg = args[0]
        if isinstance(arg, SubplotSpec):
            return list(arg.position)
        if not isinstance(arg, numbers.Integral) or not 100 <= arg <= 999:
            raise ValueError(f"Integer subplot specification must be a three-digit number, not {arg!r}")
        args = tuple(int(d) for d in str(arg))
    if len(args) != 3:
        raise TypeError(f"add_subplot() takes 1 or 3 positional arguments but {len(args)} were given")
    nrows, ncols = _positive(args[0], "nrows"), _positive(args[1], "ncols")
    first, last = args[2] if isinstance(args[2], tuple) else (args[2], args[2])
    (r1, c1), (r2, c2) = (divmod(_number(i, nrows * ncols) - 1, ncols) for i in (first, last))
    return [nrows, ncols, min(r1, r2), min(c1, c2), abs(r2 - r1) + 1, abs(c2 - c1) + 1]


def _ratios(ratios, count, name, what):
    """Relative sizes of the grid's columns or rows: None when equal (or not given)."""
    if ratios is None:
        return None
    ratios = [float(r) for r in ratios]
    if len(ratios) != count:
        raise ValueError(f"Expected the given number of {name} ({len(ratios)}) to match the number of {what} "
                         f"of the grid ({count})")
    if any(not r > 0 for r in ratios):
        raise ValueError(f"{name} must be positive numbers")
    return None if len(set(ratios)) == 1 else ratios


def _positive(value, name):
    if not isinstance(value, numbers.Integral) or value <= 0:
        raise ValueError(f"Number of {name} must be a positive integer, not {value!r}")
    return int(value)


def _number(value, count):
    if not isinstance(value, numbers.Integral) or not 1 <= value <= count:
        raise ValueError(f"num must be an integer with 1 <= num <= {count}, not {value!r}")
    return int(value)


def _index(key, size):
    """key as an index into size items (negative from the end); IndexError if out of range."""
    if not -size <= key < size:
        raise IndexError(f"index {key} is out of bounds for axis with size {size}")
    return int(key) % size


def _span(key, size):
    """The indices key (an int or a slice) selects out of size."""
    if isinstance(key, slice):
        selected = range(*key.indices(size))
        if not selected or selected.step != 1:
            raise IndexError(f"{key} is not a contiguous block of a grid of size {size}")
        return selected
    return [_index(key, size)]


class AxesArray:
    """What subplots() returns for several axes: indexable like numpy (a[i], a[i, j], a[i][j],
    slices), iterable by rows, with .flat, .flatten(), .ravel(), .shape, .T and tolist()."""

    def __init__(self, items, shape):
        self._items, self.shape = list(items), tuple(shape)

    @property
    def ndim(self):
        return len(self.shape)

    @property
    def size(self):
        return len(self._items)

    @property
    def flat(self):
        return list(self._items)

    def flatten(self):
        return AxesArray(self._items, (len(self._items),))

    ravel = flatten

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        if -1 in shape:
            known = math.prod(n for n in shape if n != -1)
            shape = tuple(self.size // known if n == -1 else n for n in shape)
        if math.prod(shape) != self.size or len(shape) > 2:
            raise ValueError(f"cannot reshape array of size {self.size} into shape {shape}")
        return AxesArray(self._items, shape)

    @property
    def T(self):
        if self.ndim == 1:
            return self
        rows, cols = self.shape
        return AxesArray([self._items[r * cols + c] for c in range(cols) for r in range(rows)], (cols, rows))

    def transpose(self):
        return self.T

    def tolist(self):
        if self.ndim == 1:
            return list(self._items)
        return [row.tolist() for row in self]

    def __len__(self):
        return self.shape[0]

    def __iter__(self):
        return (self[i] for i in range(self.shape[0]))

    def __getitem__(self, key):
        key = key if isinstance(key, tuple) else (key,)
        if len(key) > self.ndim:
            raise IndexError(f"too many indices for array: array is {self.ndim}-dimensional, "
                             f"but {len(key)} were indexed")
        key = key + (slice(None),) * (self.ndim - len(key))
        picks = [range(*k.indices(n)) if isinstance(k, slice) else [_index(k, n)]
                 for k, n in zip(key, self.shape)]
        if self.ndim == 2:
            items = [self._items[r * self.shape[1] + c] for r in picks[0] for c in picks[1]]
        else:
            items = [self._items[i] for i in picks[0]]
        shape = tuple(len(p) for p, k in zip(picks, key) if isinstance(k, slice))
        return AxesArray(items, shape) if shape else items[0]

    def __repr__(self):
        return f"AxesArray({self.tolist()!r})"

