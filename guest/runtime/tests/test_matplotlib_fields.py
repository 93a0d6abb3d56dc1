"""Native tests of the guest's fields: scale norms (SymLogNorm, AsinhNorm) and tripcolor, with
real matplotlib 3.10.8's numbers pasted in.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import matplotlib.colors as colors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.tri as mtri  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402

_VALUES = np.array([-8, -3.3, -0.5, -0.1, 0, 0.2, 0.5, 1.7, 8, 9])
_FRACTIONS = np.array([0, 0.1, 0.37, 0.5, 0.9, 1.0])


class ScaleNormTests(unittest.TestCase):
    def test_symlognorm_as_matplotlib(self):
        norm = colors.SymLogNorm(linthresh=0.5, linscale=1, vmin=-8, vmax=8, base=10)
        # matplotlib: norm(values).data.tolist(), norm.inverse(fractions).tolist()
        self.assertEqual(np.asarray(norm(_VALUES)).tolist(),
                         [0.0, 0.08305349045920186, 0.2600431520416264, 0.4520086304083253, 0.5, 0.5959827391833494,
                          0.7399568479583736, 0.8547356530791841, 1.0, 1.0110469582464343])
        self.assertEqual(norm.inverse(_FRACTIONS),
                         [-7.9999999999999964, -2.7545062887519913, -0.2708820379707432, 0.0, 2.7545062887519944,
                          7.9999999999999964])

    def test_asinhnorm_as_matplotlib(self):
        norm = colors.AsinhNorm(linear_width=0.5, vmin=-8, vmax=8)
        self.assertEqual(np.asarray(norm(_VALUES)).tolist(),
                         [0.0, 0.1270373814526273, 0.372880436617335, 0.47134313933611327, 0.5, 0.556254374176035,
                          0.627119563382665, 0.7794982414869703, 1.0, 1.0169582368838486])
        self.assertEqual(norm.inverse(_FRACTIONS),
                         [-8.0, -3.987508834161108, -0.5142224846395487, 0.0, 3.9875088341611096, 8.0])

    def test_symlognorm_refuses_bad_parameters(self):
        with self.assertRaises(ValueError):
            colors.SymLogNorm(linthresh=0)


class TripcolorTests(ChartTestCase):
    def test_flat_colours_are_the_unmasked_triangles_means(self):
        t = mtri.Triangulation([0, 1, 0, 1], [0, 0, 1, 1], [[0, 1, 2], [2, 1, 3]])
        t.set_mask([False, True])
        mesh = plt.tripcolor(t, [1.0, 2.0, 3.0, 4.0])
        self.assertEqual(np.asarray(mesh.get_array()).ravel().tolist(), [2.0])
        (image,) = self.artists()
        self.assertEqual((image["rows"], image["cols"]), (1, 1))
        self.assertEqual(image["quads"]["triangles"], [0, 1, 2])
        self.assertNotIn("gouraud", image["quads"])

    def test_gouraud_colours_the_points(self):
        plt.tripcolor([0, 1, 0, 1], [0, 0, 1, 1], [[0, 1, 2], [2, 1, 3]], [1.0, 2.0, 3.0, 4.0], shading="gouraud")
        (image,) = self.artists()
        self.assertEqual((image["rows"], image["cols"], image["quads"]["gouraud"]), (1, 4, True))
        self.assertEqual(image["quads"]["triangles"], [0, 1, 2, 2, 1, 3])

    def test_gouraud_refuses_face_colours(self):
        with self.assertRaises(ValueError):
            plt.tripcolor([0, 1, 0], [0, 0, 1], [[0, 1, 2]], facecolors=[1.0], shading="gouraud")

    def test_limits_have_margins_as_matplotlib(self):
        mesh = plt.tripcolor([0, 1, 0, 1.2], [0, 0, 1, 1.1], [1.0, 2.0, 3.0, 4.0])
        # matplotlib: mesh.get_array().tolist(), ax.get_xlim(), ax.get_ylim()
        self.assertEqual(np.asarray(mesh.get_array()).ravel().tolist(), [2.0, 3.0])
        axes = self.axes_spec()
        np.testing.assert_allclose(axes["xlim"] + axes["ylim"], [-0.06, 1.26, -0.05500000000000001, 1.155])


class StreamplotTests(ChartTestCase):
    def setUp(self):
        super().setUp()
        Y, X = np.mgrid[-2:2:20j, -3:3:25j]
        self.field = X, Y, -1 - X**2 + Y, 1 + X - Y**2

    def test_trajectories_and_arrows_as_matplotlib(self):
        ax = plt.gca()
        s = ax.streamplot(*self.field, density=0.4)
        segments = s.lines.get_segments()
        # matplotlib: [len(g) for g in s.lines.get_segments()], points of two of them
        self.assertEqual([len(g) for g in segments],
                         [24, 4, 11, 6, 13, 11, 7, 64, 9, 19, 15, 10, 7, 23, 12, 15, 6, 10, 25, 5, 11, 5, 9, 4, 3, 9,
                          5, 9, 14])
        np.testing.assert_allclose(segments[0][:3], [[3.0, -1.500820929039882], [2.727825764631639, -1.4570076283732791],
                                                     [2.243874600830516, -1.3742794961312959]], rtol=1e-12)
        np.testing.assert_allclose(segments[3][-2:], [[-1.3636363636363633, -2.0], [-1.3636363636363633, -2.0]],
                                   rtol=1e-12)
        # matplotlib: ax.patches[2]._posA_posB
        np.testing.assert_allclose([s.arrows._tails[2], s.arrows._heads[2]],
                                   [(-0.9594319330439065, -1.3700261368001923),
                                    (-1.0870786812204838, -1.4456255771978042)], rtol=1e-12)
        axes = self.axes_spec()
        self.assertEqual((axes["xlim"], axes["ylim"]), ([-3.0, 3.0], [-2.0, 2.0]))
        arrows = axes["artists"][-1]
        self.assertEqual((arrows["role"], len(arrows["x"]), arrows["fancy"]["head_length"]), ("stream_arrows", 29, 4.0))

    def test_arrows_at_the_edges_widen_the_limits_as_matplotlib(self):
        Y, X = np.mgrid[-1:1:20j, -1:1:20j]
        plt.gca().streamplot(X, Y, np.ones_like(X), np.zeros_like(X), density=0.3)
        axes = self.axes_spec()
        # matplotlib: ax.get_xlim(), ax.get_ylim() (its arrows' heads reach 2 pixels of the view
        # before layout past the top and bottom streamlines)
        self.assertEqual(axes["xlim"], [-1.0, 1.0])
        np.testing.assert_allclose(axes["ylim"], [-1.1059523809523808, 1.105952380952381], rtol=1e-12)

    def test_start_point_forward_unbroken(self):
        s = plt.gca().streamplot(*self.field, start_points=[[0.5, 0.5]], integration_direction="forward",
                                 broken_streamlines=False)
        (segment,) = s.lines.get_segments()
        self.assertEqual(len(segment), 128)
        np.testing.assert_allclose(segment[-1], [0.41975165610826926, 1.1844724917315674], rtol=1e-12)

    def test_colour_and_width_arrays_draw_one_line_per_step(self):
        X, Y, U, V = self.field
        s = plt.gca().streamplot(X, Y, U, V, color=U, linewidth=np.hypot(U, V) / 5, density=0.4)
        lines = [a for a in self.artists() if a["type"] == "line" and a["x"]]
        self.assertEqual(len(lines), len(s.lines.get_segments()))
        self.assertEqual(len({line["linewidth"] for line in lines}) > 1, True)


class ContourFieldTests(ChartTestCase):
    def setUp(self):
        super().setUp()
        x = np.linspace(-3, 3, 30)
        X, Y = np.meshgrid(x, x)
        self.grid = X, Y, np.exp(-X**2 - Y**2) + 50 * np.exp(-(X * 10)**2 - (Y * 10)**2)

    def test_log_locator_levels_and_layers_as_matplotlib(self):
        from matplotlib import ticker

        cs = plt.contourf(*self.grid, locator=ticker.LogLocator())
        # matplotlib: cs.levels.tolist(), cs.layers.tolist(), the norm's limits
        np.testing.assert_allclose(cs.levels, [1e-08, 1e-07, 1e-06, 9.999999999999999e-06, 0.0001, 0.001, 0.01, 0.1,
                                               1.0, 10.0], rtol=1e-15)
        np.testing.assert_allclose(cs.layers, [3.16227766016838e-08, 3.1622776601683797e-07, 3.1622776601683796e-06,
                                               3.1622776601683795e-05, 0.00031622776601683794, 0.0031622776601683794,
                                               0.0316227766016838, 0.31622776601683794, 3.1622776601683795],
                                   rtol=1e-15)
        self.assertEqual((cs.norm.vmin, cs.norm.vmax), (1e-08, 10.0))
        colorbar = plt.colorbar(cs)
        self.assertEqual(colorbar.ax.get_yscale(), "log")

    def test_extended_bands_take_the_colormaps_extremes_when_drawn(self):
        X, Y, z = self.grid
        cs = plt.contourf(X, Y, z - 0.5, [-0.4, 0, 0.4], colors=("r", "g"), extend="both")
        cs.cmap.set_under("yellow")
        # matplotlib: cs.cmap(cs.norm(cs.cvalues)), yellow, red, green, green
        faces = [a["facecolor"] for a in self.artists() if a["type"] == "patch"]
        self.assertEqual(faces, ["#ffff00ff", "#ff0000ff", "#008000ff", "#008000ff"])


class MeshAndTickTests(ChartTestCase):
    def test_nearest_shading_of_a_transposed_grid_puts_corners_between_centres(self):
        X, Y = np.mgrid[0:3:3j, 0:2:2j]
        plt.pcolormesh(X, Y, np.arange(6.).reshape(3, 2), shading="nearest")
        (image,) = self.artists()
        # matplotlib: mesh.get_coordinates() (rows of X, then of Y)
        xs = [[-0.75, -0.75, -0.75], [0.75, 0.75, 0.75], [2.25, 2.25, 2.25], [3.75, 3.75, 3.75]]
        ys = [[-1.0, 1.0, 3.0]] * 4
        self.assertEqual((image["rows"], image["cols"]), (3, 2))
        quads = {k: np.frombuffer(__import__("base64").b64decode(image["quads"][k]["f64"])) for k in ("x", "y")}
        self.assertEqual((quads["x"].tolist(), quads["y"].tolist()), (sum(xs, []), sum(ys, [])))

    def test_masked_gouraud_sends_the_values_of_any_size(self):
        Z = np.ma.masked_greater(np.arange(120.0 * 100).reshape(120, 100), 11000)
        plt.pcolormesh(Z, shading="gouraud")
        (image,) = self.artists()
        values = np.frombuffer(__import__("base64").b64decode(image["values"]["f64"]))
        self.assertEqual((len(values), int(np.isnan(values).sum())), (12000, 999))

    def test_locator_params_sets_the_default_locators_bins(self):
        plt.plot([0, 10], [0, 3])
        plt.gca().locator_params(nbins=4)
        axes = self.axes_spec()
        # matplotlib: ax.get_xticks(), ax.get_yticks() ([-5, 0, ... 15], [-1, 0, ... 4]) within the view
        self.assertEqual((axes["xticks"]["positions"], axes["yticks"]["positions"]),
                         ([0.0, 5.0, 10.0], [0.0, 1.0, 2.0, 3.0]))


class UniformColorbarTests(ChartTestCase):
    def test_uneven_boundaries_are_spaced_evenly_with_their_labels(self):
        X, Y = np.mgrid[-3:3:20j, -2:2:20j]
        pcm = plt.pcolormesh(X, Y, 4 * np.exp(-X**2 - Y**2), shading="nearest",
                             norm=colors.BoundaryNorm([-1, -0.5, 0, 2.5, 5], 256))
        plt.colorbar(pcm, extend="both")
        (figure,) = self.shown()
        bar = figure["axes"][1]
        # matplotlib: cb.ax.get_yticklabels() at axes fractions 0, 0.25, ... 1 of the bar
        self.assertEqual(bar["yticks"], {"positions": [0.0, 0.25, 0.5, 0.75, 1.0],
                                         "labels": ["\u22121.0", "\u22120.5", "0.0", "2.5", "5.0"]})
        self.assertEqual(bar["ylim"], [0.0, 1.0])

    def test_uneven_contour_levels_likewise(self):
        x = np.linspace(-3, 3, 40)
        X, Y = np.meshgrid(x, x)
        cs = plt.contourf(X, Y, 60 * np.exp(-X**2 - Y**2), levels=[0, 1, 5, 10, 50, 60], extend="max")
        cb = plt.colorbar(cs)
        self.assertEqual(cb.get_ticks().tolist(), [0.0, 1.0, 5.0, 10.0, 50.0, 60.0])
        (figure,) = self.shown()
        bar = figure["axes"][1]
        np.testing.assert_allclose(bar["yticks"]["positions"], [0.0, 0.2, 0.4, 0.6, 0.8, 1.0])
        self.assertEqual(bar["yticks"]["labels"], ["0", "1", "5", "10", "50", "60"])


class FigimageTests(ChartTestCase):
    def test_pixels_at_the_offset_with_origin_lower_flipped(self):
        import base64

        fig = plt.figure()
        Z = np.array([[0.0, 1.0], [2.0, 3.0]])
        fig.figimage(Z, xo=5, yo=7, origin="lower", cmap="gray")
        (figure,) = self.shown()
        (image,) = figure["images"]
        self.assertEqual((image["xo"], image["yo"], image["rows"], image["cols"]), (5, 7, 2, 2))
        # gray: 0 black ... 3 white; origin 'lower' puts row 0 (0, 1) at the bottom
        pixels = base64.b64decode(image["pixels"])
        self.assertEqual([pixels[i] for i in (0, 4, 8, 12)], [171, 255, 0, 85])  # matplotlib: gray(2/3) 171


class BarbsTests(ChartTestCase):
    def test_polygons_and_colours_as_matplotlib(self):
        data = np.array([(-1.5, .5, -6, -6), (1, -1, -46, 46), (-3, -1, 11, -11)],
                        dtype=[("x", np.float32), ("y", np.float32), ("u", np.float32), ("v", np.float32)])
        b = plt.barbs(data["x"], data["y"], data["u"], data["v"], flagcolor="r", barbcolor=["b", "g"],
                      flip_barb=True, barb_increments=dict(half=10, full=20, flag=100))
        # matplotlib: b.get_paths()[i].vertices (without the closing vertex)
        np.testing.assert_allclose(b._polygons[0], [[0.0, 0.0], [4.949747497818406, 4.949747438793259],
                                                    [4.021669841977455, 4.021669794019522],
                                                    [3.3410795728324536, 5.320978508507783],
                                                    [4.021669841977455, 4.021669794019522]], atol=1e-12)
        np.testing.assert_allclose(b._polygons[2], [[0.0, 0.0], [-4.9497476551535975, 4.949747281458061],
                                                    [-7.548365024631021, 3.58856662957888],
                                                    [-4.9497476551535975, 4.949747281458061]], atol=1e-12)
        (spec,) = self.artists()
        # matplotlib: b.get_facecolor(), b.get_edgecolor() (barbcolor cycled over the barbs)
        self.assertEqual((spec["role"], spec["unit"], spec["facecolors"][0], spec["edgecolors"]),
                         ("barbs", "points", "#ff0000ff", ["#0000ffff", "#008000ff", "#0000ffff"]))
        self.assertEqual(len(spec["shape_x"]), 3 * spec["sides"])


if __name__ == "__main__":
    unittest.main()
