/**
 * The tab the popup acts on, looked up once and shared by every view: the active tab, or tab N for
 * `popup.html?tabId=N` (the tests' hook, which opens the popup as a page beside the tab).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * 'looking' until the answer is in; then the tab's id, or undefined when there is none, and its
 * address where the browser tells it (the active tab's, when the popup opens: activeTab).
 */
export type TargetTab = { status: 'looking' } | { status: 'found'; id: number | undefined; url?: string };

export async function findTargetTab(search: string): Promise<{ id: number | undefined; url?: string }> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    // The address only says whether the tab shows a PDF: a tab that cannot be read still has an id.
    let url: string | undefined;
    try {
      url = (await browser.tabs.get(fromQuery)).url;
    } catch {
      url = undefined; // a closed tab, or a browser (or test double) that will not say
    }
    return { id: fromQuery, url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { id: tab?.id, url: tab?.url };
}

const TargetTabContext = createContext<TargetTab>({ status: 'looking' });

export function TargetTabProvider({ search, children }: { search: string; children: ComponentChildren }) {
  const [tab, setTab] = useState<TargetTab>({ status: 'looking' });
  useEffect(() => {
    let live = true;
    void findTargetTab(search).then(
      (found) => live && setTab({ status: 'found', ...found }),
      // Without the tabs API's answer there is no tab to act on: the views say the page cannot be read.
      () => live && setTab({ status: 'found', id: undefined }),
    );
    return () => {
      live = false;
    };
  }, [search]);
  return <TargetTabContext.Provider value={tab}>{children}</TargetTabContext.Provider>;
}

export function useTargetTab(): TargetTab {
  return useContext(TargetTabContext);
}

/** The tab's id once found: what the views send their messages to. */
export function useTargetTabId(): number | undefined {
  const tab = useTargetTab();
  return tab.status === 'found' ? tab.id : undefined;
}
