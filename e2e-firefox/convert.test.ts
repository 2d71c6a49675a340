/**
 * Script conversion and the reader view in Firefox. Both need work the content script must not do
 * (opencc-js, Readability): Chrome does it in the offscreen document, Firefox, which has no
 * offscreen documents, in the add-on's background page — these tests cover that path.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { ARTICLE_PHRASES, FURNITURE_PAGE, FURNITURE_PHRASES } from '../test-support/furniture-page';
import { allHighlighted, firstPass, launchFirefox, until, waitForSignal, type FirefoxExtension } from './browser';

let firefox: FirefoxExtension;

const SIMPLIFIED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>干部队伍的发展</title></head><body>
<p id="p1">她剪了<b>头</b>发。经济发展，干部队伍建设，若干问题，皇后。要打通最后一公里。</p>
<p id="p2" title="发展说明">图片：<img alt="干部照片" src="data:,"> <span aria-label="发展">标签</span></p>
<input id="field" value="发展干部" placeholder="请输入发展">
<textarea id="area">发展干部</textarea>
<div id="editor" contenteditable="true">发展干部</div>
<script id="code">var s = "发展";</script>
</body></html>`;

const TRADITIONAL = `<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>歷史</title></head><body>
<p id="t1">乾隆皇帝是著名的君主，幹部要嚴以律己。</p></body></html>`;

beforeAll(async () => {
  firefox = await launchFirefox();
  firefox.serve('/s.html', SIMPLIFIED);
  firefox.serve('/t.html', TRADITIONAL);
  firefox.serve('/article.html', FURNITURE_PAGE);
});
afterEach(async () => {
  await firefox.resetStorage();
});
afterAll(async () => {
  await firefox?.close();
});

const text = (page: Page, selector: string) => page.evaluate((s) => document.querySelector(s)?.textContent ?? null, selector);
const attribute = (page: Page, selector: string, name: string) =>
  page.evaluate(([s, n]) => document.querySelector(s)?.getAttribute(n) ?? null, [selector, name] as const);

/** What the popup's buttons send; the content script answers once the page is converted. */
const setScript = (page: Page, choice: 'cn' | 'tw' | 'twp' | 'hk' | 'original') => firefox.sendToTab(page, { type: 'set-script', choice });

describe('conversion in the background page', () => {
  it('converts a Simplified page to Traditional, and restores it byte for byte', async () => {
    const page = await firefox.open('/s.html');
    await firstPass(page);
    const before = await page.evaluate(() => ({ html: document.documentElement.outerHTML, body: document.body.innerHTML }));
    const highlighted = await allHighlighted(page);
    expect(highlighted).toContain('打通最后一公里');

    expect(await setScript(page, 'tw')).toEqual({ ok: true, choice: 'tw' });
    await waitForSignal(page, 'tifa-convert');
    expect(await text(page, '#p1')).toBe('她剪了頭髮。經濟發展，幹部隊伍建設，若干問題，皇后。要打通最後一公里。');
    expect(await page.title()).toBe('幹部隊伍的發展');
    expect(await attribute(page, '#p2', 'title')).toBe('發展說明');
    expect(await attribute(page, 'img', 'alt')).toBe('幹部照片');
    expect(await attribute(page, '#field', 'placeholder')).toBe('請輸入發展');
    // <html lang> stays the page's; the rewritten block carries the target's language.
    expect(await attribute(page, 'html', 'lang')).toBe('zh-CN');
    expect(await attribute(page, '#p1', 'lang')).toBe('zh-TW');
    // Never touched: what the reader types or edits, and code.
    expect(await page.evaluate(() => (document.querySelector('#field') as HTMLInputElement).value)).toBe('发展干部');
    expect(await page.evaluate(() => (document.querySelector('#area') as HTMLTextAreaElement).value)).toBe('发展干部');
    expect(await text(page, '#editor')).toBe('发展干部');
    expect(await text(page, '#code')).toBe('var s = "发展";');
    // Highlights follow the converted text.
    await expect.poll(() => allHighlighted(page)).toContain('打通最後一公里');

    expect(await setScript(page, 'original')).toEqual({ ok: true, choice: 'original' });
    await waitForSignal(page, 'tifa-restore');
    expect(await page.evaluate(() => document.body.innerHTML)).toBe(before.body);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(before.html);
    await expect.poll(() => allHighlighted(page)).toEqual(highlighted);
    await page.close();
  });

  it('converts Traditional to mainland Simplified phrase by phrase (乾隆 and 著名 stay)', async () => {
    const page = await firefox.open('/t.html');
    await firstPass(page);
    expect(await setScript(page, 'cn')).toEqual({ ok: true, choice: 'cn' });
    expect(await text(page, '#t1')).toBe('乾隆皇帝是著名的君主，干部要严以律己。');
    expect(await attribute(page, '#t1', 'lang')).toBe('zh-CN');
    expect(await setScript(page, 'original')).toEqual({ ok: true, choice: 'original' });
    expect(await text(page, '#t1')).toBe('乾隆皇帝是著名的君主，幹部要嚴以律己。');
    await page.close();
  });
});

describe('the reader view (Readability in the background page)', () => {
  it('shows the article alone, highlighted', async () => {
    const page = await firefox.open('/article.html');
    await firstPass(page);
    const tabId = await firefox.tabIdOf(page);
    const reader = await firefox.extensionPage(`reader.html?tabId=${tabId}`);
    await until(reader, () => document.querySelector('main.article p') !== null);
    const article = (await text(reader, 'main.article'))!;
    expect(article).toContain('上有政策、下有对策');
    expect(article).not.toContain('网友评论');
    expect(article).not.toContain('关于我们');
    await expect.poll(async () => (await allHighlighted(reader)).length).toBeGreaterThanOrEqual(8);
    const shown = new Set(await allHighlighted(reader));
    for (const phrase of ARTICLE_PHRASES) expect(shown.has(phrase)).toBe(true);
    for (const phrase of FURNITURE_PHRASES) expect(shown.has(phrase)).toBe(false);
    await reader.close();
    await page.close();
  });
});
