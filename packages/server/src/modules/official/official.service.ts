import type { Database } from '../../db/database.ts';
import { FIELDS, type FieldValues } from '@cocok/domain';
import { isOverseasTps, runChecks, type CheckResult } from '@cocok/domain';
import type { RegionsService, RegionRef } from '../regions/regions.service.ts';
import { createOfficialRepository, type OfficialVersionRow } from './official.repository.ts';

export type OfficialVersionView = {
  versionId: number;
  docTs: string | null;
  importedAt: string;
  source: string;
  partial: boolean;
  hasChart: boolean;
  hasAdministrasi: boolean;
  statusSuara: boolean | null;
  statusAdm: boolean | null;
  psu: string | null;
  images: (string | null)[];
  fields: FieldValues;
  flags: string[];
};

export type TpsView = {
  code: string;
  name: string;
  overseas: boolean;
  breadcrumb: RegionRef[];
  official: (OfficialVersionView & { checks: CheckResult[] }) | null;
  history: OfficialVersionView[];
};

/** What moderation's decisions read of KPU's figures inside their transaction (the version a verdict is about). */
export type OfficialInTransaction = {
  /** The TPS's current version and its figures; null before KPU's first. */
  current(code: string): Promise<{ versionId: number; fields: FieldValues } | null>;
};

/** KPU's figures per TPS: the current version with its checks, and every version imported. */
export function createOfficialService({
  db,
  regions,
}: {
  db: Database;
  regions: Pick<RegionsService, 'requireTps' | 'breadcrumbOf'>;
}) {
  const repo = createOfficialRepository(db);
  return {
    /** A TPS with its current official figures, every check's result, and every version ever imported. */
    async getTps(code: string): Promise<TpsView> {
      const tps = await regions.requireTps(code);
      const [breadcrumb, versions, current] = await Promise.all([
        regions.breadcrumbOf(code),
        repo.listVersions(code),
        repo.getCurrentVersionId(code),
      ]);
      const flags = await repo.listFlags(versions.map((v) => v.id));
      const views = versions.map((v) =>
        toView(
          v,
          flags.filter((f) => f.version_id === v.id).map((f) => f.check_id),
        ),
      );
      const currentView = views.find((v) => v.versionId === current?.version_id) ?? null;
      const overseas = isOverseasTps(code);
      return {
        code,
        name: tps.name,
        overseas,
        breadcrumb,
        official: currentView && { ...currentView, checks: runChecks(currentView.fields, { overseas }) },
        history: views,
      };
    },

    /** Official figures inside the caller's transaction `tx` (a unit of work's part: db/unit-of-work.ts). */
    inTransaction(tx: Database): OfficialInTransaction {
      const onTx = createOfficialRepository(tx);
      return {
        async current(code) {
          const [versions, current] = await Promise.all([onTx.listVersions(code), onTx.getCurrentVersionId(code)]);
          const v = versions.find((row) => row.id === current?.version_id);
          return v ? { versionId: v.id, fields: toView(v, []).fields } : null;
        },
      };
    },
  };
}

function toView(v: OfficialVersionRow, flags: string[]): OfficialVersionView {
  return {
    versionId: v.id,
    docTs: v.doc_ts,
    importedAt: v.imported_at,
    source: v.source,
    partial: !(v.has_chart && v.has_administrasi),
    hasChart: v.has_chart === 1,
    hasAdministrasi: v.has_administrasi === 1,
    statusSuara: v.status_suara === null ? null : v.status_suara === 1,
    statusAdm: v.status_adm === null ? null : v.status_adm === 1,
    psu: v.psu,
    images: [v.image_1, v.image_2, v.image_3],
    fields: Object.fromEntries(FIELDS.map((f) => [f, v[f] as number | null])) as FieldValues,
    flags,
  };
}

export type OfficialService = ReturnType<typeof createOfficialService>;
