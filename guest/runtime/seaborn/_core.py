"""Long-form plot data from seaborn's inputs, variable types, category order and the hue mapping.

Data may be a pandas DataFrame (the sandbox's, read with ``tolist()``), a dict of columns, or vectors
given directly (Series, numpy arrays, lists).  Values are kept as Python lists; numeric work converts
them with numpy where needed."""

import datetime
import math
import numbers

import numpy as np
from matplotlib import colors as mcolors

from . import _state, palettes


def is_missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def _values(vector):
    """A vector (Series, Index, ndarray, list, range...) as a list of Python values."""
    if hasattr(vector, "tolist"):
        values = vector.tolist()
        return values if isinstance(values, list) else [values]
    return list(vector)


def _is_frame(data):
    return hasattr(data, "columns") and hasattr(data, "__getitem__") and not isinstance(data, dict)


class PlotData:
    """Columns of one plot: ``frame`` maps each assigned variable ("x", "y", "hue"...) to its list of
    values, ``names`` to its name (the column name, a Series' name, or None), ``categories`` to the
    categories of categorical Series."""

    def __init__(self, data=None, variables=None, wide=None):
        variables = {k: v for k, v in (variables or {}).items() if v is not None}
        self.frame, self.names = {}, {}
        self.categories = {}  # categorical variables' category order
        self.input_format = "long"
        if not variables and data is not None and wide is not None:
            self._wide(data, wide)
        else:
            for var, spec in variables.items():
                vector, self.names[var] = _resolve(data, var, spec)
                self.frame[var] = _values(vector)
                categories = _categories(vector)
                if categories is not None:
                    self.categories[var] = categories
        lengths = {len(v) for v in self.frame.values()}
        if len(lengths) > 1:
            raise ValueError("Length of the plot's vectors must match")

    def _wide(self, data, structures):
        """Wide-form data (structures: seaborn's (wide, flat) assignments of "@columns", "@values" and
        "@index"): each numeric column of a DataFrame or dict, or a single vector, as long-form columns."""
        self.input_format = "wide"
        wide, flat = structures
        series = False
        if _is_frame(data) or isinstance(data, dict):
            structure = wide
            columns = list(data.columns) if _is_frame(data) else list(data)
            vectors = [_values(data[c]) for c in columns]
            index = _values(data.index) if _is_frame(data) else list(range(len(vectors[0]) if vectors else 0))
        else:
            structure = flat
            values = _values(data)
            if values and isinstance(values[0], list):
                raise NotImplementedError("wide-form data as a 2-D array or a list of vectors is not supported "
                                          "in this sandbox; pass a DataFrame or name x/y columns")
            columns, vectors = [getattr(data, "name", None)], [values]
            series = hasattr(data, "index") and hasattr(data, "name")
            index = _values(data.index) if series else list(range(len(values)))
        long = {"@values": [], "@columns": [], "@index": []}
        for column, vector in zip(columns, vectors):
            if not all(isinstance(v, numbers.Number) or is_missing(v) for v in vector):
                continue  # seaborn keeps the numeric columns only
            long["@values"] += vector
            long["@columns"] += [column] * len(vector)
            long["@index"] += index
        names = {"@values": getattr(data, "name", None) if structure is flat else None,
                 "@index": getattr(getattr(data, "index", None), "name", None) if series or structure is wide else None,
                 "@columns": getattr(getattr(data, "columns", None), "name", None)}
        for var, source in structure.items():
            self.frame[var] = list(long[source])
            self.names[var] = names.get(source)

    def dropna(self, variables=None):
        """The frame without rows missing a value in any of the variables (default: all)."""
        variables = list(self.frame if variables is None else (v for v in variables if v in self.frame))
        if not variables:
            return {}
        keep = [i for i in range(len(self.frame[variables[0]]))
                if not any(is_missing(self.frame[v][i]) for v in variables)]
        return {v: [self.frame[v][i] for i in keep] for v in self.frame}


def _categories(vector):
    """The categories of a categorical Series (their order is the plot's order), else None."""
    if str(getattr(vector, "dtype", "")) != "category":
        return None
    return [v for v in _values(vector.cat.categories) if not is_missing(v)]


def _resolve(data, var, spec):
    """(vector, name) of a variable given as a column key or a vector."""
    if isinstance(spec, str) or (isinstance(spec, numbers.Number) and data is not None):
        if data is None:
            raise ValueError(f"Could not interpret value `{spec}` for `{var}`. A value given as a name needs "
                             "`data`.")
        columns = list(data.columns) if _is_frame(data) else list(data) if isinstance(data, dict) else []
        if spec in columns:
            return data[spec], spec
        index = getattr(data, "index", None)
        if index is not None and spec in (getattr(index, "names", None) or [getattr(index, "name", None)]):
            return index, spec
        raise ValueError(f"Could not interpret value `{spec}` for `{var}`. An entry with this name does not "
                         "appear in `data`.")
    return spec, getattr(spec, "name", None)


def variable_type(values, boolean_type="numeric"):
    """"numeric", "datetime" or "categorical", as seaborn infers it from the values."""
    present = [v for v in values if not is_missing(v)]
    if not present:
        return "numeric"
    if all(isinstance(v, bool) or isinstance(v, np.bool_) for v in present):
        return boolean_type
    if all(isinstance(v, numbers.Number) for v in present):
        return "numeric"
    if all(isinstance(v, (datetime.date, np.datetime64)) for v in present):
        return "datetime"
    return "categorical"


def categorical_order(values, order=None):
    """The levels of a categorical vector: order, else the unique values (sorted if numeric)."""
    if order is not None:
        return [v for v in order if not is_missing(v)]
    categories = getattr(getattr(values, "cat", None), "categories", None)
    if categories is not None:
        return [v for v in _values(categories) if not is_missing(v)]
    values = _values(values) if not isinstance(values, list) else values
    seen = list(dict.fromkeys(v for v in values if not is_missing(v)))
    if variable_type(seen) == "numeric":
        seen.sort()
    return seen


def infer_orient(x_values, y_values, orient=None, require_numeric=True):
    """seaborn's rule for the orientation of categorical and aggregate plots ("x" or "y")."""
    x_type = None if x_values is None else variable_type(x_values)
    y_type = None if y_values is None else variable_type(y_values)
    if x_values is None:
        if require_numeric and y_type != "numeric":
            raise TypeError(f"Vertical orientation ignored with only `y` specified. A numeric y is needed, "
                            f"not {y_type}.")
        return "x"
    if y_values is None:
        if require_numeric and x_type != "numeric":
            raise TypeError(f"Horizontal orientation ignored with only `x` specified. A numeric x is needed, "
                            f"not {x_type}.")
        return "y"
    if str(orient).startswith("v") or orient == "x":
        return "x"
    if str(orient).startswith("h") or orient == "y":
        return "y"
    if x_type != "categorical" and y_type == "categorical":
        return "y"
    if x_type != "numeric" and y_type == "numeric":
        return "x"
    if x_type == "numeric" and y_type != "numeric":
        return "y"
    if require_numeric and x_type != "numeric" and y_type != "numeric":
        raise TypeError("Neither the `x` nor `y` variable appears to be numeric.")
    return "x"


class HueMap:
    """The colours of a hue variable: categorical levels through a palette, or numbers through a
    colormap (seaborn's HueMapping)."""

    def __init__(self, values, palette=None, order=None, norm=None, saturation=1, kind=None):
        self.kind = kind or ("categorical" if variable_type(values) != "numeric" or isinstance(palette, (dict, list))
                             or (isinstance(palette, str) and palette in palettes.QUAL_PALETTE_SIZES) else "numeric")
        if self.kind == "categorical":
            self.levels = categorical_order(values, order)
            n = len(self.levels)
            if isinstance(palette, dict):
                missing = set(self.levels) - set(palette)
                if missing:
                    raise ValueError(f"The palette dictionary is missing keys: {missing}")
                lookup = {k: mcolors.to_rgb(_state.resolve(palette[k])) for k in self.levels}
            else:
                if palette is None:
                    colors = palettes.color_palette(None, n) if n <= len(_state.cycle()) else \
                        palettes.color_palette("husl", n)
                elif isinstance(palette, list):
                    if len(palette) < n:
                        raise ValueError(f"The palette list has fewer values ({len(palette)}) than needed ({n})")
                    colors = [mcolors.to_rgb(_state.resolve(c)) for c in palette[:n]]
                else:
                    colors = palettes.color_palette(palette, n)
                lookup = dict(zip(self.levels, colors))
            if saturation < 1:
                lookup = {k: palettes.desaturate(c, saturation) for k, c in lookup.items()}
            self.lookup = lookup
            self.norm = self.cmap = None
        else:
            present = [v for v in values if not is_missing(v)]
            self.levels = sorted(set(present))
            if isinstance(palette, mcolors.Colormap):
                self.cmap = palette
            else:
                self.cmap = palettes.color_palette("ch:" if palette is None else palette, as_cmap=True)
            if norm is None:
                norm = mcolors.Normalize()
            elif isinstance(norm, tuple):
                norm = mcolors.Normalize(*norm)
            if not norm.scaled():
                norm(present)
            self.norm = norm
            self.lookup = dict(zip(self.levels, (tuple(c) for c in self.cmap(norm(self.levels)))))

    def __call__(self, value):
        try:
            return self.lookup[value]
        except KeyError:
            if self.kind == "numeric" and not is_missing(value):
                return tuple(self.cmap(self.norm(float(value))))
            raise


def default_color(ax, kind, color, saturation=1):
    """The colour of an artist without hue: color, else the axes' next cycle colour (kind "line" or
    "patch"), desaturated like seaborn."""
    rgb = _state.next_color(ax, kind) if color is None else mcolors.to_rgb(_state.resolve(color))
    return palettes.desaturate(rgb, saturation) if saturation < 1 else rgb


def add_axis_labels(ax, xlabel, ylabel):
    """Label the axes with the variables' names unless they are labelled already."""
    if xlabel is not None and not ax.get_xlabel():
        ax.set_xlabel(str(xlabel))
    if ylabel is not None and not ax.get_ylabel():
        ax.set_ylabel(str(ylabel))


def legend_title(names, var="hue"):
    name = names.get(var)
    return None if name is None else str(name)


def sticky(artist, x=None, y=None):
    """Set the artist's sticky edges (autoscaling stops there, without margin) as seaborn does, when the
    matplotlib in use has them (the sandbox's does not yet: its limits then keep their margins)."""
    try:
        edges = artist.sticky_edges
    except (AttributeError, NotImplementedError):
        return
    if x is not None:
        edges.x[:] = x
    if y is not None:
        edges.y[:] = y
