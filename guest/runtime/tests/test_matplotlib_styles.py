"""Native tests of line dash patterns (custom linestyles, set_dashes, dashes=, gapcolor=) and
unfilled bars.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class DashTests(ChartTestCase):
    def test_custom_dash_patterns(self):
        fig, ax = plt.subplots()
        ax.plot([0, 1], linestyle=(5, (10, 3)))
        line, = ax.plot([0, 1])
        line.set_dashes([2, 2, 10, 2])
        ax.plot([0, 1], dashes=[4, 4], gapcolor="tab:pink")
        ax.plot([0, 1], gapcolor="red")  # solid: no gaps to colour
        ax.axhline(0.5, ls=(0, (5, 5)))
        ax.axvline(0.5, dashes=(2, 1))
        proxy = Line2D([0], [0], dashes=(3, 1))
        self.assertEqual(proxy.get_linestyle(), {"dashes": {"offset": 0.0, "pattern": [3.0, 1.0]}})
        artists = self.artists()
        self.assertEqual([a["linestyle"] for a in artists], [
            {"dashes": {"offset": 5.0, "pattern": [10.0, 3.0]}},
            {"dashes": {"offset": 0.0, "pattern": [2.0, 2.0, 10.0, 2.0]}},
            {"dashes": {"offset": 0.0, "pattern": [4.0, 4.0]}},
            "-",
            {"dashes": {"offset": 0.0, "pattern": [5.0, 5.0]}},
            {"dashes": {"offset": 0.0, "pattern": [2.0, 1.0]}}])
        self.assertEqual([a.get("gapcolor") for a in artists[:4]], [None, None, "#e377c2ff", None])

    def test_offset_wraps_and_bad_patterns_are_refused(self):
        line, = plt.plot([0, 1], ls=(13, (4, 1)))
        self.assertEqual(line.get_linestyle()["dashes"]["offset"], 3.0)  # matplotlib: offset % sum
        line.set_dashes((None, None))
        self.assertEqual(line.get_linestyle(), "-")
        with self.assertRaises(ValueError):
            plt.plot([0, 1], ls=(0, (-1, 2)))
        with self.assertRaises(ValueError):
            plt.plot([0, 1], ls=(None, (1, 2)))
        with self.assertRaisesRegex(ValueError, "must be positive"):
            plt.plot([0, 1], ls=(0, (0, 0)))
        with self.assertRaisesRegex(NotImplementedError, "dash patterns shorter"):
            plt.plot([0, 1], ls=(0, (0.01, 0.01)))


class BarFillTests(ChartTestCase):
    def test_unfilled_bars_are_black_outlines_and_use_up_a_colour(self):
        plt.bar([0, 1], [1, 2], fill=False)
        plt.bar([0, 1], [1, 2])
        first, second = self.artists()
        # Real matplotlib: face (0.12, 0.47, 0.71, 0) (not filled), edge (0, 0, 0, 1); the next bars are C1.
        self.assertEqual((first["colors"], first["edgecolor"]), (["#00000000"] * 2, "#000000ff"))
        self.assertEqual(second["colors"], ["#ff7f0eff"] * 2)


class ScatterMaskTests(ChartTestCase):
    def test_a_missing_size_hides_its_point(self):
        plt.scatter([0, 1, 2], [0, 1, 2], s=[1, float("nan"), 3])
        (points,) = self.artists()
        # Real matplotlib's get_offsets(): [[0.0, 0.0], [None, None], [2.0, 2.0]]
        self.assertEqual((points["x"], points["y"]), ([0.0, None, 2.0], [0.0, None, 2.0]))
        self.assertEqual((points["sizes"][0], points["sizes"][2]), (1.0, 3.0))


if __name__ == "__main__":
    unittest.main()
