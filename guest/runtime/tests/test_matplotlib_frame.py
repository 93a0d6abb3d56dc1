"""Native tests of spines, tick styles and the grid's place (axisbelow), with real matplotlib
3.10.8's values pasted where they are read back.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402

try:
    import numpy  # noqa: F401
    HAVE_NUMPY = True
except ImportError:
    HAVE_NUMPY = False


class SpineTests(ChartTestCase):
    def test_defaults_follow_rcparams(self):
        matplotlib.rcParams.update({"axes.edgecolor": "0.8", "axes.linewidth": 1.25, "axes.spines.top": False,
                                    "axes.axisbelow": True})
        fig, ax = plt.subplots()
        # Real matplotlib: False (0.8, 0.8, 0.8, 1.0) 1.25 True
        self.assertEqual((ax.spines.top.get_visible(), ax.spines.left.get_edgecolor(),
                          ax.spines.left.get_linewidth(), ax.get_axisbelow()),
                         (False, (0.8, 0.8, 0.8, 1.0), 1.25, True))
        spec = self.axes_spec()
        self.assertEqual(spec["spines"]["left"], {"visible": True, "color": "#ccccccff", "linewidth": 1.25,
                                                  "linestyle": "-", "position": {"outward": 0.0}, "bounds": None})
        self.assertFalse(spec["spines"]["top"]["visible"])
        self.assertEqual(spec["grid_zorder"], 0.5)

    def test_positions_bounds_and_styles(self):
        fig, ax = plt.subplots()
        ax.spines[["top", "right"]].set_visible(False)
        ax.spines.left.set_position("center")
        ax.spines.bottom.set_position(("data", 2))
        ax.spines.right.set_position("zero")
        ax.spines.top.set_position(("outward", 10))
        ax.spines.left.set_bounds(1, None)
        ax.spines.bottom.set(color="red", linewidth=3, linestyle="--")
        # Real matplotlib: 'center' and (1, None)
        self.assertEqual((ax.spines.left.get_position(), ax.spines.left.get_bounds()), ("center", (1, None)))
        spines = self.axes_spec()["spines"]
        self.assertEqual([spines[side]["position"] for side in ("left", "bottom", "right", "top")],
                         [{"axes": 0.5}, {"data": 2.0}, {"data": 0.0}, {"outward": 10.0}])
        self.assertEqual(spines["left"]["bounds"], [1.0, None])
        self.assertEqual((spines["bottom"]["color"], spines["bottom"]["linewidth"], spines["bottom"]["linestyle"]),
                         ("#ff0000ff", 3.0, "--"))
        with self.assertRaisesRegex(ValueError, "position"):
            ax.spines.left.set_position(("inward", 3))
        with self.assertRaisesRegex(NotImplementedError, "set_capstyle"):
            ax.spines.left.set_capstyle("round")

    def test_frame_off_hides_spines_and_background(self):
        fig, ax = plt.subplots()
        ax.set_frame_on(False)
        spec = self.axes_spec()
        self.assertEqual(spec["facecolor"], "#00000000")
        self.assertFalse(any(spine["visible"] for spine in spec["spines"].values()))

    def test_set_axisbelow(self):
        fig, ax = plt.subplots()
        self.assertEqual(ax.get_axisbelow(), "line")
        ax.set(axisbelow=False)
        self.assertEqual(self.axes_spec()["grid_zorder"], 2.5)
        with self.assertRaises(ValueError):
            ax.set_axisbelow("above")


class TickStyleTests(ChartTestCase):
    def test_tick_params(self):
        fig, ax = plt.subplots()
        ax.tick_params(axis="y", colors="r", length=7, direction="in")
        ax.tick_params(axis="x", which="minor", width=2, bottom=False)
        ax.tick_params(grid_color="palegoldenrod")
        ax.grid(True)
        spec = self.axes_spec()
        # Real matplotlib's ax.yaxis.get_tick_params(): {'length': 7, 'direction': 'in', ..., 'color': 'r',
        # 'labelcolor': 'r'}
        self.assertEqual(spec["ytick_style"], {
            "major": {"visible": True, "far": False, "color": "#ff0000ff", "length": 7.0, "width": 0.8},
            "minor": {"visible": True, "far": False, "color": "#000000ff", "length": 2.0,
                      "width": 0.6},  # which="major"
            "direction": "in", "pad": 3.5, "labelcolor": "#ff0000ff", "label_far": False, "offset_far": False})
        self.assertEqual(spec["xtick_style"]["minor"], {"visible": False, "far": False, "color": "#000000ff",
                                                        "length": 2.0, "width": 2.0})
        self.assertTrue(spec["xtick_style"]["major"]["visible"])
        self.assertEqual(spec["grid"]["color"], "#eee8aaff")

    def test_unknown_keys_are_refused(self):
        fig, ax = plt.subplots()
        with self.assertRaisesRegex(NotImplementedError, "zorder"):
            ax.tick_params(zorder=3)
        with self.assertRaisesRegex(ValueError, "not recognized"):
            ax.tick_params(colour="r")

    def test_ticks_and_labels_on_either_side(self):
        # Each step's (major tick1line, tick2line, label1, label2 visible, get_ticks_position()) as real
        # matplotlib 3.10.8 gives them.
        def state(axis):
            style = axis.tick_style
            marks, labels = style._marks["major"], style.labels["major"]
            return (marks["visible"], marks["far"], labels[style._near], labels[style._far],
                    axis.get_ticks_position())

        fig, ax = plt.subplots()
        self.assertEqual((state(ax.xaxis), state(ax.yaxis)),
                         ((True, False, True, False, "bottom"), (True, False, True, False, "left")))
        ax.tick_params(direction="in", top=True, right=True)  # major only: minor ticks differ
        self.assertEqual(state(ax.xaxis), (True, True, True, False, "unknown"))
        ax.tick_params(labelbottom=False)
        ax.xaxis.tick_top()  # labels hidden on both sides stay hidden
        self.assertEqual(state(ax.xaxis), (False, True, False, False, "unknown"))
        ax.tick_params(labeltop=True)
        ax.xaxis.tick_bottom()
        self.assertEqual(state(ax.xaxis), (True, False, True, False, "bottom"))
        ax.yaxis.set_ticks_position("both")
        self.assertEqual(state(ax.yaxis), (True, True, True, False, "default"))
        ax.yaxis.tick_right()
        self.assertEqual(state(ax.yaxis), (False, True, False, True, "right"))
        ax.yaxis.set_ticks_position("none")
        self.assertEqual(state(ax.yaxis), (False, False, False, True, "unknown"))
        ax.xaxis.set_ticks_position("default")
        self.assertEqual(state(ax.xaxis), (True, True, True, False, "default"))
        self.assertEqual((ax.xaxis.get_label_position(), ax.yaxis.get_label_position()), ("bottom", "left"))
        with self.assertRaises(ValueError):
            ax.xaxis.set_ticks_position("left")
        with self.assertRaises(AttributeError):
            ax.xaxis.tick_right()

        fig, axs = plt.subplots(2, 2, sharex=True, sharey=True)
        axs[1, 1].xaxis.tick_top()
        self.assertEqual(state(axs[1, 1].xaxis), (False, True, False, True, "top"))
        axs[0, 0].xaxis.tick_top()
        self.assertEqual(state(axs[0, 0].xaxis), (False, True, False, False, "unknown"))
        axs[0, 1].yaxis.tick_right()
        axs[0, 1].label_outer()
        self.assertEqual(state(axs[0, 1].yaxis), (False, True, False, False, "unknown"))

    def test_rc_far_side_ticks(self):
        with plt.rc_context({"ytick.right": True, "ytick.labelright": True, "ytick.left": False,
                             "ytick.labelleft": False}):
            fig, ax = plt.subplots()
        spec = self.axes_spec()
        self.assertEqual((spec["ytick_style"]["major"]["visible"], spec["ytick_style"]["major"]["far"],
                          spec["hide_yticklabels"], spec["ytick_style"]["label_far"]), (False, True, True, True))
        self.assertEqual(ax.yaxis.get_ticks_position(), "right")

    @unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
    def test_matshow_puts_x_labels_on_top(self):
        import numpy as np

        plt.matshow(np.diag(range(15)))
        fig, ax = plt.gcf(), plt.gca()
        # Real matplotlib 3.10.8: size [4.8 4.8], x ticks 'unknown' (lines on both sides, labels on top:
        # True True False True), y 'left', xlim (-0.5, 14.5), ylim (14.5, -0.5)
        self.assertEqual(list(fig.get_size_inches()), [4.8, 4.8])
        self.assertEqual((ax.xaxis.get_ticks_position(), ax.yaxis.get_ticks_position()), ("unknown", "left"))
        style = self.axes_spec()["xtick_style"]
        self.assertEqual((style["major"]["visible"], style["major"]["far"], style["label_far"]), (True, True, True))
        self.assertEqual((tuple(ax.get_xlim()), tuple(ax.get_ylim())), ((-0.5, 14.5), (14.5, -0.5)))

    def test_twin_y_axis_sides_are_refused(self):
        fig, ax = plt.subplots()
        with self.assertRaisesRegex(NotImplementedError, "tick_left"):
            ax.twinx().yaxis.tick_left()

    def test_label_outer_removes_inner_ticks(self):
        fig, axs = plt.subplots(2, 2)
        axs[0, 1].label_outer(remove_inner_ticks=True)
        (figure,) = self.shown()
        spec = figure["axes"][1]
        self.assertFalse(spec["xtick_style"]["major"]["visible"] or spec["ytick_style"]["major"]["visible"])
        self.assertTrue(figure["axes"][0]["xtick_style"]["major"]["visible"])


class AxisVisibilityTests(ChartTestCase):
    def test_hidden_axis_draws_no_ticks_labels_or_grid(self):
        fig, ax = plt.subplots()
        ax.grid(True)
        ax.set_xlabel("x")
        ax.set_ylabel("y")
        ax.xaxis.set_visible(False)
        self.assertFalse(ax.xaxis.get_visible())
        spec = self.axes_spec()
        self.assertEqual((spec["xlabel"], spec["hide_xticklabels"], spec["xtick_style"]["major"]["visible"],
                          spec["grid"]["axis"]), (None, True, False, "y"))
        self.assertEqual((spec["ylabel"]["text"], spec["hide_yticklabels"]), ("y", False))
        self.assertTrue(spec["spines"]["bottom"]["visible"])

    def test_set_inverted(self):
        fig, ax = plt.subplots()
        ax.plot([0, 1], [0, 2])
        ax.yaxis.set_inverted(True)
        ax.yaxis.set_inverted(True)
        ax.xaxis.set_inverted(False)
        # Real matplotlib: (-0.05, 1.05) (2.1, -0.1) True
        self.assertEqual((ax.get_xlim(), ax.get_ylim(), ax.yaxis.get_inverted()),
                         ((-0.05, 1.05), (2.1, -0.1), True))


if __name__ == "__main__":
    unittest.main()
