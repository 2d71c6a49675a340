/**
 * Options: category visibility and colours, highlight style, site allow- and deny-lists, the
 * default script conversion and the interface language. Every change is saved at once.
 */
import { useT } from './Language';
import { CATEGORIES, CATEGORY_LABELS } from '@/utils/core/glossary-schema';
import { TARGET_LABELS, type ScriptChoice } from '@/utils/core/convert';
import type { HighlightSettings, Scope } from '@/utils/core/settings-schema';
import type { LanguageSetting } from '@/utils/core/i18n';
import { SCRIPT_CHOICES } from '@/utils/core/convert';

export interface OptionsFormProps {
  highlights: HighlightSettings;
  onHighlights: (next: HighlightSettings) => void;
  defaultChoice: ScriptChoice;
  onDefaultChoice: (choice: ScriptChoice) => void;
  language: LanguageSetting;
  onLanguage: (language: LanguageSetting) => void;
  scope: Scope;
  onScope: (scope: Scope) => void;
}

const hostList = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) =>
      s
        .trim()
        .toLowerCase()
        .replace(/^https?:\/\//, '')
        .replace(/\/.*$/, ''),
    )
    .filter(Boolean);

export function OptionsForm(props: OptionsFormProps) {
  const t = useT();
  const h = props.highlights;
  return (
    <main>
      <h1>{t('optionsTitle')}</h1>
      <fieldset>
        <legend>{t('categoriesShown')}</legend>
        {CATEGORIES.map((c) => (
          <div class="category-row" key={c}>
            <label>
              <input
                type="checkbox"
                checked={h.categories[c].visible}
                onChange={(e) =>
                  props.onHighlights({
                    ...h,
                    categories: { ...h.categories, [c]: { ...h.categories[c], visible: (e.target as HTMLInputElement).checked } },
                  })
                }
              />{' '}
              {CATEGORY_LABELS[c].en} <span lang="zh-Hans">{CATEGORY_LABELS[c].zh}</span>
            </label>
            <input
              type="color"
              aria-label={`${CATEGORY_LABELS[c].en} colour`}
              value={h.categories[c].colour}
              onChange={(e) =>
                props.onHighlights({
                  ...h,
                  categories: { ...h.categories, [c]: { ...h.categories[c], colour: (e.target as HTMLInputElement).value } },
                })
              }
            />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('highlightStyle')}</legend>
        {(['background', 'underline'] as const).map((style) => (
          <label key={style}>
            <input type="radio" name="style" checked={h.style === style} onChange={() => props.onHighlights({ ...h, style })} />{' '}
            {style === 'background' ? t('styleBackground') : t('styleUnderline')}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('highlights')}</legend>
        <label class="block">
          {t('denyList')}
          <textarea
            value={h.disabledSites.join('\n')}
            onChange={(e) => props.onHighlights({ ...h, disabledSites: hostList((e.target as HTMLTextAreaElement).value) })}
          />
        </label>
        <label class="block">
          {t('allowList')}
          <textarea
            value={h.allowSites.join('\n')}
            onChange={(e) => props.onHighlights({ ...h, allowSites: hostList((e.target as HTMLTextAreaElement).value) })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('defaultScope')}</legend>
        {(['page', 'article'] as const).map((scope) => (
          <label key={scope}>
            <input type="radio" name="scope" checked={props.scope === scope} onChange={() => props.onScope(scope)} />{' '}
            {scope === 'page' ? t('scopePage') : t('scopeArticle')}
          </label>
        ))}
      </fieldset>
      <label class="block">
        {t('defaultScript')}{' '}
        <select value={props.defaultChoice} onChange={(e) => props.onDefaultChoice((e.target as HTMLSelectElement).value as ScriptChoice)}>
          {SCRIPT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {TARGET_LABELS[choice].zh} {TARGET_LABELS[choice].en}
            </option>
          ))}
        </select>
      </label>
      <label class="block">
        {t('uiLanguage')}{' '}
        <select value={props.language} onChange={(e) => props.onLanguage((e.target as HTMLSelectElement).value as LanguageSetting)}>
          <option value="auto">{t('languageAuto')}</option>
          <option value="en">English</option>
          <option value="zh_CN">简体中文</option>
          <option value="zh_TW">繁體中文</option>
        </select>
      </label>
    </main>
  );
}
