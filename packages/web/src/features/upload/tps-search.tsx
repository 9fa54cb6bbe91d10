import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loaded } from '../common/load-state.tsx';
import { useSearch, type SearchResults } from '../search/use-search.ts';
import type { ChosenTps } from './last-tps.ts';
import { levelLabel } from '../../lib/field-labels.ts';

/** Search by place name or code prefix; a place found opens the tree there, a TPS found is chosen. */
export function TpsSearch({
  onChoose,
  onOpenRegion,
}: {
  onChoose: (tps: ChosenTps) => void;
  onOpenRegion: (code: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const result = useSearch(query);

  function submit(e: FormEvent) {
    e.preventDefault();
    setQuery(text.trim());
  }

  return (
    <div>
      <form className="inline-form" onSubmit={submit} role="search">
        <label htmlFor={id}>{t('upload.searchLabel')}</label>
        <div className="inline-form__row">
          <input
            id={id}
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoComplete="off"
            maxLength={100}
          />
          <button type="submit" className="button">
            {t('search.submit')}
          </button>
        </div>
      </form>
      {query.length > 0 && query.length < 2 && <p className="muted">{t('search.tooShort')}</p>}
      {query.length >= 2 && (
        <Loaded result={result}>
          {(data) => <Results data={data} q={query} onChoose={onChoose} onOpenRegion={onOpenRegion} />}
        </Loaded>
      )}
    </div>
  );
}

function Results({
  data,
  q,
  onChoose,
  onOpenRegion,
}: {
  data: SearchResults;
  q: string;
  onChoose: (tps: ChosenTps) => void;
  onOpenRegion: (code: string) => void;
}) {
  const { t } = useTranslation();
  if (data.regions.length === 0 && data.tps.length === 0) return <p className="muted">{t('search.none', { q })}</p>;
  return (
    <ul className="pick-list">
      {data.tps.map((r) => (
        <li key={r.code}>
          <button
            type="button"
            className="pick-list__button"
            onClick={() => onChoose({ code: r.code, name: r.name, place: r.path.join(' › ') })}
          >
            <span className="pick-list__name">
              {r.name} <span className="code">{r.code}</span>
            </span>
            <span className="pick-list__meta">{r.path.join(' › ')}</span>
          </button>
        </li>
      ))}
      {data.regions.map((r) => (
        <li key={r.code}>
          <button type="button" className="pick-list__button" onClick={() => onOpenRegion(r.code)}>
            <span className="pick-list__name">
              {r.name}{' '}
              <span className="pick-list__arrow" aria-hidden="true">
                ›
              </span>
            </span>
            <span className="pick-list__meta">
              {levelLabel(t, r.levelName)}
              {r.path.length > 0 && <> · {r.path.join(' › ')}</>}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
