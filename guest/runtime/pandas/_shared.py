"""Methods written once for the classes that share them: the operators of DataFrame and Series
(through each class's ``_binary(op, other, reflected=False)``) and the named reductions of the
two group-bys (through each one's ``_aggregate(how, **options)``)."""

_ARITHMETIC = ("add", "sub", "mul", "truediv", "floordiv", "mod", "and", "or")
_ONE_SIDED = ("eq", "ne", "lt", "le", "gt", "ge", "xor")


def _operator(op, reflected):
    def method(self, other):
        return self._binary(op, other, reflected)
    method.__name__ = f"__{'r' if reflected else ''}{op}__"
    return method


def power(expr, exponent, dtype):
    """expr ** exponent where repeated multiplication gives numpy's result exactly: integer
    columns to a positive int power, floats squared (x*x is pow's correctly rounded
    result); NotImplementedError otherwise."""
    from . import _dtypes
    from ._expr import call
    if type(exponent).__module__ == "numpy" and hasattr(exponent, "item"):
        exponent = exponent.item()
    exact = isinstance(exponent, int) and not isinstance(exponent, bool) and (
        (dtype in _dtypes.INTS and 1 <= exponent <= 64) or (dtype in _dtypes.FLOATS and 1 <= exponent <= 2))
    if not exact:
        raise NotImplementedError(f"** {exponent!r} on a {dtype} column")
    out = expr
    for _ in range(exponent - 1):
        out = call("mul", out, expr)
    return out


class Operators:
    """``+ - * / // % & | ^ **`` and the comparisons, elementwise; as in pandas, ``==`` gives a
    table, so instances are unhashable unless the class defines ``__hash__``."""

    __hash__ = None

    def __pow__(self, exponent):
        if hasattr(self, "_map_columns"):  # a DataFrame: each column
            from ._expr import col
            return self._map_columns(lambda n: power(col(n), exponent, self._t.dtypes[n]))
        return self._new(power(self._e, exponent, str(self.dtype)))


for _op in _ARITHMETIC:
    setattr(Operators, f"__{_op}__", _operator(_op, False))
    setattr(Operators, f"__r{_op}__", _operator(_op, True))
for _op in _ONE_SIDED:
    setattr(Operators, f"__{_op}__", _operator(_op, False))
for _name, _op in (("add", "add"), ("sub", "sub"), ("mul", "mul"), ("div", "truediv"),
                   ("truediv", "truediv"), ("eq", "eq"), ("ne", "ne"), ("lt", "lt"),
                   ("le", "le"), ("gt", "gt"), ("ge", "ge")):
    setattr(Operators, _name, getattr(Operators, f"__{_op}__"))


class Reductions:
    """The group-bys' named aggregations (``numeric_only`` is accepted as pandas does)."""

    def sum(self, numeric_only=False): return self._aggregate("sum")
    def mean(self, numeric_only=False): return self._aggregate("mean")
    def median(self, numeric_only=False): return self._aggregate("median")
    def min(self, numeric_only=False): return self._aggregate("min")
    def max(self, numeric_only=False): return self._aggregate("max")
    def std(self, ddof=1, numeric_only=False): return self._aggregate("std", ddof=ddof)
    def var(self, ddof=1, numeric_only=False): return self._aggregate("var", ddof=ddof)
    def count(self): return self._aggregate("count")
    def nunique(self): return self._aggregate("nunique")
    def first(self, numeric_only=False, min_count=-1, skipna=True):
        return self._edge("first", numeric_only, min_count, skipna)

    def last(self, numeric_only=False, min_count=-1, skipna=True):
        return self._edge("last", numeric_only, min_count, skipna)

    def _edge(self, how, numeric_only, min_count, skipna):
        """first/last value of each group (min_count: missing with fewer values)."""
        if not skipna:
            raise NotImplementedError(f"groupby().{how}(skipna=False)")
        grouped = self
        if numeric_only:
            if not hasattr(self, "_numeric"):
                raise NotImplementedError(f"{how}(numeric_only=True) here")
            grouped = self._numeric()
        return grouped._aggregate(how, **({"min_count": min_count} if min_count > 1 else {}))
    def prod(self): return self._aggregate("prod")
