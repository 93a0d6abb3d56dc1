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
    axes = _grid_axes(figure, axs)
    for ax in axes:
        position = ax.xaxis.get_label_position()
        rows = ax.get_subplotspec().rowspan
        for other in axes:
            other_rows = other.get_subplotspec().rowspan
            if other.xaxis.get_label_position() == position and (
                    rows.start == other_rows.start if position == "top" else rows.stop == other_rows.stop):
                figure._align.join("xlabel", ax, other)


def align_ylabels(figure, axs):
    """As matplotlib: y labels at the same position (left, right) in axes whose columns start
    (end) alike line up."""
    axes = _grid_axes(figure, axs)
    for ax in axes:
        position = ax.yaxis.get_label_position()
        cols = ax.get_subplotspec().colspan
        for other in axes:
            other_cols = other.get_subplotspec().colspan
            if other.yaxis.get_label_position() == position and (
                    cols.start == other_cols.start if position == "left" else cols.stop == other_cols.stop):
                figure._align.join("ylabel", ax, other)


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
