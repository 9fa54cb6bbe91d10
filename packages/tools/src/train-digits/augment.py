"""Batch augmentation that turns a clean crop into what a perspective-warped phone photo gives:
slightly off-centre, rotated, stretched, thicker or thinner ink, blurred, unevenly lit, noisy, JPEG'd.
Works on (B, 1, S, S) intensities 0..255 and returns the same, rounded to 8 bits like the real input."""
import io
import math

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image


def random_affine(x, g):
    b = x.shape[0]
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(b, generator=g)
    angle = u(-7, 7) * math.pi / 180
    scale = u(0.85, 1.15)
    # The labelled crops are mostly taller than wide, the server's crops nearly square: stretch both ways.
    aspect = torch.exp(u(-0.15, 0.15))
    shear = u(-0.08, 0.08)
    # Up to 10% of the crop (about 9 layout px) off-centre: what a homography fitted on a skewed,
    # curled sheet leaves at the far side of the page.
    tx, ty = u(-0.2, 0.2), u(-0.2, 0.2)
    cos, sin = torch.cos(angle), torch.sin(angle)
    sx, sy = 1 / (scale * aspect), aspect / scale
    theta = torch.stack([
        torch.stack([cos * sx, -sin * sx + shear, tx], 1),
        torch.stack([sin * sy, cos * sy, ty], 1),
    ], 1)
    keep = torch.rand(b, generator=g) < 0.15
    theta[keep] = torch.tensor([[1.0, 0, 0], [0, 1.0, 0]])
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode='bilinear', padding_mode='border', align_corners=False)


def stroke_width(x, g):
    """Thicker ink = local minimum of intensity, thinner = local maximum; blended for sub-pixel steps."""
    b = x.shape[0]
    thick = F.max_pool2d(-x, 3, 1, 1).neg()
    thin = F.max_pool2d(x, 3, 1, 1)
    r = torch.rand(b, 1, 1, 1, generator=g)
    a = torch.rand(b, 1, 1, 1, generator=g)
    out = torch.where(r < 0.3, x + (thick - x) * a, x)
    return torch.where((r >= 0.3) & (r < 0.5), x + (thin - x) * a * 0.7, out)


def gaussian_blur(x, g):
    b, _, h, w = x.shape
    sigma = 0.3 + 1.1 * torch.rand(b, generator=g)
    sigma[torch.rand(b, generator=g) < 0.4] = 0.01
    k = torch.arange(-3, 4, dtype=torch.float32)
    k1 = torch.exp(-(k[None] ** 2) / (2 * sigma[:, None] ** 2))
    k1 = k1 / k1.sum(1, keepdim=True)
    k2 = (k1[:, :, None] * k1[:, None, :])[:, None]
    padded = F.pad(x.reshape(1, b, h, w), (3, 3, 3, 3), mode='replicate')
    return F.conv2d(padded, k2, groups=b).reshape(b, 1, h, w)


def moire(b, h, w, g, p=0.3):
    """Faint stripes at a random angle and period: screen moire and paper or scanner texture. Without
    them a striped blank box reads as a '1'."""
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(b, 1, 1, 1, generator=g)
    theta, period, phase = u(0, math.pi), u(2.2, 6), u(0, 2 * math.pi)
    yy = torch.arange(h, dtype=torch.float32).view(1, 1, h, 1)
    xx = torch.arange(w, dtype=torch.float32).view(1, 1, 1, w)
    stripes = torch.sin(2 * math.pi * (xx * torch.cos(theta) + yy * torch.sin(theta)) / period + phase)
    on = (torch.rand(b, 1, 1, 1, generator=g) < p).float()
    return stripes * u(0.01, 0.06) * on


def lighting(x, g):
    """Lower contrast, darker or brighter paper, a light gradient across the box, gamma."""
    b, _, h, w = x.shape
    u = lambda lo, hi: lo + (hi - lo) * torch.rand(b, 1, 1, 1, generator=g)
    v = x / 255
    v = 1 - (1 - v) * u(0.5, 1.05)
    v = v * u(0.6, 1.05) + u(0, 0.06)
    yy = torch.linspace(-1, 1, h).view(1, 1, h, 1)
    xx = torch.linspace(-1, 1, w).view(1, 1, 1, w)
    v = v * (1 + u(-0.2, 0.2) * xx + u(-0.2, 0.2) * yy)
    v = v.clamp(0, 1) ** u(0.75, 1.3)
    v = v + moire(b, h, w, g)
    noise = torch.randn(x.shape, generator=g) * u(0, 0.025)
    return (v + noise).clamp(0, 1) * 255


def jpeg(x, rng, p=0.4):
    out = x.round().clamp(0, 255)
    for i in np.nonzero(rng.random(x.shape[0]) < p)[0]:
        img = Image.fromarray(out[i, 0].numpy().astype(np.uint8))
        buf = io.BytesIO()
        img.save(buf, format='JPEG', quality=int(rng.integers(30, 86)))
        out[i, 0] = torch.from_numpy(np.asarray(Image.open(buf), dtype=np.float32))
    return out


def augment(x, g, rng):
    x = random_affine(x, g)
    x = stroke_width(x, g)
    x = gaussian_blur(x, g)
    x = lighting(x, g)
    return jpeg(x, rng)
