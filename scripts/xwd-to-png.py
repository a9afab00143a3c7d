#!/usr/bin/env python3
"""Converts an X window dump (xwd, 24/32-bit TrueColor) on stdin to a PNG, with the standard library
only: xwd-to-png.py OUT.png [--crop X,Y,W,H] [--half]. --half averages 2x2 pixels (a 4K screen to a
1920x1080 picture); --crop cuts a rectangle first, in screen pixels."""
import argparse
import struct
import sys
import zlib

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("out")
parser.add_argument("--crop", help="X,Y,W,H in screen pixels")
parser.add_argument("--half", action="store_true", help="average 2x2 pixels")
args = parser.parse_args()

data = sys.stdin.buffer.read()
header = struct.unpack(">25I", data[:100])
header_size, width, height = header[0], header[4], header[5]
byte_order, bits_per_pixel, bytes_per_line = header[7], header[11], header[12]
masks, ncolors = header[14:17], header[19]
if bits_per_pixel != 32:
    sys.exit(f"xwd-to-png.py: {bits_per_pixel} bits per pixel; use a 24-bit screen")
pixels = memoryview(data)[header_size + 12 * ncolors:]
x0, y0, w, h = (int(v) for v in args.crop.split(",")) if args.crop else (0, 0, width, height)
if x0 < 0 or y0 < 0 or w <= 0 or h <= 0 or x0 + w > width or y0 + h > height:
    sys.exit(f"xwd-to-png.py: --crop {args.crop} is outside the {width}x{height} screen")
# Byte positions of red, green and blue in each 4-byte pixel.
order = [((m & -m).bit_length() - 1) // 8 for m in masks]
if byte_order == 1:
    order = [3 - o for o in order]
rows = []
for y in range(y0, y0 + h):
    row = bytes(pixels[y * bytes_per_line + 4 * x0: y * bytes_per_line + 4 * (x0 + w)])
    rows.append(bytes(b for i in range(w) for b in (row[4 * i + order[0]], row[4 * i + order[1]], row[4 * i + order[2]])))
if args.half:
    w, h = w // 2, h // 2
    rows = [bytes((a[2 * 3 * x + c] + a[2 * 3 * x + 3 + c] + b[2 * 3 * x + c] + b[2 * 3 * x + 3 + c] + 2) // 4
                  for x in range(w) for c in range(3))
            for a, b in zip(rows[0::2], rows[1::2])]


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


raw = b"".join(b"\0" + r for r in rows)
png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")
with open(args.out + ".tmp", "wb") as f:
    f.write(png)
import os
os.replace(args.out + ".tmp", args.out)
