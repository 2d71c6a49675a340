/** Under the lookup: flashcards of what the reader looked up, and a way to forget that list. */
import { useT } from '@/components/Language';
import { lookedUp } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import { saveFlashcards } from './flashcards';
import type { Entries } from './use-entries';

export function LookupFlashcards({ entries }: { entries: Entries }) {
  const t = useT();
  const { value: ids, update } = useSetting(lookedUp);
  const list = (ids ?? []).flatMap((id) => entries.get(id) ?? []);
  if (list.length === 0) return null;
  return (
    <footer class="lookup-footer">
      <button type="button" class="link-button" onClick={() => saveFlashcards('looked-up', list)} title={t('flashcardsHint')}>
        {t('flashcardsLookedUp', list.length)}
      </button>
      <button type="button" class="link-button" onClick={() => void update(() => [])}>
        {t('forgetLookups')}
      </button>
    </footer>
  );
}
