"""The spec of imshow() images' resampling (_resampling): what the host needs to resample them
as matplotlib's Agg does.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import base64
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import colors  # noqa: E402

from test_matplotlib import ChartTestCase  # noqa: E402


class ResamplingSpecTests(ChartTestCase):
    def test_default_interpolation_is_auto_with_the_colormap_table(self):
        plt.imshow([[0.0, 1.0]], cmap="viridis", alpha=0.5)
        (image,) = self.artists()
        resampling = image["resampling"]
        self.assertEqual({k: resampling[k] for k in ("interpolation", "stage", "filternorm", "filterrad", "alpha")},
                         {"interpolation": "auto", "stage": "auto", "filternorm": True, "filterrad": 4.0,
                          "alpha": 0.5})
        lut = base64.b64decode(resampling["lut"])
        self.assertEqual(len(lut), (256 + 3) * 4)
        # viridis' first entry truncated to bytes, as matplotlib's to_rgba(bytes=True); bad: transparent
        self.assertEqual((tuple(lut[:4]), tuple(lut[-4:])), ((68, 1, 84, 255), (0, 0, 0, 0)))

    def test_filters_and_stages_are_carried(self):
        image = plt.imshow([[1, 2], [3, 4]], interpolation="Lanczos", interpolation_stage="rgba", filterrad=3,
                           filternorm=False)
        self.assertEqual(image.get_interpolation(), "lanczos")
        (spec,) = self.artists()
        self.assertEqual((spec["resampling"]["interpolation"], spec["resampling"]["stage"],
                          spec["resampling"]["filterrad"], spec["resampling"]["filternorm"]),
                         ("lanczos", "rgba", 3.0, False))

    def test_rgb_arrays_send_their_depth_and_pcolormesh_is_not_resampled(self):
        plt.imshow([[[0.0, 0.5, 1.0], [1.0, 1.0, 1.0]]])
        plt.pcolormesh([[1, 2]])
        image, mesh = self.artists()
        self.assertEqual(image["depth"], 3)
        self.assertNotIn("resampling", mesh)

    def test_large_images_send_their_numbers_only_when_resampled_as_numbers(self):
        data = [[float(i * j) for j in range(101)] for i in range(100)]
        plt.imshow(data)
        plt.imshow(data, interpolation="bilinear")
        plt.imshow(data, interpolation="bilinear", interpolation_stage="rgba")
        auto, bilinear, rgba = self.artists()
        self.assertEqual((auto["values"], rgba["values"]), ([], []))
        self.assertIn("f64", bilinear["values"])

    def test_clip_paths_are_patch_outlines_in_data_coordinates(self):
        from matplotlib.patches import Rectangle

        image = plt.imshow([[1, 2]], interpolation="bilinear")
        image.set_clip_path(Rectangle((0, 0), 1, 2))
        (spec,) = self.artists()
        self.assertEqual(spec["clip_path"], {"x": [0.0, 1.0, 1.0, 0.0], "y": [0.0, 0.0, 2.0, 2.0]})
        with self.assertRaises(NotImplementedError):
            image.set_clip_path(Rectangle((0, 0), 1, 2), transform=object())

    def test_an_image_in_axes_coordinates(self):
        ax = plt.gca()
        ax.imshow([[1, 2]], transform=ax.transAxes, extent=(0, 1, 0, 1))
        (spec,) = self.artists()
        self.assertEqual(spec["coords"], "axes")
        with self.assertRaises(NotImplementedError):
            ax.imshow([[1, 2]], transform=plt.gcf().transFigure)

    def test_gouraud_pcolormesh_sends_its_points(self):
        plt.pcolormesh([0.0, 1.0, 3.0], [0.0, 2.0], [[1, 2, 3], [4, 5, 6]], shading="gouraud")
        (mesh,) = self.artists()
        self.assertEqual((mesh["rows"], mesh["cols"], mesh["quads"]["gouraud"]), (2, 3, True))
        self.assertEqual((mesh["x_edges"], mesh["y_edges"]), ([0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0]))
        with self.assertRaises(TypeError):
            plt.pcolormesh([0.0, 1.0], [0.0, 2.0], [[1, 2, 3], [4, 5, 6]], shading="gouraud")

    def test_what_is_not_resampled_faithfully_raises(self):
        with self.assertRaisesRegex(ValueError, "interpolation"):
            plt.imshow([[1, 2]], interpolation="smooth")
        plt.imshow([[1, 2]], interpolation="bilinear", resample=False)
        with self.assertRaisesRegex(NotImplementedError, "resample=False"):
            plt.show()
        plt.close("all")
        plt.imshow([[1, 2]], interpolation="bilinear", norm=colors.LogNorm())
        with self.assertRaisesRegex(NotImplementedError, "LogNorm"):
            plt.show()
        plt.close("all")
        plt.imshow([[1, 2]], interpolation="bilinear").axes.set_yscale("log")
        with self.assertRaisesRegex(NotImplementedError, "log axis"):
            plt.show()
        plt.close("all")
        plt.imshow([[1, 2]], interpolation="bilinear", norm=colors.LogNorm(), interpolation_stage="rgba")
        (image,) = self.artists()
        self.assertNotIn("lut", image["resampling"])


class CellColorTests(unittest.TestCase):
    def test_numpy_lookup_gives_the_same_bytes_as_the_colormap_one_value_at_a_time(self):
        import math

        from matplotlib import _cell_colors

        values = [(-1.5 + 3 * i / 997) for i in range(998)] + [None, math.nan, math.inf, -math.inf, 1.0, -1.0]
        cells = [i / len(values) for i in range(len(values))]
        for cmap, norm, alpha, cell_alpha in (
                (plt.get_cmap("viridis"), colors.Normalize(-1, 1), None, None),
                (plt.get_cmap("RdBu_r"), colors.Normalize(-2, 2), 0.4, None),
                (plt.get_cmap("viridis").with_extremes(under="r", over="b", bad="g"), colors.Normalize(-1, 1),
                 None, cells),
                (plt.get_cmap("gray"), colors.Normalize(0.5, 0.5), None, None)):
            self.assertTrue(_cell_colors.fast(norm, cmap))
            slow = cmap(norm(values), alpha=alpha)
            if cell_alpha is not None:
                slow = [c[:3] + (c[3] * a,) for c, a in zip(slow, cell_alpha)]
            expected = bytes(min(255, max(0, round(v * 255))) for c in slow for v in c)
            got = _cell_colors.to_bytes(_cell_colors.colors(values, norm, cmap, alpha, cell_alpha))
            self.assertEqual(got, expected, cmap.name)
        self.assertFalse(_cell_colors.fast(colors.LogNorm(1, 2), plt.get_cmap("viridis")))


if __name__ == "__main__":
    unittest.main()
