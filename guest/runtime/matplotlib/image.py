"""matplotlib.image: the AxesImage class imshow() returns."""

from ._plots_image import AxesImage

__all__ = ["AxesImage"]


def __getattr__(name):
    if name.startswith("_"):
        raise AttributeError(name)
    raise NotImplementedError(f"matplotlib.image.{name} is not supported in this sandbox")
