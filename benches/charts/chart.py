"""The chart of the chart benchmark, as Python source that runs unchanged
natively (matplotlib with Agg) and in the sandbox (the guest's matplotlib),
and a PNG checker for what both sides produce.

Only the standard library here: bench.py and native.py both import it.
"""

import struct
import zlib

WIDTH, HEIGHT = 800, 500  # figsize (8, 5) at dpi 100

# A 1,000-point line chart with a title, axis labels and a legend; the data
# are plain lists (the sandbox has no numpy).
DATA = """\
import io
import math
import matplotlib.pyplot as plt

x = [i / 10 for i in range(1000)]
y = [math.sin(v) * v for v in x]
"""
CHART = DATA + """\
fig, ax = plt.subplots(figsize=(8, 5), dpi=100)
ax.plot(x, y, label="signal")
ax.set_title("sin(x) * x, 1,000 points")
ax.set_xlabel("x")
ax.set_ylabel("sin(x) * x")
ax.legend()
"""

# The measured variant: the figure saved as PNG into memory, then closed (so
# that the sandbox displays nothing at the end of the cell).
SAVEFIG_PNG = CHART + """\
buf = io.BytesIO()
fig.savefig(buf, format="png")
plt.close(fig)
png = buf.getvalue()
"""

# Sandbox only: the figure left open, so that the runner displays it at the
# end of the cell (one display event: PNG, SVG, the chart description, text).
# fig.show() is there so that the cell does not end with an expression
# (ax.legend() would make the Legend the cell's result); in the sandbox it
# only marks the figure to be shown at the end of the cell.
DISPLAY = CHART + "fig.show()\n"

# Native only, as context for DISPLAY: the figure saved as PNG and as SVG.
SAVEFIG_PNG_SVG = CHART + """\
buf = io.BytesIO()
fig.savefig(buf, format="png")
svg_buf = io.BytesIO()
fig.savefig(svg_buf, format="svg")
plt.close(fig)
png = buf.getvalue()
svg = svg_buf.getvalue()
"""

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# Channels per colour type (greyscale, RGB, palette, grey + alpha, RGBA).
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class BadPng(ValueError):
    """The bytes are not a well-formed PNG."""


def png_info(data):
    """Checks that data is a complete, well-formed, non-interlaced PNG: the
    signature, every chunk's CRC, IHDR first and IEND last, and IDAT data
    that inflates to exactly one filter byte plus one row of pixels per
    row. Returns {"width", "height", "bit_depth", "color_type", "bytes"};
    raises BadPng."""
    if not data.startswith(_SIGNATURE):
        raise BadPng("no PNG signature")
    pos, chunks, idat = len(_SIGNATURE), [], []
    while pos < len(data):
        if pos + 12 > len(data):
            raise BadPng(f"truncated chunk at byte {pos}")
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if len(body) != length or pos + 12 + length > len(data):
            raise BadPng(f"truncated {kind!r} chunk")
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise BadPng(f"bad CRC in {kind!r} chunk")
        chunks.append(kind)
        if kind == b"IDAT":
            idat.append(body)
        elif kind == b"IHDR":
            ihdr = body
        pos += 12 + length
    if not chunks or chunks[0] != b"IHDR" or chunks[-1] != b"IEND":
        raise BadPng(f"chunks {[c.decode('latin-1') for c in chunks]}: IHDR must come first, IEND last")
    if len(ihdr) != 13 or not idat:
        raise BadPng("bad IHDR or no IDAT")
    width, height, bit_depth, color_type, _, _, interlace = struct.unpack(">IIBBBBB", ihdr)
    if color_type not in _CHANNELS or interlace != 0:
        raise BadPng(f"unexpected colour type {color_type} or interlace {interlace}")
    row = (width * _CHANNELS[color_type] * bit_depth + 7) // 8
    try:
        pixels = zlib.decompress(b"".join(idat))
    except zlib.error as exc:
        raise BadPng(f"IDAT does not inflate: {exc}") from None
    if len(pixels) != height * (1 + row):
        raise BadPng(f"IDAT inflates to {len(pixels)} bytes, expected {height * (1 + row)}")
    if any(pixels[r * (1 + row)] > 4 for r in range(height)):
        raise BadPng("bad row filter type")
    return {"width": width, "height": height, "bit_depth": bit_depth, "color_type": color_type,
            "bytes": len(data)}


def check_png(data, what):
    """png_info(data), which must be WIDTH x HEIGHT; exits with a message otherwise."""
    try:
        info = png_info(data)
    except BadPng as exc:
        raise SystemExit(f"{what}: not a valid PNG: {exc}") from None
    if (info["width"], info["height"]) != (WIDTH, HEIGHT):
        raise SystemExit(f"{what}: PNG is {info['width']}x{info['height']}, expected {WIDTH}x{HEIGHT}")
    return info
