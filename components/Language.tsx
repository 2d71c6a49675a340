/**
 * The interface language for a page: the user's choice, or the browser's. Views take `t` from
 * useT(); tests wrap them in <LanguageProvider language="…">.
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { LANG_TAGS, resolveLanguage, translator, type Language, type LanguageSetting, type Translate } from '@/utils/core/i18n';

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

/**
 * Follows the stored setting (and its changes) in an extension page. `read`/`watch` are passed in
 * so this component knows nothing of storage.
 */
export function StoredLanguage(props: {
  read: () => Promise<LanguageSetting>;
  watch: (cb: (v: LanguageSetting) => void) => () => void;
  browserLanguage: string;
  children: ComponentChildren;
}) {
  const [setting, setSetting] = useState<LanguageSetting | undefined>();
  useEffect(() => {
    void props.read().then(setSetting);
    return props.watch((v) => setSetting(v ?? 'auto'));
  }, []);
  if (setting === undefined) return null;
  return <LanguageProvider language={resolveLanguage(setting, props.browserLanguage)}>{props.children}</LanguageProvider>;
}
