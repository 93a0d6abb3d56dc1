"""matplotlib.color_sequences: named lists of colours (the qualitative colormaps' colours and
petroff10), each read as a fresh list of (r, g, b) tuples, as matplotlib's ColorSequenceRegistry."""

from collections.abc import Mapping

from . import cm
from .colors import to_rgb

_LISTED = ("tab10", "tab20", "tab20b", "tab20c", "Pastel1", "Pastel2", "Paired", "Accent", "Dark2", "Set1",
           "Set2", "Set3")
# Matthew A. Petroff's accessible colour sequence, as matplotlib 3.10 ships it.
_PETROFF10 = ("#3f90da", "#ffa90e", "#bd1f01", "#94a4a2", "#832db6", "#a96b59", "#e76300", "#b9ac70",
              "#717581", "#92dadd")


class ColorSequenceRegistry(Mapping):
    """Names to colour lists; register() adds one, unregister() removes a user's."""

    def __init__(self):
        self._builtin = {name: [to_rgb(c) for c in cm._colormaps[name].colors] for name in _LISTED}
        self._builtin["petroff10"] = [to_rgb(c) for c in _PETROFF10]
        self._sequences = dict(self._builtin)

    def __getitem__(self, name):
        try:
            return list(self._sequences[name])
        except KeyError:
            raise KeyError(f"{name!r} is not a known color sequence name") from None

    def __iter__(self):
        return iter(self._sequences)

    def __len__(self):
        return len(self._sequences)

    def register(self, name, color_list):
        if name in self._builtin:
            raise ValueError(f"{name!r} is a reserved name for a builtin color sequence")
        self._sequences[name] = [to_rgb(c) for c in color_list]

    def unregister(self, name):
        if name in self._builtin:
            raise ValueError(f"Cannot unregister builtin color sequence {name!r}")
        self._sequences.pop(name, None)
