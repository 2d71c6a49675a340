/** Lookup: a search box and the entries it finds, each expandable to its full details. */
import { useMemo, useState } from 'preact/hooks';
import { useT } from './Language';
import { PhraseDetails, PhraseHeading } from './PhraseDetails';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { LookupIndex } from '@/utils/core/lookup';
import type { Occurrence } from '@/utils/core/corpus-index';

export interface LookupPanelProps {
  lookup: LookupIndex;
  initialQuery?: string;
  essayLink: (o: Occurrence) => string;
  limit?: number;
}

export function LookupPanel({ lookup, initialQuery = '', essayLink, limit = 20 }: LookupPanelProps) {
  const t = useT();
  const [query, setQuery] = useState(initialQuery);
  const results = useMemo(() => lookup.search(query, limit) as CompiledEntry[], [lookup, query, limit]);
  return (
    <section class="lookup" aria-labelledby="lookup-title">
      <h2 id="lookup-title">{t('lookup')}</h2>
      <input
        type="search"
        aria-label={t('lookup')}
        placeholder={t('lookupPlaceholder')}
        value={query}
        onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
      />
      {query.trim() !== '' && (
        <p class="result-count" aria-live="polite">
          {results.length === 0 ? t('noResults') : t('results', results.length)}
        </p>
      )}
      <ul class="results">
        {results.map((entry) => (
          <li key={entry.id}>
            <details>
              <summary>
                <PhraseHeading entry={entry} /> <span class="gloss">{entry.gloss}</span>
              </summary>
              <PhraseDetails entry={entry} maxOccurrences={5} essayLink={essayLink} />
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
