#!/usr/bin/env python3
"""Draws the Teams app icons: color.png (192x192, a pulse line on the accent colour) and outline.png
(32x32, the same line in white on a transparent background). Standard library only."""
import struct
import zlib
from pathlib import Path

ACCENT = (0x2E, 0x7D, 0x6B, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)
# The pulse line as points on a 0..1 square: flat, a small dip, a tall peak, a deep trough, flat.
LINE = [(0.12, 0.55), (0.34, 0.55), (0.40, 0.45), (0.47, 0.62), (0.55, 0.18), (0.63, 0.85), (0.70, 0.55), (0.88, 0.55)]


def png(path, size, pixels):
    raw = b"".join(b"\x00" + b"".join(bytes(pixels[y][x]) for x in range(size)) for y in range(size))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def draw(size, background, stroke, width, radius):
    pixels = [[background for _ in range(size)] for _ in range(size)]
    for y in range(size):
        for x in range(size):
            px, py = (x + 0.5) / size, (y + 0.5) / size
            if radius:
                # rounded corners, transparent outside
                cx = min(max(px, radius), 1 - radius)
                cy = min(max(py, radius), 1 - radius)
                if ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5 > radius:
                    pixels[y][x] = CLEAR
                    continue
            d = min(distance_to_segment(px, py, *LINE[i], *LINE[i + 1]) for i in range(len(LINE) - 1))
            if d <= width / 2:
                pixels[y][x] = stroke
    return pixels


here = Path(__file__).resolve().parent
png(here / "color.png", 192, draw(192, ACCENT, WHITE, 0.07, 0.18))
png(here / "outline.png", 32, draw(32, CLEAR, WHITE, 0.11, 0))
