/**
 * The card that explains a phrase, what a reader needs first at the top, in about 320 px:
 * the phrase in both scripts, its pinyin and category; a one-line gloss and the meaning in the
 * interface language (the other language one click away); where it stands in the source essays, as
 * keyword-in-context lines that open the essay reader there, and "all N" for the concordance; the
 * origin on one line with "more"; how often it occurs on this page.
 *
 * Text goes in as text nodes only (Preact escapes it); no browser APIs here, the caller wires them.
 */
import { useState } from 'preact/hooks';
import type { Occurrence } from '@/utils/core/corpus-index';
import { citation, leadRendering } from '@/utils/core/glossary-schema';
import { categoryLabel, renderingKindLabel, tierLabel } from '@/utils/core/i18n';
import type { CardEntry } from '@/utils/extension/protocol';
import themeCss from './theme.css?inline';
import { useLanguage, useT } from './Language';

/**
 * Previous and next on the card, where there are no keyboard shortcuts to move through the page's
 * phrases (a phone): shown for a card opened by a tap.
 */
export interface CardNavigation {
  /** 1-based place of this occurrence among the page's phrases. */
  position: number;
  total: number;
  onPrevious: () => void;
  onNext: () => void;
}

export interface PhraseCardProps {
  entry: CardEntry;
  navigation?: CardNavigation;
  /** How often the phrase occurs on the current page (undefined where there is no page). */
  pageCount?: number;
  onOpenEssay: (occurrence: Occurrence) => void;
  onOpenGlossary: (id: string) => void;
  onClose: () => void;
}

/** Essay lines shown on the card; the rest are one click away in the glossary's concordance. */
const CARD_LINES = 2;
/** Characters of context either side of the phrase in a line. */
const CONTEXT = 9;

export function PhraseCard({ entry, navigation, pageCount, onOpenEssay, onOpenGlossary, onClose }: PhraseCardProps) {
  const t = useT();
  const language = useLanguage();
  const chineseFirst = language !== 'en';
  const [otherLanguage, setOtherLanguage] = useState(false);
  const [originOpen, setOriginOpen] = useState(false);
  const [renderingsOpen, setRenderingsOpen] = useState(false);
  const lead = leadRendering(entry);
  const otherRenderings = (entry.english?.renderings ?? []).filter((r) => r !== lead);
  const showChinese = chineseFirst !== otherLanguage;
  const origin =
    entry.origin.en.trim().toLowerCase() === 'unknown' ? undefined : showChinese && entry.origin.zh ? entry.origin.zh : entry.origin.en;
  const lines = entry.occurrences.slice(0, CARD_LINES);
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
      <header class="head">
        <div class="words">
          <span class="phrase" lang="zh-Hans">
            {entry.simplified}
          </span>
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
        {entry.pinyin && (
          <span class="pinyin" lang="zh-Latn-pinyin">
            {entry.pinyin}
          </span>
        )}
        <span class={`tl-cat tl-cat-${entry.category}`}>{categoryLabel(t, entry.category)}</span>
        {entry.own ? (
          <span class="tl-badge own">{t('ownBadge')}</span>
        ) : (
          entry.tier !== 'key' && <span class="tl-badge">{tierLabel(t, entry.tier)}</span>
        )}
      </p>
      {entry.gloss && (
        <p class="gloss" lang="en">
          “{entry.gloss}”
        </p>
      )}
      {entry.own ? (
        <p class="meaning">{entry.meaningEn || <span class="muted">{t('ownNoMeaning')}</span>}</p>
      ) : (
        <p class="meaning" lang={showChinese ? 'zh-Hans' : 'en'}>
          {showChinese ? entry.meaningZh : entry.meaningEn}{' '}
          <button type="button" class="inline-button" aria-pressed={otherLanguage} onClick={() => setOtherLanguage(!otherLanguage)}>
            {chineseFirst ? 'English' : '中文'}
          </button>
        </p>
      )}
      {lead && (
        <p class="rendering" lang="en">
          <span class="label">{renderingKindLabel(t, lead.kind)}</span> <span class="text">“{lead.text}”</span>{' '}
          <span class="source" title={citation(lead.source)}>
            {lead.source.publisher}
            {lead.source.year ? ` ${lead.source.year}` : ''}
          </span>
          {otherRenderings.length > 0 && (
            <button type="button" class="inline-button" aria-expanded={renderingsOpen} onClick={() => setRenderingsOpen(!renderingsOpen)}>
              {renderingsOpen ? t('less') : t('moreRenderings', otherRenderings.length)}
            </button>
          )}
        </p>
      )}
      {renderingsOpen && (
        <ul class="renderings" lang="en">
          {otherRenderings.map((r) => (
            <li key={r.text}>
              “{r.text}”{' '}
              <span class="source">{`${renderingKindLabel(t, r.kind)} · ${r.source.publisher}${r.source.year ? ` ${r.source.year}` : ''}`}</span>
            </li>
          ))}
        </ul>
      )}
      {entry.own ? (
        <p class="muted own-note">{t('ownNotInGlossary')}</p>
      ) : (
        <section class="essays" aria-label={t('inEssays', entry.occurrenceCount)}>
          {lines.length === 0 ? (
            <p class="muted">{t('notInEssays')}</p>
          ) : (
            <>
              <ul>
                {lines.map((o) => (
                  <li key={`${o.essay}-${o.paragraph}-${o.start}`}>
                    <button type="button" class="kwic-line" onClick={() => onOpenEssay(o)}>
                      <span class="where">{t('essayParagraph', o.essay, o.paragraph)}</span>
                      <span class="tl-kwic" lang="zh-Hant">
                        <span class="before">{o.before.slice(-CONTEXT)}</span>
                        <mark>{o.text}</mark>
                        <span class="after">{o.after.slice(0, CONTEXT)}</span>
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" class="link" onClick={() => onOpenGlossary(entry.id)}>
                {t('allInEssays', entry.occurrenceCount)}
              </button>
            </>
          )}
        </section>
      )}
      {origin && (
        <p class={originOpen ? 'origin open' : 'origin'}>
          <span class="label">{entry.own ? t('note') : t('origin')}</span> <span class="text">{origin}</span>
          <button type="button" class="inline-button" aria-expanded={originOpen} onClick={() => setOriginOpen(!originOpen)}>
            {originOpen ? t('less') : t('more')}
          </button>
        </p>
      )}
      {pageCount !== undefined && <p class="count muted">{t('onPageTimes', pageCount)}</p>}
      {navigation && (
        <nav class="steps" aria-label={t('phrasePosition', navigation.position, navigation.total)}>
          <button type="button" class="step" aria-label={t('previousPhrase')} onClick={navigation.onPrevious}>
            ‹
          </button>
          <span class="muted" aria-hidden="true">
            {t('phrasePosition', navigation.position, navigation.total)}
          </span>
          <button type="button" class="step" aria-label={t('nextPhrase')} onClick={navigation.onNext}>
            ›
          </button>
        </nav>
      )}
    </div>
  );
}

/** The card's styles: the shared theme, then the card's own (it lives in a shadow root). */
export const PHRASE_CARD_CSS = `${themeCss}
:host { all: initial; }
.card {
  position: fixed; z-index: 2147483647; left: 0; top: 0;
  box-sizing: border-box; width: min(360px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto;
  font: var(--tl-text-md) / var(--tl-line) var(--tl-font);
  background: var(--tl-surface); color: var(--tl-text);
  border: 1px solid var(--tl-border); border-radius: var(--tl-radius); box-shadow: var(--tl-shadow);
  padding: var(--tl-space-3) var(--tl-space-3) var(--tl-space-2);
}
.card p { margin: 0 0 var(--tl-space-2); }
.head { display: flex; justify-content: space-between; align-items: flex-start; gap: var(--tl-space-2); }
.words { display: flex; flex-wrap: wrap; align-items: baseline; column-gap: var(--tl-space-2); }
.phrase { font-size: var(--tl-text-lg); font-weight: 650; }
.traditional { color: var(--tl-muted); }
.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 2px 6px; border-radius: var(--tl-radius-sm); color: var(--tl-muted); }
.close:hover { background: var(--tl-surface-2); }
@media (pointer: coarse) {
  .close { min-width: 44px; min-height: 44px; display: inline-flex; align-items: center; justify-content: center; margin: -8px -8px 0 0; }
}
.meta { display: flex; flex-wrap: wrap; align-items: center; gap: var(--tl-space-1) var(--tl-space-3); font-size: var(--tl-text-sm); color: var(--tl-muted); margin-bottom: var(--tl-space-1) !important; }
.gloss { font-style: italic; color: var(--tl-muted); font-size: var(--tl-text-sm); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.meaning { line-height: 1.55; }
.inline-button { all: unset; cursor: pointer; color: var(--tl-link); font-size: var(--tl-text-xs); white-space: nowrap; margin-left: 2px; }
.inline-button:hover, .link:hover { text-decoration: underline; }
/* One line: the rendering keeps its room; the source gives way first (it is in full in the glossary). */
.rendering { display: flex; align-items: baseline; gap: var(--tl-space-1); font-size: var(--tl-text-sm); white-space: nowrap; }
.rendering .label { font-weight: 600; flex: none; }
.rendering .text { flex: 0 0 auto; max-width: 62%; overflow: hidden; text-overflow: ellipsis; }
.rendering .source { flex: 1 1 0; min-width: 0; overflow: hidden; text-overflow: ellipsis; color: var(--tl-muted); }
.rendering .inline-button { flex: none; }
.renderings .source { color: var(--tl-muted); }
.renderings { list-style: none; margin: calc(-1 * var(--tl-space-1)) 0 var(--tl-space-2); padding: 0; font-size: var(--tl-text-sm); }
.essays { border-top: 1px solid var(--tl-border); padding-top: var(--tl-space-2); margin-bottom: var(--tl-space-2); }
.essays ul { list-style: none; margin: 0; padding: 0; }
.kwic-line { all: unset; box-sizing: border-box; cursor: pointer; display: flex; gap: var(--tl-space-2); width: 100%; padding: 3px var(--tl-space-1); border-radius: var(--tl-radius-sm); font-size: var(--tl-text-sm); }
.kwic-line:hover { background: var(--tl-surface-2); }
.where { flex: none; color: var(--tl-muted); font-variant-numeric: tabular-nums; min-width: 6.2em; }
.tl-kwic { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.link { all: unset; cursor: pointer; color: var(--tl-link); font-size: var(--tl-text-sm); padding: 2px var(--tl-space-1); }
.origin { font-size: var(--tl-text-sm); color: var(--tl-muted); display: flex; gap: var(--tl-space-1); align-items: baseline; }
.origin .text { flex: 1; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.origin.open { display: block; }
.origin.open .text { white-space: normal; }
.origin .label { font-weight: 600; color: var(--tl-text); }
.muted { color: var(--tl-muted); font-size: var(--tl-text-sm); }
.own-note { border-top: 1px solid var(--tl-border); padding-top: var(--tl-space-2); }
.tl-badge.own { border-color: var(--tl-accent); color: var(--tl-accent); }
.count { margin: 0 !important; }
/* Kept in sight at the card's foot when the card is short of room and scrolls (a phone). */
.steps {
  position: sticky; bottom: calc(-1 * var(--tl-space-2)); margin: var(--tl-space-2) 0 calc(-1 * var(--tl-space-2)); padding: var(--tl-space-1) 0;
  display: flex; align-items: center; justify-content: space-between; gap: var(--tl-space-2);
  border-top: 1px solid var(--tl-border); background: var(--tl-surface);
}
/* A finger's size: 44 px, as touch guidelines ask. */
.step { all: unset; box-sizing: border-box; min-width: 44px; min-height: 44px; display: inline-flex; align-items: center; justify-content: center; font-size: 26px; line-height: 1; border-radius: var(--tl-radius-sm); color: var(--tl-link); cursor: pointer; }
.step:hover { background: var(--tl-surface-2); }
.close:focus-visible, .step:focus-visible, .kwic-line:focus-visible, .inline-button:focus-visible, .link:focus-visible { outline: 2px solid var(--tl-focus); outline-offset: 1px; }
`;
