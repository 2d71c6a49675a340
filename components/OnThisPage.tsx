/**
 * What the current page contains: phrases grouped by category with counts, in order of first
 * appearance or by frequency. Clicking a phrase shows it on the page; its arrow opens its meaning
 * and where it stands in the essays, in place.
 */
import { useState } from 'preact/hooks';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { Occurrence } from '@/utils/core/corpus-index';
import { CATEGORIES } from '@/utils/core/glossary-schema';
import { categoryLabel, tierLabel } from '@/utils/core/i18n';
import type { PhraseCount } from '@/utils/extension/protocol';
import { Segmented } from './Controls';
import { useT } from './Language';
import { PhraseDetails, PhraseHeading, useShortGloss } from './PhraseDetails';

export interface OnThisPageProps {
  phrases: PhraseCount[];
  total: number;
  entries: ReadonlyMap<string, CompiledEntry>;
  onShow: (id: string) => void;
  essayLink: (o: Occurrence) => string;
  entryLink: (id: string) => string;
}

export function OnThisPage({ phrases, total, entries, onShow, essayLink, entryLink }: OnThisPageProps) {
  const t = useT();
  const gloss = useShortGloss();
  const [order, setOrder] = useState<'first' | 'frequency'>('first');
  const [open, setOpen] = useState<string | undefined>();
  const sorted = [...phrases].sort((a, b) => (order === 'first' ? a.first - b.first : b.count - a.count || a.first - b.first));
  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <div class="summary-row">
        <h2 id="on-page-title" aria-live="polite">
          {t('listPair', t('phrasesCount', phrases.length), t('occurrencesCount', total))}
        </h2>
        <Segmented
          small
          legend={t('sortBy')}
          name="order"
          value={order}
          onChange={setOrder}
          options={[
            { value: 'first', label: t('orderFirst') },
            { value: 'frequency', label: t('orderFrequency') },
          ]}
        />
      </div>
      <div class="scroll-list">
        {CATEGORIES.map((category) => {
          const inCategory = sorted.filter((p) => entries.get(p.id)?.category === category);
          if (inCategory.length === 0) return null;
          const label = categoryLabel(t, category);
          return (
            <section key={category} class="category" aria-label={label}>
              <h3 class={`tl-cat tl-cat-${category}`}>{label}</h3>
              <ul class="phrases">
                {inCategory.map(({ id, count }) => {
                  const entry = entries.get(id)!;
                  const expanded = open === id;
                  return (
                    <li key={id} data-entry={id}>
                      <div class="row">
                        <button type="button" class="show" onClick={() => onShow(id)} title={t('showOnPage')}>
                          <span class="words">
                            <PhraseHeading entry={entry} />
                          </span>
                          <span class="gloss">
                            {entry.tier !== 'key' && <span class="tl-badge">{tierLabel(t, entry.tier)}</span>} {gloss(entry)}
                          </span>
                        </button>
                        <span class="count" aria-hidden="true">
                          ×{count}
                        </span>
                        <span class="visually-hidden">{t('timesOnPage', count)}</span>
                        <button
                          type="button"
                          class="expand"
                          aria-expanded={expanded}
                          aria-label={t('explain', entry.simplified)}
                          onClick={() => setOpen(expanded ? undefined : id)}
                        >
                          <span aria-hidden="true">{expanded ? '▴' : '▾'}</span>
                        </button>
                      </div>
                      {expanded && <PhraseDetails entry={entry} maxOccurrences={2} essayLink={essayLink} entryLink={entryLink} />}
                    </li>
                  );
                })}
              </ul>
            </section>
          );
        })}
      </div>
    </section>
  );
}
