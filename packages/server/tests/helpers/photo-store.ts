import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FileStore } from '../../src/modules/photos/file-store.ts';
import type { ImageProcessor } from '../../src/modules/photos/image-processor.ts';

/** A promise the test opens by hand, and one that says when the code under test reached it. */
export function checkpoint() {
  let open!: () => void;
  let reach!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const reached = new Promise<void>((r) => (reach = r));
  return { open, reached, pass: async () => (reach(), opened) };
}

export const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

/** Every file under a folder, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** The files of one photo (original and copies) under a store folder. */
export const filesOf = (dir: string, sha256: string) =>
  filesUnder(dir)
    .filter((f) => path.basename(f).startsWith(sha256))
    .sort();

/**
 * The real sharp processor, except that `prepare` of a file with a held name waits at its checkpoint: the
 * test does something while an upload is between its limit check and its transaction.
 */
export function holdingImages(real: ImageProcessor, holds: Map<string, ReturnType<typeof checkpoint>>): ImageProcessor {
  return {
    ...real,
    async prepare(bytes, type, name) {
      await holds.get(name)?.pass();
      return real.prepare(bytes, type, name);
    },
  };
}

/** The real store, with optional checkpoints in `put` and `remove` (after the put, before the remove) and a record of what they did. */
export function watchedStore(real: FileStore) {
  const hooks: {
    afterPut?: (relPath: string, wrote: boolean) => Promise<void>;
    beforeRemove?: (relPath: string) => Promise<void>;
  } = {};
  const removed: string[] = [];
  const store: FileStore = {
    ...real,
    async put(relPath, bytes) {
      const wrote = await real.put(relPath, bytes);
      await hooks.afterPut?.(relPath, wrote);
      return wrote;
    },
    async remove(relPath) {
      await hooks.beforeRemove?.(relPath);
      const done = await real.remove(relPath);
      if (done) removed.push(relPath);
      return done;
    },
  };
  return { store, hooks, removed };
}
