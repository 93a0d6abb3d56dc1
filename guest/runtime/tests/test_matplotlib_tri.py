"""Native tests of matplotlib.tri (Delaunay Triangulation, edges, triplot), with real
matplotlib 3.10.8's values pasted where they are read back.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import math
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.tri as mtri  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


def _triangle_set(triangles):
    return sorted(tuple(sorted(t)) for t in np.asarray(triangles).tolist())


class TriangulationTests(unittest.TestCase):
    def test_delaunay_has_qhulls_triangles_anticlockwise(self):
        x, y = np.random.default_rng(0).random((2, 10))
        t = mtri.Triangulation(x, y)
        self.assertTrue(t.is_delaunay)
        # matplotlib: sorted(tuple(sorted(r)) for r in Triangulation(x, y).triangles)
        self.assertEqual(_triangle_set(t.triangles),
                         [(0, 2, 6), (0, 2, 8), (0, 4, 6), (0, 4, 7), (0, 7, 8), (1, 3, 8), (1, 5, 8), (2, 3, 8),
                          (4, 7, 9), (5, 8, 9), (7, 8, 9)])
        a, b, c = (t.triangles[:, k] for k in range(3))
        self.assertTrue((((x[b] - x[a]) * (y[c] - y[a]) - (y[b] - y[a]) * (x[c] - x[a])) > 0).all())
        # matplotlib's edges: larger index first, sorted
        self.assertEqual(t.edges.tolist()[:8], [[2, 0], [3, 1], [3, 2], [4, 0], [5, 1], [6, 0], [6, 2], [6, 4]])

    def test_mask_and_given_triangles(self):
        t = mtri.Triangulation([0, 1, 0, 1], [0, 0, 1, 1], [[0, 1, 2], [2, 1, 3]])
        self.assertFalse(t.is_delaunay)
        self.assertEqual(t.edges.tolist(), [[1, 0], [2, 0], [2, 1], [3, 1], [3, 2]])
        t.set_mask([False, True])
        self.assertEqual(t.get_masked_triangles().tolist(), [[0, 1, 2]])
        self.assertEqual(t.edges.tolist(), [[1, 0], [2, 0], [2, 1]])
        with self.assertRaises(ValueError):
            t.set_mask([True])


class TriplotTests(ChartTestCase):
    def test_edges_then_points_as_matplotlib(self):
        t = mtri.Triangulation([0, 1, 0, 1], [0, 0, 1, 1], [[0, 1, 2], [2, 1, 3]])
        lines, markers = plt.triplot(t, "go-", lw=1.0)
        # matplotlib: x data of the edge line and its marker; then the markers' x data
        nan = math.nan
        np.testing.assert_array_equal(np.asarray(lines.get_xdata(), dtype=float),
                                      [1.0, 0.0, nan, 0.0, 0.0, nan, 0.0, 1.0, nan, 1.0, 1.0, nan, 1.0, 0.0, nan])
        self.assertEqual((lines.get_marker(), list(markers.get_xdata())), ("None", [0.0, 1.0, 0.0, 1.0]))
        (figure,) = self.shown()
        self.assertEqual([a["type"] for a in figure["axes"][0]["artists"]], ["line", "line"])

    def test_cocircular_points_are_refused_unless_masked(self):
        x, y = np.meshgrid(np.arange(3.0), np.arange(2.0))  # two squares: each has two Delaunay splits
        t = mtri.Triangulation(x.ravel(), y.ravel())
        self.assertEqual(len(t.triangles), 4)
        with self.assertRaises(NotImplementedError):
            plt.triplot(t)
        t.set_mask(np.ones(4, dtype=bool))
        plt.triplot(t)

    def test_tricontour_lines_and_band_areas_as_matplotlib(self):
        t = mtri.Triangulation([0, 1, 0, 1], [0, 0, 1, 1], [[0, 1, 2], [2, 1, 3]])
        z = [0.0, 1.0, 2.0, 4.0]
        cs = plt.tricontour(t, z, levels=[1.5, 3])
        # matplotlib's allsegs
        expected = [[[0.0, 0.75], [0.5, 0.5], [1.0, 0.16666666666666663]], [[0.5, 1.0], [1.0, 0.6666666666666667]]]
        for ours, theirs in zip(cs.allsegs, expected):
            (line,) = ours
            np.testing.assert_allclose(line, theirs, rtol=1e-12, atol=1e-15)
        self.assertEqual((cs.zmin, cs.zmax), (0.0, 4.0))
        cf = plt.tricontourf(t, z, levels=[0, 1.5, 3, 4])
        # matplotlib: layers, and the summed signed area of each band's polygons
        self.assertEqual(list(cf.layers), [0.75, 2.25, 3.5])
        areas = [sum(0.5 * float(np.sum(v[:, 0] * np.roll(v[:, 1], -1) - np.roll(v[:, 0], -1) * v[:, 1]))
                     for v in band) for band in cf.allsegs]
        np.testing.assert_allclose(areas, [0.4791666666666667, 0.4375, 0.08333333333333331], rtol=1e-12)
        self.assertEqual(plt.gca().get_xlim(), (0.0, 1.0))

    def test_linear_interpolator_as_matplotlib(self):
        t = mtri.Triangulation([0, 1, 0, 1], [0, 0, 1, 1], [[0, 1, 2], [2, 1, 3]])
        interpolator = mtri.LinearTriInterpolator(t, [0.0, 1.0, 2.0, 4.0])
        values = interpolator([0.25, 0.75, 1.5, 0.5], [0.25, 0.75, 0.5, 0.5])
        # matplotlib: [0.75 2.75 -- 1.5], gradients [1 2 -- 2] and [2 3 -- 3]
        self.assertEqual(values.mask.tolist(), [False, False, True, False])
        self.assertEqual(values.compressed().tolist(), [0.75, 2.75, 1.5])
        dzdx, dzdy = interpolator.gradient([0.25, 0.75, 1.5], [0.25, 0.75, 0.5])
        self.assertEqual((dzdx.compressed().tolist(), dzdy.compressed().tolist()), ([1.0, 2.0], [2.0, 3.0]))
        with self.assertRaises(NotImplementedError):  # on the shared edge: the trapezoid map's choice
            interpolator.gradient([0.5], [0.5])
        self.assertEqual(t.calculate_plane_coefficients([0.0, 1.0, 2.0, 4.0]).tolist(),
                         [[1.0, 2.0, 0.0], [2.0, 3.0, -1.0]])

    def test_unsupported_names_raise(self):
        with self.assertRaises(NotImplementedError):
            mtri.CubicTriInterpolator


if __name__ == "__main__":
    unittest.main()
