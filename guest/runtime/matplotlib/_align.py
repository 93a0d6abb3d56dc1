"""Figure.align_xlabels / align_ylabels / align_titles: groups of grid axes whose labels (titles)
line up, joined as matplotlib's Grouper joins them; the spec gives each axes its group numbers and
the host places the labels beyond the group's deepest tick labels (the titles above its highest
top decorations)."""

KINDS = ("xlabel", "ylabel", "title")


class AlignGroups:
    """The figure's groups per kind: lists of sets of Axes (joined, never split)."""

    def __init__(self):
        self._groups = {kind: [] for kind in KINDS}

    def join(self, kind, a, b):
        groups = self._groups[kind]
        found = [g for g in groups if a in g or b in g]
        merged = set().union({a, b}, *found)
        self._groups[kind] = [g for g in groups if g not in found] + [merged]

    def spec(self, axes):
        """The axes' group numbers ({"xlabel": n, ...}) in groups of more than one axes."""
        numbers = {}
        for kind in KINDS:
            for number, group in enumerate(self._groups[kind]):
                if axes in group and len(group) > 1:
                    numbers[kind] = number
        return numbers


def align_xlabels(figure, axs):
    """As matplotlib: x labels at the same position (bottom, top) in axes whose rows end (start)
    alike line up."""
    _join_labels(figure, axs, "x", "top", lambda spec: spec.rowspan)


def align_ylabels(figure, axs):
    """As matplotlib: y labels at the same position (left, right) in axes whose columns start
    (end) alike line up."""
    _join_labels(figure, axs, "y", "left", lambda spec: spec.colspan)


def _join_labels(figure, axs, name, by_start, span_of):
    """Joins the `name` axis labels at one position whose spans (span_of a SubplotSpec) start
    alike (at position by_start) or end alike (at the other)."""
    axes = _grid_axes(figure, axs)
    for ax in axes:
        position = getattr(ax, f"{name}axis").get_label_position()
        span = span_of(ax.get_subplotspec())
        for other in axes:
            other_span = span_of(other.get_subplotspec())
            if getattr(other, f"{name}axis").get_label_position() == position and (
                    span.start == other_span.start if position == by_start else span.stop == other_span.stop):
                figure._align.join(f"{name}label", ax, other)


def align_titles(figure, axs):
    """As matplotlib: the titles of axes whose rows start alike line up."""
    axes = _grid_axes(figure, axs)
    for ax in axes:
        for other in axes:
            if ax.get_subplotspec().rowspan.start == other.get_subplotspec().rowspan.start:
                figure._align.join("title", ax, other)


def _grid_axes(figure, axs):
    import numpy as np

    axes = figure.axes if axs is None else list(np.ravel(np.asarray(axs, dtype=object)))
    return [ax for ax in axes if ax.get_subplotspec() is not None]
