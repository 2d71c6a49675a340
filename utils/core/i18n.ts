/**
 * Interface language: English, 简体中文, 繁體中文. The strings live in locales/*.json, from which
 * WXT's i18n module also builds _locales for the manifest. browser.i18n can only follow the
 * browser's language, and users may choose another, so the pages look strings up here.
 */
import en from '../../locales/en.json';
import zhCN from '../../locales/zh_CN.json';
import zhTW from '../../locales/zh_TW.json';

export type MessageKey = keyof typeof en;
export const LANGUAGES = ['en', 'zh_CN', 'zh_TW'] as const;
export type Language = (typeof LANGUAGES)[number];
export type LanguageSetting = Language | 'auto';

const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, zh_CN: zhCN, zh_TW: zhTW };

/** The language for a setting: the browser's own when 'auto' (zh-TW, zh-HK, zh-Hant → 繁體). */
export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Language {
  if (setting !== 'auto') return setting;
  const tag = browserLanguage.toLowerCase();
  if (!tag.startsWith('zh')) return 'en';
  return /hant|tw|hk|mo/.test(tag) ? 'zh_TW' : 'zh_CN';
}

export type Translate = (key: MessageKey, ...args: (string | number)[]) => string;

export function translator(language: Language): Translate {
  const messages = MESSAGES[language];
  return (key, ...args) => (messages[key] ?? en[key] ?? key).replace(/\$(\d)/g, (_, n: string) => String(args[Number(n) - 1] ?? ''));
}

/** The HTML lang tag for a language. */
export const LANG_TAGS: Record<Language, string> = { en: 'en', zh_CN: 'zh-Hans', zh_TW: 'zh-Hant' };
