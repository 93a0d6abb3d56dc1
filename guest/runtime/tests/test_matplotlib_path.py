"""Native tests of matplotlib.path.Path and patches.PathPatch, with real matplotlib 3.10.8's values
pasted where they are read back.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import PathPatch  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402

try:
    from matplotlib.path import Path
except ImportError:  # numpy
    Path = None
HAVE_NUMPY = Path is not None
if HAVE_NUMPY:
    QUAD = Path([(0, 0), (1, 0), (1, 1), (0, 0)],
                [Path.MOVETO, Path.CURVE3, Path.CURVE3, Path.CLOSEPOLY])
    HEART_PIECE = Path([(1.58, -2.57), (0.35, -1.1), (-1.75, 2.0), (0.375, 2.0)],
                       [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4])


def near(points, point, tolerance=1e-9):
    return any(abs(x - point[0]) < tolerance and abs(y - point[1]) < tolerance for x, y in points)


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class PathTests(unittest.TestCase):
    def test_codes_and_segments_as_matplotlib(self):
        # Real matplotlib: iter_segments() gives ([0, 0], 1), ([1, 0, 1, 1], 3), ([0, 0], 79)
        self.assertEqual([(list(v), c) for v, c in QUAD.iter_segments()],
                         [([0.0, 0.0], 1), ([1.0, 0.0, 1.0, 1.0], 3), ([0.0, 0.0], 79)])
        # Real matplotlib: None, [1 2 79]; unit_rectangle: codes [1, 2, 2, 2, 79]
        self.assertIsNone(Path([(0, 0), (1, 1), (2, 0)]).codes)
        self.assertEqual(list(Path([(0, 0), (1, 1), (2, 0)], closed=True).codes), [1, 2, 79])
        self.assertEqual(list(Path.unit_rectangle().codes), [1, 2, 2, 2, 79])
        self.assertEqual(Path.NUM_VERTICES_FOR_CODE[Path.CURVE4], 3)
        with self.assertRaises(ValueError):
            Path([(0, 0), (1, 1)], [Path.LINETO, Path.LINETO])

    def test_curves_are_flattened_through_their_points(self):
        (xs, ys, closed), = QUAD.subpaths()
        self.assertTrue(closed)
        # Real matplotlib's BezierSegment(...).point_at_t(0.5): (0.75, 0.25), the quad_bezier example's point
        self.assertTrue(near(list(zip(xs, ys)), (0.75, 0.25)))
        (xs, ys, closed), = HEART_PIECE.subpaths()
        self.assertFalse(closed)
        # Real matplotlib's point_at_t(0.5) and (0.25): (-0.280625, 0.26625), (0.573984375, -1.23578125)
        self.assertTrue(near(list(zip(xs, ys)), (-0.280625, 0.26625)))
        self.assertTrue(near(list(zip(xs, ys)), (0.573984375, -1.23578125)))
        self.assertEqual((xs[-1], ys[-1]), (0.375, 2.0))


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class PathPatchTests(ChartTestCase):
    def test_a_closed_path_is_a_patch_with_matplotlibs_default_edge(self):
        fig, ax = plt.subplots()
        patch = ax.add_patch(PathPatch(QUAD))
        # Real matplotlib: PathPatch edges default to black even when filled; face C0
        self.assertEqual(patch.get_edgecolor(), (0.0, 0.0, 0.0, 1.0))
        (artist,) = self.axes_spec()["artists"]
        self.assertEqual((artist["type"], artist["edgecolor"], artist["shape"]),
                         ("patch", "#000000ff", {"kind": "PathPatch"}))
        self.assertEqual(len(artist["x"]), 1 + 64)  # the start and the flattened curve; the host closes it

    def test_several_subpaths_are_rings_of_one_patch(self):
        fig, ax = plt.subplots()
        ax.add_patch(PathPatch(Path([(0, 0), (3, 0), (3, 3), (0, 0), (1, 1), (1, 2), (2, 2), (0, 0)],
                                    [1, 2, 2, 79, 1, 2, 2, 79]), facecolor="red"))
        (artist,) = self.axes_spec()["artists"]
        self.assertEqual((artist["x"], artist["y"], artist["starts"], artist["open_rings"]),
                         ([0.0, 3.0, 3.0, 1.0, 1.0, 2.0], [0.0, 0.0, 3.0, 1.0, 2.0, 2.0], [3], []))

    def test_open_subpaths_are_stroked_open_and_hatched(self):
        fig, ax = plt.subplots()
        ax.add_patch(PathPatch(HEART_PIECE))
        self.assertEqual(self.axes_spec()["artists"][0]["open_rings"], [0])
        plt.close("all")
        fig, ax = plt.subplots()
        ax.add_patch(PathPatch(QUAD, hatch="//", edgecolor="red", alpha=0.5))
        ax.add_patch(PathPatch(QUAD, hatch="x", facecolor="blue"))
        red, blue = self.axes_spec()["artists"]
        # matplotlib: the hatch in the edge colour (with the patch's alpha); PathPatch has an edge by
        # default (rcParams patch.edgecolor)
        self.assertEqual(red["hatch"], {"pattern": "//", "color": "#ff000080", "linewidth": 1.0})
        self.assertEqual(blue["hatch"]["color"], "#000000ff")
        with self.assertRaisesRegex(ValueError, "hatch must consist"):
            PathPatch(QUAD, hatch="q")


if __name__ == "__main__":
    unittest.main()
