"""The pure-Python parts of the guest's pandas: text layout, label encoding, timestamps.
(Everything touching tables needs the host; tests/tables/tables.rs covers it through gRPC.)"""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from pandas import _format, _labels, _reindex  # noqa: E402
from pandas._scalars import Timedelta, Timestamp  # noqa: E402


class FloatFormatTest(unittest.TestCase):
    def test_a_column_shares_its_decimals(self):
        self.assertEqual(_format.format_column([1.5, 22.25, None], "float64"), ["1.50", "22.25", "NaN"])
        self.assertEqual(_format.format_column([1.0, 2.0], "float64"), ["1.0", "2.0"])
        self.assertEqual(_format.format_column([1 / 3], "float64"), ["0.333333"])

    def test_large_and_tiny_values_switch_to_scientific(self):
        self.assertEqual(_format.format_column([1234567.891, 1.0], "float64"), ["1234567.891", "1.000"])
        self.assertEqual(_format.format_column([1234567.8912, 1.0], "float64"),
                         ["1.234568e+06", "1.000000e+00"])
        self.assertEqual(_format.format_column([1e-7], "float64"), ["1.000000e-07"])

    def test_long_text_cells_are_clipped_to_max_colwidth(self):
        # real pandas: 49 characters shown whole, 50 cut to 46 and "..." (a leading space counts)
        self.assertEqual(_format.clip_cells(["x" * 49, "x" * 50], "str"), ["x" * 49, "x" * 46 + "..."])
        self.assertEqual(_format.clip_cells(["1" * 60], "int64"), ["1" * 60])

    def test_dates_without_times_print_as_dates(self):
        days = [Timestamp("2024-01-02"), None]
        self.assertEqual(_format.format_column(days, "datetime64[ns]"), ["2024-01-02", "NaT"])
        moments = [Timestamp("2024-01-02 03:04:05"), Timestamp("2024-01-03")]
        self.assertEqual(_format.format_column(moments, "datetime64[ns]"),
                         ["2024-01-02 03:04:05", "2024-01-03 00:00:00"])


def frame(index_names, levels, columns, split=None, width=None):
    return _format.frame_text(index_names, levels, columns, 0, split, width)[0]


class LayoutTest(unittest.TestCase):
    """Expected texts are pandas 3.1's output for the same frames."""

    def test_columns_by_dtype(self):
        text = frame([None], [["0", "1", "2"]],
                     [("name", ["ann", "bob", "cy"], "object"),
                      ("score", ["1.50", "22.25", "NaN"], "float64"),
                      ("n", ["1", "20", "300"], "int64")])
        self.assertEqual(text, "  name  score    n\n0  ann   1.50    1\n1  bob  22.25   20\n2   cy    NaN  300")
        text = frame([None], [["0", "1"]], [("d", ["2024-01-01", "2024-02-01"], "datetime64[ns]")])
        self.assertEqual(text, "           d\n0 2024-01-01\n1 2024-02-01")

    def test_a_nan_column_label_prints_as_nan(self):
        text = frame([None], [["0", "1"]], [(float("nan"), ["False", "True"], "bool")])
        self.assertEqual(text, "     NaN\n0  False\n1   True")

    def test_a_named_index_gets_its_own_header_line(self):
        text = frame(["region"], [["east", "north", "west"]], [("units", ["600", "700", "80"], "int64")])
        self.assertEqual(text, "        units\nregion       \neast      600\nnorth     700\nwest       80")

    def test_outer_multiindex_labels_are_sparse(self):
        text = frame(["k1", "k2"], [["a", "a", "b"], ["x", "y", "x"]], [("v", ["1", "2", "3"], "int64")])
        self.assertEqual(text, "       v\nk1 k2   \na  x   1\n   y   2\nb  x   3")

    def test_multilevel_columns(self):
        text = frame(["k"], [["x", "y"]], [(("v", "sum"), ["1", "2"], "int64"),
                                           (("v", "mean"), ["1.0", "2.0"], "float64")])
        self.assertEqual(text, "    v     \n  sum mean\nk         \nx   1  1.0\ny   2  2.0")

    def test_truncated_rows_get_a_dots_row(self):
        text = frame([None], [["0", "99"]], [("a", ["0", "99"], "int64"), ("bbbbbb", ["0", "99"], "int64")], 1)
        self.assertEqual(text, "     a  bbbbbb\n0    0       0\n..  ..     ...\n99  99      99")

    def test_wide_frames_keep_the_columns_that_fit(self):
        columns = [(f"c{i}", [str(i)], "int64") for i in range(25)]
        text = frame([None], [["0"]], columns, width=80)
        self.assertEqual(text, "   c0  c1  c2  c3  c4  c5  c6  c7  ...  c17  c18  c19  c20  c21  c22  c23  c24\n"
                               "0   0   1   2   3   4   5   6   7  ...   17   18   19   20   21   22   23   24")
        text = _format.series_text([None], [["0", "99"]], ["0", "99"], 1, "dtype: int64")
        self.assertEqual(text, "0      0\n      ..\n99    99\ndtype: int64")

    def test_an_all_missing_float_column_has_no_sign_column(self):
        text = frame([None], [["0", "1"]], [("a", ["NaN", "inf"], "float64"),
                                            ("b", ["NaN", "NaN"], "float64")])
        self.assertEqual(text, "     a   b\n0  NaN NaN\n1  inf NaN")
        text = _format.series_text([None], [["0"]], ["NaN"], None, "dtype: float64", "float64")
        self.assertEqual(text, "0   NaN\ndtype: float64")

    def test_level_names_above_a_series(self):
        one = _format.series_text(["first_name"], [["a", "b"]], ["1", "2"], None, "dtype: int64")
        self.assertEqual(one, "first_name\na    1\nb    2\ndtype: int64")
        two = _format.series_text(["Animal", "Type"], [["Falcon", "Falcon"], ["Captive", "Wild"]],
                                  ["390.0", "350.0"], None, "dtype: float64", "float64")
        self.assertEqual(two, "Animal  Type   \nFalcon  Captive    390.0\n        Wild       350.0\n"
                              "dtype: float64")

    def test_series_layout(self):
        text = _format.series_text([None], [["0", "1"]], ["1", "100"], None, "Name: a, dtype: int64")
        self.assertEqual(text, "0      1\n1    100\nName: a, dtype: int64")


class ReindexTest(unittest.TestCase):
    def test_fill_limits_count_away_from_the_copied_row(self):
        # pandas 3.1: reindex([0..6], method=..., limit=1) of labels 1 and 4
        new = list(range(7))
        self.assertEqual(_reindex.positions([1, 4], new, "ffill", 1), [None, 0, 0, None, 1, 1, None])
        self.assertEqual(_reindex.positions([1, 4], new, "bfill", 1), [0, 0, None, 1, 1, None, None])


class LabelTest(unittest.TestCase):
    def test_labels_round_trip(self):
        for label in ["sales", 5, 2.5, True, ("v", "sum"), ("v", 3), Timestamp("2024-05-01")]:
            self.assertEqual(_labels.decode(_labels.encode(label)), label)

    def test_index_columns_carry_their_names(self):
        self.assertEqual(_labels.index_label(_labels.index_column(0, "a=b")), "a=b")
        self.assertIsNone(_labels.index_label(_labels.index_column(1, None)))


class ScalarTest(unittest.TestCase):
    def test_timestamps_look_like_pandas(self):
        stamp = Timestamp("2024-03-05 06:07:08")
        self.assertEqual(repr(stamp), "Timestamp('2024-03-05 06:07:08')")
        self.assertEqual(Timestamp._from_micros(stamp._micros()), stamp)
        self.assertEqual((stamp.dayofweek, stamp.quarter), (1, 1))
        self.assertIsInstance(stamp - Timestamp("2024-03-01"), Timedelta)
        self.assertEqual(str(Timedelta(days=1, hours=2)), "1 days 02:00:00")
        self.assertEqual(Timestamp(datetime.date(2024, 1, 1)), datetime.datetime(2024, 1, 1))


if __name__ == "__main__":
    unittest.main()


class DateRangeTest(unittest.TestCase):
    """Expected reprs are pandas 3.1.1's output for the same calls."""

    def test_anchored_offsets_roll_forward(self):
        from pandas import date_range
        self.assertEqual(repr(date_range("2024-01-31", periods=3, freq="W")),
                         "DatetimeIndex(['2024-02-04', '2024-02-11', '2024-02-18'],\n"
                         "              dtype='datetime64[us]', freq='W-SUN')")
        self.assertEqual(repr(date_range("2024-01-31", periods=3, freq="MS")),
                         "DatetimeIndex(['2024-02-01', '2024-03-01', '2024-04-01'],\n"
                         "              dtype='datetime64[us]', freq='MS')")
        self.assertEqual(repr(date_range(end="2024-03-15", periods=2, freq="QE")),
                         "DatetimeIndex(['2023-09-30', '2023-12-31'], dtype='datetime64[us]',\n"
                         "              freq='QE-DEC')")

    def test_long_index_wraps_and_elides(self):
        from pandas import date_range
        self.assertEqual(repr(date_range("2024-01-01", "2024-01-10")),
                         "DatetimeIndex(['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04',\n"
                         "               '2024-01-05', '2024-01-06', '2024-01-07', '2024-01-08',\n"
                         "               '2024-01-09', '2024-01-10'],\n"
                         "              dtype='datetime64[us]', freq='D')")
        text = repr(date_range("2024-01-01", periods=150, name="when"))
        self.assertTrue(text.endswith("'2024-05-28', '2024-05-29'],\n              dtype="
                                      "'datetime64[us]', name='when', length=150, freq='D')"))

    def test_times_and_linear_spacing(self):
        from pandas import date_range
        self.assertEqual(repr(date_range("2024-01-01", "2024-01-02", periods=5)),
                         "DatetimeIndex(['2024-01-01 00:00:00', '2024-01-01 06:00:00',\n"
                         "               '2024-01-01 12:00:00', '2024-01-01 18:00:00',\n"
                         "               '2024-01-02 00:00:00'],\n"
                         "              dtype='datetime64[us]', freq=None)")

    def test_removed_aliases_are_refused(self):
        from pandas import date_range
        with self.assertRaises(ValueError):
            date_range("2024-01-01", periods=3, freq="M")


class IndexReprTest(unittest.TestCase):
    """Expected reprs are pandas 3.1.1's output."""

    def test_strings_wrap_unjustified(self):
        from pandas import Index
        self.assertEqual(repr(Index([f"apple{i}" for i in range(14)])),
                         "Index(['apple0', 'apple1', 'apple2', 'apple3', 'apple4', 'apple5', 'apple6',\n"
                         "       'apple7', 'apple8', 'apple9', 'apple10', 'apple11', 'apple12',\n"
                         "       'apple13'],\n"
                         "      dtype='str')")
        self.assertEqual(repr(Index([1, 2, 3], name="x")), "Index([1, 2, 3], dtype='int64', name='x')")


class MultiIndexReprTest(unittest.TestCase):
    """Expected reprs are pandas 3.1.1's output."""

    def test_levels_are_justified_one_tuple_a_line(self):
        from pandas import MultiIndex
        self.assertEqual(repr(MultiIndex.from_product([[0, 1], ["green", "purple"]],
                                                      names=["number", "color"])),
                         "MultiIndex([(0,  'green'),\n"
                         "            (0, 'purple'),\n"
                         "            (1,  'green'),\n"
                         "            (1, 'purple')],\n"
                         "           names=['number', 'color'])")
        self.assertEqual(repr(MultiIndex.from_tuples([(1.5, "red"), (10.25, "x"), (float("nan"), "y")],
                                                     names=["a", None])),
                         "MultiIndex([(  1.5, 'red'),\n"
                         "            (10.25,   'x'),\n"
                         "            (  nan,   'y')],\n"
                         "           names=['a', None])")
        self.assertEqual(repr(MultiIndex.from_tuples([(1, "red")])), "MultiIndex([(1, 'red')],\n           )")

    def test_levels_and_codes(self):
        from pandas import MultiIndex
        index = MultiIndex(levels=[["llama", "cow"], ["speed", "weight"]], codes=[[0, 0, 1], [0, 1, 1]])
        self.assertEqual(list(index), [("llama", "speed"), ("llama", "weight"), ("cow", "weight")])
        self.assertEqual(repr(index.names), "FrozenList([None, None])")
