/**
 * An entry's explanation, in the order a reader needs it: the meaning in the interface language
 * (the other language one click away), then where it stands in the source essays, then its origin
 * and related entries. Compact in the popup (the first essay lines), whole in the glossary.
 */
import { useState } from 'preact/hooks';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { Occurrence } from '@/utils/core/corpus-index';
import { categoryLabel, tierLabel } from '@/utils/core/i18n';
import type { GlossaryEntry } from '@/utils/core/glossary-schema';
import { useLanguage, useT } from './Language';
import { Renderings } from './Renderings';

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

/** A short gloss in the interface language: the English gloss, or the first clause of the Chinese meaning. */
function shortGloss(entry: GlossaryEntry, chinese: boolean): string {
  if (!chinese) return entry.gloss;
  const first = entry.meaningZh.split(/[。；]/)[0];
  return first.length > 28 ? `${first.slice(0, 27)}…` : first;
}

export function useShortGloss(): (entry: GlossaryEntry) => string {
  const chinese = useLanguage() !== 'en';
  return (entry) => shortGloss(entry, chinese);
}

/** A keyword-in-context line: the essay and paragraph, some characters either side, the phrase marked. */
function KwicLine({ occurrence: o, href, context = 12 }: { occurrence: Occurrence; href: string; context?: number }) {
  const t = useT();
  return (
    <a class="kwic-line" href={href} target="_blank" rel="noopener">
      <span class="where">{t('essayParagraph', o.essay, o.paragraph)}</span>
      <span class="tl-kwic" lang="zh-Hant">
        {o.before.slice(-context)}
        <mark>{o.text}</mark>
        {o.after.slice(0, context)}
      </span>
    </a>
  );
}

export interface PhraseDetailsProps {
  entry: CompiledEntry;
  /** How many essay lines to show (all when undefined). */
  maxOccurrences?: number;
  essayLink: (o: Occurrence) => string;
  /** Where "all N" and the related entries lead (the glossary). */
  entryLink?: (id: string) => string;
  related?: { id: string; simplified: string }[];
  /** The glossary shows the concordance itself, below: no essay lines here, and every rendering. */
  withoutEssays?: boolean;
}

export function PhraseDetails({ entry, maxOccurrences, essayLink, entryLink, related, withoutEssays }: PhraseDetailsProps) {
  const t = useT();
  const language = useLanguage();
  const chineseFirst = language !== 'en';
  const [other, setOther] = useState(false);
  const chinese = chineseFirst !== other;
  const lines = maxOccurrences === undefined ? entry.occurrences : entry.occurrences.slice(0, maxOccurrences);
  const knownOrigin = entry.origin.en.trim().toLowerCase() !== 'unknown';
  const origin = knownOrigin ? (chinese && entry.origin.zh ? entry.origin.zh : entry.origin.en) : t('unknownOrigin');
  return (
    <div class="phrase-details">
      <p class="meta">
        <span class="pinyin">{entry.pinyin}</span>
        <span class={`tl-cat tl-cat-${entry.category}`}>{categoryLabel(t, entry.category)}</span>
        <span class="tl-badge">{tierLabel(t, entry.tier)}</span>
      </p>
      <p class="meaning" lang={chinese ? 'zh-Hans' : 'en'}>
        {chinese ? entry.meaningZh : entry.meaningEn}{' '}
        <button type="button" class="inline-button" aria-pressed={other} onClick={() => setOther(!other)}>
          {chineseFirst ? 'English' : '中文'}
        </button>
      </p>
      <Renderings entry={entry} all={withoutEssays === true} />
      {!withoutEssays &&
        (entry.occurrences.length === 0 ? (
          <p class="tl-note">{t('notInEssays')}</p>
        ) : (
          <div class="essay-lines">
            {lines.map((o) => (
              <KwicLine key={`${o.essay}-${o.paragraph}-${o.start}`} occurrence={o} href={essayLink(o)} />
            ))}
            {entryLink && (
              <a class="all-link" href={entryLink(entry.id)} target="_blank" rel="noopener">
                {t('allInEssays', entry.occurrences.length)}
              </a>
            )}
          </div>
        ))}
      <p class="origin">
        <span class="label">{t('origin')}</span> <span lang={chinese && entry.origin.zh ? 'zh-Hans' : 'en'}>{origin}</span>
      </p>
      {related && related.length > 0 && entryLink && (
        <p class="related">
          <span class="label">{t('related')}</span>{' '}
          {related.map((r, i) => (
            <span key={r.id}>
              {i > 0 && '、'}
              <a href={entryLink(r.id)} lang="zh-Hans">
                {r.simplified}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
