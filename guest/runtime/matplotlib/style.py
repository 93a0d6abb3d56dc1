"""matplotlib.style: use() and context() with matplotlib's style sheets (_stylelib) or dicts of rcParams.

A style sets its rcParams through ``rcParams.update``, so a style with a key this package does not
honour raises NotImplementedError naming that key (see _rc) and changes nothing.
"""

import contextlib

from . import _rc, _stylelib
from ._cycler import cycler

__all__ = ["use", "context", "available", "library", "reload_library"]

# Keys a style never sets (matplotlib's STYLE_BLACKLIST): they are not about looks.
_BLACKLIST = frozenset(("interactive", "backend", "webagg.port", "webagg.address", "webagg.port_retries",
                        "webagg.open_in_browser", "backend_fallback", "toolbar", "timezone", "figure.max_open_warning",
                        "figure.raise_window", "savefig.directory", "tk.window_focus", "docstring.hardcopy",
                        "date.epoch"))
_ALIASES = {"mpl20": "default", "mpl15": "classic"}


def _library():
    styles = {}
    for name, params in _stylelib.LIBRARY.items():
        params = dict(params)
        if "axes.prop_cycle" in params:
            params["axes.prop_cycle"] = cycler(**params["axes.prop_cycle"])
        styles[name] = params
    return styles


library = _library()
available = sorted(library)


def reload_library():
    """Accepted: the library is matplotlib's built-in style sheets."""


def _style_params(style):
    if isinstance(style, dict):
        return style
    name = _ALIASES.get(style, style)
    if name == "default":
        return _rc.default_params()
    if name in library:
        return library[name]
    raise OSError(f"{style!r} is not a valid package style, path of style file, URL of style file, or library "
                  "style name (library styles are listed in `style.available`)")


def use(style):
    """Apply a style (a name of ``available``, "default", or a dict of rcParams), or a list of them in order."""
    for one in [style] if isinstance(style, (str, dict)) else style:
        params = _style_params(one)
        _rc.rcParams.update({key: value for key, value in params.items() if key not in _BLACKLIST})


@contextlib.contextmanager
def context(style, after_reset=False):
    """Use style for the duration of a with block (after_reset: on top of the defaults)."""
    saved = _rc.rcParams.copy()
    try:
        if after_reset:
            use("default")
        use(style)
        yield
    finally:
        _rc.rcParams._restore(saved)
