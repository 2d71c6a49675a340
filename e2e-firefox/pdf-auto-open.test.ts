/**
 * PDFs opening in the viewer on their own, in Firefox (a blocking webRequest listener): off until a
 * site is listed; then a navigation to a PDF on a listed (and allowed) site lands on pdf.html with
 * the document's address, query and all, while its HTML pages and other sites' PDFs stay as they
 * are. The test server answers as 127.0.0.1 and as localhost: one listed, one only allowed.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { phrasePage, printPdfs, SIMPLIFIED_PARAGRAPHS } from '../test-support/pdf-fixtures';
import { viewerFileAddress } from '../utils/core/links';
import { launchFirefox, type FirefoxExtension } from './browser';

const SITES_KEY = 'pdfAutoOpenSites';

let firefox: FirefoxExtension;
let otherOrigin: string;

/** A one-page PDF with Chinese text, printed by Chromium. */
async function chinesePdf(): Promise<Buffer> {
  const [pdf] = await printPdfs([phrasePage(SIMPLIFIED_PARAGRAPHS, 'zh-Hans')]);
  return pdf;
}

beforeAll(async () => {
  const pdf = await chinesePdf();
  firefox = await launchFirefox({ sites: ['http://127.0.0.1/*', 'http://localhost/*'] });
  firefox.serveFile('/docs/report.pdf', pdf, 'application/pdf');
  firefox.serveFile('/download', pdf, 'application/pdf; charset=binary');
  firefox.serve('/page.html', '<!doctype html><html lang="zh"><meta charset="utf-8"><p>八项规定</p></html>');
  otherOrigin = firefox.origin.replace('127.0.0.1', 'localhost');
});
afterEach(async () => {
  await firefox.resetStorage();
});
afterAll(async () => {
  await firefox?.close();
});

/**
 * The address a tab is at. A redirect to the extension's page moves the tab to another process, for
 * which Firefox reports no navigation event (e2e-firefox/browser.ts, goto), so Puppeteer's page
 * keeps about:blank: the tab's own URL, read through the tabs API, is what is waited on. Without
 * the "tabs" permission, the URL of a tab on a site not granted (about:blank) is hidden.
 */
async function tabUrl(page: Page): Promise<string> {
  const id = await firefox.tabIdOf(page);
  return firefox.inExtension(async (tab) => ((await (globalThis as any).browser.tabs.get(tab)) as { url?: string }).url ?? '', id);
}

/**
 * Navigates a new tab to `url` and returns it once the tab has committed to a document: the
 * response's headers have been seen by then, so the redirect has happened or will not.
 */
async function navigate(url: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  // Not awaited: a navigation redirected to the viewer never reports its end.
  void page.goto(url).catch(() => undefined);
  await expect.poll(() => tabUrl(page)).toMatch(/^(http|moz-extension):/);
  return page;
}

/**
 * Waits until the background follows the stored list: it lists its webRequest listener's state in
 * no API, so a probe navigation to a listed PDF is what tells (or, for an empty list, a document
 * that loaded where it was).
 */
async function redirecting(on: boolean): Promise<void> {
  const probe = `${firefox.origin}/docs/report.pdf?probe=${Date.now()}`;
  await expect
    .poll(async () => {
      const page = await navigate(probe);
      // Loaded where it was asked for: the response was seen and not redirected.
      if (!on) await expect.poll(() => page.evaluate(() => document.readyState).catch(() => '')).toBe('complete');
      const url = await tabUrl(page);
      await page.close();
      return url.startsWith(`${firefox.extensionOrigin}/pdf.html`);
    })
    .toBe(on);
}

describe('opening PDFs automatically (Firefox)', () => {
  it('is off by default: a PDF on an allowed site is shown by the browser', async () => {
    const page = await navigate(`${firefox.origin}/docs/report.pdf`);
    await expect.poll(() => page.evaluate(() => document.readyState).catch(() => '')).toBe('complete');
    expect(await tabUrl(page)).toBe(`${firefox.origin}/docs/report.pdf`);
    await page.close();
  });

  it('on a listed site, opens PDFs in the viewer with their address, query and all; leaves HTML and other sites alone', async () => {
    await firefox.setStorage(SITES_KEY, ['127.0.0.1']);
    await redirecting(true);
    for (const address of [
      `${firefox.origin}/docs/report.pdf`,
      `${firefox.origin}/docs/report.pdf?id=3`,
      `${firefox.origin}/download?id=7&lang=zh&q=a+b%20c`,
    ]) {
      const page = await navigate(address);
      await expect.poll(() => tabUrl(page)).toContain(`${firefox.extensionOrigin}/pdf.html`);
      const search = new URL(await tabUrl(page)).search;
      // Firefox's redirect is built with pdfViewerPath: the plain query parameter reads it back.
      expect(new URLSearchParams(search).get('file')).toBe(address);
      expect(viewerFileAddress(search)).toBe(address);
      await page.close();
    }
    const html = await navigate(`${firefox.origin}/page.html`);
    await expect.poll(() => html.evaluate(() => document.readyState).catch(() => '')).toBe('complete');
    expect(await tabUrl(html)).toBe(`${firefox.origin}/page.html`);
    await html.close();
    const elsewhere = await navigate(`${otherOrigin}/docs/report.pdf`);
    await expect.poll(() => elsewhere.evaluate(() => document.readyState).catch(() => '')).toBe('complete');
    expect(await tabUrl(elsewhere)).toBe(`${otherOrigin}/docs/report.pdf`);
    await elsewhere.close();
  });

  it('stops once the site is taken off the list', async () => {
    await firefox.setStorage(SITES_KEY, ['127.0.0.1']);
    await redirecting(true);
    await firefox.setStorage(SITES_KEY, []);
    await redirecting(false);
  });
});
