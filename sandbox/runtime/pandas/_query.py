"""DataFrame.query: a boolean expression over column names, evaluated with the columns as
Series ("and", "or", "not" and chained comparisons as in pandas; no @variables)."""

import ast

_OPS = {ast.And: "__and__", ast.Or: "__or__"}


def mask(frame, text):
    if "@" in text:
        raise NotImplementedError("query() with @variables (use boolean indexing)")
    tree = ast.parse(text.strip(), mode="eval")
    return _eval(tree.body, frame)


def _eval(node, frame):
    if isinstance(node, ast.BoolOp):
        values = [_eval(v, frame) for v in node.values]
        result = values[0]
        for v in values[1:]:
            result = getattr(result, _OPS[type(node.op)])(v)
        return result
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return ~_eval(node.operand, frame)
    if isinstance(node, ast.Compare):
        left = _eval(node.left, frame)
        result = None
        for op, right_node in zip(node.ops, node.comparators):
            right = _eval(right_node, frame)
            part = _compare(op, left, right)
            result = part if result is None else result & part
            left = right
        return result
    if isinstance(node, ast.Name):
        if node.id in frame:
            return frame[node.id]
        raise NotImplementedError(f"query() name {node.id!r} is not a column")
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, (ast.List, ast.Tuple)):
        return [_eval(e, frame) for e in node.elts]
    if isinstance(node, ast.BinOp):
        ops = {ast.Add: "__add__", ast.Sub: "__sub__", ast.Mult: "__mul__", ast.Div: "__truediv__"}
        if type(node.op) in ops:
            return getattr(_eval(node.left, frame), ops[type(node.op)])(_eval(node.right, frame))
    if isinstance(node, ast.Attribute) or isinstance(node, ast.Call):
        raise NotImplementedError("query() with attribute access or calls")
    raise NotImplementedError(f"query() syntax {type(node).__name__}")


def _compare(op, left, right):
    if isinstance(op, ast.In):
        return left.isin(right)
    if isinstance(op, ast.NotIn):
        return ~left.isin(right)
    names = {ast.Eq: "__eq__", ast.NotEq: "__ne__", ast.Lt: "__lt__", ast.LtE: "__le__",
             ast.Gt: "__gt__", ast.GtE: "__ge__"}
    return getattr(left, names[type(op)])(right)
