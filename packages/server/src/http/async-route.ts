import type { NextFunction, Request, Response } from 'express';

/** Express 5 forwards rejected promises itself; this only gives handlers a typed, JSON-returning shape. */
export function jsonRoute<T>(handler: (req: Request) => Promise<T>) {
  return async (req: Request, res: Response, _next: NextFunction) => {
    res.json(await handler(req));
  };
}
