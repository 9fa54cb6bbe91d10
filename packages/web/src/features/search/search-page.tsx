import './search.css';
import { Link, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../common/load-state.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { regionPath, tpsPath } from '../../lib/paths.ts';
import { useDocumentTitle } from '../../lib/use-document-title.ts';
import { SEARCH_LIMIT, useSearch, type SearchResults } from './use-search.ts';
import { levelLabel } from '../../lib/field-labels.ts';

export function SearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  const result = useSearch(q);
  useDocumentTitle(q ? t('search.resultsFor', { q }) : t('search.title'));

  return (
    <>
      <PageHeader kicker={t('search.title')} title={q ? t('search.resultsFor', { q }) : t('search.title')} />
      {q.length < 2 ? (
        <div className="notice">
          <p>{t('search.tooShort')}</p>
          <p className="muted">{t('search.hint')}</p>
        </div>
      ) : (
        <Loaded result={result}>{(data) => <Results q={q} data={data} />}</Loaded>
      )}
    </>
  );
}

function Results({ q, data }: { q: string; data: SearchResults }) {
  const { t } = useTranslation();
  if (data.regions.length === 0 && data.tps.length === 0) {
    return (
      <div className="notice">
        <p>{t('search.none', { q })}</p>
        <p className="muted">{t('search.hint')}</p>
      </div>
    );
  }
  return (
    <>
      {data.regions.length > 0 && (
        <section className="section" aria-labelledby="results-regions">
          <h2 id="results-regions">{t('search.regions')}</h2>
          <ul className="result-list">
            {data.regions.map((r) => (
              <li key={r.code}>
                <Link to={regionPath(r.code)} className="result-list__name">
                  {r.name}
                </Link>
                <span className="result-list__meta">
                  {levelLabel(t, r.levelName)} · <span className="code">{r.code}</span>
                  {r.path.length > 0 && <> · {r.path.join(' › ')}</>}
                </span>
              </li>
            ))}
          </ul>
          {data.regions.length >= SEARCH_LIMIT && (
            <p className="muted small">{t('search.limited', { n: SEARCH_LIMIT })}</p>
          )}
        </section>
      )}
      {data.tps.length > 0 && (
        <section className="section" aria-labelledby="results-tps">
          <h2 id="results-tps">{t('search.tps')}</h2>
          <ul className="result-list">
            {data.tps.map((r) => (
              <li key={r.code}>
                <Link to={tpsPath(r.code)} className="result-list__name">
                  {r.name} <span className="code">{r.code}</span>
                </Link>
                <span className="result-list__meta">{r.path.join(' › ')}</span>
              </li>
            ))}
          </ul>
          {data.tps.length >= SEARCH_LIMIT && <p className="muted small">{t('search.limited', { n: SEARCH_LIMIT })}</p>}
        </section>
      )}
    </>
  );
}
