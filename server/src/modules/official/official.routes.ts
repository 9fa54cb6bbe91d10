import { Router } from 'express';
import { jsonRoute } from '../../http/async-route.ts';
import type { OfficialService } from './official.service.ts';

export function officialRoutes(official: OfficialService): Router {
  const router = Router();
  router.get('/tps/:code', jsonRoute((req) => official.getTps(String(req.params.code))));
  return router;
}
