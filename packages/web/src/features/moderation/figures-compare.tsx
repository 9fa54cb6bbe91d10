import { FIELDS, type FieldName } from '@cocok/domain';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';
import type { ReviewData } from './moderation-types.ts';

/** KPU's figure, the crowd's, a verified override and each submission's confirmed value, field by field. */
export function FiguresCompare({ data }: { data: ReviewData }) {
  const { t, n } = useFormat();
  const official = data.official?.fields;
  const crowd = new Map((data.comparison?.fields ?? []).map((f) => [f.field, f]));
  const subs = data.submissions.filter((s) => s.values.length > 0);
  const confirmed = (s: (typeof subs)[number], f: FieldName) => s.values.find((v) => v.field === f);
  // Only fields someone gave a crowd figure for: KPU-only fields are on the public TPS page.
  const shown = FIELDS.filter(
    (f) => crowd.get(f)?.state || subs.some((s) => confirmed(s, f)) || data.verified?.figures[f] !== undefined,
  );
  const disputed = new Set(data.officialDisputes.map((d) => d.field));
  if (shown.length === 0) return <p className="muted">{t('moderation.noFigures')}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="figures-compare">
        <thead>
          <tr>
            <th scope="col">{t('moderation.colField')}</th>
            <th scope="col" className="num">
              {t('moderation.colKpu')}
            </th>
            <th scope="col" className="num">
              {t('moderation.colCrowd')}
            </th>
            {subs.map((s) => (
              <th key={s.id} scope="col" className="num">
                #{s.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((f) => {
            const c = crowd.get(f);
            const differs = c && c.difference !== null && c.difference !== 0;
            return (
              <tr key={f} data-field={f} className={differs ? 'is-flagged' : undefined}>
                <th scope="row">{fieldLabel(t, f)}</th>
                <td className="num" data-col="kpu">
                  {n(official?.[f] ?? null)}
                  {disputed.has(f) && <span className="tag">{t('moderation.disputed')}</span>}
                </td>
                <td className="num" data-col="crowd">
                  {n(c?.crowd ?? null)}
                  {c?.state === 'moderated' && <span className="tag">{t('moderation.moderated')}</span>}
                </td>
                {subs.map((s) => {
                  const v = confirmed(s, f);
                  return (
                    <td key={s.id} className="num">
                      {n(v?.confirmed ?? null)}
                      {v?.machine.review && (
                        <span
                          className="review-mark"
                          title={t('moderation.machineConfidence', {
                            pct: Math.round((v.machine.confidence ?? 0) * 100),
                          })}
                        >
                          {' '}
                          ?
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
