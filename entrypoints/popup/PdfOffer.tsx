/**
 * On a tab the extension cannot read that shows a PDF (Chrome's viewer and Firefox's run no content
 * script), the offer to open it in Tifa Lens's own viewer, in the same tab. The viewer asks for the
 * site's permission itself, on the reader's click, if it needs it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { useT } from '@/components/Language';
import { looksLikePdfAddress, pdfViewerPath } from '@/utils/core/links';

/** The tab's address: the browser tells it for the active tab when the popup opens (activeTab). */
function useTabAddress(tabId: number | undefined): string | undefined {
  const [address, setAddress] = useState<string>();
  useEffect(() => {
    if (tabId === undefined) return;
    let live = true;
    browser.tabs.get(tabId).then(
      (tab) => live && setAddress(tab.url),
      () => undefined, // a closed tab: nothing to offer
    );
    return () => {
      live = false;
    };
  }, [tabId]);
  return address;
}

export function PdfOffer({ tabId, fallback }: { tabId: number | undefined; fallback: string }) {
  const t = useT();
  const address = useTabAddress(tabId);
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
