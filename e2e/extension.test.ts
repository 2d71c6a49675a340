import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { highlightTexts, launchWithExtension, waitForHighlights, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;

const NEWS = `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>新闻</title></head><body>
<p>各地要解决好联系服务群众“<b>最后</b>一公里”问题，坚决防止上有政策、下有对策。</p>
<p lang="zh-Hant">幹部要嚴以律己，把權力關進制度的籠子裡。</p>
<textarea>最后一公里</textarea>
</body></html>`;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/news.html', NEWS);
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

describe('the built extension in Chromium', () => {
  it('highlights phrases in Simplified and Traditional, across inline elements, and not in a textarea', async () => {
    const page = await browser.open('/news.html');
    await waitForHighlights(page, 4);
    const all = Object.values(await highlightTexts(page)).flat();
    expect(all).toContain('最后一公里');
    expect(all).toContain('上有政策、下有对策');
    expect(all).toContain('嚴以律己');
    expect(all).toContain('把權力關進制度的籠子裡');
    // The textarea's 最后一公里 is not highlighted: only the one in the paragraph.
    expect(all.filter((t) => t === '最后一公里')).toHaveLength(1);
    // The page's DOM is untouched: the <b> still holds just its own text.
    expect(await page.locator('b').evaluate((b) => b.outerHTML)).toBe('<b>最后</b>');
    await page.close();
  });

  it('lists the phrases of the page in the popup (popup.html?tabId=)', async () => {
    const page = await browser.open('/news.html');
    await waitForHighlights(page, 4);
    const popup = await browser.popupFor(page);
    await expect.poll(() => popup.locator('#on-page-title').textContent()).toMatch(/^\d+ phrases, \d+ occurrences$/);
    await expect.poll(() => popup.locator('li').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('最后一公里')]));
    await popup.close();
    await page.close();
  });
});
