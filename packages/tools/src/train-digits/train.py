"""Trains the digit-box classifier of the form reader and exports it for onnxruntime-node.

    /usr/bin/python3 packages/tools/src/train-digits/train.py [--data DIR] [--epochs N] [--seed S] [--members K] [--render-share R] [--out DIR]

Writes packages/reader/assets/models/digits.onnx (input `input` [N,1,32,32] float32, output `probabilities`
[N,11], temperature already applied), digits.json (preprocessing, validation figures) and
digits-val-tps.txt (the TPS held out, so the photo benchmark can measure unseen handwriting)."""
import argparse
import datetime
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from augment import augment  # noqa: E402
from blank_boxes import CROP_MARGIN, load_blank_pages, synth_empty  # noqa: E402
from calibration import fit_temperature, summarize  # noqa: E402
from digit_data import CLASSES, EMPTY, INPUT_SIZE, STD_FLOOR, is_validation_tps, load_crops  # noqa: E402
from export import export_model, parity_samples  # noqa: E402
from render_paste import render_variants  # noqa: E402

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), '..', '..', '..', '..'))
VAL_FRACTION = 0.15
EMPTY_POOL = 6000
EMPTY_VAL = 400
BATCH = 128
# Nets trained from different seeds and averaged (--members): each one's idiosyncratic mistakes (a 3 it
# calls a 5) are rarely shared, and the average is better calibrated than any one. Each costs ~9 ms a page.
ENSEMBLE = 3
RENDER_VARIANT = 3


class DigitNet(nn.Module):
    """LeNet-sized: ~90k parameters, ~3.6 M multiply-adds per box."""

    def __init__(self, n_classes):
        super().__init__()

        def block(cin, cout):
            return [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU(inplace=True)]

        self.features = nn.Sequential(
            *block(1, 16), nn.MaxPool2d(2),
            *block(16, 32), nn.MaxPool2d(2),
            *block(32, 48), *block(48, 48), nn.MaxPool2d(2),
        )
        self.head = nn.Sequential(
            nn.Flatten(), nn.Dropout(0.3), nn.Linear(48 * 16, 64), nn.ReLU(inplace=True),
            nn.Dropout(0.2), nn.Linear(64, n_classes),
        )

    def forward(self, x):
        return self.head(self.features(x))


class Ensemble(nn.Module):
    """The mean of its members' logits (the temperature is fitted on that mean)."""

    def __init__(self, members):
        super().__init__()
        self.members = nn.ModuleList(members)

    def forward(self, x):
        return torch.stack([m(x) for m in self.members]).mean(0)


def standardize(x):
    """Torch twin of digit_data.standardize (and of the TS preprocessing)."""
    v = x / 255
    mean = v.mean(dim=(2, 3), keepdim=True)
    std = ((v - mean) ** 2).mean(dim=(2, 3), keepdim=True).sqrt()
    return (v - mean) / std.clamp_min(STD_FLOOR)


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', default=os.path.join(ROOT, 'packages/tools/data/c1-digit-crops'))
    p.add_argument('--form', default=os.path.join(ROOT, 'packages/reader/assets/form/c-hasil-ppwp-2024'))
    p.add_argument('--out', default=os.path.join(ROOT, 'packages/reader/assets/models'))
    p.add_argument('--epochs', type=int, default=30)
    p.add_argument('--seed', type=int, default=2024)
    p.add_argument('--members', type=int, default=ENSEMBLE)
    p.add_argument('--render-share', type=float, default=0.3, help='share of crops shown pasted into a blank render box')
    # One thread: on a shared 2-core machine two threads fight over the cores (31 s an epoch, against 3.5 s).
    p.add_argument('--threads', type=int, default=1)
    return p.parse_args()


def logits_of(model, x):
    model.eval()
    with torch.no_grad():
        return torch.cat([model(standardize(x[i:i + 512])) for i in range(0, len(x), 512)])


def epoch_batches(digits, labels, empty_pool, variant_rng, render_share):
    """One epoch's shuffled (images, labels): every training crop once, in a random gray variant,
    plus as many fresh synthetic empty boxes as an average digit class has crops. Variant 0 is the
    crop as photographed (libvips gray), 1-2 other grays, 3 its ink pasted into a blank render box."""
    n = len(digits)
    r = variant_rng.random(n)
    as_photographed = 0.6 - render_share / 2
    variant = np.where(r < as_photographed, 0, np.where(r < as_photographed + render_share, RENDER_VARIANT, variant_rng.integers(1, 3, n)))
    x = digits[np.arange(n), variant]
    n_empty = int(round(n / (len(CLASSES) - 1)))
    e = empty_pool[variant_rng.choice(len(empty_pool), n_empty, replace=False)]
    x = np.concatenate([x, e])
    y = np.concatenate([labels, np.full(n_empty, EMPTY)])
    order = variant_rng.permutation(len(y))
    return torch.from_numpy(x[order]).unsqueeze(1), torch.from_numpy(y[order])


def train(model, data, epochs, seed, render_share):
    g = torch.Generator().manual_seed(seed)
    rng = np.random.default_rng(seed)
    opt = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=1e-4)
    steps = epochs * ((len(data['train_y']) * 11 // 10) // BATCH + 1)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=3e-3, total_steps=steps + epochs, pct_start=0.15)
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        model.train()
        x, y = epoch_batches(data['train_x'], data['train_y'], data['empty_pool'], rng, render_share)
        total, correct, loss_sum = 0, 0, 0.0
        for i in range(0, len(y), BATCH):
            xb = standardize(augment(x[i:i + BATCH], g, rng))
            out = model(xb)
            loss = F.cross_entropy(out, y[i:i + BATCH])
            opt.zero_grad()
            loss.backward()
            opt.step()
            sched.step()
            loss_sum += float(loss) * len(xb)
            correct += int((out.argmax(1) == y[i:i + BATCH]).sum())
            total += len(xb)
        vl = logits_of(model, data['val_x'])
        val_loss = float(F.cross_entropy(vl, data['val_y']))
        val_acc = float((vl.argmax(1) == data['val_y']).float().mean())
        print(f'epoch {epoch:3d}/{epochs}  train loss {loss_sum / total:.4f} acc {correct / total:.4f}  '
              f'val loss {val_loss:.4f} acc {val_acc:.4f}  ({time.time() - t0:.1f}s)', flush=True)


def prepare(args):
    t0 = time.time()
    variants, labels, tps, files = load_crops(args.data)
    is_val = np.array([is_validation_tps(t, args.seed, VAL_FRACTION) for t in tps])
    val_tps = sorted({t for t, v in zip(tps, is_val) if v})
    pages = load_blank_pages(args.form)
    pasted = render_variants(args.data, files, pages, np.random.default_rng(args.seed + 5))
    variants = np.concatenate([variants, pasted[:, None]], axis=1)
    empty_pool = synth_empty(pages, np.random.default_rng(args.seed), EMPTY_POOL)
    # Validation empties come from their own random stream and get one fixed round of photo
    # augmentation: a clean render would be too easy to say anything about real blank boxes.
    val_empty = synth_empty(pages, np.random.default_rng(args.seed + 1), EMPTY_VAL)
    g = torch.Generator().manual_seed(args.seed + 2)
    val_empty = augment(torch.from_numpy(val_empty).unsqueeze(1), g, np.random.default_rng(args.seed + 2))
    val_digits = torch.from_numpy(variants[is_val, 0]).unsqueeze(1)
    print(f'{len(labels)} crops from {len(set(tps))} TPS: {int((~is_val).sum())} train, {int(is_val.sum())} val '
          f'({len(val_tps)} TPS); {EMPTY_POOL} + {EMPTY_VAL} synthetic empty boxes ({time.time() - t0:.1f}s)', flush=True)
    return {
        'train_x': variants[~is_val], 'train_y': labels[~is_val], 'empty_pool': empty_pool,
        'val_x': torch.cat([val_digits, val_empty]),
        'val_y': torch.from_numpy(np.concatenate([labels[is_val], np.full(EMPTY_VAL, EMPTY)])),
        'val_digits': val_digits, 'val_digit_y': torch.from_numpy(labels[is_val]),
        'val_files': [f for f, v in zip(files, is_val) if v], 'val_tps': val_tps, 'pages': pages,
        'n_train': int((~is_val).sum()), 'n_val': int(is_val.sum()),
    }


def evaluate(model, data, seed):
    """Clean and photo-like validation logits, the temperature fitted on both, and the summaries."""
    g = torch.Generator().manual_seed(seed + 3)
    photo_x = augment(data['val_digits'].clone(), g, np.random.default_rng(seed + 3))
    clean_logits = logits_of(model, data['val_x'])
    photo_logits = logits_of(model, photo_x)
    # Fitted on the clean and the photo-like validation crops together: the server sees warped phone
    # photos, so a temperature fitted on clean crops alone would be over-confident there.
    temperature = fit_temperature(torch.cat([clean_logits, photo_logits]),
                                  torch.cat([data['val_y'], data['val_digit_y']]))
    return temperature, {
        'clean': summarize(clean_logits, data['val_y'], temperature, CLASSES),
        'digitsOnly': summarize(clean_logits[:data['n_val']], data['val_digit_y'], temperature, CLASSES),
        'photoLike': summarize(photo_logits, data['val_digit_y'], temperature, CLASSES),
    }


def metadata(args, data, temperature, figures, train_seconds, model_bytes, parity):
    return {
        'model': 'digits.onnx',
        'classes': CLASSES,
        'classNotes': ('Class "0" also covers boxes crossed out with an X: the data labels them 0 and in a '
                       'leading box both mean the digit 0. Class "empty" is a box with no stroke (specks and '
                       'faint smudges included); it was synthesised from the blank form renders.'),
        'input': {'name': 'input', 'shape': ['N', 1, INPUT_SIZE, INPUT_SIZE], 'type': 'float32'},
        'output': {'name': 'probabilities', 'shape': ['N', len(CLASSES)], 'softmax': True,
                   'temperatureApplied': True},
        'inputSize': INPUT_SIZE,
        'cropMargin': CROP_MARGIN,
        'preprocessing': {
            'crop': (f'layout.json box grown by cropMargin ({CROP_MARGIN}) px on every side, cut from the page '
                     'already warped into layout.json pixel space (see boxCropRect)'),
            'grayscale': "8-bit; sharp's .grayscale() (libvips, Rec.709 luminance in linear light)",
            'resize': f'area average (each output pixel = mean of the input span it covers) to {INPUT_SIZE}x{INPUT_SIZE}, '
                      'whatever the crop size or aspect',
            'normalize': f'v = pixel/255; (v - mean) / max(std, {STD_FLOOR}), mean and std over the resized crop',
            'stdFloor': STD_FLOOR,
        },
        'temperature': round(temperature, 4),
        'calibration': 'temperature fitted by NLL on the clean + photo-like validation sets below',
        'training': {'crops': data['n_train'], 'emptyPerEpoch': int(round(data['n_train'] / 10)),
                     'emptyPool': EMPTY_POOL, 'epochs': args.epochs, 'seconds': round(train_seconds),
                     'torch': torch.__version__, 'threads': args.threads, 'members': args.members,
                     'renderShare': args.render_share,
                     'variants': 'per epoch each crop once: as photographed (libvips gray), pasted into a blank render '
                                 'box (renderShare), or another grayscale conversion; then the photo augmentation'},
        'validation': {
            'split': f'{VAL_FRACTION:.0%} of TPS codes by sha256("{args.seed}:" + tps); list in digits-val-tps.txt',
            'tps': len(data['val_tps']), 'crops': data['n_val'], 'emptyBoxes': EMPTY_VAL,
            **figures,
            'notes': ('clean = the held-out real crops as they are plus synthetic empty boxes (from a separate '
                      'random stream, one round of photo augmentation); digitsOnly = the real crops alone; '
                      'photoLike = the same real crops after one fixed round of the training augmentation '
                      '(warp, ink width, blur, light, noise, JPEG).'),
        },
        'seed': args.seed,
        'date': datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds'),
        'modelBytes': model_bytes,
        'parity': parity,
    }


def main():
    args = parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    data = prepare(args)
    members = []
    t0 = time.time()
    for k in range(args.members):
        member = DigitNet(len(CLASSES))
        torch.manual_seed(args.seed + 100 * k)
        train(member, data, args.epochs, args.seed + 100 * k, args.render_share)
        members.append(member)
    model = Ensemble(members)
    train_seconds = time.time() - t0
    temperature, figures = evaluate(model, data, args.seed)
    clean = figures['clean']
    print(f'temperature {temperature:.3f}; val accuracy {clean["accuracy"]} (digits only '
          f'{figures["digitsOnly"]["accuracy"]}, photo-like {figures["photoLike"]["accuracy"]})')
    for row in clean['confidence']:
        print(f'  p >= {row["threshold"]}: {row["share"]:.1%} of val crops, accuracy {row["accuracy"]} ({row["wrong"]} wrong)')

    os.makedirs(args.out, exist_ok=True)
    onnx_path = os.path.join(args.out, 'digits.onnx')
    export_model(model, temperature, onnx_path, INPUT_SIZE)
    with open(os.path.join(args.out, 'digits-val-tps.txt'), 'w') as f:
        f.write('\n'.join(data['val_tps']) + '\n')
    parity = parity_samples(model, temperature, data, standardize)
    meta = metadata(args, data, temperature, figures, train_seconds, os.path.getsize(onnx_path), parity)
    with open(os.path.join(args.out, 'digits.json'), 'w') as f:
        json.dump(meta, f, indent=1)
        f.write('\n')
    print(f'wrote {onnx_path} ({meta["modelBytes"]} bytes), digits.json, digits-val-tps.txt')


if __name__ == '__main__':
    main()
