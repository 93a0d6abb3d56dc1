"""Native tests of the guest's marching squares (matplotlib/_marching.py) against contourpy, the
library real matplotlib contours with: the same line vertices and the same filled areas on random
grids.  Skipped without numpy, and the comparison without contourpy (the compat venv has both:
~/.cache/code-interpreter/compat-venv/bin/python3 -m unittest tests.test_contour).

Run: cd guest/runtime && python3 -m unittest tests.test_contour -v
"""

import importlib.util
import os
import unittest

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None
HAVE_CONTOURPY = HAVE_NUMPY and importlib.util.find_spec("contourpy") is not None
if HAVE_NUMPY:
    import numpy as np

    # the module alone: the guest matplotlib package needs the host
    _PATH = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "matplotlib", "_marching.py")
    _SPEC = importlib.util.spec_from_file_location("_marching", _PATH)
    marching = importlib.util.module_from_spec(_SPEC)
    _SPEC.loader.exec_module(marching)


def signed_area(x, y):
    return 0.5 * float(np.sum(x[:-1] * y[1:] - x[1:] * y[:-1]))


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class MarchingSquaresTest(unittest.TestCase):
    def grid(self):
        x, y = np.meshgrid([0.0, 1.0, 2.0], [0.0, 1.0, 2.0])
        z = np.array([[0.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 0.0]])
        return marching.Grid(x, y, z)

    def test_a_peak_gives_one_closed_diamond_at_the_crossings(self):
        (x, y), = marching.lines(self.grid(), 0.5)
        self.assertEqual((x[0], y[0]), (x[-1], y[-1]))
        self.assertEqual(sorted(zip(x[:-1].tolist(), y[:-1].tolist())),
                         [(0.5, 1.0), (1.0, 0.5), (1.0, 1.5), (1.5, 1.0)])
        self.assertAlmostEqual(signed_area(x, y), 0.5)  # anticlockwise: the peak on the left

    def test_bands_partition_the_grid(self):
        grid = self.grid()
        levels = [-1.0, 0.25, 0.5, 1.0]
        total = sum(signed_area(x, y) for lo, hi in zip(levels, levels[1:]) for x, y in marching.band(grid, lo, hi))
        self.assertAlmostEqual(total, 4.0)

    def test_a_band_around_a_peak_has_a_hole(self):
        rings = marching.band(self.grid(), -1.0, 0.5)
        self.assertEqual(len(rings), 2)
        self.assertEqual(sorted(round(signed_area(x, y), 9) for x, y in rings), [-0.5, 4.0])

    def test_saddle_joins_the_high_corners_when_the_centre_is_high(self):
        x, y = np.meshgrid([0.0, 1.0], [0.0, 1.0])
        high_centre = marching.Grid(x, y, np.array([[1.0, 0.0], [0.4, 1.0]]))  # mean 0.6
        low_centre = marching.Grid(x, y, np.array([[1.0, 0.0], [0.0, 1.0]]))   # mean 0.5
        for grid, corners in ((high_centre, {(1.0, 0.0), (0.0, 1.0)}), (low_centre, {(0.0, 0.0), (1.0, 1.0)})):
            pieces = marching.lines(grid, 0.55)
            self.assertEqual(len(pieces), 2)
            # each piece cuts off one corner: the one nearest its midpoint
            cut = {min(((cx, cy) for cx in (0.0, 1.0) for cy in (0.0, 1.0)),
                       key=lambda c: (c[0] - px.mean()) ** 2 + (c[1] - py.mean()) ** 2) for px, py in pieces}
            self.assertEqual(cut, corners)


@unittest.skipUnless(HAVE_CONTOURPY, "contourpy not installed")
class AgainstContourpyTest(unittest.TestCase):
    def test_random_grids(self):
        import contourpy

        rng = np.random.default_rng(1)
        for _ in range(20):
            ny, nx = rng.integers(2, 30, 2)
            x, y = np.meshgrid(np.cumsum(rng.random(nx) + 0.1), np.cumsum(rng.random(ny) + 0.1))
            z = rng.normal(size=(ny, nx)).cumsum(0)
            self.compare(x, y, z, None)

    def test_random_masked_grids(self):
        rng = np.random.default_rng(2)
        for index in range(24):
            ny, nx = rng.integers(3, 25, 2)
            x, y = np.meshgrid(np.cumsum(rng.random(nx) + 0.1), np.cumsum(rng.random(ny) + 0.1))
            z = rng.normal(size=(ny, nx)).cumsum(0)
            mask = rng.random((ny, nx)) < (0.05 if index % 2 else 0.15)
            if mask.all():
                continue
            for corner_mask in (True, False):
                self.compare(x, y, z, mask, corner_mask)

    def test_masked_grid_of_the_gallery(self):
        x, y = np.meshgrid(np.arange(7.0), np.arange(10.0))
        z = np.sin(0.5 * x) * np.cos(0.52 * y)
        mask = np.zeros_like(z, dtype=bool)
        mask[2, 3:5] = mask[3:5, 4] = mask[7, 2] = mask[5, 0] = mask[0, 6] = True
        for corner_mask in (True, False):
            self.compare(x, y, z, mask, corner_mask)

    def compare(self, x, y, z, mask, corner_mask=True):
        import contourpy

        grid = marching.Grid(x, y, z, mask, corner_mask)
        zv = z[~mask] if mask is not None else z
        generator = contourpy.contour_generator(x, y, z if mask is None else np.ma.array(z, mask=mask),
                                                name="mpl2014", corner_mask=corner_mask,
                                                line_type=contourpy.LineType.SeparateCode,
                                                fill_type=contourpy.FillType.OuterCode)
        for level in np.linspace(zv.min(), zv.max(), 7)[1:-1]:
            ours = marching.lines(grid, level)
            theirs, _ = generator.create_contour(level)
            self.assertEqual(len(ours), len(theirs))
            self.assertEqual({tuple(p) for x_, y_ in ours for p in np.round(np.c_[x_, y_], 9).tolist()},
                             {tuple(p) for line in theirs for p in np.round(line, 9).tolist()})
        levels = np.linspace(zv.min(), zv.max(), 6)
        for lo, hi in zip(levels[:-1], levels[1:]):
            lo = lo - 1 if lo == zv.min() else lo  # matplotlib's lowest band includes the minimum
            ours = sum(signed_area(x_, y_) for x_, y_ in marching.band(grid, lo, hi))
            vertices, codes = generator.create_filled_contour(lo, hi)
            theirs = 0.0
            for v, c in zip(vertices, codes):
                starts = np.nonzero(c == 1)[0].tolist() + [len(c)]
                theirs += sum(signed_area(v[s:e, 0], v[s:e, 1]) for s, e in zip(starts, starts[1:]))
            self.assertAlmostEqual(ours, theirs, delta=1e-9 * max(1.0, abs(theirs)))

if __name__ == "__main__":
    unittest.main()
