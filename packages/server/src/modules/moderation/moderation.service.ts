import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { errors } from '../../core/errors.ts';
import { normalizeContact, type Role } from '../accounts/accounts.logic.ts';
import type { AccountsService, SessionUser } from '../accounts/accounts.service.ts';
import type { OfficialService } from '../official/official.service.ts';
import type { PhotosService } from '../photos/photos.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { SubmissionsService } from '../submissions/submissions.service.ts';
import type { ComparisonPort } from './comparison-port.ts';
import { createDecisionHandlers, createModerationUnit } from './moderation-decisions.ts';
import { createModerationQueue, type QueueFilter } from './moderation-queue.ts';
import { createPhotoTakedown } from './photo-takedown.ts';
import { activeClaim, mayChangeRole, mayDecide, openReasons, reportGroupKey } from '@cocok/domain';
import { moderationErrors } from './moderation.errors.ts';
import { createModerationRepository, type ClaimRow, type PublicLogRow } from './moderation.repository.ts';
import type { DecisionBody } from '@cocok/api';

export type ModerationSettings = { claimMinutes: number; allowOwnUploads: boolean };
type Staff = SessionUser & { role: 'moderator' | 'admin' };

/**
 * The public shape of a log row: the moderator by staff pseudonym (`Moderator-4MW8RT`), never a name,
 * contact, account id or witness pseudonym. A role change names its subject by staff pseudonym too
 * (rows written before migration 0008 held the witness pseudonym: it is replaced here).
 */
export function publicLogEntry(r: PublicLogRow) {
  const parse = (json: string | null) => (json ? (JSON.parse(json) as Record<string, unknown>) : null);
  const subject = (side: Record<string, unknown> | null) =>
    side && r.action === 'set-role' ? { ...side, user: r.subject_staff_pseudonym } : side;
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    moderator: r.actor_pseudonym,
    role: r.actor_role,
    tps: r.tps_code,
    submissionId: r.submission_id,
    before: subject(parse(r.before_json)),
    after: subject(parse(r.after_json)),
    reason: r.reason,
  };
}

const claimView = (c: ClaimRow | undefined, nowIso: string) =>
  c && activeClaim({ moderatorId: c.moderator_id, expiresAt: c.expires_at }, nowIso)
    ? { moderator: c.pseudonym, moderatorId: c.moderator_id, claimedAt: c.claimed_at, expiresAt: c.expires_at }
    : null;

/** Moderation: the queue, claims, the review data of a TPS, decisions with their audit rows, reports, roles. */
export function createModerationService(deps: {
  db: Database;
  clock: Clock;
  accounts: AccountsService;
  submissions: SubmissionsService;
  official: OfficialService;
  regions: RegionsService;
  photos: PhotosService;
  comparison: ComparisonPort;
  settings: ModerationSettings;
}) {
  const { db, clock, accounts, submissions, official, regions, photos, comparison, settings } = deps;
  const repo = createModerationRepository(db);
  const queue = createModerationQueue({ repo, regions, comparison, clock });
  const decisions = createDecisionHandlers();
  // Decisions and role changes span several modules: one unit of work each, every part bound to its transaction.
  const unit = createModerationUnit(db, { accounts, submissions, official, regions, comparison });

  const tpsOrThrow = (code: string) => regions.requireTps(code);

  async function currentClaim(code: string) {
    const [c] = await repo.listClaims([code]);
    return c;
  }

  async function isEscalated(code: string): Promise<boolean> {
    const rows = await repo.listDecisions([code]);
    const escalations = rows
      .filter((d) => d.action === 'escalate')
      .map((d) => ({ reason: 'escalated' as const, since: d.at }));
    return (
      openReasons(
        escalations,
        rows.map((d) => ({ kind: d.action, at: d.at, actorRole: d.actor_role })),
      ).length > 0
    );
  }

  function groupedReports(rows: Awaited<ReturnType<typeof repo.listReports>>) {
    const groups = new Map<string, { reason: string; count: number; firstAt: string; lastAt: string; open: number }>();
    for (const r of rows) {
      const key = reportGroupKey(r.reason);
      const g = groups.get(key) ?? { reason: r.reason, count: 0, firstAt: r.created_at, lastAt: r.created_at, open: 0 };
      g.count += 1;
      g.lastAt = r.created_at;
      if (r.resolved_decision_id === null) g.open += 1;
      groups.set(key, g);
    }
    const outcomes = rows
      .filter((r) => r.outcome)
      .map((r) => ({ id: r.id, outcome: r.outcome, decisionId: r.resolved_decision_id }));
    return {
      open: rows.filter((r) => r.resolved_decision_id === null).length,
      total: rows.length,
      groups: [...groups.values()],
      resolved: outcomes,
    };
  }

  return {
    queue: (filter: QueueFilter) => queue.list(filter),
    dashboard: () => queue.dashboard(),

    /** Takes the TPS for `claimMinutes` (or renews one's own claim); 409 naming the holder otherwise. */
    async claim(code: string, actor: Staff) {
      await tpsOrThrow(code);
      if (!settings.allowOwnUploads && (await repo.uploadedIn(actor.id, [code]))) throw moderationErrors.ownUpload();
      const now = clock.now();
      const expires = new Date(now.getTime() + settings.claimMinutes * 60_000);
      const taken = await repo.takeClaim(code, actor.id, now.toISOString(), expires.toISOString());
      const claim = claimView(await currentClaim(code), now.toISOString());
      if (!taken && claim) throw moderationErrors.claimedByOther(claim.moderator, claim.expiresAt);
      return { tps: code, claim };
    },

    /**
     * Gives the TPS back before the claim runs out (the moderator is done, or cannot settle it), so the
     * next moderator need not wait. Releasing a TPS one does not hold is a no-op; another's claim is 409.
     */
    async release(code: string, actor: Staff) {
      await tpsOrThrow(code);
      const nowIso = clock.now().toISOString();
      const claim = claimView(await currentClaim(code), nowIso);
      if (claim && claim.moderatorId !== actor.id)
        throw moderationErrors.claimedByOther(claim.moderator, claim.expiresAt);
      await repo.releaseClaim(code, actor.id);
      return { tps: code, claim: null };
    },

    /** Everything a moderator needs to settle a TPS. */
    async review(code: string, viewer: Staff) {
      await tpsOrThrow(code);
      const nowIso = clock.now().toISOString();
      const [tps, subs, cmp, reports, disputes, overrides, history, claim, reasons] = await Promise.all([
        official.getTps(code),
        submissions.listAllForTps(code, viewer),
        comparison.comparisonOf(code),
        repo.listReports(code),
        repo.listDisputes(code),
        repo.listOverrides(db, code),
        repo.listLogForTps(code),
        currentClaim(code),
        queue.reasonsOf(code),
      ]);
      const rejections = new Map(
        (await repo.listRejections(subs.map((s) => s.id))).map((r) => [r.submission_id, r.reason]),
      );
      return {
        tps: { code, name: tps.name, breadcrumb: tps.breadcrumb },
        reasons,
        official: tps.official,
        comparison: cmp,
        verified: overrides.length
          ? {
              figures: Object.fromEntries(overrides.map((o) => [o.field, o.value])),
              decidedAt: overrides[0].decided_at,
              reason: overrides[0].reason,
            }
          : null,
        officialDisputes: disputes.map((d) => ({
          field: d.field,
          officialVersionId: d.official_version_id,
          decisionId: d.decision_id,
          decidedAt: d.decided_at,
        })),
        submissions: subs.map((s) => ({ ...s, rejected: rejections.get(s.id) ?? null })),
        reports: groupedReports(reports),
        claim: claimView(claim, nowIso),
        history: history.map(publicLogEntry),
      };
    },

    /**
     * One decision: who may decide is checked first; then the audit row, the effect, and the comparison's
     * refresh of the TPS status and rollups commit together or not at all.
     */
    async decide(code: string, actor: Staff, body: DecisionBody) {
      await tpsOrThrow(code);
      const nowIso = clock.now().toISOString();
      const claim = await currentClaim(code);
      const related = body.kind === 'move-submission' ? [code, body.toTps] : [code];
      const verdict = mayDecide({
        role: actor.role,
        userId: actor.id,
        kind: body.kind,
        claim: claim ? { moderatorId: claim.moderator_id, expiresAt: claim.expires_at } : null,
        nowIso,
        ownUpload: await repo.uploadedIn(actor.id, related),
        allowOwnUploads: settings.allowOwnUploads,
        escalated: await isEscalated(code),
      });
      if (!verdict.ok) {
        if (verdict.why === 'claimed-by-other')
          throw moderationErrors.claimedByOther(claim!.pseudonym, claim!.expires_at);
        if (verdict.why === 'own-upload') throw moderationErrors.ownUpload();
        if (verdict.why === 'escalated') throw moderationErrors.escalated();
        throw errors.forbidden();
      }
      const effect = await unit.run(async (uow) => {
        const done = await decisions.apply({ uow, tps: code, actor, nowIso }, body);
        if (done.affected.length) await uow.comparison.refresh(done.affected);
        return done;
      });
      return {
        decisionId: effect.decisionId,
        kind: body.kind,
        tps: code,
        affected: effect.affected,
        reasons: await queue.reasonsOf(code),
      };
    },

    /** Removes a photo's public copies for everyone, with an audit row (photo-takedown.ts). */
    takedownPhoto: createPhotoTakedown({ db, repo, photos, clock }),

    /** A public report ("Lapor"); it enters the queue until a resolve-report decision. */
    async report(code: string, reason: string) {
      await tpsOrThrow(code);
      const id = await repo.insertReport(code, reason, clock.now().toISOString());
      const open = (await repo.listReports(code)).filter((r) => r.resolved_decision_id === null).length;
      return { id, tps: code, openReports: open };
    },

    /** The public moderation history of a TPS, newest first. */
    async historyOf(code: string) {
      await tpsOrThrow(code);
      return { tps: code, entries: (await repo.listLogForTps(code)).map(publicLogEntry) };
    },

    /** The whole log in id order, page by page, for the streamed exports. */
    async *exportLog(pageSize = 500) {
      for (let after = 0; ;) {
        const rows = await repo.listLogAfter(after, pageSize);
        for (const r of rows) yield publicLogEntry(r);
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1].id;
      }
    },

    /** An admin looks an account up by phone number or e-mail (to find the id to give a role). */
    async findUser(contact: string) {
      const normalized = normalizeContact(contact);
      const user = normalized ? await accounts.findUserByContact(normalized.value) : null;
      if (!user) throw moderationErrors.contactNotFound();
      return {
        user: {
          id: user.id,
          name: user.name,
          contact: user.contact,
          role: user.role,
          pseudonym: user.pseudonym,
          staffPseudonym: user.staffPseudonym,
        },
      };
    },

    /** Admins make moderators and admins (and take the role back); the change is an audit row too. */
    async setRole(actor: SessionUser, targetId: number, role: Role) {
      const verdict = mayChangeRole(actor, targetId);
      if (!verdict.ok) throw verdict.why === 'own-role' ? moderationErrors.ownRole() : errors.forbidden();
      const target = await accounts.findUser(targetId);
      if (!target) throw moderationErrors.userNotFound(targetId);
      const nowIso = clock.now().toISOString();
      let staffPseudonym: string | null = null;
      await unit.run(async (uow) => {
        // In the unit of work, so the last-admin refusal and the change are one decision (accounts' setRole).
        const changed = await uow.accounts.setRole(targetId, role);
        if (!changed) throw moderationErrors.userNotFound(targetId);
        staffPseudonym = changed.staffPseudonym;
        await uow.repo.insertLog(uow.tx, {
          at: nowIso,
          actor_id: actor.id,
          actor_role: 'admin',
          action: 'set-role',
          tps_code: null,
          submission_id: null,
          subject_user_id: targetId,
          // The staff pseudonym, never the witness one: the public log must not link the two.
          before_json: JSON.stringify({ user: staffPseudonym, role: changed.previousRole }),
          after_json: JSON.stringify({ user: staffPseudonym, role }),
          reason: null,
        });
      });
      return { user: { id: target.id, pseudonym: target.pseudonym, staffPseudonym, role } };
    },
  };
}

export type ModerationService = ReturnType<typeof createModerationService>;
