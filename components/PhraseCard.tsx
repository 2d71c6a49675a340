/**
 * The card that explains a phrase: both scripts, pinyin, category, meaning in Chinese and English,
 * origin, the first occurrences in the source essays, and how often it occurs on this page.
 * Text only goes in as text nodes (Preact escapes it); no browser APIs here, the caller wires them.
 */
import { CATEGORY_LABELS } from '@/utils/core/glossary-schema';
import type { CardEntry } from '@/utils/extension/protocol';
import type { Occurrence } from '@/utils/core/corpus-index';
import { useT } from './Language';

export interface PhraseCardProps {
  entry: CardEntry;
  /** How often the phrase occurs on the current page. */
  pageCount: number;
  onOpenEssay: (occurrence: Occurrence) => void;
  onClose: () => void;
}

export function PhraseCard({ entry, pageCount, onOpenEssay, onClose }: PhraseCardProps) {
  const t = useT();
  const category = CATEGORY_LABELS[entry.category];
  const origin = entry.origin.en.trim().toLowerCase() === 'unknown' ? undefined : entry.origin;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`${entry.simplified} — Tifa Lens`}
      data-entry={entry.id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header>
        <div class="phrase">
          <span lang="zh-Hans">{entry.simplified}</span>
          {entry.traditional !== entry.simplified && (
            <span class="traditional" lang="zh-Hant">
              {entry.traditional}
            </span>
          )}
        </div>
        <button type="button" class="close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      <p class="meta">
        <span class="pinyin">{entry.pinyin}</span> ·{' '}
        <span class={`category category-${entry.category}`}>
          {category.en} {category.zh}
        </span>
      </p>
      <p class="gloss">“{entry.gloss}”</p>
      <p class="meaning" lang="zh-Hans">
        {entry.meaningZh}
      </p>
      <p class="meaning" lang="en">
        {entry.meaningEn}
      </p>
      {origin && (
        <p class="origin">
          <strong>{t('origin')}:</strong> {origin.en}
        </p>
      )}
      <p class="count" aria-live="polite">
        {t('onPageCount', pageCount)} · {t('inEssaysCount', entry.occurrenceCount)}
      </p>
      {entry.occurrences.length > 0 ? (
        <ul class="occurrences" aria-label={t('essaysTitle')}>
          {entry.occurrences.map((o) => (
            <li key={`${o.essay}-${o.paragraph}-${o.start}`}>
              <button type="button" class="occurrence" onClick={() => onOpenEssay(o)}>
                <span class="where">{t('essayParagraph', o.essay, o.paragraph)}</span>{' '}
                <span lang="zh-Hant">
                  …{o.before}
                  <mark>{o.text}</mark>
                  {o.after}…
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="outside">{t('notInEssays')}</p>
      )}
    </div>
  );
}

export const PHRASE_CARD_CSS = `
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; left: 0; top: 0;
  box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(440px, calc(100vh - 16px)); overflow: auto;
  font: 14px/1.5 system-ui, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;
  background: #fffdf8; color: #1d1d1f; border: 1px solid #d8d2c4; border-radius: 10px;
  box-shadow: 0 8px 28px rgba(0,0,0,.22); padding: 10px 12px;
}
@media (prefers-color-scheme: dark) {
  .card { background: #23221f; color: #ecebe7; border-color: #4a463d; }
  mark { background: #6b5a12; color: inherit; }
}
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.phrase { font-size: 18px; font-weight: 600; }
.traditional { margin-left: .5em; font-weight: 400; opacity: .8; }
.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 0 4px; border-radius: 4px; }
.close:focus-visible, .occurrence:focus-visible { outline: 2px solid #3b6fd8; }
p { margin: 6px 0; }
.meta { font-size: 12px; opacity: .85; }
.gloss { font-style: italic; opacity: .85; }
.origin { font-size: 12.5px; }
.count { font-size: 12px; opacity: .8; }
.occurrences { list-style: none; margin: 4px 0 0; padding: 0; }
.occurrence { all: unset; display: block; cursor: pointer; font-size: 12.5px; padding: 4px 6px; border-radius: 6px; }
.occurrence:hover { background: rgba(127,127,127,.15); }
.where { font-weight: 600; white-space: nowrap; }
mark { background: #ffe58a; color: inherit; }
`;
