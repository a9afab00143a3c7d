#!/usr/bin/python3
"""decode-srtm-grey.py: helper of scripts/build-assets (Bulwark asset pipeline).

Turns Marble's 8-bit SRTM relief (grey levels, already georeferenced and
cropped by build-assets) into heights in metres and writes an Int16 GeoTIFF
(DEFLATE + horizontal predictor, nodata -32768).

1. Land: grey -> metres by piecewise-linear interpolation on the elevation
   legend of Marble's srtm.dgml / landcolors.leg / seacolors.leg:
   grey = position * 255 (table GREY_POS / METRES below; sea level is about
   grey 97).
2. Land/sea from a GSHHG land mask on the same grid (gmt grdlandmask, lakes
   counted as land): land pixels are raised to at least +1 m, sea pixels are
   kept at or below -1 m, so the DEM's 0 m line agrees with the coastline layer.
3. Sea floor from ETOPO5 (real metres, resampled onto the same grid by
   build-assets) instead of Marble's sea grey levels: those carry JPEG 8x8
   block artefacts and decode shelf seas far too deep (Sea of Azov -20..-35 m
   against a real 7-14 m; ETOPO5 says -3..-10 m), because the legend spreads
   0..-50 m over only ~18 grey levels. GSHHG sea pixels where ETOPO5 is at or
   above 0 m (coasts differ at 5') take a Gaussian-weighted average (sigma 2 px,
   then 8 px) of the nearby ETOPO5 sea values, else -1 m.
   Without BATHY_TIF, Marble's decoded sea depths are used instead, smoothed
   the same way (Gaussian, sigma SEA_SIGMA px, over sea pixels only).

Needs python3-gdal and numpy (Debian: python3-gdal, python3-numpy).
Usage: decode-srtm-grey.py GREY_TIF LANDMASK_TIF OUT_TIF [BATHY_TIF]
"""
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

GREY_POS = [0, .07, .14, .21, .28, .31, .38, .45, .52, .59, .70, .77, .83, .90, .95]
METRES = [-11000, -6500, -4000, -2000, -200, -50, 0, 50, 200, 500, 1000, 2000, 3500, 5000, 7000]
SEA_SIGMA = 2.0      # pixels (2 arc-minutes each): about 7 km
NODATA = -32768


def gaussian_kernel(sigma):
    r = int(np.ceil(3 * sigma))
    x = np.arange(-r, r + 1, dtype=np.float64)
    k = np.exp(-0.5 * (x / sigma) ** 2)
    return k / k.sum()


def blur(a, sigma):
    """Separable Gaussian blur with edge replication (numpy only)."""
    k = gaussian_kernel(sigma)
    r = len(k) // 2
    out = a.astype(np.float64)
    for axis in (0, 1):
        pad = [(0, 0), (0, 0)]
        pad[axis] = (r, r)
        p = np.pad(out, pad, mode="edge")
        acc = np.zeros_like(out)
        n = out.shape[axis]
        for i, w in enumerate(k):
            acc += w * (p[i:i + n, :] if axis == 0 else p[:, i:i + n])
        out = acc
    return out


def same_grid(a, b):
    return np.allclose(a.GetGeoTransform(), b.GetGeoTransform(), atol=1e-7) \
        and (a.RasterXSize, a.RasterYSize) == (b.RasterXSize, b.RasterYSize)


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    grey_path, mask_path, out_path = sys.argv[1:4]
    bathy_path = sys.argv[4] if len(sys.argv) == 5 else None

    # Keep every dataset referenced while its bands are read (GDAL/Python).
    src = gdal.Open(grey_path)
    grey = src.GetRasterBand(1).ReadAsArray().astype(np.float64)
    mask_ds = gdal.Open(mask_path)
    if not same_grid(mask_ds, src):
        sys.exit("land mask and grey rasters are not on the same grid")
    land = mask_ds.GetRasterBand(1).ReadAsArray() > 0.5

    h = np.interp(grey, [p * 255.0 for p in GREY_POS], METRES)

    if bathy_path:
        bathy_ds = gdal.Open(bathy_path)
        if not same_grid(bathy_ds, src):
            sys.exit("bathymetry and grey rasters are not on the same grid")
        depth = bathy_ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
        valid = (~land) & (depth < 0)
        sea = np.where(valid, depth, -1.0)
        filled = valid.copy()               # only the gaps get filled
    else:
        depth = h
        valid = (~land) & (h < 0)
        sea = np.full(h.shape, -1.0)
        filled = np.zeros(h.shape, dtype=bool)  # everything gets smoothed
    # Normalised convolution over the valid sea samples only, so no land
    # height leaks into the sea; the wider pass reaches narrow gaps.
    for sigma in (SEA_SIGMA, 4 * SEA_SIGMA):
        w = blur(valid.astype(np.float64), sigma)
        s = blur(np.where(valid, depth, 0.0), sigma)
        ok = (w > 0.05) & ~filled & ~land
        sea[ok] = s[ok] / w[ok]
        filled |= ok
    out = np.where(land, np.maximum(h, 1.0), np.minimum(sea, -1.0))
    out = np.rint(out).astype(np.int16)

    drv = gdal.GetDriverByName("GTiff")
    dst = drv.Create(out_path, src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Int16,
                     options=["COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=9"])
    dst.SetGeoTransform(src.GetGeoTransform())
    dst.SetProjection(src.GetProjection())
    band = dst.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.SetUnitType("m")
    band.SetDescription("height above mean sea level (m)")
    band.WriteArray(out)
    dst.SetMetadataItem("SOURCE", "land: Marble SRTM relief level 3 (SRTM30, NASA JPL), grey decoded to "
                        "metres; sea floor: " + ("ETOPO5 (NOAA)" if bathy_path else "same, smoothed")
                        + "; coast: GSHHG")
    dst.FlushCache()
    dst = None
    print(f"decode-srtm-grey.py: {out.shape[1]}x{out.shape[0]} px, land {land.mean() * 100:.1f} %, "
          f"min {out.min()} m, max {out.max()} m, sea floor from "
          f"{'ETOPO5' if bathy_path else 'smoothed Marble grey'}")


if __name__ == "__main__":
    main()
