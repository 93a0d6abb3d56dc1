"""Native tests of rcParams (which keys are honoured, refused or accepted), the colour cycle
(cycler, axes.prop_cycle, set_prop_cycle) and style sheets. Expected values are real
matplotlib 3.10.8's on the same calls.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import colors, cycler  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class RcParamsTests(ChartTestCase):
    def test_every_real_key_reads_its_default_and_unknown_keys_raise(self):
        rc = matplotlib.rcParams
        self.assertEqual((rc["axes.autolimit_mode"], rc["legend.frameon"], rc["lines.dash_capstyle"]),
                         ("data", True, "butt"))
        with self.assertRaisesRegex(KeyError, "foo.bar is not a valid rc parameter"):
            rc["foo.bar"] = 1

    def test_keys_not_honoured_raise_unless_set_to_their_default(self):
        rc = matplotlib.rcParams
        rc["axes.formatter.use_mathtext"] = False
        with self.assertRaisesRegex(NotImplementedError, r"rcParams\['axes.formatter.use_mathtext'\] = True"):
            rc["axes.formatter.use_mathtext"] = True
        with self.assertRaisesRegex(NotImplementedError, "axes.grid.which"):  # update checks every key first
            rc.update({"axes.titleweight": "bold", "axes.grid.which": "both"})
        self.assertEqual(rc["axes.titleweight"], "normal")
        with self.assertRaisesRegex(NotImplementedError, "axes.formatter.useoffset"):
            matplotlib.rc("axes.formatter", useoffset=False)

    def test_keys_that_change_nothing_drawn_are_accepted(self):
        with matplotlib.rc_context({"figure.max_open_warning": 3, "keymap.save": [], "svg.fonttype": "none",
                                    "lines.solid_capstyle": "round", "text.usetex": True}):
            self.assertEqual(matplotlib.rcParams["figure.max_open_warning"], 3)
        self.assertEqual(matplotlib.rcParams["figure.max_open_warning"], 20)

    def test_text_colours(self):
        matplotlib.rcParams.update({"text.color": ".15", "axes.labelcolor": "red"})
        plt.plot([1, 2], label="a")
        plt.title("t")
        plt.xlabel("x")
        plt.text(0, 0, "a")
        plt.legend()
        axes = self.axes_spec()
        grey = colors.to_hex(".15", keep_alpha=True)
        self.assertEqual((axes["title"]["color"], axes["xlabel"]["color"], axes["artists"][1]["text"]["color"]),
                         (grey, "#ff0000ff", grey))
        self.assertEqual((axes["legend"]["textcolor"], axes["legend"]["facecolor"]), (grey, "#ffffffcc"))

    def test_forced_edges_take_patch_edgecolor(self):
        matplotlib.rcParams.update({"patch.force_edgecolor": True, "patch.edgecolor": "w"})
        plt.bar([1], [2])
        plt.fill_between([0, 1], [0, 1])
        bars, fill = self.artists()
        self.assertEqual((bars["edgecolor"], fill["edgecolor"]), ("#ffffffff", "#ffffffff"))

    def test_image_cmap(self):
        matplotlib.rcParams["image.cmap"] = "gray"
        image = plt.imshow([[0, 1]])
        self.assertEqual(image.get_cmap().name, "gray")


class TitlePlacementTests(ChartTestCase):
    def test_title_y_and_pad_from_set_title_and_rcparams(self):
        fig, (ax1, ax2, ax3) = plt.subplots(1, 3)
        ax1.set_title("auto")
        ax2.set_title("placed", y=1.1, pad=-14)
        matplotlib.rcParams.update({"axes.titley": 1.0, "axes.titlepad": 3})
        ax3.set_title("rc")
        (figure,) = self.shown()
        self.assertEqual([(a["title_y"], a["title_pad"]) for a in figure["axes"]],
                         [(None, 6.0), (1.1, -14.0), (1.0, 3.0)])


class CycleTests(ChartTestCase):
    def test_cycler_matches_the_cycler_package(self):
        c = cycler(color="rg") * 2
        self.assertEqual((repr(c), len(c), repr(c[1:3])),
                         ("cycler('color', ['r', 'g', 'r', 'g'])", 4, "cycler('color', ['g', 'r'])"))
        both = cycler(c="rg", lw=[1, 2])
        self.assertEqual(repr(both), "(cycler('color', ['r', 'g']) + cycler('linewidth', [1.0, 2.0]))")
        self.assertEqual(list(both), [{"color": "r", "linewidth": 1.0}, {"color": "g", "linewidth": 2.0}])
        self.assertEqual(both.by_key(), {"color": ["r", "g"], "linewidth": [1.0, 2.0]})
        with self.assertRaisesRegex(TypeError, "Unknown artist property: foo"):
            cycler(foo=[1])

    def test_prop_cycle_colours_new_axes_and_cn_references(self):
        matplotlib.rcParams["axes.prop_cycle"] = cycler(color=["r", "g"])
        fig, ax = plt.subplots()
        matplotlib.rcParams["axes.prop_cycle"] = cycler(color=["b", "k"])  # the axes keeps its own
        ax.plot([1, 2])
        ax.plot([1, 2])
        ax.bar([1], [2])
        self.assertEqual(colors.to_rgba("C1"), (0.0, 0.0, 0.0, 1.0))
        line1, line2, bars = self.artists()
        self.assertEqual((line1["color"], line2["color"], bars["colors"]),
                         ("#ff0000ff", "#008000ff", ["#ff0000ff"]))

    def test_set_prop_cycle_and_non_colour_cycles(self):
        ax = plt.gca()
        ax.set_prop_cycle(color=["k", "m"])
        (line,) = ax.plot([1])
        self.assertEqual(colors.to_hex(line.get_color()), "#000000")
        with self.assertRaisesRegex(NotImplementedError, "axes.prop_cycle"):
            matplotlib.rcParams["axes.prop_cycle"] = cycler(linestyle=["-", "--"])
        with self.assertRaisesRegex(ValueError, "Cycler instance"):
            matplotlib.rcParams["axes.prop_cycle"] = ["r"]


class StyleTests(ChartTestCase):
    def test_ggplot(self):
        plt.style.use("ggplot")
        fig, ax = plt.subplots()
        ax.plot([1, 2])
        ax.bar([1], [2])
        ax.set_title("t")
        ax.set_xlabel("x")
        axes = self.axes_spec()
        line, bars = axes["artists"]
        self.assertEqual((line["color"], bars["colors"], axes["facecolor"]),
                         ("#e24a33ff", ["#e24a33ff"], "#e5e5e5ff"))
        self.assertEqual((axes["title"]["color"], axes["xlabel"]["color"]), ("#000000ff", "#555555ff"))
        self.assertEqual(axes["grid"]["color"], "#ffffffff")

    def test_every_style_but_classic_applies(self):
        from matplotlib._stylelib import LIBRARY

        for name in sorted(set(LIBRARY) - {"classic", "_classic_test_patch"}):
            with self.subTest(name), plt.style.context(name):
                plt.plot([1, 2])

    def test_a_style_with_a_key_not_honoured_changes_nothing(self):
        with self.assertRaisesRegex(NotImplementedError, "_internal.classic_mode"):
            plt.style.use("classic")
        self.assertEqual(matplotlib.rcParams["axes.facecolor"], "white")
        with self.assertRaisesRegex(OSError, "'nope' is not a valid package style"):
            plt.style.use("nope")

    def test_context_restores(self):
        with plt.style.context("dark_background"):
            self.assertEqual(matplotlib.rcParams["text.color"], "white")
        self.assertEqual(matplotlib.rcParams["text.color"], "black")
        self.assertIn("ggplot", plt.style.available)


if __name__ == "__main__":
    unittest.main()
