/**
 * The `pdf` section of `npm run bench`: a 50-page PDF (printed by Chromium from a policy text) opened
 * in the viewer. Timed from the viewer's navigation: the first page painted by pdf.js (the baseline:
 * what any viewer pays), and the first highlights on screen. Then memory: the tab's JS heap after
 * garbage collection with the first page shown, and again after scrolling through every page.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, TEST_ORIGIN } from '../e2e/browser';
import { longDocument, printPdfs, SIMPLIFIED_PARAGRAPHS } from '../test-support/pdf-fixtures';

export interface Printing {
  section(title: string, about: string): void;
  table(columns: string[], rows: (string | number)[][]): void;
  targets(list: { what: string; value: number; limit: number; kind: 'max' | 'min'; unit: 'ms' | '×' | 'KiB' | '' }[]): void;
  ms(value: number): string;
  times(value: number): string;
  median(values: number[]): number;
}

const PAGES = 50;
const LOADS = 5;

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  await cdp.detach();
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / (1024 * 1024);
}

const markTime = (page: Page, name: string) =>
  page
    .waitForFunction((n) => performance.getEntriesByName(n)[0]?.startTime, name, { timeout: 60_000, polling: 20 })
    .then((h) => h.jsonValue() as Promise<number>);

export async function pdfSection(print: Printing): Promise<void> {
  print.section(
    `A ${PAGES}-page PDF in the viewer`,
    `A policy text printed to ${PAGES} A4 pages by Chromium (Noto CJK; its text layer writes some ideographs as radicals), opened at pdf.html?file=…; medians of ${LOADS} loads after one to warm up. Times are from the viewer's navigation: the first page painted by pdf.js (the baseline: what any viewer pays) and the first frame that shows highlights. The heap is the tab's JSHeapUsedSize after garbage collection (CDP), with the first page shown and after scrolling through every page, a screen at a time, to the end.`,
  );
  const [pdf] = await printPdfs([longDocument(SIMPLIFIED_PARAGRAPHS, PAGES)]);
  const browser = await launchWithExtension({ sites: [`${TEST_ORIGIN}/*`] });
  browser.serveFile('/bench.pdf', pdf, 'application/pdf');
  const painted: number[] = [];
  const visible: number[] = [];
  const heapFirst: number[] = [];
  const heapEnd: number[] = [];
  let drawnAtEnd = 0;
  try {
    for (let load = 0; load <= LOADS; load++) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1000, height: 800 });
      await page.goto(`chrome-extension://${browser.extensionId}/pdf.html?file=${encodeURIComponent(`${TEST_ORIGIN}/bench.pdf`)}`);
      const firstPainted = await markTime(page, 'tifa-pdf-painted');
      const firstVisible = await markTime(page, 'tifa-visible');
      await page.waitForFunction(() => /phrases?,/.test(document.querySelector('.pdf-status')?.textContent ?? ''), null, {
        timeout: 120_000,
      });
      const first = await heapMb(page);
      for (let screen = 1; ; screen++) {
        const atEnd = await page.evaluate((n) => {
          window.scrollTo(0, n * innerHeight);
          return scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
        }, screen);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        if (atEnd) break;
      }
      await page.waitForFunction((n) => document.querySelector(`.pdf-page[data-page="${n}"] canvas`) !== null, PAGES);
      const end = await heapMb(page);
      if (load > 0) {
        painted.push(firstPainted);
        visible.push(firstVisible);
        heapFirst.push(first);
        heapEnd.push(end);
        drawnAtEnd = await page.locator('.pdf-page canvas').count();
      }
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const p = print.median(painted);
  const v = print.median(visible);
  print.table(
    ['', 'from navigation', 'vs the first page painted'],
    [
      ['first page painted by pdf.js (baseline)', print.ms(p), '1×'],
      ['first highlights on screen', print.ms(v), print.times(v / p)],
    ],
  );
  const h1 = print.median(heapFirst);
  const h2 = print.median(heapEnd);
  print.table(
    ['', 'JS heap', 'vs the first page shown'],
    [
      ['the first page shown (baseline)', `${h1.toFixed(1)} MB`, '1×'],
      [`after scrolling through all ${PAGES} pages (${drawnAtEnd} drawn at the end)`, `${h2.toFixed(1)} MB`, print.times(h2 / h1)],
    ],
  );
  print.targets([
    { what: `first highlights of a ${PAGES}-page PDF`, value: v, limit: 1500, kind: 'max', unit: 'ms' },
    { what: 'pages drawn at once at the end of the document', value: drawnAtEnd, limit: 10, kind: 'max', unit: '' },
  ]);
}
