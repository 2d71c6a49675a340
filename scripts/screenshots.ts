/**
 * `npm run screenshots`: the built extension in Chromium, each surface captured in light and dark
 * into docs/screenshots/ (the README shows them): the card on the demo news page, the popup's three
 * views at Chrome's 400×600, the glossary, the essay reader, the reader view and the options, and
 * the PDF viewer (the demo page printed to PDF) with its card, at a desktop's size and a phone's.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { firstPass, launchWithExtension, TEST_ORIGIN } from '../e2e/browser';
import { readHighlights } from '../e2e/page-side';
import { centreOfBox } from '../test-support/highlights';
import { printPdfs } from '../test-support/pdf-fixtures';

const root = join(import.meta.dirname, '..');
const OUT = join(root, 'docs/screenshots');
mkdirSync(OUT, { recursive: true });

// The test site is granted at install, so the PDF viewer may read the demo PDF from it.
const browser = await launchWithExtension({ sites: [`${TEST_ORIGIN}/*`] });
const demo = readFileSync(join(root, 'demo/policy-news.html'), 'utf8');
await browser.serve('/news.html', demo);
const [demoPdf] = await printPdfs([demo]);
browser.serveFile('/policy-news.pdf', demoPdf, 'application/pdf');
const saved: string[] = [];

async function shot(page: Page, name: string, scheme: string, element?: string) {
  const path = join(OUT, `${name}-${scheme}.png`);
  if (element) await page.locator(element).screenshot({ path });
  else await page.screenshot({ path });
  saved.push(path);
}

async function settleFonts(page: Page) {
  await page.evaluate(() => document.fonts.ready);
}

try {
  for (const scheme of ['light', 'dark'] as const) {
    const news = await browser.open('/news.html');
    await news.emulateMedia({ colorScheme: scheme });
    await news.setViewportSize({ width: 1100, height: 760 });
    await firstPass(news);
    await settleFonts(news);
    // The card, over the headline's 最后一公里.
    const at = await news.evaluate(() => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('tifa-')) continue;
        for (const r of h) {
          const live = document.createRange();
          live.setStart(r.startContainer, r.startOffset);
          live.setEnd(r.endContainer, r.endOffset);
          if (live.toString() !== '最后一公里') continue;
          const b = live.getBoundingClientRect();
          return { x: (b.left + b.right) / 2, y: (b.top + b.bottom) / 2 };
        }
      }
      throw new Error('最后一公里 is not highlighted');
    });
    await news.mouse.move(at.x, at.y);
    await news.locator('tifa-lens-card [role="dialog"]').waitFor({ state: 'visible' });
    await shot(news, 'card', scheme);
    await news.mouse.move(5, 5);

    const tabId = await browser.tabIdOf(news);
    const popup = await browser.extensionPage(`popup.html?tabId=${tabId}`);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.locator('.on-page li[data-entry]').first().waitFor();
    await settleFonts(popup);
    await shot(popup, 'popup-page', scheme);
    await popup.getByRole('tab', { name: 'Look up' }).click();
    await popup.getByRole('searchbox').fill('最後一公里');
    await popup.locator('.results li.expanded').waitFor();
    await shot(popup, 'popup-lookup', scheme);
    await popup.getByRole('tab', { name: 'Convert' }).click();
    await popup.getByRole('button', { name: /原文/ }).waitFor();
    await shot(popup, 'popup-convert', scheme);
    await popup.close();
    if (scheme === 'light') {
      // The Chinese interface at the same size: what the popup looks like to most of its readers.
      await browser.setStorage('uiLanguage', 'zh_CN');
      const zh = await browser.extensionPage(`popup.html?tabId=${tabId}`);
      await zh.setViewportSize({ width: 400, height: 600 });
      await zh.locator('.on-page li[data-entry]').first().waitFor();
      await settleFonts(zh);
      await shot(zh, 'popup-page-zh', scheme);
      await zh.close();
      await browser.resetStorage();
    }

    const pages: [string, string, string][] = [
      ['glossary', 'glossary.html#zuihou-yigongli', 'article.g-entry tbody tr'],
      ['essays', 'essays.html#e1-p5', '#e1-p5'],
      ['reader', `reader.html?tabId=${tabId}`, 'main.article p'],
      ['options', 'options.html', '.opt-section'],
    ];
    for (const [name, path, ready] of pages) {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      await page.locator(ready).first().waitFor();
      await settleFonts(page);
      await shot(page, name, scheme);
      await page.close();
    }
    await news.close();

    for (const [name, width, height] of [
      ['pdf', 1100, 760],
      ['pdf-360', 360, 640],
    ] as const) {
      const pdf = await browser.context.newPage();
      await pdf.emulateMedia({ colorScheme: scheme });
      await pdf.setViewportSize({ width, height });
      await pdf.goto(`chrome-extension://${browser.extensionId}/pdf.html?file=${encodeURIComponent(`${TEST_ORIGIN}/policy-news.pdf`)}`);
      await pdf.waitForFunction(() => /phrases?,/.test(document.querySelector('.pdf-status')?.textContent ?? ''));
      await pdf.waitForFunction(() => performance.getEntriesByName('tifa-pdf-painted').length > 0);
      const [first] = await pdf.evaluate(readHighlights, { geometry: true, onScreen: true });
      const at = centreOfBox(first.lines![0]);
      await pdf.mouse.move(at.x, at.y);
      await pdf.locator('[role="dialog"]').waitFor();
      await shot(pdf, name, scheme);
      await pdf.close();
    }
  }
  console.log(`${saved.length} screenshots in docs/screenshots/:\n${saved.map((p) => `  ${p.slice(root.length + 1)}`).join('\n')}`);
} finally {
  await browser.close();
}
