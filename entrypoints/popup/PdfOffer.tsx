/**
 * On a tab that shows a PDF in the browser's own viewer (Firefox's runs no content script; Chrome's
 * runs it in a wrapper page without text), the offer to open it in Tifa Lens's own viewer, in the
 * same tab. The viewer asks for the
 * site's permission itself, on the reader's click, if it needs it.
 */
import { browser } from 'wxt/browser';
import { useT } from '@/components/Language';
import { looksLikePdfAddress, pdfViewerPath } from '@/utils/core/links';
import { useTargetTab } from './target-tab';

export function PdfOffer({ fallback }: { fallback: string }) {
  const t = useT();
  const tab = useTargetTab();
  const tabId = tab.status === 'found' ? tab.id : undefined;
  const address = tab.status === 'found' ? tab.url : undefined;
  if (tabId === undefined || !address || !looksLikePdfAddress(address)) return <p class="tl-note">{fallback}</p>;
  return (
    <div class="pdf-offer">
      <p class="tl-note">{t('pdfTabHint')}</p>
      <button
        type="button"
        class="tl-button primary"
        onClick={() => {
          void browser.tabs.update(tabId, { url: browser.runtime.getURL(pdfViewerPath(address)) }).then(() => window.close());
        }}
      >
        {t('pdfOpenInViewer')}
      </button>
    </div>
  );
}
