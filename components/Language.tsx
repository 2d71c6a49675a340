/**
 * The interface language for a page: the user's choice, or the browser's. Views take `t` from
 * useT(); tests wrap them in <LanguageProvider language="…">.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect } from 'preact/hooks';
import { LANG_TAGS, translator, type Language, type Translate } from '@/utils/core/i18n';

const LanguageContext = createContext<{ language: Language; t: Translate }>({ language: 'en', t: translator('en') });

export function LanguageProvider({
  language,
  children,
  setDocumentLang = true,
}: {
  language: Language;
  children: ComponentChildren;
  /** Extension pages take the interface language as their own; a card inside a web page does not. */
  setDocumentLang?: boolean;
}) {
  useEffect(() => {
    if (setDocumentLang) document.documentElement.lang = LANG_TAGS[language];
  }, [language, setDocumentLang]);
  return <LanguageContext.Provider value={{ language, t: translator(language) }}>{children}</LanguageContext.Provider>;
}

export function useT(): Translate {
  return useContext(LanguageContext).t;
}
