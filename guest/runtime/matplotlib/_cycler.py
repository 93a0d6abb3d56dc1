"""Property cycles: the ``cycler`` package's Cycler and matplotlib's ``cycler()`` (rcParams
``axes.prop_cycle``, ``Axes.set_prop_cycle``).

A Cycler is a finite sequence of {property: value} dicts: ``+`` zips two cycles of equal length,
``*`` takes their outer product (or repeats one ``n`` times), iterating yields the dicts and calling
it gives an endless iterator over them, as the real package (0.12).
"""

import itertools

__all__ = ["Cycler", "cycler"]

# matplotlib's aliases of cycled properties (rcsetup._prop_aliases).
_ALIASES = {"c": "color", "lw": "linewidth", "ls": "linestyle", "ec": "edgecolor", "fc": "facecolor",
            "mec": "markeredgecolor", "mew": "markeredgewidth", "mfc": "markerfacecolor", "ms": "markersize"}
# The properties matplotlib's cycler() accepts (rcsetup._prop_validators).
_PROPERTIES = frozenset(("color", "linewidth", "linestyle", "facecolor", "edgecolor", "joinstyle", "capstyle",
                         "fillstyle", "markerfacecolor", "markeredgecolor", "marker", "markersize",
                         "markeredgewidth", "markevery", "alpha", "hatch", "dashes", "solid_capstyle",
                         "dash_capstyle", "solid_joinstyle", "dash_joinstyle"))
_FLOATS = frozenset(("linewidth", "markersize", "markeredgewidth", "alpha"))


class Cycler:
    """A finite cycle of property dicts with the same keys."""

    def __init__(self, entries, keys):
        self._entries = [dict(entry) for entry in entries]
        self._keys = list(keys)

    @property
    def keys(self):
        return set(self._keys)

    def by_key(self):
        """{property: [values in order]}."""
        return {key: [entry[key] for entry in self._entries] for key in self._keys}

    def __iter__(self):
        return iter([dict(entry) for entry in self._entries])

    def __len__(self):
        return len(self._entries)

    def __call__(self):
        return itertools.cycle(list(self))

    def __getitem__(self, index):
        if not isinstance(index, slice):
            raise ValueError("Can only use slices with Cycler.__getitem__")
        return Cycler(self._entries[index], self._keys)

    def __add__(self, other):
        if len(self) != len(other):
            raise ValueError(f"Can only add equal length cycles, not {len(self)} and {len(other)}")
        if self.keys & other.keys:
            raise ValueError("Can not compose overlapping cycles")
        return Cycler([{**a, **b} for a, b in zip(self._entries, other._entries)], self._keys + other._keys)

    def __mul__(self, other):
        if isinstance(other, Cycler):
            if self.keys & other.keys:
                raise ValueError("Can not compose overlapping cycles")
            return Cycler([{**a, **b} for a in self._entries for b in other._entries], self._keys + other._keys)
        if isinstance(other, int):
            return Cycler(self._entries * other, self._keys)
        return NotImplemented

    __rmul__ = __mul__

    def concat(self, other):
        """This cycle followed by other (same keys)."""
        if self.keys != other.keys:
            raise ValueError("Keys do not match")
        return Cycler(self._entries + other._entries, self._keys)

    def change_key(self, old, new):
        if new in self.keys:
            raise ValueError(f"Can't replace {old} with {new}, {new} is already a key")
        self._keys = [new if key == old else key for key in self._keys]
        self._entries = [{(new if k == old else k): v for k, v in entry.items()} for entry in self._entries]

    def __eq__(self, other):
        return isinstance(other, Cycler) and self._keys == other._keys and self._entries == other._entries

    __hash__ = None

    def __repr__(self):
        parts = [f"cycler({key!r}, {values!r})" for key, values in self.by_key().items()]
        return parts[0] if len(parts) == 1 else "(" + " + ".join(parts) + ")"


def _one(key, values):
    if isinstance(values, Cycler):
        if len(values.keys) != 1:
            raise ValueError("Can not create Cycler from a multi-property Cycler")
        values = values.by_key()[next(iter(values.keys))]
    return Cycler([{key: value} for value in values], [key])


def plain_cycler(*args, **kwargs):
    """The cycler package's ``cycler``: cycler(cycle), cycler(label, values) or cycler(**{label: values})
    (several keywords are added together)."""
    if args and kwargs:
        raise TypeError("cycler() can only accept positional OR keyword arguments -- not both.")
    if len(args) == 1:
        if not isinstance(args[0], Cycler):
            raise TypeError("If only one positional argument given, it must be a Cycler instance.")
        return Cycler(args[0], args[0]._keys)
    if len(args) == 2:
        return _one(*args)
    if args:
        raise TypeError("Only a single Cycler can be accepted as the lone positional argument. Use keyword "
                        "arguments instead.")
    if not kwargs:
        raise TypeError("Must have at least a positional OR keyword arguments")
    cycles = [_one(key, values) for key, values in kwargs.items()]
    result = cycles[0]
    for other in cycles[1:]:
        result = result + other
    return result


def cycler(*args, **kwargs):
    """matplotlib's ``cycler``: as the package's, with property aliases resolved ("c", "lw"...), unknown
    properties refused, strings of colours split into letters and sizes made floats."""
    if len(args) == 1 and not kwargs:
        return plain_cycler(*args)
    pairs = [args] if len(args) == 2 else list(kwargs.items())
    if (args and len(args) != 2) or (args and kwargs):
        return plain_cycler(*args, **kwargs)  # raises the package's TypeError
    cycles = []
    for key, values in pairs:
        key = _ALIASES.get(key, key)
        if key not in _PROPERTIES:
            raise TypeError(f"Unknown artist property: {key}")
        values = values.by_key()[next(iter(values.keys))] if isinstance(values, Cycler) else values
        if key == "color" and isinstance(values, str):
            values = list(values)
        values = [float(v) for v in values] if key in _FLOATS else list(values)
        cycles.append(_one(key, values))
    result = cycles[0]
    for other in cycles[1:]:
        result = result + other
    return result
