"""Figure.figimage: an array's pixels placed on the figure's own pixels, unresampled
(matplotlib's FigureImage; the spec's figure "images")."""

from ._plots_image import AxesImage, _grid


class FigureImage(AxesImage):
    """rows x cols figure pixels, their lower left corner xo, yo pixels from the figure's."""

    def __init__(self, figure, X, xo, yo, alpha, norm, cmap, vmin, vmax, origin):
        from . import _rc

        values, rgba, rows, cols = _grid(X)
        super().__init__(values, rgba, rows, cols, [0.0, 1.0], [0.0, 1.0], cmap=cmap, norm=norm, vmin=vmin,
                         vmax=vmax, alpha=alpha)
        self.figure, self.ox, self.oy = figure, xo, yo
        self._upper = (origin or _rc.rcParams["image.origin"]) == "upper"

    def __repr__(self):
        return f"<matplotlib.image.FigureImage at {id(self):#x}>"

    def figure_spec(self):
        import base64

        pixels = base64.b64decode(self._pixels())
        row = 4 * self._cols
        rows = [pixels[i * row:(i + 1) * row] for i in range(self._rows)]
        if not self._upper:  # row 0 at the bottom
            rows.reverse()
        return {"xo": int(round(self.ox)), "yo": int(round(self.oy)), "rows": self._rows, "cols": self._cols,
                "pixels": base64.b64encode(b"".join(rows)).decode("ascii")}


def figimage(figure, X, xo=0, yo=0, alpha=None, norm=None, cmap=None, vmin=None, vmax=None, origin=None,
             resize=False, **kwargs):
    """Add X's pixels at (xo, yo) figure pixels, as matplotlib's Figure.figimage; returns the image."""
    if resize:
        raise NotImplementedError("figimage(resize=True) is not supported in this sandbox")
    if kwargs:
        raise NotImplementedError(f"figimage(): {next(iter(kwargs))}= is not supported in this sandbox")
    if origin not in (None, "upper", "lower"):
        raise ValueError(f"{origin!r} is not a valid value for origin; supported values are 'upper', 'lower'")
    image = FigureImage(figure, X, xo, yo, alpha, norm, cmap, vmin, vmax, origin)
    figure._images.append(image)
    figure._current_mappable = image
    return image
