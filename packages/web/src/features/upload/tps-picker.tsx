import './upload.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChosenTps } from './last-tps.ts';
import { TpsByCode } from './tps-by-code.tsx';
import { TpsSearch } from './tps-search.tsx';
import { TpsTree } from './tps-tree.tsx';

type Mode = 'code' | 'search' | 'tree';
const MODES: Mode[] = ['code', 'search', 'tree'];

/** Step 1 of the upload: the chosen TPS, or three ways to find one (code, search, region tree). */
export function TpsPicker({
  chosen,
  onChoose,
}: {
  chosen: ChosenTps | null;
  onChoose: (tps: ChosenTps | null) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('code');
  const [treeStart, setTreeStart] = useState<string | undefined>(undefined);

  if (chosen) {
    return (
      <div className="chosen-tps" data-testid="chosen-tps">
        <p className="chosen-tps__name">
          {chosen.name} <span className="code">{chosen.code}</span>
        </p>
        <p className="muted small">{chosen.place}</p>
        <button type="button" className="button button--secondary" onClick={() => onChoose(null)}>
          {t('upload.changeTps')}
        </button>
      </div>
    );
  }

  return (
    <div className="tps-picker">
      <div className="segmented" role="group" aria-label={t('upload.findBy')}>
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            className="segmented__item"
            aria-pressed={mode === m}
            onClick={() => setMode(m)}
          >
            {t(`upload.mode.${m}`)}
          </button>
        ))}
      </div>
      {mode === 'code' && <TpsByCode onChoose={onChoose} />}
      {mode === 'search' && (
        <TpsSearch
          onChoose={onChoose}
          onOpenRegion={(code) => {
            setTreeStart(code);
            setMode('tree');
          }}
        />
      )}
      {mode === 'tree' && <TpsTree key={treeStart ?? 'ID'} start={treeStart} onChoose={onChoose} />}
    </div>
  );
}
