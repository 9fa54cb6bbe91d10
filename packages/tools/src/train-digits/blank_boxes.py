"""The `empty` class: digit boxes cut out of the blank form renders the way the server will cut them
(layout box plus CROP_MARGIN px), with the jitter a real page warp leaves behind.

The labelled crops hold no empty box, so without this the model would have to call every blank box
some digit. Each sample moves every corner of the cut independently (off-centre, slightly rotated,
slightly perspective), may catch a bit of the neighbouring separator lines, and may carry a speck or
a faint smudge, which is still an empty box. No sample ever contains a pen stroke: a stroke in a box
means a digit (or an X, which is class 0)."""
import json
import os

import numpy as np
from PIL import Image

from digit_data import area_resize, gray_variants

CROP_MARGIN = 4
# Page 2 boxes carry the dotted seven-segment guide that most labelled crops show; over-sample them
# so "has a guide" cannot become a cue for "holds a digit".
PAGE_WEIGHTS = {1: 0.4, 2: 0.45, 3: 0.15}


def load_blank_pages(form_dir):
    layout = json.load(open(os.path.join(form_dir, 'layout.json')))
    pages = []
    for p in layout['pages']:
        rgb = np.asarray(Image.open(os.path.join(form_dir, p['image'])).convert('RGB'))
        boxes = [b for f in p['fields'] for b in f['boxes']]
        pages.append({'page': p['page'], 'image': Image.fromarray(gray_variants(rgb)[0]), 'boxes': boxes})
    return pages


def jittered_quad(box, rng):
    """Source quadrilateral (UL, LL, LR, UR, as PIL's QUAD wants) of one cut: shifted by up to 8 px,
    each side's margin moved by -3..+5 px and each corner by a further +-2 px, about what a
    homography fitted on four corner marks leaves at the far side of a curled sheet."""
    m = CROP_MARGIN
    dx, dy = rng.uniform(-8, 8, size=2)
    left = box['x'] - m - rng.uniform(-3, 5) + dx
    top = box['y'] - m - rng.uniform(-3, 5) + dy
    right = box['x'] + box['w'] + m + rng.uniform(-3, 5) + dx
    bottom = box['y'] + box['h'] + m + rng.uniform(-3, 5) + dy
    corners = np.array([[left, top], [left, bottom], [right, bottom], [right, top]])
    corners += rng.uniform(-2, 2, size=corners.shape)
    return corners.flatten().tolist(), (int(round(right - left)), int(round(bottom - top)))


def add_speck(img, rng):
    """A pen touch, a dust dot or a JPEG blotch: a small dark disc well inside the box."""
    h, w = img.shape
    r = rng.uniform(0.7, 2.5)
    cy, cx = rng.uniform(0.25, 0.75) * h, rng.uniform(0.25, 0.75) * w
    yy, xx = np.mgrid[0:h, 0:w]
    disc = np.clip(r + 0.5 - np.hypot(yy - cy, xx - cx), 0, 1)
    return img * (1 - disc * rng.uniform(0.15, 0.75))


def add_smudge(img, rng):
    """A faint, wide shadow or stain: low contrast and no edges, unlike a stroke."""
    h, w = img.shape
    s = rng.uniform(5, 15)
    cy, cx = rng.uniform(0.2, 0.8) * h, rng.uniform(0.2, 0.8) * w
    yy, xx = np.mgrid[0:h, 0:w]
    blob = np.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * s * s))
    return img * (1 - blob * rng.uniform(0.04, 0.15))


def synth_empty(pages, rng, n):
    """n resized empty-box crops (n, S, S) float32, intensities 0..255, before photo augmentation."""
    page_p = np.array([PAGE_WEIGHTS[p['page']] for p in pages])
    out = []
    for _ in range(n):
        page = pages[rng.choice(len(pages), p=page_p / page_p.sum())]
        box = page['boxes'][rng.integers(len(page['boxes']))]
        quad, size = jittered_quad(box, rng)
        cut = page['image'].transform(size, Image.QUAD, quad, resample=Image.BILINEAR)
        img = np.asarray(cut, dtype=np.float64)
        if rng.random() < 0.3:
            for _ in range(rng.integers(1, 4)):
                img = add_speck(img, rng)
        if rng.random() < 0.2:
            img = add_smudge(img, rng)
        out.append(area_resize(np.clip(np.rint(img), 0, 255)))
    return np.stack(out).astype(np.float32)
