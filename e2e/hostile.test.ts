/**
 * Hostile pages, in real Chromium with the built extension: a strict Content-Security-Policy with
 * Trusted Types, a page that empties or takes over CSS.highlights, closed shadow roots, cross-origin
 * frames, one 1 MB text node, vertical text, zoom, pages that redefine the DOM's own functions, and
 * a single-page app that swaps its article again and again.
 *
 * On every one: no errors (uncaught exceptions, console errors or warnings in any world — the
 * content script's isolated world too, which Playwright's own console event does not report), the
 * page's DOM and text as they are without the extension, and no highlight left on text that is gone.
 */
import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { firstPass, launchWithExtension, settle, type ExtensionBrowser } from './browser';
import { readHighlights } from './page-side';

let browser: ExtensionBrowser;
/** The same pages without the extension: what "unchanged" is compared with. */
let plain: ExtensionBrowser;

/** The harness serves TEST_ORIGIN only; these pages need headers of their own and a second origin. */
const HOSTILE = 'http://hostile.test';
const OTHER = 'http://other.test';

interface Fixture {
  body: string;
  headers?: Record<string, string>;
}
const FIXTURES = new Map<string, Fixture>();

function routeFixtures(context: BrowserContext): Promise<unknown> {
  return context.route(/^http:\/\/(hostile|other)\.test\//, (route) => {
    const url = new URL(route.request().url());
    const fixture = FIXTURES.get(url.origin + url.pathname);
    if (!fixture) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    return route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', ...fixture.headers },
      body: fixture.body,
    });
  });
}

const doc = (body: string, head = '') =>
  `<!doctype html><html lang="zh"><head>${head}<meta charset="utf-8"><title>t</title></head><body>${body}</body></html>`;

// ---------------------------------------------------------------------------------------------
// Watching a page for problems

/**
 * Records every problem in `target`: uncaught exceptions and console errors and warnings from any
 * execution context (the page's, the content script's isolated world, the page-world script), and
 * the browser's own error log (CSP refusals among them). Through CDP: Playwright drops console
 * messages from worlds it did not create.
 */
async function watchProblems(target: Page | Frame, problems: string[]): Promise<{ cdp: CDPSession; contentScriptContext: () => number }> {
  const cdp = await browser.context.newCDPSession(target);
  const contexts = new Map<number, string>();
  let contentScript = -1;
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    contexts.set(context.id, `${context.auxData?.type ?? '?'} ${context.name || context.origin}`);
    // The content script's world is named after the extension, and its origin is the extension's.
    if (context.auxData?.type === 'isolated' && context.origin.startsWith('chrome-extension://')) contentScript = context.id;
  });
  cdp.on('Runtime.consoleAPICalled', (event) => {
    if (event.type !== 'error' && event.type !== 'warning' && event.type !== 'assert') return;
    const text = event.args.map((a) => a.value ?? a.description ?? '').join(' ');
    problems.push(`console.${event.type} (${contexts.get(event.executionContextId) ?? 'unknown context'}): ${text}`);
  });
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const where = contexts.get(exceptionDetails.executionContextId ?? -1) ?? 'unknown context';
    problems.push(`exception (${where}): ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  });
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.level === 'error' || entry.level === 'warning')
      problems.push(`log ${entry.source} ${entry.level}: ${entry.text} ${entry.url ?? ''}`);
  });
  await cdp.send('Runtime.enable');
  await cdp.send('Log.enable');
  return { cdp, contentScriptContext: () => contentScript };
}

/**
 * Records Content-Security-Policy and Trusted Types violations, whoever caused them, and keeps the
 * DOM functions the test's own helpers use, before a page can redefine them.
 */
const TEST_HOOKS = `
  window.__pristine = {
    createRange: Document.prototype.createRange,
    getClientRects: Range.prototype.getClientRects,
    getBoundingClientRect: Range.prototype.getBoundingClientRect,
  };
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push([e.effectiveDirective, e.blockedURI, e.sourceFile, e.sample].join(' | '));
  }, true);
`;

interface Watched {
  page: Page;
  problems: string[];
  cdp: CDPSession;
  /** The content script's isolated world in the top frame. */
  contentScriptContext: () => number;
}

/** Opens `url` in a new tab, watched from before its first byte. */
async function openWatched(url: string, initScript = ''): Promise<Watched> {
  const page = await browser.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  const session = await watchProblems(page, problems);
  await page.addInitScript(TEST_HOOKS + initScript);
  await page.goto(url);
  return { page, problems, ...session };
}

const violations = (target: Page | Frame) => target.evaluate(() => (window as any).__violations as string[]);

/** Ranges in our highlights whose text has left the page. */
function staleRanges(target: Page | Frame): Promise<number> {
  return target.evaluate(() => {
    let stale = 0;
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('tifa')) continue;
      for (const r of highlight) if (!r.startContainer.isConnected || !r.endContainer.isConnected) stale++;
    }
    return stale;
  });
}

/** The DOM as markup and the text as rendered: neither may differ from the page without the extension. */
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
const snapshot = (target: Page | Frame) => target.evaluate(() => [document.documentElement.outerHTML, document.body.innerText]);
// biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
const bodySnapshot = (target: Page | Frame) => target.evaluate(() => [document.body.outerHTML, document.body.innerText]);

/** The same page in a browser without the extension, after `prepare` ran on it. */
async function withoutExtension<T>(url: string, read: (page: Page) => Promise<T>, prepare?: (page: Page) => Promise<void>): Promise<T> {
  const page = await plain.context.newPage();
  try {
    await page.goto(url);
    await prepare?.(page);
    return await read(page);
  } finally {
    await page.close();
  }
}

/**
 * Our highlighted texts, sorted (as allHighlighted in ./browser, but with the DOM functions kept
 * before the page could redefine them: the test must not be fooled by the page either).
 */
async function highlighted(target: Page | Frame): Promise<string[]> {
  return (await target.evaluate(readHighlights, { pristine: true })).map((h) => h.text).sort();
}

/** The rects of the first highlighted range whose text is `text`. */
async function highlightRects(target: Page | Frame, text: string) {
  const [found] = await target.evaluate(readHighlights, { text, geometry: true, pristine: true });
  return found ? { box: found.box!, lines: found.lines! } : null;
}

type Rect = { left: number; top: number; right: number; bottom: number };
type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Box) => a.left < b.x + b.width && b.x < a.right && a.top < b.y + b.height && b.y < a.bottom;
const centre = (r: Rect) => ({ x: (r.left + r.right) / 2, y: (r.top + r.bottom) / 2 });

/** Where the pointer must go, in the page's input coordinates, to be at client point `p` of the target. */
type ToInput = (p: { x: number; y: number }) => { x: number; y: number };

/**
 * Hovers the highlighted `text` and returns the card's box, in the target's client coordinates
 * (the card must open, on that entry).
 */
async function hoverCard(page: Page, text: string, entry: string, target: Page | Frame = page, toInput: ToInput = (p) => p) {
  const rects = (await highlightRects(target, text))!;
  expect(rects).not.toBeNull();
  const { x, y } = toInput(centre(rects.lines[0]));
  await page.mouse.move(x - 3, y);
  await page.mouse.move(x, y);
  const card = target.locator('tifa-lens-card [role="dialog"]');
  await card.waitFor({ state: 'visible', timeout: 5000 });
  expect(await card.getAttribute('data-entry')).toBe(entry);
  // The card's own stylesheet applied (a page's CSP could block a <style> element).
  expect(await card.evaluate((e) => getComputedStyle(e).position)).toBe('fixed');
  const box: Box = await card.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  return { card, box, rects };
}

/** Beside the phrase: touching it (within `gap` pixels) from below, above, left or right. */
function adjoins(phrase: Rect, box: Box, gap = 20): boolean {
  const gapY = Math.max(box.y - phrase.bottom, phrase.top - (box.y + box.height));
  const gapX = Math.max(box.x - phrase.right, phrase.left - (box.x + box.width));
  return (gapY >= 0 && gapY <= gap && gapX < 0) || (gapX >= 0 && gapX <= gap && gapY < 0);
}

async function closeCard(page: Page, target: Page | Frame = page) {
  await page.keyboard.press('Escape');
  await target.locator('tifa-lens-card [role="dialog"]').waitFor({ state: 'detached', timeout: 5000 });
}

function expectInViewport(box: Box, viewport: { width: number; height: number }) {
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
}

// ---------------------------------------------------------------------------------------------
// The pages

const PARAGRAPHS = '<p id="one">会议要求解决好最后一公里的事。</p><p id="two">各级干部要严以律己，落实八项规定。</p>';

// 1. Strict CSP and Trusted Types: no inline script or style of the page's own either.
FIXTURES.set(`${HOSTILE}/csp.html`, {
  body: doc(`<div>${PARAGRAPHS}</div>`),
  headers: {
    'content-security-policy': "default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
  },
});
FIXTURES.set(`${HOSTILE}/csp-meta.html`, {
  body: doc(
    PARAGRAPHS,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'">`,
  ),
});

// 2. A page that empties the shared highlight registry and registers highlights of its own.
FIXTURES.set(`${HOSTILE}/registry.html`, {
  body: doc(`${PARAGRAPHS}<p id="own">页面自己的高亮</p>
    <style>::highlight(page-own) { background: yellow; }</style>
    <script>
      const ownRange = () => { const r = new Range(); r.selectNodeContents(document.getElementById('own')); return r; };
      window.pageOwn = new Highlight(ownRange());
      window.clearAndOwn = () => { CSS.highlights.clear(); CSS.highlights.set('page-own', window.pageOwn); };
      window.takeOurName = () => { window.squatter = new Highlight(ownRange()); CSS.highlights.set('tifa-saying', window.squatter); };
      window.deleteOurs = () => { for (const name of [...CSS.highlights.keys()]) if (name.startsWith('tifa')) CSS.highlights.delete(name); };
      window.ownSheets = () => { const sheet = new CSSStyleSheet(); sheet.replaceSync('#own { color: blue; }'); document.adoptedStyleSheets = [sheet]; };
    </script>`),
});

// 3. Closed shadow roots beside and inside open ones.
FIXTURES.set(`${HOSTILE}/shadows.html`, {
  body: doc(`<p>页面里的党管干部</p><div id="closed-host"></div><div id="open-host"></div>
    <script>
      document.getElementById('closed-host').attachShadow({ mode: 'closed' }).innerHTML = '<p>封闭的把权力关进制度的笼子里</p><div id="open-in-closed"></div>';
      const open = document.getElementById('open-host').attachShadow({ mode: 'open' });
      open.innerHTML = '<p>开放的民主集中制</p><div id="closed-in-open"></div>';
      open.getElementById('closed-in-open').attachShadow({ mode: 'closed' }).innerHTML = '<p>里面封闭的八项规定</p>';
      window.later = () => {
        const host = document.createElement('div');
        const closed = host.attachShadow({ mode: 'closed' });
        closed.innerHTML = '<p>后来封闭的三严三实</p><div></div>';
        // An open root inside a closed one: unreachable from outside, so left alone too.
        closed.querySelector('div').attachShadow({ mode: 'open' }).innerHTML = '<p>封闭里开放的好人主义</p>';
        document.body.append(host);
        const openHost = document.createElement('div');
        openHost.attachShadow({ mode: 'open' }).innerHTML = '<p>后来开放的严以律己</p>';
        document.body.append(openHost);
      };
    </script>`),
});

// 4. Frames of another origin, and of ours again inside them.
FIXTURES.set(`${HOSTILE}/frames.html`, {
  body: doc(`<p>外层落实八项规定</p><iframe id="child" src="${OTHER}/child.html" style="width:600px;height:400px;border:0"></iframe>`),
});
FIXTURES.set(`${OTHER}/child.html`, {
  body: doc(`<p style="font-size:24px">跨源的民主集中制</p><iframe src="${HOSTILE}/grandchild.html"></iframe>`),
});
FIXTURES.set(`${HOSTILE}/grandchild.html`, { body: doc('<p>孙框架里的严以用权</p>') });

// 5. One text node of 1 MB, phrases throughout.
const BIG_PHRASES = ['最后一公里', '八项规定', '民主集中制', '严以律己', '党管干部'];
const FILLER = '今天的报道介绍了各地的情况，记者走访了许多村庄和工厂，听取了群众的意见和建议。';
const BIG_PARTS: string[] = [];
for (let i = 0, bytes = 0; bytes < 1024 * 1024; i++) {
  const part = `${FILLER}${FILLER}第${i}段${BIG_PHRASES[i % BIG_PHRASES.length]}。`;
  BIG_PARTS.push(part);
  bytes += Buffer.byteLength(part);
}
const BIG_TEXT = BIG_PARTS.join('');
/** Phrases put in (the filler may hold common vocabulary, which is not highlighted by default). */
const BIG_INSERTED = BIG_PARTS.length;
FIXTURES.set(`${HOSTILE}/big.html`, {
  // The parser splits long text into nodes of 64 K characters: normalize() joins them into one
  // before DOMContentLoaded, as a page that builds its text in script would have it.
  body: doc(
    `<div id="big" style="font-size:16px;line-height:1.5">${BIG_TEXT}</div><script>document.getElementById('big').normalize();</script>`,
  ),
});

// 6. Vertical text: right to left columns in the middle of the screen.
FIXTURES.set(`${HOSTILE}/vertical.html`, {
  body: doc(`<div id="v" style="writing-mode: vertical-rl; font-size: 24px; line-height: 1.6; height: 520px; margin: 60px 0 0 620px">
    <p>会议要求解决好最后一公里的事，干部要严以律己。</p><p>第二列落实八项规定，坚持民主集中制。</p></div>
    <div id="edge" style="writing-mode: vertical-rl; font-size: 24px; height: 300px; position: absolute; left: 4px; top: 60px"><p>左边的党管干部</p></div>`),
});

// 7. Zoom.
const ZOOM_BODY =
  '<div style="height:60px"></div><p style="font-size:16px;margin-left:40px">会议要求解决好最后一公里的事，落实八项规定。</p>';
FIXTURES.set(`${HOSTILE}/zoom-html.html`, { body: doc(ZOOM_BODY).replace('<html lang="zh">', '<html lang="zh" style="zoom: 2">') });
FIXTURES.set(`${HOSTILE}/zoom-body.html`, { body: doc(ZOOM_BODY).replace('<body>', '<body style="zoom: 2">') });
FIXTURES.set(`${HOSTILE}/zoom-plain.html`, { body: doc(ZOOM_BODY) });
// Pinch-zoomed about the middle of the screen: the phrase is there, and what is seen starts away from 0, 0.
FIXTURES.set(`${HOSTILE}/zoom-pinch.html`, {
  body: doc(
    '<div style="height:330px"></div><p style="font-size:16px;margin-left:520px">会议要求解决好最后一公里的事，落实八项规定。</p><div style="height:2000px"></div>',
  ),
});

// 8. A page that redefines the DOM's own functions: before anything else, and later.
const OVERRIDES_FIRST = `<script>
  window.__calls = [];
  Element.prototype.attachShadow = function () { window.__calls.push('attachShadow'); throw new Error('this page forbids shadow roots'); };
  Node.prototype.appendChild = function () { window.__calls.push('appendChild'); return 'junk'; };
  window.getSelection = function () { window.__calls.push('getSelection'); return 42; };
</script>`;
FIXTURES.set(`${HOSTILE}/overrides.html`, {
  body: doc(
    `${PARAGRAPHS}<div id="later"></div>
    <script>
      window.hostileLater = () => {
        const attach = Element.prototype.attachShadow;
        window.__restored = { attach };
        Node.prototype.insertBefore = function () { window.__calls.push('insertBefore'); throw new Error('no insertBefore here'); };
        Node.prototype.removeChild = function () { window.__calls.push('removeChild'); return null; };
        Document.prototype.createRange = function () { window.__calls.push('createRange'); return {}; };
        Document.prototype.caretPositionFromPoint = function () { window.__calls.push('caretPositionFromPoint'); return null; };
        Document.prototype.caretRangeFromPoint = function () { window.__calls.push('caretRangeFromPoint'); return null; };
        Range.prototype.getClientRects = function () { window.__calls.push('getClientRects'); return []; };
        EventTarget.prototype.dispatchEvent = function () { window.__calls.push('dispatchEvent'); throw new Error('no events here'); };
        window.CustomEvent = function () { window.__calls.push('CustomEvent'); throw new Error('no custom events'); };
        window.MutationObserver = function () { window.__calls.push('MutationObserver'); throw new Error('no observers'); };
        HighlightRegistry.prototype.set = function () { window.__calls.push('highlights.set'); return this; };
        window.getSelection = function () { window.__calls.push('getSelection 2'); throw new Error('no selection'); };
      };
    </script>`,
    OVERRIDES_FIRST,
  ),
});
// The same overrides after load, on a page that can still attach shadow roots (our reporter wraps them).
FIXTURES.set(`${HOSTILE}/overrides-late.html`, {
  body: doc(
    `${PARAGRAPHS}<div id="host"></div>
    <script>
      window.__calls = [];
      window.hostileLater = () => {
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init) { window.__calls.push('attachShadow'); return attach.call(this, init); };
        Node.prototype.appendChild = function () { window.__calls.push('appendChild'); throw new Error('no appendChild here'); };
        Node.prototype.insertBefore = function () { window.__calls.push('insertBefore'); throw new Error('no insertBefore here'); };
        EventTarget.prototype.dispatchEvent = function () { window.__calls.push('dispatchEvent'); throw new Error('no events here'); };
        window.CustomEvent = function () { window.__calls.push('CustomEvent'); throw new Error('no custom events'); };
        Document.prototype.createRange = function () { window.__calls.push('createRange'); return {}; };
        Range.prototype.getBoundingClientRect = function () { window.__calls.push('getBoundingClientRect'); return null; };
        window.getSelection = function () { window.__calls.push('getSelection'); return 'junk'; };
      };
      window.addContent = () => {
        const p = document.createElement('p');
        p.textContent = '后来加的民主集中制';
        document.body.append(p);
        const root = document.getElementById('host').attachShadow({ mode: 'open' });
        root.innerHTML = '<p>影子里的党管干部</p>';
      };
    </script>`,
  ),
});

// 9. A single-page app: the article is swapped, and the address pushed, 20 times.
const SPA_PHRASES = [
  '最后一公里',
  '上有政策、下有对策',
  '八项规定',
  '民主集中制',
  '严以律己',
  '党管干部',
  '把权力关进制度的笼子里',
  '三严三实',
  '好人主义',
  '门难进、脸难看、事难办',
];
/** Article `i`: a few phrases, some twice, each in a paragraph of its own. */
function spaArticle(i: number): { paragraphs: string[]; phrases: string[] } {
  const paragraphs = [`第${i + 1}篇文章的导语，没有提法。`];
  const phrases: string[] = [];
  for (let k = 0; k < (i % 4) + 1; k++) {
    const phrase = SPA_PHRASES[(i * 3 + k) % SPA_PHRASES.length];
    const times = (i + k) % 3 === 0 ? 2 : 1;
    paragraphs.push(`第${k + 1}段：${Array.from({ length: times }, () => `要做到${phrase}`).join('，还')}。`);
    for (let t = 0; t < times; t++) phrases.push(phrase);
  }
  return { paragraphs, phrases };
}
const SPA_SWAPS = 20;
const SPA_ARTICLES = Array.from({ length: SPA_SWAPS + 1 }, (_, i) => spaArticle(i));
FIXTURES.set(`${HOSTILE}/spa/0`, {
  body: doc(`<nav>首页 · 新闻 · 评论</nav><article id="article">${SPA_ARTICLES[0].paragraphs.map((p) => `<p>${p}</p>`).join('')}</article>
    <script>
      const ARTICLES = ${JSON.stringify(SPA_ARTICLES.map((a) => a.paragraphs))};
      const paragraphs = (i) => ARTICLES[i].map((t) => Object.assign(document.createElement('p'), { textContent: t }));
      window.swap = (i) => {
        const article = document.getElementById('article');
        if (i % 3 === 0) {
          // A whole new article element.
          const fresh = document.createElement('article');
          fresh.id = 'article';
          fresh.append(...paragraphs(i));
          article.replaceWith(fresh);
        } else if (i % 3 === 1) {
          article.replaceChildren(...paragraphs(i));
        } else {
          // Like a framework reusing its elements: the text of each paragraph rewritten in place.
          const old = [...article.children];
          ARTICLES[i].forEach((t, k) => {
            if (old[k]) old[k].firstChild.data = t;
            else article.append(Object.assign(document.createElement('p'), { textContent: t }));
          });
          for (const extra of old.slice(ARTICLES[i].length)) extra.remove();
        }
        document.title = '第' + (i + 1) + '篇';
        history.pushState({ i }, '', '/spa/' + i);
      };
    </script>`),
});

beforeAll(async () => {
  [browser, plain] = await Promise.all([launchWithExtension(), launchWithExtension({ extension: false })]);
  await routeFixtures(browser.context);
  await routeFixtures(plain.context);
});
afterEach(async () => {
  await browser.resetStorage();
  for (const page of browser.context.pages()) await page.close();
});
afterAll(async () => {
  await Promise.all([browser?.close(), plain?.close()]);
});

/** The checks every fixture ends with. */
async function expectClean({ page, problems }: Watched, frames: (Page | Frame)[] = [page]) {
  for (const target of frames) {
    expect(await staleRanges(target)).toBe(0);
    expect(await violations(target)).toEqual([]);
  }
  expect(problems).toEqual([]);
}

// ---------------------------------------------------------------------------------------------

describe('a strict Content-Security-Policy with Trusted Types', () => {
  it.each(['csp.html', 'csp-meta.html'])('%s: highlights, opens the card, causes no violation', async (path) => {
    const watched = await openWatched(`${HOSTILE}/${path}`);
    const { page } = watched;
    expect(await firstPass(page)).toBe(3);
    expect(await highlighted(page)).toEqual(['严以律己', '八项规定', '最后一公里'].sort());
    expect(await snapshot(page)).toEqual(await withoutExtension(`${HOSTILE}/${path}`, snapshot));
    const { box, rects } = await hoverCard(page, '最后一公里', 'zuihou-yigongli');
    expect(overlaps(rects.lines[0], box)).toBe(false);
    expectInViewport(box, page.viewportSize()!);
    expect(await page.locator('tifa-lens-card [role="dialog"]').textContent()).toContain('最後一公里');
    expect(await bodySnapshot(page)).toEqual(await withoutExtension(`${HOSTILE}/${path}`, bodySnapshot));
    await expectClean(watched);
    // The recorders would have caught a violation, and a warning from the content script's world.
    await page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'http://blocked.test/x.png';
      document.body.append(img);
      img.remove();
    });
    await expect.poll(() => violations(page)).toEqual([expect.stringMatching(/^img-src \| http:\/\/blocked\.test/)]);
    await watched.cdp.send('Runtime.evaluate', {
      expression: "console.warn('Tifa Lens — a test warning from the content script world')",
      contextId: watched.contentScriptContext(),
    });
    await expect.poll(() => watched.problems.some((p) => p.includes('isolated') && p.includes('a test warning'))).toBe(true);
  });
});

/** Our highlights: name → how many ranges. */
const ours = (page: Page) =>
  page.evaluate(() => Object.fromEntries([...CSS.highlights].filter(([n]) => n.startsWith('tifa')).map(([n, h]) => [n, h.size])));

describe('a page that takes over CSS.highlights', () => {
  it('gets ours back after CSS.highlights.clear(), and theirs stay', async () => {
    const watched = await openWatched(`${HOSTILE}/registry.html`);
    const { page } = watched;
    await firstPass(page);
    const before = await ours(page);
    expect(Object.keys(before).length).toBeGreaterThan(0);
    // Timed in the page: from the page's clear() to the first moment ours are back.
    const took = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          (window as any).clearAndOwn();
          const poll = setInterval(() => {
            if (![...CSS.highlights.keys()].some((n) => n.startsWith('tifa'))) return;
            clearInterval(poll);
            resolve(performance.now() - start);
          }, 5);
        }),
    );
    await expect.poll(() => ours(page), { timeout: 5000, interval: 20 }).toEqual(before);
    expect(await highlighted(page)).toEqual(['严以律己', '八项规定', '最后一公里'].sort());
    expect(await page.evaluate(() => CSS.highlights.get('page-own') === (window as any).pageOwn)).toBe(true);
    // Only the names that were ours: the page's own stays registered through our restoring.
    expect(await page.evaluate(() => [...CSS.highlights.keys()].filter((n) => !n.startsWith('tifa')))).toEqual(['page-own']);
    console.log(`highlights restored ${took.toFixed(0)} ms after CSS.highlights.clear()`);
    // The guard looks every 250 ms; a second's wait showed the page without highlights for as long.
    expect(took).toBeLessThan(750);
    expect(await snapshot(page)).toEqual(
      await withoutExtension(`${HOSTILE}/registry.html`, snapshot, (p) => p.evaluate(() => (window as any).clearAndOwn())),
    );
    await expectClean(watched);
  });

  it('takes its own name back from a page highlight registered under it, and after deletes', async () => {
    const watched = await openWatched(`${HOSTILE}/registry.html`);
    const { page } = watched;
    await firstPass(page);
    const before = await ours(page);
    expect(before['tifa-saying']).toBe(1);
    await page.evaluate(() => (window as any).takeOurName());
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('tifa-saying') !== (window as any).squatter), { timeout: 5000, interval: 20 })
      .toBe(true);
    expect(await ours(page)).toEqual(before);
    await page.evaluate(() => (window as any).deleteOurs());
    await expect.poll(() => ours(page), { timeout: 5000, interval: 20 }).toEqual(before);
    // New highlights after all this are registered where they belong.
    await settle(page);
    expect(await highlighted(page)).toEqual(['严以律己', '八项规定', '最后一公里'].sort());
    await hoverCard(page, '八项规定', 'baxiang-guiding');
    await expectClean(watched);
  });

  it('keeps our highlight rules when the page assigns its own adoptedStyleSheets', async () => {
    const watched = await openWatched(`${HOSTILE}/registry.html`);
    const { page } = watched;
    await firstPass(page);
    const rules = () =>
      page.evaluate(() =>
        document.adoptedStyleSheets.map((sheet) =>
          [...sheet.cssRules].some((r) => r.cssText.includes('::highlight(tifa')) ? 'ours' : 'theirs',
        ),
      );
    expect(await rules()).toEqual(['ours']);
    await page.evaluate(() => (window as any).ownSheets());
    await expect.poll(rules, { timeout: 5000, interval: 20 }).toEqual(['theirs', 'ours']);
    // Drawn in our colours again (the rule reaches the highlighted text).
    const colour = await page.evaluate(() => getComputedStyle(document.getElementById('one')!, '::highlight(tifa-saying)').backgroundColor);
    expect(colour).not.toBe('rgba(0, 0, 0, 0)');
    await expectClean(watched);
  });
});

describe('closed shadow roots', () => {
  it('reads open roots, leaves closed ones (and open ones inside them) alone, without errors', async () => {
    const watched = await openWatched(`${HOSTILE}/shadows.html`);
    const { page } = watched;
    await firstPass(page);
    expect(await highlighted(page)).toEqual(['党管干部', '民主集中制'].sort());
    await page.evaluate(() => (window as any).later());
    await expect.poll(() => highlighted(page)).toEqual(['严以律己', '党管干部', '民主集中制'].sort());
    await settle(page);
    expect(await highlighted(page)).toEqual(['严以律己', '党管干部', '民主集中制'].sort());
    expect(await snapshot(page)).toEqual(
      await withoutExtension(`${HOSTILE}/shadows.html`, snapshot, (p) => p.evaluate(() => (window as any).later())),
    );
    // Hovering closed text is harmless; hovering the open root's phrase opens its card.
    const closedBox = (await page.locator('#closed-host').boundingBox())!;
    await page.mouse.move(closedBox.x + 40, closedBox.y + closedBox.height / 2);
    await hoverCard(page, '民主集中制', 'minzhu-jizhongzhi');
    await expectClean(watched);
  });
});

describe('cross-origin frames', () => {
  it('highlights each frame on its own, and the card opens in the frame', async () => {
    const watched = await openWatched(`${HOSTILE}/frames.html`);
    const { page } = watched;
    await firstPass(page);
    // Each frame under another-origin parent is a process (a target) of its own: its errors are
    // watched through a session of its own, from a fresh load of the frame.
    const child = page.frame({ url: `${OTHER}/child.html` })!;
    await watchProblems(child, watched.problems);
    await child.goto(`${OTHER}/child.html`);
    const grandchild = child.childFrames()[0];
    await grandchild.waitForURL(`${HOSTILE}/grandchild.html`);
    await watchProblems(grandchild, watched.problems);
    await grandchild.goto(`${HOSTILE}/grandchild.html`);
    await firstPass(child);
    await firstPass(grandchild);
    expect(await highlighted(page)).toEqual(['八项规定']);
    expect(await highlighted(child)).toEqual(['民主集中制']);
    expect(await highlighted(grandchild)).toEqual(['严以用权']);
    for (const frame of [page, child, grandchild]) {
      const url = frame.url();
      expect(await snapshot(frame)).toEqual(await withoutExtension(url, snapshot));
    }
    const frameBox = (await page.locator('#child').boundingBox())!;
    const { box, rects } = await hoverCard(page, '民主集中制', 'minzhu-jizhongzhi', child, (p) => ({
      x: frameBox.x + p.x,
      y: frameBox.y + p.y,
    }));
    expect(overlaps(rects.lines[0], box)).toBe(false);
    await expectClean(watched, [page, child, grandchild]);
  });
});

describe('one text node of 1 MB', () => {
  it('highlights near the viewport without a long freeze, and the end when scrolled to', async () => {
    const watched = await openWatched(
      `${HOSTILE}/big.html`,
      `window.__frames = [];
       new PerformanceObserver((list) => {
         for (const e of list.getEntries()) window.__frames.push({
           start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
           script: e.scripts.reduce((t, s) => t + s.duration, 0),
         });
       }).observe({ type: 'long-animation-frame', buffered: true });`,
    );
    const { page } = watched;
    expect(await page.evaluate(() => document.getElementById('big')!.childNodes.length)).toBe(1);
    const count = await firstPass(page);
    expect(count).toBeGreaterThanOrEqual(BIG_INSERTED);
    const timing = await page.evaluate(() => ({
      firstPass: performance.getEntriesByName('tifa-first-pass')[0].duration,
      visible: performance.getEntriesByName('tifa-visible')[0].duration,
    }));
    // Near the viewport only: every registered range within a screen of it, and some on it.
    const near = async () => ({
      tops: (await page.evaluate(readHighlights, { geometry: true })).map((h) => h.box!.top),
      height: await page.evaluate(() => innerHeight),
    });
    await expect.poll(async () => (await near()).tops.some((t) => t >= 0 && t < 720)).toBe(true);
    const first = await near();
    expect(first.tops.length).toBeLessThan(count);
    for (const top of first.tops) expect(Math.abs(top - first.height / 2)).toBeLessThan(2.6 * first.height);

    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect
      .poll(async () => {
        const { tops, height } = await near();
        return tops.length > 0 && tops.some((t) => t >= 0 && t < height) && tops.every((t) => t > -2 * height);
      })
      .toBe(true);
    const end = (await highlightRects(page, BIG_PHRASES[(BIG_INSERTED - 1) % BIG_PHRASES.length]))!;
    expect(end).not.toBeNull();

    // Long animation frames (over 50 ms) of the whole load, page and extension together: a freeze
    // would be seconds. Chromium does not attribute a content script's work to a frame's scripts,
    // so the bound is on the frame; the layout of 1 MB of text is most of it.
    const frames = await page.evaluate(() => (window as any).__frames as { duration: number; script: number }[]);
    const longest = Math.max(0, ...frames.map((f) => f.duration));
    console.log(
      `1 MB node: ${count} matches, first pass ${timing.firstPass.toFixed(0)} ms, first visible ${timing.visible.toFixed(0)} ms; ` +
        `${frames.length} long frames, longest ${longest.toFixed(0)} ms (scripts in it ${Math.max(0, ...frames.map((f) => f.script)).toFixed(0)} ms)`,
    );
    expect(longest).toBeLessThan(1000);
    expect(timing.visible).toBeLessThan(5000);
    const digest = (p: Page) =>
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what is compared
      p.evaluate(() => [document.documentElement.outerHTML.length, document.body.innerText]);
    expect(await digest(page)).toEqual(await withoutExtension(`${HOSTILE}/big.html`, digest));
    await expectClean(watched);
  });
});

describe('vertical text', () => {
  it('highlights the right characters and opens the card beside the phrase, inside the viewport', async () => {
    const watched = await openWatched(`${HOSTILE}/vertical.html`);
    const { page } = watched;
    expect(await firstPass(page)).toBe(5);
    for (const phrase of ['最后一公里', '严以律己', '八项规定', '民主集中制', '党管干部']) {
      const highlighted = (await highlightRects(page, phrase))!;
      // The same rect as the characters themselves, found in the page's text.
      const expected = await page.evaluate((t) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
          const at = n.data.indexOf(t);
          if (at < 0) continue;
          const r = document.createRange();
          r.setStart(n, at);
          r.setEnd(n, at + t.length);
          const b = r.getBoundingClientRect();
          return { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
        }
        return null;
      }, phrase);
      expect(highlighted.box).toEqual(expected);
      // Upright in a column: taller than wide.
      expect(highlighted.box.bottom - highlighted.box.top).toBeGreaterThan(highlighted.box.right - highlighted.box.left);
    }
    const viewport = page.viewportSize()!;
    for (const [phrase, entry] of [
      ['最后一公里', 'zuihou-yigongli'],
      ['民主集中制', 'minzhu-jizhongzhi'],
      ['党管干部', 'dang-guan-ganbu'],
    ]) {
      const { box, rects } = await hoverCard(page, phrase, entry);
      const phraseBox = rects.box;
      expect(overlaps(phraseBox, box)).toBe(false);
      // Beside the column, not over the text that follows in it.
      expect(box.x + box.width <= phraseBox.left || box.x >= phraseBox.right).toBe(true);
      expect(adjoins(phraseBox, box)).toBe(true);
      expectInViewport(box, viewport);
      await closeCard(page);
    }
    expect(await bodySnapshot(page)).toEqual(await withoutExtension(`${HOSTILE}/vertical.html`, bodySnapshot));
    await expectClean(watched);
  });
});

describe('zoom at 200%', () => {
  /** Hovers two phrases: each card opens on its phrase, beside it, inside what is seen. */
  async function checkCards(page: Page, seen: () => Promise<Box>, toInput?: ToInput) {
    for (const [phrase, entry] of [
      ['最后一公里', 'zuihou-yigongli'],
      ['八项规定', 'baxiang-guiding'],
    ]) {
      const { box, rects } = await hoverCard(page, phrase, entry, page, toInput);
      expect(overlaps(rects.lines[0], box)).toBe(false);
      expect(adjoins(rects.lines[0], box)).toBe(true);
      // At its own size, whatever the page's zoom (the card is 360 px wide at most).
      expect(box.width).toBeLessThanOrEqual(361);
      const view = await seen();
      expect(box.x).toBeGreaterThanOrEqual(view.x);
      expect(box.y).toBeGreaterThanOrEqual(view.y);
      expect(box.x + box.width).toBeLessThanOrEqual(view.x + view.width + 0.5);
      expect(box.y + box.height).toBeLessThanOrEqual(view.y + view.height + 0.5);
      await closeCard(page);
    }
  }
  const layoutViewport = (page: Page) => async () => ({ x: 0, y: 0, ...page.viewportSize()! });

  it.each(['zoom-html.html', 'zoom-body.html'])('%s (CSS zoom: 2): hovering opens the card beside the phrase', async (path) => {
    const watched = await openWatched(`${HOSTILE}/${path}`);
    const { page } = watched;
    await firstPass(page);
    const rects = (await highlightRects(page, '最后一公里'))!;
    // Zoomed for real: 16 px text is 32 px on screen.
    expect(rects.lines[0].bottom - rects.lines[0].top).toBeGreaterThan(30);
    expect(await snapshot(page)).toEqual(await withoutExtension(`${HOSTILE}/${path}`, snapshot));
    await checkCards(page, layoutViewport(page));
    await expectClean(watched);
  });

  it('the browser’s zoom at 200%: hovering opens the card beside the phrase', async () => {
    const watched = await openWatched(`${HOSTILE}/zoom-plain.html`);
    const { page } = watched;
    await firstPass(page);
    // As the browser zooms: device pixels per CSS pixel doubled, the layout viewport halved.
    const cdp = await browser.context.newCDPSession(page);
    const size = page.viewportSize()!;
    await cdp.send('Emulation.setDeviceMetricsOverride', {
      width: size.width / 2,
      height: size.height / 2,
      deviceScaleFactor: 2,
      mobile: false,
    });
    await expect.poll(() => page.evaluate(() => devicePixelRatio)).toBe(2);
    await checkCards(page, async () => ({ x: 0, y: 0, width: size.width / 2, height: size.height / 2 }));
    await cdp.send('Emulation.clearDeviceMetricsOverride');
    await expectClean(watched);
  });

  it('pinch zoom at 200%: hovering opens the card beside the phrase, inside the part that is seen', async () => {
    const watched = await openWatched(`${HOSTILE}/zoom-pinch.html`);
    const { page } = watched;
    await firstPass(page);
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Input.synthesizePinchGesture', { x: 640, y: 360, scaleFactor: 2, gestureSourceType: 'mouse' });
    const visual = () =>
      page.evaluate(() => ({
        x: visualViewport!.offsetLeft,
        y: visualViewport!.offsetTop,
        width: visualViewport!.width,
        height: visualViewport!.height,
      }));
    await expect.poll(() => page.evaluate(() => Math.round(visualViewport!.scale))).toBe(2);
    expect((await visual()).x).toBeGreaterThan(0);
    // How pointer input maps to client coordinates while pinch-zoomed (it differs between real
    // input and CDP's): measured from two probes, then inverted.
    await page.evaluate(() => {
      document.addEventListener('mousemove', (e) => ((window as any).__pointer = [e.clientX, e.clientY]), true);
    });
    const probe = async (x: number, y: number) => {
      await page.mouse.move(x, y);
      await expect.poll(() => page.evaluate(() => (window as any).__pointer)).toBeTruthy();
      return page.evaluate(() => {
        const p = (window as any).__pointer as [number, number];
        (window as any).__pointer = undefined;
        return p;
      });
    };
    const [ax, ay] = await probe(100, 100);
    const [bx, by] = await probe(300, 200);
    const scaleX = (bx - ax) / 200;
    const scaleY = (by - ay) / 100;
    const toInput: ToInput = (p) => ({ x: 100 + (p.x - ax) / scaleX, y: 100 + (p.y - ay) / scaleY });
    await checkCards(page, visual, toInput);
    await expectClean(watched);
  });
});

describe('a page that redefines the DOM’s own functions', () => {
  it('before the content script runs: highlights, opens the card, leaves the overrides as the page made them', async () => {
    const watched = await openWatched(`${HOSTILE}/overrides.html`);
    const { page } = watched;
    await firstPass(page);
    expect(await highlighted(page)).toEqual(['严以律己', '八项规定', '最后一公里'].sort());
    await hoverCard(page, '最后一公里', 'zuihou-yigongli');
    // We never called the page's versions.
    expect(await page.evaluate(() => (window as any).__calls)).toEqual([]);
    // ... and they still behave as the page defined them.
    expect(
      await page.evaluate(() => {
        const out: unknown[] = [];
        try {
          document.createElement('div').attachShadow({ mode: 'open' });
          out.push('attached');
        } catch (e) {
          out.push((e as Error).message);
        }
        out.push(document.body.appendChild(document.createElement('i')), getSelection());
        return out;
      }),
    ).toEqual(['this page forbids shadow roots', 'junk', 42]);
    expect(await page.evaluate(() => (window as any).__calls)).toEqual(['attachShadow', 'appendChild', 'getSelection']);

    // And when it breaks more of them later on.
    await page.evaluate(() => (window as any).hostileLater());
    await page.mouse.move(1, 1);
    await page.locator('tifa-lens-card [role="dialog"]').waitFor({ state: 'detached', timeout: 5000 });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '后来加的民主集中制';
      document.body.append(p);
    });
    await expect.poll(() => highlighted(page)).toEqual(['严以律己', '八项规定', '最后一公里', '民主集中制'].sort());
    await hoverCard(page, '民主集中制', 'minzhu-jizhongzhi');
    expect(await page.evaluate(() => (window as any).__calls)).toEqual(['attachShadow', 'appendChild', 'getSelection']);
    await expectClean(watched);
  });

  it('after load: still highlights new content and new shadow roots, and the overrides stay the page’s', async () => {
    const watched = await openWatched(`${HOSTILE}/overrides-late.html`);
    const { page } = watched;
    await firstPass(page);
    await page.evaluate(() => (window as any).hostileLater());
    await page.evaluate(() => (window as any).addContent());
    await expect.poll(() => highlighted(page)).toEqual(['严以律己', '八项规定', '最后一公里', '民主集中制', '党管干部'].sort());
    // Only the page's own call went through its overrides (attachShadow, from addContent).
    expect(await page.evaluate(() => (window as any).__calls)).toEqual(['attachShadow']);
    await hoverCard(page, '党管干部', 'dang-guan-ganbu');
    await closeCard(page);
    await hoverCard(page, '最后一公里', 'zuihou-yigongli');
    expect(await page.evaluate(() => (window as any).__calls)).toEqual(['attachShadow']);
    expect(
      await page.evaluate(() => {
        const out: unknown[] = [];
        for (const call of [
          () => document.body.appendChild(document.createElement('i')),
          () => document.body.dispatchEvent(new Event('x')),
          () => getSelection(),
        ]) {
          try {
            out.push(call());
          } catch (e) {
            out.push((e as Error).message);
          }
        }
        return out;
      }),
    ).toEqual(['no appendChild here', 'no events here', 'junk']);
    await expectClean(watched);
  });
});

describe('a single-page app that swaps its article', () => {
  it(`highlights each of ${SPA_SWAPS} articles, drops the old ones, and the popup counts the current one`, async () => {
    const watched = await openWatched(`${HOSTILE}/spa/0`);
    const { page } = watched;
    await firstPass(page);
    const tabId = await browser.tabIdOf(page);
    const check = async (i: number) => {
      const expected = [...SPA_ARTICLES[i].phrases].sort();
      await expect.poll(() => highlighted(page)).toEqual(expected);
      expect(await staleRanges(page)).toBe(0);
      const popup = await browser.extensionPage(`popup.html?tabId=${tabId}`);
      const distinct = new Set(expected).size;
      const title = `${distinct} ${distinct === 1 ? 'phrase' : 'phrases'}, ${expected.length} ${expected.length === 1 ? 'occurrence' : 'occurrences'}`;
      await expect.poll(() => popup.locator('#on-page-title').textContent()).toBe(title);
      await popup.close();
    };
    await check(0);
    for (let i = 1; i <= SPA_SWAPS; i++) {
      await page.evaluate((n) => (window as any).swap(n), i);
      expect(new URL(page.url()).pathname).toBe(`/spa/${i}`);
      await check(i);
    }
    await settle(page);
    expect(await staleRanges(page)).toBe(0);
    const swapAll = async (p: Page) => {
      for (let i = 1; i <= SPA_SWAPS; i++) await p.evaluate((n) => (window as any).swap(n), i);
    };
    expect(await snapshot(page)).toEqual(await withoutExtension(`${HOSTILE}/spa/0`, snapshot, swapAll));
    await expectClean(watched);
  });
});
