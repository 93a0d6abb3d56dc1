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
    (between rows i and i + 1 of column j) comes after them all."""

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z
        self.ny, self.nx = z.shape
        self.horizontal = self.ny * (self.nx - 1)
        self.edges = self.horizontal + (self.ny - 1) * self.nx
        # the mean of each cell's corners, which settles saddles
        self.centre = (z[:-1, :-1] + z[:-1, 1:] + z[1:, 1:] + z[1:, :-1]) / 4

    def crossings(self, level):
        """(x, y) of the level's crossing on every edge, by edge number (meaningless where z
        does not cross the level there)."""
        z, out = self.z, []
        with np.errstate(divide="ignore", invalid="ignore"):
            for a, b in ((np.s_[:, :-1], np.s_[:, 1:]), (np.s_[:-1, :], np.s_[1:, :])):
                t = (level - z[a]) / (z[b] - z[a])
                out.append((self.x[a] + t * (self.x[b] - self.x[a]), self.y[a] + t * (self.y[b] - self.y[a])))
        return (np.concatenate([out[0][0].ravel(), out[1][0].ravel()]),
                np.concatenate([out[0][1].ravel(), out[1][1].ravel()]))

    def segments(self, level):
        """(from, to) edge numbers of the level's segments, the region above on their left."""
        above = self.z > level
        case = (above[:-1, :-1] * 1 + above[:-1, 1:] * 2 + above[1:, 1:] * 4 + above[1:, :-1] * 8)
        i, j = np.nonzero((case != 0) & (case != 15))
        row = case[i, j] * 2 + (self.centre[i, j] > level)
        nx, h = self.nx, self.horizontal
        cell_edges = np.stack([i * (nx - 1) + j, h + i * nx + j + 1, (i + 1) * (nx - 1) + j, h + i * nx + j])
        cells = np.arange(len(i))
        starts, ends = [cell_edges[_FIRST[row, 0], cells]], [cell_edges[_FIRST[row, 1], cells]]
        saddle = _SECOND[row, 0] >= 0
        if saddle.any():
            starts.append(cell_edges[_SECOND[row[saddle], 0], cells[saddle]])
            ends.append(cell_edges[_SECOND[row[saddle], 1], cells[saddle]])
        return np.concatenate(starts), np.concatenate(ends)

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
    _border_pieces(grid, lower, upper, offset, starts, ends)
    allx, ally = np.concatenate(xs), np.concatenate(ys)
    return [(allx[ring], ally[ring]) for ring in _chains(starts, ends)]


def _border_pieces(grid, lower, upper, offset, starts, ends):
    """Appends the stretches of the grid's border inside the band, anticlockwise, as
    (from key, to key) pieces between corners and crossings."""
    z, nx, e = grid.z, grid.nx, grid.edges
    corners, edges = grid.border()
    values = [float(z[i, j]) for i, j in corners]
    keys = [i * nx + j for i, j in corners]
    count = len(corners)
    for n in range(count):
        zp, zq = values[n], values[(n + 1) % count]
        events = []
        if (zp > lower) != (zq > lower):
            events.append(offset + edges[n])
        if (zp > upper) != (zq > upper):
            events.append(offset + e + edges[n])
        if zq < zp:
            events.reverse()  # falling: the upper crossing comes first
        inside = lower < zp <= upper
        start = keys[n]
        for key in events:
            if inside:
                starts.append(start)
                ends.append(key)
            start, inside = key, not inside
        if inside:
            starts.append(start)
            ends.append(keys[(n + 1) % count])


def _chains(starts, ends):
    """The segments (starts[k] -> ends[k]) joined end to start: open chains from the starts no
    segment ends at, then the closed loops (their first key repeated at the end)."""
    following = dict(zip(starts, ends))
    ended = set(ends)
    heads = [k for k in following if k not in ended]
    chains = []
    for head in heads + list(following):
        if head not in following:
            continue
        chain = [head]
        key = head
        while key in following:
            key = following.pop(key)
            chain.append(key)
        chains.append(chain)
    return chains
