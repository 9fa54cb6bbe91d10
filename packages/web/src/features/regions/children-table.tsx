import './regions.css';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { RegionChild, RegionPage as RegionView, Totals } from '@cocok/api';
import { regionPath, tpsPath } from '../../lib/paths.ts';
import { StatusBadge } from '../common/status-badge.tsx';
import { useFormat } from '../common/use-format.ts';
import { SortableHeader } from './sortable-header.tsx';
import { CrowdCells, TpsCrowdCell } from '../comparison/children-crowd-cells.tsx';
import { DEFAULT_SORT, nextSort, sortChildren, type SortKey, type SortState } from './sort-children.ts';
import { levelLabel } from '../../lib/field-labels.ts';

type Format = ReturnType<typeof useFormat>;
type Column = { key: SortKey; label: string; numeric?: boolean };

/**
 * The region's children with their official figures. For a village the rows are its TPS, each with
 * a consistency marker instead of a count of flagged TPS.
 */
export function ChildrenTable({ region }: { region: RegionView }) {
  const f = useFormat();
  const { t } = f;
  const [sort, setSort] = useState<SortState>(DEFAULT_SORT);
  const rows = useMemo(() => sortChildren(region.children, sort), [region.children, sort]);
  const captionId = useId();
  const isVillage = region.level === 4;
  const level = levelLabel(t, region.childLevelName);
  const place = region.level === 0 ? t('region.nationTitle') : region.name;

  if (region.children.length === 0) return <p className="notice">{t('region.noChildren')}</p>;

  const paslon = (i: 1 | 2 | 3): Column => ({
    key: `paslon${i}`,
    label: t('region.colPaslon', { n: `0${i}` }),
    numeric: true,
  });
  const columns: Column[] = [
    { key: 'name', label: isVillage ? t('levels.tps') : t('region.colName') },
    { key: 'code', label: t('region.colCode') },
    ...(isVillage ? [] : [{ key: 'tps', label: t('region.colTps'), numeric: true } as Column]),
    { key: 'coverage', label: t('region.colCoverage'), numeric: !isVillage },
    ...(isVillage || !region.comparison
      ? []
      : [{ key: 'crowd', label: t('comparison.colCrowd'), numeric: true } as Column]),
    paslon(1),
    paslon(2),
    paslon(3),
    { key: 'sah', label: t('fields.suara_sah'), numeric: true },
    { key: 'flagged', label: isVillage ? t('region.colStatus') : t('region.colFlagged'), numeric: !isVillage },
    ...(!region.comparison
      ? []
      : [
          {
            key: 'mismatch',
            label: isVillage ? t('comparison.colComparison') : t('comparison.colMismatch'),
            numeric: !isVillage,
          } as Column,
        ]),
  ];

  return (
    <section className="section" aria-labelledby={`${captionId}-h`}>
      <h2 id={`${captionId}-h`}>
        {isVillage ? t('region.tpsHeading') : t('region.childrenHeading', { level: lower(level) })}
      </h2>
      <p className="muted small scroll-hint">{t('region.scrollHint')}</p>
      <div className="table-scroll" role="region" aria-labelledby={captionId} tabIndex={0}>
        <table className="data-table data-table--sticky">
          <caption id={captionId} className="visually-hidden">
            {isVillage
              ? t('region.tpsCaption', { name: place })
              : t('region.childrenCaption', { level: lower(level), name: place })}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <SortableHeader
                  key={c.key}
                  column={c.key}
                  label={c.label}
                  numeric={c.numeric}
                  sort={sort}
                  onSort={(k) => setSort(nextSort(sort, k))}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.code}>
                <th scope="row">
                  <Link to={isVillage ? tpsPath(row.code) : regionPath(row.code)}>{row.name}</Link>
                </th>
                <td className="code">{row.code}</td>
                {isVillage ? (
                  <TpsCells row={row} f={f} />
                ) : (
                  <RegionCells
                    totals={row.totals}
                    f={f}
                    crowd={
                      region.comparison && (
                        <CrowdCells comparison={row.comparison} tpsCount={row.totals.tpsCount} part="coverage" />
                      )
                    }
                  />
                )}
                {region.comparison &&
                  (isVillage ? (
                    <TpsCrowdCell comparison={row.comparison} />
                  ) : (
                    <CrowdCells comparison={row.comparison} tpsCount={row.totals.tpsCount} part="mismatch" />
                  ))}
              </tr>
            ))}
          </tbody>
          {!isVillage && (
            <tfoot>
              <tr>
                <th scope="row">{t('region.total')}</th>
                <td />
                <RegionCells
                  totals={region.totals}
                  f={f}
                  crowd={
                    region.comparison && (
                      <CrowdCells comparison={region.comparison} tpsCount={region.totals.tpsCount} part="coverage" />
                    )
                  }
                />
                {region.comparison && (
                  <CrowdCells comparison={region.comparison} tpsCount={region.totals.tpsCount} part="mismatch" />
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </section>
  );
}

function RegionCells({ totals, f, crowd }: { totals: Totals; f: Format; crowd?: ReactNode }) {
  const hasVotes = totals.officialChartTps > 0;
  const hasAny = totals.officialTps > 0;
  return (
    <>
      <td className="num">{f.n(totals.tpsCount)}</td>
      <td className="num">
        {f.n(totals.officialTps)}
        <span className="cell-note cell-note--inline">({f.pct(totals.officialTps, totals.tpsCount)})</span>
      </td>
      {crowd}
      <td className="num">{hasVotes ? f.n(totals.fields.suara_paslon_1) : '–'}</td>
      <td className="num">{hasVotes ? f.n(totals.fields.suara_paslon_2) : '–'}</td>
      <td className="num">{hasVotes ? f.n(totals.fields.suara_paslon_3) : '–'}</td>
      <td className="num">{hasAny ? f.n(totals.fields.suara_sah) : '–'}</td>
      <td className={`num${totals.flaggedTps > 0 ? ' is-flagged' : ''}`}>
        {totals.flaggedTps > 0 && <span aria-hidden="true">✗ </span>}
        {hasAny ? f.n(totals.flaggedTps) : '–'}
      </td>
    </>
  );
}

function TpsCells({ row, f }: { row: RegionChild; f: Format }) {
  const { totals } = row;
  const hasAny = totals.officialTps > 0;
  return (
    <>
      <td>{hasAny ? f.t('region.hasOfficial') : <span className="muted">{f.t('region.noOfficial')}</span>}</td>
      <td className="num">{figure(row, 'suara_paslon_1', f)}</td>
      <td className="num">{figure(row, 'suara_paslon_2', f)}</td>
      <td className="num">{figure(row, 'suara_paslon_3', f)}</td>
      <td className="num">{figure(row, 'suara_sah', f)}</td>
      <td>
        {!hasAny ? (
          <span className="muted">–</span>
        ) : totals.flaggedTps > 0 ? (
          <StatusBadge status="fail" label={f.t('region.flagMarker')} />
        ) : (
          <StatusBadge status="pass" label={f.t('region.okMarker')} />
        )}
      </td>
    </>
  );
}

/** A TPS's own figure, '–' where KPU has not published it (never shown as 0). */
function figure(
  row: RegionChild,
  field: 'suara_paslon_1' | 'suara_paslon_2' | 'suara_paslon_3' | 'suara_sah',
  f: Format,
): string {
  const value = 'figures' in row ? row.figures[field] : null;
  return value === null ? '–' : f.n(value);
}

/** "Kabupaten/Kota" reads as "kabupaten/kota" inside a heading sentence (level names hold no acronyms). */
function lower(text: string): string {
  return text.toLocaleLowerCase();
}
