/**
 * Highlighting in Firefox with the built extension: every script, highlights that are really
 * painted (also on a page that replaced Array's methods), a shadow root attached late, file://
 * pages, and the card by hover and by the keyboard command.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { allHighlighted, cardOf, centreOf, firstPass, launchFirefox, type FirefoxExtension } from './browser';
import { SENTENCE_DOMAINS, expectedSentenceHighlights, sentencePagePath, sentencePages } from '../test-support/sentence-pages';

let firefox: FirefoxExtension;
let fileDir: string;

const doc = (body: string, lang = 'zh') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/simplified.html': doc('<p>要解决好联系服务群众“最后一公里”问题，防止上有政策、下有对策。</p>'),
  '/traditional.html': doc('<p>要解決好聯繫服務群眾「最後一公里」問題，防止上有政策、下有對策。</p>', 'zh-Hant'),
  '/hongkong.html': doc('<p>堅持民主集中制，落實八項規定，杜絕「門難進、臉難看、事難辦」。</p>', 'zh-HK'),
  '/mixed.html': doc('<p>最后一公裡；黨管干部；嚴以律己；把權力关进制度的籠子里。</p>'),
  '/sabotage.html': doc(`<p>最后一公里</p><script>
    for (const name of ['push', 'includes', 'indexOf', 'splice']) Array.prototype[name] = () => { throw new Error('no ' + name); };
  </script>`),
  '/sport.html': doc('<p>這場比賽主隊防守形同虛設，球員們一團和氣。</p>', 'zh-Hant'),
  '/discipline.html': doc('<p>縣紀委監委通報：個別黨員幹部以權謀私、一團和氣。</p><p>這場比賽主隊防守形同虛設。</p>', 'zh-Hant'),
  ...sentencePages(doc),
  '/late-shadow.html': doc('<p>最后一公里</p><div id="widget"></div>'),
  '/card.html': doc(
    `<div style="height: 200px"></div><p style="font-size: 24px">会议要求解决好最后一公里。</p><p style="font-size: 24px">还要落实八项规定精神。</p><div style="height: 1500px"></div>`,
  ),
};

beforeAll(async () => {
  firefox = await launchFirefox();
  for (const [path, html] of Object.entries(PAGES)) firefox.serve(path, html);
  fileDir = mkdtempSync(join(tmpdir(), 'tifa-firefox-'));
});
afterEach(async () => {
  await firefox.resetStorage();
});
afterAll(async () => {
  await firefox?.close();
  if (fileDir) rmSync(fileDir, { recursive: true, force: true });
});

describe('scripts and mixtures', () => {
  it.each([
    ['/simplified.html', ['联系服务群众', '最后一公里', '上有政策、下有对策']],
    ['/traditional.html', ['聯繫服務群眾', '最後一公里', '上有政策、下有對策']],
    ['/hongkong.html', ['民主集中制', '八項規定', '門難進、臉難看、事難辦']],
    ['/mixed.html', ['最后一公裡', '黨管干部', '嚴以律己', '把權力关进制度的籠子里']],
  ])('%s', async (path, expected) => {
    const page = await firefox.open(path);
    // The first pass's detail is readable by the page: Firefox records it through the page's own
    // performance object (utils/page/timing.ts).
    expect(await firstPass(page)).toBe(expected.length);
    expect(await allHighlighted(page)).toEqual([...expected].sort());
    await page.close();
  });
});

describe('set formulas where the page is about policy (the default level)', () => {
  it('none on a page about something else', async () => {
    const page = await firefox.open('/sport.html');
    expect(await firstPass(page)).toBe(0);
    expect(await allHighlighted(page)).toEqual([]);
    await page.close();
  });

  it('every one on a page about policy, later blocks included', async () => {
    const page = await firefox.open('/discipline.html');
    expect(await firstPass(page)).toBe(3);
    expect(await allHighlighted(page)).toEqual(['一團和氣', '以權謀私', '形同虛設']);
    await page.close();
  });
});

describe('the same highlights as tifa annotate', () => {
  it.each(SENTENCE_DOMAINS)('on the labelled %s sentences, as one page', async (domain) => {
    const expected = expectedSentenceHighlights(domain);
    if (domain === 'other') expect(expected).toEqual([]);
    else expect(expected.length).toBeGreaterThan(100);
    const page = await firefox.open(sentencePagePath(domain));
    expect(await firstPass(page)).toBe(expected.length);
    expect(await allHighlighted(page)).toEqual(expected);
    await page.close();
  });
});

describe('painting', () => {
  it('paints the highlights: the ::highlight() rules are adopted through the page’s own adoptedStyleSheets', async () => {
    const page = await firefox.open('/simplified.html');
    await firstPass(page);
    // A Firefox content script can neither read nor assign adoptedStyleSheets through its Xray
    // wrapper; the rules are adopted through the page's array (utils/page/highlight-styles.ts).
    const rules = await page.evaluate(() => [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)));
    expect(rules.some((r) => r.startsWith('::highlight(tifa-saying)'))).toBe(true);
    // And they show: the phrase looks different with and without its highlight.
    const box = await page.evaluate(() => {
      const r = document.querySelector('p')!.getBoundingClientRect();
      return { x: Math.floor(r.left), y: Math.floor(r.top), width: Math.ceil(r.width), height: Math.ceil(r.height) };
    });
    const highlighted = await page.screenshot({ clip: box });
    await firefox.setStorage('highlightSettings', { enabled: true, disabledSites: ['127.0.0.1'] });
    await expect.poll(() => allHighlighted(page)).toEqual([]);
    const plain = await page.screenshot({ clip: box });
    expect(Buffer.compare(highlighted, plain)).not.toBe(0);
    await page.close();
  });
});

describe('a page that sabotages Array', () => {
  it('still gets the ::highlight() rules, though its own array methods throw', async () => {
    // In Firefox the rules go into the page's own adoptedStyleSheets array; changing it with the
    // page's (replaced) methods would fail.
    const page = await firefox.open('/sabotage.html');
    expect(await firstPass(page)).toBe(1);
    const rules = await page.evaluate(() =>
      Array.from(document.adoptedStyleSheets, (s) => Array.from(s.cssRules, (r) => r.cssText).join('\n')).join('\n'),
    );
    expect(rules).toContain('::highlight(tifa-saying)');
    expect(await allHighlighted(page)).toEqual(['最后一公里']);
    await page.close();
  });
});

describe('shadow roots', () => {
  it('highlights in an open shadow root the page attaches later to an element already there', async () => {
    const page = await firefox.open('/late-shadow.html');
    expect(await firstPass(page)).toBe(1);
    // A MutationObserver never sees attachShadow(): the page-world script (world: 'MAIN', which
    // Firefox runs in MV2 too) reports it to the content script.
    await page.evaluate(() => {
      document.getElementById('widget')!.attachShadow({ mode: 'open' }).innerHTML = '<p>影子里的民主集中制</p>';
    });
    await expect.poll(() => allHighlighted(page)).toEqual(['最后一公里', '民主集中制']);
    await page.close();
  });
});

describe('file:// pages', () => {
  // Firefox 140-152 run <all_urls> content scripts on file:// pages as they are; from 153 on the
  // reader must first allow "Access local files on your computer" in about:addons (like Chromium's
  // "Allow access to file URLs"). A file's hostname is '', which no per-site setting names.
  beforeAll(async () => {
    await firefox.allowFileAccess();
  });

  it.each([
    ['page.html', doc('<p>要解决好联系服务群众“最后一公里”问题，防止上有政策、下有对策。</p>')],
    [
      'no-charset.html',
      '<!doctype html><html lang="zh"><body><p>要解决好联系服务群众“最后一公里”问题，防止上有政策、下有对策。</p></body></html>',
    ],
    ['notes.txt', '要解决好联系服务群众“最后一公里”问题，防止上有政策、下有对策。'],
  ])('highlights a local %s', async (name, content) => {
    const path = join(fileDir, name);
    writeFileSync(path, content);
    const page = await firefox.open(pathToFileURL(path).href);
    expect(await firstPass(page)).toBe(3);
    expect(await allHighlighted(page)).toEqual(['上有政策、下有对策', '最后一公里', '联系服务群众']);
    await page.close();
  });
});

describe('the card', () => {
  // Firefox has no caretRangeFromPoint: hover is hit-tested with caretPositionFromPoint
  // (utils/page/hit-test.ts).
  it('opens on hover (caretPositionFromPoint) and Escape closes it', async () => {
    const page = await firefox.open('/card.html');
    expect(await firstPass(page)).toBe(2);
    const centre = (await centreOf(page, '最后一公里'))!;
    await page.mouse.move(centre.x, centre.y);
    await expect.poll(async () => (await cardOf(page))?.entry).toBe('zuihou-yigongli');
    const { text } = (await cardOf(page))!;
    expect(text).toContain('最後一公里');
    expect(text).toMatch(/zuìhòu/);
    expect(text).toContain('Once on this page');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOf(page)).toBeNull();
    await page.close();
  });

  // Firefox for Android runs this engine: a tap (touch pointer events, tap-tracker.ts) opens the
  // card, with previous and next buttons, as on a phone.
  it('opens on a tap, with previous and next buttons, and a tap beside the text closes it', async () => {
    const page = await firefox.open('/card.html');
    await firstPass(page);
    const centre = (await centreOf(page, '最后一公里'))!;
    await page.touchscreen.tap(centre.x, centre.y);
    const shown = () =>
      page.evaluate(() => {
        const dialog = document.querySelector('tifa-lens-card')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
        return dialog?.style.visibility === 'visible' ? [dialog.dataset.entry, dialog.querySelectorAll('nav button').length] : null;
      });
    await expect.poll(shown).toEqual(['zuihou-yigongli', 2]);
    await page.touchscreen.tap(2, 2);
    await expect.poll(shown).toBeNull();
    await page.close();
  });

  it('opens from the keyboard command on the next and previous phrase, with focus', async () => {
    const page = await firefox.open('/card.html');
    await firstPass(page);
    // What the keyboard commands send (the background relays Alt+Shift+N / P to the active tab).
    const navigate = (direction: 'next' | 'previous') => firefox.sendToTab(page, { type: 'navigate', direction });
    await navigate('next');
    await expect.poll(async () => (await cardOf(page))?.entry).toBe('zuihou-yigongli');
    expect((await cardOf(page))!.focused).toBe(true);
    await navigate('next');
    await expect.poll(async () => (await cardOf(page))?.entry).toBe('baxiang-guiding');
    await navigate('previous');
    await expect.poll(async () => (await cardOf(page))?.entry).toBe('zuihou-yigongli');
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOf(page)).toBeNull();
    await page.close();
  });
});
