/** An entry in full: meanings, origin, related entries and its occurrences in the source essays. */
import { useT } from './Language';
import { CATEGORY_LABELS, type GlossaryEntry } from '@/utils/core/glossary-schema';
import type { Occurrence } from '@/utils/core/corpus-index';

export interface PhraseDetailsProps {
  entry: GlossaryEntry & { occurrences: Occurrence[] };
  /** How many occurrences to list (all when undefined). */
  maxOccurrences?: number;
  essayLink: (o: Occurrence) => string;
  related?: { id: string; simplified: string; href: string }[];
}

export function PhraseHeading({ entry }: { entry: GlossaryEntry }) {
  return (
    <>
      <span class="simplified" lang="zh-Hans">
        {entry.simplified}
      </span>
      {entry.traditional !== entry.simplified && (
        <span class="traditional" lang="zh-Hant">
          {entry.traditional}
        </span>
      )}
    </>
  );
}

export function PhraseDetails({ entry, maxOccurrences, essayLink, related }: PhraseDetailsProps) {
  const t = useT();
  const occurrences = maxOccurrences === undefined ? entry.occurrences : entry.occurrences.slice(0, maxOccurrences);
  const knownOrigin = entry.origin.en.trim().toLowerCase() !== 'unknown';
  return (
    <div class="phrase-details">
      <p class="meta">
        <span class="pinyin">{entry.pinyin}</span> · {CATEGORY_LABELS[entry.category].en} {CATEGORY_LABELS[entry.category].zh} ·{' '}
        <span class="gloss">“{entry.gloss}”</span>
      </p>
      <p lang="zh-Hans">{entry.meaningZh}</p>
      <p lang="en">{entry.meaningEn}</p>
      <p class="origin">
        <strong>{t('origin')}:</strong> {knownOrigin ? entry.origin.en : t('unknownOrigin')}
        {entry.origin.zh && (
          <>
            {' '}
            <span lang="zh-Hans">{entry.origin.zh}</span>
          </>
        )}
      </p>
      {related && related.length > 0 && (
        <p class="related">
          <strong>{t('related')}:</strong>{' '}
          {related.map((r, i) => (
            <>
              {i > 0 && '、'}
              <a href={r.href} lang="zh-Hans">
                {r.simplified}
              </a>
            </>
          ))}
        </p>
      )}
      {entry.occurrences.length === 0 ? (
        <p class="outside">{t('notInEssays')}</p>
      ) : (
        <>
          <p class="occurrences-title">{t('inEssays', entry.occurrences.length)}</p>
          <ul class="occurrences">
            {occurrences.map((o) => (
              <li key={`${o.essay}-${o.paragraph}-${o.start}`}>
                <a href={essayLink(o)} target="_blank" rel="noopener">
                  {t('essayParagraph', o.essay, o.paragraph)}
                </a>{' '}
                <span lang="zh-Hant" class="kwic">
                  …{o.before}
                  <mark>{o.text}</mark>
                  {o.after}…
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
