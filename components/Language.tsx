/**
 * The interface language for a page: the user's choice, or the browser's. Views take `t` from
 * useT(); the provider says which strings there are (every table on the extension's pages, the
 * card's few in a web page); tests wrap views in <LanguageProvider language="…" messages={…}>.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import { LANG_TAGS, makeTranslator, type Language, type MessageTables, type Translate } from '@/utils/core/i18n';

/** Outside a provider, a view shows its message keys: a mistake seen at once, not a blank. */
const NO_MESSAGES: MessageTables = { en: {}, zh_CN: {}, zh_TW: {} };
const LanguageContext = createContext<{ language: Language; t: Translate }>({ language: 'en', t: makeTranslator(NO_MESSAGES, 'en') });

export function LanguageProvider({
  language,
  messages,
  children,
  setDocumentLang = true,
}: {
  language: Language;
  messages: MessageTables;
  children: ComponentChildren;
  /** Extension pages take the interface language as their own; a card inside a web page does not. */
  setDocumentLang?: boolean;
}) {
  useEffect(() => {
    if (setDocumentLang) document.documentElement.lang = LANG_TAGS[language];
  }, [language, setDocumentLang]);
  return <LanguageContext.Provider value={{ language, t: makeTranslator(messages, language) }}>{children}</LanguageContext.Provider>;
}

export function useT(): Translate {
  return useContext(LanguageContext).t;
}

export function useLanguage(): Language {
  return useContext(LanguageContext).language;
}
