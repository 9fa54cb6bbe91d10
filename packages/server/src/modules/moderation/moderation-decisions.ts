import type { Database } from '../../db/database.ts';
import { createUnitOfWork, type UnitOfWork } from '../../db/unit-of-work.ts';
import type { AccountsInTransaction, AccountsService, SessionUser } from '../accounts/accounts.service.ts';
import type { OfficialInTransaction, OfficialService } from '../official/official.service.ts';
import type { RegionsInTransaction, RegionsService } from '../regions/regions.service.ts';
import type { SubmissionsInTransaction, SubmissionsService } from '../submissions/submissions.service.ts';
import type { ComparisonPort } from './comparison-port.ts';
import { moderationErrors } from './moderation.errors.ts';
import { createModerationRepository, type ModerationRepository, type NewLogRow } from './moderation.repository.ts';
import type { DecisionBody } from '@cocok/api';

type Staff = SessionUser & { role: 'moderator' | 'admin' };

/**
 * Everything a moderation transaction touches, bound to it: the other modules' parts (`inTransaction`) and
 * moderation's own repository on the transaction. `tx` is there for that repository's writes only (its
 * convention, as in every repository); other modules are reached through their parts, never with `tx`.
 */
export type ModerationUnit = {
  tx: Database;
  repo: ModerationRepository;
  accounts: AccountsInTransaction;
  submissions: SubmissionsInTransaction;
  official: OfficialInTransaction;
  regions: RegionsInTransaction;
  /** Recomputes crowd figures, status and rollups of these TPS in this transaction. */
  comparison: { refresh(codes: readonly string[]): Promise<void> };
};

export function createModerationUnit(
  db: Database,
  deps: {
    accounts: Pick<AccountsService, 'inTransaction'>;
    submissions: Pick<SubmissionsService, 'inTransaction'>;
    official: Pick<OfficialService, 'inTransaction'>;
    regions: Pick<RegionsService, 'inTransaction'>;
    comparison: Pick<ComparisonPort, 'refresh'>;
  },
): UnitOfWork<ModerationUnit> {
  return createUnitOfWork(db, (tx) => ({
    tx,
    repo: createModerationRepository(tx),
    accounts: deps.accounts.inTransaction(tx),
    submissions: deps.submissions.inTransaction(tx),
    official: deps.official.inTransaction(tx),
    regions: deps.regions.inTransaction(tx),
    comparison: { refresh: (codes) => deps.comparison.refresh(tx, codes) },
  }));
}

export type DecisionContext = { uow: ModerationUnit; tps: string; actor: Staff; nowIso: string };
/** What a decision did: its log row id and every TPS whose crowd figures it changed. */
export type DecisionEffect = { decisionId: number; affected: string[] };

type Body<K extends DecisionBody['kind']> = Extract<DecisionBody, { kind: K }>;

/**
 * The effect of each decision kind, run inside the caller's unit of work: the audit row is written
 * first (its id ties the effect rows to it), then the effect; a refusal thrown here rolls both back.
 */
export function createDecisionHandlers() {
  const log = (c: DecisionContext, row: Partial<NewLogRow> & { action: string }) =>
    c.uow.repo.insertLog(c.uow.tx, {
      at: c.nowIso,
      actor_id: c.actor.id,
      actor_role: c.actor.role,
      tps_code: c.tps,
      submission_id: null,
      subject_user_id: null,
      before_json: null,
      after_json: null,
      reason: null,
      ...row,
    });
  const json = (v: unknown) => (v === null || v === undefined ? null : JSON.stringify(v));

  async function liveSubmissionOf(c: DecisionContext, id: number) {
    const sub = await c.uow.submissions.find(id);
    if (!sub || sub.tps_code !== c.tps) throw moderationErrors.submissionNotInTps(id, c.tps);
    if (sub.status === 'withdrawn') throw moderationErrors.submissionWithdrawn(id);
    return sub;
  }

  async function overridesBefore(c: DecisionContext): Promise<Record<string, number | null> | null> {
    const rows = await c.uow.repo.listOverrides(c.uow.tx, c.tps);
    return rows.length ? Object.fromEntries(rows.map((r) => [r.field, r.value])) : null;
  }

  const handlers: { [K in DecisionBody['kind']]: (c: DecisionContext, body: Body<K>) => Promise<DecisionEffect> } = {
    async 'set-verified'(c, body) {
      let figures = body.figures;
      if (body.fromSubmission !== undefined) {
        const sub = await liveSubmissionOf(c, body.fromSubmission);
        if (sub.status !== 'confirmed') throw moderationErrors.submissionNotConfirmed(sub.id);
        figures = await c.uow.submissions.confirmedValues(sub.id);
      }
      const before = await overridesBefore(c);
      const decisionId = await log(c, {
        action: body.kind,
        submission_id: body.fromSubmission ?? null,
        before_json: json(before),
        after_json: json(figures),
        reason: body.reason,
      });
      await c.uow.repo.replaceOverrides(c.uow.tx, c.tps, figures!, c.actor.id, c.nowIso, body.reason);
      return { decisionId, affected: [c.tps] };
    },

    async 'clear-verified'(c, body) {
      const before = await overridesBefore(c);
      if (!before) throw moderationErrors.nothingVerified();
      const decisionId = await log(c, { action: body.kind, before_json: json(before), reason: body.reason });
      await c.uow.repo.deleteOverrides(c.uow.tx, c.tps);
      return { decisionId, affected: [c.tps] };
    },

    async 'official-wrong'(c, body) {
      const current = await c.uow.official.current(c.tps);
      const before = (await c.uow.repo.listDisputes(c.tps)).map((d) => d.field);
      const after = {
        fields: body.fields,
        officialVersionId: current?.versionId ?? null,
        official: Object.fromEntries(body.fields.map((f) => [f, current?.fields[f] ?? null])),
      };
      const decisionId = await log(c, {
        action: body.kind,
        before_json: json(before.length ? { fields: before } : null),
        after_json: json(after),
        reason: body.reason,
      });
      await c.uow.repo.upsertDisputes(c.uow.tx, c.tps, body.fields, current?.versionId ?? null, decisionId, c.nowIso);
      return { decisionId, affected: [c.tps] };
    },

    async 'reject-submission'(c, body) {
      const sub = await liveSubmissionOf(c, body.submissionId);
      const reason = body.note ? `${body.reason}: ${body.note}` : body.reason;
      const decisionId = await log(c, {
        action: body.kind,
        submission_id: sub.id,
        before_json: json({ status: sub.status }),
        after_json: json({ status: 'withdrawn', rejected: body.reason }),
        reason,
      });
      await c.uow.submissions.withdrawByModerator(sub.id, c.nowIso);
      await c.uow.repo.insertRejection(c.uow.tx, sub.id, body.reason, decisionId);
      return { decisionId, affected: [c.tps] };
    },

    async 'move-submission'(c, body) {
      const sub = await liveSubmissionOf(c, body.submissionId);
      if (body.toTps === c.tps) throw moderationErrors.sameTps(c.tps);
      await c.uow.regions.requireTps(body.toTps);
      const change = {
        before_json: json({ tps: c.tps }),
        after_json: json({ tps: body.toTps }),
        reason: body.reason,
        submission_id: sub.id,
      };
      const decisionId = await log(c, { action: body.kind, ...change });
      // The destination's history shows the arrival under its own action, which settles nothing there:
      // the new evidence puts the destination in the queue.
      await log({ ...c, tps: body.toTps }, { action: 'receive-submission', ...change });
      await c.uow.submissions.moveToTps(sub.id, body.toTps);
      await c.uow.repo.insertRequeue(c.uow.tx, body.toTps, decisionId, c.nowIso);
      return { decisionId, affected: [c.tps, body.toTps] };
    },

    async escalate(c, body) {
      const decisionId = await log(c, {
        action: body.kind,
        after_json: json({ escalated: true }),
        reason: body.reason,
      });
      return { decisionId, affected: [] };
    },

    async 'ban-uploader'(c, body) {
      const sub = await c.uow.submissions.find(body.submissionId);
      if (!sub || sub.tps_code !== c.tps) throw moderationErrors.submissionNotInTps(body.submissionId, c.tps);
      const user = await c.uow.accounts.findUser(sub.user_id);
      if (!user) throw moderationErrors.userNotFound(sub.user_id);
      if (user.role !== 'witness') throw moderationErrors.uploaderIsStaff();
      const active = await c.uow.submissions.listActiveOfUser(user.id);
      const after = { banned: user.pseudonym, withdrawn: active.map((s) => ({ id: s.id, tps: s.tps_code })) };
      const decisionId = await log(c, {
        action: body.kind,
        submission_id: sub.id,
        subject_user_id: user.id,
        after_json: json(after),
        reason: body.reason,
      });
      await c.uow.accounts.ban(user.id, c.nowIso);
      const affected = new Set<string>([c.tps]);
      for (const s of active) {
        await c.uow.submissions.withdrawByModerator(s.id, c.nowIso);
        await c.uow.repo.insertRejection(c.uow.tx, s.id, 'banned-uploader', decisionId);
        affected.add(s.tps_code);
      }
      for (const tps of affected) {
        // Each TPS concerned shows the ban in its history, as a follow-up row rather than a second decision.
        if (tps !== c.tps)
          await log(
            { ...c, tps },
            { action: 'uploader-banned', subject_user_id: user.id, after_json: json(after), reason: body.reason },
          );
        await c.uow.repo.insertRequeue(c.uow.tx, tps, decisionId, c.nowIso);
      }
      return { decisionId, affected: [...affected] };
    },

    async 'resolve-report'(c, body) {
      const decisionId = await log(c, {
        action: body.kind,
        after_json: json({ outcome: body.outcome }),
        reason: body.reason,
      });
      const resolved = await c.uow.repo.resolveReports(c.uow.tx, c.tps, decisionId, body.outcome);
      if (resolved === 0) throw moderationErrors.noOpenReports();
      return { decisionId, affected: [] };
    },
  };

  return {
    apply(c: DecisionContext, body: DecisionBody): Promise<DecisionEffect> {
      return (handlers[body.kind] as (c: DecisionContext, b: DecisionBody) => Promise<DecisionEffect>)(c, body);
    },
  };
}
