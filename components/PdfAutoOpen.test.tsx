/**
 * The options' list of sites whose PDFs open in the viewer: a site is listed only once the browser
 * allows it, the request is made in the click itself, removing gives the permission back, and a
 * browser that cannot redirect by content type says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ALL_MESSAGES } from '@/utils/core/messages';
import { LanguageProvider } from './Language';
import { pdfAutoOpenSites } from '@/utils/extension/pdf-auto-open';
import { PdfAutoOpen } from './PdfAutoOpen';

/** Chrome 128+ refuses an empty response-header condition (it checks them); an older one accepts it. */
function headerConditionChecked(checked: boolean) {
  vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules').mockImplementation(async (options) => {
    if (checked && (options.addRules?.[0]?.condition as { responseHeaders?: unknown[] } | undefined)?.responseHeaders?.length === 0)
      throw new Error('responseHeaders must not be empty');
  });
}

const show = () =>
  render(
    <LanguageProvider language="en" messages={ALL_MESSAGES}>
      <PdfAutoOpen />
    </LanguageProvider>,
  );

const typeSite = (text: string) => fireEvent.input(screen.getByLabelText('Site (for example www.gov.cn)'), { target: { value: text } });

beforeEach(() => {
  fakeBrowser.reset();
  cleanup();
});
afterEach(() => vi.restoreAllMocks());

describe('PdfAutoOpen', () => {
  it('asks the browser for the site in the click itself, and lists it once allowed', async () => {
    headerConditionChecked(true);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    show();
    expect(await screen.findByText('No sites yet.')).toBeTruthy();
    typeSite('https://www.gov.cn/zhengce/content/a.pdf');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    // Called before anything was awaited: the browser shows its prompt only during the gesture.
    expect(request).toHaveBeenCalledWith({ origins: ['http://www.gov.cn/*', 'https://www.gov.cn/*'] });
    expect(await screen.findByText('www.gov.cn')).toBeTruthy();
    await vi.waitFor(async () => expect(await pdfAutoOpenSites.read()).toEqual(['www.gov.cn']));
    expect(screen.queryByText(/did not allow/)).toBeNull();
  });

  it('lists nothing the browser refused, and says so', async () => {
    headerConditionChecked(true);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    show();
    typeSite('www.gov.cn');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The browser did not allow reading www.gov.cn.');
    expect(await pdfAutoOpenSites.read()).toEqual([]);
  });

  it('asks for nothing when what was typed is not a site', async () => {
    headerConditionChecked(true);
    const request = vi.spyOn(fakeBrowser.permissions, 'request');
    show();
    typeSite('not a site');
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect((await screen.findByRole('alert')).textContent).toContain('“not a site” is not a site’s address');
    expect(request).not.toHaveBeenCalled();
  });

  it('removes a site and gives its permission back', async () => {
    headerConditionChecked(true);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true);
    await pdfAutoOpenSites.update(() => ['www.gov.cn', 'www.news.cn']);
    show();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove www.gov.cn' }));
    await vi.waitFor(async () => expect(await pdfAutoOpenSites.read()).toEqual(['www.news.cn']));
    expect(remove).toHaveBeenCalledWith({ origins: ['http://www.gov.cn/*', 'https://www.gov.cn/*'] });
    expect(screen.queryByText('www.gov.cn')).toBeNull();
  });

  it('says where the browser cannot redirect by content type, and offers nothing to add', async () => {
    headerConditionChecked(false);
    show();
    expect(await screen.findByText(/cannot redirect by content type/)).toBeTruthy();
    expect(screen.getByLabelText('Site (for example www.gov.cn)')).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Add' })).toHaveProperty('disabled', true);
  });
});
