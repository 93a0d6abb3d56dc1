"""Native tests of gallery-driven matplotlib pieces (norms, colormap extremes, Affine2D patches,
pie wedge angles, hist2d, violin sides) against real matplotlib 3.10.8's values (pasted).

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import colors  # noqa: E402
from matplotlib.patches import Ellipse, Rectangle  # noqa: E402
from matplotlib.transforms import Affine2D  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class NormTests(unittest.TestCase):
    def test_boundary_norm(self):
        values = [-1, 0, 0.5, 1, 3, 5, 6]
        self.assertEqual(colors.BoundaryNorm([0, 1, 2, 5], 256)(values), [-1, 0, 0, 127, 255, 256, 256])
        self.assertEqual(colors.BoundaryNorm([0, 1, 2, 5], 3, clip=True)(values), [0, 0, 0, 1, 2, 2, 2])

    def test_power_norm(self):
        self.assertEqual(colors.PowerNorm(0.5, 0, 4)([-1, 0, 1, 4, 9]), [-0.25, 0.0, 0.5, 1.0, 1.5])

    def test_log_norm_masks_non_positive(self):
        out = colors.LogNorm()([0.0, 1.0, 10.0, 100.0])
        self.assertTrue(math.isnan(out[0]))
        self.assertEqual(out[1:], [0.0, 0.5, 1.0])

    def test_with_extremes(self):
        cmap = plt.cm.gray.with_extremes(over="r", under="b", bad="y")
        self.assertEqual((cmap(-0.1), cmap(1.1), cmap(float("nan"))),
                         ((0.0, 0.0, 1.0, 1.0), (1.0, 0.0, 0.0, 1.0), (0.75, 0.75, 0.0, 1.0)))
        self.assertEqual((plt.cm.gray(-0.1), plt.cm.gray(float("nan"))), ((0.0, 0.0, 0.0, 1.0), (0.0, 0.0, 0.0, 0.0)))


class AffineTests(ChartTestCase):
    def test_affine2d_matrix(self):
        t = Affine2D().rotate_deg(45).scale(2, 3).translate(1, 1)
        for got, want in zip(t.transform([[1, 0], [0, 1]]).ravel().tolist(),
                             [2.414213562373095, 3.1213203435596424, -0.4142135623730949, 3.121320343559643]):
            self.assertAlmostEqual(got, want, places=12)
        x, y = t.inverted().transform_point((1, 1))
        self.assertAlmostEqual(x, 0.0)
        self.assertAlmostEqual(y, 0.0)

    def test_patch_with_affine_then_data(self):
        ax = plt.gca()
        square = Rectangle((0, 0), 1, 1)
        square.set_transform(Affine2D().scale(2, 3).translate(1, 1) + ax.transData)
        ax.add_patch(square)
        (patch,) = self.artists()
        self.assertEqual((patch["x"][:4], patch["y"][:4], patch["coords"]),
                         ([1.0, 3.0, 3.0, 1.0], [1.0, 1.0, 4.0, 4.0], ["data", "data"]))

    def test_an_affine_before_an_affine_then_data_applies_first(self):
        ax = plt.gca()
        square = Rectangle((0, 0), 1, 1)
        square.set_transform(Affine2D().scale(2, 3) + (Affine2D().translate(1, 1) + ax.transData))
        ax.add_patch(square)
        (patch,) = self.artists()
        self.assertEqual((patch["x"][:4], patch["y"][:4]), ([1.0, 3.0, 3.0, 1.0], [1.0, 1.0, 4.0, 4.0]))

    def test_ellipse_vertices(self):
        e = Ellipse((2, 4), 30, 20, angle=90)
        (x0, y0), (x1, y1) = e.get_co_vertices()
        self.assertAlmostEqual(x0, -8.0)
        self.assertAlmostEqual(y0, 4.0)
        (x0, y0), _ = e.get_vertices()
        self.assertAlmostEqual(x0, 2.0)
        self.assertAlmostEqual(y0, 19.0)

    def test_affine_refused_for_text(self):
        with self.assertRaises(NotImplementedError):
            plt.text(0, 0, "a", transform=Affine2D().scale(2) + plt.gca().transData)


class ChartPieceTests(ChartTestCase):
    def test_wedge_angles(self):
        wedges = plt.pie([1, 2, 3], startangle=-40, counterclock=False, explode=[0, 0.1, 0])[0]
        got = [(round(w.theta1, 4), round(w.theta2, 4), tuple(round(c, 6) for c in w.center)) for w in wedges]
        self.assertEqual(got, [(-100.0, -40.0, (0.0, 0.0)), (-220.0, -100.0, (-0.093969, -0.034202)),
                               (-400.0, -220.0, (0.0, 0.0))])

    def test_hist2d(self):
        h, xedges, yedges, mesh = plt.hist2d([0, 1, 1, 2], [0, 0, 1, 2], bins=2)
        self.assertEqual((h.tolist(), xedges.tolist(), yedges.tolist()),
                         ([[1.0, 0.0], [1.0, 2.0]], [0.0, 1.0, 2.0], [0.0, 1.0, 2.0]))
        (image,) = self.artists()
        self.assertEqual((image["rows"], image["cols"]), (2, 2))

    def test_violin_side(self):
        result = plt.violinplot([[1, 2, 3, 4]], side="low", showextrema=False, showmeans=True)
        self.assertEqual(max(result["bodies"][0].get_xy()[:, 0].tolist()
                             if hasattr(result["bodies"][0].get_xy(), "tolist") else
                             [x for x, _ in result["bodies"][0].get_xy()]), 1.0)

    def test_figure_patch_and_class(self):
        class Tagged(plt.Figure):
            def __init__(self, *args, tag=None, **kwargs):
                super().__init__(*args, **kwargs)
                self.tag = tag

        fig = plt.figure(FigureClass=Tagged, tag="t")
        fig.patch.set_facecolor("red")
        fig.add_subplot()
        self.assertEqual((fig.tag, self.shown()[0]["facecolor"]), ("t", "#ff0000ff"))


class BoxplotTests(ChartTestCase):
    def test_notch_meanline_and_overrides(self):
        data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 30]
        result = plt.boxplot([data, data], notch=True, meanline=True, showmeans=True, sym="gD",
                             usermedians=[None, 6], conf_intervals=[(4, 7), None])
        box = result["boxes"][0]
        # matplotlib 3.10.8: the notched outline and the median across the notch
        self.assertEqual(box.get_ydata(), [3.25, 3.25, 4, 5.5, 7, 7.75, 7.75, 7, 5.5, 4, 3.25])
        self.assertEqual(result["medians"][0].get_xdata(), [0.9625, 1.0375])
        self.assertEqual(result["medians"][1].get_ydata(), [6, 6])
        self.assertEqual(result["means"][0].get_xdata(), [0.925, 1.075])
        self.assertEqual(result["means"][0].get_linestyle(), "--")
        self.assertEqual(result["fliers"][0].get_marker(), "D")

    def test_sym_empty_hides_fliers(self):
        self.assertEqual(plt.boxplot([1, 2, 3, 50], sym="")["fliers"], [])


class GridTests(ChartTestCase):
    def test_nested_gridspec_cells(self):
        fig = plt.figure()
        outer = fig.add_gridspec(1, 2)
        inner = outer[1].subgridspec(3, 3)
        fig.add_subplot(inner[:-1, -1])
        ax = fig.add_subplot(outer[0])
        self.assertIs(ax.get_gridspec(), outer)
        self.assertEqual([a["grid_pos"] for a in self.shown()[0]["axes"]], [[3, 6, 0, 5, 2, 1], [1, 2, 0, 0, 1, 1]])

    def test_patch_collection(self):
        from matplotlib.collections import PatchCollection
        from matplotlib.patches import Circle

        ax = plt.gca()
        pc = PatchCollection([Circle((0, 0), 1), Rectangle((2, 2), 1, 1)], alpha=0.5)
        pc.set_array([0.0, 1.0])
        ax.add_collection(pc)
        first, second = self.artists()
        self.assertEqual((first["facecolor"], second["facecolor"]), ("#44015480", "#fde72580"))
        self.assertEqual(second["x"][:4], [2.0, 3.0, 3.0, 2.0])


class CollectionTests(ChartTestCase):
    def test_line_collection_of_several_colours(self):
        from matplotlib.collections import LineCollection

        ax = plt.gca()
        lc = LineCollection([[(0, 0), (1, 1)], [(1, 1), (2, 0)]], array=[0.0, 1.0], cmap="viridis", capstyle="butt")
        ax.add_collection(lc)
        owner, first, second = self.artists()
        self.assertEqual((owner["x"], first["x"], second["x"]), ([], [0, 1], [1, 2]))
        self.assertEqual((first["color"], second["color"]), ("#440154ff", "#fde725ff"))

    def test_vlines_colours_and_axes_transform(self):
        ax = plt.gca()
        ax.vlines([1, 2], 0, 1, colors=["r", "b"], transform=ax.get_xaxis_transform())
        owner, first, second = self.artists()
        self.assertEqual((first["color"], second["color"], first["coords"]), ("#ff0000ff", "#0000ffff",
                                                                               ["data", "axes"]))

    def test_fill_between_in_axes_fractions(self):
        ax = plt.gca()
        ax.fill_between([0, 1, 2], 0, 1, transform=ax.get_xaxis_transform())
        (patch,) = self.artists()
        self.assertEqual((patch["type"], patch["coords"], patch["x"], patch["y"]),
                         ("patch", ["data", "axes"], [0, 0, 1, 2, 2, 2, 1, 0], [1, 0, 0, 0, 1, 1, 1, 1]))

    def test_axline_point_in_axes_fractions(self):
        ax = plt.gca()
        ax.set(xlim=(0, 10), ylim=(0, 10))
        ax.axline((0.5, 0), slope=1, transform=ax.transAxes)
        (line,) = self.artists()
        (x0, x1), (y0, y1) = line["x"], line["y"]
        self.assertAlmostEqual((y1 - y0) / (x1 - x0), 1.0)
        self.assertAlmostEqual(y0 - (x0 - 5.0), 0.0)


class ImageAndArrowTests(ChartTestCase):
    def test_spy_markers_and_image(self):
        import numpy as np

        ax = plt.gca()
        line = ax.spy(np.array([[0, 1], [2, 0]]), markersize=5)
        self.assertEqual((line.get_xdata(), line.get_ydata()), ([1, 0], [0, 1]))
        self.assertEqual((ax.get_xlim(), ax.get_ylim()), ((-0.5, 1.5), (1.5, -0.5)))
        image = plt.figure().gca().spy(np.array([[0, 0.5]]), precision=0.1)
        self.assertEqual(image.get_array().tolist(), [[False, True]])

    def test_pcolorfast_ranges(self):
        mesh = plt.pcolorfast((0, 4), (0, 1), [[1, 2]])
        self.assertEqual(mesh.get_extent(), [0, 4, 1, 0])

    def test_arrow_vertices(self):
        # matplotlib 3.10.8's FancyArrow vertices
        arrow = plt.arrow(1, 2, 3, 1, width=0.1, head_width=0.3, head_length=0.4, shape="right",
                          length_includes_head=True, overhang=0.2)
        want = [[4.0, 3.0], [3.573092516, 3.015811388], [3.680609956, 2.94624128], [0.984188612, 2.047434165],
                [1.0, 2.0]]
        self.assertEqual([[round(v, 9) for v in p] for p in arrow.get_xy()], want)

    def test_norms_of_arrays(self):
        import numpy as np

        self.assertEqual(colors.Normalize(0, 2)(np.array([[0, 1], [2, 4]])).tolist(), [[0.0, 0.5], [1.0, 2.0]])
        self.assertEqual(plt.cm.viridis(np.zeros((2, 3))).shape, (2, 3, 4))
        self.assertEqual(colors.NoNorm()(3), 3)


class TickerAndLegendTests(ChartTestCase):
    def test_index_locator_from_the_data(self):
        from matplotlib import ticker

        ax = plt.gca()
        ax.plot([0] * 5)
        ax.set_xlim(0, 5)
        ax.xaxis.set_major_locator(ticker.IndexLocator(base=0.5, offset=0.25))
        (figure,) = self.shown()
        self.assertEqual(figure["axes"][0]["xticks"]["positions"], [0.25, 0.75, 1.25, 1.75, 2.25, 2.75, 3.25, 3.75,
                                                                    4.25, 4.75])

    def test_legend_frame_facecolor(self):
        plt.plot([1, 2], label="a")
        plt.legend().get_frame().set_facecolor("C1")
        self.assertEqual(self.axes_spec()["legend"]["facecolor"], "#ff7f0ecc")

    def test_drange(self):
        import datetime

        from matplotlib.dates import drange

        days = drange(datetime.datetime(2000, 3, 2), datetime.datetime(2000, 3, 6), datetime.timedelta(hours=6))
        self.assertEqual((len(days), days[0], days[-1]), (16, 11018.0, 11021.75))  # matplotlib 3.10.8's

    def test_round_numbers_autolimits(self):
        plt.rcParams["axes.autolimit_mode"] = "round_numbers"
        ax = plt.gca()
        ax.plot([3, 17], [0.02, 0.7])
        ax2 = plt.figure().gca()
        ax2.scatter([0.3, 1.2], [0.3, 1.2])
        ax2.set_xmargin(0.8)
        # matplotlib 3.10.8's views
        self.assertEqual((ax.get_xlim(), ax.get_ylim()), ((2.0, 18.0), (-0.1, 0.8)))
        self.assertEqual(ax2.get_xlim(), (-0.5, 2.0))

    def test_navigation_events_accepted(self):
        ax = plt.gca()
        ax.set_forward_navigation_events(True)
        self.assertIs(ax.get_forward_navigation_events(), True)

    def test_more_colormaps(self):
        self.assertEqual(plt.cm.gist_yarg(0.0), (1.0, 1.0, 1.0, 1.0))
        self.assertIn("nipy_spectral_r", plt.colormaps())


if __name__ == "__main__":
    unittest.main()


class QuiverTests(ChartTestCase):
    """Arrow outlines against matplotlib 3.10.8's (Quiver paths times its dots per unit, over the
    axes' width in pixels; values pasted)."""

    def test_default_arrows_in_axes_widths(self):
        import numpy as np

        ax = plt.gca()
        ax.quiver([0, 1, 2], [0, 1, 0], [1, -1, 0.01], [1, 2, 0.01], angles=[30, 60, 90], width=0.01, scale=10)
        (arrows,) = self.artists()
        self.assertEqual((arrows["type"], arrows["unit"], arrows["sides"], len(arrows["shape_x"])),
                         ("quiver", "width", 8, 24))
        want_x = [-0.0024999999999999996, 0.08100334396885918, 0.07167321694993699, 0.12247448713915893,
                  0.08667321694993697, 0.08600334396885918, 0.0024999999999999996, -0.0024999999999999996]
        for got, want in zip(arrows["shape_x"][:8], want_x):
            self.assertAlmostEqual(got, want, places=12)

    def test_key_takes_the_quivers_scale(self):
        ax = plt.gca()
        q = ax.quiver([0, 1], [0, 1], [1, 2], [0, 1])
        ax.quiverkey(q, 0.5, 0.9, 2, "2 m/s", labelpos="E", coordinates="figure")
        field, key = self.artists()
        self.assertEqual((key["coords"], key["key_label"]["offset"], key["key_label"]["ha"]),
                         ("figure", [7.2, 0], "left"))
        self.assertAlmostEqual(max(key["shape_x"]), 0.0)  # labelpos E: the tip at the key's position


class ContourLabelTests(ChartTestCase):
    def test_label_widths_are_aggs(self):
        from matplotlib._clabel import text_width

        strings = ["0 %", "1 %", "-1.5 %", "0.5 %", "\u22121.5", "0.0", "first", "third"]
        # matplotlib: Text(0, 0, s, fontsize=10).get_window_extent(renderer).width at 100 dpi
        self.assertEqual([text_width(s, 10, 100) for s in strings],
                         [26.25, 26.375, 44.375, 39.375, 33.625, 21.875, 27.25, 32.5])
        with self.assertRaises(NotImplementedError):
            text_width("0.5", 10, 150)

    def test_clabel_refuses_what_it_cannot_place(self):
        import numpy as np

        z = np.add.outer(np.arange(5.0), np.arange(5.0))
        with self.assertRaises(NotImplementedError):
            plt.contourf(z).clabel()
        with self.assertRaises(NotImplementedError):
            plt.contour(z).clabel(manual=[(1, 1)])


class ScaleTickTests(ChartTestCase):
    """The ticks the guest sends for symlog and logit axes against matplotlib 3.10.8's (pasted)."""

    def test_symlog_ticks_and_limits(self):
        import numpy as np

        y = np.linspace(0.002, 1, 400)
        ax = plt.gca()
        ax.plot(np.arange(400), y - y.mean())
        ax.set_yscale("symlog", linthresh=0.02)
        spec = self.axes_spec()
        self.assertEqual(spec["yscale"], {"symlog": {"base": 10.0, "linthresh": 0.02, "linscale": 1.0}})
        self.assertEqual(spec["ylim"], [-0.8890346988519415, 0.8890346988519415])
        self.assertEqual(list(zip(spec["yticks"]["positions"], spec["yticks"]["labels"])),
                         [(-0.1, "$\\mathdefault{-10^{-1}}$"), (-0.01, "$\\mathdefault{-10^{-2}}$"),
                          (0.0, "$\\mathdefault{0}$"), (0.01, "$\\mathdefault{10^{-2}}$"),
                          (0.1, "$\\mathdefault{10^{-1}}$")])

    def test_logit_minor_labels(self):
        import numpy as np

        ax = plt.gca()
        ax.plot(np.arange(400), np.linspace(0.002, 1, 400))
        ax.set_yscale("logit")
        ax.set_ylim(0.8, 1 - 5e-3)
        ticks = self.axes_spec()["yticks"]
        self.assertEqual(list(zip(ticks["positions"], ticks["labels"])),
                         [(0.9, "$\\mathdefault{1-10^{-1}}$"), (0.99, "$\\mathdefault{1-10^{-2}}$")])
        labelled = [(p, label) for p, label in zip(ticks["minor"], ticks["minor_labels"]) if label]
        self.assertEqual([(round(p, 12), label) for p, label in labelled],
                         [(0.8, "$\\mathdefault{0.8}$"), (0.97, "$\\mathdefault{1-3\\cdot10^{-2}}$"),
                          (0.98, "$\\mathdefault{1-2\\cdot10^{-2}}$")])


class ArcTests(ChartTestCase):
    def test_arc_ends_and_limits_are_matplotlibs(self):
        from matplotlib.patches import Arc

        ax = plt.gca()
        arc = Arc((1, 2), 4, 2, angle=30, theta1=20, theta2=250, color="red", lw=2)
        ax.add_patch(arc)
        ax.autoscale_view()
        # matplotlib: the arc's first and last vertices, and the view from Path.arc's Bézier extrema
        xs, ys = arc._placed_outline()
        for got, want in zip((xs[0], ys[0], xs[-1], ys[-1], *ax.get_xlim(), *ax.get_ylim()),
                             (2.1060647029881983, 3.318156583427833, 1.1818064668082306, 0.9689242901015573,
                              -0.9073634830536058, 2.249561283275903, 0.5698504307093675, 3.449028304985855)):
            self.assertAlmostEqual(got, want, places=12)
        (patch,) = self.artists()
        self.assertEqual((patch["open_rings"], patch["facecolor"]), ([0], "#00000000"))
        with self.assertRaises(ValueError):
            Arc((0, 0), 1, 1, fill=True)
