"""What every chart shares: resolution, the report's font, and text taken literally.

matplotlib reads text between two "$" as mathtext ("$5 juta dan $10 juta" would print in
italics without the dollars, and "$\\frac{a}{b$" raises); ``plain`` escapes every "$" so staff
text always prints as typed.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

DPI = 200
#: The report's font first (Arial; Liberation Sans has its metrics), DejaVu as the last resort.
FONTS = ["Arial", "Liberation Sans", "DejaVu Sans"]

matplotlib.rcParams.update(
    {
        "font.family": "sans-serif",
        "font.sans-serif": FONTS,
        "font.size": 8,
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)


def plain(text: object) -> str:
    """`text` as matplotlib prints it literally (no mathtext)."""
    return str(text).replace("$", r"\$")
