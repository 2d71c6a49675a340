/**
 * The first content script (entrypoints/content-loader.ts): a page without Chinese runs it alone,
 * and the content script is started in a frame once the frame shows Chinese however it comes (at
 * the end, inside text read before, as changed text, inside a shadow root) or once the popup asks.
 *
 * "Not started" is read once the page's load event has fired: the watch reads the text the parser
 * adds in the microtasks right after it, so by then every word of a static page has been read.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appendChinese, ENGLISH_PAGE, wakeReason } from '../test-support/first-script-pages';
import { firstPass, highlightTexts, launchWithExtension, waitForHighlights, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;

const ENGLISH_FRAME = '<!doctype html><p>An English frame.</p>';
const CHINESE_FRAME = '<!doctype html><p>各地要解决好联系服务群众“最后一公里”问题。</p>';
const ENGLISH_WITH_CHINESE_FRAME = ENGLISH_PAGE.replace('/english-frame.html', '/chinese-frame.html');

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/english.html', ENGLISH_PAGE);
  await browser.serve('/english-frame.html', ENGLISH_FRAME);
  await browser.serve('/chinese-frame.html', CHINESE_FRAME);
  await browser.serve('/english-chinese-frame.html', ENGLISH_WITH_CHINESE_FRAME);
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

const wakeReasonOf = (frame: Page | Frame) => frame.evaluate(wakeReason);
const firstPassCount = (frame: Page | Frame) => frame.evaluate(() => performance.getEntriesByName('tifa-first-pass').length);

async function openEnglish(path = '/english.html'): Promise<Page> {
  const page = await browser.open(path); // resolves once the load event has fired
  return page;
}

describe('the first content script', () => {
  it('starts nothing in a page or frame without Chinese', async () => {
    const page = await openEnglish();
    for (const frame of page.frames()) {
      expect(await wakeReasonOf(frame)).toBeNull();
      expect(await firstPassCount(frame)).toBe(0);
    }
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('starts the content script when Chinese is added at the end of the page, and it highlights', async () => {
    const page = await openEnglish();
    await page.evaluate(appendChinese);
    expect(await firstPass(page)).toBeGreaterThan(0);
    expect(await wakeReasonOf(page)).toBe('chinese');
    expect(Object.values(await highlightTexts(page)).flat()).toContain('上有政策、下有对策');
    await page.close();
  });

  it('finds Chinese put into text read before, and text changed to Chinese', async () => {
    const page = await openEnglish();
    // Before the point the watch has read up to: found by reading the page again.
    await page.evaluate(() => document.getElementById('first')!.append(document.createTextNode('要把权力关进制度的笼子里。')));
    await waitForHighlights(page, 1);
    expect(await wakeReasonOf(page)).toBe('chinese');
    await page.close();

    const changed = await openEnglish();
    await changed.evaluate(() => {
      (document.getElementById('second')!.firstChild as Text).data = '贯彻落实八项规定精神。';
    });
    await waitForHighlights(changed, 1);
    expect(await wakeReasonOf(changed)).toBe('chinese');
    await changed.close();
  });

  it('finds Chinese inside an open shadow root', async () => {
    const page = await openEnglish();
    await page.evaluate(() => {
      const host = document.createElement('div');
      document.getElementById('first')!.before(host);
      host.attachShadow({ mode: 'open' }).innerHTML = '<p>解决联系服务群众“最后一公里”问题</p>';
    });
    expect(await firstPass(page)).toBeGreaterThan(0);
    expect(await wakeReasonOf(page)).toBe('chinese');
    await page.close();
  });

  it('starts the content script only in the frame that shows Chinese', async () => {
    const page = await openEnglish('/english-chinese-frame.html');
    const frame = page.frames().find((f) => f.url().endsWith('/chinese-frame.html'))!;
    expect(await firstPass(frame)).toBeGreaterThan(0);
    expect(await wakeReasonOf(frame)).toBe('chinese');
    expect(await wakeReasonOf(page)).toBeNull();
    await page.close();
  });

  it('starts the content script for the popup on a page without Chinese, which answers that it has none', async () => {
    const page = await openEnglish();
    const popup = await browser.popupFor(page);
    await popup.getByRole('tab', { name: /this page/i }).click();
    await expect.poll(() => popup.getByText('This page has no Chinese text.').count(), { timeout: 15_000 }).toBe(1);
    expect(await wakeReasonOf(page)).toBe('message');
    expect(await firstPass(page)).toBe(0);
    // The English frame heard nothing it had to answer: it stays as it was.
    const frame = page.frames().find((f) => f.url().endsWith('/english-frame.html'))!;
    expect(await wakeReasonOf(frame)).toBeNull();
    await popup.close();
    await page.close();
  });
});
