"""matplotlib.tri.Triangulation: points and the triangles joining them, given or Delaunay's."""

import numpy as np

from ._delaunay import delaunay


class Triangulation:
    """An unstructured triangular grid of npoints points and ntri triangles, as matplotlib's.

    Without triangles it is the Delaunay triangulation of the points: the same triangles as
    matplotlib's qhull gives (each anticlockwise), listed in another order.  A triangulation
    whose unmasked triangles depend on a choice between equally Delaunay ones (four or more
    points on one circle) is refused when drawn, as qhull's choice cannot be reproduced."""

    def __init__(self, x, y, triangles=None, mask=None):
        self.x = np.asarray(x, dtype=np.float64)
        self.y = np.asarray(y, dtype=np.float64)
        if self.x.shape != self.y.shape or self.x.ndim != 1:
            raise ValueError("x and y must be equal-length 1D arrays, but "
                             f"found shapes {self.x.shape!r} and {self.y.shape!r}")
        self.mask = None
        self._edges = None
        self._ambiguous = ()
        self.is_delaunay = False
        if triangles is None:
            self.triangles, self._ambiguous = delaunay(self.x, self.y)
            self.is_delaunay = True
        else:
            try:
                self.triangles = np.array(triangles, dtype=np.int32, order="C")
            except ValueError as e:
                raise ValueError(f"triangles must be a (N, 3) int array, not {triangles!r}") from e
            if self.triangles.ndim != 2 or self.triangles.shape[1] != 3:
                raise ValueError(f"triangles must be a (N, 3) int array, but found shape {self.triangles.shape!r}")
            if self.triangles.max() >= len(self.x):
                raise ValueError("triangles are indices into the points and must be in the range 0 <= i < "
                                 f"{len(self.x)} but found value {self.triangles.max()}")
            if self.triangles.min() < 0:
                raise ValueError("triangles are indices into the points and must be in the range 0 <= i < "
                                 f"{len(self.x)} but found value {self.triangles.min()}")
        self.set_mask(mask)

    def set_mask(self, mask):
        """Set (a bool array of length ntri) or clear (None) the mask."""
        if mask is None:
            self.mask = None
        else:
            self.mask = np.asarray(mask, dtype=bool)
            if self.mask.shape != (self.triangles.shape[0],):
                raise ValueError("mask array must have same length as triangles array")
        self._edges = None

    def calculate_plane_coefficients(self, z):
        """(ntri, 3) array: z = a * x + b * y + c on each unmasked triangle."""
        from ._triinterpolate import plane_coefficients

        return plane_coefficients(self, np.asarray(z, dtype=np.float64))

    def get_masked_triangles(self):
        """The triangles the mask leaves."""
        return self.triangles if self.mask is None else self.triangles[~self.mask]

    @property
    def edges(self):
        """(nedges, 2) int array of the unmasked triangles' edges, each once, as matplotlib's:
        the larger point index first, sorted."""
        if self._edges is None:
            tris = self.get_masked_triangles()
            pairs = np.concatenate([tris[:, [0, 1]], tris[:, [1, 2]], tris[:, [2, 0]]])
            pairs = np.column_stack([pairs.max(axis=1), pairs.min(axis=1)])
            self._edges = np.unique(pairs, axis=0).astype(np.int32).reshape(-1, 2)
        return self._edges

    def _check_drawable(self, call):
        """Refuses a Delaunay triangulation whose unmasked triangles hang on a cocircular tie."""
        if not self._ambiguous:
            return
        tris = self.get_masked_triangles()
        used = {(min(a, b), max(a, b)) for t in tris.tolist() for a, b in ((t[0], t[1]), (t[1], t[2]), (t[2], t[0]))}
        if any(edge in used for edge in self._ambiguous):
            raise NotImplementedError(f"{call} of a Delaunay triangulation of cocircular points (more than one "
                                      "Delaunay triangulation; qhull's choice) is not supported in this sandbox; "
                                      "pass triangles= or mask the triangles between them")

    @staticmethod
    def get_from_args_and_kwargs(*args, **kwargs):
        """(Triangulation, remaining args, remaining kwargs) of a tri* call's arguments."""
        if isinstance(args[0], Triangulation):
            triangulation, *args = args
            kwargs.pop("triangles", None)
            kwargs.pop("mask", None)
            return triangulation, args, kwargs
        x, y, *args = args
        triangles = kwargs.pop("triangles", None)
        from_args = False
        if triangles is None and args:
            triangles, from_args = args[0], True
        if triangles is not None:
            try:
                triangles = np.asarray(triangles, dtype=np.int32)
            except (ValueError, TypeError):
                triangles = None
        if triangles is not None and (triangles.ndim != 2 or triangles.shape[1] != 3):
            triangles = None
        if triangles is not None and from_args:
            args = args[1:]
        mask = kwargs.pop("mask", None)
        return Triangulation(x, y, triangles, mask), args, kwargs

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        raise NotImplementedError(f"Triangulation.{name} is not supported in this sandbox")
