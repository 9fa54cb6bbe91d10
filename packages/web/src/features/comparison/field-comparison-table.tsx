import './comparison.css';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';
import { crowdStateText, differenceLook } from './comparison-text.ts';
import type { FieldComparison } from './comparison-types.ts';

/**
 * KPU's figure and the crowd's field by field, each difference in colour, icon and words. On phones
 * every row becomes a small card (the cells carry their column name), so nothing scrolls sideways.
 */
export function FieldComparisonTable({ fields }: { fields: FieldComparison[] }) {
  const f = useFormat();
  const { t, n } = f;
  return (
    <table className="data-table cmp-table">
      <caption className="visually-hidden">{t('comparison.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tps.field')}</th>
          <th scope="col" className="num">
            {t('comparison.official')}
          </th>
          <th scope="col" className="num">
            {t('comparison.crowd')}
          </th>
          <th scope="col">{t('comparison.difference')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((c) => {
          const look = differenceLook(f, c);
          return (
            <tr key={c.field} className={`cmp-row cmp-row--${look.tone}`} data-field={c.field}>
              <th scope="row">{fieldLabel(t, c.field)}</th>
              <td className="num" data-label={t('comparison.official')}>
                {n(c.official)}
                {c.disputed && (
                  <span className="cell-note cell-note--disputed" data-testid="official-disputed">
                    <span aria-hidden="true">⚑ </span>
                    {t('comparison.officialDisputed')}
                  </span>
                )}
              </td>
              <td className="num" data-label={t('comparison.crowd')}>
                <span className="cmp-crowd">{c.crowd === null ? '–' : n(c.crowd)}</span>
                <span className="cell-note">{crowdStateText(t, c.state, c.witnesses)}</span>
              </td>
              <td data-label={t('comparison.difference')}>
                <span className={`diff diff--${look.tone}`} data-testid="difference">
                  <span className="diff__icon" aria-hidden="true">
                    {look.icon}
                  </span>{' '}
                  {look.text}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
