import './submissions.css';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';
import { checkLabel } from '../tps/check-text.ts';
import type { SubmissionView } from './submission-types.ts';

/** After confirming: the figures as confirmed, what the machine had read where they differ, the warnings. */
export function ConfirmedValues({ view }: { view: SubmissionView }) {
  const { t, n, instant } = useFormat();
  return (
    <section className="section" aria-labelledby="confirmed-heading">
      <h2 id="confirmed-heading">{t('confirmed.heading')}</h2>
      <div className="notice" role="status">
        <p className="notice__title">
          <span aria-hidden="true">✓ </span>
          {t('confirmed.thanks')}
        </p>
        {view.confirmedAt && <p>{t('confirmed.at', { at: instant(view.confirmedAt) })}</p>}
      </div>
      {view.checks.length > 0 && (
        <div className="notice notice--warning">
          <p className="notice__title">{t('confirmed.warnings', { count: view.checks.length })}</p>
          <ul>
            {view.checks.map((c) => (
              <li key={c.id}>{checkLabel(t, c.id, 'flag')}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="data-table confirmed-table">
        <caption className="visually-hidden">{t('confirmed.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tps.field')}</th>
            <th scope="col" className="num">
              {t('confirmed.value')}
            </th>
          </tr>
        </thead>
        <tbody>
          {view.values.map((v) => (
            <tr key={v.field} data-field={v.field}>
              <th scope="row">{fieldLabel(t, v.field)}</th>
              <td className="num">
                {n(v.confirmed)}
                {v.machine.value !== v.confirmed && (
                  <span className="cell-note">{t('confirmed.machineWas', { value: n(v.machine.value) })}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
