/** The popup's title and its links to the extension's other pages. */
import { browser } from 'wxt/browser';
import { useT } from '@/components/Language';
import { essayReaderPath, glossaryPath, optionsPath } from '@/utils/core/links';

export function PopupHeader() {
  const t = useT();
  return (
    <header class="bar">
      <h1>
        <img src="/icon/32.png" alt="" width="20" height="20" /> {t('popupTitle')}
      </h1>
      <nav aria-label={t('extensionPages')}>
        <a href={browser.runtime.getURL(glossaryPath())} target="_blank" rel="noopener">
          {t('glossaryLink')}
        </a>
        <a href={browser.runtime.getURL(essayReaderPath())} target="_blank" rel="noopener">
          {t('essaysLink')}
        </a>
        <a href={browser.runtime.getURL(optionsPath())} target="_blank" rel="noopener">
          {t('optionsLink')}
        </a>
      </nav>
    </header>
  );
}
