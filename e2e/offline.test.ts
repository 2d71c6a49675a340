/**
 * Nothing leaves the machine: every request the extension's own contexts make during a full run —
 * the service worker, the offscreen document, the popup and the other extension pages, and the
 * content script in a web page — goes to the extension's own chrome-extension:// files, and a web
 * page sees no request beyond its own.
 *
 * Recorded three ways: Playwright's context 'request' event (pages, extension pages, the service
 * worker); CDP's Network domain in the offscreen document, which Playwright does not attach to (a
 * session through the browser's target domain, reloaded once attached so that its load is seen
 * from the first byte); and, before the run, one request made on purpose from each kind of context
 * proves the recorder sees it.
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FURNITURE_PAGE } from '../test-support/furniture-page';
import { centreOfBox } from '../test-support/highlights';
import { choose, firstPass, launchWithExtension, TEST_ORIGIN, type ExtensionBrowser } from './browser';
import { readHighlights } from './page-side';

let browser: ExtensionBrowser;

interface Recorded {
  /** Who made it: 'service worker', 'offscreen', 'navigation', or the URL of the page or frame. */
  from: string;
  url: string;
}
const recorded: Recorded[] = [];

/** A request made on purpose, to prove the recorder catches one: never sent (port 1 is refused). */
const PROBE = 'http://127.0.0.1:1/';

beforeAll(async () => {
  browser = await launchWithExtension();
  await browser.serve('/article.html', FURNITURE_PAGE);
  browser.context.on('request', (request) => {
    let from = 'unknown';
    if (request.serviceWorker()) from = 'service worker';
    else if (request.isNavigationRequest()) from = 'navigation';
    else
      try {
        from = request.frame().url() || request.frame().page().url();
      } catch {
        // A request of a frame already gone: its URL says enough.
      }
    recorded.push({ from, url: request.url() });
  });
  // WebSockets are not requests to Playwright: each page's are recorded too.
  browser.context.on('page', (page) => page.on('websocket', (socket) => recorded.push({ from: page.url(), url: socket.url() })));
});
afterAll(async () => {
  await browser?.close();
});

/**
 * Follows the offscreen document: Playwright attaches to pages and service workers only, so the
 * document (a "background_page" target) is reached through the browser's target domain from a
 * page's session, in the protocol's non-flat mode (messages wrapped in Target.* commands and events).
 */
class OffscreenRecorder {
  private session: string | undefined;
  private nextId = 1;
  private readonly replies = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();
  private loaded: (() => void) | undefined;

  constructor(
    private readonly cdp: CDPSession,
    private readonly extensionUrl: string,
  ) {
    cdp.on('Target.targetInfoChanged', ({ targetInfo }) => void this.consider(targetInfo));
    cdp.on('Target.targetCreated', ({ targetInfo }) => void this.consider(targetInfo));
    cdp.on('Target.detachedFromTarget', ({ sessionId }) => {
      if (sessionId === this.session) this.session = undefined;
    });
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      if (sessionId !== this.session) return;
      const m = JSON.parse(message);
      if (m.id !== undefined) this.replies.get(m.id)?.(m);
      else if (m.method === 'Network.requestWillBeSent') recorded.push({ from: 'offscreen', url: m.params.request.url });
      else if (m.method === 'Network.webSocketCreated') recorded.push({ from: 'offscreen', url: m.params.url });
      else if (m.method === 'Page.loadEventFired') this.loaded?.();
    });
  }

  static async start(cdp: CDPSession, extensionUrl: string): Promise<OffscreenRecorder> {
    const recorder = new OffscreenRecorder(cdp, extensionUrl);
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    return recorder;
  }

  get attached(): boolean {
    return this.session !== undefined;
  }

  private attaching: Promise<void> | undefined;
  private async consider(target: { targetId: string; type: string; url: string }) {
    if (target.type !== 'background_page' || !target.url.startsWith(this.extensionUrl) || this.session || this.attaching) return;
    this.attaching = (async () => {
      const { sessionId } = await this.cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
      this.session = sessionId;
      await this.send('Network.enable');
      await this.send('Page.enable');
    })().finally(() => {
      this.attaching = undefined;
    });
  }

  send(method: string, params: object = {}): Promise<any> {
    const session = this.session;
    if (!session) throw new Error('the offscreen document is not attached');
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.replies.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result)));
      void this.cdp.send('Target.sendMessageToTarget', { sessionId: session, message: JSON.stringify({ id, method, params }) });
    });
  }

  /** Reloads the document with the recorder on: its whole load is then recorded. */
  async reload(): Promise<void> {
    const loaded = new Promise<void>((resolve) => (this.loaded = resolve));
    await this.send('Page.reload');
    await loaded;
  }
}

async function popupOn(tabId: number, tab?: string): Promise<Page> {
  const popup = await browser.extensionPage(`popup.html?tabId=${tabId}`);
  if (tab) await popup.getByRole('tab', { name: tab }).click();
  return popup;
}

/** What may be asked for: our own files; blob: and data: URLs never leave the browser. */
function isLocal(url: string, from: string): boolean {
  const own = `chrome-extension://${browser.extensionId}/`;
  if (url.startsWith(own) || url.startsWith(`blob:${own}`) || url.startsWith('data:')) return true;
  // The test opens the web page; the page asks for nothing else (it has nothing else).
  return from === 'navigation' && url === `${TEST_ORIGIN}/article.html`;
}

describe('nothing leaves the machine', () => {
  it('during a full run, the extension asks only for its own files', async () => {
    const extensionUrl = `chrome-extension://${browser.extensionId}/`;
    const observer = await browser.context.newPage();
    const offscreen = await OffscreenRecorder.start(await browser.context.newCDPSession(observer), extensionUrl);

    const page = await browser.open('/article.html');
    expect(await firstPass(page)).toBeGreaterThan(5);
    const tabId = await browser.tabIdOf(page);

    // --- The recorder sees a request from each kind of context (then they are set aside).
    const probes: Record<string, () => Promise<unknown>> = {
      'service worker': () => browser.inWorker((url) => fetch(url).catch(() => 'refused'), `${PROBE}service-worker`),
      'extension page': async () => {
        const popup = await popupOn(tabId);
        await popup.evaluate((url) => fetch(url).catch(() => 'refused'), `${PROBE}extension-page`);
        await popup.close();
      },
      'content script': async () => {
        // In the content script's own world of the page, found by its name.
        const cdp = await browser.context.newCDPSession(page);
        const contexts: { id: number; name: string }[] = [];
        cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push({ id: context.id, name: context.origin }));
        await cdp.send('Runtime.enable');
        const world = contexts.find((c) => c.name === extensionUrl.slice(0, -1));
        expect(world).toBeDefined();
        await cdp.send('Runtime.evaluate', {
          expression: `fetch(${JSON.stringify(`${PROBE}content-script`)}).catch(() => 'refused')`,
          contextId: world!.id,
          awaitPromise: true,
        });
        await cdp.detach();
      },
    };
    for (const [name, probe] of Object.entries(probes)) {
      await probe();
      await expect.poll(() => recorded.some((r) => r.url.startsWith(PROBE)), { message: `a probe from the ${name}` }).toBe(true);
      recorded.splice(0, recorded.length, ...recorded.filter((r) => !r.url.startsWith(PROBE)));
    }

    // --- Highlights, and the card by hover.
    const [onScreen] = await page.evaluate(readHighlights, { onScreen: true });
    const rect = onScreen?.box ? centreOfBox(onScreen.box) : null;
    expect(rect).not.toBeNull();
    await page.mouse.move(rect!.x - 3, rect!.y);
    await page.mouse.move(rect!.x, rect!.y);
    const card = page.locator('tifa-lens-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 5000 });
    await page.keyboard.press('Escape');

    // --- The popup: the page's phrases, and lookup.
    const popup = await popupOn(tabId);
    await expect.poll(() => popup.locator('#on-page-title').textContent()).toMatch(/phrases?, \d+ occurrences?/);
    await popup.getByRole('tab', { name: 'Look up' }).click();
    const box = popup.getByRole('searchbox', { name: 'Look up' });
    for (const query of ['最後一公裡', 'zuihou', 'last kilometre']) {
      await box.fill(query);
      await expect.poll(() => popup.locator('.results li').first().textContent()).toContain('最后一公里');
    }

    // --- Conversion to Traditional and back: the offscreen document is made for it.
    await popup.getByRole('tab', { name: 'Convert' }).click();
    const paragraph = page.locator('article p').first();
    const original = await paragraph.textContent();
    await choose(popup, /^繁體/);
    await expect.poll(() => paragraph.textContent()).not.toBe(original);
    await choose(popup, /原文/);
    await expect.poll(() => paragraph.textContent()).toBe(original);
    // Attached to the offscreen document as it appeared: now reloaded under the recorder, and
    // converted with again, so that its whole life is recorded, opencc-js's first load included.
    await expect.poll(() => offscreen.attached).toBe(true);
    await offscreen.reload();
    await choose(popup, /^繁體/);
    await expect.poll(() => paragraph.textContent()).not.toBe(original);
    await choose(popup, /原文/);
    await expect.poll(() => paragraph.textContent()).toBe(original);
    // The offscreen recorder sees a request too.
    await offscreen.send('Runtime.evaluate', {
      expression: `fetch(${JSON.stringify(`${PROBE}offscreen`)}).catch(() => 'refused')`,
      awaitPromise: true,
    });
    await expect.poll(() => recorded.some((r) => r.from === 'offscreen' && r.url.startsWith(PROBE))).toBe(true);
    recorded.splice(0, recorded.length, ...recorded.filter((r) => !r.url.startsWith(PROBE)));
    // Its reloaded life was recorded: it asked for its own files.
    expect(recorded.some((r) => r.from === 'offscreen' && r.url.endsWith('/offscreen.html'))).toBe(true);
    await popup.close();

    // --- The reader view (Readability in the offscreen document), its conversion and its exports.
    const reader = await browser.extensionPage(`reader.html?tabId=${tabId}`);
    await reader.locator('main.article p').first().waitFor();
    await reader.getByRole('button', { name: /^繁體/ }).click();
    await expect.poll(() => reader.locator('main.article').textContent()).toContain('上有政策、下有對策');
    for (const name of ['MD', 'CSV']) {
      const [download] = await Promise.all([reader.waitForEvent('download'), reader.getByRole('button', { name }).click()]);
      expect(readFileSync((await download.path())!, 'utf8').length).toBeGreaterThan(20);
    }
    await reader.close();

    // --- What was asked for, by whom.
    await page.close();
    await observer.close();
    const outside = recorded.filter((r) => !isLocal(r.url, r.from));
    const summary = new Map<string, number>();
    for (const r of recorded) summary.set(r.from.replace(/\?.*$/, ''), (summary.get(r.from.replace(/\?.*$/, '')) ?? 0) + 1);
    console.log(`${recorded.length} requests recorded: ${[...summary].map(([from, n]) => `${from} ${n}`).join(', ')}`);
    expect(outside).toEqual([]);
    // The recorder was on in the extension pages and the offscreen document throughout.
    expect(recorded.some((r) => r.from.startsWith(`${extensionUrl}popup.html`))).toBe(true);
    expect(recorded.some((r) => r.from.startsWith(`${extensionUrl}reader.html`))).toBe(true);
  });
});
