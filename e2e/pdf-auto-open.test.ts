/**
 * PDFs opening in the viewer on their own, in Chromium: off until a site is listed; then a
 * navigation to a PDF on a listed (and allowed) site lands on pdf.html with the document's address,
 * query and all, while its HTML pages and other sites' PDFs stay as they are.
 *
 * The documents come from a local HTTP server, not from e2e/browser.ts's context.route: a response
 * Playwright fulfils never reaches declarativeNetRequest's response stage, so no rule would see it.
 * 127.0.0.1 and localhost are the same server under two site names: one listed, one only allowed.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFileServer, type FileServer } from '../test-support/file-server';
import { phrasePage, printPdfs, SIMPLIFIED_PARAGRAPHS } from '../test-support/pdf-fixtures';
import { viewerFileAddress } from '../utils/core/links';
import { launchWithExtension, type ExtensionBrowser } from './browser';

const SITES_KEY = 'pdfAutoOpenSites';

let chrome: ExtensionBrowser;
let server: FileServer;
let pdf: Buffer;
/** The listed site, and one granted as well but never listed: what decides is the list. */
let listedOrigin: string;
let otherOrigin: string;

/** A one-page PDF with Chinese text, printed by Chromium. */
async function chinesePdf(): Promise<Buffer> {
  const [pdf] = await printPdfs([phrasePage(SIMPLIFIED_PARAGRAPHS, 'zh-Hans')]);
  return pdf;
}

beforeAll(async () => {
  pdf = await chinesePdf();
  server = await startFileServer();
  server.serve('/page.html', '<!doctype html><html lang="zh"><meta charset="utf-8"><p>八项规定</p></html>', 'text/html; charset=utf-8');
  server.serve('/docs/report.pdf', pdf, 'application/pdf');
  server.serve('/download', pdf, 'application/pdf; charset=binary');
  const port = new URL(server.origin).port;
  listedOrigin = `http://127.0.0.1:${port}`;
  otherOrigin = `http://localhost:${port}`;
  chrome = await launchWithExtension({ sites: ['http://127.0.0.1/*', 'http://localhost/*'] });
});
afterEach(async () => {
  await chrome.resetStorage();
  await rulesInstalled(0);
});
afterAll(async () => {
  await chrome?.close();
  await server?.close();
});

/** Waits until the background has installed the redirects for `count` sites (0: none). */
async function rulesInstalled(count: number): Promise<void> {
  await expect
    .poll(() =>
      chrome.inWorker(
        async () =>
          ((await (globalThis as any).chrome.declarativeNetRequest.getDynamicRules()) as { action: { type: string } }[]).filter(
            (r) => r.action.type === 'redirect',
          ).length,
        undefined,
      ),
    )
    .toBe(count);
}

/**
 * Where a navigation to `url` ends. It waits for the response to be committed: by then any redirect
 * has happened (rules act on the response's headers, before it commits). Chromium's PDF viewer may
 * not fire a load event, so the tab's address is what is read.
 */
async function landing(url: string): Promise<Page> {
  const page = await chrome.context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  return page;
}

/**
 * Closes a page without waiting: closing a tab that shows Chromium's own PDF viewer sometimes never
 * settles under Playwright (the viewer's inner frames), and the browser closes with the suite anyway.
 */
function dismiss(page: Page): void {
  void page.close().catch(() => undefined);
}

const viewerUrl = () => `chrome-extension://${chrome.extensionId}/pdf.html`;

describe('opening PDFs automatically (Chromium)', () => {
  it('is off by default: a PDF on an allowed site is shown by the browser', async () => {
    await rulesInstalled(0);
    const page = await landing(`${listedOrigin}/docs/report.pdf`);
    expect(page.url()).toBe(`${listedOrigin}/docs/report.pdf`);
    dismiss(page);
  });

  it('on a listed site, opens PDFs in the viewer with their address, query and all; leaves HTML and other sites alone', async () => {
    // Chrome pastes the address into the viewer's as it was requested (declarativeNetRequest cannot
    // encode it): its own &, + and % come along, and a fragment lands in the viewer's.
    await chrome.setStorage(SITES_KEY, ['127.0.0.1']);
    await rulesInstalled(1);
    for (const address of [
      `${listedOrigin}/docs/report.pdf`,
      `${listedOrigin}/docs/report.pdf?id=3`,
      `${listedOrigin}/download?id=7&lang=zh&q=a+b%20c`,
    ]) {
      const page = await landing(address);
      await expect.poll(() => page.url()).toContain(viewerUrl());
      const search = new URL(page.url()).search;
      expect(viewerFileAddress(search), page.url()).toBe(address);
      // Without &, + or %, the plain query parameter reads back the same.
      if (!/[&+%]/.test(address)) expect(new URLSearchParams(search).get('file')).toBe(address);
      dismiss(page);
    }
    const withFragment = await landing(`${listedOrigin}/docs/report.pdf?id=3#page=2`);
    await expect.poll(() => withFragment.url()).toContain(viewerUrl());
    expect(viewerFileAddress(new URL(withFragment.url()).search)).toBe(`${listedOrigin}/docs/report.pdf?id=3`);
    expect(new URL(withFragment.url()).hash).toBe('#page=2');
    dismiss(withFragment);
    const html = await landing(`${listedOrigin}/page.html`);
    expect(html.url()).toBe(`${listedOrigin}/page.html`);
    dismiss(html);
    const elsewhere = await landing(`${otherOrigin}/docs/report.pdf`);
    expect(elsewhere.url()).toBe(`${otherOrigin}/docs/report.pdf`);
    dismiss(elsewhere);
  });

  it('stops once the site is taken off the list', async () => {
    await chrome.setStorage(SITES_KEY, ['127.0.0.1']);
    await rulesInstalled(1);
    await chrome.setStorage(SITES_KEY, []);
    await rulesInstalled(0);
    const page = await landing(`${listedOrigin}/docs/report.pdf`);
    expect(page.url()).toBe(`${listedOrigin}/docs/report.pdf`);
    dismiss(page);
  });
});
