"""matplotlib.colors.LightSource against matplotlib 3.10.8's numbers for the same input.

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402

from matplotlib.colors import LightSource  # noqa: E402

Z = np.array([[0.0, 1.0, 3.0, 2.0], [1.0, 2.5, 4.0, 1.0], [0.5, 1.5, 2.0, 0.0]])
RGB = np.array([[[0.1, 0.5, 0.9], [0.6, 0.2, 0.4], [0.9, 0.9, 0.1], [0.3, 0.3, 0.3]]] * 3)
# matplotlib 3.10.8: LightSource(azdeg=200, altdeg=30).hillshade(Z, vert_exag=2, dx=0.5, dy=2, fraction=0.8)
# and .shade_rgb(RGB, Z, blend_mode=...), rounded to 12 decimals
HILL = [[0.411627038899, 0.377101428415, 0.325401786362, 0.246924793246], [0.539081911079, 0.539081911079, 0.223673374478, 0.04365780691], [0.692575741118, 0.84365780691, 0.530138873228, 0.095900031815]]
HSV = [[[0.003997063935, 0.091965495175, 0.179933926414], [0.0, 0.0, 0.0], [0.012349116023, 0.012349116023, 1.8827243e-05], [0.516611259167, 0.516611259167, 0.516611259167]], [[0.094953761573, 0.485975874155, 0.876997986737], [0.584665324491, 0.189907523146, 0.387286423819], [0.916299032018, 0.916299032018, 0.234564668095], [0.137035976572, 0.137035976572, 0.137035976572]], [[0.718580754283, 0.844677424948, 0.970774095613], [1.0, 1.0, 1.0], [0.97185881927, 0.97185881927, 0.728754333248], [0.229655734421, 0.229655734421, 0.229655734421]]]
SOFT = [[[0.027993392641, 0.299981646226, 0.827993392641], [0.36, 0.04, 0.16], [0.811234911602, 0.811234911602, 0.011234911602], [0.36498337775, 0.36498337775, 0.36498337775]], [[0.097699798674, 0.493610551871, 0.897699798674], [0.593866129797, 0.195910753198, 0.393866129797], [0.914669128816, 0.914669128816, 0.114669128816], [0.185925183601, 0.185925183601, 0.185925183601]], [[0.163696686052, 0.676935239033, 0.963696686052], [0.84, 0.36, 0.64], [0.964672937343, 0.964672937343, 0.164672937343], [0.250759014094, 0.250759014094, 0.250759014094]]]
OVERLAY = [[[0.01999265849, 0.099963292452, 0.81999265849], [0.2, 0.0, 0.0], [0.801372124003, 0.801372124003, 0.001372124003], [0.392833396786, 0.392833396786, 0.392833396786]], [[0.097444220749, 0.487221103743, 0.897444220749], [0.589776882994, 0.194888441497, 0.389776882994], [0.916299032018, 0.916299032018, 0.116299032018], [0.137035976572, 0.137035976572, 0.137035976572]], [[0.170774095613, 0.853870478066, 0.970774095613], [1.0, 0.4, 0.8], [0.97185881927, 0.97185881927, 0.17185881927], [0.229655734421, 0.229655734421, 0.229655734421]]]


class LightSourceTests(unittest.TestCase):
    def test_hillshade_and_blend_modes_match_matplotlib(self):
        ls = LightSource(azdeg=200, altdeg=30)
        np.testing.assert_allclose(ls.hillshade(Z, vert_exag=2, dx=0.5, dy=2, fraction=0.8), HILL, atol=1e-11)
        for mode, expected in (("hsv", HSV), ("soft", SOFT), ("overlay", OVERLAY)):
            np.testing.assert_allclose(ls.shade_rgb(RGB, Z, blend_mode=mode), expected, atol=1e-11, err_msg=mode)

    def test_shade_keeps_alpha_and_takes_masked_elevations(self):
        ls = LightSource()
        zm = np.ma.masked_greater(Z, 3.5)
        rgba = ls.shade(zm, lambda x: np.dstack([x, x, x, np.full(x.shape, 0.5)]), blend_mode="soft")
        self.assertEqual(rgba.shape, (3, 4, 4))
        np.testing.assert_allclose(rgba[..., 3], 0.5)
        blended = ls.shade_rgb(RGB, zm, blend_mode="overlay")
        np.testing.assert_allclose(blended[1, 2], [0.85876207, 0.85876207, 0.05876207], atol=1e-8)  # matplotlib
        with self.assertRaises(ValueError):
            ls.shade_rgb(RGB, Z, blend_mode="nonsense")


if __name__ == "__main__":
    unittest.main()
