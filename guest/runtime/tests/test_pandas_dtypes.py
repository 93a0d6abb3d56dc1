"""The guest-only parts of pandas' dtypes: Categorical's repr, object cells, timedelta
parsing and cells, date format guessing. Expected texts are pandas 3.1.1's output for the
same values. (Columns on the host are covered through gRPC in tests/tables/pandas_dtypes.rs.)"""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from pandas import _format  # noqa: E402
from pandas._categorical import Categorical  # noqa: E402
from pandas._dates import guess_format, round_micros, to_offset  # noqa: E402
from pandas._scalars import NaT, Timedelta  # noqa: E402


class CategoricalReprTest(unittest.TestCase):
    def test_long_ordered_categorical_is_cut_in_the_middle(self):
        self.assertEqual(repr(Categorical(list("abcdefghijkl"), ordered=True)),
                         "['a', 'b', 'c', 'd', 'e', ..., 'h', 'i', 'j', 'k', 'l']\n"
                         "Length: 12\n"
                         "Categories (12, str): ['a' < 'b' < 'c' < 'd' ... 'i' < 'j' < 'k' < 'l']")

    def test_mixed_categories_sort_numbers_first(self):
        self.assertEqual(repr(Categorical(["b", "a", 1])),
                         "['b', 'a', 1]\nCategories (3, object): [1, 'a', 'b']")

    def test_empty_and_missing(self):
        self.assertEqual(repr(Categorical([], categories=["x"])), "[], Categories (1, str): ['x']")
        self.assertEqual(repr(Categorical(["a", "b", "a"]).remove_categories(["a"])),
                         "[NaN, 'b', NaN]\nCategories (1, str): ['b']")
        self.assertTrue(math.isnan(Categorical(["a", None])[1]))

    def test_renamed_categories_keep_the_codes(self):
        self.assertEqual(repr(Categorical(["a", "b"]).rename_categories(["x", "y"])),
                         "['x', 'y']\nCategories (2, str): ['x', 'y']")

    def test_min_needs_order(self):
        c = Categorical(list("abcabc"), ordered=True, categories=["c", "b", "a"])
        self.assertEqual(c.min(), "c")
        with self.assertRaises(TypeError):
            Categorical(["a"]).min()


class ObjectCellsTest(unittest.TestCase):
    def test_mixed_values_print_as_pandas(self):
        values = ["a", 1, 2.5, None, math.nan, NaT, [1, "x"], {"k": "v"}, ("t",), "tab\there"]
        cells = [c.strip() for c in _format.format_column(values, "object")]
        self.assertEqual(cells, ["a", "1", "2.5", "None", "NaN", "NaT", "[1, x]", "{'k': 'v'}",
                                 "(t,)", "tab\\there"])


class TimedeltaTest(unittest.TestCase):
    def test_strings(self):
        self.assertEqual(repr(Timedelta("-1 days +23:00:00")), "Timedelta('-1 days +23:00:00')")
        self.assertEqual(repr(Timedelta("1.5h")), "Timedelta('0 days 01:30:00')")
        self.assertEqual(repr(Timedelta(90, "s")), "Timedelta('0 days 00:01:30')")
        self.assertEqual(repr(Timedelta("1 days 06:05:01.00003")),
                         "Timedelta('1 days 06:05:01.000030')")
        with self.assertRaises(NotImplementedError):  # nanoseconds
            Timedelta("15.5us")

    def test_cells_share_their_precision(self):
        values = [Timedelta("1 days 02:00:00.5"), Timedelta("2h"), None]
        self.assertEqual(_format.timedelta_cells(values),
                         ["1 days 02:00:00.500000", "0 days 02:00:00.000000", "NaT"])
        self.assertEqual(_format.timedelta_cells([Timedelta("1D"), None]), ["1 days", "NaT"])


class DatesTest(unittest.TestCase):
    def test_guessed_formats_are_pandas(self):
        for text, fmt in [("2000", "%Y"), ("1 1 2016", "%m %d %Y"), ("3/13/2000", "%m/%d/%Y"),
                          ("13.03.2000", "%d.%m.%Y"), ("2018-10-26 12:00", "%Y-%m-%d %H:%M"),
                          ("Jan 5 2020", "%b %d %Y"), ("January 5, 2020", "%B %d, %Y"),
                          ("2020-01-05T10:00:00", "%Y-%m-%dT%H:%M:%S"), ("20200105", "%Y%m%d")]:
            self.assertEqual(guess_format(text), fmt, text)
        with self.assertRaises(NotImplementedError):
            guess_format("1/1/2020 10:00:00+00:00")

    def test_compound_frequency_and_rounding(self):
        self.assertEqual(to_offset("1D20min").freqstr, "1460min")
        hour = 3_600_000_000
        self.assertEqual(round_micros(hour // 2, "h", "round"), 0)  # half to even
        self.assertEqual(round_micros(3 * hour // 2, "h", "round"), 2 * hour)
        self.assertEqual(round_micros(1, "h", "ceil"), hour)


if __name__ == "__main__":
    unittest.main()
