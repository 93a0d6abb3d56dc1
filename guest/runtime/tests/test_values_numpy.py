"""numpy values (values.py) and numpy data in the runner, natively; skipped
without numpy (the guest has it: tests/guest/numpy.rs checks it there)."""

import importlib.util
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from guest_runtime import runner, values  # noqa: E402

HAVE_NUMPY = importlib.util.find_spec("numpy") is not None


@unittest.skipUnless(HAVE_NUMPY, "numpy not installed")
class NumpyValues(unittest.TestCase):
    def setUp(self):
        import numpy as np

        self.np = np

    def test_scalars(self):
        np = self.np
        self.assertEqual(values.encode_value(np.float64(2.5)),
                         {"kind": "array", "dtype": "float64", "shape": [], "truncated": False,
                          "items": [{"kind": "float", "value": "2.5"}]})
        self.assertEqual(values.encode_value(np.int32(-7))["items"], [{"kind": "int", "value": "-7"}])
        self.assertEqual(values.encode_value(np.True_)["items"], [{"kind": "bool", "value": True}])
        self.assertEqual(values.encode_value(np.complex64(1 - 2j))["items"],
                         [{"kind": "complex", "real": "1.0", "imag": "-2.0"}])
        self.assertEqual(values.encode_value(np.str_("ab"))["dtype"], "<U2")

    def test_small_array(self):
        np = self.np
        value = values.encode_value(np.arange(6, dtype=np.int16).reshape(2, 3))
        self.assertEqual((value["dtype"], value["shape"], value["truncated"]), ("int16", [2, 3], False))
        self.assertEqual([item["value"] for item in value["items"]], ["0", "1", "2", "3", "4", "5"])
        nested = values.encode_value([np.zeros(2), {"a": np.float64(1)}])
        self.assertEqual(nested["items"][0]["shape"], [2])
        self.assertEqual(nested["items"][1]["entries"][0][1]["kind"], "array")
        special = values.encode_value(np.array([np.nan, -np.inf, -0.0]))
        self.assertEqual([item["value"] for item in special["items"]], ["nan", "-inf", "-0.0"])

    def test_large_array_is_a_preview(self):
        np = self.np
        big = np.arange(10**6).reshape(1000, 1000).T  # non-contiguous
        value = values.encode_value(big)
        self.assertTrue(value["truncated"])
        self.assertEqual(value["shape"], [1000, 1000])
        self.assertEqual(len(value["items"]), 1000)
        self.assertEqual(value["items"][1]["value"], "1000")  # row-major order of the view
        # a list of big arrays passes the 1000-item budget: the whole list is a repr
        self.assertEqual(values.encode_value([big, big])["kind"], "repr")

    def test_other_dtypes_and_subclasses(self):
        np = self.np
        structured = values.encode_value(np.zeros(2, dtype=[("x", "i4"), ("y", "f8")]))
        self.assertEqual(structured["items"][0]["kind"], "repr")
        dates = values.encode_value(np.array(["2024-01-02"], dtype="datetime64[D]"))
        self.assertEqual((dates["dtype"], dates["items"][0]["kind"]), ("datetime64[D]", "repr"))
        self.assertEqual(values.encode_value(np.ma.masked_array([1, 2], mask=[0, 1]))["kind"], "repr")
        self.assertEqual(values.encode_value(np.matrix([[1, 2]]))["kind"], "repr")
        objects = values.encode_value(np.array([1, "a", None], dtype=object))
        self.assertEqual([item["kind"] for item in objects["items"]], ["int", "str", "none"])

    def test_seed_words(self):
        self.assertEqual(runner._seed_words(0), [0])
        self.assertEqual(runner._seed_words(2**64 - 1), [2**32 - 1, 2**32 - 1])
        self.np.random.seed(runner._seed_words(2**63 + 5))  # accepted by numpy


if __name__ == "__main__":
    unittest.main()
