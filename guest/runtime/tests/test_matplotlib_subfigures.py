"""Native tests of SubFigure (Figure.subfigures, add_subfigure) as the figure spec's panels.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import SubFigure  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class SubFigureTests(ChartTestCase):
    def test_panels_and_the_axes_naming_them(self):
        fig = plt.figure(layout="constrained")
        subfigs = fig.subfigures(1, 2, wspace=0.07, width_ratios=[2, 1])
        self.assertIsInstance(subfigs[0], SubFigure)
        subfigs[0].set_facecolor("0.75")
        ax = subfigs[0].subplots()
        nested = subfigs[1].subfigures(2, 1, height_ratios=[1, 3])
        nested[1].add_subplot()
        fig.add_axes([0, 0, 0.1, 0.1])
        self.assertEqual(len(fig.axes), 3)
        self.assertEqual(subfigs[0].axes, [ax])
        (figure,) = self.shown()
        panels = figure["panels"]
        self.assertEqual([p["parent"] for p in panels], [None, None, 1, 1])
        self.assertEqual([p["grid_pos"] for p in panels],
                         [[1, 2, 0, 0, 1, 1], [1, 2, 0, 1, 1, 1], [2, 1, 0, 0, 1, 1], [2, 1, 1, 0, 1, 1]])
        self.assertEqual(panels[0]["width_ratios"], [2.0, 1.0])
        self.assertEqual(panels[0]["facecolor"], "#bfbfbfff")
        self.assertEqual(panels[1]["facecolor"], "#00000000")
        # Constrained layout's gap, wspace / ncols = 0.035, in average cells: 0.035 * 2 / 0.965.
        self.assertAlmostEqual(panels[0]["wspace"], 0.07 / 0.965)
        # The layout's own hspace (0.02) where the grid has none.
        self.assertAlmostEqual(panels[2]["hspace"], 0.01 * 2 / 0.99)
        self.assertEqual([a.get("panel") for a in figure["axes"]], [0, 3, None])

    def test_without_a_layout_engine_only_subfigures_spacing_applies(self):
        fig = plt.figure()
        a, b = fig.subfigures(1, 2, wspace=0.1)
        grid = fig.add_gridspec(1, 2, wspace=0.3)
        c = fig.add_subfigure(grid[0, 1])
        for sub in (a, b, c):
            sub.add_subplot()
        (figure,) = self.shown()
        self.assertEqual([p["wspace"] for p in figure["panels"]], [0.1, 0.1, 0.0])

    def test_a_subfigure_in_the_grid_of_axes_shares_it_under_constrained_layout(self):
        for layout, shared in (("constrained", True), (None, False)):
            fig, axs = plt.subplots(2, 3, layout=layout)
            grid = axs[0, 0].get_subplotspec().get_gridspec()
            for ax in axs[:, 0]:
                ax.remove()
            fig.add_subfigure(grid[:, 0]).add_subplot()
            fig.subfigures(1, 1)
            (figure,) = self.shown()
            self.assertEqual([p["shares_grid"] for p in figure["panels"]], [shared, False])

    def test_the_figures_suptitle_keeps_x_and_ha(self):
        fig = plt.figure()
        fig.add_subplot()
        fig.suptitle("Top", x=0.01, horizontalalignment="left")
        (figure,) = self.shown()
        self.assertEqual((figure["suptitle_x"], figure["suptitle_ha"]), (0.01, "left"))
        plt.figure().suptitle("Centred")
        (figure,) = self.shown()
        self.assertEqual((figure["suptitle_x"], figure["suptitle_ha"]), (0.5, "center"))

    def test_sup_texts_and_texts(self):
        fig = plt.figure()
        sub = fig.subfigures(2, 1)[0]
        sub.suptitle("Title", x=0, ha="left", fontsize=16)
        sub.supxlabel("x")
        sub.supylabel("y")
        sub.text(0.5, 0.5, "mid", ha="center")
        self.assertEqual(sub.get_suptitle(), "Title")
        (figure,) = self.shown()
        panel = figure["panels"][0]
        self.assertEqual((panel["suptitle"]["x"], panel["suptitle"]["ha"]), (0.0, "left"))
        self.assertEqual(panel["suptitle"]["text"]["fontsize"], 16.0)
        self.assertEqual((panel["supxlabel"]["x"], panel["supxlabel"]["ha"]), (0.5, "center"))
        self.assertEqual((panel["supylabel"]["y"], panel["supylabel"]["va"]), (0.5, "center"))
        self.assertEqual(panel["texts"][0]["text"]["text"], "mid")

    def test_colorbar_of_subfigure_axes_is_in_the_subfigure(self):
        import numpy as np

        fig = plt.figure()
        sub = fig.subfigures(1, 2)[1]
        axs = sub.subplots(2, 1)
        mesh = axs[0].pcolormesh(np.arange(4.0).reshape(2, 2))
        sub.colorbar(mesh, ax=axs)
        (figure,) = self.shown()
        self.assertEqual([a.get("panel") for a in figure["axes"]], [1, 1, 1])

    def test_a_subfigures_legend_names_its_panel(self):
        fig = plt.figure(layout="constrained")
        left, right = fig.subfigures(1, 2)
        left.add_subplot().plot([1, 2], label="a")
        right.add_subplot().plot([2, 1], label="b")
        fig.legend(loc="upper left")
        right.legend(loc="outside lower center")
        self.assertEqual(len(right.legends), 1)
        (figure,) = self.shown()
        legends = figure["legends"]
        self.assertEqual([(l.get("panel"), l["outside"]) for l in legends], [(None, None), (1, "bottom")])
        self.assertEqual([e["label"] for e in legends[1]["legend"]["entries"]], ["b"])
        self.assertEqual(legends[1]["legend"]["entries"][0]["axes"], 1)

    def test_what_is_not_drawn_is_refused(self):
        fig = plt.figure()
        sub = fig.subfigures(1, 2)[0]
        with self.assertRaisesRegex(NotImplementedError, r"SubFigure\.suptitle\(y=\.\.\.\)"):
            sub.suptitle("t", y=0.5)
        with self.assertRaisesRegex(NotImplementedError, r"SubFigure\.subplots_adjust"):
            sub.subplots_adjust(left=0.2)
        with self.assertRaisesRegex(NotImplementedError, r"SubFigure\(linewidth=\.\.\.\)"):
            fig.subfigures(1, 1, linewidth=2)


if __name__ == "__main__":
    unittest.main()
