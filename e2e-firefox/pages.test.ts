/**
 * The extension's own pages in Firefox (moz-extension://): the popup against a live tab, the
 * glossary browser's deep links, the essay reader, and options that save and reach open pages.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firstPass, goto, highlightTexts, launchFirefox, until, type FirefoxExtension } from './browser';

let firefox: FirefoxExtension;

beforeAll(async () => {
  firefox = await launchFirefox();
  const filler = '<div style="height: 1600px"></div>';
  firefox.serve(
    '/news.html',
    `<!doctype html><html lang="zh"><head><meta charset="utf-8"></head><body><p>要解决好“最后一公里”问题。</p>${filler}<p>严格落实八项规定。</p>${filler}<p>再次强调八项规定，坚持民主集中制。</p></body></html>`,
  );
});
afterEach(async () => {
  await firefox.resetStorage();
});
afterAll(async () => {
  await firefox?.close();
});

const textOf = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);

describe('the popup against a live tab', () => {
  it('lists the page’s phrases with counts, and scrolls the page to one and flashes it', async () => {
    const page = await firefox.open('/news.html');
    expect(await firstPass(page)).toBe(4);
    const popup = await firefox.popupFor(page);
    await expect.poll(() => textOf(popup, '#on-page-title')).toBe('3 phrases, 4 occurrences');
    expect(await textOf(popup, 'li[data-entry="baxiang-guiding"] .count')).toBe('×2');
    expect(await textOf(popup, 'li[data-entry="zuihou-yigongli"] .count')).toBe('×1');
    expect(await textOf(popup, 'li[data-entry="minzhu-jizhongzhi"] .count')).toBe('×1');
    await popup.click('li[data-entry="baxiang-guiding"] button.show');
    // The flash lasts 1.6 s: looked for first.
    await expect.poll(async () => (await highlightTexts(page))['tifa-flash']).toEqual(['八项规定']);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    await popup.close();
    await page.close();
  });
});

describe('the glossary browser', () => {
  it('opens the entry of a deep link (glossary.html#zuihou-yigongli) with its concordance', async () => {
    const page = await firefox.extensionPage('glossary.html#zuihou-yigongli');
    await until(page, () => document.querySelector('article.g-entry[data-entry="zuihou-yigongli"] tbody tr') !== null);
    expect(await page.evaluate(() => document.querySelector('a#zuihou-yigongli')?.getAttribute('aria-current'))).toBe('true');
    expect(await page.evaluate(() => document.querySelectorAll('article.g-entry tbody tr').length)).toBeGreaterThanOrEqual(8);
    await page.close();
  });
});

describe('the essay reader', () => {
  it('renders the essays highlighted by the same engine, and flashes a deep-linked occurrence', async () => {
    const page = await firefox.extensionPage('essays.html#e2-p9-o17');
    await expect.poll(async () => (await highlightTexts(page))['tifa-flash']).toEqual(['末位淘汰']);
    const highlights = await highlightTexts(page);
    const phrases = Object.entries(highlights)
      .filter(([name]) => name !== 'tifa-flash')
      .flatMap(([, texts]) => texts);
    expect(phrases.length).toBeGreaterThan(20);
    expect(await textOf(page, '#e2-p9')).toContain('末位淘汰');
    await page.close();
  });
});

describe('options', () => {
  it('save a setting at once, keep it across a reload, and open pages follow it without a reload', async () => {
    const page = await firefox.open('/news.html');
    await firstPass(page);
    const sayingRule = () =>
      page.evaluate(() =>
        [...document.adoptedStyleSheets]
          .flatMap((s) => [...s.cssRules].map((r) => r.cssText))
          .find((r) => r.startsWith('::highlight(tifa-saying)')),
      );
    expect(await sayingRule()).not.toContain('transparent');

    const options = await firefox.extensionPage('options.html');
    await (await options.$('::-p-text(Underline)'))!.click();
    await expect.poll(() => textOf(options, '.save-state')).toBe('Saved');
    const stored = await firefox.inExtension(() => (globalThis as any).browser.storage.local.get('highlightSettings'), undefined);
    expect((stored as any).highlightSettings.style).toBe('underline');
    // The page's rules follow: underline only, no background.
    await expect.poll(sayingRule).toContain('transparent');

    await goto(options, `${firefox.extensionOrigin}/options.html`);
    await until(options, () => document.querySelectorAll('input[name="style"]').length === 2);
    expect(
      await options.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('input[name="style"]')].map((i) => i.checked)),
    ).toEqual([false, true]);
    await options.close();
    await page.close();
  });
});
