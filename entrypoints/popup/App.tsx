/**
 * The toolbar popup, designed for Chrome's 400×600: three views under tabs — This page (the default
 * when the page has phrases), Look up (the default otherwise, its search box focused) and Convert.
 * Each view fits the popup; long lists scroll inside their own panel. The tab it acts on is looked
 * up once (./target-tab.tsx) and the page's summary kept current (./use-page-summary.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { TabPanel, Tabs } from '@/components/Controls';
import { useT } from '@/components/Language';
import { looksLikePdfAddress } from '@/utils/core/links';
import { ConvertView } from './ConvertView';
import { LookupView } from './LookupView';
import { PageView } from './PageView';
import { PopupHeader } from './PopupHeader';
import { TargetTabProvider, useTargetTab } from './target-tab';
import { useEntries } from './use-entries';
import { pageHostname, usePageSummary } from './use-page-summary';

type View = 'page' | 'lookup' | 'convert';

/** `search` is the popup's query: `?tabId=N` acts on tab N (a testing hook), `?q=` starts a lookup. */
export function App({ search = location.search }: { search?: string }) {
  return (
    <TargetTabProvider search={search}>
      <Popup initialQuery={new URLSearchParams(search).get('q') ?? ''} />
    </TargetTabProvider>
  );
}

function Popup({ initialQuery }: { initialQuery: string }) {
  const t = useT();
  const tab = useTargetTab();
  const state = usePageSummary(tab);
  const { entries, lookup } = useEntries();
  const [view, setView] = useState<View | undefined>(initialQuery ? 'lookup' : undefined);
  // The search box takes the focus when Look up opens, except from the tabs' arrow keys, which keep it.
  const [focusSearch, setFocusSearch] = useState(true);
  // The first view: the page's phrases when it has some, the lookup otherwise.
  useEffect(() => {
    if (view !== undefined || state.kind === 'loading') return;
    // A PDF opens on the page too: the message that it has no text, or the offer of the viewer
    // for a tab showing a PDF in the browser's own viewer, must not hide behind the lookup.
    const pdfWithoutText = state.kind === 'ready' && state.summary.pdf !== undefined && state.summary.pdf.text !== 'text';
    const browserPdf =
      tab.status === 'found' &&
      tab.url !== undefined &&
      looksLikePdfAddress(tab.url) &&
      (state.kind === 'unreadable' || (state.kind === 'ready' && !state.summary.hasChinese && !state.summary.pdf));
    const phrases = state.kind === 'ready' && state.summary.phrases.length > 0;
    // An update, not a value: the reader may have clicked a tab since this effect's render (effects
    // wait for the next frame), and their choice stands.
    setView((chosen) => chosen ?? (phrases || pdfWithoutText || browserPdf ? 'page' : 'lookup'));
  }, [state, view, tab]);

  const count = state.kind === 'ready' ? state.summary.phrases.length : 0;
  const hostname = pageHostname(state);
  return (
    <div class="popup">
      <PopupHeader />
      <Tabs
        label={t('popupViews')}
        idPrefix="popup"
        selected={view ?? 'page'}
        onSelect={(next, byKeyboard) => {
          setFocusSearch(!byKeyboard);
          setView(next);
        }}
        tabs={[
          {
            id: 'page',
            label: (
              <>
                {t('tabPage')} {count > 0 && <span class="tab-count">{count}</span>}
              </>
            ),
          },
          { id: 'lookup', label: t('lookup') },
          { id: 'convert', label: t('tabConvert') },
        ]}
      />
      <TabPanel idPrefix="popup" id="page" selected={view === 'page'} class="page-view">
        <PageView state={state} hostname={hostname} entries={entries} />
      </TabPanel>
      <TabPanel idPrefix="popup" id="lookup" selected={view === 'lookup'} class="lookup-view">
        <LookupView lookup={lookup} entries={entries} initialQuery={initialQuery} autoFocus={focusSearch} />
      </TabPanel>
      <TabPanel idPrefix="popup" id="convert" selected={view === 'convert'} class="convert-view">
        <ConvertView hostname={hostname} readable={state.kind === 'ready'} />
      </TabPanel>
    </div>
  );
}
