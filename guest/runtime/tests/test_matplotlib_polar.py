"""Native tests of polar axes' spec, text boxes and fonts, and the options accepted only at the
value the host draws (matplotlib._kwargs.DEFAULT_ONLY).

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class PolarTests(ChartTestCase):
    def test_polar_spec(self):
        ax = plt.subplot(projection="polar")
        ax.plot([0, 1], [1, 2])
        ax.set_theta_zero_location("N", offset=10)
        ax.set_theta_direction("clockwise")
        ax.set_rlabel_position(-22.5)
        ax.set_thetamax(225)
        ax.set_rorigin(-1)
        ax.set_rticks([1, 2])
        ax.spines["polar"].set_visible(False)
        axes = self.axes_spec()
        self.assertEqual(axes["xlim"], [0.0, math.radians(225)])
        self.assertEqual(axes["yticks"], {"positions": [1.0, 2.0], "labels": None})
        polar = axes["polar"]
        self.assertAlmostEqual(polar["theta_offset"], math.pi / 2 + math.radians(10))
        self.assertEqual((polar["theta_direction"], polar["rorigin"], polar["rlabel_position"]), (-1, -1.0, -22.5))
        self.assertFalse(polar["spine"]["visible"])
        self.assertEqual(sorted(axes["spines"]), ["bottom", "left", "right", "top"])
        self.assertIsNotNone(axes["grid"])  # polaraxes.grid

    def test_thetagrids_are_labelled_in_degrees(self):
        ax = plt.figure().add_subplot(polar=True)
        ax.set_thetagrids([0, 90, 180])
        ax.set_xticks([math.pi / 4])
        self.assertEqual(self.axes_spec()["xticks"]["labels"], ["45°"])

    def test_plt_polar_reuses_the_current_polar_axes(self):
        plt.polar([0, 1], [1, 2])
        plt.polar([0, 1], [2, 3])
        self.assertEqual(len(plt.gcf().axes), 1)
        self.assertEqual(plt.gca().name, "polar")

    def test_what_polar_axes_cannot_draw_is_refused(self):
        ax = plt.subplot(projection="polar")
        for call in (lambda: ax.axhline(1), lambda: ax.set_yscale("log")):
            with self.assertRaises(NotImplementedError):
                call()

    def test_errorbar_draws_theta_bars_as_arcs_and_turned_caps(self):
        import math

        ax = plt.subplot(projection="polar")
        ax.errorbar([0.0, math.pi / 2], [1, 2], xerr=0.25, yerr=0.1, capsize=7, fmt="o")
        ax.set_theta_offset(math.pi / 2)
        artists = self.artists()
        data, bars_x, bars_y, *caps = artists
        self.assertEqual(data["marker"], "o")
        # The theta bars: arcs at their point's radius, sampled every half degree.
        import base64
        import numpy as np

        radii = np.frombuffer(base64.b64decode(bars_x["y"]["f64"]))
        arc = radii[:np.flatnonzero(np.isnan(radii))[0]]
        self.assertEqual(set(arc), {1.0})
        self.assertEqual(len(arc), 59)  # 0.5 radians in 58 steps
        self.assertEqual(len(bars_y["x"]), 5)  # two straight segments
        # One cap per point, x caps (lo, hi) then y caps (lo, hi), as matplotlib adds them.
        self.assertEqual([(c["x"], c["y"]) for c in caps],
                         [([-0.25], [1.0]), ([math.pi / 2 - 0.25], [2.0]), ([0.25], [1.0]),
                          ([math.pi / 2 + 0.25], [2.0]), ([0.0], [0.9]), ([math.pi / 2], [1.9]),
                          ([0.0], [1.1]), ([math.pi / 2], [2.1])])
        # matplotlib's "_" turned by theta on the screen (offset included); a quarter more across r bars.
        (start, _), = [c["marker"]["path"]["rings"][0] for c in caps[4:5]]
        self.assertAlmostEqual(start[0], 0.5 * math.cos(math.pi), places=12)
        self.assertAlmostEqual(start[1], 0.5 * math.sin(math.pi), places=12)
        (start, _), = [c["marker"]["path"]["rings"][0] for c in caps[0:1]]
        self.assertAlmostEqual(start[0], 0.5 * math.cos(math.pi / 2 - 0.25), places=12)
        self.assertEqual(caps[0]["markersize"], 14.0)

    def test_line_caps_on_polar_axes(self):
        ax = plt.subplot(projection="polar")
        ax.plot([0, 1], [1, 2])  # projecting, matplotlib's default: drawn
        self.assertEqual(self.artists()[0]["solid_capstyle"], "projecting")
        for options in ({"solid_capstyle": "round"}, {"ls": "--", "dash_capstyle": "round"}):
            ax = plt.subplot(projection="polar")
            ax.plot([0, 1], [1, 2], **options)
            with self.assertRaisesRegex(NotImplementedError, "polar axes"):
                self.artists()


class TextTests(ChartTestCase):
    def test_boxes_fonts_and_wrapping(self):
        fig, ax = plt.subplots()
        ax.text(0, 0, "a", bbox=dict(boxstyle="round,pad=0.5", facecolor="wheat", alpha=0.5), family="serif",
                style="italic", linespacing=2, wrap=True, rotation_mode="anchor")
        ax.text(0, 0, "b", bbox={"facecolor": "red", "pad": 10}, fontsize=20, fontname=["Arial", "monospace"])
        first, second = self.artists()
        self.assertEqual(first["bbox"], {"boxstyle": "round", "pad": 0.5, "facecolor": "#f5deb380",
                                         "edgecolor": "#00000080", "linewidth": 1.0, "linestyle": "-"})
        self.assertEqual((first["text"]["family"], first["text"]["style"], first["text"]["linespacing"]),
                         ("serif", "italic", 2.0))
        self.assertEqual((first["wrap"], first["rotation_mode"]), (True, "anchor"))
        # no boxstyle: a square padded by pad points (matplotlib's Text.set_bbox)
        self.assertEqual((second["bbox"]["boxstyle"], second["bbox"]["pad"]), ("square", 0.5))
        self.assertEqual(second["text"]["family"], "monospace")

    def test_titles_refuse_boxes(self):
        fig, ax = plt.subplots()
        ax.set_title("t", bbox=dict(facecolor="red"))
        with self.assertRaises(NotImplementedError):
            self.shown()

    def test_tick_labels_refuse_fonts(self):
        fig, ax = plt.subplots()
        with self.assertRaises(NotImplementedError):
            ax.set_xticks([0, 1], ["a", "b"], fontstyle="italic")
        with self.assertRaises(NotImplementedError):
            ax.get_xticklabels()[0].set_bbox(dict(facecolor="red"))


class DefaultOnlyTests(ChartTestCase):
    def test_drawn_values_pass_and_others_are_refused(self):
        fig, ax = plt.subplots()
        ax.plot([0, 1], solid_capstyle="butt", antialiased=True, clip_on=False, mew=2, rasterized=True)
        line = self.artists()[0]
        self.assertEqual((line["clip_on"], line["markeredgewidth"]), (False, 2.0))
        for options in ({"antialiased": False}, {"sketch_params": (1, 2, 3)}, {"joinstyle": "miter"}):
            with self.assertRaises(NotImplementedError):
                ax.plot([0, 1], **options)
        with self.assertRaises(NotImplementedError):
            ax.scatter([0], [1], plotnonfinite=True)

    def test_lines_in_axes_coordinates(self):
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 0], transform=ax.transAxes, clip_on=False)
        ax.plot(1, 0, ">k", transform=ax.get_yaxis_transform())
        ax.plot([5, 6], [7, 8])
        axes_line, blend, data = self.artists()
        self.assertEqual(axes_line["coords"], ["axes", "axes"])
        self.assertEqual(blend["coords"], ["axes", "data"])
        self.assertNotIn("coords", data)
        self.assertEqual(ax.get_xlim()[0] > 4, True)  # axes fractions do not autoscale
        with self.assertRaises(NotImplementedError):
            ax.plot([0, 1], transform=fig.transFigure)

    def test_fill_between_edges(self):
        fig, ax = plt.subplots()
        ax.fill_between([0, 1], [1, 2], color="red", linewidth=2)
        ax.fill_between([0, 1], [1, 2], linewidth=2)
        edged, plain = self.artists()
        self.assertEqual((edged["edgecolor"], edged["linewidth"]), ("#ff0000ff", 2.0))
        self.assertIsNone(plain["edgecolor"])


if __name__ == "__main__":
    unittest.main()
