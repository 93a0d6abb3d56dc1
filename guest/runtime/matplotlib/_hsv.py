"""matplotlib.colors.rgb_to_hsv and hsv_to_rgb: arrays of (..., 3) floats in 0..1, computed as
matplotlib computes them (float32 or wider, hue in 0..1)."""


def _floats(values):
    import numpy as np

    arr = np.asarray(values)
    if arr.shape[-1] != 3:
        raise ValueError(f"Last dimension of input array must be 3; shape {arr.shape} was found.")
    return arr.shape, np.array(arr, dtype=np.promote_types(arr.dtype, np.float32), ndmin=2)


def rgb_to_hsv(arr):
    import numpy as np

    shape, arr = _floats(arr)
    arr_max = arr.max(-1)
    if np.any(arr_max > 1):
        raise ValueError(f"Input array must be in the range [0, 1]. Found a maximum value of {arr_max.max()}")
    if arr.min() < 0:
        raise ValueError(f"Input array must be in the range [0, 1]. Found a minimum value of {arr.min()}")
    out = np.zeros_like(arr)
    delta = np.ptp(arr, -1)
    s = np.zeros_like(delta)
    lit = arr_max > 0
    s[lit] = delta[lit] / arr_max[lit]
    coloured = delta > 0
    # The hue sector of the largest channel (later ones win ties, as in matplotlib).
    for channel, base in ((0, 0.0), (1, 2.0), (2, 4.0)):
        idx = (arr[..., channel] == arr_max) & coloured
        a, b = arr[idx, (channel + 1) % 3], arr[idx, (channel + 2) % 3]
        out[idx, 0] = base + (a - b) / delta[idx]
    out[..., 0] = (out[..., 0] / 6.0) % 1.0
    out[..., 1] = s
    out[..., 2] = arr_max
    return out.reshape(shape)


def hsv_to_rgb(hsv):
    import numpy as np

    shape, hsv = _floats(hsv)
    h, s, v = hsv[..., 0], hsv[..., 1], hsv[..., 2]
    i = (h * 6.0).astype(int)
    f = (h * 6.0) - i
    p, q, t = v * (1.0 - s), v * (1.0 - s * f), v * (1.0 - s * (1.0 - f))
    rgb = np.empty_like(hsv)
    sectors = [(i % 6 == 0, (v, t, p)), (i == 1, (q, v, p)), (i == 2, (p, v, t)), (i == 3, (p, q, v)),
               (i == 4, (t, p, v)), (i == 5, (v, p, q)), (s == 0, (v, v, v))]
    for idx, channels in sectors:
        for k, channel in enumerate(channels):
            rgb[idx, k] = channel[idx]
    return rgb.reshape(shape)
