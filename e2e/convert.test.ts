/**
 * Script conversion in real Chromium with the built extension: correctness, what is never touched,
 * exact restore (also after the page changed), later content, highlights on the converted page,
 * per-site memory, the selection, the keyboard command and the popup's paste box.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allHighlighted, choose, firstPass, launchWithExtension, settle, waitForHighlights, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;

const SIMPLIFIED = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>干部队伍的发展</title></head><body>
<p id="p1">她剪了<b>头</b>发。经济发展，干部队伍建设，若干问题，皇后。</p>
<p id="p2" title="发展说明">图片：<img alt="干部照片" src="data:,"> <span aria-label="发展">标签</span></p>
<input id="field" value="发展干部" placeholder="请输入发展">
<input id="button" type="button" value="发展">
<textarea id="area">发展干部</textarea>
<div id="editor" contenteditable="true">发展干部</div>
<script id="code">var s = "发展";</script>
<p id="changing">页面会改这一段：发展</p>
<div id="later"></div>
</body></html>`;

const TRADITIONAL = `<!doctype html><html lang="zh-TW"><head><meta charset="utf-8"><title>歷史</title></head><body>
<p id="t1">乾隆皇帝是著名的君主，黨員幹部要嚴以律己、嚴以用權。</p></body></html>`;

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/s.html', SIMPLIFIED);
  await browser.serve('/t.html', TRADITIONAL);
  await browser.serve('/u.html', '<!doctype html><html><body><p id="u">请插上U盘</p></body></html>');
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

async function popupFor(page: Page): Promise<Page> {
  // The full content script, which answers the popup's conversion messages, is loaded once the
  // page shows Chinese: a popup opened before would find no one to ask.
  await firstPass(page);
  const popup = await browser.popupFor(page);
  await popup.getByRole('tab', { name: 'Convert' }).click();
  await popup.getByRole('button', { name: /原文/ }).waitFor();
  return popup;
}

const text = (page: Page, selector: string) => page.locator(selector).evaluate((e) => e.textContent);
/** The body as markup and its text as rendered. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
const bodySnapshot = (page: Page) => page.evaluate(() => ({ html: document.body.outerHTML, text: document.body.innerText }));

describe('converting a Simplified page', () => {
  it('converts text, title and the attributes people read, sets lang, and touches nothing else', async () => {
    // 干部队伍 is common vocabulary: shown here to follow a highlight through the conversion.
    await browser.setStorage('highlightSettings', { level: 'all' });
    const page = await browser.open('/s.html');
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const popup = await popupFor(page);
    await choose(popup, /^繁體/);
    await expect.poll(() => text(page, '#p1')).toBe('她剪了頭髮。經濟發展，幹部隊伍建設，若干問題，皇后。');
    expect(await page.title()).toBe('幹部隊伍的發展');
    expect(await page.locator('#p2').getAttribute('title')).toBe('發展說明');
    expect(await page.locator('img').getAttribute('alt')).toBe('幹部照片');
    expect(await page.locator('span[aria-label]').getAttribute('aria-label')).toBe('發展');
    expect(await page.locator('#field').getAttribute('placeholder')).toBe('請輸入發展');
    expect(await page.locator('#button').inputValue()).toBe('發展');
    // <html lang> stays the page's (changing it restyles the whole page in one frame); a rewritten
    // block takes the language with its text (its font changes once, with the text).
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await page.locator('#p1').getAttribute('lang')).toBe('zh-TW');
    // Never touched: what the user types or edits, and code.
    expect(await page.locator('#editor').getAttribute('lang')).toBeNull();
    expect(await page.locator('#field').inputValue()).toBe('发展干部');
    expect(await page.locator('#area').inputValue()).toBe('发展干部');
    expect(await text(page, '#editor')).toBe('发展干部');
    expect(await text(page, '#code')).toBe('var s = "发展";');
    // Highlights follow the converted text.
    await expect.poll(() => allHighlighted(page)).toContain('幹部隊伍');

    // Another target: the blocks follow it.
    await choose(popup, /香港/);
    await expect.poll(() => page.locator('#p1').getAttribute('lang')).toBe('zh-HK');

    // Restore is byte-exact.
    await choose(popup, /原文/);
    await expect.poll(() => page.evaluate(() => document.documentElement.outerHTML)).toBe(before);
    await expect.poll(() => allHighlighted(page)).toContain('干部队伍');
    await popup.close();
    await page.close();
  });

  it('restores exactly after the page changed in between, leaving the page’s own text as it wrote it', async () => {
    const page = await browser.open('/s.html');
    const popup = await popupFor(page);
    await choose(popup, /香港/);
    await expect.poll(() => text(page, '#changing')).toBe('頁面會改這一段：發展');
    await page.evaluate(() => {
      // The page rewrites two of the nodes we converted: one in words the conversion changes (it is
      // converted as new content, then restored to what the page wrote), one in words it does not.
      document.querySelector('#changing')!.firstChild!.textContent = '页面自己的新文字';
      document.querySelector('#p2 span')!.firstChild!.textContent = 'Page text';
    });
    // The page's new words are new content: converted as they arrive.
    await expect.poll(() => text(page, '#changing')).toBe('頁面自己的新文字');
    await choose(popup, /原文/);
    await expect.poll(() => text(page, '#p1')).toBe('她剪了头发。经济发展，干部队伍建设，若干问题，皇后。');
    expect(await text(page, '#changing')).toBe('页面自己的新文字');
    expect(await text(page, '#p2 span')).toBe('Page text');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    await popup.close();
    await page.close();
  });

  it('converts content that arrives later, and stops when conversion is off', async () => {
    const page = await browser.open('/s.html');
    const popup = await popupFor(page);
    await choose(popup, /^繁體/);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'new1';
      p.textContent = '新来的发展';
      document.querySelector('#later')!.append(p);
    });
    await expect.poll(() => text(page, '#new1')).toBe('新來的發展');
    await choose(popup, /原文/);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'new2';
      p.textContent = '之后的发展';
      document.querySelector('#later')!.append(p);
    });
    // The content script has read that change (and did not convert it): conversion is off.
    await settle(page);
    expect(await text(page, '#new2')).toBe('之后的发展');
    expect(await text(page, '#new1')).toBe('新来的发展');
    await popup.close();
    await page.close();
  });
});

describe('other targets and inputs', () => {
  it('converts Traditional to Simplified keeping 乾隆 and 著名', async () => {
    const page = await browser.open('/t.html');
    await waitForHighlights(page);
    const popup = await popupFor(page);
    await choose(popup, /简体/);
    await expect.poll(() => text(page, '#t1')).toBe('乾隆皇帝是著名的君主，党员干部要严以律己、严以用权。');
    expect(await allHighlighted(page)).toContain('严以律己');
    await popup.close();
    await page.close();
  });

  it('uses Taiwan phrases with 台灣正體', async () => {
    const page = await browser.open('/u.html');
    const popup = await popupFor(page);
    await choose(popup, /台灣/);
    await expect.poll(() => text(page, '#u')).toBe('請插上隨身碟');
    await choose(popup, /原文/);
    await expect.poll(() => text(page, '#u')).toBe('请插上U盘');
    await popup.close();
    await page.close();
  });

  it('converts the selection (context menu) and toggles with the keyboard command', async () => {
    const page = await browser.open('/s.html');
    // The full content script, which converts, is loaded once the page shows Chinese.
    await firstPass(page);
    const tabId = await browser.tabIdOf(page);
    await page.evaluate(() => {
      const node = document.querySelector('#p1')!.lastChild!;
      const range = document.createRange();
      range.setStart(node, 1);
      range.setEnd(node, 5);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    await browser.inWorker(
      ({ id }) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'convert-selection', target: 'tw' }, { frameId: 0 }),
      { id: tabId },
    );
    await expect.poll(() => text(page, '#p1')).toBe('她剪了头发。經濟發展，干部队伍建设，若干问题，皇后。');

    await browser.inWorker(({ id }) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'toggle-script' }), { id: tabId });
    await expect.poll(() => text(page, '#p2')).toBe('圖片： 標籤');
    await browser.inWorker(({ id }) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'toggle-script' }), { id: tabId });
    await expect.poll(() => text(page, '#p2')).toBe('图片： 标签');
    // The way back restores the converted selection too.
    await expect.poll(() => text(page, '#p1')).toBe('她剪了头发。经济发展，干部队伍建设，若干问题，皇后。');
    await page.close();
  });

  it('restores a converted selection exactly with Original, and never touches an editable region inside it', async () => {
    const page = await browser.open('/s.html');
    await firstPass(page);
    const tabId = await browser.tabIdOf(page);
    const before = await bodySnapshot(page);
    // From 剪 in #p1 (across <b>头</b>) to 这 in #changing: the fields, the textarea and the
    // contenteditable in between are inside the selection.
    await page.evaluate(() => {
      const range = document.createRange();
      range.setStart(document.querySelector('#p1')!.firstChild!, 1);
      range.setEnd(document.querySelector('#changing')!.firstChild!, 5);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    });
    const reply = await browser.inWorker(
      ({ id }) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'convert-selection', target: 'tw' }, { frameId: 0 }),
      { id: tabId },
    );
    expect(reply).toEqual({ ok: true });
    expect(await text(page, '#p1')).toBe('她剪了頭髮。經濟發展，幹部隊伍建設，若干問題，皇后。');
    expect(await text(page, '#p2')).toBe('圖片： 標籤');
    expect(await text(page, '#changing')).toBe('頁面會改這一段：发展');
    expect(await text(page, '#editor')).toBe('发展干部');
    expect(await page.locator('#area').inputValue()).toBe('发展干部');
    expect(await page.locator('#field').inputValue()).toBe('发展干部');
    expect(await text(page, '#code')).toBe('var s = "发展";');

    const popup = await popupFor(page);
    await choose(popup, /原文/);
    await expect.poll(() => text(page, '#p1')).toBe('她剪了头发。经济发展，干部队伍建设，若干问题，皇后。');
    expect(await bodySnapshot(page)).toEqual(before);
    expect(await text(page, '#editor')).toBe('发展干部');
    await popup.close();
    await page.close();
  });

  it('remembers a site’s script and applies it on the next visit', async () => {
    const page = await browser.open('/s.html');
    const popup = await popupFor(page);
    await choose(popup, /^繁體/);
    await popup.getByLabel(/Always show/).check();
    await popup.close();
    await page.reload();
    await expect.poll(() => text(page, '#p1')).toBe('她剪了頭髮。經濟發展，幹部隊伍建設，若干問題，皇后。');
    const again = await popupFor(page);
    await again.getByLabel(/Always show/).uncheck();
    await again.close();
    await page.close();
  });

  it('converts pasted text in the popup', async () => {
    const page = await browser.open('/u.html');
    const popup = await popupFor(page);
    await popup.getByLabel('Text to convert').fill('发展干部和头发');
    await expect.poll(() => popup.getByLabel('Converted text').inputValue()).toBe('發展幹部和頭髮');
    await popup.getByLabel('Convert to').selectOption('twp');
    await popup.getByLabel('Text to convert').fill('U盘');
    await expect.poll(() => popup.getByLabel('Converted text').inputValue()).toBe('隨身碟');
    await popup.close();
    await page.close();
  });
});
