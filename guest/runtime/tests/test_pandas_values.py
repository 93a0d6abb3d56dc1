"""Guest-only pandas logic of issue 16 that needs no host: to_json's float format, rank,
replace's rules, reindex positions, Interval arithmetic, interval_range and factorize.
Expected values are what pandas 3.1.1 (numpy 2.3.5) gives on the same input. (The methods
themselves run through gRPC in tests/tables/pandas_strings.rs.)"""

import importlib.util
import math
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from pandas import _json, _rank, _reindex, _replace  # noqa: E402
from pandas._categorical import Interval  # noqa: E402

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
nan = math.nan


class JsonFloatTest(unittest.TestCase):
    def test_as_pandas_double_precision_10(self):
        # pd.Series([...]).to_json(orient="values") of pandas 3.1.1
        values = [-0.0, -1.25, 5e-16, 1e15 + 0.5, 9999999999999999.0, 3.0000000000499,
                  2.00000000005, 2.00000000015, 0.5e-10, 1 / 3, 1e-20, 123456789.123456789,
                  2.5e-5, 0.1 + 0.2, 2.0, nan]
        self.assertEqual(",".join(_json.json_float(v) for v in values),
                         "0.0,-1.25,5e-16,1000000000000000.5,10000000000000000.0,3.0,"
                         "2.0000000001,2.0000000002,0.0000000001,0.3333333333,1e-20,"
                         "123456789.123456791,0.000025,0.3,2.0,null")


class RankTest(unittest.TestCase):
    def test_methods_and_missing_values(self):
        values = [4, 2, 4, 8, nan, nan, 2]
        self.assertEqual(_rank.ranks(values), [3.5, 1.5, 3.5, 5.0, None, None, 1.5])
        self.assertEqual(_rank.ranks(values, na_option="top"), [5.5, 3.5, 5.5, 7.0, 1.5, 1.5, 3.5])
        self.assertEqual(_rank.ranks(values, "max", na_option="bottom"),
                         [4.0, 2.0, 4.0, 5.0, 7.0, 7.0, 2.0])
        self.assertEqual(_rank.ranks(values, "first", na_option="bottom"),
                         [3.0, 1.0, 4.0, 5.0, 6.0, 7.0, 2.0])
        self.assertEqual(_rank.ranks(values, "dense", False, "keep", True),
                         [2 / 3, 1.0, 2 / 3, 1 / 3, None, None, 1.0])
        with self.assertRaises(ValueError):
            _rank.ranks(values, na_option="middle")


class ReplaceTest(unittest.TestCase):
    def column(self, values, to_replace, value=_replace.NO_VALUE, regex=False):
        return _replace.replaced(values, _replace.rules(to_replace, value, regex))[0]

    def test_pairs_match_the_original_values(self):
        self.assertEqual(self.column([0, 1, 2, 3, 4], [0, 1, 2, 3], [4, 3, 2, 1]), [4, 3, 2, 1, 4])
        self.assertEqual(self.column([10, "a", "b"], {"a": None}), [10, None, "b"])
        self.assertEqual(self.column([1.0, nan], nan, 0), [1.0, 0])

    def test_regular_expressions(self):
        self.assertEqual(self.column(["bat", "foo", "bait"], r"^ba.$", "new", True),
                         ["new", "foo", "bait"])
        self.assertEqual(self.column(["ab", "xabx", nan], "a", "Z", True), ["Zb", "xZbx", nan])
        self.assertEqual(self.column(["Foo", "bar"], re.compile("foo", re.I), "new"), ["new", "bar"])

    def test_frame_rules_per_column(self):
        rules = _replace.frame_rules(["A", "B", "C"], {"A": 0, "B": 5}, 100, False)
        self.assertEqual(sorted(rules), ["A", "B"])
        rules = _replace.frame_rules(["A", "B"], None, _replace.NO_VALUE, {r"^ba.$": "new"})
        self.assertEqual(sorted(rules), ["A", "B"])


class ReindexTest(unittest.TestCase):
    def test_positions_and_fills(self):
        old = [1, 2, 4]
        self.assertEqual(_reindex.positions(old, [4, 3, 1], None), [2, None, 0])
        self.assertEqual(_reindex.positions(old, [0, 3, 5], "bfill"), [0, 2, None])
        self.assertEqual(_reindex.positions(old, [0, 3, 5], "ffill"), [None, 1, 2])
        with self.assertRaises(ValueError):
            _reindex.positions([1, 1], [1], None)


class IntervalTest(unittest.TestCase):
    def test_containment_and_arithmetic(self):
        iv = Interval(0, 5)
        self.assertTrue(Interval(2, 5, closed="both") in iv)
        self.assertFalse(Interval(0, 5, closed="both") in iv)
        self.assertEqual(repr(iv + 3), "Interval(3, 8, closed='right')")
        self.assertEqual(repr(iv * 10.0), "Interval(0.0, 50.0, closed='right')")

    @unittest.skipUnless(HAVE_NUMPY, "numpy")
    def test_interval_range_and_factorize(self):
        import numpy as np
        from pandas import _categorical, _index
        self.assertEqual(repr(_index.interval_range(start=0, end=5)),
                         "IntervalIndex([(0, 1], (1, 2], (2, 3], (3, 4], (4, 5]],\n"
                         "              dtype='interval[int64, right]')")
        self.assertEqual(repr(_index.interval_range(start=0, periods=3, freq=2, closed="left")),
                         "IntervalIndex([[0, 2), [2, 4), [4, 6)], dtype='interval[int64, left]')")
        codes, uniques = _categorical.factorize(np.array(["b", None, "a", "c", "b"], dtype="O"))
        self.assertEqual(codes.tolist(), [0, -1, 1, 2, 0])
        self.assertEqual(uniques.tolist(), ["b", "a", "c"])
        codes, uniques = _categorical.factorize(np.array(["b", "b", "a", "c"], dtype="O"), sort=True)
        self.assertEqual(codes.tolist(), [1, 1, 0, 2])


if __name__ == "__main__":
    unittest.main()
