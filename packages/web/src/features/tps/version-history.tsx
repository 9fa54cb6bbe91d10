import './tps.css';
import { fieldLabel } from '../../lib/field-labels.ts';
import { useFormat } from '../common/use-format.ts';
import { diffVersions } from './version-diff.ts';
import type { VersionView } from './use-tps.ts';

/** Every imported version of the official figures, newest first, each with what changed from the one before. */
export function VersionHistory({ history, currentId }: { history: VersionView[]; currentId: number | undefined }) {
  const { t, n, instant, wallTime } = useFormat();
  return (
    <section className="section" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('tps.historyHeading')}</h2>
      <p className="muted">{t('tps.historyIntro')}</p>
      <div className="table-scroll" role="region" aria-labelledby="history-caption" tabIndex={0}>
        <table className="data-table history">
          <caption id="history-caption" className="visually-hidden">
            {t('tps.historyCaption')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('tps.version')}</th>
              <th scope="col">{t('tps.docTs')}</th>
              <th scope="col">{t('tps.importedAt')}</th>
              <th scope="col">{t('tps.source')}</th>
              <th scope="col">{t('tps.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((v, i) => {
              const changes = diffVersions(v, history[i + 1]);
              return (
                <tr key={v.versionId}>
                  <th scope="row">
                    #{v.versionId}
                    {v.versionId === currentId && <span className="tag tag--current">{t('tps.current')}</span>}
                  </th>
                  <td>{wallTime(v.docTs)}</td>
                  <td>{instant(v.importedAt)}</td>
                  <td className="code break">{v.source}</td>
                  <td>
                    {changes === null ? (
                      t('tps.firstVersion')
                    ) : changes.length === 0 ? (
                      t('tps.noChange')
                    ) : (
                      <ul className="changes">
                        {changes.map((c) => (
                          <li key={c.field}>
                            {fieldLabel(t, c.field)}: {n(c.before)} → {n(c.after)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
