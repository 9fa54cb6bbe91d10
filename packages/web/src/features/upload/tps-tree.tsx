import './upload.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionPage as RegionView } from '@cocok/api';
import { Loaded } from '../common/load-state.tsx';
import { useRegion } from '../regions/use-region.ts';
import { placeOf, type ChosenTps } from './last-tps.ts';
import { levelLabel } from '../../lib/field-labels.ts';

/** Walks nation › province › … › village; a village lists its TPS, one of which is chosen. */
export function TpsTree({ start, onChoose }: { start?: string; onChoose: (tps: ChosenTps) => void }) {
  const [code, setCode] = useState<string | undefined>(start);
  const result = useRegion(code === 'ID' ? undefined : code);
  return <Loaded result={result}>{(region) => <Level region={region} onOpen={setCode} onChoose={onChoose} />}</Loaded>;
}

function Level({
  region,
  onOpen,
  onChoose,
}: {
  region: RegionView;
  onOpen: (code: string) => void;
  onChoose: (tps: ChosenTps) => void;
}) {
  const { t } = useTranslation();
  const trail = [...region.breadcrumb, region];
  const place = placeOf(trail);
  return (
    <div className="tps-tree">
      <nav aria-label={t('region.breadcrumb')}>
        <ol className="tree-trail">
          {region.breadcrumb.map((r) => (
            <li key={r.code}>
              <button type="button" className="link-button" onClick={() => onOpen(r.code)}>
                {r.level === 0 ? t('region.nationTitle') : r.name}
              </button>
            </li>
          ))}
          <li aria-current="location">{region.level === 0 ? t('region.nationTitle') : region.name}</li>
        </ol>
      </nav>
      <p className="muted small">{t('upload.treeChoose', { level: levelLabel(t, region.childLevelName) })}</p>
      <ul className="pick-list pick-list--scroll">
        {region.children.map((c) => (
          <li key={c.code}>
            <button
              type="button"
              className="pick-list__button"
              onClick={() => (c.levelName === 'tps' ? onChoose({ code: c.code, name: c.name, place }) : onOpen(c.code))}
            >
              <span className="pick-list__name">
                {c.name}
                {c.levelName === 'tps' ? (
                  <span className="code"> {c.code}</span>
                ) : (
                  <span className="pick-list__arrow" aria-hidden="true">
                    {' '}
                    ›
                  </span>
                )}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
