/**
 * The extension's own pages in real Chromium: the popup against a live tab, lookup, the glossary
 * browser, essay-reader deep links, options that persist, and switching the interface language.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { centreOfBox } from '../test-support/highlights';
import { firstPass, launchWithExtension, type ExtensionBrowser } from './browser';
import { readHighlights } from './page-side';

let browser: ExtensionBrowser;
const extensionPage = (path: string) => browser.extensionPage(path);

beforeAll(async () => {
  browser = await launchWithExtension();
  const filler = '<div style="height: 1600px"></div>';
  await browser.serve(
    '/news.html',
    `<!doctype html><html lang="zh"><body><p>要解决好“最后一公里”问题。</p>${filler}<p>严格落实八项规定。</p>${filler}<p>再次强调八项规定，坚持民主集中制。</p></body></html>`,
  );
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

const popupFor = (page: Page) => browser.popupFor(page);

describe('the popup against a live tab', () => {
  it('lists the page’s phrases by category with counts, and scrolls to the next occurrence on click', async () => {
    const page = await browser.open('/news.html');
    // The page is four screens long: the first pass finds all four, near the screen or not.
    expect(await firstPass(page)).toBe(4);
    const popup = await popupFor(page);
    // A page with phrases opens on them.
    expect(await popup.getByRole('tab', { name: /This page/ }).getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => popup.locator('#on-page-title').textContent()).toBe('3 phrases, 4 occurrences');
    const formula = popup.getByRole('region', { name: 'Numbered formulas' });
    expect(await formula.locator('li[data-entry="baxiang-guiding"] .count').textContent()).toBe('×2');
    await formula.locator('li[data-entry="baxiang-guiding"] button.show').click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    const first = await page.evaluate(() => scrollY);
    expect(await page.evaluate(() => CSS.highlights.has('tifa-flash'))).toBe(true);
    await formula.locator('li[data-entry="baxiang-guiding"] button.show').click();
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(first + 1000);
    // Expanding shows the meaning and the essay occurrences, linking into the reader.
    await formula.getByRole('button', { name: 'Explain 八项规定' }).click();
    const link = formula.locator('li[data-entry="baxiang-guiding"] a.kwic-line').first();
    expect(await link.getAttribute('href')).toMatch(/essays\.html#e3-p\d+-o\d+$/);
    await popup.close();
    await page.close();
  });

  it('looks up entries by any script, pinyin and English', async () => {
    const page = await browser.open('/news.html');
    const popup = await popupFor(page);
    await popup.getByRole('tab', { name: 'Look up' }).click();
    const box = popup.getByRole('searchbox', { name: 'Look up' });
    for (const query of ['最后一公里', '最後一公裡', 'zuìhòu yī gōnglǐ', 'zuihou', 'last kilometre']) {
      await box.fill(query);
      await expect.poll(() => popup.locator('.results li').first().textContent()).toContain('最后一公里');
    }
    await popup.close();
    await page.close();
  });
});

describe('the glossary browser', () => {
  it('filters by category, searches, opens deep links and sorts the concordance', async () => {
    const page = await extensionPage('glossary.html#zuihou-yigongli');
    // The deep link opens its entry, and its row in the list is marked and in view.
    const entry = page.locator('article.g-entry[data-entry="zuihou-yigongli"]');
    await entry.waitFor();
    expect(await page.locator('a#zuihou-yigongli').getAttribute('aria-current')).toBe('true');
    expect(await page.locator('a#zuihou-yigongli').isVisible()).toBe(true);
    expect(await entry.locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await entry.locator('thead th').allTextContents()).toEqual(['Where', 'Before', 'Phrase', 'After']);
    const firstRow = () => entry.locator('tbody tr').first().textContent();
    const byEssay = await firstRow();
    await entry.getByLabel('Sort by').selectOption('right');
    await expect.poll(firstRow).not.toBe(byEssay);
    const total = Number((await page.locator('.count').textContent())!.match(/\d+/)![0]);
    await page.getByLabel('Category').selectOption('idiom');
    const idioms = Number((await page.locator('.count').textContent())!.match(/\d+/)![0]);
    expect(idioms).toBeGreaterThan(5);
    expect(idioms).toBeLessThan(total);
    await page.getByLabel('Category').selectOption('all');
    await page.getByRole('searchbox').fill('八項規定');
    await expect.poll(() => page.locator('.g-list a').first().getAttribute('id')).toBe('baxiang-guiding');
    // Choosing an entry in the list opens it beside the list.
    await page.locator('.g-list a').first().click();
    await expect.poll(() => page.locator('article.g-entry').getAttribute('data-entry')).toBe('baxiang-guiding');
    await page.close();
  });

  it('opens a lookup from the context menu’s URL (?q=)', async () => {
    const page = await extensionPage(`glossary.html?q=${encodeURIComponent('民主集中制')}`);
    await expect.poll(() => page.locator('.g-list a').first().getAttribute('id')).toBe('minzhu-jizhongzhi');
    await page.close();
  });
});

describe('the essay reader', () => {
  it('scrolls to and flashes a deep-linked occurrence, and marks repairs with their raw text', async () => {
    const page = await extensionPage('essays.html#e2-p9-o17');
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('tifa-flash'))).toBe(true);
    const [flashed] = (await page.evaluate(readHighlights, { name: 'tifa-flash' })).map((h) => h.text);
    expect(flashed).toBe('末位淘汰');
    const repair = page.locator('.repair-typo', { hasText: '末位淘汰' });
    expect(await repair.getAttribute('data-raw')).toContain('未位淘汰');
    await page.getByLabel('Show the raw text').check();
    await expect.poll(() => page.locator('#e2-p9').textContent()).toContain('未位淘汰');
    await page.close();
  });

  it('explains a phrase on hover with the same card', async () => {
    const page = await extensionPage('essays.html');
    await page.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('tifa-')));
    const [saying] = await page.evaluate(readHighlights, { name: 'tifa-saying', onScreen: true });
    const box = saying?.box ? centreOfBox(saying.box) : null;
    await page.mouse.move(box!.x, box!.y);
    await expect.poll(() => page.locator('[role="dialog"]').count()).toBe(1);
    await page.close();
  });
});

describe('options', () => {
  it('save at once and say so, persist across a reload, switch the interface language everywhere, and reset to the defaults', async () => {
    const options = await extensionPage('options.html');
    await options.getByRole('radio', { name: 'Underline' }).check();
    await options.getByRole('switch', { name: /Idioms used as criticism/ }).uncheck();
    await expect.poll(() => options.locator('.save-state').textContent()).toBe('Saved');
    await options.getByRole('combobox', { name: 'Interface language' }).selectOption('zh_TW');
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('提法透鏡設定');
    await options.reload();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('提法透鏡設定');
    expect(await options.getByRole('radio', { name: '底線' }).isChecked()).toBe(true);
    expect(await options.getByRole('switch', { name: /用作批評的成語/ }).isChecked()).toBe(false);
    const page = await browser.open('/news.html');
    const popup = await popupFor(page);
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toContain('提法透鏡');
    // Reset asks first, then puts every option back (the language too).
    await options.getByRole('button', { name: /恢復預設設定/ }).click();
    await options.getByRole('button', { name: '恢復', exact: true }).click();
    await expect.poll(() => options.getByRole('heading', { level: 1 }).textContent()).toBe('Tifa Lens options');
    expect(await options.getByRole('radio', { name: 'Background' }).isChecked()).toBe(true);
    expect(await options.getByRole('switch', { name: /Idioms used as criticism/ }).isChecked()).toBe(true);
    await popup.close();
    await page.close();
    await options.close();
  });
});
