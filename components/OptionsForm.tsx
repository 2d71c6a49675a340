/**
 * Options, in sections a reader can scan: what is highlighted, where, script conversion, the sites
 * whose PDFs open in the viewer, phrases of one's own, and the interface language. Each section
 * says in one line what it changes. Every change is saved at once; the header says when it is
 * stored, and one button restores the defaults (a reader's own phrases are data, not options: a
 * reset keeps them; the PDF sites' list empties, though the browser keeps their permissions).
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Segmented, Switch } from './Controls';
import { useT } from './Language';
import { LevelChoice } from './LevelChoice';
import { PdfAutoOpen } from './PdfAutoOpen';
import { CATEGORIES } from '@/utils/core/glossary-schema';
import { categoryLabel, type LanguageSetting } from '@/utils/core/i18n';
import { SCRIPT_CHOICES, TARGET_LABELS, type ScriptChoice } from '@/utils/core/convert';
import type { HighlightSettings, Scope } from '@/utils/core/settings-schema';
import type { SaveState } from '@/utils/extension/use-setting';

export interface OptionsFormProps {
  highlights: HighlightSettings;
  onHighlights: (change: (current: HighlightSettings) => HighlightSettings) => void;
  /** A tap on a phrase opens its card (touch screens). */
  tapLookup: boolean;
  onTapLookup: (on: boolean) => void;
  defaultChoice: ScriptChoice;
  onDefaultChoice: (choice: ScriptChoice) => void;
  language: LanguageSetting;
  onLanguage: (language: LanguageSetting) => void;
  scope: Scope;
  onScope: (scope: Scope) => void;
  /** Where the last change stands: shown in the header. */
  saveState: SaveState;
  onReset: () => Promise<void>;
  /** The "your own phrases" section's body. */
  ownPhrases?: ComponentChildren;
}

/** Host names from what a reader types or pastes (URLs, commas, one per line). */
const hostList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/^[a-z]+:\/\//, '')
        .replace(/[/?#].*$/, ''),
    )
    .filter(Boolean);

function Section(props: { id: string; title: string; hint: string; children: ComponentChildren }) {
  return (
    <section class="opt-section" aria-labelledby={`${props.id}-title`}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <p class="opt-hint">{props.hint}</p>
      <div class="opt-body">{props.children}</div>
    </section>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const t = useT();
  const text =
    state === 'saving' ? t('saving') : state === 'saved' ? t('saved') : state === 'failed' ? t('saveFailed') : t('savedAutomatically');
  return (
    <p class={`save-state ${state}`} role="status">
      {text}
    </p>
  );
}

export function OptionsForm(props: OptionsFormProps) {
  const t = useT();
  const h = props.highlights;
  const [confirmReset, setConfirmReset] = useState(false);
  const [justReset, setJustReset] = useState(false);
  const setCategory = (category: (typeof CATEGORIES)[number], change: Partial<HighlightSettings['categories'][typeof category]>) =>
    props.onHighlights((current) => ({
      ...current,
      categories: { ...current.categories, [category]: { ...current.categories[category], ...change } },
    }));
  return (
    <main class="options">
      <header class="opt-header">
        <h1>
          <img src="/icon/32.png" width="24" height="24" alt="" />
          {t('optionsTitle')}
        </h1>
        <SaveStatus state={props.saveState} />
      </header>

      <Section id="highlights" title={t('sectionHighlights')} hint={t('sectionHighlightsHint')}>
        <Switch label={t('highlightsEnabled')} checked={h.enabled} onChange={(enabled) => props.onHighlights((c) => ({ ...c, enabled }))} />
        <Switch label={t('tapLookup')} hint={t('tapLookupHint')} checked={props.tapLookup} onChange={props.onTapLookup} />
        <LevelChoice value={h.level} onChange={(level) => props.onHighlights((c) => ({ ...c, level }))} />
        <div class="opt-field">
          <span class="opt-label" id="style-label">
            {t('highlightStyle')}
          </span>
          <Segmented
            legend={t('highlightStyle')}
            name="style"
            value={h.style}
            onChange={(style) => props.onHighlights((c) => ({ ...c, style }))}
            options={[
              { value: 'background', label: t('styleBackground') },
              { value: 'underline', label: t('styleUnderline') },
            ]}
          />
        </div>
        <h3 class="opt-subhead">{t('categoriesShown')}</h3>
        <ul class="categories">
          {CATEGORIES.map((c) => (
            <li key={c}>
              <Switch
                label={<span class={`tl-cat tl-cat-${c}`}>{categoryLabel(t, c)}</span>}
                checked={h.categories[c].visible}
                onChange={(visible) => setCategory(c, { visible })}
              />
              <input
                type="color"
                class="colour"
                aria-label={t('colourOf', categoryLabel(t, c))}
                value={h.categories[c].colour}
                onChange={(e) => setCategory(c, { colour: (e.currentTarget as HTMLInputElement).value })}
              />
            </li>
          ))}
        </ul>
      </Section>

      <Section id="sites" title={t('sectionSites')} hint={t('sectionSitesHint')}>
        <div class="opt-field">
          <span class="opt-label">{t('defaultScope')}</span>
          <Segmented
            legend={t('defaultScope')}
            name="scope"
            value={props.scope}
            onChange={props.onScope}
            options={[
              { value: 'page', label: t('scopePage') },
              { value: 'article', label: t('scopeArticle') },
            ]}
          />
        </div>
        <label class="opt-block">
          <span class="opt-label">{t('denyList')}</span>
          <textarea
            class="tl-input"
            rows={3}
            placeholder="example.com"
            value={h.disabledSites.join('\n')}
            onChange={(e) => {
              const disabledSites = hostList((e.currentTarget as HTMLTextAreaElement).value);
              props.onHighlights((c) => ({ ...c, disabledSites }));
            }}
          />
        </label>
        <label class="opt-block">
          <span class="opt-label">{t('allowList')}</span>
          <textarea
            class="tl-input"
            rows={3}
            value={h.allowSites.join('\n')}
            onChange={(e) => {
              const allowSites = hostList((e.currentTarget as HTMLTextAreaElement).value);
              props.onHighlights((c) => ({ ...c, allowSites }));
            }}
          />
        </label>
      </Section>

      <Section id="conversion" title={t('sectionConversion')} hint={t('sectionConversionHint')}>
        <label class="opt-field">
          <span class="opt-label">{t('defaultScript')}</span>
          <select
            class="tl-input"
            value={props.defaultChoice}
            onChange={(e) => props.onDefaultChoice((e.currentTarget as HTMLSelectElement).value as ScriptChoice)}
          >
            {SCRIPT_CHOICES.map((choice) => (
              <option key={choice} value={choice}>
                {TARGET_LABELS[choice].zh} · {TARGET_LABELS[choice].en}
              </option>
            ))}
          </select>
        </label>
      </Section>

      <Section id="pdf" title={t('pdfAutoOpen')} hint={t('pdfAutoOpenHelp')}>
        <PdfAutoOpen />
      </Section>

      {props.ownPhrases && (
        <Section id="own" title={t('sectionOwn')} hint={t('sectionOwnHint')}>
          {props.ownPhrases}
        </Section>
      )}

      <Section id="language" title={t('sectionLanguage')} hint={t('sectionLanguageHint')}>
        <label class="opt-field">
          <span class="opt-label">{t('uiLanguage')}</span>
          <select
            class="tl-input"
            value={props.language}
            onChange={(e) => props.onLanguage((e.currentTarget as HTMLSelectElement).value as LanguageSetting)}
          >
            <option value="auto">{t('languageAuto')}</option>
            <option value="en">English</option>
            <option value="zh_CN">简体中文</option>
            <option value="zh_TW">繁體中文</option>
          </select>
        </label>
      </Section>

      <section class="opt-section reset" aria-labelledby="reset-title">
        <h2 id="reset-title">{t('resetTitle')}</h2>
        <p class="opt-hint">{t('resetHint')}</p>
        {confirmReset ? (
          <p class="reset-confirm">
            {t('resetConfirm')}{' '}
            <button
              type="button"
              class="tl-button primary"
              onClick={() => {
                setConfirmReset(false);
                void props.onReset().then(() => setJustReset(true));
              }}
            >
              {t('resetDo')}
            </button>{' '}
            <button type="button" class="tl-button" onClick={() => setConfirmReset(false)}>
              {t('cancel')}
            </button>
          </p>
        ) : (
          <button
            type="button"
            class="tl-button"
            onClick={() => {
              setJustReset(false);
              setConfirmReset(true);
            }}
          >
            {t('resetButton')}
          </button>
        )}
        <p class="reset-done" role="status">
          {justReset && t('resetDone')}
        </p>
      </section>
    </main>
  );
}
