"""Native tests of bar()/barh() error bars (xerr=, yerr=, capsize=, error_kw=) and of hist() of
several datasets. Expected values are real matplotlib 3.10.8's on the same calls.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class BarErrorTests(ChartTestCase):
    def test_barh_xerr_draws_errorbars_at_the_bar_ends(self):
        fig, ax = plt.subplots()
        bars = ax.barh([0, 1], [3, 4], xerr=[0.5, 0.2], align="center")
        data_line, caplines, (segments,) = bars.errorbar
        self.assertEqual((data_line, caplines), (None, ()))
        self.assertEqual(segments.get_segments(), [[[2.5, 0.0], [3.5, 0.0]], [[3.8, 1.0], [4.2, 1.0]]])
        bar_spec, errors = self.artists()
        self.assertEqual((bar_spec["type"], errors["role"], errors["color"]), ("bar", "errorbar x", "#000000ff"))

    def test_bar_yerr_caps_stand_on_the_bar_tops(self):
        fig, ax = plt.subplots()
        bars = ax.bar(["a", "b"], [3, 4], yerr=[0.5, 0.2], capsize=3, bottom=1)
        # matplotlib: the caps are two marker lines, at bottom + height -/+ the error
        self.assertEqual([(line.get_xdata(), line.get_ydata()) for line in ax.lines],
                         [([0.0, 1.0], [3.5, 4.8]), ([0.0, 1.0], [4.5, 5.2])])
        self.assertIsNotNone(bars.errorbar)
        self.assertIsNone(ax.bar([0], [1]).errorbar)


class SeveralHistogramsTests(ChartTestCase):
    DATA = [[1, 2, 2, 3, 3.5], [2, 3, 3, 4, 5], [1, 1, 5]]

    @staticmethod
    def bars(artists):
        return [(bar["x"], bar["widths"], bar["bottoms"], bar["heights"]) for bar in artists]

    def test_side_by_side_bars_share_the_bins(self):
        fig, ax = plt.subplots()
        n, bins, patches = ax.hist(self.DATA, bins=3, label=["a", "b"])
        self.assertEqual(n.tolist(), [[3, 2, 0], [1, 2, 2], [2, 0, 1]])
        self.assertEqual([round(v, 6) for v in bins], [1.0, 2.333333, 3.666667, 5.0])
        self.assertEqual(len(patches), 3)
        self.assertEqual([round(v, 6) for v in ax.get_xlim()], [0.946667, 5.053333])
        artists = self.artists()
        first, second, third = self.bars(artists)
        self.assertEqual([round(v, 6) for v in first[0]], [1.311111, 2.644444, 3.977778])
        self.assertEqual([round(v, 6) for v in third[0]], [2.022222, 3.355556, 4.688889])
        self.assertEqual({round(w, 6) for w in first[1]}, {0.355556})
        self.assertEqual([a["label"] for a in artists], ["a", "b", None])

    def test_stacked_bars_stand_on_the_running_total(self):
        fig, ax = plt.subplots()
        n, _, _ = ax.hist(self.DATA, bins=3, stacked=True)
        self.assertEqual(n.tolist(), [[3, 2, 0], [4, 4, 2], [6, 4, 3]])
        self.assertEqual(ax.get_ylim(), (0.0, 6.3))
        bottoms = [bottoms for _, _, bottoms, _ in self.bars(self.artists())]
        self.assertEqual(bottoms, [[0, 0, 0], [3, 2, 0], [4, 4, 2]])

    def test_the_columns_of_a_2d_array_are_the_datasets(self):
        import numpy as np

        fig, ax = plt.subplots()
        n, _, _ = ax.hist(np.array([[1, 2], [2, 3], [2, 3], [3, 4]]), bins=3, stacked=True)
        self.assertEqual(n.tolist(), [[1, 2, 1], [1, 3, 4]])

    def test_an_edge_width_is_drawn_and_a_dashed_edge_refused(self):
        fig, ax = plt.subplots()
        ax.hist([1, 2, 2, 3], bins=3, edgecolor="black", linewidth=3)
        (bars,) = self.artists()
        self.assertEqual((bars["type"], bars["linewidth"]), ("bar", 3.0))
        with self.assertRaisesRegex(NotImplementedError, r"hist\(linestyle='--'\)"):
            plt.hist([1, 2], linestyle="--")
        with self.assertRaisesRegex(NotImplementedError, r"hist\(histtype='step', linewidth=...\)"):
            plt.hist([1, 2], histtype="step", linewidth=2)

    def test_one_colour_per_dataset(self):
        with self.assertRaisesRegex(ValueError, "one color per dataset, but 3 datasets and 1 colors"):
            plt.hist(self.DATA, color="red")


if __name__ == "__main__":
    unittest.main()
