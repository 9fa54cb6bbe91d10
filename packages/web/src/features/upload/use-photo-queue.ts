import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../lib/api-client.ts';
import { photoProgress, uploadName } from './photo-size.ts';
import { shrinkPhoto, type PreparedPhoto } from './shrink-photo.ts';
import { sendUpload, type UploadAnswer } from './upload-request.ts';

/** Mirrors the server's default `UPLOAD_MAX_FILES`; the server has the last word and names its own limit. */
export const MAX_PHOTOS = 6;

export type PhotoItem = {
  key: string;
  file: File;
  state: 'preparing' | 'ready' | 'sending' | 'refused';
  prepared?: PreparedPhoto;
  previewUrl?: string;
  progress: number;
  /** The server's refusal of this very photo (it names the file in its answer). */
  refusal?: ApiError;
};

let nextKey = 0;

/**
 * The photos of one upload: each is shrunk as soon as it is added (one at a time, so a phone never
 * holds several decoded 12-megapixel images), then all are sent in one request with a progress bar
 * each. The prepared photos stay after a failure, so sending again needs no new choosing or shrinking.
 */
export function usePhotoQueue() {
  const [items, setItems] = useState<PhotoItem[]>([]);
  const queue = useRef(Promise.resolve());
  const urls = useRef(new Set<string>());

  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const update = useCallback((key: string, patch: Partial<PhotoItem>) => {
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  }, []);

  const add = useCallback(
    (files: File[], room: number): number => {
      const taken = files.slice(0, Math.max(0, room));
      const fresh = taken.map((file): PhotoItem => ({ key: `p${nextKey++}`, file, state: 'preparing', progress: 0 }));
      setItems((all) => [...all, ...fresh]);
      for (const item of fresh) {
        queue.current = queue.current.then(async () => {
          const prepared = await shrinkPhoto(item.file);
          const previewUrl = prepared.width !== null ? URL.createObjectURL(prepared.blob) : undefined;
          if (previewUrl) urls.current.add(previewUrl);
          update(item.key, { state: 'ready', prepared, previewUrl });
        });
      }
      return files.length - taken.length;
    },
    [update],
  );

  const remove = useCallback((key: string) => {
    setItems((all) => {
      const gone = all.find((i) => i.key === key);
      if (gone?.previewUrl) {
        URL.revokeObjectURL(gone.previewUrl);
        urls.current.delete(gone.previewUrl);
      }
      return all.filter((i) => i.key !== key);
    });
  }, []);

  /** Sends every prepared photo; on failure the photos are back to `ready` (or `refused`, when named). */
  const send = useCallback(
    async (tps: string, signal?: AbortSignal): Promise<UploadAnswer> => {
      const batch = items.filter((i) => i.prepared && i.state !== 'preparing');
      const parts = batch.map((i, n) => ({
        key: i.key,
        blob: i.prepared!.blob,
        name: uploadName(n, i.file.name, i.prepared!.shrunk),
      }));
      const sizes = parts.map((p) => p.blob.size);
      const inBatch = new Set(parts.map((p) => p.key));
      setItems((all) =>
        all.map((i) => (inBatch.has(i.key) ? { ...i, state: 'sending', progress: 0, refusal: undefined } : i)),
      );
      try {
        return await sendUpload(
          tps,
          parts,
          (loaded, total) => {
            const shares = photoProgress(sizes, loaded, total);
            setItems((all) =>
              all.map((i) =>
                inBatch.has(i.key) ? { ...i, progress: shares[parts.findIndex((p) => p.key === i.key)] } : i,
              ),
            );
          },
          signal,
        );
      } catch (err) {
        const refusal = err instanceof ApiError && typeof err.details.file === 'string' ? err : undefined;
        const refusedKey = parts.find((p) => p.name === refusal?.details.file)?.key;
        setItems((all) =>
          all.map((i) => {
            if (!inBatch.has(i.key)) return i;
            return i.key === refusedKey
              ? { ...i, state: 'refused', progress: 0, refusal }
              : { ...i, state: 'ready', progress: 0 };
          }),
        );
        throw err;
      }
    },
    [items],
  );

  return { items, add, remove, send };
}
