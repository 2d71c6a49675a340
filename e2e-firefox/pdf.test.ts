/**
 * The PDF viewer in Firefox (moz-extension://…/pdf.html?file=…): the same phrases as the HTML page
 * the PDF was printed from, the card on hover, the popup's list, an export with page numbers, and a
 * scan's message. The test server's site is granted at install (test-support/extension-copy.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { centreOfBox, highlightsOnceShown } from '../test-support/highlights';
import { imageOnlyPdf, phrasePage, printPdfs, SIMPLIFIED_PARAGRAPHS, TRADITIONAL_PARAGRAPHS } from '../test-support/pdf-fixtures';
import { firstPass, launchFirefox, until, type FirefoxExtension } from './browser';

let firefox: FirefoxExtension;
const SIMPLIFIED = phrasePage(SIMPLIFIED_PARAGRAPHS, 'zh-Hans');
const TRADITIONAL = phrasePage(TRADITIONAL_PARAGRAPHS, 'zh-Hant');

beforeAll(async () => {
  const [simplified, traditional] = await printPdfs([SIMPLIFIED, TRADITIONAL]);
  const scan = await imageOnlyPdf(SIMPLIFIED);
  firefox = await launchFirefox({ sites: ['http://127.0.0.1/*'] });
  firefox.serve('/simplified.html', SIMPLIFIED);
  firefox.serve('/traditional.html', TRADITIONAL);
  firefox.serveFile('/simplified.pdf', simplified, 'application/pdf');
  firefox.serveFile('/traditional.pdf', traditional, 'application/pdf');
  firefox.serveFile('/scan.pdf', scan, 'application/pdf');
}, 120_000);
afterAll(async () => {
  await firefox?.close();
});

type Summary = { phrases: { id: string; count: number }[]; total: number; pdf?: { pages: number; text: string } };
const byId = (s: Summary) => Object.fromEntries(s.phrases.map((p) => [p.id, p.count]));
const viewer = (path: string) => firefox.extensionPage(`pdf.html?file=${encodeURIComponent(firefox.origin + path)}`);

async function openPdf(path: string): Promise<Page> {
  const page = await viewer(path);
  await until(page, () => /phrases?,/.test(document.querySelector('.pdf-status')?.textContent ?? ''));
  return page;
}

/**
 * What the viewer shows, for a wait that times out: whether its tab renders (a tab behind another
 * gets no frames, so no page is drawn), its drawn text layers, the highlights registered and the
 * signals recorded. A failure in CI is then read from its log alone.
 */
function whatTheViewerShows(page: Page) {
  return page.evaluate(() => ({
    visibility: document.visibilityState,
    pagesHidden: document.querySelector<HTMLElement>('.pdf-pages')?.hidden,
    textLayers: document.querySelectorAll('.pdf-text').length,
    highlights: [...CSS.highlights.entries()].map(([name, ranges]) => `${name}: ${ranges.size}`),
    signals: performance.getEntries().flatMap((e) => (e.name.startsWith('tifa') ? [e.name] : [])),
    status: document.querySelector('.pdf-status')?.textContent,
  }));
}

describe('the PDF viewer in Firefox', () => {
  for (const [script, path] of [
    ['Simplified', 'simplified'],
    ['Traditional', 'traditional'],
  ] as const) {
    it(`shows the phrases the page shows (${script}), and lists them in the popup`, async () => {
      const html = await firefox.open(`/${path}.html`);
      await firstPass(html);
      const fromPage = (await firefox.sendToTab(html, { type: 'page-summary' })) as Summary;
      expect(fromPage.total).toBeGreaterThanOrEqual(5);
      const pdf = await openPdf(`/${path}.pdf`);
      const fromPdf = (await firefox.sendToTab(pdf, { type: 'page-summary' })) as Summary;
      expect(byId(fromPdf)).toEqual(byId(fromPage));
      await highlightsOnceShown(
        pdf,
        {},
        (h) => h.length === fromPage.total,
        () => whatTheViewerShows(pdf),
      );
      const popup = await firefox.popupFor(pdf);
      await expect
        .poll(() => popup.evaluate(() => document.querySelector('#on-page-title')?.textContent ?? ''))
        .toMatch(new RegExp(`, ${fromPage.total} occurrences`));
      await popup.close();
      await html.close();
      await pdf.close();
    });
  }

  it('explains a phrase on hover, and exports the phrases with their page', async () => {
    const pdf = await openPdf('/simplified.pdf');
    const [first] = await highlightsOnceShown(
      pdf,
      { geometry: true, onScreen: true },
      (h) => (h[0]?.lines?.length ?? 0) > 0,
      () => whatTheViewerShows(pdf),
    );
    const point = centreOfBox(first.lines![0]);
    await pdf.mouse.move(point.x, point.y);
    await until(pdf, () => {
      const dialog = document.querySelector('[data-tifa-ui="card"]')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      return dialog?.style.visibility === 'visible';
    });
    // The export's file is caught as it is handed to the download.
    await pdf.evaluate(() => {
      const saved: Blob[] = [];
      (window as unknown as { saved: Blob[] }).saved = saved;
      const original = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        saved.push(blob as Blob);
        return original(blob);
      };
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'Reader view')!.click();
    });
    await until(pdf, () => [...document.querySelectorAll('button')].some((b) => b.textContent === 'CSV'));
    const csv = await pdf.evaluate(async () => {
      [...document.querySelectorAll('button')].find((b) => b.textContent === 'CSV')!.click();
      const saved = (window as unknown as { saved: Blob[] }).saved;
      return saved.at(-1)!.text();
    });
    const [header, ...rows] = csv.replace('\uFEFF', '').trim().split('\r\n');
    const column = header.split(',').indexOf('page');
    expect(column).toBeGreaterThan(0);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.every((r) => r.split(',')[column] === '1')).toBe(true);
    await pdf.close();
  });

  it('says that a scan has no text layer', async () => {
    const pdf = await viewer('/scan.pdf');
    await until(pdf, () => (document.querySelector('[role="alert"]')?.textContent ?? '').includes('no text layer'));
    const summary = (await firefox.sendToTab(pdf, { type: 'page-summary' })) as Summary;
    expect(summary.pdf).toEqual({ pages: 1, text: 'no-text' });
    await pdf.close();
  });
});
