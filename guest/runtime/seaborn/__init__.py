"""seaborn for the sandbox: statistical plots drawn through the sandbox's matplotlib (public Axes API)
from the sandbox's pandas DataFrames, dicts, lists or numpy arrays.

The numbers (estimates, bootstrap intervals, bins, densities, positions, colours) follow seaborn
0.13.2 (BSD-3-Clause, by Michael Waskom); what is not reproduced raises NotImplementedError naming it.
See docs/SEABORN.md for what is covered."""

from . import cm  # noqa: F401  (registers seaborn's colormaps)
from .rcmod import (axes_style, plotting_context, reset_defaults, reset_orig, set, set_context,  # noqa: F401
                    set_palette, set_style, set_theme)
from .palettes import (blend_palette, color_palette, cubehelix_palette, dark_palette,  # noqa: F401
                       diverging_palette, hls_palette, husl_palette, light_palette, mpl_palette,
                       set_color_codes)
from .utils import desaturate, despine, get_data_home, get_dataset_names, load_dataset  # noqa: F401
from .categorical import (barplot, boxenplot, boxplot, countplot, pointplot, stripplot,  # noqa: F401
                          swarmplot, violinplot)
from .distributions import distplot, ecdfplot, histplot, kdeplot, rugplot  # noqa: F401
from .relational import lineplot, scatterplot  # noqa: F401
from .matrix import clustermap, heatmap  # noqa: F401
from .regression import regplot, residplot  # noqa: F401
from .axisgrid import FacetGrid, JointGrid, PairGrid, jointplot, pairplot  # noqa: F401
from ._move_legend import move_legend  # noqa: F401
from ._figure_level import catplot, displot, lmplot, relplot  # noqa: F401  (figure-level: FacetGrid)

__version__ = "0.13.2"
