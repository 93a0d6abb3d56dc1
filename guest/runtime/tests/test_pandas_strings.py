"""pandas' string methods on Python values (pandas/_strvalues.py), checked against what
pandas 3.1.1 gives for pd.Series(VALUES).str.<method>(...).tolist() on the same input.
(Series.str and Index.str themselves run through gRPC in tests/tables/pandas_strings.rs.)"""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from pandas import _strvalues as sv  # noqa: E402

nan = math.nan
VALUES = ["A", "B", "Aaba", "Baca", nan, "CABA", "cat"]


class StrValuesTest(unittest.TestCase):
    def same(self, got, expected):
        self.assertEqual(len(got), len(expected))
        for a, b in zip(got, expected):
            if isinstance(b, float) and math.isnan(b):
                self.assertTrue(isinstance(a, float) and math.isnan(a), (got, expected))
            else:
                self.assertEqual(a, b, (got, expected))

    def test_counts_and_positions(self):
        self.same(sv.count(VALUES, "a"), [0, 0, 2, 2, nan, 0, 1])
        self.same(sv.find(VALUES, "a"), [-1, -1, 1, 1, nan, -1, 1])
        self.same(sv.find(VALUES, "a", 1, 3, "rfind"), [-1, -1, 1, 1, nan, -1, 1])

    def test_tests_give_false_for_missing(self):
        self.same(sv.match(VALUES, "[AB]"), [True, True, True, True, False, False, False])
        self.same(sv.match(VALUES, "a", case=False, full=True),
                  [True, False, False, False, False, False, False])
        self.same(sv.contains(VALUES, "A", case=False, regex=False),
                  [True, False, True, True, False, True, True])
        self.same(sv.affix(VALUES, ("A", "c"), "startswith"),
                  [True, False, True, False, False, False, True])
        with self.assertRaises(TypeError):
            sv.affix(VALUES, ["A"], "startswith")

    def test_replace_as_pandas(self):
        self.same(sv.replace(VALUES, "a", "X", n=1),
                  ["A", "B", "AXba", "BXca", nan, "CABA", "cXt"])
        self.same(sv.replace(VALUES, "A", "z", case=False),
                  ["z", "B", "zzbz", "Bzcz", nan, "CzBz", "czt"])
        self.same(sv.replace(VALUES, {"A": "a", "B": "b"}),
                  ["a", "b", "aaba", "baca", nan, "Caba", "cat"])
        self.same(sv.replace(VALUES, r"(a)(b)?", r"<\2\1>", regex=True),
                  ["A", "B", "A<ba><a>", "B<a>c<a>", nan, "CABA", "c<a>t"])
        with self.assertRaises(ValueError):
            sv.replace(VALUES, "a", len, regex=False)
        with self.assertRaises(ValueError):
            sv.replace(VALUES, {"a": "b"}, "c")

    def test_slices_and_splits(self):
        self.same(sv.sliced(VALUES, -3, None, 2), ["A", "B", "aa", "aa", nan, "AA", "ct"])
        self.same(sv.split(VALUES, "a", 1, "rsplit"),
                  [["A"], ["B"], ["Aab", ""], ["Bac", ""], nan, ["CABA"], ["c", "t"]])

    def test_extract_dummies_and_cat(self):
        self.same(sv.extract(VALUES, r"(a)(b)?")[2:4], [["a", "b"], ["a", nan]])
        self.same(sv.extract(VALUES, r"(a)(b)?")[4], [nan, nan])
        tags, present = sv.dummies(["a|b", nan, "a|c"])
        self.assertEqual(tags, ["a", "b", "c"])
        self.assertEqual(present, [[True, False, True], [True, False, False],
                                   [False, False, True]])
        self.assertEqual(sv.joined(VALUES, ",", None), "A,B,Aaba,Baca,CABA,cat")
        self.assertEqual(sv.joined(VALUES, ",", "?"), "A,B,Aaba,Baca,?,CABA,cat")
        self.same(sv.concatenated([["a", nan], ["b", "c"]], "-", None), ["a-b", nan])
        self.same(sv.concatenated([["a", nan], ["b", "c"]], "-", "?"), ["a-b", "?-c"])


if __name__ == "__main__":
    unittest.main()
