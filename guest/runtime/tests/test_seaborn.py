"""Native tests of the guest seaborn package: data given as lists, dicts and numpy arrays, drawn through
the guest matplotlib with a fake ``_hostcall``; expected values are computed here from the data.
Skipped without numpy (the guest has it; tests/charts/seaborn.rs runs seaborn there with DataFrames).

Run: cd guest/runtime && python3 -m unittest tests.test_seaborn -v
"""

import colorsys
import importlib.util
import math
import os
import sys
import types
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
if HAVE_NUMPY:  # bound at import, before other test modules reset sys.modules
    import matplotlib  # noqa: E402
    import matplotlib.pyplot as plt  # noqa: E402
    import numpy as np  # noqa: E402
    import seaborn as sns  # noqa: E402

DEEP = ["#4C72B0", "#DD8452", "#55A868", "#C44E52", "#8172B3", "#937860", "#DA8BC3", "#8C8C8C", "#CCB974",
        "#64B5CD"]


def rgb(hex_color):
    return tuple(int(hex_color[i:i + 2], 16) / 255 for i in (1, 3, 5))


def desaturated(color, prop):
    h, l, s = colorsys.rgb_to_hls(*color)
    return colorsys.hls_to_rgb(h, l, s * prop)


def spec_hex(color, alpha=1.0):
    return "#" + "".join(f"{round(v * 255):02x}" for v in (*color, alpha))


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class SeabornTestCase(unittest.TestCase):
    def setUp(self):
        fake = types.ModuleType("_hostcall")
        fake.call, fake.HostError = (lambda op, payload: b""), Exception
        sys.modules["_hostcall"] = fake
        self.addCleanup(sys.modules.pop, "_hostcall", None)
        plt.close("all")
        sns.reset_defaults()
        self.addCleanup(plt.close, "all")

    def artists(self, kind=None):
        (axes,) = plt.gcf()._spec()["axes"]
        return [a for a in axes["artists"] if kind is None or a["type"] == kind]

    def axes_spec(self):
        return plt.gcf()._spec()["axes"][0]


class PaletteTests(SeabornTestCase):
    def test_named_palettes_and_cycling(self):
        self.assertEqual(sns.color_palette("deep").as_hex(), [c.lower() for c in DEEP])
        self.assertEqual(sns.color_palette("muted", 3).as_hex(), ["#4878d0", "#ee854a", "#6acc64"])
        self.assertEqual(sns.color_palette("deep", 12)[10], rgb(DEEP[0]))

    def test_default_palette_is_the_matplotlib_cycle_until_a_theme_is_set(self):
        self.assertEqual(sns.color_palette()[0], rgb("#1f77b4"))
        sns.set_theme()
        self.assertEqual(sns.color_palette()[0], rgb(DEEP[0]))

    def test_hls_palette_is_evenly_spaced_hues(self):
        expected = [colorsys.hls_to_rgb((i / 4 + .01) % 1, .6, .65) for i in range(4)]
        for got, want in zip(sns.color_palette("hls", 4), expected):
            self.assertTrue(all(math.isclose(a, b) for a, b in zip(got, want)))

    def test_colormap_palettes_sample_inside_the_map(self):
        viridis = matplotlib.colormaps["viridis"]
        self.assertEqual(sns.color_palette("viridis", 3), [viridis(x)[:3] for x in (.25, .5, .75)])

    def test_unknown_palette(self):
        with self.assertRaisesRegex(ValueError, "not a valid palette name"):
            sns.color_palette("no-such-palette")


class ThemeTests(SeabornTestCase):
    def test_set_theme_sets_the_darkgrid_look(self):
        sns.set_theme()
        params = matplotlib.rcParams
        self.assertEqual((params["axes.facecolor"], params["grid.color"], params["axes.grid"]),
                         ("#EAEAF2", "white", True))
        self.assertEqual((params["font.size"], params["xtick.labelsize"]), (12, 11))

    def test_styles_and_contexts(self):
        sns.set_style("whitegrid")
        self.assertEqual(matplotlib.rcParams["grid.color"], ".8")
        sns.set_context("talk", font_scale=2)
        self.assertEqual(matplotlib.rcParams["font.size"], 12 * 1.5 * 2)
        with sns.axes_style("white"):
            self.assertFalse(matplotlib.rcParams["axes.grid"])
        self.assertTrue(matplotlib.rcParams["axes.grid"])


class BarplotTests(SeabornTestCase):
    DATA = {"day": ["Thu", "Fri", "Thu", "Sat", "Fri", "Thu", "Sat", "Sat"],
            "tip": [1.0, 2.5, 3.0, 4.0, 1.5, 2.0, 5.0, 3.0],
            "sex": ["M", "F", "F", "M", "M", "M", "F", "M"]}

    def means(self, keep=lambda i: True):
        groups = {}
        for i, (day, tip) in enumerate(zip(self.DATA["day"], self.DATA["tip"])):
            if keep(i):
                groups.setdefault(day, []).append(tip)
        return {day: sum(v) / len(v) for day, v in groups.items()}

    def test_bars_are_the_means_per_category_in_order_of_appearance(self):
        sns.barplot(data=self.DATA, x="day", y="tip", errorbar=None)
        (bars,) = self.artists("bar")
        means = self.means()
        self.assertEqual(bars["x"], [0.0, 1.0, 2.0])
        self.assertEqual(bars["heights"], [means["Thu"], means["Fri"], means["Sat"]])
        self.assertEqual(bars["widths"], [0.8] * 3)
        self.assertEqual(set(bars["colors"]), {spec_hex(desaturated(rgb("#1f77b4"), .75))})
        axes = self.axes_spec()
        # the days are the x axis' categories (ticked by the host), as matplotlib's units make them
        self.assertEqual((axes["x_categories"], axes["xticks"]), (["Thu", "Fri", "Sat"], None))
        self.assertEqual((axes["xlabel"]["text"], axes["ylabel"]["text"]), ("day", "tip"))
        self.assertEqual(axes["xlim"], [-0.5, 2.5])

    def test_bootstrap_interval_with_a_seed(self):
        sns.barplot(data=self.DATA, x="day", y="tip", order=["Sat"], seed=42, n_boot=500)
        (line,) = self.artists("line")
        sat = np.array([tip for day, tip in zip(self.DATA["day"], self.DATA["tip"]) if day == "Sat"])
        rng = np.random.default_rng(42)
        boots = [sat[rng.integers(0, len(sat), len(sat))].mean() for _ in range(500)]
        self.assertEqual(line["x"], [0.0, 0.0])
        np.testing.assert_allclose(line["y"], np.percentile(boots, [2.5, 97.5]))

    def test_hue_splits_the_width(self):
        sns.set_theme()
        sns.barplot(data=self.DATA, x="day", y="tip", hue="sex", errorbar="sd")
        bars = self.artists("bar")
        self.assertEqual([b["label"] for b in bars], ["M", "F"])
        male = self.means(lambda i: self.DATA["sex"][i] == "M")
        self.assertEqual(bars[0]["x"], [-0.2, 0.8, 1.8])
        self.assertEqual(bars[0]["heights"], [male["Thu"], male["Fri"], male["Sat"]])
        self.assertEqual(bars[0]["widths"], [0.4] * 3)
        self.assertEqual(bars[1]["colors"][0], spec_hex(desaturated(rgb(DEEP[1]), .75)))
        self.assertEqual(self.axes_spec()["legend"]["title"], "sex")

    def test_horizontal_bars_when_the_categories_are_on_y(self):
        sns.barplot(data=self.DATA, x="tip", y="day", errorbar=None)
        (bars,) = self.artists("bar")
        self.assertEqual(bars["orientation"], "horizontal")
        self.assertEqual(self.axes_spec()["ylim"], [2.5, -0.5])

    def test_pointplot_joins_the_means(self):
        sns.pointplot(data=self.DATA, x="day", y="tip", errorbar=None)
        (line,) = [a for a in self.artists("line") if a["x"]]
        means = self.means()
        self.assertEqual((line["x"], line["y"]), ([0.0, 1.0, 2.0], [means["Thu"], means["Fri"], means["Sat"]]))
        self.assertEqual(line["marker"], "o")

    def test_stripplot_without_jitter_puts_points_on_their_category(self):
        sns.stripplot(data=self.DATA, x="day", y="tip", jitter=False)
        groups = self.artists("scatter")
        self.assertEqual([g["x"][0] for g in groups], [0.0, 1.0, 2.0])
        self.assertEqual(groups[2]["y"], [tip for day, tip in zip(self.DATA["day"], self.DATA["tip"]) if day == "Sat"])

    def test_countplot_counts(self):
        sns.countplot(x=self.DATA["day"])
        (bars,) = self.artists("bar")
        self.assertEqual(bars["heights"], [3.0, 2.0, 3.0])
        self.assertEqual(self.axes_spec()["ylabel"]["text"], "count")


class HeatmapTests(SeabornTestCase):
    def test_cell_lines_and_a_colorbar_without_a_frame(self):
        # seaborn passes linewidths= and the user's linewidth=: the singular one wins, as in matplotlib
        sns.heatmap(np.arange(6.0).reshape(2, 3), annot=True, linewidth=.5)
        axes, bar = plt.gcf()._spec()["axes"]
        (mesh,) = [a for a in axes["artists"] if a["type"] == "image"]
        self.assertEqual((mesh["edgecolor"], mesh["linewidth"]), ("#ffffffff", 0.5))
        # seaborn sets the colorbar's outline width to 0
        self.assertEqual({side["linewidth"] for side in bar["spines"].values()}, {0})


class DistributionTests(SeabornTestCase):
    def test_histplot_bins_as_numpy_auto(self):
        values = np.random.default_rng(0).normal(size=300)
        sns.histplot(values)
        (bars,) = self.artists("bar")
        edges = np.histogram_bin_edges(values, "auto")
        counts, _ = np.histogram(values, edges)
        np.testing.assert_allclose(bars["heights"], counts)
        np.testing.assert_allclose(bars["widths"], np.diff(edges))
        self.assertEqual(self.axes_spec()["ylabel"]["text"], "Count")

    def test_histplot_density_stacks_and_kde(self):
        data = {"v": [1.0, 2.0, 2.5, 3.0, 4.0, 4.5, 6.0, 7.0], "g": ["a", "a", "a", "b", "b", "a", "b", "b"]}
        sns.histplot(data=data, x="v", hue="g", bins=3, stat="count", multiple="stack")
        bars = self.artists("bar")  # drawn last level first: "b" at the bottom
        self.assertEqual(bars[0]["colors"][0], spec_hex(rgb("#ff7f0e"), .75))
        legend = self.axes_spec()["legend"]
        self.assertEqual(([e["label"] for e in legend["entries"]], legend["title"]), (["a", "b"], "g"))
        b_counts = np.histogram([3.0, 4.0, 6.0, 7.0], 3, (1.0, 7.0))[0]
        a_counts = np.histogram([1.0, 2.0, 2.5, 4.5], 3, (1.0, 7.0))[0]
        np.testing.assert_allclose(bars[0]["heights"], b_counts)
        np.testing.assert_allclose(bars[1]["bottoms"], b_counts)
        np.testing.assert_allclose(bars[1]["heights"], a_counts)

    def test_kdeplot_is_a_gaussian_kde_with_scotts_bandwidth(self):
        values = np.array([0.0, 1.0, 1.5, 3.0, 4.0])
        sns.kdeplot(values)
        (line,) = self.artists("line")
        bw = values.std(ddof=1) * len(values) ** (-1 / 5)
        x = np.array(line["x"])
        self.assertEqual(len(x), 200)
        self.assertAlmostEqual(x[0], values.min() - 3 * bw)
        expected = np.exp(-((x[:, None] - values) / bw) ** 2 / 2).sum(axis=1) / (len(values) * bw * math.sqrt(2 * math.pi))
        np.testing.assert_allclose(line["y"], expected, rtol=1e-9)


class RelationalTests(SeabornTestCase):
    def test_lineplot_aggregates_repeated_x(self):
        x = [1, 1, 2, 2, 3, 3]
        y = [1.0, 3.0, 2.0, 6.0, 5.0, 5.0]
        sns.lineplot(x=x, y=y, seed=0)
        (line,) = self.artists("line")
        self.assertEqual((line["x"], line["y"]), ([1.0, 2.0, 3.0], [2.0, 4.0, 5.0]))
        (band,) = self.artists("fill")
        self.assertEqual(band["x"], [1.0, 2.0, 3.0])
        self.assertTrue(all(lo <= m <= hi for lo, m, hi in zip(band["y1"], line["y"], band["y2"])))

    def test_scatterplot_colours_points_by_hue(self):
        sns.set_theme()
        sns.scatterplot(x=[1, 2, 3, 4], y=[4, 3, 2, 1], hue=["a", "b", "a", "c"])
        points = [a for a in self.artists("scatter") if a["x"]]
        self.assertEqual(len(points), 1)
        deep = [spec_hex(rgb(c)) for c in DEEP]
        self.assertEqual(points[0]["colors"], [deep[0], deep[1], deep[0], deep[2]])
        legend = self.axes_spec()["legend"]
        self.assertEqual([e["label"] for e in legend["entries"]], ["a", "b", "c"])


class RegressionTests(SeabornTestCase):
    def test_regplot_line_is_the_least_squares_fit(self):
        x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
        y = np.array([1.0, 2.9, 5.2, 7.1, 8.8])
        sns.regplot(x=x, y=y, ci=None)
        line = [a for a in self.artists("line") if a["x"]][0]
        slope, intercept = np.polyfit(x, y, 1)
        np.testing.assert_allclose(line["y"], slope * np.array(line["x"]) + intercept)


class DashTests(SeabornTestCase):
    """Dash patterns seaborn 0.13.2 gives (read from real seaborn's Line2D._unscaled_dash_pattern)."""

    def test_lineplot_style_levels_get_seaborns_dashes(self):
        sns.lineplot(x=[1, 2, 1, 2, 1, 2], y=[1.0, 2, 3, 4, 5, 6], style=["a", "a", "b", "b", "c", "c"])
        styles = [a["linestyle"] for a in self.artists("line") if a["label"] is None]
        self.assertEqual(styles, ["-", {"dashes": {"offset": 0.0, "pattern": [4.0, 1.5]}},
                                  {"dashes": {"offset": 0.0, "pattern": [1.0, 1.0]}}])

    def test_violin_quartiles_are_dashed(self):
        sns.violinplot(x=["a"] * 5, y=[1.0, 2, 2, 3, 5], inner="quart")
        lines = self.artists("line")
        self.assertEqual([a["y"][0] for a in lines], [2.0, 2.0, 3.0])
        self.assertEqual([a["linestyle"]["dashes"]["pattern"] for a in lines], [[1.25, .75], [2.5, 1.0], [1.25, .75]])


class UnsupportedTests(SeabornTestCase):
    def test_unsupported_functions_name_themselves(self):
        with self.assertRaisesRegex(NotImplementedError, r"violinplot\(split=True, inner='box'\)"):
            sns.violinplot(x=[1, 2, 3, 4], y=["a", "a", "b", "b"], hue=["u", "w", "u", "w"], split=True)

    def test_style_markers_are_seaborns(self):
        sns.scatterplot(x=[1, 2, 3], y=[1, 2, 3], style=["a", "b", "c"])
        points = [a for a in self.artists() if a["type"] == "scatter"][0]
        self.assertEqual(points["marker"], "o")
        self.assertEqual(points["markers"], ["o", "X", {"polygon": {"sides": 4, "star": False, "angle": 45.0}}])
        with self.assertRaisesRegex(ValueError, "Filled and line art markers cannot be mixed"):
            sns.scatterplot(x=[1, 2], y=[1, 2], style=["a", "b"], markers=["o", "x"])


if __name__ == "__main__":
    unittest.main()
