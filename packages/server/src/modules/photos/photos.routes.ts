import { Router } from 'express';
import { routes } from '@cocok/api';
import { PHOTO_CACHE } from './photos.logic.ts';
import type { PhotosService } from './photos.service.ts';

/**
 * Public copies of uploaded photos (display and thumb: re-encoded, no EXIF). Whether and how long they may
 * be cached depends on their submissions (photos.logic photoAccess / PHOTO_CACHE). Originals are never served.
 */
export function photosRoutes(photos: PhotosService): Router {
  const router = Router();
  for (const [kind, route] of [
    ['display', routes.photoDisplay],
    ['thumb', routes.photoThumb],
  ] as const) {
    router.get(route.pattern, async (req, res) => {
      res.set('Cache-Control', PHOTO_CACHE.refused); // kept on a 404/410: no cache may remember the refusal either
      const copy = await photos.publicCopy(String(req.params.sha256), kind, req.auth?.user ?? null);
      res.set('Cache-Control', copy.cacheControl);
      res.type('jpeg').sendFile(copy.file);
    });
  }
  return router;
}
