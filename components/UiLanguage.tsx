/** An extension page's interface language: the stored choice, else the browser's; follows changes. */
import { browser } from 'wxt/browser';
import type { ComponentChildren } from 'preact';
import { StoredLanguage } from './Language';
import { readUiLanguage, uiLanguage } from '@/utils/extension/settings';

export function UiLanguage({ children }: { children: ComponentChildren }) {
  return (
    <StoredLanguage read={readUiLanguage} watch={(cb) => uiLanguage.watch((v) => cb(v ?? 'auto'))} browserLanguage={browser.i18n.getUILanguage()}>
      {children}
    </StoredLanguage>
  );
}
