"""DataFrame.query and DataFrame.eval: expressions over column names, evaluated with the
columns as Series ("and", "or", "not" and chained comparisons as in pandas; `quoted names`
for labels that are not identifiers; @name for a variable of the calling code). eval also
takes assignments ``new = expr``, one a line, giving a copy with those columns."""

import ast
import re
import sys

_OPS = {ast.And: "__and__", ast.Or: "__or__"}
_BINARY = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__",
           ast.FloorDiv: "__floordiv__", ast.Mod: "__mod__", ast.BitAnd: "__and__",
           ast.BitOr: "__or__"}
_QUOTED = re.compile(r"`([^`]*)`")
_LOCAL = re.compile(r"@([A-Za-z_]\w*)")


class _Scope:
    """What names mean: columns of the frame, `quoted` labels and @variables of the caller."""

    def __init__(self, frame, text, caller):
        self.frame, self.quoted, self.variables = frame, {}, {}

        def quote(m):
            name = f"__quoted_{len(self.quoted)}"
            self.quoted[name] = m.group(1)
            return name

        def local(m):
            name = m.group(1)
            if name in caller.f_locals:
                value = caller.f_locals[name]
            elif name in caller.f_globals:
                value = caller.f_globals[name]
            else:
                raise KeyError(f"local variable '{name}' is not defined")
            self.variables[f"__local_{name}"] = value
            return f"__local_{name}"

        self.text = _LOCAL.sub(local, _QUOTED.sub(quote, text))

    def name(self, name):
        if name in self.variables:
            return self.variables[name]
        label = self.quoted.get(name, name)
        if label in self.frame:
            return self.frame[label]
        raise NotImplementedError(f"name {label!r} is not a column (use @{label} for a variable)")


def mask(frame, text):
    scope = _Scope(frame, text, sys._getframe(2))
    tree = ast.parse(scope.text.strip(), mode="eval")
    return _eval(tree.body, scope)


def evaluate(frame, text, inplace, options):
    """DataFrame.eval: the value of one expression, or the frame
    with the columns of the assignments added (in place with inplace=True)."""
    if options.get("engine") not in (None, "python", "numexpr") or options.get("parser", "pandas") != "pandas":
        raise NotImplementedError("DataFrame.eval(engine=/parser=)")
    scope = _Scope(frame, text, sys._getframe(2))
    statements = [line.strip() for line in scope.text.strip().splitlines() if line.strip()]
    target = frame if inplace else frame.copy()
    scope.frame = target
    result = None
    for line in statements:
        tree = ast.parse(line, mode="exec").body[0]
        if isinstance(tree, ast.Assign) and len(tree.targets) == 1 and isinstance(tree.targets[0], ast.Name):
            target[scope.quoted.get(tree.targets[0].id, tree.targets[0].id)] = _eval(tree.value, scope)
            result = target
        elif isinstance(tree, ast.Expr) and len(statements) == 1:
            return _eval(tree.value, scope)
        else:
            raise ValueError("Multi-line expressions are only valid if all expressions contain an assignment")
    return None if inplace else result


def _eval(node, scope):
    if isinstance(node, ast.BoolOp):
        values = [_eval(v, scope) for v in node.values]
        result = values[0]
        for v in values[1:]:
            result = getattr(result, _OPS[type(node.op)])(v)
        return result
    if isinstance(node, ast.UnaryOp):
        operand = _eval(node.operand, scope)
        if isinstance(node.op, (ast.Not, ast.Invert)):
            return ~operand
        if isinstance(node.op, ast.USub):
            return -operand
        if isinstance(node.op, ast.UAdd):
            return operand
    if isinstance(node, ast.Compare):
        left = _eval(node.left, scope)
        result = None
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, scope)
            part = _compare(op, left, right)
            result = part if result is None else result & part
            left = right
        return result
    if isinstance(node, ast.Name):
        return scope.name(node.id)
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_eval(e, scope) for e in node.elts]
    if isinstance(node, ast.BinOp) and type(node.op) in _BINARY:
        left, right = _eval(node.left, scope), _eval(node.right, scope)
        method = _BINARY[type(node.op)]
        if not hasattr(left, "_binary"):  # a scalar on the left
            return getattr(right, method.replace("__", "__r", 1))(left)
        return getattr(left, method)(right)
    if isinstance(node, (ast.Attribute, ast.Call)):
        raise NotImplementedError("query()/eval() with attribute access or calls")
    raise NotImplementedError(f"query()/eval() syntax {type(node).__name__}")


def _compare(op, left, right):
    if isinstance(op, ast.In):
        return left.isin(right)
    if isinstance(op, ast.NotIn):
        return ~left.isin(right)
    names = {ast.Eq: "__eq__", ast.NotEq: "__ne__", ast.Lt: "__lt__", ast.LtE: "__le__",
             ast.Gt: "__gt__", ast.GtE: "__ge__"}
    return getattr(left, names[type(op)])(right)
