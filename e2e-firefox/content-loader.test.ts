/**
 * The first content script in Firefox (entrypoints/content-loader.ts): a page without Chinese runs
 * it alone; the content script, injected with it as a function, is started once the page shows
 * Chinese, or once the popup asks. "Not started" is read after the load event, by when the watch
 * has read every word of a static page (e2e/content-loader.test.ts).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendChinese, ENGLISH_PAGE, wakeReason } from '../test-support/first-script-pages';
import { firstPass, highlightTexts, launchFirefox, until, type FirefoxExtension } from './browser';

let firefox: FirefoxExtension;

beforeAll(async () => {
  firefox = await launchFirefox();
  firefox.serve('/english.html', ENGLISH_PAGE);
  firefox.serve('/english-frame.html', '<!doctype html><p>An English frame.</p>');
});
afterEach(async () => {
  await firefox.resetStorage();
});
afterAll(async () => {
  await firefox?.close();
});

const wakeReasonOf = (page: Page) => page.evaluate(wakeReason);

describe('the first content script in Firefox', () => {
  it('starts nothing in a page without Chinese, and the content script once Chinese comes, which highlights it', async () => {
    const page = await firefox.open('/english.html');
    expect(await wakeReasonOf(page)).toBeNull();
    expect(await page.evaluate(() => performance.getEntriesByName('tifa-first-pass').length)).toBe(0);
    await page.evaluate(appendChinese);
    expect(await firstPass(page)).toBeGreaterThan(0);
    expect(await wakeReasonOf(page)).toBe('chinese');
    expect(Object.values(await highlightTexts(page)).flat()).toContain('上有政策、下有对策');
    await page.close();
  });

  it('starts the content script for the popup on a page without Chinese, which answers that it has none', async () => {
    const page = await firefox.open('/english.html');
    const popup = await firefox.popupFor(page);
    await until(popup, () => document.querySelector('[role="tab"]') !== null);
    await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role="tab"]')].find((tab) => /this page/i.test(tab.textContent ?? ''))?.click(),
    );
    await until(popup, () => document.querySelector('#popup-tab-page')?.getAttribute('aria-selected') === 'true');
    await until(popup, () => document.querySelector('#popup-panel-page')?.textContent?.includes('This page has no Chinese text.') ?? false);
    expect(await wakeReasonOf(page)).toBe('message');
    await popup.close();
    await page.close();
  });
});
