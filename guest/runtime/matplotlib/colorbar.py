"""Colorbars: ``fig.colorbar(mappable, ax=ax)`` adds a narrow Axes beside ax showing the
mappable's colormap from vmin to vmax, with its ticks on the right."""

from ._plots_image import AxesImage
from .colors import BoundaryNorm

__all__ = ["Colorbar"]

_STEPS = 256  # cells of the colour gradient


class Colorbar:
    """A colorbar: .ax is its Axes; set_label(), set_ticks() and set_ticklabels() as matplotlib's."""

    def __init__(self, ax, mappable, label=""):
        self.ax, self.mappable = ax, mappable
        self.cmap, self.norm = mappable.cmap, mappable.norm
        if hasattr(mappable, "_colorbar_artists"):  # a contour set: its bands or lines, ticks at its levels
            self._init_contour(ax, mappable, label)
            return
        if isinstance(self.norm, BoundaryNorm):
            self._init_boundaries(ax, mappable, label)
            return
        vmin, vmax = mappable.get_clim()
        if vmin is None or vmax is None:
            raise ValueError("the colorbar's mappable has no data to take its limits from")
        if vmin == vmax:
            vmin, vmax = vmin - 0.1, vmax + 0.1  # a constant mappable: matplotlib's nonsingular limits
        self.vmin, self.vmax = vmin, vmax
        edges = self.norm.inverse([i / _STEPS for i in range(_STEPS + 1)])
        values = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
        gradient = AxesImage(values, None, _STEPS, 1, [0.0, 1.0], edges, cmap=self.cmap, norm=self.norm)
        gradient._role = "colorbar"
        ax._add(gradient)
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(vmin, vmax)
        ax.set_xticks([])
        if getattr(self.norm, "_transform", None) and type(self.norm).__name__ == "LogNorm":
            ax.set_yscale("log")
        if label:
            self.set_label(label)
        mappable.colorbar = self

    def _init_contour(self, ax, contours, label):
        from .ticker import FixedLocator

        artists, self.vmin, self.vmax = contours._colorbar_artists()
        for artist in artists:
            ax._add(artist)
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(self.vmin, self.vmax)
        ax.set_xticks([])
        ax.yaxis.set_major_locator(FixedLocator(contours.levels, nbins=10))
        if label:
            self.set_label(label)
        contours.colorbar = self

    def _init_boundaries(self, ax, mappable, label):
        """A BoundaryNorm's colorbar: a block per bin in its colour, ticks at the boundaries
        (FixedLocator(boundaries, nbins=10)), as matplotlib's. matplotlib spaces the blocks evenly
        ('uniform'), which is a linear axis only for evenly spaced boundaries."""
        from .ticker import FixedLocator

        bounds = self.norm.boundaries
        steps = [b - a for a, b in zip(bounds, bounds[1:])]
        if max(steps) - min(steps) > 1e-9 * (bounds[-1] - bounds[0]):
            raise NotImplementedError("colorbars of a BoundaryNorm with unevenly spaced boundaries are not "
                                      "supported in this sandbox")
        self.vmin, self.vmax = bounds[0], bounds[-1]
        mids = [(a + b) / 2 for a, b in zip(bounds, bounds[1:])]
        blocks = AxesImage(mids, None, len(mids), 1, [0.0, 1.0], list(bounds), cmap=self.cmap, norm=self.norm)
        blocks._role = "colorbar"
        ax._add(blocks)
        ax.set_xlim(0.0, 1.0)
        ax.set_ylim(self.vmin, self.vmax)
        ax.set_xticks([])
        ax.yaxis.set_major_locator(FixedLocator(bounds, nbins=10))
        if label:
            self.set_label(label)
        mappable.colorbar = self

    def set_label(self, label, *, loc=None, **kwargs):
        self.ax.set_ylabel(label, loc=loc, **kwargs)

    def set_ticks(self, ticks, *, labels=None, minor=False, **kwargs):
        self.ax.set_yticks(ticks, labels, minor=minor, **kwargs)

    def set_ticklabels(self, ticklabels, *, minor=False, **kwargs):
        self.ax.set_yticklabels(ticklabels, minor=minor, **kwargs)

    def get_ticks(self, minor=False):
        return self.ax.get_yticks()

    def remove(self):
        self.ax.remove()

    @property
    def outline(self):
        return self.ax.spines["right"]

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Colorbar.{name} is not supported in this sandbox")
