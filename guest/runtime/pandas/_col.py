"""pandas 3's ``pd.col``: a deferred expression over a DataFrame's columns, evaluated by the
methods that take a function of the frame (``assign``, ``loc``, ``filter``, ``where``...)
as pandas' core/col.py does, with the same repr."""

_SYMBOLS = {"add": "+", "sub": "-", "mul": "*", "matmul": "@", "pow": "**", "truediv": "/",
            "floordiv": "//", "mod": "%", "ge": ">=", "gt": ">", "le": "<=", "lt": "<",
            "eq": "==", "ne": "!=", "and": "&", "or": "|", "xor": "^"}
_COMPARISONS = ("ge", "gt", "le", "lt", "eq", "ne")


def evaluated(value, obj):
    """value evaluated on obj when it is an Expression or a function (pandas'
    apply_if_callable), else value itself."""
    if isinstance(value, Expression):
        return value._eval_expression(obj)
    return value(obj) if callable(value) else value


def _evaluate(value, df):
    return value._eval_expression(df) if isinstance(value, Expression) else value


def _args_repr(*args, **kwargs):
    return ", ".join([repr(a) for a in args] + [f"{k}={v!r}" for k, v in kwargs.items()])


class Expression:
    """A deferred expression evaluated against a DataFrame (pandas.api.typing.Expression)."""

    def __init__(self, func, repr_str, needs_parentheses=False):
        self._func = func
        self._repr_str = repr_str
        self._needs_parentheses = needs_parentheses

    def _eval_expression(self, df):
        return self._func(df)

    def _binary(self, op, other, reflected):
        mine = f"({self!r})" if self._needs_parentheses else f"{self!r}"
        theirs = f"({other!r})" if isinstance(other, Expression) and other._needs_parentheses \
            else f"{other!r}"
        left, right = (theirs, mine) if reflected else (mine, theirs)
        method = f"__{'r' if reflected else ''}{op}__"
        return Expression(lambda df: getattr(self._eval_expression(df), method)(_evaluate(other, df)),
                          f"{left} {_SYMBOLS[op]} {right}", True)

    def __invert__(self):
        return Expression(lambda df: ~self._eval_expression(df), f"~{self._repr_str}", True)

    def __neg__(self):
        inner = f"({self._repr_str})" if self._needs_parentheses else self._repr_str
        return Expression(lambda df: -self._eval_expression(df), f"-{inner}", True)

    def __pos__(self):
        inner = f"({self._repr_str})" if self._needs_parentheses else self._repr_str
        return Expression(lambda df: +self._eval_expression(df), f"+{inner}", True)

    def __abs__(self):
        return Expression(lambda df: abs(self._eval_expression(df)), f"abs({self._repr_str})", True)

    def __getitem__(self, item):
        return Expression(lambda df: self._eval_expression(df)[_evaluate(item, df)],
                          f"{self!r}[{item!r}]", True)

    def __call__(self, *args, **kwargs):
        def func(df):
            return self._eval_expression(df)(*[_evaluate(a, df) for a in args],
                                             **{k: _evaluate(v, df) for k, v in kwargs.items()})
        return Expression(func, f"{self._repr_str}({_args_repr(*args, **kwargs)})")

    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        text = f"({self!r})" if self._needs_parentheses else f"{self!r}"
        return Expression(lambda df: getattr(self._eval_expression(df), name), f"{text}.{name}")

    def __repr__(self):
        return self._repr_str or "Expr(...)"

    def __bool__(self):
        raise TypeError("boolean value of an expression is ambiguous")

    def __iter__(self):
        raise TypeError("Expression objects are not iterable")

    __hash__ = None


def _add_operators():
    for op in _SYMBOLS:
        setattr(Expression, f"__{op}__", lambda self, other, op=op: self._binary(op, other, False))
        if op not in _COMPARISONS:
            setattr(Expression, f"__r{op}__", lambda self, other, op=op: self._binary(op, other, True))


_add_operators()
Expression.__module__ = "pandas.api.typing"


def col(col_name):
    """A deferred reference to the column col_name of the frame it is evaluated on."""
    try:
        hash(col_name)
    except TypeError:
        raise TypeError(f"Expected Hashable, got: {type(col_name)}") from None

    def func(df):
        if col_name not in df.columns:
            columns = str(df.columns.tolist())
            if len(columns) > 90:
                columns = columns[:90] + "...]"
            raise ValueError(f"Column '{col_name}' not found in given DataFrame.\n\n"
                             f"Hint: did you mean one of {columns} instead?")
        return df[col_name]
    return Expression(func, f"col({col_name!r})")
