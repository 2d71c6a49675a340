/**
 * Highlighting that follows the screen, in real Chromium with the built extension: only what is
 * near the viewport is registered, the rest arrives with scrolling; counts and the popup still cover
 * the whole page; navigation highlights its target; shadow roots attached late are read.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { allHighlighted, firstPass, launchWithExtension, type ExtensionBrowser } from './browser';

let browser: ExtensionBrowser;

const doc = (body: string) =>
  `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>t</title></head><body style="margin:0">${body}</body></html>`;
/** Five screens of paragraphs, a different phrase at the top and at the bottom. */
const screen = (n: number) =>
  `<div style="height: 100vh">${n === 0 ? '<p id="top">开头要落实八项规定</p>' : ''}${n === 4 ? '<p id="bottom">结尾坚持民主集中制</p>' : ''}</div>`;
const LONG = doc(Array.from({ length: 5 }, (_, i) => screen(i)).join(''));

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/long.html', LONG);
  await browser.serve(
    '/late-shadow.html',
    doc(`<p>开头</p><div id="existing"></div>
      <script>
        window.attachLater = () => {
          // attachShadow on an element already in the page, content added to the root afterwards.
          const root = document.getElementById('existing').attachShadow({ mode: 'open' });
          root.innerHTML = '<p>已在页面里的民主集中制</p>';
        };
        window.appendHost = () => {
          // A host inserted with its root already attached (filled before and after insertion).
          const host = document.createElement('div');
          const root = host.attachShadow({ mode: 'open' });
          root.innerHTML = '<p>先挂好的八项规定</p>';
          document.body.append(host);
          setTimeout(() => root.append(Object.assign(document.createElement('p'), { textContent: '后来加的严以律己' })), 200);
        };
        window.closedRoot = () => {
          const host = document.createElement('div');
          host.attachShadow({ mode: 'closed' }).innerHTML = '<p>封闭的把权力关进制度的笼子里</p>';
          document.body.append(host);
        };
      </script>`),
  );
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

/** The highlighted texts, read from the registered ranges (what the reader sees highlighted). */
const shown = (page: Page) => allHighlighted(page);

describe('on a page five screens long', () => {
  it('highlights the top at first, and the bottom when it is scrolled to', async () => {
    const page = await browser.open('/long.html');
    expect(await firstPass(page)).toBe(2);
    expect(await shown(page)).toEqual(['八项规定']);
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => shown(page)).toEqual(['民主集中制']);
    await page.close();
  });

  it('still counts and lists the whole page in the popup', async () => {
    const page = await browser.open('/long.html');
    await firstPass(page);
    const popup = await browser.popupFor(page);
    await expect.poll(() => popup.locator('#on-page-title').textContent()).toBe('2 phrases, 2 occurrences');
    await popup.close();
    await page.close();
  });

  it('shows a phrase off screen highlighted when the keyboard command goes to it', async () => {
    const page = await browser.open('/long.html');
    await firstPass(page);
    const tabId = await browser.tabIdOf(page);
    const next = () =>
      browser.inWorker((id) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'navigate', direction: 'next' }), tabId);
    await next(); // 八项规定, at the top
    await next(); // 民主集中制, four screens down
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    expect(await shown(page)).toContain('民主集中制');
    await expect.poll(() => page.locator('tifa-lens-card [role="dialog"]').getAttribute('data-entry')).toBe('minzhu-jizhongzhi');
    await page.close();
  });
});

describe('shadow roots attached after the first pass', () => {
  it('reads a root attached to an element already in the page, and what is added to it', async () => {
    const page = await browser.open('/late-shadow.html');
    await firstPass(page);
    await page.evaluate(() => (window as any).attachLater());
    await expect.poll(() => shown(page)).toEqual(['民主集中制']);
    await page.close();
  });

  it('reads the root of a host inserted with its root attached, and what arrives in it later', async () => {
    const page = await browser.open('/late-shadow.html');
    await firstPass(page);
    await page.evaluate(() => (window as any).appendHost());
    await expect.poll(() => shown(page)).toEqual(['八项规定', '严以律己'].sort());
    await page.close();
  });

  it('leaves closed roots alone, without errors', async () => {
    const page = await browser.open('/late-shadow.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await firstPass(page);
    await page.evaluate(() => (window as any).closedRoot());
    await page.evaluate(() => (window as any).attachLater());
    await expect.poll(() => shown(page)).toEqual(['民主集中制']);
    expect(errors).toEqual([]);
    // The page's own call is unchanged: attachShadow still returns its root, and looks native.
    expect(await page.evaluate(() => Element.prototype.attachShadow.toString())).toContain('[native code]');
    await page.close();
  });
});
