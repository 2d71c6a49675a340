/**
 * PDFs opening in the viewer on their own, in Chromium: off until a site is listed; then a
 * navigation to a PDF on a listed (and allowed) site lands on pdf.html with the document's address,
 * query and all, while its HTML pages and other sites' PDFs stay as they are.
 *
 * The documents come from a local HTTP server, not from e2e/browser.ts's context.route: a response
 * Playwright fulfils never reaches declarativeNetRequest's response stage, so no rule would see it.
 * 127.0.0.1 and localhost are the same server under two site names: one listed, one only allowed.
 */
import { chromium, type Page } from 'playwright-core';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { viewerFileAddress } from '../utils/core/pdf-sites';
import { launchWithExtension, type ExtensionBrowser } from './browser';

const SITES_KEY = 'pdfAutoOpenSites';

let chrome: ExtensionBrowser;
let server: Server;
let pdf: Buffer;
/** The listed site, and one granted as well but never listed: what decides is the list. */
let listedOrigin: string;
let otherOrigin: string;

/** A one-page PDF with Chinese text, printed by Chromium itself. */
async function chinesePdf(): Promise<Buffer> {
  const printer = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await printer.newPage();
    await page.setContent('<!doctype html><html lang="zh"><meta charset="utf-8"><body><p>严格落实八项规定。</p></body></html>');
    return await page.pdf();
  } finally {
    await printer.close();
  }
}

beforeAll(async () => {
  pdf = await chinesePdf();
  server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><html lang="zh"><meta charset="utf-8"><p>八项规定</p></html>');
    } else {
      response.writeHead(200, { 'content-type': path === '/download' ? 'application/pdf; charset=binary' : 'application/pdf' });
      response.end(pdf);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
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
  server?.close();
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
