import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { z } from 'zod';
import {
  CROP_MARGIN,
  DIGIT_CLASSES,
  prepareBox,
  toPrediction,
  type BoxImage,
  type DigitLabel,
  type DigitPrediction,
} from '@cocok/domain';

export { boxCropRect, CROP_MARGIN, DIGIT_CLASSES } from '@cocok/domain';
export type { BoxImage, DigitLabel, DigitPrediction, Rect } from '@cocok/domain';

/**
 * Handwritten digit-box classifier: a small CNN trained by packages/tools/src/train-digits/train.py, run
 * in-process with onnxruntime-node. Classes 0-9 and `empty`; an X cross-out reads as 0.
 */
export type DigitClassifier = {
  classify(boxes: BoxImage[]): Promise<DigitPrediction[]>;
  classes: readonly DigitLabel[];
};

export const DEFAULT_MODEL_PATH = fileURLToPath(new URL('../assets/models/digits.onnx', import.meta.url));

const metadataSchema = z.object({
  classes: z.array(z.string()),
  inputSize: z.number().int().positive(),
  cropMargin: z.number().int(),
  input: z.object({ name: z.string() }),
  output: z.object({ name: z.string(), softmax: z.literal(true) }),
  preprocessing: z.object({ stdFloor: z.number().positive() }),
});
export type DigitModelMetadata = z.infer<typeof metadataSchema>;

/** digits.json sits next to the model; a mismatch with this code is a broken deployment, so fail loudly. */
export async function loadDigitModelMetadata(modelPath: string): Promise<DigitModelMetadata> {
  const jsonPath = modelPath.replace(/\.onnx$/, '.json');
  const meta = metadataSchema.parse(JSON.parse(await readFile(jsonPath, 'utf8')));
  if (meta.classes.join() !== DIGIT_CLASSES.join()) {
    throw new Error(`${jsonPath}: classes ${meta.classes.join()} differ from ${DIGIT_CLASSES.join()}`);
  }
  if (meta.cropMargin !== CROP_MARGIN) {
    throw new Error(`${jsonPath}: cropMargin ${meta.cropMargin} differs from CROP_MARGIN ${CROP_MARGIN}`);
  }
  return meta;
}

export async function createDigitClassifier(opts: { modelPath?: string } = {}): Promise<DigitClassifier> {
  const modelPath = opts.modelPath ?? DEFAULT_MODEL_PATH;
  const meta = await loadDigitModelMetadata(modelPath);
  // One thread: the server shares two cores with everything else, and a page's ~70 boxes take a few ms.
  const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 1, interOpNumThreads: 1 });
  const size = meta.inputSize;
  const plane = size * size;

  async function classify(boxes: BoxImage[]): Promise<DigitPrediction[]> {
    if (boxes.length === 0) return [];
    const input = new Float32Array(boxes.length * plane);
    boxes.forEach((box, i) => prepareBox(box, size, meta.preprocessing.stdFloor, input, i * plane));
    const feeds = { [meta.input.name]: new ort.Tensor('float32', input, [boxes.length, 1, size, size]) };
    const result = await session.run(feeds);
    const probs = result[meta.output.name].data as Float32Array;
    return boxes.map((_, i) => toPrediction(probs, i * DIGIT_CLASSES.length, DIGIT_CLASSES));
  }

  return { classify, classes: DIGIT_CLASSES };
}
