/**
 * Interface language: English, 简体中文, 繁體中文. The strings live in locales/*.json, from which
 * WXT's i18n module also builds _locales for the manifest. browser.i18n can only follow the
 * browser's language, and users may choose another, so the pages look strings up here.
 *
 * A count-dependent string is an object of CLDR plural categories ({ "one": …, "other": … }); the
 * first argument chooses the form, by the language's own rules (Intl.PluralRules).
 *
 * This module holds no strings: the extension's pages take every table (./messages.ts), the
 * content script's card only the few it shows (./card-messages.ts), which keeps the script that
 * every web page loads small.
 */
import type en from '../../locales/en.json';
import type { Category, RenderingKind, Tier } from './glossary-schema';

export type MessageKey = keyof typeof en;
export const LANGUAGES = ['en', 'zh_CN', 'zh_TW'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'auto';

type Message = string | Partial<Record<Intl.LDMLPluralRule, string>>;
/** Strings by language; a string missing in one language falls back to English, then to its key. */
export type MessageTables = Record<Language, Partial<Record<MessageKey, Message>>>;

/** The language for a setting: the browser's own when 'auto' (zh-TW, zh-HK, zh-Hant → 繁體). */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  if (setting !== 'auto') return setting;
  const tag = browserLanguage.toLowerCase();
  if (!tag.startsWith('zh')) return 'en';
  return /hant|tw|hk|mo/.test(tag) ? 'zh_TW' : 'zh_CN';
}

export type Translate = (key: MessageKey, ...args: (string | number)[]) => string;

/** The HTML lang tag for a language. */
export const LANG_TAGS: Record<Language, string> = { en: 'en', zh_CN: 'zh-Hans', zh_TW: 'zh-Hant' };

export function makeTranslator(tables: MessageTables, language: Language): Translate {
  const messages = tables[language];
  const en = tables.en;
  const plurals = new Intl.PluralRules(LANG_TAGS[language]);
  const english = new Intl.PluralRules('en');
  return (key, ...args) => {
    const own = messages[key];
    const message = (own ?? en[key]) as Message | undefined;
    let text: string;
    if (message === undefined) text = key;
    else if (typeof message === 'string') text = message;
    else {
      const rules = own === undefined ? english : plurals;
      text = message[rules.select(Number(args[0] ?? 0))] ?? message.other ?? key;
    }
    return text.replace(/\$(\d)/g, (_, n: string) => formatArg(args[Number(n) - 1], language));
  };
}

/** Numbers are written the language's way (12,345); everything else as it is. */
function formatArg(value: string | number | undefined, language: Language): string {
  if (value === undefined) return '';
  return typeof value === 'number' ? value.toLocaleString(LANG_TAGS[language]) : value;
}

const CATEGORY_KEYS: Record<Category, MessageKey> = {
  campaign: 'categoryCampaign',
  'numbered-formula': 'categoryNumberedFormula',
  institution: 'categoryInstitution',
  ideology: 'categoryIdeology',
  'set-phrase': 'categorySetPhrase',
  saying: 'categorySaying',
  idiom: 'categoryIdiom',
};

/** A category's name in the interface language. */
export function categoryLabel(t: Translate, category: Category): string {
  return t(CATEGORY_KEYS[category]);
}

const RENDERING_KIND_KEYS: Record<RenderingKind, MessageKey> = {
  official: 'renderingOfficial',
  'state-media': 'renderingStateMedia',
  analytic: 'renderingAnalytic',
};

/** Who gives an English rendering, in the interface language ("Official English", "State media" …). */
export function renderingKindLabel(t: Translate, kind: RenderingKind): string {
  return t(RENDERING_KIND_KEYS[kind]);
}

const TIER_KEYS: Record<Tier, MessageKey> = { key: 'tierKey', formula: 'tierFormula', vocabulary: 'tierVocabulary' };

/** A tier's name in the interface language. */
export function tierLabel(t: Translate, tier: Tier): string {
  return t(TIER_KEYS[tier]);
}
