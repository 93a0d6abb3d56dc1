"""matplotlib._enums: the JoinStyle and CapStyle names lines and patches take.

Lines draw every cap and join style; patches and collections take only their default ones (see
_kwargs.DEFAULT_ONLY).
"""

from enum import Enum


class JoinStyle(str, Enum):
    """How the segments of a stroked path meet."""

    miter = "miter"
    round = "round"
    bevel = "bevel"

    @staticmethod
    def demo():
        """matplotlib's figure of each join style at several angles."""
        import numpy as np

        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(5, 4), constrained_layout=True)
        ax.set_title("Join style")
        for x, style in enumerate(["miter", "round", "bevel"]):
            ax.text(x, 5, style)
            for y, angle in enumerate([20, 45, 60, 90, 120]):
                phi = np.radians(angle)
                xx = [x + .5, x, x + .5 * np.cos(phi)]
                yy = [y, y, y + .5 * np.sin(phi)]
                ax.plot(xx, yy, lw=12, color="tab:blue", solid_joinstyle=style)
                ax.plot(xx, yy, lw=1, color="black")
                ax.plot(xx[1], yy[1], "o", color="tab:red", markersize=3)
                if x == 0:
                    ax.text(-1.3, y, f"{angle} degrees")
        ax.set_xlim(-1.5, 2.75)
        ax.set_ylim(-.5, 5.5)
        ax.set_axis_off()
        fig.show()


class CapStyle(str, Enum):
    """How the ends of an unclosed stroke are drawn."""

    butt = "butt"
    projecting = "projecting"
    round = "round"

    @staticmethod
    def demo():
        """matplotlib's figure of each cap style on a thick segment."""
        import matplotlib.pyplot as plt

        fig = plt.figure(figsize=(4, 1.2))
        ax = fig.add_axes([0, 0, 1, 0.8])
        ax.set_title("Cap style")
        for x, style in enumerate(["butt", "round", "projecting"]):
            ax.text(x + 0.25, 0.85, style, ha="center")
            xx, yy = [x, x + 0.5], [0, 0]
            ax.plot(xx, yy, lw=12, color="tab:blue", solid_capstyle=style)
            ax.plot(xx, yy, lw=1, color="black")
            ax.plot(xx, yy, "o", color="tab:red", markersize=3)
        ax.set_ylim(-.5, 1.5)
        ax.set_axis_off()
        fig.show()


JoinStyle.input_description = "{" + ", ".join(f"'{style.name}'" for style in JoinStyle) + "}"
CapStyle.input_description = "{" + ", ".join(f"'{style.name}'" for style in CapStyle) + "}"
