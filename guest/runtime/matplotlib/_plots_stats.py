"""Axes methods for statistics charts: errorbar(), boxplot(), violinplot().

They are made of lines and patches as matplotlib's are (a boxplot's whiskers,
caps, medians are Line2D), each line tagged with its role for the chart
description ("boxplot median"...).
"""

from . import _data, _errorbar, _rc, _styles, cbook
from ._lines import Line2D
from .collections import LineCollection
from .patches import Polygon

_BOX_KEYS = ("whiskers", "caps", "boxes", "medians", "fliers", "means")


class ErrorbarContainer(tuple):
    """What errorbar() returns: (data_line, caplines, barlinecols), with .lines."""

    def __new__(cls, lines, has_xerr, has_yerr, label):
        self = super().__new__(cls, lines)
        self.lines, self.has_xerr, self.has_yerr = lines, has_xerr, has_yerr
        self._label = label
        return self

    def get_label(self):
        return self._label


class StatsMethods:
    """errorbar(), boxplot() and violinplot() for Axes."""

    def _role_line(self, x, y, role, **style):
        line = Line2D._of(x, y, **style)
        line._role = role
        return self._add(line)

    def errorbar(self, x, y, yerr=None, xerr=None, fmt="", ecolor=None, elinewidth=None, capsize=None,
                 barsabove=False, lolims=False, uplims=False, xlolims=False, xuplims=False, errorevery=1,
                 capthick=None, **kwargs):
        """Points (x, y) with error bars; returns an ErrorbarContainer (data_line, caplines, barlinecols)."""
        xs = _data.numbers_of(x, self._group["x"])
        ys = _data.numbers_of(y, self._group["y"])
        _data.same_length(xs, ys)
        label = kwargs.pop("label", None)
        plot_fmt = "" if fmt == "none" else fmt
        data_line = self.plot(xs, ys, plot_fmt, label=label, **kwargs)[0]
        if fmt == "none":
            data_line.remove()
        color = ecolor if ecolor is not None else data_line.get_color()
        width = data_line.get_linewidth() if elinewidth is None else float(elinewidth)
        capsize = _rc.rcParams.get("errorbar.capsize", 0.0) if capsize is None else float(capsize)
        cap_style = {"color": color, "linewidth": width, "linestyle": "none", "label": "_nolegend_",
                     "markersize": 2 * capsize if capsize > 0 else _rc.rcParams["lines.markersize"]}
        if capthick is not None:
            cap_style["markeredgewidth"] = float(capthick)
        caplines, barcols = [], []
        every = _every(errorevery, len(xs))
        for name, err, lo_lims, up_lims in (("x", xerr, xlolims, xuplims), ("y", yerr, lolims, uplims)):
            if err is None:
                continue
            dep = xs if name == "x" else ys
            lo_lims, up_lims = _errorbar.limits(lo_lims, len(dep)), _errorbar.limits(up_lims, len(dep))
            low, high = _error_bounds(err, dep, name)
            # As matplotlib: a limit draws no bar past the point on that side.
            low = [v if lim and lo is not None else lo for v, lo, lim in zip(dep, low, lo_lims)]
            high = [v if lim and hi is not None else hi for v, hi, lim in zip(dep, high, up_lims)]
            segments = []
            for px, py, lo, hi, keep in zip(xs, ys, low, high, every):
                if not keep or None in (px, py, lo, hi):
                    continue
                segments.append([(lo, py), (hi, py)] if name == "x" else [(px, lo), (px, hi)])
            bars = LineCollection(segments, colors=color, linewidths=width, label="_nolegend_")
            bars._role = f"errorbar {name}"
            barcols.append(self._add(bars))
            caplines += _errorbar.caps(self, name, (xs, ys), (low, high), (lo_lims, up_lims), every, capsize,
                                       cap_style)
        if fmt == "none":
            data_line = None
        container = ErrorbarContainer((data_line, tuple(caplines), tuple(barcols)), xerr is not None,
                                      yerr is not None, label)
        self.containers.append(container)
        return container

    def boxplot(self, x, notch=None, sym=None, vert=None, orientation="vertical", whis=None, positions=None,
                widths=None, patch_artist=None, bootstrap=None, usermedians=None, conf_intervals=None,
                meanline=None, showmeans=None, showcaps=None, showbox=None, showfliers=None, boxprops=None,
                tick_labels=None, flierprops=None, medianprops=None, meanprops=None, capprops=None,
                whiskerprops=None, manage_ticks=True, autorange=False, zorder=None, capwidths=None,
                label=None, labels=None):
        """Box-and-whisker plots of each dataset in x; returns the dict of their lines (boxes,
        medians, whiskers, caps, fliers, means), as matplotlib does."""
        rc = _rc.rcParams
        notch = rc["boxplot.notch"] if notch is None else notch
        meanline = rc["boxplot.meanline"] if meanline is None else meanline
        if sym is not None:
            flierprops, showfliers = _sym_props(sym, flierprops, showfliers)
        stats = cbook.boxplot_stats(x, whis=1.5 if whis is None else whis, bootstrap=bootstrap, autorange=autorange)
        _override(stats, usermedians, conf_intervals)
        names = tick_labels if tick_labels is not None else labels
        if names is not None:
            names = _data.items(names)
            if len(names) != len(stats):
                raise ValueError("Dimensions of labels and X must be compatible")
            for stat, name in zip(stats, names):
                stat["label"] = name
        return self.bxp(stats, positions=positions, widths=widths, vert=vert, orientation=orientation,
                        patch_artist=patch_artist, showmeans=showmeans, showcaps=showcaps, showbox=showbox,
                        showfliers=showfliers, boxprops=boxprops, whiskerprops=whiskerprops, flierprops=flierprops,
                        medianprops=medianprops, capprops=capprops, meanprops=meanprops, manage_ticks=manage_ticks,
                        zorder=zorder, capwidths=capwidths, label=label, shownotches=notch, meanline=meanline)

    def bxp(self, bxpstats, positions=None, widths=None, vert=None, orientation="vertical", patch_artist=False,
            shownotches=False, showmeans=False, showcaps=True, showbox=True, showfliers=True, boxprops=None,
            whiskerprops=None, flierprops=None, medianprops=None, capprops=None, meanprops=None, meanline=False,
            manage_ticks=True, zorder=None, capwidths=None, label=None):
        """Draw box-and-whisker plots from precomputed statistics (dicts with med, q1, q3, whislo,
        whishi, and optionally fliers, mean, label, as cbook.boxplot_stats gives); returns the
        dict of their lines, as matplotlib does."""
        horizontal = _horizontal(vert, orientation)
        stats = list(bxpstats)
        n = len(stats)
        positions = list(range(1, n + 1)) if positions is None else [float(p) for p in _data.items(positions)]
        if len(positions) != n:
            raise ValueError("List of boxplot statistics and `positions` values must have same the length")
        if widths is None:
            spread = max(positions) - min(positions) if positions else 0
            widths = [min(max(0.15 * spread, 0.15), 0.5)] * n
        else:
            widths = _data.broadcast([float(w) for w in _data.items(widths)], n, "widths")
        capwidths = ([w / 2 for w in widths] if capwidths is None
                     else _data.broadcast([float(w) for w in _data.items(capwidths)], n, "capwidths"))
        show = {"box": showbox is not False, "caps": showcaps is not False, "fliers": showfliers is not False,
                "means": bool(showmeans)}
        props = {key: _props(value) for key, value in (("box", boxprops), ("whisker", whiskerprops),
                                                      ("cap", capprops), ("median", medianprops),
                                                      ("flier", flierprops), ("mean", meanprops))}
        result = {key: [] for key in _BOX_KEYS}

        def line(xs, ys, role, style):
            if horizontal:
                xs, ys = ys, xs
            return self._role_line(list(xs), list(ys), f"boxplot {role}", **style)

        for pos, width, capwidth, stat in zip(positions, widths, capwidths, stats):
            left, right = pos - width / 2, pos + width / 2
            q1, q3, med = stat["q1"], stat["q3"], stat["med"]
            box_x, box_y = [left, right, right, left, left], [q1, q1, q3, q3, q1]
            median_x = [left, right]
            if shownotches:
                lo, hi = stat["cilo"], stat["cihi"]
                notch_left, notch_right = pos - width * 0.25, pos + width * 0.25
                box_x = [left, right, right, notch_right, right, right, left, left, notch_left, left, left]
                box_y = [q1, q1, lo, med, hi, q3, q3, hi, med, lo, q1]
                median_x = [notch_left, notch_right]
            if show["box"]:
                if patch_artist:
                    box = Polygon(list(zip(*((box_y, box_x) if horizontal else (box_x, box_y)))),
                                  **_patch_style(props["box"]))
                    box._role = "boxplot box"
                    box._autoscale = ("x", "y")
                    result["boxes"].append(self._add(box))
                else:
                    result["boxes"].append(line(box_x, box_y, "box", _line_style(props["box"], "box")))
            ends = ((stat["whislo"], q1), (stat["whishi"], q3))
            for end, edge in ends:
                result["whiskers"].append(line([pos, pos], [edge, end], "whisker",
                                               _line_style(props["whisker"], "whisker")))
            if show["caps"]:
                half = capwidth / 2
                for end, _ in ends:
                    result["caps"].append(line([pos - half, pos + half], [end, end], "cap",
                                               _line_style(props["cap"], "cap")))
            median = line(median_x, [med, med], "median", _line_style(props["median"], "median"))
            # As matplotlib: the position axis shows pos ± 0.5, without margins.
            median._sticky = {"y" if horizontal else "x": (pos - 0.5, pos + 0.5)}
            result["medians"].append(median)
            if show["means"] and meanline:
                result["means"].append(line([left, right], [stat["mean"]] * 2, "mean", _mean_line_style(props["mean"])))
            elif show["means"]:
                result["means"].append(line([pos], [stat["mean"]], "mean", _marker_style(props["mean"], "mean")))
            if show["fliers"]:
                fliers = list(stat.get("fliers", []))
                result["fliers"].append(line([pos] * len(fliers), fliers, "flier",
                                             _marker_style(props["flier"], "flier")))
        if zorder is not None:  # as matplotlib: medians and means a tenth above the rest
            for key, artists in result.items():
                for artist in artists:
                    artist.set_zorder(zorder + (0.1 if key in ("medians", "means") else 0))
        if label is not None and result["boxes"]:
            result["boxes"][0].set_label(label)
        if manage_ticks:
            texts = [str(stat["label"]) if "label" in stat else _tick_text(pos) for stat, pos in zip(stats, positions)]
            self._group["y" if horizontal else "x"].ticks = [list(positions), texts]
        return result

    def violinplot(self, dataset, positions=None, vert=None, orientation="vertical", widths=0.5,
                   showmeans=False, showextrema=True, showmedians=False, quantiles=None, points=100,
                   bw_method=None, side="both"):
        """Violins (Gaussian KDE outlines) of each dataset; returns the dict of bodies and lines."""
        if side not in ("both", "low", "high"):
            raise ValueError(f"{side!r} is not a valid value for side; supported values are 'both', 'low', 'high'")
        low, high = side in ("both", "low"), side in ("both", "high")
        horizontal = _horizontal(vert, orientation)
        stats = cbook.violin_stats(dataset, points=points, bw_method=bw_method, quantiles=quantiles)
        n = len(stats)
        positions = list(range(1, n + 1)) if positions is None else [float(p) for p in _data.items(positions)]
        if len(positions) != n:
            raise ValueError("List of violinplot statistics and `positions` values must have the same length")
        widths = _data.broadcast([float(w) for w in _data.items(widths)], n, "widths")
        color = self._next_color("line")
        bodies = []
        for stat, pos, width in zip(stats, positions, widths):
            peak = max(stat["vals"])
            half = [0.5 * width * v / peak for v in stat["vals"]]
            coords = stat["coords"]
            across = [pos - h if low else pos for h in half] + [pos + h if high else pos for h in reversed(half)]
            along = coords + list(reversed(coords))
            outline = list(zip(along, across)) if horizontal else list(zip(across, along))
            body = Polygon(outline, facecolor=color, edgecolor="none", alpha=0.3)
            body._role = "violin body"
            body._autoscale = ("x", "y")
            bodies.append(self._add(body))
        result = {"bodies": bodies}
        ends = [(p - 0.25 * w if low else p, p + 0.25 * w if high else p) for p, w in zip(positions, widths)]

        def across_lines(values, role):
            segments = [[(lo, v), (hi, v)] for (lo, hi), v in zip(ends, values)]
            return self._segments(segments, horizontal, color, role)

        if showmeans:
            result["cmeans"] = across_lines([s["mean"] for s in stats], "violin mean")
        if showextrema:
            result["cmaxes"] = across_lines([s["max"] for s in stats], "violin max")
            result["cmins"] = across_lines([s["min"] for s in stats], "violin min")
            result["cbars"] = self._segments([[(p, s["min"]), (p, s["max"])] for p, s in zip(positions, stats)],
                                             horizontal, color, "violin bar")
        if showmedians:
            result["cmedians"] = across_lines([s["median"] for s in stats], "violin median")
        if quantiles is not None:
            segments = [[(lo, q), (hi, q)] for (lo, hi), s in zip(ends, stats) for q in s.get("quantiles", [])]
            result["cquantiles"] = self._segments(segments, horizontal, color, "violin quantile")
        return result

    def _segments(self, segments, swap, color, role):
        """A LineCollection of segments ((x, y) pairs, swapped when swap) tagged with role."""
        if swap:
            segments = [[(y, x) for x, y in segment] for segment in segments]
        lines = LineCollection(segments, colors=color, linewidths=_rc.rcParams["lines.linewidth"])
        lines._role = role
        return self._add(lines)


def _every(errorevery, n):
    """Which points get error bars: errorevery N (every Nth) or (start, N), as matplotlib."""
    if isinstance(errorevery, int) and errorevery >= 1:
        start, step = 0, errorevery
    elif (isinstance(errorevery, tuple) and len(errorevery) == 2
          and all(isinstance(v, int) for v in errorevery) and errorevery[1] >= 1):
        start, step = errorevery
    else:
        raise NotImplementedError("errorbar() errorevery must be a positive int or (start, N) in this sandbox")
    return [i >= start and (i - start) % step == 0 for i in range(n)]


def _horizontal(vert, orientation):
    if vert is not None:
        return not vert
    if orientation not in ("vertical", "horizontal"):
        raise ValueError(f"{orientation!r} is not a valid value for orientation; supported values are "
                         "'horizontal', 'vertical'")
    return orientation == "horizontal"


def _error_bounds(err, values, name):
    """(lower ends, upper ends) of the error bars for err: a scalar, N values or 2 x N."""
    items = _data.items(err)
    items = [_data.items(item) if hasattr(item, "__len__") and not isinstance(item, str) else item
             for item in items]
    n = len(values)
    if _data.is_2d(items):
        if len(items) != 2:
            raise ValueError(f"'{name}err' (shape: ({len(items)}, ...)) must be a scalar or a 1D or (2, n) "
                             "array-like whose shape matches 'x' and 'y'")
        minus, plus = ([_data.number(v) for v in _data.items(row)] for row in items)
    else:
        minus = plus = _data.broadcast([_data.number(v) for v in items], n, f"{name}err")
    if len(minus) != n or len(plus) != n:
        raise ValueError(f"'{name}err' shape does not match '{name}'")
    if any(v is not None and v < 0 for v in (*minus, *plus)):
        raise ValueError(f"'{name}err' must not contain negative values")
    low = [None if None in (v, m) else v - m for v, m in zip(values, minus)]
    high = [None if None in (v, p) else v + p for v, p in zip(values, plus)]
    return low, high


def _props(value):
    """User props with matplotlib's aliases resolved."""
    from ._kwargs import ALIASES

    return {ALIASES.get(k, k): v for k, v in (value or {}).items()}


def _line_style(props, part):
    """Line2D style of a boxplot part: rcParams boxplot.<part>props.*, then the user's props."""
    rc = _rc.rcParams
    style = {key: rc[f"boxplot.{part}props.{key}"] for key in ("color", "linewidth", "linestyle")}
    _check(props, ("color", "linewidth", "linestyle", "alpha", "zorder", "label"), part)
    style.update({k: v for k, v in props.items() if k in ("color", "linewidth", "linestyle", "alpha")})
    return style


def _marker_style(props, part):
    """Line2D style of boxplot fliers or means (markers, no line): rcParams boxplot.<part>props.*,
    then the user's props."""
    rc = _rc.rcParams
    style = {key: rc[f"boxplot.{part}props.{key}"]
             for key in ("color", "marker", "markerfacecolor", "markeredgecolor", "markersize")}
    allowed = ("color", "marker", "markerfacecolor", "markeredgecolor", "markersize", "alpha", "linestyle",
               "zorder", "markeredgewidth", "label")
    _check(props, allowed, part)
    style.update({k: v for k, v in props.items() if k in allowed[:6]})
    style.update(linewidth=1.0, linestyle="none")
    return style


def _mean_line_style(props):
    """Line2D style of a boxplot mean drawn as a line (meanline=True): rcParams boxplot.meanprops.*
    without the marker, then the user's props."""
    rc = _rc.rcParams
    style = {key: rc[f"boxplot.meanprops.{key}"] for key in ("color", "linewidth", "linestyle")}
    allowed = ("color", "linewidth", "linestyle", "alpha", "marker", "markerfacecolor", "markeredgecolor",
               "markersize", "zorder", "label")
    _check(props, allowed, "mean")
    style.update({k: v for k, v in props.items() if k in allowed[:8]})
    return style


def _sym_props(sym, flierprops, showfliers):
    """(flierprops, showfliers) after boxplot(sym=...), as matplotlib: '' hides the fliers, else the
    format's marker and colour."""
    if sym == "":
        return {"linestyle": "none", "marker": "", "color": "none"}, False
    props = dict(flierprops or {})
    _, marker, color = _styles.parse_fmt(sym)
    if marker is not None:
        props["marker"] = marker
    if color is not None:
        props.update(color=color, markerfacecolor=color, markeredgecolor=color)
    return props, showfliers


def _override(stats, usermedians, conf_intervals):
    """boxplot()'s usermedians and conf_intervals replace the computed medians and notch ends."""
    if usermedians is not None:
        medians = _data.items(usermedians)
        if len(medians) != len(stats):
            raise ValueError("'usermedians' and 'x' have different lengths")
        for stat, med in zip(stats, medians):
            if med is not None:
                stat["med"] = med
    if conf_intervals is not None:
        intervals = _data.items(conf_intervals)
        if len(intervals) != len(stats):
            raise ValueError("'conf_intervals' and 'x' have different lengths")
        for stat, ci in zip(stats, intervals):
            if ci is None:
                continue
            ci = _data.items(ci)
            if len(ci) != 2:
                raise ValueError("each confidence interval must have two values")
            if ci[0] is not None:
                stat["cilo"] = ci[0]
            if ci[1] is not None:
                stat["cihi"] = ci[1]


def _patch_style(props):
    """Patch style of a boxplot box with patch_artist=True."""
    _check(props, ("facecolor", "edgecolor", "color", "linewidth", "linestyle", "alpha", "zorder", "fill", "label"),
           "box")
    style = {"facecolor": "C0", "edgecolor": "black", "linewidth": 1.0}
    if "color" in props:
        style.pop("facecolor")
        style.pop("edgecolor")
    style.update({k: v for k, v in props.items() if k not in ("zorder", "label")})
    return style


def _check(props, allowed, part):
    unknown = set(props) - set(allowed)
    if unknown:
        raise NotImplementedError(f"boxplot {part}props {sorted(unknown)[0]!r} is not supported in this sandbox")


def _tick_text(position):
    return str(int(position)) if float(position).is_integer() else f"{position:g}"

