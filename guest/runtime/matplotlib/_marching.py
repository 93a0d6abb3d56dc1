"""Marching squares on a quadrilateral grid, as contourpy's "mpl2014" algorithm (matplotlib's
default) draws contours, written with numpy.

A contour line at a level crosses each cell edge whose two corners lie on either side of the
level (above means z > level), at the point found by linear interpolation along the edge, and
runs straight between the crossings of a cell.  A saddle cell (two opposite corners above)
joins its high corners when the mean of its four corners is above the level.  Every segment is
oriented with the region above the level on its left (walking the grid's index space with j
as x and i as y), so the segments join into lines by their shared edge crossings, and a
filled band's boundary (its lower level's lines, its upper level's lines reversed and the
grid's border inside the band) joins into rings with the band on their left: filled by the
nonzero rule they give the band with its holes.
"""

import numpy as np


def _segment_table():
    """(first, second) tables of (from edge, to edge) per cell case * 2 + centre above, -1 for
    none; edges 0 bottom, 1 right, 2 top, 3 left; case bits 1 bl, 2 br, 4 tr, 8 tl."""
    first = np.full((32, 2), -1, dtype=np.intp)
    second = np.full((32, 2), -1, dtype=np.intp)
    for case in range(16):
        above = [(case >> k) & 1 for k in range(4)]  # corners bl, br, tr, tl: anticlockwise
        exits = [k for k in range(4) if above[k] and not above[(k + 1) % 4]]
        enters = [k for k in range(4) if not above[k] and above[(k + 1) % 4]]
        for centre in (0, 1):
            row = case * 2 + centre
            if len(exits) == 1:
                first[row] = (exits[0], enters[0])
            elif len(exits) == 2:
                step = 1 if centre else -1  # high centre: cut off the low corners
                first[row] = (exits[0], (exits[0] + step) % 4)
                second[row] = (exits[1], (exits[1] + step) % 4)
    return first, second


_FIRST, _SECOND = _segment_table()


class Grid:
    """x, y and z of shape (ny, nx), with the edge numbering the segments use: horizontal edge
    (i, j) (between columns j and j + 1 of row i) is i * (nx - 1) + j, vertical edge (i, j)
    (between rows i and i + 1 of column j) comes after them all, then each cell's diagonal.

    mask (bool, shape of z) leaves points out, as contourpy's mpl2014 does: a cell with a
    masked corner is not contoured, except that with corner_mask the triangle of the other
    three corners of a cell with one masked corner is (cut along that cell's diagonal)."""

    def __init__(self, x, y, z, mask=None, corner_mask=True):
        self.x, self.y, self.z = x, y, z
        self.corner_mask = corner_mask
        self.ny, self.nx = z.shape
        self.horizontal = self.ny * (self.nx - 1)
        self.vertical = (self.ny - 1) * self.nx
        self.edges = self.horizontal + self.vertical + (self.ny - 1) * (self.nx - 1)
        # the mean of each cell's corners, which settles saddles
        self.centre = (z[:-1, :-1] + z[:-1, 1:] + z[1:, 1:] + z[1:, :-1]) / 4
        self.mask = mask if mask is not None and mask.any() else None
        if self.mask is None:
            self.full = np.ones((self.ny - 1, self.nx - 1), dtype=bool)
            self.missing = np.full((self.ny - 1, self.nx - 1), -1)
        else:
            m = self.mask
            corners = np.stack([m[:-1, :-1], m[:-1, 1:], m[1:, 1:], m[1:, :-1]])  # bl, br, tr, tl
            count = corners.sum(axis=0)
            self.full = count == 0
            # the masked corner of a cell contoured as a triangle, else -1
            self.missing = np.where((count == 1) & bool(corner_mask), corners.argmax(axis=0), -1)

    def lines(self, level):
        """The level's contour lines (see lines())."""
        return lines(self, level)

    def band(self, lower, upper):
        """The rings bounding lower < z <= upper (see band())."""
        return band(self, lower, upper)

    def masked_nonpositive(self):
        """This grid with z <= 0 masked too (contours on a log scale)."""
        mask = self.z <= 0 if self.mask is None else self.mask | (self.z <= 0)
        return Grid(self.x, self.y, self.z, mask, self.corner_mask)

    def zrange(self):
        """(min, max) of the unmasked z."""
        z = self.z if self.mask is None else self.z[~self.mask]
        return float(z.min()), float(z.max())

    def _cell_edges(self, i, j):
        """Edge numbers of cells (i, j): bottom, right, top, left, diagonal (rows of an array)."""
        nx, h, v = self.nx, self.horizontal, self.vertical
        return np.stack([i * (nx - 1) + j, h + i * nx + j + 1, (i + 1) * (nx - 1) + j, h + i * nx + j,
                         h + v + i * (nx - 1) + j])

    def crossings(self, level):
        """(x, y) of the level's crossing on every edge, by edge number (meaningless where z
        does not cross the level there)."""
        z, out = self.z, []
        # a cell's diagonal joins the neighbours of its masked corner: br-tl if bl or tr is masked
        other = (self.missing == 0) | (self.missing == 2)
        with np.errstate(divide="ignore", invalid="ignore"):
            for a, b in ((np.s_[:, :-1], np.s_[:, 1:]), (np.s_[:-1, :], np.s_[1:, :])):
                t = (level - z[a]) / (z[b] - z[a])
                out.append((self.x[a] + t * (self.x[b] - self.x[a]), self.y[a] + t * (self.y[b] - self.y[a])))
            if self.mask is not None:
                ends = [[np.where(other, arr[sb], arr[sa]) for sa, sb in
                         ((np.s_[:-1, :-1], np.s_[:-1, 1:]), (np.s_[1:, 1:], np.s_[1:, :-1]))]
                        for arr in (self.x, self.y, z)]
                (x0, x1), (y0, y1), (z0, z1) = ends
                t = (level - z0) / (z1 - z0)
                out.append((x0 + t * (x1 - x0), y0 + t * (y1 - y0)))
            else:
                out.append((np.zeros(self.centre.shape), np.zeros(self.centre.shape)))
        return (np.concatenate([part[0].ravel() for part in out]),
                np.concatenate([part[1].ravel() for part in out]))

    def segments(self, level):
        """(from, to) edge numbers of the level's segments, the region above on their left."""
        above = self.z > level
        case = (above[:-1, :-1] * 1 + above[:-1, 1:] * 2 + above[1:, 1:] * 4 + above[1:, :-1] * 8)
        i, j = np.nonzero((case != 0) & (case != 15) & self.full)
        row = case[i, j] * 2 + (self.centre[i, j] > level)
        cell_edges = self._cell_edges(i, j)
        cells = np.arange(len(i))
        starts, ends = [cell_edges[_FIRST[row, 0], cells]], [cell_edges[_FIRST[row, 1], cells]]
        saddle = _SECOND[row, 0] >= 0
        if saddle.any():
            starts.append(cell_edges[_SECOND[row[saddle], 0], cells[saddle]])
            ends.append(cell_edges[_SECOND[row[saddle], 1], cells[saddle]])
        if self.mask is not None:
            self._triangle_segments(case, starts, ends)
        return np.concatenate(starts), np.concatenate(ends)

    def _triangle_segments(self, case, starts, ends):
        """Appends the segments of the corner-masked cells' triangles: corners k + 1, k + 2,
        k + 3 (anticlockwise, k the masked one), edges k + 1, k + 2 and the diagonal."""
        i, j = np.nonzero(self.missing >= 0)
        if not len(i):
            return
        k = self.missing[i, j]
        cell_edges = self._cell_edges(i, j)
        cells = np.arange(len(i))
        corners = [(k + m) % 4 for m in (1, 2, 3)]
        edges = [cell_edges[corners[0], cells], cell_edges[corners[1], cells], cell_edges[4]]
        above = [(case[i, j] >> corner) & 1 for corner in corners]
        for m in range(3):
            n = (m + 1) % 3
            exits = (above[m] == 1) & (above[n] == 0)
            for e in range(3):
                f = (e + 1) % 3
                enters = exits & (above[e] == 0) & (above[f] == 1)
                starts.append(edges[m][enters])
                ends.append(edges[e][enters])

    def boundary(self):
        """The edges around the unmasked cells and triangles, each with the region on its
        left: (from corner key, to corner key, edge number) arrays, a corner's key being
        i * nx + j."""
        nx = self.nx
        key = np.arange(self.ny * nx).reshape(self.ny, nx)
        corner_keys = [key[:-1, :-1], key[:-1, 1:], key[1:, 1:], key[1:, :-1]]
        froms, tos, numbers = [], [], []
        i, j = np.nonzero(self.full)
        cell_edges = self._cell_edges(i, j)
        for m in range(4):
            froms.append(corner_keys[m][i, j])
            tos.append(corner_keys[(m + 1) % 4][i, j])
            numbers.append(cell_edges[m])
        i, j = np.nonzero(self.missing >= 0)
        k = self.missing[i, j]
        cell_edges = self._cell_edges(i, j)
        cells = np.arange(len(i))
        stacked = np.stack([c[i, j] for c in corner_keys])
        corners = [(k + m) % 4 for m in (1, 2, 3)]
        for m, edge in ((0, cell_edges[corners[0], cells]), (1, cell_edges[corners[1], cells]), (2, cell_edges[4])):
            froms.append(stacked[corners[m], cells])
            tos.append(stacked[corners[(m + 1) % 3], cells])
            numbers.append(edge)
        froms, tos, numbers = np.concatenate(froms), np.concatenate(tos), np.concatenate(numbers)
        once = np.bincount(numbers, minlength=self.edges)[numbers] == 1
        return froms[once], tos[once], numbers[once]

    def border(self):
        """The border's corners anticlockwise as (i, j) pairs, and the edge between each and
        the next."""
        ny, nx = self.ny, self.nx
        corners = ([(0, j) for j in range(nx - 1)] + [(i, nx - 1) for i in range(ny - 1)]
                   + [(ny - 1, j) for j in range(nx - 1, 0, -1)] + [(i, 0) for i in range(ny - 1, 0, -1)])
        edges = []
        for (i0, j0), (i1, j1) in zip(corners, corners[1:] + corners[:1]):
            if i0 == i1:
                edges.append(i0 * (nx - 1) + min(j0, j1))
            else:
                edges.append(self.horizontal + min(i0, i1) * nx + j0)
        return corners, edges


def lines(grid, level):
    """The level's contour lines: a list of (x array, y array), closed loops ending where they
    start."""
    starts, ends = grid.segments(level)
    if not len(starts):
        return []
    cx, cy = grid.crossings(level)
    return [(cx[chain], cy[chain]) for chain in _chains(starts.tolist(), ends.tolist())]


def band(grid, lower, upper):
    """The rings (x array, y array) bounding lower < z <= upper, the band on their left;
    lower may be -inf and upper inf."""
    e = grid.edges
    pieces_from, pieces_to = [], []
    xs, ys = [grid.x.ravel()], [grid.y.ravel()]  # keys: corner i * nx + j, then the crossings
    offset = grid.z.size
    for level, slot in ((lower, 0), (upper, 1)):
        if not np.isfinite(level):
            xs.append(np.zeros(e))
            ys.append(np.zeros(e))
            continue
        a, b = grid.segments(level)
        a, b = a + offset + slot * e, b + offset + slot * e
        pieces_from.append(a if slot == 0 else b)  # the upper level's lines run backwards
        pieces_to.append(b if slot == 0 else a)
        cx, cy = grid.crossings(level)
        xs.append(cx)
        ys.append(cy)
    starts = [k for part in pieces_from for k in part.tolist()]
    ends = [k for part in pieces_to for k in part.tolist()]
    if grid.mask is None:
        _border_pieces(grid, lower, upper, offset, starts, ends)
    else:
        _boundary_pieces(grid, lower, upper, offset, starts, ends)
    allx, ally = np.concatenate(xs), np.concatenate(ys)
    return [(allx[ring], ally[ring]) for ring in _chains(starts, ends)]


def _border_pieces(grid, lower, upper, offset, starts, ends):
    """Appends the stretches of the grid's border inside the band, anticlockwise, as
    (from key, to key) pieces between corners and crossings."""
    z, nx = grid.z, grid.nx
    corners, edges = grid.border()
    values = [float(z[i, j]) for i, j in corners]
    keys = [i * nx + j for i, j in corners]
    count = len(corners)
    for n in range(count):
        m = (n + 1) % count
        edge_pieces((keys[n], values[n]), (keys[m], values[m]), edges[n], (lower, upper),
                    (offset, grid.edges), _strictly_above, starts, ends)


def _boundary_pieces(grid, lower, upper, offset, starts, ends):
    """Appends the stretches of the unmasked region's boundary inside the band, as
    _border_pieces does for the grid's border."""
    z = grid.z.ravel()
    for p, q, edge in zip(*(part.tolist() for part in grid.boundary())):
        edge_pieces((p, float(z[p])), (q, float(z[q])), edge, (lower, upper), (offset, grid.edges),
                    _strictly_above, starts, ends)


def _strictly_above(value, level):
    """contourpy's side of a level: strictly above it."""
    return value > level


def edge_pieces(p, q, edge, band, keys, above, starts, ends):
    """Appends the stretches of the boundary edge p -> q (each a (key, value) pair) inside the
    band (lower, upper) as (from key, to key) pieces, cut where the edge crosses a level: at key
    offset + edge for the lower level, offset + edges + edge for the upper (keys = (offset,
    edges)). above(value, level) tells which side of a level a value is on."""
    (start, zp), (end, zq) = p, q
    (lower, upper), (offset, edges) = band, keys
    events = []
    if above(zp, lower) != above(zq, lower):
        events.append(offset + edge)
    if above(zp, upper) != above(zq, upper):
        events.append(offset + edges + edge)
    if zq < zp:
        events.reverse()  # falling: the upper crossing comes first
    inside = above(zp, lower) and not above(zp, upper)
    for key in events:
        if inside:
            starts.append(start)
            ends.append(key)
        start, inside = key, not inside
    if inside:
        starts.append(start)
        ends.append(end)


def _chains(starts, ends):
    """The segments (starts[k] -> ends[k]) joined end to start: open chains from the starts no
    segment ends at, then the closed loops (their first key repeated at the end).  A key two
    segments start at (unmasked cells touching at a corner only) is passed through once per
    pair: any pairing gives rings of the same winding, so the same filled region."""
    following = dict(zip(starts, ends))
    extra = {}
    if len(following) != len(starts):
        following = {}
        for start, end in zip(starts, ends):
            if start in following:
                extra.setdefault(start, []).append(end)
            else:
                following[start] = end
    ended = set(ends)
    heads = [k for k in following if k not in ended]
    chains = []
    for head in heads + list(following):
        while head in following:  # again for a key left with a second segment
            chain = [head]
            key = head
            while key in following:
                nxt = following.pop(key)
                if extra.get(key):
                    following[key] = extra[key].pop()
                key = nxt
                chain.append(key)
            chains.append(chain)
    return chains
