import type { UploadAnswer } from '@cocok/api';
import { ApiError, apiUrl, checkedBody, currentCsrfToken, refreshCsrfToken } from '../../lib/api-client.ts';

export type { UploadAnswer };
export type UploadPart = { blob: Blob; name: string };

/**
 * `POST /api/submissions` through XMLHttpRequest, the one browser API that reports upload progress.
 * A CSRF token refused as stale is refreshed and the upload sent once more.
 */
export async function sendUpload(
  tps: string,
  parts: readonly UploadPart[],
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadAnswer> {
  if (currentCsrfToken() === null) await refreshCsrfToken();
  try {
    return await sendOnce(tps, parts, onProgress, signal);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'csrf-invalid') throw err;
    await refreshCsrfToken();
    return sendOnce(tps, parts, onProgress, signal);
  }
}

function sendOnce(
  tps: string,
  parts: readonly UploadPart[],
  onProgress: (loaded: number, total: number) => void,
  signal?: AbortSignal,
): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('tps', tps);
  for (const p of parts) form.append('photos', p.blob, p.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('upload'));
    xhr.setRequestHeader('X-CSRF-Token', currentCsrfToken() ?? '');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      try {
        resolve(checkedBody<UploadAnswer>(xhr.status, body));
      } catch (err) {
        reject(err);
      }
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network-error', 'Tidak dapat menghubungi server.', 'Could not reach the server.'));
    xhr.onabort = () => reject(new ApiError(0, 'aborted', 'Pengiriman dibatalkan.', 'The upload was cancelled.'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}
