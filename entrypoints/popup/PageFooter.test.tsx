import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { scopeSettings } from '@/utils/extension/settings';
import { PageFooter } from './PageFooter';
import { renderInPopup, TAB_ID } from './popup-test-support';

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('PageFooter', () => {
  it('links to the reader view of the tab the popup acts on', async () => {
    renderInPopup(<PageFooter hostname="news.example.cn" report={false} onReport={() => {}} />);
    const link = await screen.findByRole('link', { name: 'Reader view' });
    expect(link.getAttribute('href')).toBe(fakeBrowser.runtime.getURL(`/reader.html?tabId=${TAB_ID}`));
  });

  it('keeps the scope for this site', async () => {
    renderInPopup(<PageFooter hostname="news.example.cn" report={false} onReport={() => {}} />);
    fireEvent.click(await screen.findByLabelText('The article only'));
    await waitFor(async () => expect((await scopeSettings.read()).sites).toEqual({ 'news.example.cn': 'article' }));
  });

  it('opens the report, and offers flashcards only when there are phrases', async () => {
    const onReport = vi.fn();
    const onFlashcards = vi.fn();
    renderInPopup(<PageFooter hostname="news.example.cn" report={false} onReport={onReport} />);
    const report = await screen.findByRole('button', { name: 'Page report' });
    expect(report.getAttribute('aria-pressed')).toBe('false');
    expect(screen.queryByRole('button', { name: 'Anki cards' })).toBeNull();
    fireEvent.click(report);
    expect(onReport).toHaveBeenCalledOnce();
    cleanup();
    renderInPopup(<PageFooter hostname="news.example.cn" report onReport={onReport} onFlashcards={onFlashcards} />);
    expect((await screen.findByRole('button', { name: 'Page report' })).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Anki cards' }));
    expect(onFlashcards).toHaveBeenCalledOnce();
  });
});
