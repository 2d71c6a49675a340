/**
 * `npx tsx scripts/real-pdfs.ts [DIR]`: opens every PDF of DIR (by default the shared test data,
 * ../shared/test-data/pdfs, which stays outside the repository) in the built extension's viewer, as
 * a local file, and prints what it read: pages, the text verdict, Han characters, phrases and
 * occurrences, and the time to the first highlights. Run after `npm run build`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { launchWithExtension } from '../e2e/browser';

const dir = resolve(process.argv[2] ?? join(import.meta.dirname, '../../shared/test-data/pdfs'));
const files = readdirSync(dir)
  .filter((f) => f.toLowerCase().endsWith('.pdf'))
  .sort();

type Summary = { phrases: { id: string; count: number }[]; total: number; pdf?: { pages: number; text: string } };

const browser = await launchWithExtension();
console.log(`| file | pages | text | phrases | occurrences | first highlights | phrases found |`);
console.log(`| --- | --- | --- | --- | --- | --- | --- |`);
try {
  for (const file of files) {
    const page = await browser.extensionPage('pdf.html');
    await page.setViewportSize({ width: 1000, height: 800 });
    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles({ name: file, mimeType: 'application/pdf', buffer: readFileSync(join(dir, file)) });
    await page.waitForFunction(
      () => /phrases?,/.test(document.querySelector('.pdf-status')?.textContent ?? '') || document.querySelector('[role="alert"]') !== null,
      null,
      { timeout: 300_000 },
    );
    const tab = await browser.tabIdOf(page);
    const summary = (await browser.inWorker(
      (id) =>
        (
          globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object, o: object): Promise<unknown> } } }
        ).chrome.tabs.sendMessage(id, { type: 'page-summary' }, { frameId: 0 }),
      tab,
    )) as Summary;
    const visible = await page.evaluate(() => performance.getEntriesByName('tifa-visible')[0]?.startTime);
    const found = summary.phrases.map((p) => `${p.id}×${p.count}`).join(', ');
    console.log(
      `| ${basename(file)} | ${summary.pdf?.pages ?? '?'} | ${summary.pdf?.text ?? 'failed'} | ${summary.phrases.length} | ${summary.total} | ${visible === undefined ? '—' : `${Math.round(visible)} ms`} | ${found.length > 160 ? `${found.slice(0, 160)}…` : found} |`,
    );
    await page.close();
  }
} finally {
  await browser.close();
}
