"""streamplot()'s trajectories, as matplotlib's streamplot module finds them (its numbers).

Coordinates, as there: grid coordinates run 0..nx-1 / 0..ny-1 over the data grid; mask
coordinates 0..30*density over a coarse mask in which each cell may be crossed by one
streamline; lengths are in axes coordinates (0..1 across the grid).  A trajectory starts at a
free mask cell (spiralling in from the corner, or at the given start points), is integrated
backward then forward with Heun's method (RK12) at an adaptive step (error below 0.003, step at
most one mask cell), marks the mask cells it enters, stops at the grid's edge (an Euler step onto
it), at a masked or zero speed, at an occupied cell (unless broken_streamlines is False) or at
maxlength; trajectories not longer than minlength are undone.

The port works on plain floats (the same IEEE operations, in the same order, as matplotlib's
numpy scalars; math.hypot may round the step error one unit apart)."""

import math

import numpy as np


class InvalidIndexError(Exception):
    pass


class TerminateTrajectory(Exception):
    pass


class OutOfBounds(IndexError):
    pass


class Grid:
    """The evenly spaced, strictly increasing data grid (1-D or meshgrid-like 2-D x and y)."""

    def __init__(self, x, y):
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        if x.ndim == 2:
            if not np.allclose(x[0], x):
                raise ValueError("The rows of 'x' must be equal")
            x = x[0]
        elif x.ndim != 1:
            raise ValueError("'x' can have at maximum 2 dimensions")
        if y.ndim == 2:
            yt = np.transpose(y)
            if not np.allclose(yt[0], yt):
                raise ValueError("The columns of 'y' must be equal")
            y = yt[0]
        elif y.ndim != 1:
            raise ValueError("'y' can have at maximum 2 dimensions")
        if not (np.diff(x) > 0).all():
            raise ValueError("'x' must be strictly increasing")
        if not (np.diff(y) > 0).all():
            raise ValueError("'y' must be strictly increasing")
        self.nx, self.ny = len(x), len(y)
        self.dx, self.dy = x[1] - x[0], y[1] - y[0]
        self.x_origin, self.y_origin = x[0], y[0]
        self.width, self.height = x[-1] - x[0], y[-1] - y[0]
        if not np.allclose(np.diff(x), self.width / (self.nx - 1)):
            raise ValueError("'x' values must be equally spaced")
        if not np.allclose(np.diff(y), self.height / (self.ny - 1)):
            raise ValueError("'y' values must be equally spaced")

    @property
    def shape(self):
        return self.ny, self.nx

    def within_grid(self, xi, yi):
        return 0 <= xi <= self.nx - 1 and 0 <= yi <= self.ny - 1


class StreamMask:
    """The coarse mask of cells crossed by streamlines (30 x 30 at density 1)."""

    def __init__(self, density):
        try:
            self.nx, self.ny = (int(v) for v in (30 * np.broadcast_to(density, 2)).astype(int))
        except ValueError as err:
            raise ValueError("'density' must be a scalar or be of length 2") from err
        if self.nx < 0 or self.ny < 0:
            raise ValueError("'density' must be positive")
        self.cells = [[0] * self.nx for _ in range(self.ny)]
        self.shape = (self.ny, self.nx)
        self.current = None
        self.trajectory = []

    def start(self, xm, ym, broken):
        self.trajectory = []
        self.update(xm, ym, broken)

    def undo(self):
        for ym, xm in self.trajectory:
            self.cells[ym][xm] = 0

    def update(self, xm, ym, broken):
        if self.current != (xm, ym):
            if self.cells[ym][xm] == 0:
                self.trajectory.append((ym, xm))
                self.cells[ym][xm] = 1
                self.current = (xm, ym)
            elif broken:
                raise InvalidIndexError


class DomainMap:
    """Conversions between data, grid and mask coordinates."""

    def __init__(self, grid, mask):
        self.grid, self.mask = grid, mask
        self.x_grid2mask = (mask.nx - 1) / (grid.nx - 1)
        self.y_grid2mask = (mask.ny - 1) / (grid.ny - 1)
        self.x_mask2grid = 1. / self.x_grid2mask
        self.y_mask2grid = 1. / self.y_grid2mask
        self.x_data2grid = 1. / grid.dx
        self.y_data2grid = 1. / grid.dy

    def grid2mask(self, xi, yi):
        return round(xi * self.x_grid2mask), round(yi * self.y_grid2mask)

    def mask2grid(self, xm, ym):
        return xm * self.x_mask2grid, ym * self.y_mask2grid

    def data2grid(self, xd, yd):
        return xd * self.x_data2grid, yd * self.y_data2grid

    def grid2data(self, xg, yg):
        return xg / self.x_data2grid, yg / self.y_data2grid

    def start_trajectory(self, xg, yg, broken):
        self.mask.start(*self.grid2mask(xg, yg), broken)

    def reset_start_point(self, xg, yg):
        self.mask.current = self.grid2mask(xg, yg)

    def update_trajectory(self, xg, yg, broken):
        if not self.grid.within_grid(xg, yg):
            raise InvalidIndexError
        self.mask.update(*self.grid2mask(xg, yg), broken)


def _rows(array):
    """A masked 2-D array as rows of floats, None where masked."""
    mask = np.ma.getmaskarray(array)
    data = np.ma.getdata(array).astype(float)
    return [[None if m else v for v, m in zip(row, mrow)] for row, mrow in zip(data.tolist(), mask.tolist())]


def _interp(rows, xi, yi, nx, ny):
    """matplotlib's interpgrid at one point: bilinear between the four grid values around it;
    a masked one ends the trajectory."""
    x, y = int(xi), int(yi)
    xn = x if x == nx - 1 else x + 1
    yn = y if y == ny - 1 else y + 1
    a00, a01, a10, a11 = rows[y][x], rows[y][xn], rows[yn][x], rows[yn][xn]
    if a00 is None or a01 is None or a10 is None or a11 is None:
        raise TerminateTrajectory
    xt, yt = xi - x, yi - y
    a0 = a00 * (1 - xt) + a01 * xt
    a1 = a10 * (1 - xt) + a11 * xt
    return a0 * (1 - yt) + a1 * yt


def interpgrid(a, xi, yi):
    """matplotlib's interpgrid along arrays of grid points (masked values stay masked)."""
    ny, nx = np.shape(a)
    x, y = xi.astype(int), yi.astype(int)
    xn, yn = np.clip(x + 1, 0, nx - 1), np.clip(y + 1, 0, ny - 1)
    a00, a01, a10, a11 = a[y, x], a[y, xn], a[yn, x], a[yn, xn]
    xt, yt = xi - x, yi - y
    a0 = a00 * (1 - xt) + a01 * xt
    a1 = a10 * (1 - xt) + a11 * xt
    return a0 * (1 - yt) + a1 * yt


def get_integrator(u, v, dmap, minlength, maxlength, integration_direction):
    """integrate(x0, y0, broken): a trajectory's (n, 2) grid points, or None (too short)."""
    u, v = dmap.data2grid(u, v)
    u_ax = u / (dmap.grid.nx - 1)
    v_ax = v / (dmap.grid.ny - 1)
    speed = np.ma.sqrt(u_ax ** 2 + v_ax ** 2)
    nx, ny = dmap.grid.nx, dmap.grid.ny
    u_rows, v_rows, speed_rows = _rows(u), _rows(v), _rows(speed)
    grid = dmap.grid

    def forward_time(xi, yi):
        if not grid.within_grid(xi, yi):
            raise OutOfBounds
        ds_dt = _interp(speed_rows, xi, yi, nx, ny)
        if ds_dt == 0:
            raise TerminateTrajectory
        dt_ds = 1. / ds_dt
        ui = _interp(u_rows, xi, yi, nx, ny)
        vi = _interp(v_rows, xi, yi, nx, ny)
        return ui * dt_ds, vi * dt_ds

    def backward_time(xi, yi):
        dxi, dyi = forward_time(xi, yi)
        return -dxi, -dyi

    def integrate(x0, y0, broken=True):
        stotal, xy_traj = 0., []
        try:
            dmap.start_trajectory(x0, y0, broken)
        except InvalidIndexError:
            return None
        if integration_direction in ("both", "backward"):
            s, xyt = _integrate_rk12(x0, y0, dmap, backward_time, maxlength, broken)
            stotal += s
            xy_traj += xyt[::-1]
        if integration_direction in ("both", "forward"):
            dmap.reset_start_point(x0, y0)
            s, xyt = _integrate_rk12(x0, y0, dmap, forward_time, maxlength, broken)
            stotal += s
            xy_traj += xyt[1:]
        if stotal > minlength:
            return np.array(xy_traj, dtype=float).reshape(-1, 2)
        dmap.mask.undo()
        return None

    return integrate


def _integrate_rk12(x0, y0, dmap, f, maxlength, broken):
    """Heun's method at an adaptive step, as matplotlib's _integrate_rk12."""
    maxerror = 0.003
    maxds = min(1. / dmap.mask.nx, 1. / dmap.mask.ny, 0.1)
    ds = maxds
    stotal = 0
    xi, yi = x0, y0
    xyf_traj = []
    ny, nx = dmap.grid.shape
    while True:
        try:
            if dmap.grid.within_grid(xi, yi):
                xyf_traj.append((xi, yi))
            else:
                raise OutOfBounds
            k1x, k1y = f(xi, yi)
            k2x, k2y = f(xi + ds * k1x, yi + ds * k1y)
        except OutOfBounds:
            if xyf_traj:
                ds, xyf_traj = _euler_step(xyf_traj, dmap, f)
                stotal += ds
            break
        except TerminateTrajectory:
            break
        dx1, dy1 = ds * k1x, ds * k1y
        dx2, dy2 = ds * 0.5 * (k1x + k2x), ds * 0.5 * (k1y + k2y)
        error = math.hypot((dx2 - dx1) / (nx - 1), (dy2 - dy1) / (ny - 1))
        if error < maxerror:
            xi += dx2
            yi += dy2
            try:
                dmap.update_trajectory(xi, yi, broken)
            except InvalidIndexError:
                break
            if stotal + ds > maxlength:
                break
            stotal += ds
        if error == 0:
            ds = maxds
        else:
            ds = min(maxds, 0.85 * ds * (maxerror / error) ** 0.5)
    return stotal, xyf_traj


def _euler_step(xyf_traj, dmap, f):
    """An Euler step from the last point onto the grid's edge."""
    ny, nx = dmap.grid.shape
    xi, yi = xyf_traj[-1]
    cx, cy = f(xi, yi)
    ds = min(_to_edge(xi, cx, nx - 1), _to_edge(yi, cy, ny - 1))
    xyf_traj.append((xi + cx * ds, yi + cy * ds))
    return ds, xyf_traj


def _to_edge(at, speed, last):
    """The time from `at` moving at `speed` to the grid's edge (0 or last) along one axis."""
    if speed == 0:
        return math.inf
    return at / -speed if speed < 0 else (last - at) / speed


def starting_points(shape):
    """The mask cells to start from: from the corner, spiralling inwards."""
    ny, nx = shape
    xfirst, yfirst, xlast, ylast = 0, 1, nx - 1, ny - 1
    x, y = 0, 0
    direction = "right"
    for _ in range(nx * ny):
        yield x, y
        if direction == "right":
            x += 1
            if x >= xlast:
                xlast -= 1
                direction = "up"
        elif direction == "up":
            y += 1
            if y >= ylast:
                ylast -= 1
                direction = "left"
        elif direction == "left":
            x -= 1
            if x <= xfirst:
                xfirst += 1
                direction = "down"
        elif direction == "down":
            y -= 1
            if y <= yfirst:
                yfirst += 1
                direction = "right"


def trajectories(x, y, u, v, density, minlength, maxlength, integration_direction, start_points, broken):
    """(grid, domain map, [(n, 2) grid-coordinate trajectories]) as matplotlib's streamplot finds them."""
    grid = Grid(x, y)
    mask = StreamMask(density)
    dmap = DomainMap(grid, mask)
    if integration_direction not in ("both", "forward", "backward"):
        raise ValueError(f"{integration_direction!r} is not a valid value for integration_direction; supported "
                         "values are 'both', 'forward', 'backward'")
    if integration_direction == "both":
        maxlength /= 2.
    u, v = np.ma.asarray(u), np.ma.asarray(v)
    if u.shape != grid.shape or v.shape != grid.shape:
        raise ValueError("'u' and 'v' must match the shape of the (x, y) grid")
    u, v = np.ma.masked_invalid(u), np.ma.masked_invalid(v)
    integrate = get_integrator(u, v, dmap, minlength, maxlength, integration_direction)
    found = []
    if start_points is None:
        for xm, ym in starting_points(mask.shape):
            if mask.cells[ym][xm] == 0:
                t = integrate(*dmap.mask2grid(xm, ym), broken)
                if t is not None:
                    found.append(t)
    else:
        sp2 = np.asanyarray(start_points, dtype=float).copy()
        for xs, ys in sp2:
            if not (grid.x_origin <= xs <= grid.x_origin + grid.width
                    and grid.y_origin <= ys <= grid.y_origin + grid.height):
                raise ValueError(f"Starting point ({xs}, {ys}) outside of data boundaries")
        sp2[:, 0] -= grid.x_origin
        sp2[:, 1] -= grid.y_origin
        for xs, ys in sp2:
            xg, yg = dmap.data2grid(xs, ys)
            xg = float(np.clip(xg, 0, grid.nx - 1))
            yg = float(np.clip(yg, 0, grid.ny - 1))
            t = integrate(xg, yg, broken)
            if t is not None:
                found.append(t)
    return grid, dmap, found
