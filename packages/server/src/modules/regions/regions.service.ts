import type { Database } from '../../db/database.ts';
import { THINGS, errors } from '../../core/errors.ts';
import { FIELDS, type FieldName } from '@cocok/domain';
import { LEVELS, NATION_CODE, ancestorsOfCode, isRegionCode, isTpsCode } from '@cocok/domain';
import { createRegionsRepository, type RegionsRepository, type RollupRow } from './regions.repository.ts';

export type Totals = {
  tpsCount: number;
  officialTps: number;
  officialChartTps: number;
  flaggedTps: number;
  fields: Record<FieldName, number>;
};
export type RegionRef = { code: string; name: string; level: number; levelName: string };
/** A child row. TPS rows (a village's children) also carry `figures`: the TPS's own values, null where unknown. */
export type RegionChild = RegionRef & { totals: Totals; figures?: Record<FieldName, number | null> };
export type RegionView = RegionRef & {
  breadcrumb: RegionRef[];
  totals: Totals;
  childLevelName: string;
  children: RegionChild[];
};

/** What other modules' transactions do with the registry: check a TPS, bring the official rollups above TPS up to date. */
export type RegionsInTransaction = {
  requireTps(code: string): Promise<{ code: string; name: string }>;
  /** Brings the official rollups of every region above the given TPS up to date. */
  refreshRollupsForTps(tpsCodes: Iterable<string>): Promise<void>;
};

/** The registry (regions, TPS) and KPU's figures summed per region; the crowd's side is the comparison module's. */
export function createRegionsService({ db }: { db: Database }) {
  const repo = createRegionsRepository(db);

  async function breadcrumbOf(code: string): Promise<RegionRef[]> {
    const codes = ancestorsOfCode(code);
    if (codes.length === 0) return [];
    const rows = await repo.listRegions(codes);
    const byCode = new Map(rows.map((r) => [r.code, r]));
    return codes.filter((c) => byCode.has(c)).map((c) => toRef(byCode.get(c)!));
  }

  return {
    breadcrumbOf,

    findTps(code: string): Promise<{ code: string; name: string } | undefined> {
      return repo.getTps(code);
    },

    /**
     * The one guard of every request naming a TPS: 400 invalid-code when the text is not a TPS code,
     * 404 not-found when the registry has no such TPS; the TPS otherwise.
     */
    requireTps: (code: string) => requireTpsOn(repo, code),

    /** The one guard of every request naming a region: 400 invalid-code, 404 not-found; the region otherwise. */
    async requireRegion(code: string): Promise<RegionRef> {
      if (!isRegionCode(code)) throw errors.invalidCode(THINGS.region, code);
      const region = await repo.getRegion(code);
      if (!region) throw errors.notFound(THINGS.region, code);
      return toRef(region);
    },

    async getRegion(code: string): Promise<RegionView> {
      if (!isRegionCode(code)) throw errors.invalidCode(THINGS.region, code);
      const [region, rollup] = await Promise.all([repo.getRegion(code), repo.getRollup(code)]);
      if (!region || !rollup) throw errors.notFound(THINGS.region, code);
      const children = region.level === 4 ? await villageTpsChildren(code) : await regionChildren(code);
      return {
        ...toRef(region),
        breadcrumb: await breadcrumbOf(code),
        totals: toTotals(rollup),
        childLevelName: LEVELS[region.level + 1],
        children,
      };
    },

    /** Finds TPS by code prefix and regions by name, for the search box. */
    async search(query: string, limit = 20) {
      const q = query.trim().toUpperCase();
      if (q.length < 2) return { regions: [], tps: [] };
      if (/^[0-9A-Z]{2,13}$/.test(q) && /\d/.test(q)) {
        const exactRegion = isRegionCode(q) ? await repo.getRegion(q) : undefined;
        const tps = await repo.searchTpsByCodePrefix(q, limit);
        return {
          regions: exactRegion ? [await withPath(toRef(exactRegion))] : [],
          tps: await Promise.all(tps.map(tpsResult)),
        };
      }
      const rows = await repo.searchRegionsByName(q, limit);
      return { regions: await Promise.all(rows.map((r) => withPath(toRef(r)))), tps: [] };
    },

    /** The registry and rollups inside the caller's transaction `tx` (a unit of work's part: db/unit-of-work.ts). */
    inTransaction(tx: Database): RegionsInTransaction {
      const onTx = createRegionsRepository(tx);
      return {
        requireTps: (code) => requireTpsOn(onTx, code),
        async refreshRollupsForTps(tpsCodes) {
          const byLevel: Set<string>[] = [0, 1, 2, 3, 4].map(() => new Set());
          for (const tps of tpsCodes) {
            const chain = ancestorsOfCode(tps);
            chain.forEach((code, level) => byLevel[level].add(code));
          }
          for (const village of byLevel[4]) await onTx.refreshVillageRollup(tx, village);
          for (let level = 3; level >= 0; level--) {
            for (const code of byLevel[level]) await onTx.refreshRegionRollup(tx, code);
          }
        },
      };
    },
  };

  async function withPath(ref: RegionRef) {
    const crumbs = await breadcrumbOf(ref.code);
    return { ...ref, path: crumbs.filter((c) => c.code !== NATION_CODE).map((c) => c.name) };
  }

  async function tpsResult(t: { code: string; name: string }) {
    return {
      code: t.code,
      name: t.name,
      level: 5,
      levelName: 'tps',
      path: (await breadcrumbOf(t.code)).slice(1).map((c) => c.name),
    };
  }

  async function regionChildren(code: string): Promise<RegionChild[]> {
    const rows = await repo.listChildRegions(code);
    return rows.map((r) => ({ ...toRef(r), totals: toTotals(r) }));
  }

  async function villageTpsChildren(villageCode: string): Promise<RegionChild[]> {
    const rows = await repo.listVillageTps(villageCode);
    return rows.map((t) => {
      const hasOfficial = t.flag_count !== null;
      const figures = Object.fromEntries(FIELDS.map((f) => [f, (t[f] as number | null) ?? null])) as Record<
        FieldName,
        number | null
      >;
      const fields = Object.fromEntries(FIELDS.map((f) => [f, figures[f] ?? 0])) as Record<FieldName, number>;
      return {
        code: t.code,
        name: t.name,
        level: 5,
        levelName: 'tps',
        totals: {
          tpsCount: 1,
          officialTps: hasOfficial ? 1 : 0,
          officialChartTps: t.has_chart ? 1 : 0,
          flaggedTps: hasOfficial && (t.flag_count as number) > 0 ? 1 : 0,
          fields,
        },
        figures,
      };
    });
  }
}

async function requireTpsOn(repo: RegionsRepository, code: string): Promise<{ code: string; name: string }> {
  if (!isTpsCode(code)) throw errors.invalidCode(THINGS.tps, code);
  const tps = await repo.getTps(code);
  if (!tps) throw errors.notFound(THINGS.tps, code);
  return tps;
}

function toRef(r: { code: string; name: string; level: number }): RegionRef {
  return { code: r.code, name: r.name, level: r.level, levelName: LEVELS[r.level] };
}

function toTotals(r: RollupRow): Totals {
  return {
    tpsCount: r.tps_count,
    officialTps: r.official_tps,
    officialChartTps: r.official_chart_tps,
    flaggedTps: r.flagged_tps,
    fields: Object.fromEntries(FIELDS.map((f) => [f, r[`official_${f}`]])) as Record<FieldName, number>,
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
