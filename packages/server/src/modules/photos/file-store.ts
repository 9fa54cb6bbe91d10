import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded bytes live: a folder of immutable, content-addressed files (paths from photos.logic).
 * `put` writes a temporary file in the target folder, fsyncs it, renames it into place and fsyncs the
 * folder, so a crash leaves either the whole file or none (at worst a stray `.tmp-` file that nothing
 * refers to, which the orphan sweeper removes). Callers commit database rows only after `put` resolved.
 */
export type FileStore = {
  /** Stores the bytes unless the file exists already (same path = same content); true when it wrote. */
  put(relPath: string, bytes: Buffer): Promise<boolean>;
  read(relPath: string): Promise<Buffer>;
  exists(relPath: string): Promise<boolean>;
  /** The absolute path, for streaming a file to a response. */
  absolute(relPath: string): string;
  /** Deletes a file; false when it was not there. */
  remove(relPath: string): Promise<boolean>;
  /** When the file was last written, or null when it is not there (the sweeper's grace period). */
  modifiedAt(relPath: string): Promise<Date | null>;
  /** Every file under the two fanned-out folders (originals/xx/, derived/xx/), temporary ones included. */
  list(): Promise<string[]>;
  readonly root: string;
};

const TOP_FOLDERS = ['originals', 'derived'];

export function createFileStore(root: string): FileStore {
  const absolute = (relPath: string) => {
    const full = path.resolve(root, relPath);
    if (!full.startsWith(path.resolve(root) + path.sep)) throw new Error(`path escapes the store: ${relPath}`);
    return full;
  };
  const exists = (relPath: string) =>
    fs.access(absolute(relPath)).then(
      () => true,
      () => false,
    );

  return {
    root,
    absolute,
    exists,
    read: (relPath) => fs.readFile(absolute(relPath)),
    async remove(relPath) {
      try {
        await fs.unlink(absolute(relPath));
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw err;
      }
    },
    modifiedAt: (relPath) =>
      fs.stat(absolute(relPath)).then(
        (s) => s.mtime,
        () => null,
      ),
    async list() {
      const out: string[] = [];
      for (const top of TOP_FOLDERS) {
        for (const fan of await entries(path.join(root, top))) {
          if (!fan.isDirectory()) continue;
          for (const file of await entries(path.join(root, top, fan.name)))
            if (file.isFile()) out.push(`${top}/${fan.name}/${file.name}`);
        }
      }
      return out;
    },
    async put(relPath, bytes) {
      const target = absolute(relPath);
      if (await exists(relPath)) return false;
      const dir = path.dirname(target);
      await fs.mkdir(dir, { recursive: true });
      const temp = path.join(dir, `.tmp-${crypto.randomBytes(8).toString('hex')}`);
      try {
        await writeSynced(temp, bytes);
        await fs.rename(temp, target);
      } catch (err) {
        await fs.rm(temp, { force: true });
        throw err;
      }
      await syncDir(dir);
      return true;
    },
  };
}

/** A folder's entries; none when it does not exist (a store nobody uploaded to yet). */
async function entries(dir: string) {
  return fs.readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return [];
    throw err;
  });
}

async function writeSynced(file: string, bytes: Buffer): Promise<void> {
  const handle = await fs.open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable; some platforms cannot open folders, which is then not an error. */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
