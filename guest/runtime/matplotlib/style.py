"""matplotlib.style: only the default style is available."""

import contextlib

from . import rcdefaults, rcParams

available = ["default"]


def use(style):
    """use("default") restores the default rcParams; other styles are not supported."""
    for name in [style] if isinstance(style, (str, dict)) else style:
        if isinstance(name, dict):
            rcParams.update(name)
        elif name in ("default", "mpl20"):
            rcdefaults()
        else:
            raise NotImplementedError(f"style {name!r} is not supported in this sandbox; only 'default' is")


@contextlib.contextmanager
def context(style, after_reset=False):
    """Use style for the duration of a with block."""
    saved = rcParams.copy()
    try:
        use(style)
        yield
    finally:
        rcParams.clear()
        rcParams.update(saved)
