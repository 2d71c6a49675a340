/**
 * The glossary for translation tools: a format (TBX, CSV, JSON), the key entries only or all, your
 * own phrases or not, and one button. The page does the saving.
 */
import { useState } from 'preact/hooks';
import { TERM_BASE_FORMATS, type TermBaseFormat } from '@/utils/core/term-base';
import { useT } from './Language';

export interface TermBaseChoice {
  format: TermBaseFormat;
  keyOnly: boolean;
  withOwn: boolean;
}

const FORMAT_NAMES: Record<TermBaseFormat, string> = { tbx: 'TBX', csv: 'CSV', json: 'JSON' };

export function TermBaseExport({ onExport }: { onExport: (choice: TermBaseChoice) => void }) {
  const t = useT();
  const [format, setFormat] = useState<TermBaseFormat>('tbx');
  const [keyOnly, setKeyOnly] = useState(false);
  const [withOwn, setWithOwn] = useState(false);
  return (
    <details class="term-base">
      <summary>{t('termBaseTitle')}</summary>
      <p class="tl-note">{t('termBaseHint')}</p>
      <div class="term-base-controls">
        <label class="filter">
          <span>{t('termBaseFormat')}</span>
          <select
            class="tl-input"
            value={format}
            onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as TermBaseFormat)}
          >
            {TERM_BASE_FORMATS.map((f) => (
              <option key={f} value={f}>
                {FORMAT_NAMES[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" checked={keyOnly} onChange={(e) => setKeyOnly((e.currentTarget as HTMLInputElement).checked)} />{' '}
          {t('termBaseKeyOnly')}
        </label>
        <label>
          <input type="checkbox" checked={withOwn} onChange={(e) => setWithOwn((e.currentTarget as HTMLInputElement).checked)} />{' '}
          {t('termBaseWithOwn')}
        </label>
        <button type="button" class="tl-button" onClick={() => onExport({ format, keyOnly, withOwn })}>
          {t('termBaseSave')}
        </button>
      </div>
    </details>
  );
}
