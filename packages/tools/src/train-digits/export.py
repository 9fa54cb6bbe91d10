"""ONNX export with the temperature folded in, and the parity samples that let the TypeScript test
prove its preprocessing matches this one (same crop in, same probabilities out)."""
import numpy as np
import onnx
import torch
import torch.nn as nn
import torch.nn.functional as F

from blank_boxes import CROP_MARGIN
from digit_data import CLASSES, area_resize

PARITY_CROPS = 8


class Calibrated(nn.Module):
    """The exported graph outputs calibrated probabilities, so no caller can forget the temperature."""

    def __init__(self, net, temperature):
        super().__init__()
        self.net = net
        self.register_buffer('inv_t', torch.tensor(1.0 / temperature))

    def forward(self, x):
        return F.softmax(self.net(x) * self.inv_t, dim=1)


def export_model(model, temperature, path, size):
    wrapped = Calibrated(model, temperature).eval()
    dummy = torch.zeros(1, 1, size, size)
    torch.onnx.export(
        wrapped, dummy, path, input_names=['input'], output_names=['probabilities'],
        dynamic_axes={'input': {0: 'batch'}, 'probabilities': {0: 'batch'}}, opset_version=13,
        do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(path))


def probabilities(model, temperature, x, standardize):
    model.eval()
    with torch.no_grad():
        return F.softmax(model(standardize(x)) / temperature, 1)


def as_record(p):
    return {c: round(float(v), 6) for c, v in zip(CLASSES, p)}


def parity_samples(model, temperature, data, standardize):
    """A few held-out crops (one per class where possible) and the first box of each blank page, with
    the probabilities this pipeline gives them. Blank boxes are byte-exact inputs on both sides; JPEG
    crops may differ by a gray level where libvips and this code round differently."""
    picked, seen = [], set()
    for i, (f, y) in enumerate(zip(data['val_files'], data['val_digit_y'].tolist())):
        if y not in seen:
            picked.append(i)
            seen.add(y)
        if len(picked) == PARITY_CROPS:
            break
    probs = probabilities(model, temperature, data['val_digits'][picked], standardize)
    crops = [{'file': data['val_files'][i], 'label': CLASSES[int(data['val_digit_y'][i])], 'probabilities': as_record(p)}
             for i, p in zip(picked, probs)]
    blanks = []
    for page in data['pages']:
        b = page['boxes'][0]
        m = CROP_MARGIN
        cut = np.asarray(page['image'])[b['y'] - m:b['y'] + b['h'] + m, b['x'] - m:b['x'] + b['w'] + m]
        x = torch.from_numpy(area_resize(cut).astype(np.float32))[None, None]
        p = probabilities(model, temperature, x, standardize)[0]
        blanks.append({'page': page['page'], 'box': b, 'probabilities': as_record(p)})
    return {'crops': crops, 'blankBoxes': blanks}
