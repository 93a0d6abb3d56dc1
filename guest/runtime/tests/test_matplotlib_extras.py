"""Native tests of hatches, stairs(), text options, non-rectilinear meshes and BoundaryNorm
colorbars, with real matplotlib 3.10.8's values pasted where they are read back.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import importlib.util
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None


class HatchTests(ChartTestCase):
    def test_bars_and_fills_send_their_hatches_in_the_edge_colour(self):
        ax = plt.gca()
        ax.bar([1, 2], [1, 2], hatch=["/", None], edgecolor="red")
        ax.fill_between([0, 1], [0, 1], hatch="x")
        (figure,) = self.shown()
        bars, fill = figure["axes"][0]["artists"]
        # matplotlib: hatches ['/', None], _hatch_color red; the fill's rcParams hatch.color black
        self.assertEqual(bars["hatches"], [{"pattern": "/", "color": "#ff0000ff", "linewidth": 1.0}, None])
        self.assertEqual(fill["hatch"], {"pattern": "x", "color": "#000000ff", "linewidth": 1.0})

    def test_text_multialignment_and_background(self):
        plt.text(0, 0, "a\nbb", ha="right", multialignment="left", backgroundcolor="yellow")
        plt.gcf().text(0.5, 0.5, "f", bbox={"facecolor": "red"})
        (figure,) = self.shown()
        (text,) = figure["axes"][0]["artists"]
        self.assertEqual(text["text"]["multialignment"], "left")
        self.assertEqual((text["bbox"]["facecolor"], text["bbox"]["edgecolor"]), ("#ffff00ff", "#ffff00ff"))
        self.assertEqual(figure["texts"][0]["bbox"]["facecolor"], "#ff0000ff")

    def test_font_properties_and_variant(self):
        from matplotlib.font_manager import FontProperties

        text = plt.text(0, 0, "v", fontproperties=FontProperties(family="serif", weight="bold", size="large"),
                        variant="small-caps")
        self.assertEqual(text.get_fontsize(), 12.0)
        (figure,) = self.shown()
        spec = figure["axes"][0]["artists"][0]["text"]
        self.assertEqual((spec["family"], spec["weight"]), ("serif", "bold"))

    def test_axis_equal_sends_the_data_limits(self):
        ax = plt.gca()
        ax.plot([0, 1], [0, 2])
        ax.axis("equal")
        self.assertEqual(ax.get_adjustable(), "datalim")  # matplotlib: datalim
        (figure,) = self.shown()
        self.assertEqual(figure["axes"][0]["datalim"], [0.0, 1.0, 0.0, 2.0])


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class StairsTests(ChartTestCase):
    def test_stairs_path_colour_and_limits_as_matplotlib(self):
        import numpy as np

        ax = plt.gca()
        patch = ax.stairs([1, 2, np.nan, 3], [0, 1, 2, 3, 4], baseline=0.5)
        # matplotlib 3.10.8: StepPatch path, C0 edge, unfilled; ylim (0.5, 3.125), xlim (-0.2, 4.2)
        self.assertEqual(patch.get_path().vertices.tolist(),
                         [[0.0, 0.5], [0.0, 1.0], [1.0, 1.0], [1.0, 2.0], [2.0, 2.0], [2.0, 0.5], [3.0, 0.5],
                          [3.0, 3.0], [4.0, 3.0], [4.0, 0.5]])
        self.assertEqual(patch.get_path().codes.tolist(), [1, 2, 2, 2, 2, 2, 1, 2, 2, 2])
        self.assertFalse(patch.get_fill())
        self.assertEqual(ax.get_ylim(), (0.5, 3.125))
        self.assertEqual(ax.get_xlim(), (-0.2, 4.2))
        ax.legend([patch], ["s"])
        (figure,) = self.shown()
        entry = figure["axes"][0]["legend"]["entries"][0]
        self.assertEqual((entry["artist"], entry["handle"]["type"]), (None, "line"))  # HandlerStepPatch


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class MeshTests(ChartTestCase):
    def test_a_tilted_mesh_sends_its_corners_and_a_boundary_colorbar_its_blocks(self):
        import numpy as np
        from matplotlib.colors import BoundaryNorm

        X, Y = np.meshgrid([0.0, 1.0, 2.0], [0.0, 1.0])
        mesh = plt.pcolormesh(X + 0.5 * Y, Y, [[1.0, 2.0]], norm=BoundaryNorm([0, 1, 2, 3], 256))
        plt.colorbar(mesh)
        (figure,) = self.shown()
        image, = figure["axes"][0]["artists"]
        self.assertEqual((image["rows"], image["cols"], image["x_edges"]), (1, 2, [0.0, 1.25, 2.5]))
        self.assertIn("quads", image)
        bar = figure["axes"][1]
        self.assertEqual(bar["artists"][0]["y_edges"], [0.0, 1.0, 2.0, 3.0])
        self.assertEqual(bar["yticks"]["positions"], [0.0, 1.0, 2.0, 3.0])


class DateEpochTests(ChartTestCase):
    def setUp(self):
        super().setUp()
        import matplotlib.dates as mdates

        self.mdates = mdates
        mdates._reset_epoch_test_example()
        self.addCleanup(mdates._reset_epoch_test_example)

    @unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
    def test_date2num_and_num2date_as_matplotlib(self):
        import datetime

        mdates = self.mdates
        mdates.set_epoch("0000-12-31T00:00:00")
        date = datetime.datetime(2000, 1, 1, 0, 10, 0, 12, tzinfo=datetime.timezone.utc)
        # matplotlib 3.10.8: 730120.0069444446, and back rounded to 20 microseconds that far out
        self.assertEqual(mdates.date2num(date), 730120.0069444446)
        self.assertEqual(str(mdates.num2date(mdates.date2num(date))), "2000-01-01 00:10:00.000020+00:00")
        with self.assertRaises(RuntimeError):
            mdates.set_epoch("1970-01-01T00:00:00")
        with self.assertRaises(NotImplementedError):  # the host's date axes count from 1970
            plt.plot([date], [1])
        mdates._reset_epoch_test_example()
        self.assertEqual(mdates.date2num(date.replace(year=2020)), 18262.006944444583)
        self.assertEqual(mdates.get_epoch(), "1970-01-01T00:00:00")


class DateUnitsTests(ChartTestCase):
    @unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
    def test_rrule_and_microsecond_locators_as_matplotlib(self):
        import datetime

        import matplotlib.dates as mdates

        start, stop = (mdates.date2num(datetime.datetime(y, 1, 1)) for y in (2020, 2022))
        easter = mdates.RRuleLocator(mdates.rrulewrapper(mdates.YEARLY, byeaster=0))
        # matplotlib 3.10.8 with dateutil 2.9.0: Easter 2020 and 2021
        self.assertEqual(easter.tick_values(start, stop), [18364.0, 18721.0])
        start = mdates.date2num(datetime.datetime(2000, 2, 1))
        stop = mdates.date2num(datetime.datetime(2000, 2, 1, 0, 0, 0, 3000))
        ticks = mdates.MicrosecondLocator(interval=1000).tick_values(start, stop)
        self.assertEqual([round((t - start) * 86400e6) for t in ticks], [-1000, 0, 1000, 2000, 3000, 4000])

    @unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
    def test_registered_converters_give_date_axes_their_ticks_and_others_are_refused(self):
        import datetime

        import matplotlib.dates as mdates
        import matplotlib.units as munits

        saved = dict(munits.registry)
        self.addCleanup(lambda: (munits.registry.clear(), munits.registry.update(saved)))
        munits.registry[datetime.datetime] = mdates.ConciseDateConverter()
        fig, ax = plt.subplots()
        ax.plot([datetime.datetime(2020, 1, d) for d in (1, 2, 3)], [1, 2, 3])
        self.assertIsInstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)

        class Money:
            pass

        munits.registry[Money] = munits.ConversionInterface()
        with self.assertRaises(NotImplementedError):
            ax.plot([Money(), Money()], [1, 2])


class PathEffectTests(ChartTestCase):
    def test_line_effects_are_sent_in_order(self):
        import math

        from matplotlib import patheffects

        plt.plot([0, 1], [0, 1], path_effects=[patheffects.withTickedStroke(spacing=7, angle=135)])
        line = plt.plot([0, 1], [1, 0])[0]
        line.set_path_effects([patheffects.Stroke(linewidth=4, foreground="w"), patheffects.Normal()])
        first, second = self.artists()
        # matplotlib's withTickedStroke defaults: length sqrt(2); it draws the ticks, then the line
        self.assertEqual(first["path_effects"], [{"kind": "ticked", "spacing": 7.0, "angle": 135.0,
                                                  "length": math.sqrt(2)}, {"kind": "normal"}])
        self.assertEqual(second["path_effects"], [{"kind": "stroke", "linewidth": 4.0, "color": "#ffffffff"},
                                                  {"kind": "normal"}])

    def test_markers_offsets_and_other_effects_are_refused(self):
        from matplotlib import patheffects

        with self.assertRaises(NotImplementedError):
            patheffects.withStroke(offset=(1, -1))
        with self.assertRaises(NotImplementedError):
            patheffects.SimplePatchShadow()
        plt.plot([0, 1], "o-", path_effects=[patheffects.withTickedStroke()])
        with self.assertRaises(NotImplementedError):
            plt.show()


class PieExtrasTests(ChartTestCase):
    def test_hatches_shadow_and_text_distances(self):
        plt.pie([15, 30, 45, 10], hatch=["**O", "oO"], shadow={"ox": -0.04, "edgecolor": "none", "shade": 0.9},
                pctdistance=1.25, labeldistance=0.6, autopct="%1.1f%%", labels=list("abcd"))
        (pie,) = self.artists()
        # matplotlib: hatches cycled over the wedges in rcParams hatch.color (no wedge edge colour)
        self.assertEqual([h["pattern"] for h in pie["hatches"]], ["**O", "oO", "**O", "oO"])
        self.assertEqual(pie["hatches"][0]["color"], "#000000ff")
        # matplotlib: to_hex(0.1 * to_rgb("#1f77b4") + (0.5,)) (Shadow: (1 - shade) * rgb, alpha 0.5), no edge
        shadow = pie["shadow"]
        self.assertEqual((shadow["ox"], shadow["oy"]), (-0.04, -0.02))
        self.assertEqual(shadow["colors"][0], "#030c1280")
        self.assertNotIn("edgecolors", shadow)
        self.assertEqual((pie["labeldistance"], pie["pctdistance"]), (0.6, 1.25))

    def test_default_shadow_is_outlined_in_its_colour(self):
        plt.pie([1, 2], shadow=True)
        (pie,) = self.artists()
        self.assertEqual(pie["shadow"]["edgecolors"], pie["shadow"]["colors"])
        self.assertEqual(pie["shadow"]["linewidth"], 1.0)
        self.assertNotIn("hatches", pie)


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class ContourHatchTests(ChartTestCase):
    def test_hatched_bands_colorbar_and_legend_elements(self):
        import numpy as np

        z = np.arange(20.0).reshape(4, 5)
        cs = plt.contourf(z, hatches=["-", "/", None], colors="none")
        plt.colorbar(cs)
        artists, labels = cs.legend_elements(str_format="{:2.1f}".format)
        # matplotlib 3.10.8: the lowest band's lower bound is zmin - 1
        self.assertEqual(labels[:2], ["$-1.0 < x \\leq 2.5$", "$2.5 < x \\leq 5.0$"])
        self.assertEqual([a.get_hatch() for a in artists[:4]], ["-", "/", None, "-"])
        self.assertEqual(plt.contour(z).legend_elements()[1][:2], ["$x = 0.0$", "$x = 2.5$"])
        (figure,) = self.shown()
        bands = [a for a in figure["axes"][0]["artists"] if a.get("role") == "contourf"]
        self.assertEqual([b.get("hatch", {}).get("pattern") for b in bands[:4]], ["-", "/", None, "-"])
        self.assertEqual(bands[0]["hatch"]["color"], "#000000ff")  # rcParams hatch.color
        # the colorbar: a hatched patch per band (matplotlib's _add_solids_patches), not an image
        bar = figure["axes"][1]["artists"]
        self.assertEqual([a["type"] for a in bar[:2]], ["patch", "patch"])
        self.assertEqual(bar[1]["hatch"]["pattern"], "/")


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class ScatterLegendElementsTests(ChartTestCase):
    def test_labels_sizes_and_kept_legends_as_matplotlib(self):
        ax = plt.gca()
        points = ax.scatter([1, 2, 3, 4], [1, 2, 3, 4], c=[1, 2, 3, 4], s=[25, 100, 100, 400])
        handles, labels = points.legend_elements()
        # matplotlib 3.10.8's labels (ScalarFormatter, mathtext) and marker sizes
        self.assertEqual(labels, ["$\\mathdefault{1}$", "$\\mathdefault{2}$", "$\\mathdefault{3}$",
                                  "$\\mathdefault{4}$"])
        self.assertEqual([h.get_markersize() for h in handles], [6.0] * 4)
        first = ax.legend(handles, labels, loc="lower left")
        ax.add_artist(first)
        handles, labels = points.legend_elements(prop="sizes", alpha=0.6)
        self.assertEqual([h.get_markersize() for h in handles], [5.0, 10.0, 20.0])
        ax.legend(handles, labels, loc="upper right")
        self.assertEqual(ax.scatter([1, 2, 3], [1, 2, 3], c=[-1, 0, 2.5]).legend_elements()[1],
                         ["$\\mathdefault{\u22121.0}$", "$\\mathdefault{0.0}$", "$\\mathdefault{2.5}$"])
        self.assertEqual(ax.scatter([1, 2, 3], [1, 2, 3], c=[1e6, 2e6, 3.5e6]).legend_elements()[1],
                         ["$\\mathdefault{1.0}$", "$\\mathdefault{2.0}$", "$\\mathdefault{3.5}$"])
        spec = self.axes_spec()
        self.assertEqual(len(spec["extra_legends"]), 1)
        self.assertEqual(spec["extra_legends"][0]["loc"], "lower left")
        self.assertEqual(spec["legend"]["loc"], "upper right")


class PowerLimitsTests(unittest.TestCase):
    def test_only_the_default_power_limits_are_taken(self):
        from matplotlib.ticker import ScalarFormatter

        formatter = ScalarFormatter()
        formatter.set_powerlimits((-5, 6))
        with self.assertRaisesRegex(NotImplementedError, r"set_powerlimits\(\(-3, 4\)\)"):
            formatter.set_powerlimits((-3, 4))


if __name__ == "__main__":
    unittest.main()
