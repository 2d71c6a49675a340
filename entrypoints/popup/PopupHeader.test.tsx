import { beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupHeader } from './PopupHeader';
import { renderInPopup } from './popup-test-support';

beforeEach(() => {
  cleanup();
  fakeBrowser.reset();
});

describe('PopupHeader', () => {
  it('links to the glossary, the essays and the options, each in a new tab', () => {
    renderInPopup(<PopupHeader />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('Tifa Lens');
    const links = within(screen.getByRole('navigation', { name: 'Tifa Lens pages' })).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('target')])).toEqual([
      ['Glossary', fakeBrowser.runtime.getURL('/glossary.html'), '_blank'],
      ['The source essays', fakeBrowser.runtime.getURL('/essays.html'), '_blank'],
      ['Options', fakeBrowser.runtime.getURL('/options.html'), '_blank'],
    ]);
  });
});
