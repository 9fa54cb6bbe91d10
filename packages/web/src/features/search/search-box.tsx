import { useEffect, useId, useState, type FormEvent } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { asTpsCode, searchPath, tpsPath } from '../../lib/paths.ts';

/** The header search: a full 13-character TPS code opens that TPS, anything else lists matches. */
export function SearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const urlQuery = pathname === '/cari' ? (params.get('q') ?? '') : '';
  const [query, setQuery] = useState(urlQuery);
  const inputId = useId();

  // Keep the box in step with the results page when the URL changes (back/forward).
  useEffect(() => setQuery(urlQuery), [urlQuery]);

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = query.trim();
    if (!q) return;
    const code = asTpsCode(q);
    navigate(code ? tpsPath(code) : searchPath(q));
  }

  return (
    <form role="search" className="search-box" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={inputId}
        type="search"
        name="q"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('search.placeholder')}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        enterKeyHint="search"
      />
      <button type="submit" className="button">
        {t('search.submit')}
      </button>
    </form>
  );
}
