import { Router } from 'express';
import { routes, type Health } from '@cocok/api';
import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { jsonRoute } from '../../http/async-route.ts';

export function healthRoutes({ db, clock }: { db: Database; clock: Clock }): Router {
  const router = Router();
  router.get(
    routes.health.pattern,
    jsonRoute(async (): Promise<Health> => {
      const row = await db.get<{ user_version: number }>('PRAGMA user_version');
      return { ok: true, schemaVersion: row?.user_version ?? 0, time: clock.now().toISOString() };
    }),
  );
  return router;
}
