/**
 * The tab the popup acts on, looked up once and shared by every view: the active tab, or tab N for
 * `popup.html?tabId=N` (the tests' hook, which opens the popup as a page beside the tab).
 */
import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/** 'looking' until the answer is in; then the tab's id, or undefined when there is none. */
export type TargetTab = { status: 'looking' } | { status: 'found'; id: number | undefined };

export async function findTargetTab(search: string): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

const TargetTabContext = createContext<TargetTab>({ status: 'looking' });

export function TargetTabProvider({ search, children }: { search: string; children: ComponentChildren }) {
  const [tab, setTab] = useState<TargetTab>({ status: 'looking' });
  useEffect(() => {
    let live = true;
    void findTargetTab(search).then(
      (id) => live && setTab({ status: 'found', id }),
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
