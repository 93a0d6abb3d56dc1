"""matplotlib.colors.LightSource: hill shading of a surface lit from a direction, and blending
that shade into colours (hsv, soft light, overlay), computed with numpy as matplotlib 3.10 does."""

from ._hsv import hsv_to_rgb, rgb_to_hsv


def _vector_magnitude(arr):
    """The length of the vectors along the last axis, keeping it (and a mask)."""
    total = 0
    for i in range(arr.shape[-1]):
        total = total + arr[..., i, None] ** 2
    return total ** 0.5


class LightSource:
    """A light from azimuth azdeg (degrees clockwise from north) at altitude altdeg above the
    horizon; the hsv_* bounds are where blend_hsv pushes saturation and value."""

    def __init__(self, azdeg=315, altdeg=45, hsv_min_val=0, hsv_max_val=1, hsv_min_sat=1, hsv_max_sat=0):
        self.azdeg, self.altdeg = azdeg, altdeg
        self.hsv_min_val, self.hsv_max_val = hsv_min_val, hsv_max_val
        self.hsv_min_sat, self.hsv_max_sat = hsv_min_sat, hsv_max_sat

    @property
    def direction(self):
        """The unit vector towards the light."""
        import numpy as np

        az, alt = np.radians(90 - self.azdeg), np.radians(self.altdeg)
        return np.array([np.cos(az) * np.cos(alt), np.sin(az) * np.cos(alt), np.sin(alt)])

    def hillshade(self, elevation, vert_exag=1, dx=1, dy=1, fraction=1.0):
        """The illumination (0..1) of a 2-D elevation grid: its normals against the light."""
        import numpy as np

        e_dy, e_dx = np.gradient(vert_exag * elevation, -dy, dx)
        normal = np.empty(elevation.shape + (3,)).view(type(elevation))
        normal[..., 0] = -e_dx
        normal[..., 1] = -e_dy
        normal[..., 2] = 1
        normal /= _vector_magnitude(normal)
        return self.shade_normals(normal, fraction)

    def shade_normals(self, normals, fraction=1.0):
        """The illumination (0..1) of unit normals (..., 3), contrast scaled by fraction."""
        import numpy as np

        intensity = normals.dot(self.direction)
        imin, imax = intensity.min(), intensity.max()
        intensity *= fraction
        if (imax - imin) > 1e-6:
            intensity -= imin
            intensity /= (imax - imin)
        return np.clip(intensity, 0, 1)

    def shade(self, data, cmap, norm=None, blend_mode="overlay", vmin=None, vmax=None, vert_exag=1, dx=1, dy=1,
              fraction=1, **kwargs):
        """RGBA (..., 4) of data through cmap, shaded by its own relief."""
        from .colors import Normalize

        if vmin is None:
            vmin = data.min()
        if vmax is None:
            vmax = data.max()
        if norm is None:
            norm = Normalize(vmin=vmin, vmax=vmax)
        rgb0 = _rgba_array(cmap, norm, data)
        rgb1 = self.shade_rgb(rgb0, elevation=data, blend_mode=blend_mode, vert_exag=vert_exag, dx=dx, dy=dy,
                              fraction=fraction, **kwargs)
        rgb0[..., :3] = rgb1[..., :3]
        return rgb0

    def shade_rgb(self, rgb, elevation, fraction=1.0, blend_mode="hsv", vert_exag=1, dx=1, dy=1, **kwargs):
        """rgb (..., 3 or 4) blended with the hill shade of elevation."""
        import numpy as np

        intensity = self.hillshade(elevation, vert_exag, dx, dy, fraction)[..., np.newaxis]
        lookup = {"hsv": self.blend_hsv, "soft": self.blend_soft_light, "overlay": self.blend_overlay}
        if blend_mode in lookup:
            blend = lookup[blend_mode](rgb, intensity, **kwargs)
        else:
            try:
                blend = blend_mode(rgb, intensity, **kwargs)
            except TypeError as err:
                raise ValueError(f'"blend_mode" must be callable or one of {lookup.keys}') from err
        if np.ma.is_masked(intensity):
            mask = intensity.mask[..., 0]
            for i in range(3):
                blend[..., i][mask] = rgb[..., i][mask]
        return blend

    def blend_hsv(self, rgb, intensity, hsv_max_sat=None, hsv_max_val=None, hsv_min_val=None, hsv_min_sat=None):
        """rgb lightened or darkened in HSV towards the hsv_* bounds by intensity (..., 1)."""
        import numpy as np

        hsv_max_sat = self.hsv_max_sat if hsv_max_sat is None else hsv_max_sat
        hsv_max_val = self.hsv_max_val if hsv_max_val is None else hsv_max_val
        hsv_min_sat = self.hsv_min_sat if hsv_min_sat is None else hsv_min_sat
        hsv_min_val = self.hsv_min_val if hsv_min_val is None else hsv_min_val
        intensity = 2 * intensity[..., 0] - 1
        hsv = rgb_to_hsv(rgb[:, :, 0:3])
        hue, sat, val = np.moveaxis(hsv, -1, 0)
        np.putmask(sat, (np.abs(sat) > 1.e-10) & (intensity > 0), (1 - intensity) * sat + intensity * hsv_max_sat)
        np.putmask(sat, (np.abs(sat) > 1.e-10) & (intensity < 0), (1 + intensity) * sat - intensity * hsv_min_sat)
        np.putmask(val, intensity > 0, (1 - intensity) * val + intensity * hsv_max_val)
        np.putmask(val, intensity < 0, (1 + intensity) * val - intensity * hsv_min_val)
        np.clip(hsv[:, :, 1:], 0, 1, out=hsv[:, :, 1:])
        return hsv_to_rgb(hsv)

    def blend_soft_light(self, rgb, intensity):
        """The "soft light" blend (the pegtop formula)."""
        return 2 * intensity * rgb + (1 - 2 * intensity) * rgb ** 2

    def blend_overlay(self, rgb, intensity):
        """The "overlay" blend."""
        import numpy as np

        low = 2 * intensity * rgb
        high = 1 - 2 * (1 - intensity) * (1 - rgb)
        return np.where(rgb <= 0.5, low, high)


def _rgba_array(cmap, norm, data):
    """cmap(norm(data)) as a float array of shape data.shape + (4,), as matplotlib's."""
    import numpy as np

    normed = np.ma.masked_invalid(np.asarray(norm(data), dtype=float))
    return np.asarray(cmap(normed), dtype=float).reshape(np.shape(data) + (4,))
