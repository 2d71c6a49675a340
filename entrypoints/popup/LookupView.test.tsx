import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pageMatcher } from '@/components/extension-page-highlights';
import { createLookupIndex, type LookupIndex } from '@/utils/core/lookup';
import { compiledGlossary, glossaryEntries } from '@/utils/extension/generated/glossary';
import { lookedUp } from '@/utils/extension/settings';
import { saveFile } from '@/utils/page/download';
import { LookupView } from './LookupView';
import { renderInPopup } from './popup-test-support';

vi.mock('@/utils/page/download', () => ({ saveFile: vi.fn() }));

let lookup: LookupIndex;
beforeAll(() => {
  lookup = createLookupIndex(compiledGlossary.entries, pageMatcher().key);
});
beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
  vi.mocked(saveFile).mockClear();
});

describe('LookupView', () => {
  it('explains what is looked up, linking to the glossary, and remembers it for flashcards', async () => {
    renderInPopup(<LookupView lookup={lookup} entries={glossaryEntries} initialQuery="" autoFocus />);
    const box = screen.getByRole('searchbox', { name: 'Look up' });
    expect(document.activeElement).toBe(box);
    fireEvent.input(box, { target: { value: '最後一公里' } });
    expect(screen.getByText('1 entry found')).toBeTruthy();
    const links = [...document.querySelectorAll<HTMLAnchorElement>('.results a[href]')].map((a) => a.href);
    expect(links).toContain(fakeBrowser.runtime.getURL('/glossary.html#zuihou-yigongli'));
    await waitFor(async () => expect(await lookedUp.read()).toEqual(['zuihou-yigongli']));
    // The looked-up list is what the flashcards below are made of.
    fireEvent.click(await screen.findByRole('button', { name: 'Anki cards of your 1 lookup' }));
    expect(saveFile).toHaveBeenCalledOnce();
    const [, name, , tsv] = vi.mocked(saveFile).mock.calls[0];
    expect(name).toMatch(/looked-up/);
    expect(tsv).toContain('最后一公里');
  });

  it('starts from the query it is opened with (popup.html?q=)', () => {
    renderInPopup(<LookupView lookup={lookup} entries={glossaryEntries} initialQuery="八项规定" autoFocus={false} />);
    expect((screen.getByRole('searchbox', { name: 'Look up' }) as HTMLInputElement).value).toBe('八项规定');
    expect(document.querySelector('.results li')?.textContent).toContain('八项规定');
    // Opened from the tabs' arrow keys, the search box leaves the focus where it is.
    expect(document.activeElement).not.toBe(screen.getByRole('searchbox'));
  });
});
