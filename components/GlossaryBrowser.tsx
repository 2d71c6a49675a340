/**
 * The glossary browser: the list of entries beside the entry chosen (one pane at a time on narrow
 * windows). glossary.html#<id> opens that entry and brings it into view; ?q= starts a search. The
 * entry shows its meaning, origin and related entries, then its whole concordance as a table.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { Occurrence } from '@/utils/core/corpus-index';
import { CATEGORIES, type Category } from '@/utils/core/glossary-schema';
import { categoryLabel, tierLabel } from '@/utils/core/i18n';
import type { LookupIndex } from '@/utils/core/lookup';
import { Concordance } from './Concordance';
import { useT } from './Language';
import { PhraseDetails, PhraseHeading, useShortGloss } from './PhraseDetails';
import { TermBaseExport, type TermBaseChoice } from './TermBaseExport';

export interface GlossaryBrowserProps {
  entries: readonly CompiledEntry[];
  lookup: LookupIndex;
  essayLink: (o: Occurrence) => string;
  initialQuery?: string;
  /** Saves the entries shown as Anki flashcards (the page wires the download). */
  onFlashcards?: (entries: CompiledEntry[]) => void;
  /** Saves the glossary as a term base for translation tools (the page wires the download). */
  onTermBase?: (choice: TermBaseChoice) => void;
}

const idFromHash = () => decodeURIComponent(location.hash.slice(1));

export function GlossaryBrowser({ entries, lookup, essayLink, initialQuery = '', onFlashcards, onTermBase }: GlossaryBrowserProps) {
  const t = useT();
  const gloss = useShortGloss();
  const [query, setQuery] = useState(initialQuery);
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [selected, setSelected] = useState(idFromHash);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const shown = useMemo(() => {
    const base = query.trim()
      ? (lookup.search(query, entries.length) as CompiledEntry[])
      : [...entries].sort((a, b) => a.pinyin.localeCompare(b.pinyin));
    return category === 'all' ? base : base.filter((e) => e.category === category);
  }, [query, category, entries, lookup]);
  const entry = byId.get(selected);

  useEffect(() => {
    const follow = () => setSelected(idFromHash());
    addEventListener('hashchange', follow);
    return () => removeEventListener('hashchange', follow);
  }, []);
  // The chosen entry is brought into view in the list (centred when the page opens on it), and the
  // entry pane starts at its top.
  const opened = useRef(false);
  useEffect(() => {
    if (!selected) return;
    document.getElementById(selected)?.scrollIntoView({ block: opened.current ? 'nearest' : 'center' });
    opened.current = true;
    const pane = document.querySelector<HTMLElement>('.g-entry');
    pane?.scrollTo?.({ top: 0 });
    pane?.focus({ preventScroll: true });
  }, [selected]);

  return (
    <div class={entry ? 'glossary has-entry' : 'glossary'}>
      <header class="g-head">
        <h1>{t('glossaryTitle')}</h1>
        <div class="filters">
          <input
            class="tl-input search"
            type="search"
            aria-label={t('search')}
            placeholder={t('lookupPlaceholder')}
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />
          <label class="filter">
            <span>{t('category')}</span>
            <select
              class="tl-input"
              value={category}
              onChange={(e) => setCategory((e.currentTarget as HTMLSelectElement).value as Category | 'all')}
            >
              <option value="all">{t('allCategories')}</option>
              {CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(t, c)}
                </option>
              ))}
            </select>
          </label>
          <span aria-live="polite" class="count tl-muted">
            {t('entriesCount', shown.length)}
          </span>
          {onFlashcards && shown.length > 0 && (
            <button type="button" class="tl-button" title={t('flashcardsHint')} onClick={() => onFlashcards(shown)}>
              {t('flashcardsShown', shown.length)}
            </button>
          )}
        </div>
        {onTermBase && <TermBaseExport onExport={onTermBase} />}
      </header>
      <div class="g-body">
        <nav class="g-list" aria-label={t('glossaryEntries')}>
          <ul>
            {shown.map((e) => (
              <li key={e.id}>
                <a id={e.id} href={`#${e.id}`} aria-current={e.id === selected ? 'true' : undefined} class="entry-link">
                  <span class="words">
                    <PhraseHeading entry={e} />
                  </span>
                  <span class="pinyin">{e.pinyin}</span>
                  <span class="gloss">
                    {e.tier !== 'key' && <span class="tl-badge">{tierLabel(t, e.tier)}</span>} {gloss(e)}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <article class="g-entry" tabIndex={-1} aria-label={entry ? entry.simplified : t('glossaryPick')} data-entry={entry?.id}>
          {entry ? (
            <>
              <button
                type="button"
                class="back link-button"
                onClick={() => {
                  // Back to the list (one pane on narrow windows), leaving no empty # in the address.
                  history.replaceState(null, '', location.pathname + location.search);
                  setSelected('');
                }}
              >
                ← {t('allEntries')}
              </button>
              <h2 class="entry-title">
                <PhraseHeading entry={entry} />
              </h2>
              <p class="entry-gloss" lang="en">
                “{entry.gloss}”
              </p>
              <PhraseDetails
                entry={entry}
                essayLink={essayLink}
                entryLink={(id) => `#${id}`}
                withoutEssays
                related={entry.related
                  .map((id) => byId.get(id))
                  .filter((e): e is CompiledEntry => !!e)
                  .map((e) => ({ id: e.id, simplified: e.simplified }))}
              />
              <h3>{t('inEssays', entry.occurrences.length)}</h3>
              <Concordance occurrences={entry.occurrences} essayLink={essayLink} />
            </>
          ) : (
            <p class="tl-note">{t('glossaryPick')}</p>
          )}
        </article>
      </div>
    </div>
  );
}
