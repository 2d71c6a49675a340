/**
 * The PDF viewer in real Chromium: pdf.html?file=… shows the same phrases as the HTML page the PDF
 * was printed from, in Simplified and Traditional, phrases broken across lines included; the card,
 * the keyboard's next phrase, the popup's list and "show on the page", the exports with page
 * numbers, a scan's message, a refused document's reason, a local file, memory bounded on a long
 * document, and no request but the document's.
 *
 * Documents come from a local HTTP server (test-support/file-server.ts) whose site, 127.0.0.1, is
 * granted at install (test-support/extension-copy.ts): no test can answer the browser's permission
 * prompt.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { centreOfBox, highlightsOnceShown } from '../test-support/highlights';
import { seriousViolations } from './axe';
import {
  HONG_KONG_PARAGRAPHS,
  imageOnlyPdf,
  longDocument,
  phrasePage,
  printPdfs,
  SIMPLIFIED_PARAGRAPHS,
  TRADITIONAL_PARAGRAPHS,
} from '../test-support/pdf-fixtures';
import { startFileServer, type FileServer } from '../test-support/file-server';
import { firstPass, launchWithExtension, type ExtensionBrowser } from './browser';
import { readHighlights } from './page-side';

let browser: ExtensionBrowser;
let server: FileServer;
/** The test server's origin (granted at install). */
let ORIGIN: string;
const requests: string[] = [];
const SIMPLIFIED = phrasePage(SIMPLIFIED_PARAGRAPHS, 'zh-Hans');
const TRADITIONAL = phrasePage(TRADITIONAL_PARAGRAPHS, 'zh-Hant');
const HONG_KONG = phrasePage(HONG_KONG_PARAGRAPHS, 'zh-Hant');
const LONG_PAGES = 30;

beforeAll(async () => {
  const [simplified, traditional, hongKong, long] = await printPdfs([
    SIMPLIFIED,
    TRADITIONAL,
    HONG_KONG,
    longDocument(SIMPLIFIED_PARAGRAPHS, LONG_PAGES),
  ]);
  const scan = await imageOnlyPdf(SIMPLIFIED);
  server = await startFileServer();
  ORIGIN = server.origin;
  browser = await launchWithExtension({ sites: ['http://127.0.0.1/*'] });
  const html = 'text/html; charset=utf-8';
  server.serve('/simplified.html', SIMPLIFIED, html);
  server.serve('/traditional.html', TRADITIONAL, html);
  server.serve('/hong-kong.html', HONG_KONG, html);
  server.serve('/hong-kong.pdf', hongKong, 'application/pdf');
  server.serve('/simplified.pdf', simplified, 'application/pdf');
  server.serve('/traditional.pdf', traditional, 'application/pdf');
  server.serve('/long.pdf', long, 'application/pdf');
  server.serve('/scan.pdf', scan, 'application/pdf');
  server.serve('/private.pdf', 'sign in first', html, 403);
  server.serve('/login.pdf', '<!doctype html><p>Sign in</p>', html);
  browser.context.on('request', (request) => requests.push(request.url()));
}, 120_000);
// After each test, once its pages are closed: an open viewer would reload for the change.
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const viewerPath = (path: string) => `pdf.html?file=${encodeURIComponent(ORIGIN + path)}`;

/** Opens the viewer on a served PDF and waits until its whole text is read. */
async function openPdf(path: string): Promise<Page> {
  const page = await browser.extensionPage(viewerPath(path));
  await page.setViewportSize({ width: 1000, height: 800 });
  await expect.poll(() => page.locator('.pdf-status').textContent(), { timeout: 30_000 }).toMatch(/phrases?,/);
  return page;
}

type Summary = { phrases: { id: string; count: number }[]; total: number; pdf?: { pages: number; text: string } };

/** What the tab reports to the popup (the same message the popup sends). */
async function summaryOf(page: Page): Promise<Summary> {
  const tab = await browser.tabIdOf(page);
  return browser.inWorker(
    (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'page-summary' }, { frameId: 0 }),
    tab,
  ) as Promise<Summary>;
}

const byId = (s: Summary) => Object.fromEntries(s.phrases.map((p) => [p.id, p.count]));

describe('a PDF printed from a web page', () => {
  for (const [script, path] of [
    ['Simplified', 'simplified'],
    ['Traditional', 'traditional'],
    ['Hong Kong forms', 'hong-kong'],
  ] as const) {
    it(`shows the phrases the page shows (${script}), those broken across lines too`, async () => {
      const html = await browser.context.newPage();
      await html.goto(`${ORIGIN}/${path}.html`);
      await firstPass(html);
      const fromPage = await summaryOf(html);
      expect(fromPage.total).toBeGreaterThanOrEqual(5);

      const pdf = await openPdf(`/${path}.pdf`);
      const fromPdf = await summaryOf(pdf);
      expect(byId(fromPdf)).toEqual(byId(fromPage));
      expect(fromPdf.pdf).toEqual({ pages: 1, text: 'text' });
      // Every one of them is highlighted in the text layer, and some run over two printed lines.
      await expect.poll(async () => (await pdf.evaluate(readHighlights, {})).length).toBe(fromPage.total);
      const drawn = await pdf.evaluate(readHighlights, { geometry: true });
      expect(drawn.filter((h) => (h.lines?.length ?? 0) >= 2).length).toBeGreaterThan(0);
      // The highlights sit on the page, over the drawn text.
      const pageBox = await pdf.locator('.pdf-page').first().boundingBox();
      for (const h of drawn) expect(h.box!.left).toBeGreaterThanOrEqual(pageBox!.x);
      await html.close();
      await pdf.close();
    });
  }
});

describe('the viewer', () => {
  it('explains a phrase on hover, steps through them by the keyboard’s command, and lists them in the popup', async () => {
    const pdf = await openPdf('/simplified.pdf');
    const total = (await summaryOf(pdf)).total;
    // The status counts the phrases once the text is read; the highlights follow once the page is drawn.
    const [first] = await highlightsOnceShown(pdf, { geometry: true, onScreen: true }, (h) => (h[0]?.lines?.length ?? 0) > 0);
    const point = centreOfBox(first.lines![0]);
    await pdf.mouse.move(point.x, point.y);
    await expect.poll(() => pdf.locator('[role="dialog"]').count()).toBe(1);
    await pdf.mouse.move(5, 700);

    // The keyboard's "next phrase" reaches the viewer as it reaches a web page's content script.
    const tab = await browser.tabIdOf(pdf);
    const navigate = () =>
      browser.inWorker((id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'navigate', direction: 'next' }), tab);
    expect(await navigate()).toEqual({ ok: true });
    await expect.poll(() => pdf.locator('[role="dialog"]').textContent()).toContain(`1 of ${total}`);
    await navigate();
    await expect.poll(() => pdf.locator('[role="dialog"]').textContent()).toContain(`2 of ${total}`);

    const popup = await browser.popupFor(pdf);
    await expect.poll(() => popup.locator('#on-page-title').textContent()).toMatch(new RegExp(`, ${total} occurrences`));
    await popup.locator('li[data-entry="baxiang-guiding"] button.show').click();
    await expect.poll(() => pdf.evaluate(() => CSS.highlights.has('tifa-flash'))).toBe(true);
    await popup.close();
    await pdf.close();
  });

  it('follows the highlight level chosen in the popup, and the popup shows the new list', async () => {
    const pdf = await openPdf('/simplified.pdf');
    const byDefault = (await summaryOf(pdf)).total;
    const popup = await browser.popupFor(pdf);
    await expect.poll(() => popup.locator('#on-page-title').textContent()).toMatch(new RegExp(`, ${byDefault} occurrences`));
    await popup.getByRole('radio', { name: 'Key phrases' }).click();
    // The viewer opens the document again at the new level; the popup asks once the tab has loaded.
    await expect
      .poll(async () => Number((await popup.locator('#on-page-title').textContent())?.match(/(\d+) occurrences?/)?.[1] ?? -1))
      .toSatisfy((total: number) => total > 0 && total < byDefault);
    await popup.close();
    await pdf.close();
  });

  it('highlights nothing where the reader turned highlights off for the document’s site, and says so', async () => {
    const pdf = await openPdf('/simplified.pdf');
    const popup = await browser.popupFor(pdf);
    await popup.getByRole('switch', { name: 'On this site (127.0.0.1)' }).click();
    await expect.poll(() => popup.locator('.tl-note').first().textContent()).toBe('Highlights are off for this page.');
    await expect.poll(() => pdf.getByRole('status').first().textContent()).toContain('Highlights are off');
    expect(await pdf.evaluate(readHighlights, {})).toEqual([]);
    await popup.close();
    await pdf.close();
  });

  it('exports the phrases with their page numbers from the reader view', async () => {
    const pdf = await openPdf('/long.pdf');
    await pdf.getByRole('button', { name: 'Reader view' }).click();
    await expect.poll(() => pdf.locator('.article p').count()).toBeGreaterThan(LONG_PAGES);
    const download = pdf.waitForEvent('download');
    await pdf.getByRole('button', { name: 'CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace('\uFEFF', '');
    const [header, ...rows] = csv.trim().split('\r\n');
    const column = header.split(',').indexOf('page');
    expect(column).toBeGreaterThan(0);
    const pages = new Set(rows.map((r) => Number(r.split(',')[column])));
    // Every page holds the same paragraphs: every page number appears.
    expect(pages.size).toBe(LONG_PAGES);
    expect(Math.max(...pages)).toBe(LONG_PAGES);
    // Back to the pages: they are still there.
    await pdf.getByRole('button', { name: 'Pages' }).click();
    expect(await pdf.locator('.pdf-pages').isVisible()).toBe(true);
    await pdf.close();
  });

  it('draws only the pages near the screen of a long document, and steps to phrases on pages not drawn', async () => {
    const pdf = await openPdf('/long.pdf');
    const summary = await summaryOf(pdf);
    expect(summary.pdf?.pages).toBe(LONG_PAGES);
    const drawn = () => pdf.locator('.pdf-page canvas').count();
    expect(await drawn()).toBeLessThan(8);
    await pdf.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => pdf.locator(`.pdf-page[data-page="${LONG_PAGES}"] canvas`).count()).toBe(1);
    // The first pages were taken away as the reader left them.
    await expect.poll(() => pdf.locator('.pdf-page[data-page="1"] canvas').count()).toBe(0);
    expect(await drawn()).toBeLessThan(12);
    // "Show on the page" for the first occurrence goes back to page 1 and draws it.
    const tab = await browser.tabIdOf(pdf);
    const shown = await browser.inWorker(
      (id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'scroll-to', id: 'baxiang-guiding' }),
      tab,
    );
    expect(shown).toEqual({ ok: true });
    await expect.poll(() => pdf.locator('.pdf-page[data-page="1"] canvas').count()).toBe(1);
    await pdf.close();
  });

  it('says that a scan has no text layer, in the viewer and in the popup', async () => {
    const pdf = await browser.extensionPage(viewerPath('/scan.pdf'));
    await expect.poll(() => pdf.getByRole('alert').textContent()).toContain('no text layer');
    const popup = await browser.popupFor(pdf);
    await expect.poll(() => popup.locator('body').textContent()).toContain('no text layer');
    expect(await popup.locator('#on-page-title').count()).toBe(0);
    await popup.close();
    await pdf.close();
  });

  it('gives the reason a document did not open, and the way to open it as a local file', async () => {
    const refused = await browser.extensionPage(viewerPath('/private.pdf'));
    await expect.poll(() => refused.getByRole('alert').textContent()).toContain('HTTP 403');
    expect(await refused.getByRole('alert').textContent()).toContain('Open a PDF…');
    await refused.close();
    const notPdf = await browser.extensionPage(viewerPath('/login.pdf'));
    await expect.poll(() => notPdf.getByRole('alert').textContent()).toContain('not a PDF');
    await notPdf.close();
    // A site the reader has not allowed: the viewer offers to ask the browser. (The request is
    // refused here, as a site without CORS headers refuses an extension it has not allowed.)
    await browser.context.route('http://not-allowed.test/**', (route) => route.abort());
    const elsewhere = await browser.extensionPage(`pdf.html?file=${encodeURIComponent('http://not-allowed.test/a.pdf')}`);
    await expect.poll(() => elsewhere.getByRole('alert').textContent()).toContain('may not read documents from not-allowed.test');
    expect(await elsewhere.getByRole('button', { name: 'Allow reading not-allowed.test' }).count()).toBe(1);
    await elsewhere.close();
  });

  it('copies the text as it looks, radicals written as ideographs, and names the tab after the document', async () => {
    const pdf = await openPdf('/simplified.pdf');
    expect(await pdf.title()).toBe('simplified.pdf — Tifa Lens');
    const copied = await pdf.evaluate(() => {
      const layer = document.querySelector('.pdf-text')!;
      getSelection()!.selectAllChildren(layer);
      const event = new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true });
      document.dispatchEvent(event);
      return { copied: event.clipboardData!.getData('text/plain'), raw: layer.textContent ?? '' };
    });
    // Chromium's print wrote radicals (⼀, ⻛); the copy has the ideographs.
    expect(copied.raw).toMatch(/[\u2e80-\u2fdf]/);
    expect(copied.copied).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(copied.copied).toContain('最后一公里');
    await pdf.close();
  });

  it('converts the reader view’s script and restores it exactly on the way back to the pages', async () => {
    const pdf = await openPdf('/simplified.pdf');
    await pdf.getByRole('button', { name: 'Reader view' }).click();
    const article = pdf.locator('.article');
    await expect.poll(() => article.locator('p').count()).toBeGreaterThan(1);
    const original = await article.innerHTML();
    await pdf.getByRole('button', { name: /^繁體/ }).click();
    await expect.poll(() => article.textContent()).toContain('八項規定');
    await pdf.getByRole('button', { name: 'Pages' }).click();
    // The pages' text layer was never converted (the PDF draws what it holds), and is drawn again.
    await expect.poll(() => pdf.locator('.pdf-text').first().textContent()).toContain('规定');
    await pdf.getByRole('button', { name: 'Reader view' }).click();
    await expect.poll(() => article.innerHTML()).toBe(original);
    await pdf.close();
  });

  it('opens a PDF dropped on it', async () => {
    const [bytes] = await printPdfs([SIMPLIFIED]);
    const page = await browser.extensionPage('pdf.html');
    await page.setViewportSize({ width: 1000, height: 800 });
    // The viewer listens for drops once it is drawn (after reading the settings).
    await page.getByText('Drop a PDF here').waitFor();
    await page.evaluate((base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], 'dropped.pdf', { type: 'application/pdf' }));
      document.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes.toString('base64'));
    await expect.poll(() => page.locator('.pdf-status').textContent(), { timeout: 30_000 }).toMatch(/phrases?,/);
    expect(await page.locator('.pdf-name').textContent()).toBe('dropped.pdf');
    await page.close();
  });

  it('is offered by the popup on a tab that shows a PDF in Chromium’s viewer, and opens there', async () => {
    const tab = await browser.context.newPage();
    await tab.goto(`${ORIGIN}/simplified.pdf`, { waitUntil: 'commit' });
    const popup = await browser.popupFor(tab);
    await popup.getByRole('button', { name: 'Open in Tifa Lens' }).click();
    await expect.poll(() => tab.url()).toContain(`chrome-extension://${browser.extensionId}/pdf.html?file=`);
    expect(new URL(tab.url()).searchParams.get('file')).toBe(`${ORIGIN}/simplified.pdf`);
    await expect.poll(() => tab.locator('.pdf-status').textContent(), { timeout: 30_000 }).toMatch(/phrases?,/);
    await tab.close();
  });

  it('has no serious accessibility problem, in light and in dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const pdf = await openPdf('/simplified.pdf');
      await pdf.emulateMedia({ colorScheme: scheme });
      expect(await seriousViolations(pdf)).toEqual([]);
      await pdf.close();
    }
  });

  it('opens a local file chosen with the picker', async () => {
    const [pdfBytes] = await printPdfs([TRADITIONAL]);
    const page = await browser.extensionPage('pdf.html');
    await page.setViewportSize({ width: 1000, height: 800 });
    await page.getByText('Drop a PDF here').waitFor();
    await page.locator('input[type="file"]').first().setInputFiles({ name: '通知.pdf', mimeType: 'application/pdf', buffer: pdfBytes });
    await expect.poll(() => page.locator('.pdf-status').textContent(), { timeout: 30_000 }).toMatch(/phrases?,/);
    expect(await page.locator('.pdf-name').textContent()).toBe('通知.pdf');
    await expect.poll(async () => (await page.evaluate(readHighlights, {})).length).toBeGreaterThan(4);
    await page.close();
  });

  it('fetches the document asked for and nothing else', async () => {
    requests.length = 0;
    const pdf = await openPdf('/simplified.pdf');
    await pdf.close();
    const outside = requests.filter((url) => !url.startsWith('chrome-extension://'));
    expect(outside).toEqual([`${ORIGIN}/simplified.pdf`]);
  });
});
