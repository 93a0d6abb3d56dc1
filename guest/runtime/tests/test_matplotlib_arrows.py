"""Native tests of annotate()'s arrowprops, FancyArrowPatch, ArrowStyle and ConnectionStyle: the
spec the host draws them from, with real matplotlib 3.10.8's names and defaults.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import inspect
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import (  # noqa: E402
    ArrowStyle, ConnectionPatch, ConnectionStyle, FancyArrowPatch, Rectangle)

from test_matplotlib import ChartTestCase  # noqa: E402


class ArrowStyleTests(unittest.TestCase):
    def test_styles_by_name_in_matplotlibs_order(self):
        self.assertEqual(list(ArrowStyle.get_styles()),
                         ["-", "<-", "->", "<->", "<|-", "-|>", "<|-|>", "]-", "-[", "]-[", "|-|", "]->", "<-[",
                          "simple", "fancy", "wedge"])
        self.assertEqual(list(ConnectionStyle.get_styles()), ["arc3", "angle3", "angle", "arc", "bar"])
        # matplotlib 3.10.8's signatures (fancyarrow_demo prints them).
        self.assertEqual(str(inspect.signature(ArrowStyle.get_styles()["]-"])), "(widthA=1.0, lengthA=0.2, angleA=0)")
        self.assertEqual(str(inspect.signature(ArrowStyle.Simple)), "(head_length=0.5, head_width=0.5, tail_width=0.2)")
        self.assertEqual(str(inspect.signature(ConnectionStyle.Arc)),
                         "(angleA=0, angleB=0, armA=None, armB=None, rad=0.0)")

    def test_a_style_string_with_parameters(self):
        style = ArrowStyle("-|>, head_length=0.8 ,head_width=0.3")
        self.assertIsInstance(style, ArrowStyle.CurveFilledB)
        spec = style._spec()
        self.assertEqual((spec["begin"], spec["end"], spec["head_length"], spec["head_width"]),
                         ("none", "filled", 0.8, 0.3))
        self.assertEqual(ArrowStyle("]-[", angleA=20)._spec()["angle_a"], 20.0)
        self.assertEqual(ConnectionStyle("arc3,rad=-0.2")._spec(), {"name": "arc3", "rad": -0.2})
        self.assertEqual(ConnectionStyle.Angle(angleA=0, angleB=90, rad=5)._spec(),
                         {"name": "angle", "angle_a": 0.0, "angle_b": 90.0, "rad": 5.0})

    def test_unknown_styles_are_refused_as_in_matplotlib(self):
        with self.assertRaisesRegex(ValueError, "Unknown style"):
            ArrowStyle("=>")
        with self.assertRaisesRegex(ValueError, "Incorrect style argument"):
            ConnectionStyle("arc3,rad")
        with self.assertRaises(TypeError):
            ArrowStyle("->", tail_width=1)


class AnnotateArrowTests(ChartTestCase):
    def arrow_of(self, **arrowprops):
        plt.annotate("note", xy=(1, 1), xytext=(0, 0), arrowprops=arrowprops)
        return self.artists()[-1]["arrow"]

    def test_arrowstyle_connection_and_shrink(self):
        arrow = self.arrow_of(arrowstyle="<->", connectionstyle="arc3,rad=0.3", shrinkA=0, shrinkB=5)
        patch = arrow["patch"]
        self.assertEqual((arrow["relpos"], arrow["shrink"], arrow["patch_a"]), ([0.5, 0.5], None, {"kind": "text"}))
        self.assertEqual((patch["arrowstyle"]["begin"], patch["arrowstyle"]["end"]), ("head", "head"))
        self.assertEqual(patch["connectionstyle"], {"name": "arc3", "rad": 0.3})
        self.assertEqual((patch["shrink_a"], patch["shrink_b"], patch["mutation_scale"]), (0.0, 5.0, 10.0))
        # As matplotlib: a Patch's face (C0) and FancyArrowPatch's black edge.
        self.assertEqual((patch["facecolor"], patch["edgecolor"]), ("#1f77b4ff", "#000000ff"))

    def test_color_mutation_scale_and_relpos(self):
        arrow = self.arrow_of(arrowstyle="-|>", color="red", lw=2, mutation_scale=20, relpos=(0, 1))
        patch = arrow["patch"]
        self.assertEqual((patch["facecolor"], patch["edgecolor"], patch["linewidth"]),
                         ("#ff0000ff", "#ff0000ff", 2.0))
        self.assertEqual((patch["mutation_scale"], arrow["relpos"]), (20.0, [0.0, 1.0]))

    def test_the_mutation_scale_follows_the_text_size(self):
        plt.annotate("note", xy=(1, 1), xytext=(0, 0), fontsize=15, arrowprops=dict(arrowstyle="->"))
        self.assertEqual(self.artists()[-1]["arrow"]["patch"]["mutation_scale"], 15.0)

    def test_yaarrow_keys_need_no_arrowstyle(self):
        arrow = self.arrow_of(width=2, headwidth=8, headlength=5, shrink=0.1, facecolor="k")
        self.assertEqual(arrow["patch"]["arrowstyle"],
                         {"name": "simple", "head_length": 0.5, "head_width": 0.8, "tail_width": 0.2})
        self.assertEqual((arrow["relpos"], arrow["shrink"]), (None, 0.1))
        with self.assertRaises(AttributeError):
            self.arrow_of(arrowstyle="->", headwidth=3)  # as matplotlib: not a FancyArrowPatch property

    def test_patches_the_arrow_is_clipped_by(self):
        box = Rectangle((0.5, 0.5), 1, 1)
        arrow = self.arrow_of(arrowstyle="->", patchA=None, patchB=box)
        self.assertIsNone(arrow["patch_a"])
        self.assertEqual(arrow["patch_b"], {"kind": "polygon", "x": [0.5, 1.5, 1.5, 0.5], "y": [0.5, 0.5, 1.5, 1.5],
                                            "coords": ["data", "data"]})
        (dot,) = plt.plot(1, 1, "o")
        arrow = self.arrow_of(arrowstyle="->", patchB=dot)
        self.assertEqual(arrow["patch_b"], {"kind": "circle", "x": 1.0, "y": 1.0, "coords": ["data", "data"],
                                            "radius": 5.0})

    def test_shapes_only_along_quadratic_curves(self):
        plt.annotate("a", xy=(1, 1), xytext=(0, 0), arrowprops=dict(arrowstyle="fancy", connectionstyle="angle"))
        with self.assertRaisesRegex(ValueError, "quadratic Bezier"):
            self.shown()

    def test_parallel_angle_connections_are_refused(self):
        plt.annotate("a", xy=(1, 1), xytext=(0, 0), arrowprops=dict(arrowstyle="->", connectionstyle="angle3,angleA=0,angleB=180"))
        with self.assertRaisesRegex(ValueError, "do not intersect"):
            self.shown()

    def test_custom_styles_are_refused(self):
        with self.assertRaisesRegex(NotImplementedError, "custom arrow style"):
            plt.annotate("a", xy=(1, 1), xytext=(0, 0), arrowprops=dict(arrowstyle=object()))


class AnnotationCoordinatesTests(ChartTestCase):
    def test_offsets_go_to_the_host_in_points(self):
        plt.plot([0, 10], [0, 10])
        plt.annotate("a", (5, 5), xytext=(0, 1), textcoords="offset fontsize", fontsize=20)
        plt.annotate("b", (5, 5), xytext=(0, 20), textcoords="offset points", fontsize=20)
        plt.annotate("c", (5, 5), xytext=(0, 100), textcoords="offset pixels")  # at 100 dpi
        first, second, third = self.artists()[1:]
        self.assertEqual((first["xytext"], first["xytext_coords"]), ([0.0, 20.0], "offset"))
        self.assertEqual(second["xytext"], [0.0, 20.0])
        self.assertEqual(third["xytext"], [0.0, 72.0])

    def test_blended_transforms(self):
        ax = plt.gca()
        ax.plot([0, 10], [0, 10])
        ax.annotate("a", xy=(0.0, 3), xycoords=ax.get_yaxis_transform())
        ax.annotate("b", xy=(0.5, 0.5), xycoords=ax.transAxes)
        first, second = self.artists()[1:]
        self.assertEqual(first["xy"], [-0.5, 3.0])  # x at the axes' left edge
        self.assertEqual(second["xy"], [5.0, 5.0])

    def test_figure_fractions_and_polar_axes(self):
        ax = plt.subplot(projection="polar")
        ax.annotate("a", xy=(1.0, 0.5), xytext=(0.05, 0.05), textcoords="figure fraction",
                    arrowprops=dict(facecolor="black", shrink=0.05))
        (note,) = self.artists()
        self.assertEqual((note["xy"], note["xytext"], note["xytext_coords"], "xy_coords" in note),
                         ([1.0, 0.5], [0.05, 0.05], "figure", False))
        ax = plt.figure().add_subplot(projection="polar")
        ax.annotate("b", xy=(1.0, 0.5), xytext=(5, 5), textcoords="offset points")
        (offset,) = self.artists()
        self.assertEqual((offset["xytext"], offset["xytext_coords"]), ([5.0, 5.0], "offset"))
        ax = plt.figure().add_subplot(projection="polar")
        ax.annotate("c", xy=(0.5, 0.5), xycoords="axes fraction")
        with self.assertRaisesRegex(NotImplementedError, "on polar axes"):
            self.shown()

    def test_a_point_of_another_texts_extent(self):
        ax = plt.gca()
        first = ax.text(0.1, 0.5, "Matplotlib")
        second = ax.annotate(" says,", xycoords=first, xy=(1, 0), va="bottom")
        ax.annotate(" hello", xycoords=second, xy=(1, 0), va="bottom")
        _, says, hello = self.artists()
        self.assertEqual((says["xy"], says["xy_artist"], says["xytext"]), ([1.0, 0.0], 0, None))
        self.assertEqual(hello["xy_artist"], 1)
        ax = plt.figure().add_subplot()
        ax.annotate("x", xycoords=ax.text(0, 0, "a"), xy=(1, 0), xytext=(5, 5))
        with self.assertRaisesRegex(NotImplementedError, "textcoords="):
            self.shown()

    def test_annotation_clip(self):
        ax = plt.gca()
        ax.annotate("a", (1, 1))
        ax.annotate("b", (1, 1), annotation_clip=False)
        ax.annotate("c", (0.5, 0.5), xycoords="axes fraction")
        ax.annotate("d", (0.5, 0.5), xycoords="axes fraction", annotation_clip=True)
        self.assertEqual([a.get("clip_xy", False) for a in self.artists()], [True, False, False, True])


class FancyArrowPatchTests(ChartTestCase):
    def test_spec_in_data_and_axes_coordinates(self):
        ax = plt.gca()
        ax.add_patch(FancyArrowPatch((0.1, 0.5), (0.9, 0.8), mutation_scale=100))
        ax.add_patch(FancyArrowPatch((0, 0), (1, 1), arrowstyle="]-[", transform=ax.transAxes, color="C1"))
        first, second = self.artists()
        self.assertEqual((first["type"], first["posa"], first["posb"], first["coords"]),
                         ("fancy_arrow", [0.1, 0.5], [0.9, 0.8], ["data", "data"]))
        self.assertEqual(first["arrow"]["arrowstyle"],
                         {"name": "simple", "head_length": 0.5, "head_width": 0.5, "tail_width": 0.2})
        self.assertEqual((first["arrow"]["mutation_scale"], first["arrow"]["shrink_a"]), (100.0, 2.0))
        self.assertEqual(second["coords"], ["axes", "axes"])
        self.assertEqual(second["arrow"]["edgecolor"], "#ff7f0eff")

    def test_setters(self):
        arrow = FancyArrowPatch((0, 0), (1, 1))
        arrow.set_positions(None, (2, 3))
        arrow.set_arrowstyle("->", head_width=0.5)
        arrow.set_connectionstyle("angle3", angleA=0, angleB=90)
        plt.gca().add_patch(arrow)
        (spec,) = self.artists()
        self.assertEqual(spec["posb"], [2.0, 3.0])
        self.assertEqual(spec["arrow"]["arrowstyle"]["head_width"], 0.5)
        self.assertEqual(spec["arrow"]["connectionstyle"], {"name": "angle3", "angle_a": 0.0, "angle_b": 90.0})
        self.assertIn("``simple``", arrow.set_arrowstyle())

    def test_a_path_is_refused(self):
        with self.assertRaisesRegex(NotImplementedError, "path="):
            FancyArrowPatch(path=object())


class ConnectionPatchTests(ChartTestCase):
    def test_ends_in_two_axes(self):
        fig, (ax1, ax2) = plt.subplots(1, 2)
        con = ConnectionPatch(xyA=(-0.1, 1), coordsA=ax2.transData, xyB=(0.5, 0.5), coordsB=ax1.transData)
        con.set_color([0, 0, 0])
        con.set_linewidth(4)
        ax2.add_artist(con)
        (figure,) = self.shown()
        (spec,) = figure["axes"][1]["artists"]
        self.assertEqual((spec["type"], spec["posa"], spec["posb"], spec["coords"], spec["coords_b"]),
                         ("fancy_arrow", [-0.1, 1.0], [0.5, 0.5], ["data", "data"], ["data", "data"]))
        self.assertEqual((spec["axes_b"], "axes_a" in spec, spec["clip_on"]), (0, False, False))
        arrow = spec["arrow"]
        self.assertEqual((arrow["arrowstyle"]["begin"], arrow["arrowstyle"]["end"], arrow["shrink_a"],
                          arrow["mutation_scale"], arrow["linewidth"], arrow["edgecolor"]),
                         ("none", "none", 0.0, 10.0, 4.0, "#000000ff"))
        # add_artist() leaves the data limits alone.
        self.assertEqual(figure["axes"][1]["xlim"], [0.0, 1.0])

    def test_figure_coordinates_are_refused(self):
        con = ConnectionPatch((0, 0), (1, 1), "figure fraction")
        plt.gca().add_artist(con)
        with self.assertRaisesRegex(NotImplementedError, "figure fraction"):
            self.shown()


if __name__ == "__main__":
    unittest.main()
