/** Keyword in context: every occurrence of an entry in the corpus, as a table sortable three ways. */
import { useState } from 'preact/hooks';
import type { Occurrence } from '@/utils/core/corpus-index';
import { useT } from './Language';

export type ConcordanceOrder = 'essay' | 'left' | 'right';

/** Sorts occurrences: by place, or by the context read outward from the phrase (as a KWIC does). */
export function sortOccurrences(occurrences: readonly Occurrence[], order: ConcordanceOrder): Occurrence[] {
  const reversed = (s: string) => [...s].reverse().join('');
  const key = (o: Occurrence) => (order === 'left' ? reversed(o.before) : o.after);
  return [...occurrences].sort((a, b) =>
    order === 'essay' ? a.essay - b.essay || a.paragraph - b.paragraph || a.start - b.start : key(a).localeCompare(key(b), 'zh'),
  );
}

export function Concordance({ occurrences, essayLink }: { occurrences: readonly Occurrence[]; essayLink: (o: Occurrence) => string }) {
  const t = useT();
  const [order, setOrder] = useState<ConcordanceOrder>('essay');
  if (occurrences.length === 0) return <p class="tl-note">{t('notInEssays')}</p>;
  return (
    <div class="concordance">
      <label class="filter">
        <span>{t('sortBy')}</span>
        <select class="tl-input" value={order} onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as ConcordanceOrder)}>
          <option value="essay">{t('sortEssay')}</option>
          <option value="left">{t('sortLeft')}</option>
          <option value="right">{t('sortRight')}</option>
        </select>
      </label>
      <div class="table-scroll">
        <table>
          <caption class="visually-hidden">{t('concordance')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('concordanceWhere')}</th>
              <th scope="col" class="left">
                {t('concordanceBefore')}
              </th>
              <th scope="col">{t('concordancePhrase')}</th>
              <th scope="col">{t('concordanceAfter')}</th>
            </tr>
          </thead>
          <tbody>
            {sortOccurrences(occurrences, order).map((o) => (
              <tr key={`${o.essay}-${o.paragraph}-${o.start}`}>
                <td class="where">
                  <a href={essayLink(o)}>{t('essayParagraph', o.essay, o.paragraph)}</a>
                </td>
                <td class="left" lang="zh-Hant">
                  {o.before}
                </td>
                <td class="keyword tl-kwic" lang="zh-Hant">
                  <mark>{o.text}</mark>
                </td>
                <td class="right" lang="zh-Hant">
                  {o.after}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
