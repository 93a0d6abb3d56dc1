"""Native tests of matplotlib.colors and matplotlib.color_sequences against real matplotlib 3.10.8's
values (pasted).

Run: cd guest/runtime && python3 -m unittest discover -s tests -v
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import matplotlib  # noqa: E402
from matplotlib import colors  # noqa: E402

try:
    import numpy  # noqa: F401
    HAVE_NUMPY = True
except ImportError:
    HAVE_NUMPY = False


class NamedColorTests(unittest.TestCase):
    def test_xkcd_colors(self):
        self.assertEqual(colors.to_rgba("xkcd:crimson"), (0.5490196078431373, 0.0, 0.058823529411764705, 1.0))
        self.assertEqual(colors.to_hex("xkcd:sky blue"), "#75bbfd")
        self.assertEqual(len(colors.XKCD_COLORS), 949)


class ColorSequenceTests(unittest.TestCase):
    def test_builtin_sequences(self):
        self.assertEqual(list(matplotlib.color_sequences), [
            "tab10", "tab20", "tab20b", "tab20c", "Pastel1", "Pastel2", "Paired", "Accent", "Dark2", "Set1",
            "Set2", "Set3", "petroff10"])
        self.assertEqual(matplotlib.color_sequences["tab10"][:2], [
            (0.12156862745098039, 0.4666666666666667, 0.7058823529411765),
            (1.0, 0.4980392156862745, 0.054901960784313725)])
        self.assertEqual(matplotlib.color_sequences["Pastel1"][0],
                         (0.984313725490196, 0.7058823529411765, 0.6823529411764706))
        self.assertEqual([colors.to_hex(c) for c in matplotlib.color_sequences["petroff10"]][:3],
                         ["#3f90da", "#ffa90e", "#bd1f01"])

    def test_register(self):
        matplotlib.color_sequences.register("mine", ["red", "blue"])
        self.addCleanup(matplotlib.color_sequences.unregister, "mine")
        self.assertEqual(matplotlib.color_sequences["mine"], [(1.0, 0.0, 0.0), (0.0, 0.0, 1.0)])
        with self.assertRaises(ValueError):
            matplotlib.color_sequences.register("tab10", ["red"])


class PropCycleTests(unittest.TestCase):
    def test_calling_the_cycle_repeats_it(self):
        cycle = matplotlib.rcParams["axes.prop_cycle"]()
        colours = [next(cycle)["color"] for _ in range(11)]
        # Real matplotlib: the 10th and 11th are '#17becf', '#1f77b4'
        self.assertEqual(colours[-2:], ["#17becf", "#1f77b4"])


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class HsvTests(unittest.TestCase):
    def test_rgb_hsv_round_trip_equals_matplotlib(self):
        from matplotlib import colors

        rgb = [[0.5, 0.5, 0.5], [1.0, 0.0, 1.0], [0.0, 0.0, 0.0],
               [0.027559113243068367, 0.7535131086748066, 0.5381433132192782]]
        # Real matplotlib 3.10.8's results.
        hsv = [[0.0, 0.0, 0.5], [0.8333333333333334, 1.0, 1.0], [0.0, 0.0, 0.0],
               [0.45055476499181285, 0.9634258343673194, 0.7535131086748066]]
        back = [[0.5, 0.5, 0.5], [1.0, 0.0, 1.0], [0.0, 0.0, 0.0],
                [0.02755911324306841, 0.7535131086748066, 0.5381433132192782]]
        self.assertEqual(colors.rgb_to_hsv(rgb).tolist(), hsv)
        self.assertEqual(colors.hsv_to_rgb(colors.rgb_to_hsv(rgb)).tolist(), back)
        self.assertEqual(colors.rgb_to_hsv([0.2, 0.4, 0.6]).tolist(),
                         [0.5833333333333334, 0.6666666666666666, 0.6])
        self.assertEqual(colors.hsv_to_rgb([[0.95, 0.5, 0.7]]).tolist(), [[0.7, 0.35, 0.45500000000000024]])
        with self.assertRaisesRegex(ValueError, "range"):
            colors.rgb_to_hsv([1.5, 0, 0])



if __name__ == "__main__":
    unittest.main()
