"""Loading the labelled crops, the TPS split, and the preprocessing shared with digit-classifier.ts.

The preprocessing here must stay identical to the TypeScript side (area resize of the 8-bit grayscale
crop to INPUT_SIZE x INPUT_SIZE, then per-crop standardisation): the committed model only works on
inputs prepared exactly this way, and digits.json's parity samples let the TS test prove it.
"""
import csv
import functools
import hashlib
import os

import numpy as np
from PIL import Image

CLASSES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'empty']
EMPTY = CLASSES.index('empty')
INPUT_SIZE = 32
# Floor of the standard deviation (on the 0..1 scale) so a flat crop is not blown up into noise.
STD_FLOOR = 0.02


def srgb_to_linear(c):
    c = c / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def linear_to_srgb(y):
    return 255.0 * np.where(y <= 0.0031308, y * 12.92, 1.055 * np.power(np.maximum(y, 0), 1 / 2.4) - 0.055)


def gray_variants(rgb):
    """Grayscale versions of an RGB crop. The first matches sharp's .grayscale() (libvips: Rec.709
    luminance in linear light) to within a level, which is what the server feeds the model; the others
    (Rec.601 luma, green channel) only widen the training distribution, since blue and black ink
    darken differently under each."""
    rgb = rgb.astype(np.float64)
    vips = linear_to_srgb(srgb_to_linear(rgb) @ np.array([0.2126, 0.7152, 0.0722]))
    rec601 = rgb @ np.array([0.299, 0.587, 0.114])
    green = rgb[..., 1]
    return [np.clip(np.rint(g), 0, 255).astype(np.uint8) for g in (vips, rec601, green)]


@functools.lru_cache(maxsize=None)
def area_weights(n_in, n_out):
    """(n_out, n_in) matrix: each output pixel averages the input span it covers, pixels cut by the
    span's edges weighted by their overlap. Same rule as areaWeights() in digit-classifier.ts."""
    scale = n_in / n_out
    w = np.zeros((n_out, n_in), dtype=np.float64)
    for o in range(n_out):
        start, end = o * scale, (o + 1) * scale
        for i in range(int(np.floor(start)), min(n_in, int(np.ceil(end)))):
            overlap = min(end, i + 1) - max(start, i)
            if overlap > 0:
                w[o, i] = overlap / scale
    return w


def area_resize(gray, size=INPUT_SIZE):
    h, w = gray.shape
    return area_weights(h, size) @ gray.astype(np.float64) @ area_weights(w, size).T


def standardize(x):
    """x: (..., H, W) intensities 0..255 -> zero mean, unit variance per crop. Makes the model blind to
    overall exposure and contrast, which vary wildly between phone photos."""
    v = x / 255.0
    mean = v.mean(axis=(-2, -1), keepdims=True)
    std = np.sqrt(((v - mean) ** 2).mean(axis=(-2, -1), keepdims=True))
    return (v - mean) / np.maximum(std, STD_FLOOR)


def is_validation_tps(tps, seed, fraction):
    digest = hashlib.sha256(f'{seed}:{tps}'.encode()).hexdigest()
    return int(digest[:8], 16) < fraction * 0x100000000


def load_crops(data_dir):
    """Returns (variants (N, V, S, S) float32 resized intensities, labels (N,), tps list, file list)."""
    rows = list(csv.DictReader(open(os.path.join(data_dir, 'manifest.csv'), newline='')))
    variants, labels, tps, files = [], [], [], []
    for r in rows:
        rgb = np.asarray(Image.open(os.path.join(data_dir, 'images', r['file'])).convert('RGB'))
        variants.append(np.stack([area_resize(g) for g in gray_variants(rgb)]).astype(np.float32))
        labels.append(CLASSES.index(r['label']))
        tps.append(r['tps'])
        files.append(r['file'])
    return np.stack(variants), np.array(labels, dtype=np.int64), tps, files
