"""Native tests of the guest matplotlib package, with a fake ``_hostcall`` recording chart calls.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import io
import json
import math
import os
import sys
import tempfile
import types
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import matplotlib  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import colors  # noqa: E402

from test_runner import run  # noqa: E402

BLUE, ORANGE, GREEN = "#1f77b4ff", "#ff7f0eff", "#2ca02cff"


class HostError(Exception):
    pass


class ChartHost:
    """A fake _hostcall answering "chart" calls: records the payloads, answers b"IMG-<format>"."""

    def __init__(self, refuse=None):
        self.payloads = []
        self.refuse = refuse

    def call(self, op, payload):
        assert op == "chart", op
        self.payloads.append(json.loads(payload.decode("utf-8")))
        if self.refuse:
            raise HostError(self.refuse)
        request = self.payloads[-1]
        return b"" if request["action"] == "display" else f"IMG-{request['format']}".encode()


class ChartTestCase(unittest.TestCase):
    def setUp(self):
        plt.close("all")
        matplotlib.rcdefaults()
        self.host = ChartHost()
        fake = types.ModuleType("_hostcall")
        fake.call, fake.HostError = self.host.call, HostError
        sys.modules["_hostcall"] = fake
        self.addCleanup(sys.modules.pop, "_hostcall", None)
        self.addCleanup(plt.close, "all")

    def shown(self):
        """The figure specs plt.show() sends."""
        start = len(self.host.payloads)
        plt.show()
        return [p["figure"] for p in self.host.payloads[start:] if p["action"] == "display"]

    def axes_spec(self):
        (figure,) = self.shown()
        return figure["axes"][0]

    def artists(self):
        return self.axes_spec()["artists"]


class FigureSpecTests(ChartTestCase):
    def test_default_figure(self):
        plt.plot([1, 2])
        (figure,) = self.shown()
        axes = figure["axes"][0]
        self.assertEqual({k: figure[k] for k in ("width_in", "height_in", "dpi", "facecolor", "suptitle")},
                         {"width_in": 6.4, "height_in": 4.8, "dpi": 100.0, "facecolor": "#ffffffff",
                          "suptitle": None})
        self.assertEqual(axes["grid_pos"], [1, 1, 0, 0, 1, 1])
        self.assertEqual((axes["rect"], axes["twin_of"], axes["xlim"], axes["xticks"], axes["grid"],
                          axes["legend"], axes["tick_fontsize"], axes["axis_off"]),
                         (None, None, None, None, None, None, 10.0, False))

    def test_plot_format_strings(self):
        lines = plt.plot([0, 1], [2, 3], "r-o", [0, 1], [1, 1], "g--", [5, 6], "ko")
        plt.plot([1, 2], "C1-.")
        plt.plot([1, 2], "^")
        self.assertEqual(len(lines), 3)
        got = [(a["color"], a["linestyle"], a["marker"], a["x"], a["y"]) for a in self.artists()]
        self.assertEqual(got, [
            ("#ff0000ff", "-", "o", [0.0, 1.0], [2.0, 3.0]),
            ("#008000ff", "--", None, [0.0, 1.0], [1.0, 1.0]),
            ("#000000ff", "none", "o", [0.0, 1.0], [5.0, 6.0]),
            (ORANGE, "-.", None, [0.0, 1.0], [1.0, 2.0]),
            (BLUE, "none", "^", [0.0, 1.0], [1.0, 2.0]),  # the only line taking a cycle colour
        ])
        with self.assertRaisesRegex(ValueError, "'rx-q' is not a valid format string"):
            plt.plot([1], "rx-q")
        (hexagon,) = plt.plot([1], "H")
        self.assertEqual((hexagon.get_marker(), hexagon.spec()["marker"]["path"]["join"]), ("H", "miter"))
        with self.assertRaisesRegex(NotImplementedError, "mathtext markers"):
            plt.plot([1], marker="$x$")

    def test_plot_keywords_and_line_methods(self):
        (line,) = plt.plot(range(3), (v * v for v in range(3)), color="tab:green", ls=":", lw=3, marker="s",
                           ms=4, mfc="none", mec="k", alpha=0.5, label="sq")
        line.set_label("squares")
        self.assertEqual(line.get_label(), "squares")
        self.assertEqual(self.artists(), [{
            "type": "line", "label": "squares", "x": [0.0, 1.0, 2.0], "y": [0.0, 1.0, 4.0],
            "color": "#2ca02c80", "linewidth": 3.0, "linestyle": ":", "marker": "s", "markersize": 4.0,
            "markerfacecolor": "#00000000", "markeredgecolor": "#00000080", "solid_capstyle": "projecting"}])

    def test_markevery_forms_become_indices_or_a_spacing(self):
        import numpy as np

        ten = list(range(10))
        cases = [(3, {"indices": [0, 3, 6, 9]}), ((2, 4), {"indices": [2, 6]}),
                 (slice(1, 6, 2), {"indices": [1, 3, 5]}), ([0, -1], {"indices": [0, 9]}),
                 (np.arange(10) > 6, {"indices": [7, 8, 9]}), (0.1, {"spacing": [0.0, 0.1]}),
                 ((0.2, 0.4), {"spacing": [0.2, 0.4]})]
        for every, _ in cases:
            plt.plot(ten, "o-", markevery=every)
        (plain,) = plt.plot(ten, "-", markevery=2)  # no marker: nothing to thin out
        artists = self.artists()
        self.assertEqual([a["markevery"] for a in artists[:-1]], [want for _, want in cases])
        self.assertNotIn("markevery", artists[-1])
        self.assertEqual(plain.get_markevery(), 2)
        with self.assertRaises(IndexError):
            plt.plot(ten, "o", markevery=[12])
            self.artists()
        with self.assertRaisesRegex(ValueError, "not a recognized value"):
            plt.plot(ten, "o", markevery="all")

    def test_axes_containers_list_bars_error_bars_and_stems_in_order(self):
        fig, ax = plt.subplots()
        bars = ax.bar([1, 2], [3, 4], yerr=[0.5, 0.5])
        ax.hist([1, 2, 2], histtype="step")
        ax.hist([1, 2, 2])
        ax.errorbar([1], [2], yerr=[1])
        ax.stem([1, 2], [3, 4])
        # matplotlib 3.10.8's types in this order; a bar()'s error bars come before its bars
        kinds = ["ErrorbarContainer", "Bars", "Hist", "ErrorbarContainer", "StemContainer"]
        self.assertEqual([type(c).__name__ for c in ax.containers], kinds)
        self.assertIs(ax.containers[1], bars)
        from matplotlib.container import BarContainer, ErrorbarContainer, StemContainer

        self.assertEqual([isinstance(c, (BarContainer, ErrorbarContainer, StemContainer)) for c in ax.containers],
                         [True] * 5)
        labels = ax.bar_label(ax.containers[1])
        self.assertEqual([t.get_text() for t in labels], ["3", "4"])
        ax.containers[1].remove()
        self.assertEqual(len(ax.containers), 4)
        ax.cla()
        self.assertEqual(ax.containers, [])

    def test_cap_styles_follow_keywords_setters_and_rc(self):
        from matplotlib._enums import CapStyle

        plt.plot([0, 1], solid_capstyle="butt", dash_capstyle=CapStyle.round)
        (line,) = plt.plot([0, 1], ls="--")
        line.set_dash_capstyle("projecting")
        with plt.rc_context({"lines.solid_capstyle": "round"}):
            plt.plot([0, 1])
        butt, dashed, rounded = self.artists()
        self.assertEqual((butt.get("solid_capstyle"), butt["dash_capstyle"]), (None, "round"))
        self.assertEqual((dashed["solid_capstyle"], dashed["dash_capstyle"]), ("projecting", "projecting"))
        self.assertEqual(rounded["solid_capstyle"], "round")
        self.assertEqual(line.get_dash_capstyle(), "projecting")
        # collections (error bars, vlines, stems) end butt, as matplotlib's
        plt.figure()
        plt.vlines([1, 2], 0, 1)
        self.assertNotIn("solid_capstyle", self.artists()[0])
        with self.assertRaisesRegex(ValueError, "not a valid value for CapStyle"):
            plt.plot([0, 1], solid_capstyle="square")

    def test_join_styles_follow_keywords_setters_and_rc(self):
        from matplotlib._enums import JoinStyle

        plt.plot([0, 1, 0], solid_joinstyle="miter", dash_joinstyle=JoinStyle.bevel)
        (line,) = plt.plot([0, 1, 0])
        line.set_solid_joinstyle("bevel")
        with plt.rc_context({"lines.dash_joinstyle": "miter"}):
            plt.plot([0, 1, 0], ls="--")
        mitered, bevelled, dashed = self.artists()
        self.assertEqual((mitered["solid_joinstyle"], mitered["dash_joinstyle"]), ("miter", "bevel"))
        self.assertEqual((bevelled["solid_joinstyle"], bevelled.get("dash_joinstyle")), ("bevel", None))
        self.assertEqual((dashed.get("solid_joinstyle"), dashed["dash_joinstyle"]), (None, "miter"))
        self.assertEqual(line.get_solid_joinstyle(), "bevel")
        with self.assertRaisesRegex(ValueError, "not a valid value for JoinStyle"):
            plt.plot([0, 1], solid_joinstyle="sharp")

    def test_patches_join_by_miter_unless_told_and_collections_by_round(self):
        from matplotlib.patches import Rectangle

        fig, ax = plt.subplots()
        ax.add_patch(Rectangle((0, 0), 1, 1))
        ax.add_patch(Rectangle((0, 0), 1, 1, joinstyle="round"))
        ax.hexbin([0, 1], [0, 1], gridsize=2)
        ax.bar([0], [1], joinstyle="miter")
        with self.assertRaisesRegex(NotImplementedError, "joinstyle='round'"):
            ax.bar([0], [1], joinstyle="round")
        mitred, rounded, cell = self.artists()[:3]
        self.assertEqual((mitred.get("joinstyle"), rounded["joinstyle"], cell["joinstyle"]), (None, "round", "round"))

    def test_fillstyles_send_matplotlibs_halves(self):
        from matplotlib.markers import MarkerStyle

        plt.plot([0], [0], marker="s", fillstyle="bottom", mfc="r", mfcalt="b")
        plt.plot([0], [0], marker="o", fillstyle="none")
        plt.plot([0], [0], marker=MarkerStyle("^", "left"))
        plt.plot([0], [0], marker="x", fillstyle="left")
        square, unfilled, triangle, cross = self.artists()
        # matplotlib's bottom half of the unit square, translated to the point: open, as its path.
        self.assertEqual(square["marker"]["path"]["rings"],
                         [[[-0.5, -0.5], [0.5, -0.5], [0.5, 0.0], [-0.5, 0.0], [-0.5, -0.5]]])
        self.assertEqual(square["marker"]["path"]["closed"], [False])
        self.assertEqual((square["markerfacecolor"], square["alt_marker"]["facecolor"]), ("#ff0000ff", "#0000ffff"))
        self.assertEqual(unfilled["markerfacecolor"][-2:], "00")
        self.assertEqual(triangle["alt_marker"]["facecolor"][-2:], "00")  # markerfacecoloralt 'none'
        self.assertEqual(triangle["marker"]["path"]["join"], "miter")
        self.assertEqual(cross["marker"], "x")  # unfilled markers ignore the fillstyle
        with self.assertRaisesRegex(ValueError, "fillstyle"):
            plt.plot([0], [0], marker="o", fillstyle="half")

    def test_marker_styles_with_transforms_caps_and_joins_are_sent_as_paths(self):
        from matplotlib.markers import JoinStyle, MarkerStyle
        from matplotlib.transforms import Affine2D

        plt.plot([0], [0], marker=MarkerStyle("s", transform=Affine2D().rotate_deg(90)))
        plt.plot([0], [0], marker=MarkerStyle("1", capstyle="round"))
        plt.plot([0], [0], marker=MarkerStyle("*", joinstyle=JoinStyle.miter))
        square, tri, star = (a["marker"]["path"] for a in self.artists())
        turned = [[round(x, 12) + 0.0, round(y, 12) + 0.0] for x, y in square["rings"][0]]
        self.assertEqual(turned, [[0.5, -0.5], [0.5, 0.5], [-0.5, 0.5], [-0.5, -0.5]])
        self.assertEqual((square["join"], square["cap"]), ("miter", "butt"))
        self.assertEqual((tri["cap"], tri["closed"]), ("round", [False, False, False]))
        self.assertEqual(star["join"], "miter")  # matplotlib's star joins by bevel unless told

    def test_path_markers_are_normalized_to_half_a_marker_size(self):
        from matplotlib.path import Path

        plt.plot([0], [0], marker=[(-1, -0.5), (1, 0.5)])
        plt.plot([0], [0], marker=Path([(0, 0), (4, 0), (0, 2), (0, 0)], closed=True))
        vertices, triangle = (a["marker"]["path"] for a in self.artists())
        self.assertEqual((vertices["rings"], vertices["closed"]), ([[[-0.5, -0.25], [0.5, 0.25]]], [False]))
        self.assertEqual(triangle["rings"], [[[0.0, 0.0], [0.5, 0.0], [0.0, 0.25]]])
        self.assertNotIn("closed", triangle)

    def test_missing_data_and_length_mismatch(self):
        from decimal import Decimal
        from fractions import Fraction

        plt.plot([1, 2, 3, 4], [None, float("nan"), Fraction(1, 2), Decimal("1.5")])
        plt.plot([True, False], [float("inf"), 1])
        (line, other) = self.artists()
        self.assertEqual(line["y"], [None, None, 0.5, 1.5])
        self.assertEqual((other["x"], other["y"]), ([1.0, 0.0], [None, 1.0]))
        with self.assertRaisesRegex(ValueError, r"x and y must have same first dimension, but have shapes "
                                                r"\(3,\) and \(4,\)"):
            plt.plot([1, 2, 3], [1, 2, 3, 4])

    def test_tolist_objects_and_categories(self):
        class Array:
            def __init__(self, values):
                self.values = values

            def tolist(self):
                return list(self.values)

        plt.plot(Array(["b", "a", "b"]), Array([1, 2, 3]))
        plt.bar(["c", "a"], [4, 5])
        axes = self.axes_spec()
        self.assertEqual(axes["x_categories"], ["b", "a", "c"])
        self.assertEqual(axes["artists"][0]["x"], [0.0, 1.0, 0.0])
        self.assertEqual(axes["artists"][1]["x"], [2.0, 1.0])

    def test_bar_and_barh(self):
        bars = plt.bar([1, 2, 3], [3, 1, 2], width=0.5, bottom=1, color=["r", "g"], edgecolor="k",
                       label="b", tick_label=["x", "y", "z"], align="edge")
        self.assertEqual([(r.get_x(), r.get_y(), r.get_width(), r.get_height()) for r in bars],
                         [(1.0, 1.0, 0.5, 3.0), (2.0, 1.0, 0.5, 1.0), (3.0, 1.0, 0.5, 2.0)])
        self.assertEqual(len(bars.patches), 3)
        bars[2].set_color("blue")
        plt.barh(["p", "q"], [5, -2], height=0.4, left=[0, 1])
        axes = self.axes_spec()
        self.assertEqual(axes["artists"][0], {
            "type": "bar", "label": "b", "orientation": "vertical", "x": [1.25, 2.25, 3.25],
            "heights": [3.0, 1.0, 2.0], "widths": [0.5, 0.5, 0.5], "bottoms": [1.0, 1.0, 1.0],
            "colors": ["#ff0000ff", "#008000ff", "#0000ffff"], "edgecolor": "#000000ff", "linewidth": 1.0})
        self.assertEqual(axes["xticks"], {"positions": [1.25, 2.25, 3.25], "labels": ["x", "y", "z"]})
        barh = axes["artists"][1]
        self.assertEqual((barh["orientation"], barh["x"], barh["heights"], barh["bottoms"], barh["colors"]),
                         ("horizontal", [0.0, 1.0], [5.0, -2.0], [0.0, 1.0], [BLUE, BLUE]))
        self.assertEqual(axes["y_categories"], ["p", "q"])

    def test_bar_label(self):
        bars = plt.bar(["a", "b"], [2.5, -1])
        texts = plt.bar_label(bars, fmt="{:.1f}")
        self.assertEqual([t.get_text() for t in texts], ["2.5", "-1.0"])
        artists = self.artists()
        self.assertEqual([(a["type"], a["xy"], a["xytext"], a["ha"], a["va"]) for a in artists[1:]],
                         [("annotation", [0.0, 2.5], None, "center", "bottom"),
                          ("annotation", [1.0, -1.0], None, "center", "top")])

    def test_colour_cycles_like_matplotlib(self):
        ax = plt.gca()
        ax.plot([1, 2])
        ax.bar([1], [2])
        ax.scatter([1], [2])
        ax.plot([1, 2], "r")
        ax.plot([1, 2])
        ax.fill_between([1, 2], [1, 2])
        ax.axhline(1)
        colours = [a.get("color") or a.get("colors")[0] for a in self.artists()]
        self.assertEqual(colours, [BLUE, BLUE, ORANGE, "#ff0000ff", ORANGE, GREEN, BLUE])

    def test_scatter(self):
        plt.scatter([1, 2, 3], [4, 5, 6], c=[0, 5, 10], cmap="Blues", s=[10, 20, 30], marker="^",
                    edgecolors="k", alpha=0.5, label="pts")
        plt.scatter(["a", "b"], [1, 2], c=["red", (0, 0, 1)])
        first, second = self.artists()
        self.assertEqual(first, {
            "type": "scatter", "label": "pts", "x": [1.0, 2.0, 3.0], "y": [4.0, 5.0, 6.0],
            "colors": ["#f7fbff80", "#69add680", "#08306b80"], "sizes": [10.0, 20.0, 30.0], "marker": "^",
            "edgecolors": ["#00000080"], "linewidths": 1.0})
        self.assertEqual((second["colors"], second["sizes"], second["edgecolors"]),
                         (["#ff0000ff", "#0000ffff"], [36.0], None))
        with self.assertRaisesRegex(ValueError, "'c' argument has 3 elements"):
            plt.scatter([1, 2], [1, 2], c=["r", "g", "b"])

    def test_line_xydata_is_an_n_by_2_float_array(self):
        line, = plt.plot([1, 2, 3], [4.0, None, 6])
        xy = line.get_xydata()
        self.assertEqual((xy.shape, str(xy.dtype)), ((3, 2), "float64"))
        self.assertEqual(xy[0].tolist(), [1.0, 4.0])
        self.assertTrue(math.isnan(xy[1][1]))

    def test_scatter_maps_as_many_numbers_as_points_even_when_they_look_like_a_colour(self):
        # As real matplotlib: three numbers for three points are values, not one RGB colour.
        points = plt.scatter([1, 2, 3], [1, 2, 3], c=[0.1, 0.5, 0.9])
        self.assertEqual(points.get_array().tolist(), [0.1, 0.5, 0.9])
        four = plt.scatter([1, 2, 3, 4], [1, 2, 3, 4], c=(0.2, 0.4, 0.6, 1.0))
        self.assertEqual(four.get_array().tolist(), [0.2, 0.4, 0.6, 1.0])
        # Not as many as the points: one colour.
        one = plt.scatter([1, 2], [1, 2], c=(0.2, 0.4, 0.6))
        self.assertIsNone(one.get_array())

    def test_hist(self):
        counts, edges, patches = plt.hist([1, 2, 2, 3, 3, 3, 10], bins=3, range=(0, 9), color="g",
                                          edgecolor="black", alpha=0.5, label="h")
        self.assertEqual((counts.tolist(), edges.tolist()), ([3.0, 3.0, 0.0], [0.0, 3.0, 6.0, 9.0]))  # 10 is out of range
        self.assertEqual(len(patches), 3)
        density, _, _ = plt.hist([1, 2, 2, 4], bins=[0, 2, 4], density=True, histtype="step")
        self.assertEqual(density.tolist(), [0.125, 0.375])
        first, second = self.artists()
        self.assertEqual(first, {"type": "hist", "label": "h", "edges": [0.0, 3.0, 6.0, 9.0],
                                 "counts": [3.0, 3.0, 0.0], "orientation": "vertical", "color": "#00800080",
                                 "edgecolor": "#00000080", "histtype": "bar"})
        self.assertEqual((second["histtype"], second["color"]), ("step", BLUE))

    def test_hist_bins_auto_and_recoloured_patches(self):
        counts, edges, patches = plt.hist([1, 2, 3, 4, 5, 6, 7, 8], bins="auto")
        self.assertEqual(len(edges), 5)  # numpy: min(fd, sturges) width -> 4 bins
        patches[0].set_facecolor("red")
        (artist,) = self.artists()
        self.assertEqual((artist["type"], artist["colors"][:2]), ("bar", ["#ff0000ff", BLUE]))

    def test_pie(self):
        wedges, texts, autotexts = plt.pie([1, 3], labels=["a", "b"], autopct="%1.1f%%", startangle=90,
                                           colors=["red", "blue"], explode=[0, 0.1], counterclock=False)
        self.assertEqual([t.get_text() for t in autotexts], ["25.0%", "75.0%"])
        plt.legend()
        axes = self.axes_spec()
        self.assertEqual(axes["artists"][0], {
            "type": "pie", "label": None, "values": [1.0, 3.0], "labels": ["a", "b"],
            "colors": ["#ff0000ff", "#0000ffff"], "autotexts": ["25.0%", "75.0%"], "startangle": 90.0,
            "counterclock": False, "explode": [0.0, 0.1], "radius": 1.0, "label_fontsize": 10.0})
        self.assertEqual(axes["legend"]["entries"], [{"label": "a", "artist": 0, "index": 0},
                                                     {"label": "b", "artist": 0, "index": 1}])
        self.assertTrue(axes["axis_off"] and axes["aspect_equal"])

    def test_pie_autopct_callable_and_legend_labels(self):
        plt.pie([1, 1], autopct=lambda pct: f"{pct:.0f}!")
        plt.legend(["x", "y"], loc=3)
        axes = self.axes_spec()
        self.assertEqual(axes["artists"][0]["autotexts"], ["50!", "50!"])
        self.assertEqual(axes["legend"]["loc"], "lower left")
        self.assertEqual([e["label"] for e in axes["legend"]["entries"]], ["x", "y"])
        with self.assertRaises(NotImplementedError):
            plt.pie([1, 2], frame=True)

    def test_fill_between_and_where(self):
        plt.fill_between([0, 1, 2], [1, 2, 3], alpha=0.3, label="f")
        plt.fill_between([0, 1, 2, 3], [0, 2, 2, 0], 1, where=[True, True, False, True], color="r")
        plt.fill_between([0, 1, 2], [0, 2, 0], [1, 1, 1], where=[False, True, False], interpolate=True)
        first, masked, crossing = self.artists()
        self.assertEqual(first, {"type": "fill", "label": "f", "x": [0.0, 1.0, 2.0], "y1": [1.0, 2.0, 3.0],
                                 "y2": [0.0, 0.0, 0.0], "color": "#1f77b44c", "edgecolor": None})
        self.assertEqual((masked["x"], masked["y1"], masked["y2"]), ([0.0, 1.0], [0.0, 2.0], [1.0, 1.0]))
        self.assertEqual((crossing["x"], crossing["y1"]), ([0.5, 1.0, 1.5], [1.0, 2.0, 1.0]))

    def test_axlines_text_annotate(self):
        plt.axhline(2, xmin=0.25, color="r", linestyle="--", label="limit")
        plt.axvline(x=1, lw=2)
        plt.text(0.5, 0.9, "note", transform=plt.gca().transAxes, fontsize=14, ha="center", rotation=30)
        plt.annotate("peak", xy=(1, 2), xytext=(2, 3), arrowprops=dict(facecolor="black", shrink=0.05))
        hline, vline, text, note = self.artists()
        self.assertEqual(hline, {"type": "axline", "label": "limit", "orientation": "h", "value": 2.0,
                                 "start": 0.25, "end": 1.0, "color": "#ff0000ff", "linewidth": 1.5,
                                 "linestyle": "--"})
        self.assertEqual((vline["orientation"], vline["linewidth"], vline["color"]), ("v", 2.0, BLUE))
        self.assertEqual(text, {"type": "text", "label": None, "x": 0.5, "y": 0.9, "coords": "axes",
                                "text": {"text": "note", "fontsize": 14.0, "color": "#000000ff", "weight": "normal"},
                                "ha": "center", "va": "baseline", "rotation": 30.0})
        self.assertEqual((note["xy"], note["xytext"]), ([1.0, 2.0], [2.0, 3.0]))
        # No arrowstyle: matplotlib's YAArrow sizes (points) over the text size, from the nearest corner.
        arrow = note["arrow"]
        self.assertEqual((arrow["relpos"], arrow["shrink"], arrow["patch_a"], arrow["patch_b"]),
                         (None, 0.05, {"kind": "text"}, None))
        self.assertEqual(arrow["patch"]["arrowstyle"],
                         {"name": "simple", "head_length": 1.2, "head_width": 1.2, "tail_width": 0.4})
        self.assertEqual((arrow["patch"]["facecolor"], arrow["patch"]["edgecolor"], arrow["patch"]["mutation_scale"]),
                         ("#000000ff", "#000000ff", 10.0))

    def test_annotate_offset_points(self):
        plt.plot([0, 10], [0, 10])
        plt.annotate("a", (5, 5), textcoords="offset points", xytext=(0, 10), ha="center")
        (note,) = self.artists()[1:]
        # The host moves the text 10 points up from xy's pixel, as matplotlib's offset coordinates.
        self.assertEqual((note["xy"], note["xytext"], note["xytext_coords"]), ([5.0, 5.0], [0.0, 10.0], "offset"))

    def test_titles_labels_ticks(self):
        plt.plot([1, 2, 3])
        plt.title("T", fontsize=20, fontweight="bold")
        plt.suptitle("S")
        plt.xlabel("x", color="red")
        plt.ylabel("y", fontsize="small")
        plt.xticks([1, 2], ["one", "two"], rotation=45)
        plt.yticks(fontsize=8)
        (figure,) = self.shown()
        axes = figure["axes"][0]
        self.assertEqual(figure["suptitle"], {"text": "S", "fontsize": 12.0, "color": "#000000ff", "weight": "normal"})
        self.assertEqual(axes["title"], {"text": "T", "fontsize": 20.0, "color": "#000000ff", "weight": "bold"})
        self.assertEqual(axes["xlabel"]["color"], "#ff0000ff")
        self.assertAlmostEqual(axes["ylabel"]["fontsize"], 8.33)
        self.assertEqual(axes["xticks"], {"positions": [1.0, 2.0], "labels": ["one", "two"]})
        self.assertEqual((axes["xtick_rotation"], axes["ytick_rotation"], axes["tick_fontsize"]), (45.0, 0.0, 8.0))

    def test_side_titles_share_the_centre_titles_height(self):
        ax = plt.gca()
        ax.set_title("C")
        ax.set_title("L", loc="left")
        self.assertEqual(ax.get_title(loc="left"), "L")
        with self.assertRaises(NotImplementedError):
            ax.set_title("R", loc="right", y=0.5)
        (figure,) = self.shown()
        axes = figure["axes"][0]
        self.assertEqual((axes["title"]["text"], axes["title_left"]["text"]), ("C", "L"))
        self.assertNotIn("title_right", axes)

    def test_bars_take_one_edge_colour_per_bar(self):
        bars = plt.bar([1, 2, 3], [1, 2, 3], edgecolor=["red", "blue"])
        bars[2].set_edgecolor("green")
        (figure,) = self.shown()
        (spec,) = figure["axes"][0]["artists"]
        self.assertEqual(spec["edgecolors"], ["#ff0000ff", "#0000ffff", "#008000ff"])

    def test_rotation_through_tick_labels(self):
        ax = plt.gca()
        ax.bar(["a", "b"], [1, 2])
        ax.set_xticklabels(ax.get_xticklabels(), rotation=90)
        plt.setp(ax.get_yticklabels(), rotation=10, ha="right")
        ax.tick_params(axis="x", labelsize=7)
        axes = self.axes_spec()
        self.assertEqual((axes["xtick_rotation"], axes["ytick_rotation"], axes["tick_fontsize"]), (90.0, 10.0, 7.0))
        self.assertIsNone(axes["xticks"])

    def test_limits_scales_and_autoscale(self):
        ax = plt.gca()
        ax.plot([1, 10, 100], [1, 2, 3])
        self.assertEqual(ax.get_xlim(), (-3.95, 104.95))
        ax.bar([1], [4])
        self.assertEqual(ax.get_ylim()[0], 0.0)  # bars stick to their base
        plt.xlim(0, 50)
        plt.ylim(bottom=-1)
        plt.yscale("log")
        axes = self.axes_spec()
        self.assertEqual((axes["xlim"], axes["ylim"], axes["yscale"]), ([0.0, 50.0], [-1.0, None], "log"))
        with self.assertRaises(NotImplementedError):
            plt.xscale("function", functions=(abs, abs))

    def test_axis_invert_and_aspect(self):
        ax = plt.gca()
        ax.plot([0, 2], [0, 4])
        ax.invert_yaxis()
        ax.set_aspect("equal")
        ax.axis("off")
        axes = self.axes_spec()
        self.assertEqual(axes["ylim"], [4.2, -0.2])
        self.assertTrue(axes["axis_off"] and axes["aspect_equal"])
        plt.plot([0, 1])
        plt.axis([0, 5, 1, 2])
        self.assertEqual((self.axes_spec()["xlim"]), [0.0, 5.0])

    def test_grid(self):
        plt.plot([1])
        plt.grid(True, axis="y", linestyle="--", alpha=0.5)
        self.assertEqual(self.axes_spec()["grid"], {"axis": "y", "color": "#b0b0b080", "linestyle": "--",
                                                    "linewidth": 0.8})
        plt.plot([1])
        plt.grid()
        plt.grid(False)
        self.assertIsNone(self.axes_spec()["grid"])

    def test_legend_forms(self):
        a, = plt.plot([1], label="a")
        b, = plt.plot([2], label="_hidden")
        plt.bar([1], [1], label="bars")
        plt.plot([3], label="c")
        plt.legend(fontsize="small", title="T", ncol=2, loc="upper left")
        legend = self.axes_spec()["legend"]
        self.assertEqual([(e["label"], e["artist"]) for e in legend["entries"]], [("a", 0), ("c", 3), ("bars", 2)])
        self.assertEqual((legend["loc"], legend["title"], legend["ncol"]), ("upper left", "T", 2))
        self.assertAlmostEqual(legend["fontsize"], 8.33)
        a, = plt.plot([1])
        b, = plt.plot([2])
        plt.legend([b, a], ["B", "A"], bbox_to_anchor=(1.05, 1), loc="upper left")
        legend = self.axes_spec()["legend"]
        self.assertEqual(legend["entries"], [{"label": "B", "artist": 1, "index": None},
                                             {"label": "A", "artist": 0, "index": None}])
        self.assertEqual((legend["loc"], legend["anchor"]), ("upper left", {"box": [1.05, 1.0, 0.0, 0.0], "figure": False}))

    def test_twinx_and_combined_legend(self):
        fig, ax1 = plt.subplots()
        l1 = ax1.plot([1, 2], [1, 2], label="left")
        ax2 = ax1.twinx()
        l2 = ax2.plot([1, 2], [10, 20], color="r", label="right")
        lines = l1 + l2
        ax1.legend(lines, [line.get_label() for line in lines])
        (figure,) = self.shown()
        first, second = figure["axes"]
        self.assertEqual((second["twin_of"], second["grid_pos"]), (0, [1, 1, 0, 0, 1, 1]))
        self.assertEqual(first["xlim"], second["xlim"])  # shared: decided by the guest
        self.assertEqual(first["legend"]["entries"], [{"label": "left", "artist": 0, "index": None},
                                                      {"label": "right", "artist": 0, "index": None, "axes": 1}])
        self.assertEqual(second["artists"][0]["color"], "#ff0000ff")

    def test_subplots_grid_and_indexing(self):
        fig, axes = plt.subplots(2, 3, figsize=(9, 6), sharey=True)
        self.assertEqual(axes.shape, (2, 3))
        self.assertIs(axes[1, 2], axes[1][2])
        self.assertEqual(len(axes.flat), 6)
        self.assertIs(axes.flatten()[4], axes[1, 1])
        self.assertIs(axes.ravel()[-1], axes[1, 2])
        self.assertEqual(axes[:, 0].shape, (2,))
        for i, ax in enumerate(axes.flat):
            ax.plot([0, i])
        fig.delaxes(axes[1, 2])
        (figure,) = self.shown()
        self.assertEqual([a["grid_pos"] for a in figure["axes"]],
                         [[2, 3, r, c, 1, 1] for r in range(2) for c in range(3)][:5])
        self.assertEqual({tuple(a["ylim"]) for a in figure["axes"]}, {(-0.2, 4.2)})
        _, row = plt.subplots(1, 2)
        self.assertEqual(len(row), 2)
        _, single = plt.subplots()
        self.assertIsInstance(single, matplotlib.axes.Axes)

    def test_subplot_forms(self):
        fig = plt.figure(figsize=(8, 4), dpi=50)
        plt.subplot(221)
        plt.plot([1])
        plt.subplot(2, 2, (3, 4))
        ax = fig.add_axes([0.1, 0.1, 0.3, 0.3])
        from matplotlib.gridspec import GridSpec

        fig.add_subplot(GridSpec(3, 3)[0, 1:])
        self.assertIs(plt.subplot(2, 2, 1), fig.axes[0])
        ax.plot([1])
        (figure,) = self.shown()
        self.assertEqual((figure["width_in"], figure["dpi"]), (8.0, 50.0))
        self.assertEqual([(a["grid_pos"], a["rect"]) for a in figure["axes"]],
                         [([2, 2, 0, 0, 1, 1], None), ([2, 2, 1, 0, 1, 2], None),
                          (None, [0.1, 0.1, 0.3, 0.3]), ([3, 3, 0, 1, 1, 2], None)])
        with self.assertRaisesRegex(ValueError, "num must be an integer with 1 <= num <= 4, not 5"):
            plt.subplot(2, 2, 5)


class ColourTests(unittest.TestCase):
    def test_colour_forms(self):
        spec = colors.spec_color
        self.assertEqual([spec(c) for c in ("red", "Red", "tab:blue", "b", "#abc", "#a0b0c0", "#a0b0c080",
                                            "0.5", "C3", "C13", "none", (1, 0, 0), (0, 0, 1, 0.5), ("g", 0.2))],
                         ["#ff0000ff", "#ff0000ff", "#1f77b4ff", "#0000ffff", "#aabbccff", "#a0b0c0ff",
                          "#a0b0c080", "#808080ff", "#d62728ff", "#d62728ff", "#00000000", "#ff0000ff",
                          "#0000ff80", "#00800033"])
        self.assertEqual(colors.to_hex("lightgoldenrodyellow"), "#fafad2")
        self.assertEqual(colors.to_rgba("w", alpha=0.5), (1.0, 1.0, 1.0, 0.5))
        with self.assertRaisesRegex(ValueError, "Invalid RGBA argument: 'notacolor'"):
            colors.to_rgba("notacolor")
        with self.assertRaises(ValueError):
            plt.figure().gca().plot([1], color="blurple")

    def test_colormaps(self):
        self.assertEqual(colors.to_hex(plt.cm.viridis(0.0)), "#440154")
        self.assertEqual(colors.to_hex(matplotlib.colormaps["viridis"](1.0)), "#fde725")
        self.assertEqual(colors.to_hex(plt.get_cmap("tab10")(3)), "#d62728")
        self.assertEqual(colors.to_hex(matplotlib.cm.get_cmap("Reds_r")(0.0)), "#67000d")
        self.assertEqual([colors.to_hex(c) for c in plt.get_cmap("coolwarm")([0.0, 0.5])], ["#3b4cc0", "#dedcdb"])
        self.assertEqual(colors.Normalize(0, 10)([5, 10]), [0.5, 1.0])
        with self.assertRaises(ValueError):
            plt.get_cmap("nope")


class PackedSeriesTests(ChartTestCase):
    """Long series travel as base64 little-endian doubles (docs/CHARTS.md), gaps as NaN."""

    @staticmethod
    def unpack(packed):
        import base64
        import struct
        raw = base64.b64decode(packed["f64"])
        return list(struct.unpack(f"<{len(raw) // 8}d", raw))

    def test_long_series_are_packed_and_short_ones_are_not(self):
        xs = [i / 4 for i in range(200)]
        plt.plot(xs, [x * x for x in xs])
        plt.plot([1, 2, 3], [3, 2, 1])
        long, short = self.artists()
        self.assertEqual(self.unpack(long["x"]), xs)
        self.assertEqual(self.unpack(long["y"]), [x * x for x in xs])
        self.assertEqual(short["x"], [1.0, 2.0, 3.0])

    def test_gaps_become_nan(self):
        ys = [float(i) for i in range(100)]
        ys[10] = None
        ys[20] = float("inf")
        plt.plot(ys)
        (line,) = self.artists()
        unpacked = self.unpack(line["y"])
        self.assertTrue(math.isnan(unpacked[10]) and math.isnan(unpacked[20]))
        self.assertEqual(unpacked[11], 11.0)


class OutputTests(ChartTestCase):
    def test_savefig_path_and_buffer(self):
        fig, ax = plt.subplots()
        ax.plot([1, 2])
        with tempfile.TemporaryDirectory() as tmp:
            cwd = os.getcwd()
            os.chdir(tmp)
            try:
                self.assertIsNone(fig.savefig("chart.png", dpi=200, bbox_inches="tight"))
                plt.savefig("plain")  # no extension: rcParams savefig.format, appended like matplotlib
                with open("chart.png", "rb") as file:
                    self.assertEqual(file.read(), b"IMG-png")
                self.assertTrue(os.path.exists("plain.png"))
            finally:
                os.chdir(cwd)
        buffer = io.BytesIO()
        plt.close(fig)
        fig.savefig(buffer, format="svg", transparent=True)  # a closed figure can still be saved
        self.assertEqual(buffer.getvalue(), b"IMG-svg")
        request = self.host.payloads[-1]
        self.assertEqual((request["action"], request["format"], request["figure"]["facecolor"],
                          request["figure"]["axes"][0]["facecolor"]), ("render", "svg", "#00000000", "#00000000"))
        self.assertEqual(self.host.payloads[0]["figure"]["dpi"], 200.0)
        with self.assertRaisesRegex(NotImplementedError, "'pdf'"):
            fig.savefig("x.pdf")
        with self.assertRaisesRegex(ValueError, "'xyz'"):
            fig.savefig("x.xyz")

    def test_show_displays_open_figures_and_closes_them(self):
        plt.figure()
        plt.plot([1])
        plt.figure()  # empty: not shown
        fig3, ax = plt.subplots()
        ax.plot([2])
        temporary = plt.figure()
        plt.plot([3])
        plt.close(temporary)
        figures = self.shown()
        self.assertEqual(len(figures), 2)
        self.assertEqual(plt.get_fignums(), [])
        self.assertEqual(self.shown(), [])

    def test_figure_numbers_and_close(self):
        first = plt.figure()
        second = plt.figure()
        self.assertEqual((first.number, second.number), (1, 2))
        self.assertIs(plt.figure(1), first)
        self.assertIs(plt.gcf(), first)
        plt.close()
        self.assertIs(plt.gcf(), second)
        plt.close("all")
        self.assertEqual(plt.get_fignums(), [])
        self.assertEqual(repr(plt.figure(figsize=(3, 2))), "<Figure size 300x200 with 0 Axes>")

    def test_host_errors_become_python_errors(self):
        plt.plot([1])
        self.host.refuse = "marker 'q' is not supported"
        with self.assertRaisesRegex(NotImplementedError, "marker 'q' is not supported"):
            plt.show()
        plt.plot([1])
        self.host.refuse = "axes 3 has no grid position"
        with self.assertRaisesRegex(ValueError, "axes 3 has no grid position"):
            plt.gcf().savefig(io.BytesIO())

    def test_unsupported_features_name_themselves(self):
        with self.assertRaisesRegex(NotImplementedError, r"matplotlib.pyplot.broken_barh is not supported"):
            plt.broken_barh([(1, 2)], (1, 2))
        with self.assertRaisesRegex(NotImplementedError, r"quiver\(angles='xy'\)"):
            plt.quiver([1], [1], [1], [1], angles="xy", scale_units="xy")
        ax = plt.gca()
        for call in (lambda: ax.streamplot([0, 1], [0, 1], [[1, 1], [1, 1]], [[1, 1], [1, 1]], arrowstyle="->"),
                     lambda: ax.imshow([[1]], clip_path=None),
                     lambda: ax.set_yscale("function", functions=(abs, abs)),
                     lambda: plt.subplots(subplot_kw={"projection": "3d"}), lambda: plt.style.use("classic")):
            with self.assertRaises(NotImplementedError):
                call()
        with self.assertRaises(AttributeError):
            plt._private_thing  # noqa: B018
        self.assertFalse(hasattr(ax, "__array__"))

    def test_backend_and_rcparams(self):
        matplotlib.use("TkAgg")
        matplotlib.rcParams["font.family"] = "SimHei"
        matplotlib.rcParams["axes.unicode_minus"] = False
        plt.rcParams.update({"figure.figsize": (4, 3), "font.size": 12, "lines.linewidth": 2})
        from matplotlib import pyplot

        pyplot.plot([1, 2])
        pyplot.title("t")
        (figure,) = self.shown()
        axes = figure["axes"][0]
        self.assertEqual((figure["width_in"], axes["artists"][0]["linewidth"], axes["tick_fontsize"]),
                         (4.0, 2.0, 12.0))
        self.assertAlmostEqual(axes["title"]["fontsize"], 14.4)  # "large" = 1.2 x font.size


class CompatibilityTests(ChartTestCase):
    """Issue 16's additions. Expected numbers are real matplotlib 3.10.8's on the same code
    (read back from its artists), pasted here, unless computed in the test."""

    def test_boxplot_lines_limits_and_ticks(self):
        result = plt.boxplot([[1, 2, 3, 4, 5, 6, 7, 8, 9, 30], [2, 3, 4, 5]])
        got = {key: [(line.get_xdata(), line.get_ydata()) for line in lines] for key, lines in result.items()}
        # matplotlib 3.10.8: bp[key][i].get_xdata(), get_ydata()
        self.assertEqual(got["whiskers"], [([1, 1], [3.25, 1]), ([1, 1], [7.75, 9]), ([2, 2], [2.75, 2]),
                                           ([2, 2], [4.25, 5])])
        self.assertEqual(got["caps"][0], ([0.9625, 1.0375], [1, 1]))
        self.assertEqual(got["boxes"][1], ([1.925, 2.075, 2.075, 1.925, 1.925], [2.75, 2.75, 4.25, 4.25, 2.75]))
        self.assertEqual(got["medians"], [([0.925, 1.075], [5.5, 5.5]), ([1.925, 2.075], [3.5, 3.5])])
        self.assertEqual(got["fliers"], [([1.0], [30.0]), ([], [])])
        axes = self.axes_spec()
        self.assertEqual(axes["xlim"], [0.5, 2.5])  # matplotlib: (0.5, 2.5), no margins
        self.assertEqual(axes["xticks"], {"positions": [1, 2], "labels": ["1", "2"]})
        roles = [a.get("role") for a in axes["artists"]]
        self.assertEqual(roles.count("boxplot median"), 2)
        median = next(a for a in axes["artists"] if a.get("role") == "boxplot median")
        self.assertEqual(median["color"], ORANGE)

    def test_boxplot_stats_list_low_fliers_first(self):
        from matplotlib import cbook
        stats = cbook.boxplot_stats([50, -40, 1, 2, 3, 4, 5, 60, -30])[0]
        # matplotlib 3.10.8: [-40, -30, 50, 60], whislo 1, whishi 5
        self.assertEqual((stats["fliers"], stats["whislo"], stats["whishi"]), ([-40, -30, 50, 60], 1, 5))

    def test_errorbar_segments_and_caps(self):
        container = plt.errorbar([1, 2, 3], [2, 4, 3], yerr=[0.5, 0.2, 0.1], capsize=3)
        data_line, caps, (bars,) = container
        # matplotlib 3.10.8: barlinecols[0].get_segments(), caplines markers and sizes
        self.assertEqual(bars.get_segments(), [[[1, 1.5], [1, 2.5]], [[2, 3.8], [2, 4.2]], [[3, 2.9], [3, 3.1]]])
        self.assertEqual([(c.get_marker(), c.get_markersize()) for c in caps], [("_", 6.0), ("_", 6.0)])
        self.assertEqual(plt.gca().get_ylim(), (1.365, 4.335))
        with self.assertRaisesRegex(ValueError, "must not contain negative values"):
            plt.errorbar([1], [1], yerr=[-1])
        _, caps, (bars,) = plt.errorbar([1, 2, 3, 4, 5], [1, 2, 3, 4, 5], yerr=0.5, errorevery=(1, 2), capsize=2)
        # matplotlib 3.10.8: only points 1 and 3 (0-based) get bars and caps
        self.assertEqual(bars.get_segments(), [[[2.0, 1.5], [2.0, 2.5]], [[4.0, 3.5], [4.0, 4.5]]])
        self.assertEqual(caps[0].get_ydata(), [1.5, 3.5])

    def test_errorbar_limits_draw_carets(self):
        _, caps, (bars,) = plt.errorbar([1, 2], [1, 2], yerr=0.5, lolims=[True, False], capsize=2)
        # matplotlib 3.10.8: no bar below a lower limit; caps at both ends of the other bar, then
        # a CARETUPBASE at the limited bar's top and a cap at its point
        self.assertEqual(bars.get_segments(), [[[1, 1], [1, 1.5]], [[2, 1.5], [2, 2.5]]])
        self.assertEqual([(c.get_marker(), list(zip(c.get_xdata(), c.get_ydata()))) for c in caps],
                         [("_", [(2, 1.5)]), ("_", [(2, 2.5)]), (10, [(1, 1.5)]), ("_", [(1, 1)])])
        (figure,) = self.shown()
        (caret,) = [a for a in figure["axes"][0]["artists"] if isinstance(a.get("marker"), dict)]
        self.assertEqual(caret["marker"], {"caret": {"towards": "up", "base": True}})

    def test_violinplot_kde_and_lines(self):
        data = [1, 2, 3, 4, 5, 9]
        parts = plt.violinplot([data])
        (body,) = parts["bodies"]
        # the KDE at the median, computed here: Scott's bandwidth n^(-1/5) * std(ddof=1)
        mean = sum(data) / 6
        cov = sum((v - mean) ** 2 for v in data) / 5 * 6 ** (-2 / 5)
        kde = [sum(math.exp(-(c - v) ** 2 / (2 * cov)) for v in data) for c in (1 + 8 * i / 99 for i in range(100))]
        half = [0.25 * k / max(kde) for k in kde]
        xs = [x for x, _ in body.get_xy()]
        self.assertAlmostEqual(xs[0], 1 - half[0])
        self.assertAlmostEqual(max(xs), 1 + max(half))
        # matplotlib 3.10.8: cmaxes segments, limits
        self.assertEqual(parts["cmaxes"].get_segments(), [[[0.875, 9.0], [1.125, 9.0]]])
        self.assertEqual((plt.gca().get_xlim(), plt.gca().get_ylim()), ((0.725, 1.275), (0.6, 9.4)))

    def test_imshow_image_spec(self):
        image = plt.imshow([[1, 2], [3, 4]], cmap="viridis")
        self.assertEqual(image.get_extent(), [-0.5, 1.5, 1.5, -0.5])  # matplotlib 3.10.8
        self.assertEqual(plt.gca().get_ylim(), (1.5, -0.5))
        (artist,) = self.artists()
        self.assertEqual((artist["rows"], artist["cols"], artist["x_edges"], artist["y_edges"]),
                         (2, 2, [-0.5, 0.5, 1.5], [-0.5, 0.5, 1.5]))
        pixels = __import__("base64").b64decode(artist["pixels"])
        # viridis at 0 and 1 (matplotlib's _viridis_data first and last entries)
        self.assertEqual(tuple(pixels[:4]), (68, 1, 84, 255))
        self.assertEqual(tuple(pixels[12:]), (253, 231, 37, 255))
        self.assertEqual((artist["vmin"], artist["vmax"], artist["cmap"]), (1.0, 4.0, "viridis"))

    def test_pcolormesh_colorbar_and_limits(self):
        fig, ax = plt.subplots()
        mesh = ax.pcolormesh([[1, 2, 3], [3, 4, 5]], cmap="Blues", vmin=0)
        bar = fig.colorbar(mesh, ax=ax, label="value")
        self.assertEqual((ax.get_xlim(), ax.get_ylim()), ((0.0, 3.0), (0.0, 2.0)))  # matplotlib 3.10.8
        (figure,) = self.shown()
        main, cbar = figure["axes"]
        self.assertEqual((cbar["colorbar_of"], cbar["grid_pos"], cbar["ylim"], cbar["ylabel"]["text"]),
                         (0, main["grid_pos"], [0.0, 5.0], "value"))
        self.assertEqual(cbar["artists"][0]["rows"], 256)
        self.assertIs(bar.mappable, mesh)

    def test_patches_and_legend_proxies(self):
        from matplotlib.lines import Line2D
        from matplotlib.patches import Circle, Patch, Rectangle

        ax = plt.gca()
        ax.add_patch(Rectangle((1, 2), 3, 4, facecolor="red", edgecolor="black", label="box"))
        ax.add_patch(Circle((0, 0), 1))
        ax.legend(handles=[Patch(color="green", label="g"), Line2D([0], [0], color="b", lw=2, label="line")])
        axes = self.axes_spec()
        rect, circle = axes["artists"]
        self.assertEqual((rect["x"], rect["y"], rect["facecolor"], rect["edgecolor"]),
                         ([1.0, 4.0, 4.0, 1.0], [2.0, 2.0, 6.0, 6.0], "#ff0000ff", "#000000ff"))
        self.assertEqual(rect["shape"], {"kind": "Rectangle", "xy": [1.0, 2.0], "width": 3.0, "height": 4.0})
        self.assertEqual((circle["facecolor"], circle["edgecolor"]), (BLUE, "#00000000"))  # matplotlib's defaults
        self.assertAlmostEqual(max(circle["x"]), 1.0)
        entries = axes["legend"]["entries"]
        self.assertEqual([(e["label"], e["artist"], e["handle"]["type"]) for e in entries],
                         [("g", None, "patch"), ("line", None, "line")])

    def test_ticker_formatters_and_locators(self):
        from matplotlib import ticker

        ax = plt.gca()
        ax.plot([0, 0.33, 0.5], [0.1, 0.25, 0.9])
        ax.yaxis.set_major_formatter(ticker.PercentFormatter(1.0))
        ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda x, pos: f"${x:,.2f}"))
        axes = self.axes_spec()
        # matplotlib 3.10.8's tick labels inside the view
        self.assertEqual(axes["yticks"]["labels"], ["10%", "20%", "30%", "40%", "50%", "60%", "70%", "80%", "90%"])
        self.assertEqual(axes["xticks"]["labels"], ["$0.00", "$0.10", "$0.20", "$0.30", "$0.40", "$0.50"])
        ax = plt.gca()
        ax.plot([0, 10], [1e6, 5e6])
        ax.yaxis.set_major_locator(ticker.MultipleLocator(1e6))
        ax.ticklabel_format(style="plain", axis="y")
        ax.xaxis.set_major_formatter("{x:.1f}s")
        axes = self.axes_spec()
        self.assertEqual(axes["yticks"]["labels"], ["1000000", "2000000", "3000000", "4000000", "5000000"])
        self.assertEqual(axes["ylim"], [800000.0, 5200000.0])
        self.assertEqual(axes["xticks"]["labels"], ["0.0s", "2.0s", "4.0s", "6.0s", "8.0s", "10.0s"])

    def test_stem_stackplot_spans_and_lines(self):
        markerline, stemlines, baseline = plt.stem([1, 2, 3], [3, 1, 2])
        # matplotlib 3.10.8: stemlines segments and the red (C3) baseline from min to max x
        self.assertEqual(stemlines.get_segments(), [[[1, 0], [1, 3]], [[2, 0], [2, 1]], [[3, 0], [3, 2]]])
        self.assertEqual((baseline.get_xdata(), baseline.get_ydata(), colors.to_hex(baseline.get_color())),
                         ([1.0, 3.0], [0.0, 0.0], "#d62728"))
        plt.figure()
        plt.stackplot([1, 2, 3], [1, 2, 3], [2, 2, 2])
        self.assertEqual(plt.gca().get_ylim(), (0.0, 5.25))  # the stack stands on 0
        plt.figure()
        plt.axvspan(1, 2)
        self.assertEqual((plt.gca().get_xlim(), plt.gca().get_ylim()), ((0.95, 2.05), (0.0, 1.0)))
        plt.figure()
        plt.step([1, 2, 3], [1, 3, 2], where="mid")
        figures = self.shown()
        self.assertEqual(figures[-1]["axes"][0]["artists"][0]["drawstyle"], "steps-mid")

    def test_spines_background_and_prop_cycle(self):
        ax = plt.gca()
        ax.spines[["top", "right"]].set_visible(False)
        ax.spines[:].set_linewidth(2)
        ax.patch.set_facecolor("red")
        ax.patch.set_alpha(0.5)
        self.assertEqual(ax.get_facecolor(), (1.0, 0.0, 0.0, 0.5))
        # matplotlib 3.10.8: rcParams["axes.prop_cycle"].by_key()["color"][:3]
        self.assertEqual(plt.rcParams["axes.prop_cycle"].by_key()["color"][:3], ["#1f77b4", "#ff7f0e", "#2ca02c"])

    def test_axline_spans_the_view(self):
        ax = plt.gca()
        ax.plot([0, 1], [0, 2])
        ax.axline((0, 0), (1, 1), color="r")
        self.assertEqual((ax.get_xlim(), ax.get_ylim()), ((-0.05, 1.05), (-0.1, 2.1)))  # matplotlib 3.10.8
        line = self.axes_spec()["artists"][1]
        (x0, x1), (y0, y1) = line["x"], line["y"]
        self.assertEqual((x0, y0, line["role"]), (y0, x0, "axline"))  # on y = x
        self.assertTrue(x0 < -1 and x1 > 2)

    def test_colormap_from_segmentdata(self):
        cdict = {"red": [(0.0, 0.0, 0.0), (0.5, 1.0, 1.0), (1.0, 1.0, 1.0)],
                 "green": [(0.0, 0.0, 0.0), (0.25, 0.0, 0.0), (0.75, 1.0, 1.0), (1.0, 1.0, 1.0)],
                 "blue": [(0.0, 0.0, 0.0), (0.5, 0.0, 0.0), (1.0, 1.0, 1.0)]}
        cmap = colors.LinearSegmentedColormap("BlueRed1", cdict)
        got = [tuple(round(v, 6) for v in cmap(x)) for x in (0.2, 0.5, 0.9)]
        # matplotlib 3.10.8's values
        self.assertEqual(got, [(0.4, 0.0, 0.0, 1.0), (1.0, 0.503922, 0.003922, 1.0), (1.0, 1.0, 0.803922, 1.0)])

    def test_zorder(self):
        ax = plt.gca()
        ax.bar([1, 2], [3, 4], zorder=3)
        ax.plot([1, 2], [1, 1])
        ax.scatter([1], [2]).set_zorder(5)
        self.assertEqual(self.axes_spec()["zorders"], [3.0, 2, 5.0])  # matplotlib: a Line2D's default is 2
        plt.plot([1, 2])
        self.assertIsNone(self.axes_spec()["zorders"])

    def test_date_axes(self):
        import datetime

        from matplotlib import dates

        start = datetime.datetime(2023, 1, 15)
        plt.plot([start + datetime.timedelta(days=30 * i) for i in range(14)], range(14))
        plt.figure()
        plt.plot([start + datetime.timedelta(days=30 * i) for i in range(14)], range(14))
        plt.gca().xaxis.set_major_locator(dates.MonthLocator(interval=3))
        plt.gca().xaxis.set_major_formatter(dates.DateFormatter("%b %Y"))
        auto, custom = (figure["axes"][0]["xticks"] for figure in self.shown())
        # matplotlib 3.10.8's ticks inside the view (days since 1970) and labels
        self.assertEqual(auto["positions"], [19358.0, 19417.0, 19478.0, 19539.0, 19601.0, 19662.0, 19723.0])
        self.assertEqual(auto["labels"], ["2023-01", "2023-03", "2023-05", "2023-07", "2023-09", "2023-11",
                                          "2024-01"])
        self.assertEqual(custom["labels"], ["Jan 2023", "Apr 2023", "Jul 2023", "Oct 2023", "Jan 2024"])
        self.assertEqual(dates.date2num(datetime.datetime(2024, 3, 1, 9)), 19783.375)

    def test_concise_date_labels_and_offset(self):
        import datetime as dt

        from matplotlib import dates

        formatter = dates.ConciseDateFormatter(dates.AutoDateLocator())
        # matplotlib 3.10.8's labels and offset text for each set of ticks
        for ticks, labels, offset in (
                ([dt.datetime(2005, 2, 1), dt.datetime(2005, 2, 15), dt.datetime(2005, 3, 1),
                  dt.datetime(2005, 3, 15)], ["Feb", "15", "Mar", "15"], "2005-Mar"),
                ([dt.datetime(2005, 2, 3, 12), dt.datetime(2005, 2, 3, 18), dt.datetime(2005, 2, 4),
                  dt.datetime(2005, 2, 4, 6)], ["12:00", "18:00", "Feb-04", "06:00"], "2005-Feb-04"),
                ([dt.datetime(2004, 1, 1), dt.datetime(2005, 1, 1), dt.datetime(2006, 1, 1)],
                 ["2004", "2005", "2006"], ""),
                ([dt.datetime(2005, 1, 1, 0, 0, 1, 500000), dt.datetime(2005, 1, 1, 0, 0, 2),
                  dt.datetime(2005, 1, 1, 0, 0, 2, 500000)], ["01.5", "02.0", "02.5"], "2005-Jan-01 00:00")):
            self.assertEqual(formatter.format_ticks(dates.date2num(ticks)), labels)
            self.assertEqual(formatter.get_offset(), offset)
        start = dt.datetime(2005, 2, 1)
        plt.plot([start + dt.timedelta(hours=2 * i) for i in range(732)], range(732))
        locator = dates.AutoDateLocator(minticks=3, maxticks=7)
        plt.gca().xaxis.set_major_locator(locator)
        plt.gca().xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
        plt.xlim(dt.datetime(2005, 2, 3), dt.datetime(2005, 2, 15))
        (figure,) = self.shown()
        ticks = figure["axes"][0]["xticks"]
        self.assertEqual((ticks["labels"], ticks["offset"]), (["03", "05", "07", "09", "11", "13", "15"], "2005-Feb"))

    def test_figure_text_mosaic_ratios_and_shared_labels(self):
        fig, axd = plt.subplot_mosaic("AB;CC", width_ratios=[2, 1])
        fig.text(0.5, 0.02, "note", ha="center")
        self.assertEqual(list(axd), ["A", "B", "C"])
        fig2, axs = plt.subplots(2, 2, sharex=True, sharey=True)
        first, second = self.shown()
        self.assertEqual([a["grid_pos"] for a in first["axes"]], [[2, 2, 0, 0, 1, 1], [2, 2, 0, 1, 1, 1],
                                                                  [2, 2, 1, 0, 1, 2]])
        self.assertEqual(first["axes"][0]["width_ratios"], [2.0, 1.0])
        self.assertEqual(first["texts"][0]["text"]["text"], "note")
        hidden = [(a["hide_xticklabels"], a["hide_yticklabels"]) for a in second["axes"]]
        self.assertEqual(hidden, [(True, False), (True, True), (False, False), (False, True)])


class RunnerTests(unittest.TestCase):
    def setUp(self):
        plt.close("all")

    def test_figure_drawn_in_a_cell_is_shown_at_its_end(self):
        charts = []

        def call(op, payload):
            charts.append(json.loads(payload))
            return b""

        original = sys.modules["test_runner"].FakeHost.call

        def fake_call(host, op, payload):
            if op == "chart":
                host.events.append({"type": "chart", "cell": host.count})
                return call(op, payload)
            return original(host, op, payload)

        sys.modules["test_runner"].FakeHost.call = fake_call
        try:
            host = run("import matplotlib.pyplot as plt\nprint('before')\nplt.plot([1, 2])\nplt.title('t')\n42",
                       "plt.figure()\nplt.plot([3])\nplt.close()\n1/0",
                       "fig, ax = plt.subplots()\nax.bar(['a'], [1])\nplt.show()\nprint('after')")
        finally:
            sys.modules["test_runner"].FakeHost.call = original
        self.assertEqual([(e["type"], e["cell"]) for e in host.events], [
            ("stream", 1), ("chart", 1), ("result", 1), ("error", 2), ("chart", 3), ("stream", 3)])
        self.assertEqual([c["action"] for c in charts], ["display", "display"])
        self.assertEqual(charts[0]["figure"]["axes"][0]["title"]["text"], "t")

    def test_flush_failure_is_reported_on_stderr(self):
        host = run("import matplotlib.pyplot as plt\nplt.plot([1])\n'done'")
        # The FakeHost refuses unknown operations with an AssertionError (not a HostError).
        self.assertEqual(host.results(), [{"kind": "str", "value": "done"}])
        self.assertIn("matplotlib: could not show a figure: AssertionError", host.text("stderr"))

class MaxNLocatorTest(unittest.TestCase):
    def test_default_steps_are_matplotlibs(self):
        from matplotlib.ticker import MaxNLocator
        # Real matplotlib 3.10.8's MaxNLocator(...).tick_values on the same ranges, pasted.
        self.assertEqual(MaxNLocator(nbins=6).tick_values(0.3, 7.9), [0.0, 1.5, 3.0, 4.5, 6.0, 7.5, 9.0])
        self.assertEqual(MaxNLocator().tick_values(12, 97),
                         [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0])


if __name__ == "__main__":
    unittest.main()

