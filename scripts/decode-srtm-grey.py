#!/usr/bin/python3
"""decode-srtm-grey.py: helper of scripts/build-assets (Bulwark asset pipeline).

Turns Marble's 8-bit SRTM relief (grey levels, already georeferenced and
cropped by build-assets) into heights in metres and writes an Int16 GeoTIFF
(DEFLATE + horizontal predictor, nodata -32768).

1. Land: grey -> metres by piecewise-linear interpolation on the elevation
   legend of Marble's srtm.dgml / landcolors.leg / seacolors.leg:
   grey = position * 255 (table GREY_POS / METRES below; sea level is about
   grey 97).
2. Deblocking and dequantisation of the land heights. Marble's tiles are JPEG
   (quality 70, 8x8 blocks): decoded as they are, land shows 8 x 8 px terraces
   with steps at the block edges, and 8-bit grey steps (17 m per grey level at
   200-1000 m, 56 m at 1000-2000 m). So, on a float grid:
   a. shift-averaged re-application of JPEG (Nosratinia, "Enhancement of
      JPEG-compressed images by re-application of JPEG", 2001): the grey image
      is shifted by each of the 64 offsets (dx, dy) in 0..7, compressed and
      decoded again with the tiles' own quality (JPEG_QUALITY), shifted back,
      and the 64 results are averaged. Each pass puts the block grid somewhere
      else, so block edges and terraces average out, while relief that the
      tiles' DCT coefficients carry (ridges, valleys, peaks) survives; the mean
      of 64 8-bit images also fills in between grey levels;
   b. grey -> metres, then a light Gaussian (sigma LAND_SIGMA px) over land
      pixels only (normalised convolution, so no sea depth bleeds into the
      coast) for the remaining grey-level steps.
   JPEG_QUALITY and LAND_SIGMA were chosen by measurement; build-assets prints
   the measurements (blockiness across block edges, agreement with ETOPO5, and
   the error against known heights put through the same JPEG compression) for
   the decoding with and without this step.
3. Land/sea from a GSHHG land mask on the same grid (gmt grdlandmask, lakes
   counted as land): land pixels are raised to at least +1 m, sea pixels are
   kept at or below -1 m, so the DEM's 0 m line agrees with the coastline layer.
4. Sea floor from ETOPO5 (real metres, resampled onto the same grid by
   build-assets) instead of Marble's sea grey levels: those carry JPEG 8x8
   block artefacts and decode shelf seas far too deep (Sea of Azov -20..-35 m
   against a real 7-14 m; ETOPO5 says -3..-10 m), because the legend spreads
   0..-50 m over only ~18 grey levels. GSHHG sea pixels where ETOPO5 is at or
   above 0 m (coasts differ at 5') take a Gaussian-weighted average (sigma 2 px,
   then 8 px) of the nearby ETOPO5 sea values, else -1 m.
   Without BATHY_TIF, Marble's decoded sea depths (after step 2a) are used
   instead, smoothed the same way (Gaussian, sigma SEA_SIGMA px, over sea
   pixels only).

With --raw-out RAW_TIF, the same DEM without step 2 (land heights decoded
from the grey levels as they are) is written as well, for comparison.

The functions (blur, deblock_land, blockiness, ...) are also used by
build-assets through runpy; main() only runs when this file is executed.

Needs python3-gdal (with GDAL's JPEG driver) and numpy (Debian: python3-gdal,
python3-numpy).
Usage: decode-srtm-grey.py GREY_TIF LANDMASK_TIF OUT_TIF [BATHY_TIF] [--raw-out RAW_TIF]
"""
import sys

import numpy as np
from osgeo import gdal

gdal.UseExceptions()

GREY_POS = [0, .07, .14, .21, .28, .31, .38, .45, .52, .59, .70, .77, .83, .90, .95]
METRES = [-11000, -6500, -4000, -2000, -200, -50, 0, 50, 200, 500, 1000, 2000, 3500, 5000, 7000]
SEA_SIGMA = 2.0      # pixels (2 arc-minutes each): about 7 km
JPEG_QUALITY = 70    # Marble's level-3 tiles (their quantisation tables are libjpeg's quality 70)
LAND_SIGMA = 0.5     # pixels: the light land Gaussian after the JPEG re-application
BLOCK = 8            # JPEG block size, pixels
TILE_PX = 675        # Marble level-3 tile size, pixels; blocks start at each tile's corner
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


def blur_within(values, mask, sigma):
    """Normalised convolution: Gaussian mean of values over mask pixels only;
    pixels outside mask keep their value."""
    w = blur(mask.astype(np.float64), sigma)
    s = blur(np.where(mask, values, 0.0), sigma)
    return np.where(mask, s / np.maximum(w, 1e-12), values)


def grey_to_metres(grey):
    return np.interp(grey, [p * 255.0 for p in GREY_POS], METRES)


def jpeg_roundtrip(grey, quality=JPEG_QUALITY):
    """Compress an 8-bit image (values rounded and clipped to 0..255) with
    GDAL's JPEG driver (libjpeg, 8x8 blocks from the top left corner) and
    decode it again."""
    b = np.clip(np.rint(grey), 0, 255).astype(np.uint8)
    mem = gdal.GetDriverByName("MEM").Create("", b.shape[1], b.shape[0], 1, gdal.GDT_Byte)
    mem.GetRasterBand(1).WriteArray(b)
    path = "/vsimem/decode-srtm-grey.jpg"
    gdal.GetDriverByName("JPEG").CreateCopy(path, mem, options=[f"QUALITY={quality}"])
    ds = gdal.Open(path)
    out = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    ds = None
    gdal.Unlink(path)
    return out


def reapply_jpeg(grey, quality=JPEG_QUALITY):
    """Shift-averaged re-application of JPEG (float result)."""
    rows, cols = grey.shape
    acc = np.zeros((rows, cols))
    for dy in range(BLOCK):
        for dx in range(BLOCK):
            p = np.pad(grey, ((dy, BLOCK - dy), (dx, BLOCK - dx)), mode="reflect")
            acc += jpeg_roundtrip(p, quality)[dy:dy + rows, dx:dx + cols]
    return acc / BLOCK ** 2


def deblock_land(grey, land):
    """Step 2: land heights in metres (float) from JPEG-decoded grey levels."""
    return blur_within(grey_to_metres(reapply_jpeg(grey)), land, LAND_SIGMA)


def marble_block_edges(ds):
    """Where Marble's JPEG blocks have edges on a raster cropped from the
    level-3 mosaic: (ex, ey), ex[i] True when a block edge lies between
    columns i-1 and i (ey the same for rows). Tiles start at 180W / 90N."""
    gt = ds.GetGeoTransform()
    col0 = int(round((gt[0] + 180.0) / gt[1]))
    row0 = int(round((90.0 - gt[3]) / -gt[5]))
    ex = ((col0 + np.arange(ds.RasterXSize)) % TILE_PX) % BLOCK == 0
    ey = ((row0 + np.arange(ds.RasterYSize)) % TILE_PX) % BLOCK == 0
    return ex, ey


def blockiness(h, mask, ex, ey):
    """Mean |second difference| (h[i-1] - 2 h[i] + h[i+1], along rows and
    columns, all three pixels in mask) where the three pixels straddle a block
    edge, where they do not, and the ratio of the two (about 1 without block
    artefacts)."""
    sums = np.zeros(2)
    counts = np.zeros(2)
    for a, m, edges in ((h, mask, ex), (h.T, mask.T, ey)):   # along rows, then columns
        d2 = np.abs(a[:, :-2] - 2 * a[:, 1:-1] + a[:, 2:])
        ok = m[:, :-2] & m[:, 1:-1] & m[:, 2:]
        across = edges[1:-1] | edges[2:]
        for j, sel in enumerate((across, ~across)):
            sums[j] += d2[:, sel][ok[:, sel]].sum()
            counts[j] += ok[:, sel].sum()
    edge, inner = sums / counts
    return edge, inner, edge / inner


def compare_land(a, ref):
    """a against ref where both are land (> 0 m): bias, RMSE, median absolute
    error (metres) and correlation."""
    land = (a > 0) & (ref > 0)
    d = (a - ref)[land]
    return (d.mean(), np.sqrt((d ** 2).mean()), np.median(np.abs(d)),
            np.corrcoef(a[land], ref[land])[0, 1])


def same_grid(a, b):
    return np.allclose(a.GetGeoTransform(), b.GetGeoTransform(), atol=1e-7) \
        and (a.RasterXSize, a.RasterYSize) == (b.RasterXSize, b.RasterYSize)


def write_dem(path, src, out, source):
    drv = gdal.GetDriverByName("GTiff")
    dst = drv.Create(path, src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Int16,
                     options=["COMPRESS=DEFLATE", "PREDICTOR=2", "ZLEVEL=9"])
    dst.SetGeoTransform(src.GetGeoTransform())
    dst.SetProjection(src.GetProjection())
    band = dst.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.SetUnitType("m")
    band.SetDescription("height above mean sea level (m)")
    band.WriteArray(out)
    dst.SetMetadataItem("SOURCE", source)
    dst.FlushCache()
    dst = None


def main():
    args = sys.argv[1:]
    raw_path = None
    if "--raw-out" in args:
        i = args.index("--raw-out")
        if i + 1 >= len(args):
            sys.exit(__doc__)
        raw_path = args[i + 1]
        del args[i:i + 2]
    if len(args) not in (3, 4):
        sys.exit(__doc__)
    grey_path, mask_path, out_path = args[:3]
    bathy_path = args[3] if len(args) == 4 else None

    # Keep every dataset referenced while its bands are read (GDAL/Python).
    src = gdal.Open(grey_path)
    grey = src.GetRasterBand(1).ReadAsArray().astype(np.float64)
    mask_ds = gdal.Open(mask_path)
    if not same_grid(mask_ds, src):
        sys.exit("land mask and grey rasters are not on the same grid")
    land = mask_ds.GetRasterBand(1).ReadAsArray() > 0.5

    h_raw = grey_to_metres(grey)
    h = deblock_land(grey, land)             # land pixels deblocked; sea: re-applied JPEG only

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
    sea = np.minimum(sea, -1.0)

    sea_source = "ETOPO5 (NOAA)" if bathy_path else "same, smoothed"
    out = np.rint(np.where(land, np.maximum(h, 1.0), sea)).astype(np.int16)
    write_dem(out_path, src, out,
              "land: Marble SRTM relief level 3 (SRTM30, NASA JPL), grey decoded to metres, "
              f"deblocked (shift-averaged JPEG re-application, quality {JPEG_QUALITY}; "
              f"land Gaussian sigma {LAND_SIGMA} px); sea floor: {sea_source}; coast: GSHHG")
    raw_note = ""
    if raw_path:
        raw = np.rint(np.where(land, np.maximum(h_raw, 1.0), sea)).astype(np.int16)
        write_dem(raw_path, src, raw,
                  "land: Marble SRTM relief level 3 (SRTM30, NASA JPL), grey decoded to metres "
                  f"as is, not deblocked (comparison only); sea floor: {sea_source}; coast: GSHHG")
        raw_note = f"; without deblocking: {raw_path}"
    print(f"decode-srtm-grey.py: {out.shape[1]}x{out.shape[0]} px, land {land.mean() * 100:.1f} %, "
          f"min {out.min()} m, max {out.max()} m, land deblocked (JPEG re-application q{JPEG_QUALITY}, "
          f"Gaussian {LAND_SIGMA} px), sea floor from "
          f"{'ETOPO5' if bathy_path else 'smoothed Marble grey'}{raw_note}")


if __name__ == "__main__":
    main()
