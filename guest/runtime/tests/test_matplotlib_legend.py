"""Native tests of legend placement (bbox_to_anchor, loc=(x, y)) and of the frame and spacing keywords
as the figure spec carries them (values as matplotlib 3.10's Legend takes them).

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class LegendPlacementTests(ChartTestCase):
    def legend(self, **kwargs):
        fig, ax = plt.subplots()
        ax.plot([1, 2], label="a")
        ax.legend(**kwargs)
        return self.axes_spec()["legend"]

    def test_anchor_in_axes_fractions(self):
        legend = self.legend(bbox_to_anchor=(1, 0, 0.5, 1), loc="center left")
        self.assertEqual((legend["loc"], legend["anchor"]), ("center left", {"box": [1.0, 0.0, 0.5, 1.0], "figure": False}))
        self.assertIsNone(self.legend(loc="upper right")["anchor"])

    def test_anchor_in_figure_fractions(self):
        fig, ax = plt.subplots()
        ax.plot([1, 2], label="a")
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0.1), bbox_transform=fig.transFigure)
        self.assertEqual(self.axes_spec()["legend"]["anchor"], {"box": [0.5, 0.1, 0.0, 0.0], "figure": True})

    def test_loc_point_puts_the_lower_left_corner_there(self):
        legend = self.legend(loc=(0.2, 0.3))
        self.assertEqual((legend["loc"], legend["anchor"]["box"], legend["style"]["borderaxespad"]),
                         ("lower left", [0.2, 0.3, 0.0, 0.0], 0.0))
        legend = self.legend(loc=(0.5, 0.5), bbox_to_anchor=(1, 0, 2, 1))
        self.assertEqual(legend["anchor"]["box"], [2.0, 0.5, 0.0, 0.0])

    def test_best_with_an_anchor_and_other_transforms_raise(self):
        with self.assertRaisesRegex(NotImplementedError, "loc='best'"):
            self.legend(bbox_to_anchor=(1.05, 1))
        fig, ax = plt.subplots()
        ax.plot([1], label="a")
        with self.assertRaisesRegex(NotImplementedError, "bbox_transform"):
            ax.legend(loc="upper left", bbox_to_anchor=(1, 1), bbox_transform=ax.transData)


class LegendStyleTests(ChartTestCase):
    def style(self, **kwargs):
        fig, ax = plt.subplots()
        ax.plot([1, 2], label="a")
        ax.legend(loc="upper right", **kwargs)
        legend = self.axes_spec()["legend"]
        return legend["facecolor"], legend["style"]

    def test_defaults_are_matplotlibs(self):
        face, style = self.style()
        self.assertEqual(face, "#ffffffcc")
        self.assertEqual(style, {"borderpad": 0.4, "labelspacing": 0.5, "handlelength": 2.0, "handleheight": 0.7,
                                 "handletextpad": 0.8, "columnspacing": 2.0, "borderaxespad": 0.5,
                                 "markerscale": 1.0, "frameon": True, "fancybox": True, "shadow": False,
                                 "edgecolor": "#cccccccc", "title_fontsize": 10.0})

    def test_keywords_and_frame_alpha(self):
        face, style = self.style(frameon=False, framealpha=1, facecolor="red", edgecolor="black", fancybox=False,
                                 borderpad=1, labelspacing=2, handlelength=3, handletextpad=0.1, columnspacing=1,
                                 markerscale=2, title_fontsize="large")
        self.assertEqual(face, "#ff0000ff")
        self.assertEqual((style["frameon"], style["fancybox"], style["edgecolor"]), (False, False, "#000000ff"))
        self.assertEqual((style["borderpad"], style["labelspacing"], style["handlelength"], style["handletextpad"],
                          style["columnspacing"], style["markerscale"], style["title_fontsize"]),
                         (1.0, 2.0, 3.0, 0.1, 1.0, 2.0, 12.0))
        face, style = self.style(shadow=True)  # framealpha defaults to 1 with a shadow
        self.assertEqual((face, style["shadow"]), ("#ffffffff", True))

    def test_rc_params_are_the_defaults(self):
        matplotlib.rcParams.update({"legend.frameon": False, "legend.framealpha": 0.5, "legend.borderpad": 1.0,
                                    "legend.edgecolor": "inherit"})
        face, style = self.style()
        self.assertEqual((face, style["frameon"], style["borderpad"], style["edgecolor"]),
                         ("#ffffff80", False, 1.0, "#00000080"))

    def test_reverse_and_frame_setters(self):
        fig, ax = plt.subplots()
        ax.plot([1], label="a")
        ax.plot([2], label="b")
        legend = ax.legend(reverse=True)
        legend.get_frame().set_edgecolor("blue")
        legend.set_frame_on(False)
        spec = self.axes_spec()["legend"]
        self.assertEqual([e["label"] for e in spec["entries"]], ["b", "a"])
        self.assertEqual((spec["style"]["edgecolor"], spec["style"]["frameon"]), ("#0000ffcc", False))

    def test_undrawn_keywords_raise(self):
        for kwargs in ({"labelcolor": "linecolor"}, {"mode": "expand"}, {"markerfirst": False}, {"numpoints": 2},
                       {"shadow": {"color": "red"}}, {"alignment": "left"}):
            with self.subTest(kwargs=kwargs), self.assertRaises(NotImplementedError):
                self.style(**kwargs)
            plt.close("all")
        with self.assertRaisesRegex(TypeError, "alpha"):
            self.style(alpha=0.5)
        plt.close("all")
        self.style(numpoints=1, draggable=True, labelcolor=None)


if __name__ == "__main__":
    unittest.main()
