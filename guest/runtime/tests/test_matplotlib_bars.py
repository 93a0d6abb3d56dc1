"""Native tests of bar()/barh() error bars (xerr=, yerr=, capsize=, error_kw=). Expected values are
real matplotlib 3.10.8's on the same calls.

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


if __name__ == "__main__":
    unittest.main()
