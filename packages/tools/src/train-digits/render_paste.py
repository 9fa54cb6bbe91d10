"""A second look at every labelled crop: its handwriting pasted into a box of the blank form renders and
cut out again the way the server cuts a box (layout box plus CROP_MARGIN, jittered like a page warp).

The labelled crops come from photos of many printings of the form, each framed its own way; the server
always sees this form's single ~4 px border and dotted guide. Training on both teaches the model the
handwriting, not the frame. The crop's own border is cut away first (same rule as insideBorder() in
handwriting-crops.ts), so the pasted box shows one frame, as a real one does."""
import csv
import os

import numpy as np
from PIL import Image

from blank_boxes import jittered_quad
from digit_data import area_resize, gray_variants

BORDER_INSET = 4
MIN_BORDER_CONTRAST = 30


def inside_border(gray):
    """(top, bottom, left, right) px to cut off a crop so that its printed border is gone."""
    h, w = gray.shape
    dark = 255.0 - gray.astype(np.float64)
    rows = dark[:, int(w * 0.2):int(np.ceil(w * 0.8))].mean(1)
    cols = dark[int(h * 0.2):int(np.ceil(h * 0.8)), :].mean(0)

    def edge(profile):
        n = len(profile)
        middle = profile[n // 2]
        peak = int(np.argmax(profile[:max(1, int(n * 0.3))]))
        if profile[peak] - middle < MIN_BORDER_CONTRAST:
            return 0
        k = peak
        while k < n / 2 and profile[k] > (profile[peak] + middle) / 2:
            k += 1
        return k + 1

    top, bottom, left, right = edge(rows), edge(rows[::-1]), edge(cols), edge(cols[::-1])
    if w - left - right < w / 3 or h - top - bottom < h / 3:
        return 0, 0, 0, 0
    return top, bottom, left, right


def paste_into_render(gray, page, box, rng):
    """One crop's ink multiplied into `box` of a blank page, cut out as the server would: (S, S) float."""
    t, b, l, r = inside_border(gray)
    ink = gray[t:gray.shape[0] - b, l:gray.shape[1] - r].astype(np.float64)
    paper = max(40.0, np.percentile(ink, 85))
    grow = 1 + rng.normal() * 0.03
    iw = max(4, int(round((box['w'] - 2 * BORDER_INSET) * grow)))
    ih = max(4, int(round((box['h'] - 2 * BORDER_INSET) * grow)))
    tile = np.asarray(Image.fromarray(np.clip(ink / paper * 255, 0, 255).astype(np.uint8)).resize((iw, ih), Image.BILINEAR), dtype=np.float64) / 255
    if 'array' not in page:
        page['array'] = np.asarray(page['image'], dtype=np.float64)
    sheet = page['array']
    x0 = int(round(box['x'] + (box['w'] - iw) / 2 + rng.normal()))
    y0 = int(round(box['y'] + (box['h'] - ih) / 2 + rng.normal()))
    pad = 16
    region = sheet[y0 - pad:y0 + ih + pad, x0 - pad:x0 + iw + pad].copy()
    region[pad:pad + ih, pad:pad + iw] *= np.minimum(1.0, tile)
    # The cut is taken in the region's own coordinates: box position relative to the region.
    local = {'x': box['x'] - (x0 - pad), 'y': box['y'] - (y0 - pad), 'w': box['w'], 'h': box['h']}
    quad, size = jittered_quad(local, rng)
    cut = Image.fromarray(np.clip(np.rint(region), 0, 255).astype(np.uint8)).transform(size, Image.QUAD, quad, resample=Image.BILINEAR, fillcolor=255)
    return area_resize(np.asarray(cut, dtype=np.float64))


def render_variants(data_dir, files, pages, rng):
    """(N, S, S) float32: crop i pasted into a random box of a random blank page."""
    out = []
    for f in files:
        rgb = np.asarray(Image.open(os.path.join(data_dir, 'images', f)).convert('RGB'))
        gray = gray_variants(rgb)[0]
        page = pages[rng.integers(len(pages))]
        box = page['boxes'][rng.integers(len(page['boxes']))]
        out.append(paste_into_render(gray, page, box, rng))
    return np.stack(out).astype(np.float32)
