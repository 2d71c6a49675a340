/**
 * The three highlight levels, named for a reader (utils/core/policy-context.ts): the popup and the
 * options offer the same choice in the same words.
 */
import type { HighlightLevel } from '@/utils/core/policy-context';
import { Segmented } from './Controls';
import { useT } from './Language';

export function LevelChoice(props: { value: HighlightLevel; onChange: (level: HighlightLevel) => void; small?: boolean }) {
  const t = useT();
  return (
    <Segmented
      legend={t('highlightLevel')}
      name="level"
      small={props.small}
      value={props.value}
      onChange={props.onChange}
      options={[
        { value: 'key', label: t('levelKey') },
        { value: 'context', label: t('levelContext') },
        { value: 'all', label: t('levelAll') },
      ]}
    />
  );
}
