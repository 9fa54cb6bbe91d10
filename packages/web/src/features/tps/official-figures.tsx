import './tps.css';
import { CANDIDATES, PAGE_FIELDS, type FieldName } from '@cocok/domain';
import { BALLOT_FIELDS, LPJ_ROWS, SEXES, fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';
import { fieldsInFailedChecks } from './check-text.ts';
import type { OfficialView } from './use-tps.ts';
import { hasText } from '../../lib/translate.ts';

type FigureProps = { official: OfficialView; flagged: Set<string> };

/**
 * The official figures field by field, in the order a reader checks a C.HASIL form: the candidates'
 * votes (page 2), valid/invalid votes (page 3), then voters and ballots (page 1). Figures that take
 * part in a failed check are marked.
 */
export function OfficialFigures({ official }: { official: OfficialView }) {
  const flagged = fieldsInFailedChecks(official.checks);
  return (
    <div className="figures">
      <div className="figures__column">
        <Page2 official={official} flagged={flagged} />
        <SimpleTable headingKey="tps.page3Heading" fields={PAGE_FIELDS[3]} official={official} flagged={flagged} />
      </div>
      <div className="figures__column">
        <Page1 official={official} flagged={flagged} />
        <SimpleTable headingKey="tps.ballotsHeading" fields={BALLOT_FIELDS} official={official} flagged={flagged} />
      </div>
    </div>
  );
}

function Page2({ official, flagged }: FigureProps) {
  const { t } = useFormat();
  return (
    <table className="data-table figures__table">
      <caption>{t('tps.page2Heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('region.candidate')}</th>
          <th scope="col" className="num">
            {t('region.votes')}
          </th>
        </tr>
      </thead>
      <tbody>
        {CANDIDATES.map((c) => (
          <tr key={c.field}>
            <th scope="row">{fieldLabel(t, c.field)}</th>
            <Value value={official.fields[c.field]} flagged={flagged.has(c.field)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SimpleTable({
  headingKey,
  fields,
  official,
  flagged,
}: FigureProps & { headingKey: 'tps.page3Heading' | 'tps.ballotsHeading'; fields: readonly FieldName[] }) {
  const { t } = useFormat();
  return (
    <table className="data-table figures__table">
      <caption>{t(headingKey)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tps.field')}</th>
          <th scope="col" className="num">
            {t('tps.value')}
          </th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => (
          <tr key={f}>
            <th scope="row">{fieldLabel(t, f)}</th>
            <Value value={official.fields[f]} flagged={flagged.has(f)} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Page 1's voter rows as the form prints them: one row per category, columns L, P and J. */
function Page1({ official, flagged }: FigureProps) {
  const { t } = useFormat();
  return (
    <table className="data-table figures__table">
      <caption>{t('tps.page1Heading')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('tps.row')}</th>
          {SEXES.map((s) => (
            <th scope="col" className="num" key={s}>
              <abbr title={t(`sex.${s}`)}>{t(`sexShort.${s}`)}</abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {LPJ_ROWS.map((row) => (
          <tr key={row}>
            <th scope="row">
              {t(`rows.${row}`)}
              {hasText('rowNotes', row) && <span className="cell-note">{t(`rowNotes.${row}`)}</span>}
            </th>
            {SEXES.map((s) => {
              const field = `${row}_${s}` as FieldName;
              return <Value key={s} value={official.fields[field]} flagged={flagged.has(field)} />;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Value({ value, flagged }: { value: number | null; flagged: boolean }) {
  const { t, n } = useFormat();
  if (value === null) {
    return (
      <td className="num muted">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('tps.unknownLabel')}</span>
      </td>
    );
  }
  return (
    <td className={`num${flagged ? ' is-flagged' : ''}`}>
      {flagged && (
        <>
          <span aria-hidden="true" className="flag-icon">
            ✗
          </span>
          <span className="visually-hidden">({t('tps.inFailedCheck')}) </span>
        </>
      )}
      {n(value)}
    </td>
  );
}
