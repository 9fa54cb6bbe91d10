/**
 * `npm run train-digits -- [--data DIR] [--epochs N] [--seed S] [--members K] [--render-share R]`: trains the digit-box classifier with
 * Debian's PyTorch and writes packages/reader/assets/models/digits.{onnx,json} and digits-val-tps.txt.
 * Arguments go to train.py unchanged; its output streams through.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const INSTALL = 'apt-get update && apt-get install -y python3-torch python3-onnx python3-pil python3-numpy';
const trainScript = fileURLToPath(new URL('./train.py', import.meta.url));

const probe = spawnSync(PYTHON, ['-c', 'import torch, onnx, PIL, numpy'], { encoding: 'utf8' });
if (probe.error || probe.status !== 0) {
  console.error(`${PYTHON} cannot import torch, onnx, PIL and numpy:\n${probe.error?.message ?? probe.stderr.trim()}`);
  console.error(`Install them (as root) with:\n  ${INSTALL}`);
  process.exit(1);
}

const child = spawn(PYTHON, ['-u', trainScript, ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
