/**
 * Shared set-up for the Firefox tests: Debian's firefox-esr driven by puppeteer-core over WebDriver
 * BiDi, with the built extension (.output/firefox-mv2) installed as a temporary add-on. Pages are
 * served by a local HTTP server on 127.0.0.1 (BiDi has no request interception like Playwright's
 * context.route). Extension APIs are called from an extension page of our own tab (Firefox gives
 * no handle on the background page), whose address is known because the add-on's UUID is pinned.
 */
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionWithSites } from '../test-support/extension-copy';
/** Reading the highlights: the same helpers for Chromium and Firefox. */
export { allHighlighted, centreOf, highlightTexts } from '../test-support/highlights';

const EXTENSION_DIR = process.env.TIFA_FIREFOX_EXTENSION_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '../.output/firefox-mv2');
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Every wait gives up after this long: a signal that has not come by then will not come. */
const WAIT_MS = 15_000;

export interface FirefoxExtension {
  browser: Browser;
  /** The add-on's moz-extension:// origin. */
  extensionOrigin: string;
  /** The test server's origin (http://127.0.0.1:<port>); its hostname is what per-site settings see. */
  origin: string;
  /** Serves `html` at origin + path. */
  serve(path: string, html: string): void;
  /** Serves bytes of any type (a PDF) at origin + path; `status` for a refusal. */
  serveFile(path: string, body: Buffer, contentType: string, status?: number): void;
  /** Opens a served path (or any URL) in a new tab, in front. */
  open(pathOrUrl: string): Promise<Page>;
  /** Opens an extension page (`popup.html?tabId=3`, `options.html` …) in a new tab, in front. */
  extensionPage(path: string): Promise<Page>;
  /** Runs `fn` in an extension page, where `browser.*` (the WebExtension APIs) is defined. */
  inExtension<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** The WebExtension tab id of `page` (brings it to the front). */
  tabIdOf(page: Page): Promise<number>;
  /** Sends a message to `page`'s content script, as the keyboard commands and the popup do. */
  sendToTab(page: Page, message: object): Promise<unknown>;
  /** The popup acting on `page`'s tab, as if it were the active tab. */
  popupFor(page: Page): Promise<Page>;
  /**
   * Turns on "Access local files on your computer" in about:addons, as a reader must: from
   * Firefox 153 on, <all_urls> no longer covers file:// (bug 2034168) and content scripts stay out
   * of local files until then. Earlier versions need (and have) no such switch.
   */
  allowFileAccess(): Promise<void>;
  setStorage(key: string, value: unknown): Promise<void>;
  /** Empties browser.storage.local: every test starts from the defaults. */
  resetStorage(): Promise<void>;
  close(): Promise<void>;
}

/** `sites`: granted at install (test-support/extension-copy.ts); the server is at http://127.0.0.1. */
export async function launchFirefox(options: { sites?: string[] } = {}): Promise<FirefoxExtension> {
  const manifestPath = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`no built extension at ${EXTENSION_DIR}: run npm run build:firefox`);
  const extensionDir = options.sites ? extensionWithSites(EXTENSION_DIR, options.sites) : EXTENSION_DIR;
  const geckoId: string = JSON.parse(readFileSync(manifestPath, 'utf8')).browser_specific_settings.gecko.id;
  const uuid = randomUUID();

  const pages = new Map<string, string>();
  const files = new Map<string, { body: Buffer; contentType: string; status: number }>();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = files.get(path);
    if (file) {
      response.writeHead(file.status, { 'content-type': file.contentType });
      response.end(file.body);
      return;
    }
    const body = pages.get(path);
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Firefox 153 (not 140) refuses WebDriver navigation to moz-extension:// and about: pages ("not
    // allowed in this context") unless the remote agent may reach privileged pages; a test profile
    // may. Firefox 140 ignores the flag.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The add-on's internal UUID, hence its pages' addresses, fixed before it is installed.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
    },
  });
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    server.close();
    throw error;
  }
  const extensionOrigin = `moz-extension://${uuid}`;

  // Each page's tab, known from when it was opened: the tab that was not there before. (Asking
  // for the active tab after bringToFront() is a race: the extension's tabs API may not have seen
  // the switch yet, and then names the tab in front before it.)
  const tabIds = new WeakMap<Page, number>();
  const allTabIds = () =>
    inExtension(async () => ((await (globalThis as any).browser.tabs.query({})) as { id: number }[]).map((tab) => tab.id), undefined);
  const inFront = async (url: string) => {
    const before = new Set(await allTabIds());
    const page = await browser.newPage();
    await goto(page, url);
    // Only the tab in front renders (a background tab gets no frames, hence no
    // IntersectionObserver reports and no hover), as for a reader.
    await page.bringToFront();
    const added = (await allTabIds()).filter((id) => !before.has(id));
    // The page's own tab came first, if the page opened others.
    if (added.length > 0) tabIds.set(page, Math.min(...added));
    return page;
  };

  // An extension tab kept open to call the extension's APIs from. It is never brought to the
  // front, so "the active tab" is always the page a test brought there.
  let control: Page | undefined;
  const controlPage = async () => {
    if (!control || control.isClosed()) {
      control = await browser.newPage();
      await goto(control, `${extensionOrigin}/options.html`);
    }
    return control;
  };
  const inExtension: FirefoxExtension['inExtension'] = async (fn, arg) => (await controlPage()).evaluate(fn as any, arg) as any;

  const tabIdOf = async (page: Page) => {
    await page.bringToFront();
    const known = tabIds.get(page);
    if (known !== undefined) return known;
    return inExtension(async () => {
      const [tab] = await (globalThis as any).browser.tabs.query({ active: true, lastFocusedWindow: true });
      return tab.id as number;
    }, undefined);
  };

  return {
    browser,
    extensionOrigin,
    origin,
    serve: (path, html) => void pages.set(path, html),
    serveFile: (path, body, contentType, status = 200) => void files.set(path, { body, contentType, status }),
    open: (pathOrUrl) => inFront(/^[a-z-]+:/.test(pathOrUrl) ? pathOrUrl : `${origin}${pathOrUrl}`),
    extensionPage: (path) => inFront(`${extensionOrigin}/${path}`),
    inExtension,
    tabIdOf,
    async sendToTab(page, message) {
      const id = await tabIdOf(page);
      return inExtension(([tab, m]) => (globalThis as any).browser.tabs.sendMessage(tab, m), [id, message] as const);
    },
    popupFor: async (page) => inFront(`${extensionOrigin}/popup.html?tabId=${await tabIdOf(page)}`),
    async allowFileAccess() {
      if (Number((await browser.version()).match(/\/(\d+)/)?.[1]) < 153) return;
      const fileAccess = () =>
        inExtension(() => (globalThis as any).browser.extension.isAllowedFileSchemeAccess() as Promise<boolean>, undefined);
      if (await fileAccess()) return;
      const addons = await browser.newPage();
      await goto(addons, 'about:addons');
      await addons.evaluate(
        (id) => (window as any).gViewController.loadView(`addons://detail/${encodeURIComponent(id)}/permissions`),
        geckoId,
      );
      const toggle = 'moz-toggle[permission-type="file_scheme_access"]';
      await until(addons, (selector) => document.querySelector(selector) !== null, toggle);
      await addons.evaluate((selector) => {
        const element = document.querySelector(selector) as any;
        (element.buttonEl ?? element).click();
      }, toggle);
      const deadline = Date.now() + WAIT_MS;
      while (!(await fileAccess())) {
        if (Date.now() > deadline) throw new Error('file access was not granted');
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      await addons.close();
    },
    setStorage: (key, value) => inExtension(([k, v]) => (globalThis as any).browser.storage.local.set({ [k]: v }), [key, value] as const),
    resetStorage: () => inExtension(() => (globalThis as any).browser.storage.local.clear(), undefined),
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/**
 * Loads `url` in `page` and waits for its load event. An extension page is loaded with BiDi's
 * browsingContext.navigate itself: Firefox reports no navigation events for a tab moving to a
 * moz-extension:// page (another process), so Puppeteer's goto() and reload() wait for one until
 * they time out (and page.url() keeps the old address), although the page is loaded and usable.
 */
export async function goto(page: Page, url: string): Promise<void> {
  if (!/^(https?|file):/.test(url)) await (page.mainFrame() as any).browsingContext.navigate(url, 'complete');
  else await page.goto(url);
}

/**
 * Waits until `fn` returns something truthy in the page. Polled from here with evaluate():
 * Puppeteer's waitForFunction builds its predicate with Function(), which an extension page's CSP
 * forbids, and a page behind another tab gets no animation frames to poll on.
 */
export async function until<A>(page: Page | Frame, fn: (arg: A) => boolean, arg?: A): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await page.evaluate(fn as any, arg))) {
    if (Date.now() > deadline) {
      // What the page showed instead: a failure in CI is read from its log alone.
      // biome-ignore lint/performance/useDomNodeTextContent: what is on screen, without hidden panels
      const shown = await page.evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').slice(0, 400)).catch(() => '?');
      throw new Error(`timed out after ${WAIT_MS} ms waiting for ${fn.toString()}; the page showed: ${shown}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
const POLL_MS = 50;

type Signal = 'tifa-first-pass' | 'tifa-update' | 'tifa-visible' | 'tifa-convert' | 'tifa-restore';

/** Waits until the page records one more `name` than `before`. */
export async function waitForSignal(page: Page | Frame, name: Signal, before = 0): Promise<void> {
  await until(page, ([n, b]) => performance.getEntriesByName(n).length > b, [name, before] as const);
}

/**
 * Waits for the first pass (README, "Testing hooks": `tifa-first-pass`, recorded even when nothing
 * was found) and, when it found something, for the first highlights to be shown. Returns the
 * number of matches it found, read from the measure's detail.
 */
export async function firstPass(page: Page | Frame): Promise<number> {
  await waitForSignal(page, 'tifa-first-pass');
  const count = await page.evaluate(
    () => (performance.getEntriesByName('tifa-first-pass')[0] as PerformanceMeasure).detail.count as number,
  );
  if (count > 0) await waitForSignal(page, 'tifa-visible');
  return count;
}

/** The card's dialog (in `<tifa-lens-card>`'s open shadow root): its entry id and text, or null. */
export function cardOf(page: Page): Promise<{ entry: string | null; text: string; focused: boolean } | null> {
  return page.evaluate(() => {
    const host = document.querySelector('tifa-lens-card');
    const dialog = host?.shadowRoot?.querySelector('[role="dialog"][data-entry]');
    if (!host || !dialog) return null;
    return { entry: dialog.getAttribute('data-entry'), text: dialog.textContent ?? '', focused: document.activeElement === host };
  });
}
