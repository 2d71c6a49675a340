/**
 * What the current page contains: phrases grouped by category, with counts, in order of first
 * appearance or by frequency. Clicking a phrase shows it on the page; expanding shows its details.
 */
import { useState } from 'preact/hooks';
import { useT } from './Language';
import { PhraseDetails, PhraseHeading } from './PhraseDetails';
import { CATEGORIES, CATEGORY_LABELS } from '@/utils/core/glossary-schema';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { PhraseCount } from '@/utils/extension/protocol';
import type { Occurrence } from '@/utils/core/corpus-index';

export interface OnThisPageProps {
  phrases: PhraseCount[];
  total: number;
  entries: ReadonlyMap<string, CompiledEntry>;
  onShow: (id: string) => void;
  essayLink: (o: Occurrence) => string;
}

export function OnThisPage({ phrases, total, entries, onShow, essayLink }: OnThisPageProps) {
  const t = useT();
  const [order, setOrder] = useState<'first' | 'frequency'>('first');
  const sorted = [...phrases].sort((a, b) => (order === 'first' ? a.first - b.first : b.count - a.count || a.first - b.first));
  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <h2 id="on-page-title" aria-live="polite">
        {t('onThisPage', phrases.length, total)}
      </h2>
      <div class="order" role="radiogroup" aria-label={t('sortBy')}>
        {(['first', 'frequency'] as const).map((o) => (
          <label key={o}>
            <input type="radio" name="order" checked={order === o} onChange={() => setOrder(o)} />{' '}
            {o === 'first' ? t('orderFirst') : t('orderFrequency')}
          </label>
        ))}
      </div>
      {CATEGORIES.map((category) => {
        const inCategory = sorted.filter((p) => entries.get(p.id)?.category === category);
        if (inCategory.length === 0) return null;
        return (
          <section key={category} class={`category category-${category}`} aria-label={CATEGORY_LABELS[category].en}>
            <h3>
              {CATEGORY_LABELS[category].en} <span lang="zh-Hans">{CATEGORY_LABELS[category].zh}</span>
            </h3>
            <ul class="phrases">
              {inCategory.map(({ id, count }) => {
                const entry = entries.get(id)!;
                return (
                  <li key={id} data-entry={id}>
                    <button type="button" class="show" onClick={() => onShow(id)} title={t('showOnPage')}>
                      <PhraseHeading entry={entry} /> <span class="count">×{count}</span>
                    </button>
                    <details>
                      <summary>{entry.gloss}</summary>
                      <PhraseDetails entry={entry} maxOccurrences={3} essayLink={essayLink} />
                    </details>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
