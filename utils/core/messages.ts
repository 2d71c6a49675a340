/** Every interface string, for the extension's pages and the background (see ./i18n.ts). */
import en from '../../locales/en.json';
import zhCN from '../../locales/zh_CN.json';
import zhTW from '../../locales/zh_TW.json';
import { makeTranslator, type Language, type MessageTables, type Translate } from './i18n';

export const ALL_MESSAGES: MessageTables = { en, zh_CN: zhCN, zh_TW: zhTW };

export function translator(language: Language): Translate {
  return makeTranslator(ALL_MESSAGES, language);
}
