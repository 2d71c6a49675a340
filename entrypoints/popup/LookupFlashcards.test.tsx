import { beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { glossaryEntries } from '@/utils/extension/generated/glossary';
import { lookedUp } from '@/utils/extension/settings';
import { saveFile } from '@/utils/page/download';
import { LookupFlashcards } from './LookupFlashcards';
import { renderInPopup } from './popup-test-support';

vi.mock('@/utils/page/download', () => ({ saveFile: vi.fn() }));

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.mocked(saveFile).mockClear();
});

describe('LookupFlashcards', () => {
  it('shows nothing before anything was looked up', async () => {
    renderInPopup(<LookupFlashcards entries={glossaryEntries} />);
    await lookedUp.read();
    expect(document.querySelector('.lookup-footer')).toBeNull();
  });

  it('saves the looked-up entries as Anki cards, newest first, skipping ids no longer in the glossary', async () => {
    await lookedUp.update(() => ['zuihou-yigongli', 'no-such-entry', 'baxiang-guiding']);
    renderInPopup(<LookupFlashcards entries={glossaryEntries} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Anki cards of your 2 lookups' }));
    const tsv = vi.mocked(saveFile).mock.calls[0][3];
    expect(tsv.indexOf('最后一公里')).toBeGreaterThanOrEqual(0);
    expect(tsv.indexOf('最后一公里')).toBeLessThan(tsv.indexOf('八项规定'));
  });

  it('forgets the lookups when asked', async () => {
    await lookedUp.update(() => ['zuihou-yigongli']);
    renderInPopup(<LookupFlashcards entries={glossaryEntries} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Forget lookups' }));
    await waitFor(async () => expect(await lookedUp.read()).toEqual([]));
    await waitFor(() => expect(document.querySelector('.lookup-footer')).toBeNull());
  });
});
