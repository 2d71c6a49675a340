/**
 * Lookup: a search box and the entries it finds, best match first. A single result is shown
 * explained at once (its meaning and where it stands in the essays); several show a gloss each and
 * open in place.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { Occurrence } from '@/utils/core/corpus-index';
import type { LookupIndex } from '@/utils/core/lookup';
import { useT } from './Language';
import { PhraseDetails, PhraseHeading, useShortGloss } from './PhraseDetails';

export interface LookupPanelProps {
  lookup: LookupIndex;
  initialQuery?: string;
  essayLink: (o: Occurrence) => string;
  entryLink: (id: string) => string;
  limit?: number;
  /** The search box takes the focus when the panel opens. */
  autoFocus?: boolean;
  /** An entry the reader saw explained (a single result, or one they opened): for flashcards. */
  onLookedUp?: (id: string) => void;
}

export function LookupPanel({ lookup, initialQuery = '', essayLink, entryLink, limit = 30, autoFocus, onLookedUp }: LookupPanelProps) {
  const t = useT();
  const gloss = useShortGloss();
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState<string | undefined>();
  const box = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) box.current?.focus();
  }, [autoFocus]);
  const results = useMemo(() => lookup.search(query, limit) as CompiledEntry[], [lookup, query, limit]);
  const single = results.length === 1 ? results[0].id : undefined;
  useEffect(() => {
    if (single) onLookedUp?.(single);
  }, [single, onLookedUp]);
  return (
    <section class="lookup" aria-label={t('lookup')}>
      <input
        ref={box}
        class="tl-input search"
        type="search"
        aria-label={t('lookup')}
        placeholder={t('lookupPlaceholder')}
        value={query}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value);
          setOpen(undefined);
        }}
      />
      {query.trim() !== '' && (
        <p class="result-count tl-note" aria-live="polite">
          {results.length === 0 ? t('noResults') : t('results', results.length)}
        </p>
      )}
      <ul class="results scroll-list">
        {results.map((entry) => {
          const expanded = results.length === 1 || open === entry.id;
          return (
            <li key={entry.id} data-entry={entry.id} class={expanded ? 'expanded' : ''}>
              <button
                type="button"
                class="result"
                aria-expanded={expanded}
                onClick={() => {
                  if (open !== entry.id) onLookedUp?.(entry.id);
                  setOpen(open === entry.id ? undefined : entry.id);
                }}
              >
                <span class="words">
                  <PhraseHeading entry={entry} />
                </span>
                <span class="gloss">{gloss(entry)}</span>
              </button>
              {expanded && <PhraseDetails entry={entry} maxOccurrences={2} essayLink={essayLink} entryLink={entryLink} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
