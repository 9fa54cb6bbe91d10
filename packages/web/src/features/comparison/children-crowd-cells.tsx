import { useFormat } from '../common/use-format.ts';
import { ComparisonBadge } from './comparison-badge.tsx';
import { coverageShare } from './comparison-text.ts';
import type { RegionComparison, TpsSummary } from './comparison-types.ts';

/**
 * The crowd's columns of a region's children table: coverage (TPS with witness figures) next to the
 * official coverage, and the count of mismatching TPS at the end; two narrow cells, so 360 px stays readable.
 */
export function CrowdCells({
  comparison,
  tpsCount,
  part,
}: {
  comparison: RegionComparison | undefined;
  tpsCount: number;
  part: 'coverage' | 'mismatch';
}) {
  const { n, lang } = useFormat();
  if (!comparison) return <td className="num muted">–</td>;
  if (part === 'coverage') {
    return (
      <td className="num">
        {n(comparison.crowdTps)}
        <span className="cell-note cell-note--inline">({coverageShare(lang, comparison.crowdTps, tpsCount)})</span>
      </td>
    );
  }
  const mismatches = comparison.statusCounts.mismatch;
  return (
    <td className={`num${mismatches > 0 ? ' is-flagged' : ''}`}>
      {mismatches > 0 && <span aria-hidden="true">✗ </span>}
      {comparison.crowdTps > 0 ? n(mismatches) : '–'}
    </td>
  );
}

/** A TPS row's comparison status (colour, icon, word). */
export function TpsCrowdCell({ comparison }: { comparison: RegionComparison | TpsSummary | undefined }) {
  // Most TPS have no witness figures yet: a dash keeps those rows quiet so the others stand out.
  if (!comparison || !('status' in comparison) || comparison.status === 'no_crowd') return <td className="muted">–</td>;
  return (
    <td>
      <ComparisonBadge status={comparison.status} />
    </td>
  );
}
