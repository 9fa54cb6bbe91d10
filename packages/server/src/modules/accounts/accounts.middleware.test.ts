import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Request, Response } from 'express';
import { AppError } from '../../core/errors.ts';
import { requireRole, requireUser } from './accounts.middleware.ts';
import type { Role } from './accounts.logic.ts';

const reqAs = (role: Role | null) =>
  ({ auth: { user: role && { id: 1, name: 'N', role, pseudonym: 'Saksi-XXXXXX' } } }) as unknown as Request;

/** Runs a middleware; returns 'next' when it let the request through, else the error code it threw. */
function outcome(mw: (req: Request, res: Response, next: () => void) => void, req: Request): string {
  let passed = false;
  try {
    mw(req, {} as Response, () => (passed = true));
  } catch (err) {
    return err instanceof AppError ? `${err.status} ${err.code}` : 'other error';
  }
  return passed ? 'next' : 'stalled';
}

const cases: [string, Role | null, Role[], string][] = [
  ['anonymous', null, ['moderator'], '401 login-required'],
  ['witness to a moderator route', 'witness', ['moderator', 'admin'], '403 forbidden'],
  ['moderator to a moderator route', 'moderator', ['moderator', 'admin'], 'next'],
  ['admin to a moderator/admin route', 'admin', ['moderator', 'admin'], 'next'],
  ['moderator to an admin route', 'moderator', ['admin'], '403 forbidden'],
];
for (const [name, role, allowed, expected] of cases) {
  test(`requireRole: ${name} -> ${expected}`, () =>
    assert.equal(outcome(requireRole(...allowed), reqAs(role)), expected));
}

test('requireUser: 401 login-required when anonymous, through when signed in', () => {
  assert.equal(outcome(requireUser, reqAs(null)), '401 login-required');
  assert.equal(outcome(requireUser, reqAs('witness')), 'next');
});
