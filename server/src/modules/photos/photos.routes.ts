import { Router } from 'express';
import type { PhotosService } from './photos.service.ts';

/** Public copies of uploaded photos. Content-addressed, so they never change: cached for a year. Originals are never served. */
export function photosRoutes(photos: PhotosService): Router {
  const router = Router();
  for (const kind of ['display', 'thumb'] as const) {
    router.get(`/photos/:sha256/${kind}.jpg`, async (req, res) => {
      const file = await photos.publicCopyPath(String(req.params.sha256), kind);
      res.set('Cache-Control', 'public, max-age=31536000, immutable');
      res.type('jpeg').sendFile(file);
    });
  }
  return router;
}
