"""The guest-side logic of the pandas methods in _groupapply, _framemethods, _stats, _query
and _shared that needs no host: numbers checked against pandas 3.1.1's on the same input.
(The methods themselves run through gRPC in tests/tables/pandas_methods.rs.)"""

import importlib.util
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from pandas import _format, _framemethods, _groupapply, _query, _shared, _stats  # noqa: E402

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None


class MultiLevelHeaderTest(unittest.TestCase):
    def test_negative_floats_under_two_levels_as_pandas(self):
        # df.groupby("A").agg(["min", "max"]) of pandas' docstring, as pandas 3.1.1 prints it
        columns = [(("B", "min"), ["1", "3"], "int64"), (("B", "max"), ["2", "4"], "int64"),
                   (("C", "min"), _format.format_column([0.227877, -0.562860], "float64"), "float64"),
                   (("C", "max"), _format.format_column([0.362838, 1.267767], "float64"), "float64")]
        text = _format.frame_text(["A"], [["1", "2"]], columns, 0, None)[0]
        self.assertEqual(str(text), "\n".join([
            "    B             C          ",
            "  min max       min       max",
            "A                            ",
            "1   1   2  0.227877  0.362838",
            "2   3   4 -0.562860  1.267767"]))


class GroupsTest(unittest.TestCase):
    def test_printed_as_pandas_pretty_dict(self):
        groups = _groupapply.Groups([(1, ["fox", "gorilla"]), (2, ["lion"])])
        self.assertEqual(repr(groups), "{1: ['fox', 'gorilla'], 2: ['lion']}")
        self.assertEqual(groups[2], ["lion"])

    def test_missing_keys_are_one_key(self):
        self.assertIsNone(_groupapply._missing(float("nan")))
        self.assertIsNone(_groupapply._missing(None))
        self.assertEqual(_groupapply._missing(0), 0)


class PositionsTest(unittest.TestCase):
    def test_positions_slices_masks_and_negatives(self):
        self.assertEqual(_framemethods._positions(slice(None, None, 2), 5, "row"), [0, 2, 4])
        self.assertEqual(_framemethods._positions(-1, 3, "row"), [2])
        self.assertEqual(_framemethods._positions([True, False, True], 3, "row"), [0, 2])
        with self.assertRaises(IndexError):
            _framemethods._positions(3, 3, "column")

    def test_values_a_column_cannot_hold_are_refused(self):
        _framemethods._check_holds("float64", float("nan"), "a")
        _framemethods._check_holds("int64", 3, "a")
        for dtype, value in (("int64", 1.5), ("int64", None), ("str", 1), ("bool", 1)):
            with self.assertRaises(NotImplementedError):
                _framemethods._check_holds(dtype, value, "a")


class PowerTest(unittest.TestCase):
    def test_exact_powers_become_products(self):
        x = {"c": "x"}
        self.assertEqual(_shared.power(x, 3, "int64"),
                         {"f": "mul", "a": [{"f": "mul", "a": [x, x]}, x]})
        self.assertEqual(_shared.power(x, 1, "float64"), x)

    def test_inexact_powers_are_refused(self):
        for exponent, dtype in ((3, "float64"), (0.5, "int64"), (-1, "int64"), (0, "int64"), (2, "str")):
            with self.assertRaises(NotImplementedError):
                _shared.power({"c": "x"}, exponent, dtype)


class _Frame:
    def __init__(self, columns):
        self.columns = columns

    def __contains__(self, label):
        return label in self.columns

    def __getitem__(self, label):
        return self.columns[label]


class ScopeTest(unittest.TestCase):
    def test_quoted_names_and_variables(self):
        threshold = 7  # noqa: F841 (read through the frame, as @threshold)
        scope = _query._Scope(_Frame({"C&C": 10, "A": 1}), "`C&C` > @threshold + A",
                              sys._getframe(0))
        self.assertEqual(_query._eval(_query.ast.parse(scope.text, mode="eval").body, scope), True)

    def test_unknown_variable(self):
        with self.assertRaises(KeyError):
            _query._Scope(_Frame({}), "@nowhere", sys._getframe(0))


@unittest.skipUnless(HAVE_NUMPY, "numpy")
class StatsTest(unittest.TestCase):
    """Values pasted from pandas 3.1.1 (numpy 2.3.5)."""

    def test_sem(self):
        self.assertEqual(float(_stats.sem([1, 2, 3])), 0.5773502691896258)
        self.assertEqual(float(_stats.sem([1.0, None, 4.0, 9.0, 2.5])), 1.7365554986812255)

    def test_skew_of_a_frame_column(self):
        self.assertEqual(float(_stats.skew([1, 3, 5, 10.0])), 1.0024075087289077)
        self.assertEqual(float(_stats.skew([1.0, None, 4.0, 9.0, 2.5])), 1.289700966885485)
        self.assertTrue(_stats.skew([2.0, 2.0, 2.0]) != _stats.skew([2.0, 2.0, 2.0]))  # NaN
        self.assertTrue(_stats.skew([1.0, 2.0]) != _stats.skew([1.0, 2.0]))


if __name__ == "__main__":
    unittest.main()
