"""matplotlib.units: the registry of converters that give an axis its default ticks for a type.

The sandbox consults it for dates: the converter registered for the plotted dates' type
(matplotlib.dates' DateConverter by default, ConciseDateConverter if the user registers it)
gives a date axis its default locator and formatter, as matplotlib's axis does when the data
arrive. Converters for other types are refused when data of that type are plotted.
"""

import datetime
from decimal import Decimal

__all__ = ["AxisInfo", "ConversionInterface", "ConversionError", "DecimalConverter", "Registry", "registry"]


class ConversionError(TypeError):
    pass


class AxisInfo:
    """The default locators, formatters, label and limits a converter gives an axis."""

    def __init__(self, majloc=None, minloc=None, majfmt=None, minfmt=None, label=None, default_limits=None):
        self.majloc, self.minloc = majloc, minloc
        self.majfmt, self.minfmt = majfmt, minfmt
        self.label = label
        self.default_limits = default_limits


class ConversionInterface:
    """What a converter provides: axisinfo, default_units and convert."""

    @staticmethod
    def axisinfo(unit, axis):
        return None

    @staticmethod
    def default_units(x, axis):
        return None

    @staticmethod
    def convert(obj, unit, axis):
        return obj


class DecimalConverter(ConversionInterface):
    """decimal.Decimal values to floats."""

    @staticmethod
    def convert(value, unit, axis):
        if isinstance(value, Decimal):
            return float(value)
        return [float(v) for v in value]


class Registry(dict):
    """Converters by type, looked up along the type's MRO (then by the first element's type)."""

    def get_converter(self, x):
        """The converter for x (a value or a sequence of them), or None."""
        for cls in type(x).__mro__:
            if cls in self:
                return self[cls]
        if isinstance(x, (str, bytes)):
            return None
        try:
            first = next(v for v in x if v is not None)
        except (TypeError, StopIteration):
            return None
        return None if type(first) is type(x) else self.get_converter(first)


registry = Registry()
registry[Decimal] = DecimalConverter()

# The types whose converters the sandbox applies itself (numbers and dates; matplotlib.dates adds
# numpy's datetime64 when it registers its converter).
_builtin = {Decimal, datetime.date, datetime.datetime}


def check_supported(data):
    """Refuses data of a type the user registered a converter for: the sandbox converts only
    numbers, strings and dates itself."""
    added = registry.keys() - _builtin
    if added and any(registry[kind] is registry.get_converter(data) for kind in added):
        raise NotImplementedError(f"{type(registry.get_converter(data)).__name__} (a matplotlib.units converter "
                                  "registered for this data) is not supported in this sandbox")
