"""matplotlib.text: the Text and Annotation classes text() and annotate() return."""

from ._text import Annotation, Text

__all__ = ["Text", "Annotation"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.text.{name} is not supported in this sandbox")
