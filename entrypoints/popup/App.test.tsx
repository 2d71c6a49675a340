import { options } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { LanguageProvider } from '@/components/Language';
import { ALL_MESSAGES } from '@/utils/core/messages';
import { App } from './App';
import { pageAnswers, REPORT, summaryOf } from './popup-test-support';

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

const renderApp = (search: string) =>
  render(
    <LanguageProvider language="en" messages={ALL_MESSAGES}>
      <App search={search} />
    </LanguageProvider>,
  );
/** Once the microtasks queued so far (Preact's renders among them) have run. */
const afterTasks = () => new Promise((resolve) => setTimeout(resolve, 0));
const selectedTab = () => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent?.trim();

describe('the popup', () => {
  it('opens on This page when the page has phrases, their number on the tab', async () => {
    pageAnswers(() => summaryOf());
    renderApp('?tabId=7');
    await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe('popup-panel-page'));
    expect(selectedTab()).toBe('This page 2');
    expect(document.querySelectorAll('.on-page li[data-entry]')).toHaveLength(2);
  });

  it('opens on Look up when the page has no phrases, or cannot be read', async () => {
    pageAnswers(() => summaryOf({ phrases: [], total: 0 }));
    renderApp('?tabId=7');
    await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe('popup-panel-lookup'));
    expect(selectedTab()).toBe('Look up');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Look up' })));
    cleanup();
    pageAnswers(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    renderApp('?tabId=7');
    await waitFor(() => expect(selectedTab()).toBe('Look up'));
    fireEvent.click(screen.getByRole('tab', { name: 'Convert' }));
    expect(await screen.findByText(/cannot read this page/)).toBeTruthy();
  });

  it('keeps the view the reader chose before the first view was picked', async () => {
    // Preact runs effects after the next frame. Holding that frame opens the window a reader's click
    // can fall into: the page has answered, the first-view choice has not run yet.
    const frames: (() => void)[] = [];
    const before = options.requestAnimationFrame;
    options.requestAnimationFrame = (callback) => frames.push(callback);
    try {
      let answer!: (summary: ReturnType<typeof summaryOf>) => void;
      pageAnswers(() => new Promise((resolve) => (answer = resolve)));
      renderApp('?tabId=7');
      await waitFor(() => expect(answer).toBeDefined());
      answer(summaryOf({ hasChinese: false, phrases: [], total: 0 }));
      await afterTasks();
      screen.getByRole('tab', { name: 'This page' }).click();
      // Two frames: the held one runs the first-view choice, which may ask for another render.
      for (let frame = 0; frame < 2; frame++) {
        await afterTasks();
        for (const callback of frames.splice(0)) callback();
      }
    } finally {
      options.requestAnimationFrame = before;
    }
    await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe('popup-panel-page'));
    expect(selectedTab()).toBe('This page');
    expect(screen.getByText('This page has no Chinese text.')).toBeTruthy();
  });

  it('opens on This page, offering the viewer, on a tab that shows a PDF in the browser’s viewer', async () => {
    vi.spyOn(fakeBrowser.tabs, 'get').mockResolvedValue({ id: 7, url: 'https://www.gov.cn/report.pdf' } as Awaited<
      ReturnType<typeof fakeBrowser.tabs.get>
    >);
    for (const answer of [() => summaryOf({ hasChinese: false, phrases: [], total: 0 }), () => Promise.reject(new Error('no receiver'))]) {
      pageAnswers(answer);
      renderApp('?tabId=7');
      await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe('popup-panel-page'));
      expect(screen.getByRole('button', { name: 'Open in Tifa Lens' })).toBeTruthy();
      cleanup();
    }
  });

  it('opens on This page for a PDF without text, to say so', async () => {
    pageAnswers(() => summaryOf({ hasChinese: false, phrases: [], total: 0, pdf: { pages: 2, text: 'no-text' } }));
    renderApp('?tabId=7');
    await waitFor(() => expect(screen.getByRole('tabpanel').id).toBe('popup-panel-page'));
    expect(await screen.findByText(/has no text layer/)).toBeTruthy();
  });

  it('starts a lookup from ?q=', async () => {
    pageAnswers(() => summaryOf());
    renderApp('?tabId=7&q=八项规定');
    expect(selectedTab()).toBe('Look up');
    expect((screen.getByRole('searchbox', { name: 'Look up' }) as HTMLInputElement).value).toBe('八项规定');
  });

  it('looks the active tab up once, and every view talks to it', async () => {
    const query = vi
      .spyOn(fakeBrowser.tabs, 'query')
      .mockResolvedValue([{ id: 12 } as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>[number]]);
    const sent = pageAnswers((message) => {
      if (message.type === 'page-summary') return summaryOf();
      if (message.type === 'get-script') return { choice: 'original' };
      if (message.type === 'page-report') return REPORT;
      return undefined;
    });
    renderApp('');
    await waitFor(() => expect(selectedTab()).toBe('This page 2'));
    expect((await screen.findByRole('link', { name: 'Reader view' })).getAttribute('href')).toContain('reader.html?tabId=12');
    fireEvent.click(screen.getByRole('button', { name: 'Page report' }));
    fireEvent.click(screen.getByRole('tab', { name: 'Convert' }));
    await waitFor(() => expect(document.querySelector('.script-controls button[aria-pressed="true"]')).not.toBeNull());
    expect(query).toHaveBeenCalledOnce();
    const asked = sent.mock.calls.map(([tabId, message]) => [tabId, message.type]);
    expect(asked).toEqual(
      expect.arrayContaining([
        [12, 'page-summary'],
        [12, 'page-report'],
        [12, 'get-script'],
      ]),
    );
    expect(new Set(asked.map(([tabId]) => tabId))).toEqual(new Set([12]));
  });
});
