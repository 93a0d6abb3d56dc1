"""Native tests of subplot parameters (subplots_adjust, GridSpec(left=...)), tight_layout's pads and
labelpad as the figure spec carries them.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class SubplotParsTests(ChartTestCase):
    def test_tight_unless_adjusted(self):
        plt.subplots(2, 1)
        (figure,) = self.shown()
        self.assertNotIn("subplotpars", figure["axes"][0])
        self.assertNotIn("tight", figure)

    def test_adjusted_params_over_rc_defaults(self):
        fig, axs = plt.subplots(2, 1)
        fig.subplots_adjust(hspace=0)
        plt.subplots_adjust(left=0.2)
        (figure,) = self.shown()
        self.assertEqual([a["subplotpars"] for a in figure["axes"]], [[0.2, 0.11, 0.9, 0.88, 0.2, 0.0]] * 2)

    def test_gridspec_params_over_the_figures(self):
        fig = plt.figure()
        fig.subplots_adjust(left=0.3)
        grid = fig.add_gridspec(1, 2, wspace=0.5, right=0.8)
        fig.add_subplot(grid[0, 0])
        fig.add_axes([0.1, 0.1, 0.2, 0.2])
        (figure,) = self.shown()
        self.assertEqual(figure["axes"][0]["subplotpars"], [0.3, 0.11, 0.8, 0.88, 0.5, 0.2])
        self.assertNotIn("subplotpars", figure["axes"][1])

    def test_after_tight_layout_the_rest_is_the_hosts(self):
        fig, axs = plt.subplots(1, 2)
        fig.tight_layout(pad=2, w_pad=0.5)
        fig.subplots_adjust(wspace=0.05)
        (figure,) = self.shown()
        self.assertEqual(figure["axes"][0]["subplotpars"], [None, None, None, None, 0.05, None])
        self.assertEqual(figure["tight"], {"pad": 20.0, "w_pad": 5.0, "h_pad": 20.0, "rect": None})

    def test_tight_layout_clears_earlier_adjustments(self):
        fig, axs = plt.subplots(1, 2)
        fig.subplots_adjust(wspace=0.05)
        fig.tight_layout(rect=(0, 0, 1, 0.9))
        (figure,) = self.shown()
        self.assertNotIn("subplotpars", figure["axes"][0])
        self.assertEqual(figure["tight"]["rect"], [0.0, 0.0, 1.0, 0.9])

    def test_layout_engines_ignore_subplots_adjust(self):
        fig, ax = plt.subplots(layout="constrained")
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            fig.subplots_adjust(left=0.3)
        self.assertIn("not calling subplots_adjust", str(caught[0].message))
        (figure,) = self.shown()
        self.assertNotIn("subplotpars", figure["axes"][0])

    def test_gridspec_params_under_engines(self):
        fig, axs = plt.subplots(1, 2, layout="tight", gridspec_kw={"wspace": 0.1})
        fig2, axs2 = plt.subplots(1, 2, layout="constrained", gridspec_kw={"wspace": 0.1})
        first, second = self.shown()
        self.assertEqual(first["axes"][0]["subplotpars"], [None, None, None, None, 0.1, None])
        self.assertNotIn("subplotpars", second["axes"][0])

    def test_refused_and_invalid(self):
        fig = plt.figure()
        with self.assertRaises(ValueError):
            fig.subplots_adjust(left=0.6, right=0.4)
        outer = fig.add_gridspec(1, 2)
        with self.assertRaisesRegex(NotImplementedError, "nested gridspec"):
            outer[0].subgridspec(2, 1, hspace=0)
        with self.assertRaises(TypeError):
            fig.add_gridspec(1, 2, spacing=3)

    def test_labelpad(self):
        fig, ax = plt.subplots()
        ax.set_xlabel("x", labelpad=10)
        ax.set_ylabel("y")
        ax.yaxis.labelpad = 2
        axes = self.axes_spec()
        self.assertEqual((axes["xlabelpad"], axes["ylabelpad"]), (10.0, 2.0))


if __name__ == "__main__":
    unittest.main()
