#!/usr/bin/env python3
"""Reads an X window dump (xwd, 24/32-bit TrueColor) on stdin and prints the mean red, green and blue
(0-255) and the standard deviation of the grey level over a rectangle given as fractions of the
screen: screen_stats.py X0 Y0 X1 Y1. The viewer tests use it to see what is really on screen."""
import struct
import sys

data = sys.stdin.buffer.read()
header = struct.unpack(">25I", data[:100])
header_size, width, height = header[0], header[4], header[5]
byte_order, bits_per_pixel, bytes_per_line = header[7], header[11], header[12]
red_mask, green_mask, blue_mask, ncolors = header[14], header[15], header[16], header[19]
if bits_per_pixel != 32:
    sys.exit(f"screen_stats.py: {bits_per_pixel} bits per pixel; run Xvfb with depth 24")
pixels = data[header_size + 12 * ncolors:]
x0, y0, x1, y1 = (float(v) for v in sys.argv[1:5])
fmt = "<I" if byte_order == 0 else ">I"


def shift(mask):
    return (mask & -mask).bit_length() - 1


rs, gs, bs = shift(red_mask), shift(green_mask), shift(blue_mask)
total = [0, 0, 0]
grey = []
step = 4  # every 4th pixel each way is plenty
for y in range(int(y0 * height), int(y1 * height), step):
    row = y * bytes_per_line
    for x in range(int(x0 * width), int(x1 * width), step):
        (p,) = struct.unpack_from(fmt, pixels, row + 4 * x)
        r, g, b = (p & red_mask) >> rs, (p & green_mask) >> gs, (p & blue_mask) >> bs
        total[0] += r
        total[1] += g
        total[2] += b
        grey.append((r + g + b) / 3)
n = max(len(grey), 1)
mean = sum(grey) / n
sd = (sum((v - mean) ** 2 for v in grey) / n) ** 0.5
print(f"{total[0] / n:.1f} {total[1] / n:.1f} {total[2] / n:.1f} {sd:.1f}")
