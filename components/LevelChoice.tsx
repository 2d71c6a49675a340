/**
 * The three highlight levels, named for a reader (utils/core/policy-context.ts), with a line that
 * says what the chosen one marks: the popup and the options offer the same choice in the same words.
 */
import type { MessageKey } from '@/utils/core/i18n';
import type { HighlightLevel } from '@/utils/core/policy-context';
import { Segmented } from './Controls';
import { useT } from './Language';

const LABELS: Record<HighlightLevel, { label: MessageKey; hint: MessageKey }> = {
  key: { label: 'levelKey', hint: 'levelKeyHint' },
  context: { label: 'levelContext', hint: 'levelContextHint' },
  all: { label: 'levelAll', hint: 'levelAllHint' },
};

export function LevelChoice(props: { value: HighlightLevel; onChange: (level: HighlightLevel) => void; small?: boolean }) {
  const t = useT();
  return (
    <div class="tl-level">
      <span class="tl-level-label" aria-hidden="true">
        {t('highlightLevel')}
      </span>
      <Segmented
        legend={t('highlightLevel')}
        name="level"
        small={props.small}
        value={props.value}
        onChange={props.onChange}
        options={(['key', 'context', 'all'] as const).map((level) => ({ value: level, label: t(LABELS[level].label) }))}
      />
      <span class="tl-hint">{t(LABELS[props.value].hint)}</span>
    </div>
  );
}
