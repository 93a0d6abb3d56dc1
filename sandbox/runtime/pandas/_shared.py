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


class Operators:
    """``+ - * / // % & | ^`` and the comparisons, elementwise; as in pandas, ``==`` gives a
    table, so instances are unhashable unless the class defines ``__hash__``."""

    __hash__ = None


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
    def first(self): return self._aggregate("first")
    def last(self): return self._aggregate("last")
    def prod(self): return self._aggregate("prod")
