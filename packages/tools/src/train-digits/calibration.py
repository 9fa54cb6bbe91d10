"""Temperature scaling and the figures digits.json reports about the validation set.

The reader must never state a wrong digit with confidence, so the probabilities the model exports
have to mean what they say: a single temperature, fitted by minimising the negative log-likelihood
on held-out crops, rescales the logits without changing any prediction."""
import numpy as np
import torch
import torch.nn.functional as F

THRESHOLDS = [0.9, 0.98, 0.995]


def fit_temperature(logits, labels):
    log_t = torch.zeros(1, requires_grad=True)
    opt = torch.optim.LBFGS([log_t], lr=0.1, max_iter=200)

    def closure():
        opt.zero_grad()
        loss = F.cross_entropy(logits / log_t.exp(), labels)
        loss.backward()
        return loss

    opt.step(closure)
    return float(log_t.exp())


def nll(logits, labels, t):
    return float(F.cross_entropy(logits / t, labels))


def expected_calibration_error(probs, labels, bins=15):
    conf, pred = probs.max(1)
    correct = (pred == labels).float()
    ece = 0.0
    edges = torch.linspace(0, 1, bins + 1)
    for lo, hi in zip(edges[:-1], edges[1:]):
        sel = (conf > lo) & (conf <= hi)
        if sel.any():
            ece += float(sel.float().mean() * (conf[sel].mean() - correct[sel].mean()).abs())
    return round(ece, 4)


def threshold_table(probs, labels):
    conf, pred = probs.max(1)
    rows = []
    for t in THRESHOLDS:
        sel = conf >= t
        n = int(sel.sum())
        wrong = int(((pred != labels) & sel).sum())
        rows.append({
            'threshold': t,
            'share': round(n / len(labels), 4),
            'accuracy': round((n - wrong) / n, 5) if n else None,
            'count': n,
            'wrong': wrong,
        })
    return rows


def per_class_report(probs, labels, classes):
    pred = probs.argmax(1)
    confusion = np.zeros((len(classes), len(classes)), dtype=int)
    for t, p in zip(labels.tolist(), pred.tolist()):
        confusion[t, p] += 1
    per_class = {}
    for i, c in enumerate(classes):
        n = int(confusion[i].sum())
        per_class[c] = {'count': n, 'accuracy': round(confusion[i, i] / n, 4) if n else None}
    overall = round(float((pred == labels).float().mean()), 4)
    return overall, per_class, confusion.tolist()


def summarize(logits, labels, t, classes):
    probs = F.softmax(logits / t, 1)
    overall, per_class, confusion = per_class_report(probs, labels, classes)
    return {
        'count': len(labels),
        'accuracy': overall,
        'perClass': per_class,
        'confusion': confusion,
        'confidence': threshold_table(probs, labels),
        'nll': round(nll(logits, labels, t), 4),
        'ece': expected_calibration_error(probs, labels),
    }
