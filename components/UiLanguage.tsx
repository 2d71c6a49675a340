/** An extension page's interface language: the stored choice, else the browser's; follows changes. */
import type { ComponentChildren } from 'preact';
import { ALL_MESSAGES } from '@/utils/core/messages';
import { interfaceLanguage, uiLanguage } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import { LanguageProvider } from './Language';

export function UiLanguage({ children }: { children: ComponentChildren }) {
  const { value } = useSetting(uiLanguage);
  if (value === undefined) return null;
  return (
    <LanguageProvider language={interfaceLanguage(value)} messages={ALL_MESSAGES}>
      {children}
    </LanguageProvider>
  );
}
