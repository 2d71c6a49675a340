/**
 * What the page contains, kept current: asked when the popup opens and again after every change of
 * a setting the page follows. The page counts the changes it has heard of (PageSummary's
 * generation) and answers once its highlights have settled after them, so the popup asks until the
 * count reaches every change it has seen: the reply, not a guessed delay, says the page is ready.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToTab, type PageSummary } from '@/utils/extension/protocol';
import { highlightSettings, ownPhrases, scopeSettings } from '@/utils/extension/settings';
import type { TargetTab } from './target-tab';

export type PageState = { kind: 'loading' } | { kind: 'unreadable' } | { kind: 'ready'; summary: PageSummary };

/**
 * Asking again is for a page that had not yet heard of the change when asked (storage tells each
 * context on its own); it hears within a reply or two. The bound is for a count the popup cannot
 * know: a change made while its first question was on the way may already be in the first reply,
 * and the popup would then wait for one change too many; it shows the latest reply instead.
 */
export const MAX_ASKS = 25;

/** The first summary whose generation reaches `wanted`, or the last of `MAX_ASKS`. */
export async function summaryReaching(ask: () => Promise<PageSummary>, wanted: number): Promise<PageSummary> {
  let summary = await ask();
  for (let asked = 1; summary.generation < wanted && asked < MAX_ASKS; asked++) summary = await ask();
  return summary;
}

/** The settings the page's highlights follow: a change of any of them changes the summary. */
const FOLLOWED = [highlightSettings, scopeSettings, ownPhrases] as const;

export function usePageSummary(tab: TargetTab): PageState {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  useEffect(() => {
    if (tab.status === 'looking') return;
    const tabId = tab.id;
    if (tabId === undefined) {
      setState({ kind: 'unreadable' });
      return;
    }
    let live = true;
    // The generation the page must reach: the last it reported, plus each change seen since.
    let wanted = 0;
    // Only the latest question's answer is shown: an earlier one may predate a change.
    let latest = 0;
    const refresh = async () => {
      const question = ++latest;
      try {
        const summary = await summaryReaching(() => sendToTab(tabId, { type: 'page-summary' }, { frameId: 0 }), wanted);
        if (!live || question !== latest) return;
        wanted = Math.max(wanted, summary.generation);
        setState({ kind: 'ready', summary });
      } catch {
        // No content script answers on browser pages, the web store or PDFs: the popup says so.
        if (live && question === latest) setState({ kind: 'unreadable' });
      }
    };
    void refresh();
    const stops = FOLLOWED.map((setting) =>
      setting.watch(() => {
        wanted++;
        void refresh();
      }),
    );
    // A tab that loads again has a new summary: the PDF viewer reloads for a new level, and a page
    // that was reloaded starts over. Its count of changes starts over too.
    const loaded = (id: number, change: { status?: string }) => {
      if (id !== tabId || change.status !== 'complete') return;
      wanted = 0;
      void refresh();
    };
    browser.tabs.onUpdated.addListener(loaded);
    return () => {
      live = false;
      for (const stop of stops) stop();
      browser.tabs.onUpdated.removeListener(loaded);
    };
  }, [tab]);
  return state;
}

/** The page's host, for the per-site switches; none for a page without one (about:blank, data:). */
export function pageHostname(state: PageState): string | undefined {
  if (state.kind !== 'ready') return undefined;
  try {
    return new URL(state.summary.url).hostname || undefined;
  } catch {
    return undefined; // not a URL at all: no per-site settings
  }
}
