/**
 * The script-conversion controls: one button per script plus 原文 (original), a switch that
 * remembers the choice for the site, and the default for every site. Buttons are named in both
 * languages (“简体 Simplified”), which is what people — and tests — look for.
 */
import { SCRIPT_CHOICES, TARGET_LABELS, type ScriptChoice } from '@/utils/core/convert';
import { useT } from './Language';

export interface ScriptControlsProps {
  current: ScriptChoice | undefined;
  busy: boolean;
  onChoose: (choice: ScriptChoice) => void;
  hostname?: string;
  remembered?: boolean;
  onRemember?: (remember: boolean) => void;
  defaultChoice: ScriptChoice;
  onDefault: (choice: ScriptChoice) => void;
}

export function ScriptControls(props: ScriptControlsProps) {
  const t = useT();
  return (
    <section class="script-controls" aria-label={t('scriptConversion')}>
      <fieldset class="buttons">
        <legend class="visually-hidden">{t('showPageIn')}</legend>
        {SCRIPT_CHOICES.map((choice) => (
          <button
            key={choice}
            type="button"
            aria-pressed={props.current === choice}
            disabled={props.busy || props.current === undefined}
            onClick={() => props.onChoose(choice)}
          >
            <span lang={choice === 'cn' ? 'zh-Hans' : 'zh-Hant'}>{TARGET_LABELS[choice].zh}</span>{' '}
            <span class="en">{TARGET_LABELS[choice].en}</span>
          </button>
        ))}
      </fieldset>
      {props.hostname && props.onRemember && props.current !== undefined && (
        <label>
          <input type="checkbox" checked={props.remembered} onChange={(e) => props.onRemember!((e.target as HTMLInputElement).checked)} />{' '}
          {t('alwaysShow', props.hostname)}
        </label>
      )}
      <label>
        {t('defaultAllSites')}{' '}
        <select value={props.defaultChoice} onChange={(e) => props.onDefault((e.target as HTMLSelectElement).value as ScriptChoice)}>
          {SCRIPT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'original' ? t('noConversion') : `${TARGET_LABELS[choice].zh} ${TARGET_LABELS[choice].en}`}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
