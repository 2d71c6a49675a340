/**
 * Every entry, filterable by category and searchable with the popup's lookup, each with its full
 * concordance and related entries. Deep links: glossary.html#<entry id>; ?q= starts a search.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useT } from './Language';
import { PhraseDetails, PhraseHeading } from './PhraseDetails';
import { Concordance } from './Concordance';
import { CATEGORIES, CATEGORY_LABELS, type Category } from '@/utils/core/glossary-schema';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { LookupIndex } from '@/utils/core/lookup';
import type { Occurrence } from '@/utils/core/corpus-index';

export interface GlossaryBrowserProps {
  entries: readonly CompiledEntry[];
  lookup: LookupIndex;
  essayLink: (o: Occurrence) => string;
  initialQuery?: string;
}

export function GlossaryBrowser({ entries, lookup, essayLink, initialQuery = '' }: GlossaryBrowserProps) {
  const t = useT();
  const [query, setQuery] = useState(initialQuery);
  const [category, setCategory] = useState<Category | 'all'>('all');
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const shown = useMemo(() => {
    const base = query.trim()
      ? (lookup.search(query, entries.length) as CompiledEntry[])
      : [...entries].sort((a, b) => a.pinyin.localeCompare(b.pinyin));
    return category === 'all' ? base : base.filter((e) => e.category === category);
  }, [query, category, entries, lookup]);

  // A deep link opens and scrolls to its entry once rendered.
  useEffect(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const element = id ? document.getElementById(id) : null;
    if (element instanceof HTMLDetailsElement) {
      element.open = true;
      element.scrollIntoView({ block: 'start' });
    }
  }, []);

  return (
    <main>
      <h1>{t('glossaryTitle')}</h1>
      <div class="filters">
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('lookupPlaceholder')}
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
        />
        <label>
          {t('category')}{' '}
          <select value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value as Category | 'all')}>
            <option value="all">{t('allCategories')}</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c].en} {CATEGORY_LABELS[c].zh}
              </option>
            ))}
          </select>
        </label>
        <span aria-live="polite" class="count">
          {t('entriesCount', shown.length)}
        </span>
      </div>
      {shown.map((entry) => (
        <details key={entry.id} id={entry.id} class={`entry category-${entry.category}`}>
          <summary>
            <PhraseHeading entry={entry} /> <span class="pinyin">{entry.pinyin}</span> <span class="gloss">{entry.gloss}</span>
          </summary>
          <PhraseDetails
            entry={{ ...entry, occurrences: [] }}
            essayLink={essayLink}
            related={entry.related
              .map((id) => byId.get(id))
              .filter((e): e is CompiledEntry => !!e)
              .map((e) => ({ id: e.id, simplified: e.simplified, href: `#${e.id}` }))}
          />
          <h3>
            {t('concordance')} ({entry.occurrences.length})
          </h3>
          <Concordance occurrences={entry.occurrences} essayLink={essayLink} />
        </details>
      ))}
    </main>
  );
}
