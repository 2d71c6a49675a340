/**
 * The script choice: one segmented control of toggle buttons, one per script plus 原文 (the
 * original). Buttons are named in both languages (“简体 Simplified”), which is what people, and
 * the tests, look for; the current one is pressed.
 */
import { SCRIPT_CHOICES, TARGET_LABELS, type ScriptChoice } from '@/utils/core/convert';
import { useT } from './Language';

export interface ScriptControlsProps {
  current: ScriptChoice | undefined;
  busy: boolean;
  onChoose: (choice: ScriptChoice) => void;
}

export function ScriptControls(props: ScriptControlsProps) {
  const t = useT();
  return (
    <fieldset class="script-controls" aria-busy={props.busy}>
      <legend class="visually-hidden">{t('showPageIn')}</legend>
      {/* 原文 first: the way back is always at hand. */}
      {['original' as const, ...SCRIPT_CHOICES.filter((c) => c !== 'original')].map((choice) => (
        <button
          key={choice}
          type="button"
          aria-pressed={props.current === choice}
          disabled={props.busy || props.current === undefined}
          onClick={() => props.onChoose(choice)}
        >
          <span class="zh" lang={choice === 'cn' ? 'zh-Hans' : 'zh-Hant'}>
            {TARGET_LABELS[choice].zh}
          </span>
          <span class="en">{TARGET_LABELS[choice].en}</span>
        </button>
      ))}
    </fieldset>
  );
}
