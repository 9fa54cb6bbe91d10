import type { Role } from '../accounts/roles.ts';

/**
 * Pure rules of moderation: which reasons keep a TPS in the queue, how the queue is ordered, who may
 * claim a TPS and who may decide on it, and who may change roles (the log export is written by core/csv.ts).
 */
export const QUEUE_REASONS = [
  'mismatch',
  'crowd_conflict',
  'official_inconsistent',
  'review',
  'duplicate',
  'report',
  'requeued',
  'escalated',
] as const;
export type QueueReason = (typeof QUEUE_REASONS)[number];

export const DECISION_KINDS = [
  'set-verified',
  'clear-verified',
  'official-wrong',
  'reject-submission',
  'move-submission',
  'escalate',
  'ban-uploader',
  'resolve-report',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const REJECT_REASONS = ['wrong-tps', 'wrong-page', 'unreadable', 'not-c1', 'duplicate', 'abusive'] as const;
export const REPORT_OUTCOMES = ['fixed', 'no-problem', 'spam'] as const;

/** Decision kinds that settle each reason: a decision of one of these kinds at or after the evidence closes it. */
const SETTLED_BY: Record<QueueReason, readonly DecisionKind[]> = {
  mismatch: ['set-verified', 'official-wrong', 'reject-submission', 'move-submission'],
  crowd_conflict: ['set-verified', 'reject-submission', 'move-submission'],
  official_inconsistent: ['official-wrong', 'set-verified'],
  review: ['set-verified', 'reject-submission', 'move-submission'],
  duplicate: ['set-verified', 'reject-submission', 'move-submission'],
  report: [], // a report stays open until a resolve-report decision records its outcome (tps_reports)
  requeued: [
    'set-verified',
    'clear-verified',
    'official-wrong',
    'reject-submission',
    'move-submission',
    'resolve-report',
  ],
  escalated: [], // only an admin's decision settles an escalation, see openReasons
};

/** Something that puts a TPS in the queue for a reason, and since when (ISO time of the newest evidence). */
export type Evidence = { reason: QueueReason; since: string };
export type PastDecision = { kind: DecisionKind; at: string; actorRole: Role };

/**
 * The reasons a TPS still needs a human for. Evidence newer than every settling decision stays open:
 * a moderator's verdict covers what was known when it was made, and new evidence re-opens the TPS.
 * An escalation stays open until an admin decides anything (other than escalating again) after it.
 */
export function openReasons(evidence: readonly Evidence[], decisions: readonly PastDecision[]): Evidence[] {
  const open = evidence.filter((e) => {
    if (e.reason === 'escalated')
      return !decisions.some((d) => d.actorRole === 'admin' && d.kind !== 'escalate' && d.at >= e.since);
    const settling = SETTLED_BY[e.reason];
    return !decisions.some((d) => settling.includes(d.kind) && d.at >= e.since);
  });
  const byReason = new Map<QueueReason, Evidence>();
  for (const e of open) {
    const prev = byReason.get(e.reason);
    if (!prev || e.since < prev.since) byReason.set(e.reason, e);
  }
  return QUEUE_REASONS.filter((r) => byReason.has(r)).map((r) => byReason.get(r)!);
}

export type QueueEntry = { tps: string; impact: number; reasons: QueueReason[]; since: string };

/** Ordinal string order: ISO times and TPS codes are ASCII, and the queue sorts tens of thousands of them (localeCompare is slower). */
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Largest impact first; equal impact: the one waiting longest, then by code so pages are stable. */
export function compareQueueEntries(a: QueueEntry, b: QueueEntry): number {
  return b.impact - a.impact || ordinal(a.since, b.since) || ordinal(a.tps, b.tps);
}

export function matchesFilter(entry: QueueEntry, filter: { region?: string; reason?: QueueReason }): boolean {
  if (filter.region && !entry.tps.startsWith(filter.region)) return false;
  return !filter.reason || entry.reasons.includes(filter.reason);
}

export type Claim = { moderatorId: number; expiresAt: string };

/** A claim counts while it has not expired. */
export function activeClaim(claim: Claim | null | undefined, nowIso: string): Claim | null {
  return claim && claim.expiresAt > nowIso ? claim : null;
}

/** A moderator may take a TPS that nobody holds, whose claim ran out, or that they hold themselves (renewal). */
export function mayClaim(claim: Claim | null | undefined, userId: number, nowIso: string): boolean {
  const held = activeClaim(claim, nowIso);
  return !held || held.moderatorId === userId;
}

export type DecideContext = {
  role: Role;
  userId: number;
  kind: DecisionKind;
  claim: Claim | null;
  nowIso: string;
  /** The decider uploaded a submission of this TPS (or of the TPS a submission moves to). */
  ownUpload: boolean;
  allowOwnUploads: boolean;
  escalated: boolean;
};
export type DecideVerdict =
  { ok: true } | { ok: false; why: 'not-staff' | 'claimed-by-other' | 'own-upload' | 'escalated' };

/** Who may decide on a TPS. Escalated TPS are for admins; a claim held by someone else blocks everyone else. */
export function mayDecide(c: DecideContext): DecideVerdict {
  if (c.role !== 'moderator' && c.role !== 'admin') return { ok: false, why: 'not-staff' };
  const held = activeClaim(c.claim, c.nowIso);
  if (held && held.moderatorId !== c.userId) return { ok: false, why: 'claimed-by-other' };
  if (c.ownUpload && !c.allowOwnUploads) return { ok: false, why: 'own-upload' };
  if (c.escalated && c.role !== 'admin' && c.kind !== 'escalate') return { ok: false, why: 'escalated' };
  return { ok: true };
}

export type RoleVerdict = { ok: true } | { ok: false; why: 'not-admin' | 'own-role' };

/** Only admins change roles, and never their own (an admin cannot lock the last admin out by mistake). */
export function mayChangeRole(actor: { id: number; role: Role }, targetId: number): RoleVerdict {
  if (actor.role !== 'admin') return { ok: false, why: 'not-admin' };
  if (actor.id === targetId) return { ok: false, why: 'own-role' };
  return { ok: true };
}

/** Identical report texts (ignoring case and spacing) are one group, counted. */
export function reportGroupKey(reason: string): string {
  return reason.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Start of the hour an ISO time falls in ("2026-01-10T13"), the bucket of decisions per hour. */
export function hourOf(iso: string): string {
  return iso.slice(0, 13);
}

/** The 24 hour buckets ending with the current one, oldest first, each with its count (0 when none). */
export function hourlySeries(counts: ReadonlyMap<string, number>, now: Date): { hour: string; decisions: number }[] {
  const out: { hour: string; decisions: number }[] = [];
  for (let i = 23; i >= 0; i--) {
    const hour = hourOf(new Date(now.getTime() - i * 3_600_000).toISOString());
    out.push({ hour: `${hour}:00:00Z`, decisions: counts.get(hour) ?? 0 });
  }
  return out;
}
