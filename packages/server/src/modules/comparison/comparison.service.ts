import type { Database } from '../../db/database.ts';
import type { Clock } from '../../core/clock.ts';
import { FIELDS, emptyFieldValues, type FieldName, type FieldValues } from '@cocok/domain';
import { NATION_CODE, ancestorsOfCode } from '@cocok/domain';
import {
  compareTps,
  crowdFigures,
  disputedFields,
  type CrowdOverride,
  type OfficialFigures,
  type TpsComparison,
} from '@cocok/domain';
import {
  contributionDelta,
  contributionOf,
  toComparisonTotals,
  zeroContribution,
  type Contribution,
  type CrowdComparisonTotals,
} from '@cocok/domain';
import { decodeDetail, encodeDetail } from '@cocok/domain';
import { listConfirmedObservations } from '../submissions/crowd-observations.ts';
import { createRegionsService, type RegionsService } from '../regions/regions.service.ts';
import { comparisonErrors } from './comparison.errors.ts';
import {
  createComparisonRepository,
  type ComparisonRow,
  type DisputeRow,
  type ExportRow,
  type OfficialRow,
} from './comparison.repository.ts';

export type TpsComparisonView = TpsComparison & { submissions: number; photos: string[] };
type Computed = TpsComparisonView;
export type TpsSummary = CrowdComparisonTotals & { status: TpsComparison['status']; impact: number };
export type ListedStatus = Exclude<TpsComparison['status'], 'no_crowd'>;
export type MismatchQuery = { region: string; status: ListedStatus; limit: number; cursor?: string };
export type ExportRecord = {
  code: string;
  name: string;
  status: TpsComparison['status'];
  impact: number;
  official: FieldValues | null;
  crowd: Partial<Record<FieldName, number | null>>;
  difference: Partial<Record<FieldName, number | null>>;
  photos: string[];
  /** Official fields a moderator marked wrong (only for TPS with crowd figures: others have no comparison row). */
  disputed: FieldName[];
};

/** TPS per read of an export: large enough to amortise the query, small enough to keep memory flat. */
const EXPORT_CHUNK = 2000;

/**
 * The crowd's figures next to KPU's: per TPS (computed by the pure functions in comparison.logic.ts and
 * stored in tps_comparisons) and per region (crowd_rollups, kept by contribution deltas). `refreshTps`
 * is the one entry point for changes; callers run it inside the transaction of their change.
 */
export function createComparisonService({
  db,
  clock,
  exportChunk = EXPORT_CHUNK,
  regions = createRegionsService({ db }),
}: {
  db: Database;
  clock: Clock;
  exportChunk?: number;
  /** The registry, for the region a list or an export is about (default: the regions service on `db`). */
  regions?: Pick<RegionsService, 'requireRegion'>;
}) {
  const repo = createComparisonRepository(db);

  /** Computes the comparison of every TPS in [from, to] that has crowd figures (others are no_crowd). */
  async function computeRange(tx: Database, from: string, to: string): Promise<Map<string, Computed>> {
    const [observations, official, overrides, disputes] = await Promise.all([
      listConfirmedObservations(tx, from, to),
      repo.listOfficial(tx, from, to),
      repo.listOverrides(tx, from, to),
      repo.listDisputes(tx, from, to),
    ]);
    const byTps = groupBy(observations, (o) => o.tps);
    const overridesByTps = groupBy(overrides, (o) => o.tps_code);
    const disputesByTps = groupBy(disputes, (d) => d.tps_code);
    const officialByTps = new Map(official.map((r) => [r.tps_code, officialFigures(r, disputesByTps.get(r.tps_code))]));
    const out = new Map<string, Computed>();
    for (const tps of new Set([...byTps.keys(), ...overridesByTps.keys()])) {
      const obs = byTps.get(tps) ?? [];
      const decisions = (overridesByTps.get(tps) ?? []).map((o): CrowdOverride => ({
        field: o.field as FieldName,
        value: o.value,
        decidedBy: o.decided_by,
        decidedAt: o.decided_at,
      }));
      const comparison = compareTps(officialByTps.get(tps) ?? null, crowdFigures(obs, decisions));
      const shas = [...new Set(obs.flatMap((o) => o.photos.map((p) => p.sha256)))];
      out.set(tps, { ...comparison, submissions: obs.length, photos: shas });
    }
    return out;
  }

  /** Recomputes the TPS in [from, to], rewrites their rows, and returns each changed TPS's contribution delta. */
  async function refreshRange(
    tx: Database,
    from: string,
    to: string,
    deltas: Map<string, Contribution>,
  ): Promise<number> {
    const [computed, stored] = await Promise.all([computeRange(tx, from, to), repo.listComparisons(tx, from, to)]);
    const storedByTps = new Map(stored.map((r) => [r.tps_code, r]));
    const now = clock.now().toISOString();
    let changed = 0;
    for (const tps of new Set([...computed.keys(), ...storedByTps.keys()])) {
      const next = computed.get(tps);
      const before = storedByTps.get(tps);
      const row = next && next.status !== 'no_crowd' ? toRow(tps, next) : null;
      if (
        row &&
        before &&
        row.status === before.status &&
        row.impact === before.impact &&
        row.detail === before.detail &&
        row.submissions === before.submissions
      )
        continue;
      if (row) await repo.upsertComparison(tx, row, now);
      else if (before) await repo.deleteComparison(tx, tps);
      else continue;
      changed++;
      const delta = contributionDelta(
        before ? contributionOf(fromRow(before)) : zeroContribution(),
        contributionOf(next ?? null),
      );
      if (delta) for (const code of ancestorsOfCode(tps)) deltas.set(code, add(deltas.get(code), delta));
    }
    return changed;
  }

  return {
    /**
     * Brings the comparison of these TPS and the crowd rollups of all their ancestors up to date, inside
     * the caller's transaction: called on confirm, withdraw, a new current official version, a moderator decision.
     */
    async refreshTps(tx: Database, tpsCodes: Iterable<string>): Promise<void> {
      const deltas = new Map<string, Contribution>();
      for (const code of [...new Set(tpsCodes)].sort()) await refreshRange(tx, code, code, deltas);
      await repo.addToRollups(tx, deltas);
    },

    /** Recomputes every TPS (the data generator and repairs; never a request), one transaction per chunk. */
    async rebuildAll(chunkSize = 20_000): Promise<{ tps: number; changed: number }> {
      let after = '';
      let tps = 0;
      let changed = 0;
      for (;;) {
        const codes = await repo.listTpsPage(db, after, chunkSize);
        if (codes.length === 0) return { tps, changed };
        changed += await db.transaction(async (tx) => {
          const deltas = new Map<string, Contribution>();
          const n = await refreshRange(tx, codes[0], codes[codes.length - 1], deltas);
          await repo.addToRollups(tx, deltas);
          return n;
        });
        tps += codes.length;
        after = codes[codes.length - 1];
      }
    },

    /** A TPS's comparison, computed fresh with every field (no_crowd when no witness confirmed). */
    async getTpsComparison(code: string): Promise<TpsComparisonView> {
      const computed = (await computeRange(db, code, code)).get(code);
      if (computed) return computed;
      const [official] = await repo.listOfficial(db, code, code);
      const disputes = official ? await repo.listDisputes(db, code, code) : [];
      return { ...compareTps(official ? officialFigures(official, disputes) : null, {}), submissions: 0, photos: [] };
    },

    /** Crowd totals of regions, given each region's TPS count (from the registry rollups). */
    async regionTotals(
      regions: readonly { code: string; tpsCount: number }[],
    ): Promise<Map<string, CrowdComparisonTotals>> {
      const rows = new Map((await repo.listRollups(regions.map((r) => r.code))).map((r) => [r.code, r]));
      return new Map(regions.map((r) => [r.code, toComparisonTotals(rows.get(r.code), r.tpsCount)]));
    },

    /** Per TPS of a village (all of `tpsCodes`): status, impact, and the TPS's own totals in the shape of a region's. */
    async villageTps(villageCode: string, tpsCodes: readonly string[]): Promise<Map<string, TpsSummary>> {
      const rows = new Map(
        (await repo.listComparisons(db, `${villageCode}000`, `${villageCode}ZZZ`)).map((r) => [r.tps_code, r]),
      );
      return new Map(
        tpsCodes.map((code) => {
          const r = rows.get(code);
          const totals = toComparisonTotals(r ? contributionOf(fromRow(r)) : undefined, 1);
          return [code, { ...totals, status: r?.status ?? 'no_crowd', impact: r?.impact ?? 0 }];
        }),
      );
    },

    async listMismatches(q: MismatchQuery) {
      const region = await regions.requireRegion(q.region);
      const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
      const rows = await repo.listByImpact({
        prefix: region.code === NATION_CODE ? '' : region.code,
        status: q.status,
        limit: q.limit + 1,
        after,
      });
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return {
        region: { code: region.code, name: region.name, level: region.level },
        status: q.status,
        items: page.map((r) => {
          const { fields, disputed } = decodeDetail(r.detail);
          return {
            code: r.tps_code,
            name: r.name,
            villageName: r.village_name,
            location: { district: r.district_name, regency: r.regency_name, province: r.province_name },
            status: r.status,
            impact: r.impact,
            submissions: r.submissions,
            differences: fields.filter((f) => f.difference !== null && f.difference !== 0),
            conflicts: fields.filter((f) => f.state === 'crowd_conflict').map((f) => f.field),
            disputed,
          };
        }),
        nextCursor: rows.length > q.limit && last ? encodeCursor(last.impact, last.tps_code) : null,
      };
    },

    /**
     * Every TPS in these statuses whose code starts with `prefix` ('' = the whole country; any prefix, not
     * only a region's code), with status and impact and nothing else: what the moderation queue needs from
     * the comparison, read from an index instead of paging through the mismatch lists.
     */
    async listByStatus(
      statuses: readonly ListedStatus[],
      prefix = '',
    ): Promise<{ tps: string; status: ListedStatus; impact: number }[]> {
      if (statuses.length === 0) return [];
      const rows = await repo.listStatusImpact(statuses, prefix);
      return rows.map((r) => ({ tps: r.tps_code, status: r.status as ListedStatus, impact: r.impact }));
    },

    /** Every TPS below a region, in code order, read and handed out in chunks (constant memory). */
    async exportTps(
      code: string,
    ): Promise<{ region: { code: string; name: string }; chunks: AsyncGenerator<ExportRecord[]> }> {
      const region = await regions.requireRegion(code);
      const prefix = region.code === NATION_CODE ? '' : region.code;
      return { region: { code: region.code, name: region.name }, chunks: exportChunks(prefix) };
    },
  };

  async function* exportChunks(prefix: string): AsyncGenerator<ExportRecord[]> {
    let after = prefix;
    for (;;) {
      const rows = await repo.listExportChunk(prefix, after, exportChunk);
      if (rows.length === 0) return;
      yield rows.map(toExportRecord);
      after = rows[rows.length - 1].code;
    }
  }
}

function toExportRecord(r: ExportRow): ExportRecord {
  const official =
    r.flag_count === null ? null : (Object.fromEntries(FIELDS.map((f) => [f, r[f] as number | null])) as FieldValues);
  const detail = r.detail ? decodeDetail(r.detail) : { fields: [], photos: [], disputed: [] };
  const crowd: ExportRecord['crowd'] = {};
  const difference: ExportRecord['difference'] = {};
  for (const f of detail.fields) {
    crowd[f.field] = f.crowd;
    // The stored official value is the one compared; it equals the current one (rows are refreshed on import).
    difference[f.field] =
      f.crowd !== null && official?.[f.field] != null ? f.crowd - (official[f.field] as number) : null;
  }
  return {
    code: r.code,
    name: r.name,
    status: (r.status ?? 'no_crowd') as ExportRecord['status'],
    impact: r.impact ?? 0,
    official,
    crowd,
    difference,
    photos: detail.photos,
    disputed: detail.disputed,
  };
}

function officialFigures(r: OfficialRow, disputes: readonly DisputeRow[] = []): OfficialFigures {
  const fields = emptyFieldValues();
  for (const f of FIELDS) fields[f] = r[f] as number | null;
  const verdicts = disputes.map((d) => ({ field: d.field as FieldName, officialVersionId: d.official_version_id }));
  return { fields, flagCount: r.flag_count, disputed: disputedFields(verdicts, r.version_id) };
}

function toRow(tps: string, c: Computed): ComparisonRow {
  return {
    tps_code: tps,
    status: c.status as ComparisonRow['status'],
    impact: c.impact,
    submissions: c.submissions,
    detail: encodeDetail(c, c.photos),
  };
}

function fromRow(r: ComparisonRow): TpsComparison {
  const { fields, disputed } = decodeDetail(r.detail);
  return { status: r.status, impact: r.impact, fields, disputed };
}

function add(total: Contribution | undefined, delta: Contribution): Contribution {
  if (!total) return { ...delta };
  for (const k of Object.keys(delta)) total[k] = (total[k] ?? 0) + delta[k];
  return total;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

function encodeCursor(impact: number, code: string): string {
  return Buffer.from(JSON.stringify([impact, code])).toString('base64url');
}

function decodeCursor(cursor: string): { impact: number; code: string } {
  try {
    const [impact, code] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (Number.isSafeInteger(impact) && typeof code === 'string' && /^[0-9A-Z]{13}$/.test(code))
      return { impact: impact as number, code };
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw comparisonErrors.invalidCursor();
}

export type ComparisonService = ReturnType<typeof createComparisonService>;
