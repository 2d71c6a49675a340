import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { HighlightSettings } from '@/utils/core/settings-schema';
import type { PageSummary } from '@/utils/extension/protocol';
import { highlightSettings, scopeSettings } from '@/utils/extension/settings';
import { pageAnswers, summaryOf } from './popup-test-support';
import type { TargetTab } from './target-tab';
import { MAX_ASKS, pageHostname, summaryReaching, usePageSummary } from './use-page-summary';

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
});

function ShowSummary({ tab }: { tab: TargetTab }) {
  const state = usePageSummary(tab);
  return (
    <p data-testid="state">
      {state.kind === 'ready' ? `enabled=${state.summary.enabled} generation=${state.summary.generation}` : state.kind}
    </p>
  );
}
const shown = () => screen.getByTestId('state').textContent;
const TAB: TargetTab = { status: 'found', id: 7 };

/**
 * A page that hears of a settings change only after it has been asked `late` more times (storage
 * tells each context on its own), then counts it in its generation, as the content script does.
 */
function pageHearingLate(late: number) {
  let generation = 0;
  let enabled = true;
  const unheard: HighlightSettings[] = [];
  let asksBeforeHearing = 0;
  highlightSettings.watch((settings) => {
    unheard.push(settings);
    asksBeforeHearing = late;
  });
  return pageAnswers((message) => {
    if (message.type !== 'page-summary') return undefined;
    if (unheard.length > 0 && asksBeforeHearing-- <= 0) {
      enabled = unheard.at(-1)!.enabled;
      generation += unheard.length;
      unheard.length = 0;
    }
    return summaryOf({ enabled, generation });
  });
}
const summaryAsks = (sent: ReturnType<typeof pageAnswers>) => sent.mock.calls.filter(([, m]) => m.type === 'page-summary').length;

describe('summaryReaching', () => {
  it('asks until the page reports the wanted generation', async () => {
    const replies = [0, 0, 1, 2].map((generation) => summaryOf({ generation }));
    const ask = vi.fn(async () => replies.shift()!);
    expect((await summaryReaching(ask, 1)).generation).toBe(1);
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('gives up after a bounded number of asks, on the latest reply', async () => {
    let n = 0;
    const ask = vi.fn(async (): Promise<PageSummary> => summaryOf({ total: n++, generation: 0 }));
    const summary = await summaryReaching(ask, 1);
    expect(ask).toHaveBeenCalledTimes(MAX_ASKS);
    expect(summary.total).toBe(MAX_ASKS - 1);
  });
});

describe('usePageSummary', () => {
  it('waits for the tab, then shows what the page reports', async () => {
    const sent = pageHearingLate(0);
    const { rerender } = render(<ShowSummary tab={{ status: 'looking' }} />);
    expect(shown()).toBe('loading');
    expect(sent).not.toHaveBeenCalled();
    rerender(<ShowSummary tab={TAB} />);
    await waitFor(() => expect(shown()).toBe('enabled=true generation=0'));
    expect(sent).toHaveBeenCalledWith(7, { type: 'page-summary' }, { frameId: 0 });
  });

  it('after a settings change, shows the summary the page made after taking it in, however late it hears of it', async () => {
    const sent = pageHearingLate(3);
    render(<ShowSummary tab={TAB} />);
    await waitFor(() => expect(shown()).toBe('enabled=true generation=0'));
    await highlightSettings.update((s) => ({ ...s, enabled: false }));
    await waitFor(() => expect(shown()).toBe('enabled=false generation=1'));
    // One ask at opening; after the change, three answered before the page heard, one after.
    expect(summaryAsks(sent)).toBe(1 + 4);
  });

  it('follows every change, not only the first', async () => {
    pageHearingLate(1);
    render(<ShowSummary tab={TAB} />);
    await waitFor(() => expect(shown()).toBe('enabled=true generation=0'));
    await highlightSettings.update((s) => ({ ...s, enabled: false }));
    await highlightSettings.update((s) => ({ ...s, enabled: true }));
    await waitFor(() => expect(shown()).toBe('enabled=true generation=2'));
  });

  it('asks again when the scope changes too', async () => {
    const sent = pageAnswers(() => summaryOf());
    render(<ShowSummary tab={TAB} />);
    await waitFor(() => expect(shown()).toBe('enabled=true generation=0'));
    const before = summaryAsks(sent);
    await scopeSettings.update((s) => ({ ...s, sites: { 'news.example.cn': 'article' } }));
    await waitFor(() => expect(summaryAsks(sent)).toBeGreaterThan(before));
  });

  it('asks again, counting from nothing, when its tab has loaded again (the PDF viewer reloads for a new level)', async () => {
    let answering = true;
    let enabled = true;
    pageAnswers(() => {
      if (!answering) throw new Error('Could not establish connection. Receiving end does not exist.');
      return summaryOf({ enabled, generation: 0 });
    });
    render(<ShowSummary tab={TAB} />);
    await waitFor(() => expect(shown()).toBe('enabled=true generation=0'));
    // The setting changes; the tab is reloading and answers nothing.
    answering = false;
    await highlightSettings.update((s) => ({ ...s, enabled: false }));
    await waitFor(() => expect(shown()).toBe('unreadable'));
    // Loaded again: its summary is asked for and shown.
    answering = true;
    enabled = false;
    await fakeBrowser.tabs.onUpdated.trigger(7, { status: 'complete' }, { id: 7 } as Parameters<
      typeof fakeBrowser.tabs.onUpdated.trigger
    >[2]);
    await waitFor(() => expect(shown()).toBe('enabled=false generation=0'));
    // Another tab's loading is none of its business.
    enabled = true;
    await fakeBrowser.tabs.onUpdated.trigger(8, { status: 'complete' }, { id: 8 } as Parameters<
      typeof fakeBrowser.tabs.onUpdated.trigger
    >[2]);
    expect(shown()).toBe('enabled=false generation=0');
  });

  it('says the page cannot be read when nothing answers, or there is no tab', async () => {
    pageAnswers(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(<ShowSummary tab={TAB} />);
    await waitFor(() => expect(shown()).toBe('unreadable'));
    cleanup();
    render(<ShowSummary tab={{ status: 'found', id: undefined }} />);
    await waitFor(() => expect(shown()).toBe('unreadable'));
  });
});

describe('pageHostname', () => {
  it('is the page’s host, or none for a page without one', () => {
    expect(pageHostname({ kind: 'ready', summary: summaryOf({ url: 'https://www.news.cn/x' }) })).toBe('www.news.cn');
    expect(pageHostname({ kind: 'ready', summary: summaryOf({ url: 'about:blank' }) })).toBeUndefined();
    expect(pageHostname({ kind: 'loading' })).toBeUndefined();
  });
});
