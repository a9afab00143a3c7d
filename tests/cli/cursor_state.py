#!/usr/bin/env python3
"""Prints "hidden" when the X server's current cursor image is fully transparent, else "visible"
(XFixesGetCursorImage through ctypes): how the viewer tests see whether the cursor hides at rest."""
import ctypes
import sys


class CursorImage(ctypes.Structure):
    _fields_ = [("x", ctypes.c_short), ("y", ctypes.c_short), ("width", ctypes.c_ushort),
                ("height", ctypes.c_ushort), ("xhot", ctypes.c_ushort), ("yhot", ctypes.c_ushort),
                ("cursor_serial", ctypes.c_ulong), ("pixels", ctypes.POINTER(ctypes.c_ulong)),
                ("atom", ctypes.c_ulong), ("name", ctypes.c_char_p)]


x11 = ctypes.CDLL("libX11.so.6")
xfixes = ctypes.CDLL("libXfixes.so.3")
x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
xfixes.XFixesGetCursorImage.restype = ctypes.POINTER(CursorImage)
xfixes.XFixesGetCursorImage.argtypes = [ctypes.c_void_p]
display = x11.XOpenDisplay(None)
if not display:
    sys.exit("cursor_state.py: cannot open the display")
image = xfixes.XFixesGetCursorImage(display)
if not image:
    sys.exit("cursor_state.py: the server gave no cursor image")
c = image.contents
opaque = any((c.pixels[i] >> 24) & 0xFF for i in range(c.width * c.height))
print("visible" if opaque else "hidden")
