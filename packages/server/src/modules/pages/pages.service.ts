import type { CrowdComparisonTotals } from '@cocok/domain';
import type { ComparisonService, TpsComparisonView, TpsSummary } from '../comparison/comparison.service.ts';
import type { OfficialService, TpsView } from '../official/official.service.ts';
import type { RegionChild, RegionView, RegionsService } from '../regions/regions.service.ts';

/** A region page: the registry's region with KPU's rollups (regions), and the crowd's rollups beside them (comparison). */
export type RegionPage = Omit<RegionView, 'children'> & {
  comparison?: CrowdComparisonTotals;
  children: (RegionChild & { comparison?: CrowdComparisonTotals | TpsSummary })[];
};
/** A TPS page: KPU's figures, versions and checks (official), and the crowd's comparison beside them. */
export type TpsPage = TpsView & { comparison: TpsComparisonView };

/** The read models a page is made of; each module answers its own part and none calls another to decorate it. */
export type PageSources = {
  regions: Pick<RegionsService, 'getRegion'>;
  official: Pick<OfficialService, 'getTps'>;
  comparison: Pick<ComparisonService, 'regionTotals' | 'villageTps' | 'getTpsComparison'>;
};

/**
 * Page assembly, one layer above the modules: the public region and TPS pages (GET /regions/:code,
 * /tps/:code) composed from the registry and official read models and the crowd's. The JSON is the one the
 * routes have always answered (@cocok/api regionPage, tpsPage): keys in the same order, so ETags stay.
 */
export function createPagesService({ regions, official, comparison }: PageSources) {
  return {
    /** A region with its children, each with KPU's totals and the crowd comparison (coverage, status counts; a village's TPS: status and impact). */
    async regionPage(code: string): Promise<RegionPage> {
      const view = await regions.getRegion(code);
      const childrenAreTps = view.level === 4;
      const regionsToRead = [view, ...(childrenAreTps ? [] : view.children)].map((r) => ({
        code: r.code,
        tpsCount: r.totals.tpsCount,
      }));
      const [totals, tps] = await Promise.all([
        comparison.regionTotals(regionsToRead),
        childrenAreTps
          ? comparison.villageTps(
              view.code,
              view.children.map((c) => c.code),
            )
          : Promise.resolve(new Map<string, TpsSummary>()),
      ]);
      const of = (c: string) => totals.get(c) ?? tps.get(c);
      return {
        ...view,
        comparison: of(view.code),
        children: view.children.map((c) => ({ ...c, comparison: of(c.code) })),
      };
    },

    /** A TPS with its official figures and history, and the crowd's figures beside them. */
    async tpsPage(code: string): Promise<TpsPage> {
      // Side by side, as before: the official view checks the code (400/404) and the comparison reads only committed rows.
      const [view, crowd] = await Promise.all([official.getTps(code), comparison.getTpsComparison(code)]);
      return { ...view, comparison: crowd };
    },
  };
}

export type PagesService = ReturnType<typeof createPagesService>;
