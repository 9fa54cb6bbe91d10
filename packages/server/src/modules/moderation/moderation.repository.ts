import type { Database } from '../../db/database.ts';
import type { Role } from '../accounts/accounts.logic.ts';
import type { DecisionKind } from '@cocok/domain';

export type LogRow = {
  id: number;
  at: string;
  actor_id: number;
  actor_role: Exclude<Role, 'witness'>;
  action: string;
  tps_code: string | null;
  submission_id: number | null;
  subject_user_id: number | null;
  before_json: string | null;
  after_json: string | null;
  reason: string | null;
};
export type NewLogRow = Omit<LogRow, 'id'>;
/** A log row with its actor's staff pseudonym and, for a role change, its subject's. */
export type PublicLogRow = LogRow & { actor_pseudonym: string; subject_staff_pseudonym: string | null };
export type ClaimRow = {
  tps_code: string;
  moderator_id: number;
  claimed_at: string;
  expires_at: string;
  pseudonym: string;
};
export type ReportRow = {
  id: number;
  tps_code: string;
  reason: string;
  created_at: string;
  resolved_decision_id: number | null;
  outcome: string | null;
};
export type DisputeRow = {
  tps_code: string;
  field: string;
  official_version_id: number | null;
  decision_id: number;
  decided_at: string;
};
export type OverrideRow = {
  field: string;
  value: number | null;
  decided_by: number;
  decided_at: string;
  reason: string | null;
};
export type EvidenceRow = { tps_code: string; since: string };

const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');
/** Which TPS the evidence queries read: one (the review screen), those whose code starts with `prefix` (a region filter), or all. */
export type EvidenceScope = { tps?: string; prefix?: string } | undefined;
const onlyTps = (column: string, scope: EvidenceScope) => {
  if (scope?.tps) return { sql: ` AND ${column} = ?`, params: [scope.tps] };
  if (scope?.prefix)
    return { sql: ` AND ${column} >= ? AND ${column} < ?`, params: [scope.prefix, `${scope.prefix}~`] };
  return { sql: '', params: [] as string[] };
};
/** Codes per statement of latestChanges (each code is bound twice; SQLite allows 32,766 variables). */
const CHANGES_CHUNK = 10_000;

/** The public log's rows: staff are named by their staff pseudonym (migration 0008), never by their witness one. */
const PUBLIC_LOG_SELECT = `SELECT l.*, u.staff_pseudonym AS actor_pseudonym, s.staff_pseudonym AS subject_staff_pseudonym
  FROM moderation_log l JOIN users u ON u.id = l.actor_id LEFT JOIN users s ON s.id = l.subject_user_id`;

/** Parameterised SQL of moderation. The queue's evidence queries read the submission tables (read only). */
export function createModerationRepository(db: Database) {
  return {
    async insertLog(tx: Database, r: NewLogRow): Promise<number> {
      const { lastID } = await tx.run(
        `INSERT INTO moderation_log (at, actor_id, actor_role, action, tps_code, submission_id, subject_user_id, before_json, after_json, reason)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          r.at,
          r.actor_id,
          r.actor_role,
          r.action,
          r.tps_code,
          r.submission_id,
          r.subject_user_id,
          r.before_json,
          r.after_json,
          r.reason,
        ],
      );
      return lastID;
    },
    listLogForTps(tps: string): Promise<PublicLogRow[]> {
      return db.all(`${PUBLIC_LOG_SELECT} WHERE l.tps_code = ? ORDER BY l.id DESC`, [tps]);
    },
    /** One page of the whole log in id order, for the streamed export. */
    listLogAfter(afterId: number, limit: number): Promise<PublicLogRow[]> {
      return db.all(`${PUBLIC_LOG_SELECT} WHERE l.id > ? ORDER BY l.id LIMIT ?`, [afterId, limit]);
    },
    listDecisions(
      codes: readonly string[],
    ): Promise<{ tps_code: string; action: DecisionKind; at: string; actor_role: Role }[]> {
      if (codes.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT tps_code, action, at, actor_role FROM moderation_log WHERE tps_code IN (${marks(codes.length)})`,
        codes,
      );
    },
    /**
     * The newest decision per TPS, action and role: all the queue needs, since a reason is settled when
     * any settling decision is at least as new as its evidence.
     */
    listLatestDecisions(): Promise<{ tps_code: string; action: DecisionKind; at: string; actor_role: Role }[]> {
      return db.all(
        'SELECT tps_code, action, actor_role, max(at) AS at FROM moderation_log WHERE tps_code IS NOT NULL GROUP BY tps_code, action, actor_role',
      );
    },
    async countDecisionsByHour(sinceIso: string, kinds: readonly string[]): Promise<{ hour: string; n: number }[]> {
      return db.all(
        `SELECT substr(at, 1, 13) AS hour, count(*) AS n FROM moderation_log WHERE at >= ? AND action IN (${marks(kinds.length)}) GROUP BY hour`,
        [sinceIso, ...kinds],
      );
    },

    /**
     * Takes or renews the claim in one statement: the upsert only overwrites a claim that has expired
     * or that the same moderator holds, so of two moderators racing for one TPS exactly one wins.
     */
    async takeClaim(tps: string, moderatorId: number, nowIso: string, expiresIso: string): Promise<boolean> {
      const { changes } = await db.run(
        `INSERT INTO moderation_claims (tps_code, moderator_id, claimed_at, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (tps_code) DO UPDATE SET moderator_id = excluded.moderator_id, claimed_at = excluded.claimed_at, expires_at = excluded.expires_at
         WHERE moderation_claims.expires_at <= ? OR moderation_claims.moderator_id = excluded.moderator_id`,
        [tps, moderatorId, nowIso, expiresIso, nowIso],
      );
      return changes === 1;
    },
    /** Drops the moderator's own claim on the TPS (another's is left alone); true when there was one. */
    async releaseClaim(tps: string, moderatorId: number): Promise<boolean> {
      return (
        (await db.run('DELETE FROM moderation_claims WHERE tps_code = ? AND moderator_id = ?', [tps, moderatorId]))
          .changes === 1
      );
    },
    listClaims(codes: readonly string[]): Promise<ClaimRow[]> {
      if (codes.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT c.*, u.staff_pseudonym AS pseudonym FROM moderation_claims c JOIN users u ON u.id = c.moderator_id WHERE c.tps_code IN (${marks(codes.length)})`,
        codes,
      );
    },

    async insertReport(tps: string, reason: string, nowIso: string): Promise<number> {
      const { lastID } = await db.run('INSERT INTO tps_reports (tps_code, reason, created_at) VALUES (?, ?, ?)', [
        tps,
        reason,
        nowIso,
      ]);
      return lastID;
    },
    listReports(tps: string): Promise<ReportRow[]> {
      return db.all('SELECT * FROM tps_reports WHERE tps_code = ? ORDER BY id', [tps]);
    },
    async resolveReports(tx: Database, tps: string, decisionId: number, outcome: string): Promise<number> {
      const { changes } = await tx.run(
        'UPDATE tps_reports SET resolved_decision_id = ?, outcome = ? WHERE tps_code = ? AND resolved_decision_id IS NULL',
        [decisionId, outcome, tps],
      );
      return changes;
    },

    listDisputes(tps: string): Promise<DisputeRow[]> {
      return db.all('SELECT * FROM official_disputes WHERE tps_code = ? ORDER BY field', [tps]);
    },
    async upsertDisputes(
      tx: Database,
      tps: string,
      fields: readonly string[],
      versionId: number | null,
      decisionId: number,
      nowIso: string,
    ): Promise<void> {
      for (const field of fields) {
        await tx.run(
          `INSERT INTO official_disputes (tps_code, field, official_version_id, decision_id, decided_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (tps_code, field) DO UPDATE SET official_version_id = excluded.official_version_id, decision_id = excluded.decision_id, decided_at = excluded.decided_at`,
          [tps, field, versionId, decisionId, nowIso],
        );
      }
    },

    /** Moderator overrides of the crowd figures (table of migration 0004, read by the comparison). */
    listOverrides(tx: Database, tps: string): Promise<OverrideRow[]> {
      return tx.all(
        'SELECT field, value, decided_by, decided_at, reason FROM crowd_overrides WHERE tps_code = ? ORDER BY field',
        [tps],
      );
    },
    async replaceOverrides(
      tx: Database,
      tps: string,
      figures: Record<string, number | null>,
      by: number,
      nowIso: string,
      reason: string,
    ): Promise<void> {
      await tx.run('DELETE FROM crowd_overrides WHERE tps_code = ?', [tps]);
      for (const [field, value] of Object.entries(figures)) {
        await tx.run(
          'INSERT INTO crowd_overrides (tps_code, field, value, decided_by, decided_at, reason) VALUES (?, ?, ?, ?, ?, ?)',
          [tps, field, value, by, nowIso, reason],
        );
      }
    },
    async deleteOverrides(tx: Database, tps: string): Promise<number> {
      return (await tx.run('DELETE FROM crowd_overrides WHERE tps_code = ?', [tps])).changes;
    },

    async insertRejection(tx: Database, submissionId: number, reason: string, decisionId: number): Promise<void> {
      await tx.run(
        'INSERT OR REPLACE INTO submission_rejections (submission_id, reason, decision_id) VALUES (?, ?, ?)',
        [submissionId, reason, decisionId],
      );
    },
    listRejections(
      submissionIds: readonly number[],
    ): Promise<{ submission_id: number; reason: string; decision_id: number }[]> {
      if (submissionIds.length === 0) return Promise.resolve([]);
      return db.all(
        `SELECT * FROM submission_rejections WHERE submission_id IN (${marks(submissionIds.length)})`,
        submissionIds,
      );
    },
    async insertRequeue(tx: Database, tps: string, decisionId: number, nowIso: string): Promise<void> {
      await tx.run('INSERT OR IGNORE INTO moderation_requeued (tps_code, decision_id, at) VALUES (?, ?, ?)', [
        tps,
        decisionId,
        nowIso,
      ]);
    },

    /** Whether the user uploaded a submission (any status) of one of these TPS. */
    async uploadedIn(userId: number, codes: readonly string[]): Promise<boolean> {
      const row = await db.get(
        `SELECT 1 AS x FROM submissions WHERE user_id = ? AND tps_code IN (${marks(codes.length)}) LIMIT 1`,
        [userId, ...codes],
      );
      return Boolean(row);
    },

    /** Evidence for the queue, one row per TPS and reason; `since` is the newest piece (oldest for open reports). */
    reviewEvidence(scope?: EvidenceScope): Promise<EvidenceRow[]> {
      const only = onlyTps('s.tps_code', scope);
      return db.all(
        // Driven by the partial index submission_values_review (migration 0006): only values marked review.
        `SELECT s.tps_code, max(s.confirmed_at) AS since FROM submissions s
         WHERE s.status = 'confirmed' AND s.id IN (SELECT v.submission_id FROM submission_values v WHERE v.machine_review = 1)${only.sql}
         GROUP BY s.tps_code`,
        only.params,
      );
    },
    duplicateEvidence(scope?: EvidenceScope): Promise<EvidenceRow[]> {
      const only = onlyTps('s.tps_code', scope);
      return db.all(
        `SELECT s.tps_code, max(s.created_at) AS since FROM photo_duplicates d
         JOIN submission_photos p ON p.id = d.submission_photo_id JOIN submissions s ON s.id = p.submission_id
         WHERE s.status != 'withdrawn'${only.sql} GROUP BY s.tps_code`,
        only.params,
      );
    },
    reportEvidence(scope?: EvidenceScope): Promise<(EvidenceRow & { n: number })[]> {
      const only = onlyTps('tps_code', scope);
      return db.all(
        `SELECT tps_code, min(created_at) AS since, count(*) AS n FROM tps_reports WHERE resolved_decision_id IS NULL${only.sql} GROUP BY tps_code`,
        only.params,
      );
    },
    requeueEvidence(scope?: EvidenceScope): Promise<EvidenceRow[]> {
      const only = onlyTps('tps_code', scope);
      return db.all(
        `SELECT tps_code, max(at) AS since FROM moderation_requeued WHERE 1 = 1${only.sql} GROUP BY tps_code`,
        only.params,
      );
    },
    escalationEvidence(scope?: EvidenceScope): Promise<EvidenceRow[]> {
      const only = onlyTps('tps_code', scope);
      return db.all(
        `SELECT tps_code, max(at) AS since FROM moderation_log WHERE action = 'escalate'${only.sql} GROUP BY tps_code`,
        only.params,
      );
    },
    /** When the figures of these TPS last changed: the newest confirmation or official import (comparison reasons date from it). */
    async latestChanges(codes: readonly string[]): Promise<EvidenceRow[]> {
      const out: EvidenceRow[] = [];
      for (let i = 0; i < codes.length; i += CHANGES_CHUNK) {
        const chunk = codes.slice(i, i + CHANGES_CHUNK);
        const m = marks(chunk.length);
        const rows = await db.all<EvidenceRow>(
          `SELECT tps_code, max(since) AS since FROM (
             SELECT tps_code, confirmed_at AS since FROM submissions WHERE status = 'confirmed' AND tps_code IN (${m})
             UNION ALL
             SELECT c.tps_code, v.imported_at FROM official_current c JOIN official_versions v ON v.id = c.version_id WHERE c.tps_code IN (${m})
           ) GROUP BY tps_code`,
          [...chunk, ...chunk],
        );
        out.push(...rows);
      }
      return out;
    },
  };
}

export type ModerationRepository = ReturnType<typeof createModerationRepository>;
