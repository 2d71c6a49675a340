import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossaryEntries } from '@/utils/extension/generated/glossary';
import { highlightSettings } from '@/utils/extension/settings';
import { PageView } from './PageView';
import { pageAnswers, renderInPopup, summaryOf, TAB_ID } from './popup-test-support';
import type { PageState } from './use-page-summary';

const ready = (fields = {}): PageState => ({ kind: 'ready', summary: summaryOf(fields) });
const SITE = 'news.example.cn';
const view = (state: PageState, hostname: string | undefined = SITE) =>
  renderInPopup(<PageView state={state} hostname={hostname} entries={glossaryEntries} />);

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('PageView', () => {
  it('lists the page’s phrases with their counts', async () => {
    view(ready());
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('2 phrases, 3 occurrences');
    expect(document.querySelector('li[data-entry="baxiang-guiding"] .count')?.textContent).toBe('×2');
    expect(document.querySelector('li[data-entry="zuihou-yigongli"] .count')?.textContent).toBe('×1');
  });

  it('says why there is no list: still reading, unreadable, no Chinese, highlights off, no phrases', () => {
    const cases: [PageState, string][] = [
      [{ kind: 'loading' }, 'Reading this page…'],
      [{ kind: 'unreadable' }, 'Tifa Lens cannot read this page (a browser page or a store page).'],
      [ready({ hasChinese: false }), 'This page has no Chinese text.'],
      [ready({ enabled: false }), 'Highlights are off for this page.'],
      [ready({ phrases: [], total: 0 }), 'No glossary phrases on this page.'],
    ];
    for (const [state, note] of cases) {
      view(state);
      expect(document.querySelector('.tl-note')?.textContent).toBe(note);
      expect(document.querySelector('.on-page')).toBeNull();
      cleanup();
    }
  });

  it('says that a PDF without a text layer, or with unreadable fonts, has no text to read: never “no phrases”', () => {
    for (const [text, note] of [
      ['no-text', /has no text layer/],
      ['unreadable', /cannot be read: its fonts map to no real characters/],
    ] as const) {
      view(ready({ hasChinese: false, phrases: [], total: 0, pdf: { pages: 3, text } }));
      expect(document.querySelector('.tl-note')?.textContent).toMatch(note);
      expect(screen.queryByText('No glossary phrases on this page.')).toBeNull();
      expect(screen.queryByText('This page has no Chinese text.')).toBeNull();
      cleanup();
    }
  });

  it('offers to open a tab that shows a PDF in the viewer, in the same tab', async () => {
    const address = 'https://www.gov.cn/zhengce/报告.pdf';
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: TAB_ID, url: address } as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>);
    const update = vi.spyOn(fakeBrowser.tabs, 'update').mockResolvedValue({} as Awaited<ReturnType<typeof fakeBrowser.tabs.update>>);
    view({ kind: 'unreadable' });
    fireEvent.click(await screen.findByRole('button', { name: 'Open in Tifa Lens' }));
    await waitFor(() => expect(update).toHaveBeenCalledOnce());
    const [tab, { url }] = update.mock.calls[0] as unknown as [number, { url: string }];
    expect(tab).toBe(TAB_ID);
    expect(new URL(url).pathname).toBe('/pdf.html');
    expect(new URL(url).searchParams.get('file')).toBe(address);
  });

  it('offers it too where the browser’s PDF viewer answers as a page without Chinese (Chrome)', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: TAB_ID, url: 'https://example.gov.cn/a.pdf' } as Awaited<
      ReturnType<typeof fakeBrowser.tabs.get>
    >);
    view(ready({ hasChinese: false, phrases: [], total: 0 }));
    expect(await screen.findByRole('button', { name: 'Open in Tifa Lens' })).toBeTruthy();
  });

  it('offers nothing on an unreadable tab that does not show a PDF', async () => {
    const get = vi
      .spyOn(fakeBrowser.tabs, 'get')
      .mockResolvedValue({ id: TAB_ID, url: 'chrome://settings/' } as Awaited<ReturnType<typeof fakeBrowser.tabs.get>>);
    view({ kind: 'unreadable' });
    await waitFor(() => expect(get).toHaveBeenCalled());
    expect(screen.queryByRole('button', { name: 'Open in Tifa Lens' })).toBeNull();
    expect(document.querySelector('.tl-note')?.textContent).toMatch(/cannot read this page/);
  });

  it('asks the tab to show a phrase when it is clicked', async () => {
    const sent = pageAnswers(() => ({ ok: true }));
    view(ready());
    // The reader view's link appears once the tab is found: a click before that has nowhere to go.
    await screen.findByRole('link', { name: 'Reader view' });
    const item = document.querySelector('li[data-entry="zuihou-yigongli"]') as HTMLElement;
    fireEvent.click(within(item).getAllByRole('button')[0]);
    await waitFor(() => expect(sent).toHaveBeenCalledWith(TAB_ID, { type: 'scroll-to', id: 'zuihou-yigongli' }, {}));
  });

  it('switches highlights off for this site, and for every site', async () => {
    view(ready());
    fireEvent.click(await screen.findByRole('switch', { name: 'On this site (news.example.cn)' }));
    await waitFor(async () => expect((await highlightSettings.read()).disabledSites).toEqual(['news.example.cn']));
    fireEvent.click(screen.getByRole('switch', { name: 'Everywhere' }));
    await waitFor(async () => expect((await highlightSettings.read()).enabled).toBe(false));
  });

  it('has no site switch for a page without a host', async () => {
    renderInPopup(<PageView state={ready()} hostname={undefined} entries={glossaryEntries} />);
    await screen.findByRole('switch', { name: 'Everywhere' });
    expect(screen.queryByRole('switch', { name: /On this site/ })).toBeNull();
  });
});
