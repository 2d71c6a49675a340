/**
 * Highlighting on real pages, in real Chromium with the built extension: scripts, element
 * boundaries, untouched regions, late content, shadow roots, frames, pages that mutate their own
 * text, editing, the card, the keyboard command, the site switch, and the page left unchanged.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { allHighlighted, firstPass, launchWithExtension, settle, waitForHighlights, type ExtensionBrowser } from './browser';
import { SENTENCE_DOMAINS, expectedSentenceHighlights, sentencePagePath, sentencePages } from '../test-support/sentence-pages';
import { readHighlights } from './page-side';

let browser: ExtensionBrowser;

const doc = (body: string, lang = 'zh') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/simplified.html': doc('<p>要解决好联系服务群众“最后一公里”问题，防止上有政策、下有对策。</p>'),
  '/traditional.html': doc('<p>要解決好聯繫服務群眾「最後一公里」問題，防止上有政策、下有對策。</p>', 'zh-Hant'),
  '/hongkong.html': doc('<p>堅持民主集中制，落實八項規定，杜絕「門難進、臉難看、事難辦」。</p>', 'zh-HK'),
  '/mixed.html': doc('<p>最后一公裡；黨管干部；嚴以律己；把權力关进制度的籠子里。</p>'),
  '/split.html': doc('<p>解决<b>最后</b><i>一公</i><span>里</span>。</p><p>最后</p><p>一公里</p><div>上有政策<br>下有对策</div>'),
  '/untouched.html': doc(`<p id="ok">严以用权</p>
    <script>var s = "最后一公里";</script><style>.x::after { content: "八项规定"; }</style>
    <textarea>最后一公里</textarea><input value="八项规定"><select><option>民主集中制</option></select>
    <div contenteditable="true" id="editor">你好，最后一公里和八项规定。</div>
    <noscript>党管干部</noscript><template><p>党管干部</p></template>`),
  '/late.html': doc(`<p>开头</p><div id="host"></div>
    <script>
      setTimeout(() => { const p = document.createElement('p'); p.textContent = '后来加载的八项规定'; document.body.append(p); }, 300);
      const root = document.getElementById('host').attachShadow({ mode: 'open' });
      root.innerHTML = '<p>影子里的民主集中制</p>';
    </script>`),
  '/frames.html': doc(
    `<p>外层：八项规定</p><iframe id="child" src="/frame-child.html"></iframe><iframe id="srcdoc" srcdoc="<p>srcdoc 里的民主集中制</p>"></iframe>`,
  ),
  '/frame-child.html': doc('<p>框架里的党管干部</p>'),
  '/react-like.html': doc(`<div id="app"></div>
    <script>
      // Like React: the page keeps references to its own text nodes and rewrites them later.
      const app = document.getElementById('app');
      const p = document.createElement('p');
      const a = document.createTextNode('干部要严以律己，');
      const b = document.createTextNode('把权力关进制度的笼子里。');
      p.append(a, b); app.append(p);
      window.step1 = () => { a.data = '今天天气很好，'; };
      window.step2 = () => { b.remove(); };
      window.step3 = () => { a.data = '落实八项规定'; };
    </script>`),
  '/card.html': doc(
    `<div style="height: 300px"></div><p id="phrase" style="font-size: 24px">会议要求解决好最后一公里。</p><p style="font-size: 24px">还要落实八项规定精神。</p><div style="height: 1500px"></div>`,
  ),
  '/sport.html': doc('<p>这场比赛主队防守形同虚设，球员们一团和气，进攻流于形式。</p>'),
  ...sentencePages(doc),
};

beforeAll(async () => {
  browser = await launchWithExtension();
  for (const [path, html] of Object.entries(PAGES)) await browser.serve(path, html);
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

async function openAndWait(path: string, count = 1): Promise<Page> {
  const page = await browser.open(path);
  await waitForHighlights(page, count);
  return page;
}

describe('scripts and mixtures', () => {
  it.each([
    ['/simplified.html', ['联系服务群众', '最后一公里', '上有政策、下有对策']],
    ['/traditional.html', ['聯繫服務群眾', '最後一公里', '上有政策、下有對策']],
    ['/hongkong.html', ['民主集中制', '八項規定', '門難進、臉難看、事難辦']],
    ['/mixed.html', ['最后一公裡', '黨管干部', '嚴以律己', '把權力关进制度的籠子里']],
  ])('%s', async (path, expected) => {
    const page = await openAndWait(path, expected.length);
    expect(await allHighlighted(page)).toEqual([...expected].sort());
    await page.close();
  });

  it('leaves set formulas alone on a page that is not about policy, and shows them when the reader asks for everything', async () => {
    const page = await browser.open('/sport.html');
    expect(await firstPass(page)).toBe(0);
    expect(await allHighlighted(page)).toEqual([]);
    await browser.setStorage('highlightSettings', { level: 'all' });
    await expect.poll(() => allHighlighted(page)).toEqual(['一团和气', '形同虚设', '流于形式']);
    await page.close();
  });

  it('highlights only key phrases at the level "key"', async () => {
    await browser.setStorage('highlightSettings', { level: 'key' });
    const page = await browser.open('/simplified.html');
    expect(await firstPass(page)).toBe(2);
    expect(await allHighlighted(page)).toEqual(['上有政策、下有对策', '最后一公里']);
    await page.close();
  });
});

describe('the same highlights as tifa annotate', () => {
  it.each(SENTENCE_DOMAINS)('on the labelled %s sentences, as one page', async (domain) => {
    const expected = expectedSentenceHighlights(domain);
    if (domain === 'other') expect(expected).toEqual([]);
    else expect(expected.length).toBeGreaterThan(100);
    const page = await browser.open(sentencePagePath(domain));
    expect(await firstPass(page)).toBe(expected.length);
    expect(await allHighlighted(page)).toEqual(expected);
    await page.close();
  });
});

describe('element boundaries', () => {
  it('finds phrases split across inline elements but never across blocks or <br>', async () => {
    const page = await browser.open('/split.html');
    expect(await firstPass(page)).toBe(1);
    expect(await allHighlighted(page)).toEqual(['最后一公里']);
    await page.close();
  });
});

describe('what is left alone', () => {
  it('does not highlight scripts, styles, form fields, editable regions or templates', async () => {
    const page = await browser.open('/untouched.html');
    expect(await firstPass(page)).toBe(1);
    expect(await allHighlighted(page)).toEqual(['严以用权']);
    await page.close();
  });

  it('leaves typing in a contenteditable alone: text and caret as typed', async () => {
    const page = await openAndWait('/untouched.html');
    const editor = page.locator('#editor');
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type('要打通最后一公里');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.type('X');
    await settle(page);
    expect(await editor.textContent()).toBe('你好，最后一公里和八项规定。要打通最后一X公里');
    const caret = await page.evaluate(() => {
      const s = getSelection()!;
      return { node: s.anchorNode?.textContent, offset: s.anchorOffset };
    });
    expect(caret.offset).toBe('你好，最后一公里和八项规定。要打通最后一X'.length);
    expect(await allHighlighted(page)).toEqual(['严以用权']);
    await page.close();
  });

  it('leaves the page’s DOM and text exactly as they are without the extension', async () => {
    const plain = await launchWithExtension({ extension: false });
    try {
      for (const path of ['/split.html', '/untouched.html', '/simplified.html']) {
        await plain.serve(path, PAGES[path]);
        const without = await plain.open(path);
        const withExtension = await browser.open(path);
        await firstPass(withExtension);
        // innerText on purpose: the text as rendered must not change either.
        // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
        const snapshot = (p: Page) => p.evaluate(() => [document.documentElement.outerHTML, document.body.innerText]);
        expect(await snapshot(withExtension)).toEqual(await snapshot(without));
        await withExtension.close();
      }
    } finally {
      await plain.close();
    }
  });
});

describe('content that arrives or changes after load', () => {
  it('highlights content added later and inside an open shadow root', async () => {
    const page = await browser.open('/late.html');
    await waitForHighlights(page, 2);
    expect(await allHighlighted(page)).toEqual(['八项规定', '民主集中制']);
    await page.close();
  });

  it('highlights inside same-origin and srcdoc frames', async () => {
    const page = await openAndWait('/frames.html');
    const child = page.frame({ url: /frame-child/ })!;
    await waitForHighlights(child);
    expect(await allHighlighted(child)).toEqual(['党管干部']);
    const srcdoc = page.frames().find((f) => f.url() === 'about:srcdoc')!;
    await waitForHighlights(srcdoc);
    expect(await allHighlighted(srcdoc)).toEqual(['民主集中制']);
    await page.close();
  });

  it('drops stale highlights when the page rewrites or removes its own text nodes, without errors', async () => {
    const page = await browser.open('/react-like.html');
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await waitForHighlights(page, 2);
    expect(await allHighlighted(page)).toEqual(['严以律己', '把权力关进制度的笼子里']);
    await page.evaluate(() => (window as any).step1());
    await expect.poll(() => allHighlighted(page)).toEqual(['把权力关进制度的笼子里']);
    await page.evaluate(() => (window as any).step2());
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await page.evaluate(() => (window as any).step3());
    await expect.poll(() => allHighlighted(page)).toEqual(['八项规定']);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The on-screen rect of the first highlighted range whose text is `text`. */
async function rectOf(page: Page, text: string) {
  const [found] = await page.evaluate(readHighlights, { text, geometry: true });
  return found?.box ?? null;
}

const overlaps = (
  a: { left: number; top: number; right: number; bottom: number },
  b: { x: number; y: number; width: number; height: number },
) => a.left < b.x + b.width && b.x < a.right && a.top < b.y + b.height && b.y < a.bottom;

describe('the card', () => {
  it('opens on hover with the phrase, both scripts, meanings, page count and essay occurrences, beside the phrase', async () => {
    const page = await openAndWait('/card.html', 2);
    const rect = (await rectOf(page, '最后一公里'))!;
    await page.mouse.move((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2);
    const card = page.locator('tifa-lens-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    const text = await card.textContent();
    expect(text).toContain('最后一公里');
    expect(text).toContain('最後一公里');
    expect(text).toMatch(/zuìhòu/);
    expect(text).toContain('Once on this page');
    expect(text).toMatch(/Essay 1 ¶\d+/);
    const box = (await card.boundingBox())!;
    expect(overlaps(rect, box)).toBe(false);
    const viewport = page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5000 });
    await page.close();
  });

  it('opens from the keyboard command on the next phrase, with focus, and Escape closes it', async () => {
    const page = await openAndWait('/card.html', 2);
    const tabId = await browser.tabIdOf(page);
    const send = (direction: string) =>
      browser.inWorker(({ id, d }) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'navigate', direction: d }), {
        id: tabId,
        d: direction,
      });
    await send('next');
    const card = page.locator('tifa-lens-card [role="dialog"]');
    await expect.poll(() => card.getAttribute('data-entry')).toBe('zuihou-yigongli');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe('tifa-lens-card');
    await send('next');
    await expect.poll(() => card.getAttribute('data-entry')).toBe('baxiang-guiding');
    await send('previous');
    await expect.poll(() => card.getAttribute('data-entry')).toBe('zuihou-yigongli');
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached', timeout: 5000 });
    await page.close();
  });
});

describe('the site switch', () => {
  it('removes and restores highlights at once, without a reload', async () => {
    const page = await openAndWait('/simplified.html', 2);
    const set = (disabledSites: string[]) => browser.setStorage('highlightSettings', { enabled: true, disabledSites });
    await set(['tifa.test']);
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await set([]);
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThanOrEqual(2);
    await page.close();
  });
});

describe('the popup switch and the overlay fallback', () => {
  const setSettings = (value: object) => browser.setStorage('highlightSettings', value);

  it('turns highlights off and on for this site from the popup, without a reload', async () => {
    const page = await openAndWait('/simplified.html', 2);
    const popup = await browser.popupFor(page);
    const siteSwitch = popup.getByLabel(/On this site/);
    await siteSwitch.uncheck();
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    await siteSwitch.check();
    await expect.poll(async () => (await allHighlighted(page)).length).toBeGreaterThanOrEqual(2);
    await popup.close();
    await page.close();
  });

  it('draws an overlay instead when the Highlight API is not used, leaving the text nodes as they are', async () => {
    await setSettings({ enabled: true, disabledSites: [], renderer: 'overlay' });
    const page = await browser.open('/split.html');
    const boxes = page.locator('[data-tifa-ui="overlay"] > div');
    await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(1);
    expect(await allHighlighted(page)).toEqual([]);
    // The body — every text node the page owns — is exactly as the page wrote it.
    const plain = await launchWithExtension({ extension: false });
    try {
      await plain.serve('/split.html', PAGES['/split.html']);
      const without = await plain.open('/split.html');
      const body = (p: Page) => p.evaluate(() => document.body.innerHTML);
      expect(await body(page)).toBe(await body(without));
    } finally {
      await plain.close();
    }
    await setSettings({ enabled: true, disabledSites: [], renderer: 'auto' });
    await expect.poll(() => boxes.count()).toBe(0);
    await waitForHighlights(page);
    await page.close();
  });
});
