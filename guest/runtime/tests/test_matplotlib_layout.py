"""Native tests of the layout part of the figure spec: colorbar placement (location, several parents,
cax=, end triangles), insets, box aspect, anchors and hidden axes.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import cm, colors  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class ColorbarPlacementTests(ChartTestCase):
    def mappable(self):
        return cm.ScalarMappable(norm=colors.Normalize(0, 1), cmap="viridis")

    def test_location_defaults_follow_matplotlib(self):
        fig, ax = plt.subplots()
        fig.colorbar(self.mappable(), ax=ax, location="bottom", shrink=0.5)
        (figure,) = self.shown()
        bar = figure["axes"][1]["colorbar"]
        # matplotlib's make_axes for 'bottom': anchor (0.5, 1.0), pad 0.15
        self.assertEqual(bar, {"location": "bottom", "parents": [0], "fraction": 0.15, "pad": 0.15, "shrink": 0.5,
                               "aspect": 20.0, "anchor": [0.5, 1.0]})
        self.assertEqual(figure["axes"][0]["anchor"], [0.5, 0.0])  # the parent's panchor
        self.assertEqual(figure["axes"][1]["xlim"], [0.0, 1.0])

    def test_orientation_and_location_must_agree(self):
        fig, ax = plt.subplots()
        with self.assertRaises(TypeError):
            fig.colorbar(self.mappable(), ax=ax, location="left", orientation="horizontal")

    def test_several_parents_and_cax(self):
        fig, axs = plt.subplots(2, 2)
        fig.colorbar(self.mappable(), ax=axs, orientation="horizontal")
        cax = fig.add_axes([0.9, 0.1, 0.03, 0.8])
        fig.colorbar(self.mappable(), cax=cax)
        (figure,) = self.shown()
        self.assertEqual(figure["axes"][4]["colorbar"]["parents"], [0, 1, 2, 3])
        self.assertEqual(figure["axes"][5]["colorbar"]["parents"], [])
        self.assertEqual(figure["axes"][5]["colorbar_of"], 5)  # a mappable drawn on no axes

    def test_extend_adds_triangles_in_the_extremes(self):
        fig, ax = plt.subplots()
        mappable = cm.ScalarMappable(norm=colors.Normalize(0, 1),
                                     cmap=plt.colormaps["viridis"].with_extremes(under="red", over="blue"))
        fig.colorbar(mappable, ax=ax, extend="min", extendfrac=0.1)
        (figure,) = self.shown()
        bar = figure["axes"][1]
        self.assertEqual(bar["colorbar"]["extend"], [0.1, 0.0])
        patches = [a for a in bar["artists"] if a["type"] == "patch"]
        self.assertEqual(patches[0]["facecolor"], "#ff0000ff")
        self.assertEqual(patches[0]["y"][:3], [0, -0.1, 0])
        with self.assertRaises(NotImplementedError):
            fig.colorbar(mappable, ax=ax, extend="both", extendfrac="auto")


class BoxTests(ChartTestCase):
    def test_inset_box_aspect_anchor_and_hidden_axes(self):
        fig, (ax, hidden) = plt.subplots(1, 2)
        inset = ax.inset_axes([0.5, 0.5, 0.4, 0.4])
        ax.set_box_aspect(0.5)
        ax.set_anchor("SW")
        hidden.set_visible(False)
        # Real matplotlib: 0.5 'SW' 'datalim'
        self.assertEqual((ax.get_box_aspect(), ax.get_anchor(), ax.get_adjustable()), (0.5, "SW", "datalim"))
        (figure,) = self.shown()
        self.assertEqual(len(figure["axes"]), 2)
        self.assertEqual((figure["axes"][0]["box_aspect"], figure["axes"][0]["anchor"]), (0.5, [0.0, 0.0]))
        self.assertEqual((figure["axes"][1]["inset_of"], figure["axes"][1]["rect"]), (0, [0.5, 0.5, 0.4, 0.4]))
        # Real matplotlib: insets are child_axes, not in fig.axes
        self.assertEqual((inset in fig.axes, ax.child_axes), (False, [inset]))


class FigureLegendTests(ChartTestCase):
    def test_entries_of_every_axes_and_outside_locations(self):
        fig, (ax1, ax2) = plt.subplots(1, 2)
        ax1.plot([1, 2], label="a")
        ax2.plot([2, 1], label="b")
        legend = fig.legend(loc="outside right upper")
        self.assertEqual(fig.legends, [legend])
        (figure,) = self.shown()
        (placed,) = figure["legends"]
        self.assertEqual(placed["outside"], "right")
        self.assertEqual(placed["legend"]["loc"], "upper left")
        self.assertEqual([(e["label"], e["axes"], e["artist"]) for e in placed["legend"]["entries"]],
                         [("a", 0, 0), ("b", 1, 0)])

    def test_default_location_and_refusals(self):
        fig, ax = plt.subplots()
        line, = ax.plot([1, 2])
        plt.figlegend([line], ["only"])
        (figure,) = self.shown()
        self.assertEqual((figure["legends"][0]["legend"]["loc"], figure["legends"][0]["outside"]),
                         ("upper right", None))
        with self.assertRaises(NotImplementedError):
            fig.legend([line], ["x"], bbox_to_anchor=(0.5, 0.5))
        with self.assertRaises(ValueError):
            fig.legend([line], ["x"], loc="outside middle")


if __name__ == "__main__":
    unittest.main()
