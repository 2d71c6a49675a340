/**
 * Shared set-up for real-browser tests: Debian's Chromium with the built extension loaded, pages
 * served from memory through context.route (no server, no network).
 */
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { extensionWithSites } from '../test-support/extension-copy';
/** Reading the highlights: the same helpers for Chromium and Firefox. */
export { allHighlighted, centreOf, highlightTexts } from '../test-support/highlights';

/** The built extension (TIFA_EXTENSION_DIR points elsewhere, e.g. a copy a long benchmark runs on). */
const EXTENSION_DIR = process.env.TIFA_EXTENSION_DIR ?? join(dirname(fileURLToPath(import.meta.url)), '../.output/chrome-mv3');
export const TEST_ORIGIN = 'http://tifa.test';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Serves `html` at TEST_ORIGIN + path. */
  serve(path: string, html: string): Promise<void>;
  /** Serves bytes of any type (a PDF) at TEST_ORIGIN + path; `status` for a refusal. */
  serveFile(path: string, body: Buffer, contentType: string, status?: number): void;
  open(path: string): Promise<Page>;
  /** The id of `page`'s tab (brought to front; the extension has no "tabs" permission, so tab URLs are hidden from it). */
  tabIdOf(page: Page): Promise<number>;
  /** Runs `fn` in the extension's service worker. */
  inWorker<T, A>(fn: (arg: A) => T | Promise<T>, arg: A): Promise<T>;
  /** Opens an extension page (`popup.html?tabId=3`, `options.html` …). */
  extensionPage(path: string): Promise<Page>;
  /** The popup acting on `page`'s tab, as if it were the active tab. */
  popupFor(page: Page): Promise<Page>;
  /** Writes a value to chrome.storage.local (a setting, as the README's testing hooks name them). */
  setStorage(key: string, value: unknown): Promise<void>;
  /** Empties chrome.storage.local: every test starts from the defaults. */
  resetStorage(): Promise<void>;
  close(): Promise<void>;
}

/** A phone as Chromium emulates one: touch, a mobile user agent's layout rules, a 360×640 screen. */
const PHONE = { hasTouch: true, isMobile: true, viewport: { width: 360, height: 640 } } as const;

export async function launchWithExtension(
  options: {
    extension?: boolean;
    phone?: boolean;
    /** Sites granted at install (test-support/extension-copy.ts): `http://tifa.test/*`. */
    sites?: string[];
    /** Another build of the extension (a benchmark's baseline), instead of the one under test. */
    dir?: string;
  } = {},
): Promise<ExtensionBrowser> {
  const withExtension = options.extension ?? true;
  if (withExtension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`no built extension at ${EXTENSION_DIR}: run npm run build`);
  }
  const built = options.dir ?? EXTENSION_DIR;
  const extensionDir = options.sites ? extensionWithSites(built, options.sites) : built;
  const context = await chromium.launchPersistentContext('', {
    ...(options.phone && PHONE),
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Chromium's touch emulation leaves the media queries as a mouse sets them; a phone has a
      // coarse pointer and no hover, which is what the extension's pages lay out for.
      ...(options.phone ? ['--blink-settings=primaryPointerType=2,availablePointerTypes=2,primaryHoverType=1,availableHoverTypes=1'] : []),
    ],
  });
  const pages = new Map<string, string>();
  const files = new Map<string, { body: Buffer; contentType: string; status: number }>();
  await context.route(`${TEST_ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = files.get(path);
    if (file) return route.fulfill(file);
    const body = pages.get(path);
    return body === undefined
      ? route.fulfill({ status: 404, body: 'not found' })
      : route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body });
  });
  let extensionId = '';
  if (withExtension) {
    let [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 30_000 });
    extensionId = new URL(worker.url()).host;
  }
  const inWorker: ExtensionBrowser['inWorker'] = async (fn, arg) => {
    const [worker] = context.serviceWorkers();
    return worker.evaluate(fn as any, arg) as any;
  };
  const extensionPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };
  const tabIdOf = async (page: Page) => {
    await page.bringToFront();
    return inWorker(async () => {
      const [tab] = await (globalThis as any).chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab.id as number;
    }, undefined);
  };
  return {
    context,
    extensionId,
    inWorker,
    extensionPage,
    popupFor: async (page) => extensionPage(`popup.html?tabId=${await tabIdOf(page)}`),
    setStorage: (key, value) => inWorker(([k, v]) => (globalThis as any).chrome.storage.local.set({ [k]: v }), [key, value] as const),
    resetStorage: () => inWorker(() => (globalThis as any).chrome.storage.local.clear(), undefined),
    async serve(path, html) {
      pages.set(path, html);
    },
    serveFile(path, body, contentType, status = 200) {
      files.set(path, { body, contentType, status });
    },
    async open(path) {
      const page = await context.newPage();
      await page.goto(`${TEST_ORIGIN}${path}`);
      return page;
    },
    tabIdOf,
    close: () => context.close(),
  };
}

/**
 * Presses a script button in the popup's Convert tab (原文, 繁體 …) and waits until it shows as
 * chosen: the page answers once it is converted, and the first conversion of a run (or after the
 * offscreen document was reloaded) starts the converter, opencc-js, first.
 */
export async function choose(popup: Page, name: RegExp): Promise<void> {
  const button = popup.getByRole('button', { name });
  await expect.poll(() => button.isEnabled(), { timeout: 15_000 }).toBe(true);
  await button.click();
  await expect.poll(() => button.getAttribute('aria-pressed'), { timeout: 15_000 }).toBe('true');
}

/** Waits until the page's tifa highlights hold at least `count` ranges. */
export async function waitForHighlights(page: Page | Frame, count = 1): Promise<void> {
  await page.waitForFunction(
    (n) => {
      let total = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('tifa')) total += h.size;
      return total >= n;
    },
    count,
    { timeout: 15_000 },
  );
}

type Signal = 'tifa-first-pass' | 'tifa-update' | 'tifa-visible';

/**
 * The content script's signals (README, "Testing hooks"): how many `tifa-first-pass` measures or
 * `tifa-update` marks a page or frame has recorded so far.
 */
function signalCount(page: Page | Frame, name: Signal): Promise<number> {
  return page.evaluate((n) => performance.getEntriesByName(n).length, name);
}

/** Waits until the page records one more `name` than `before`; returns the new count. */
async function waitForSignal(page: Page | Frame, name: Signal, before = 0): Promise<number> {
  await page.waitForFunction(([n, b]) => performance.getEntriesByName(n as string).length > (b as number), [name, before] as const, {
    timeout: 15_000,
  });
  return signalCount(page, name);
}

/**
 * Waits for the first pass over a page to be done (it is signalled even when it found nothing) and,
 * when it found something, for the first highlights near the screen to be shown. Returns how many
 * matches the page holds (on screen or not).
 */
export async function firstPass(page: Page | Frame): Promise<number> {
  await waitForSignal(page, 'tifa-first-pass');
  const count = await page.evaluate(
    () => (performance.getEntriesByName('tifa-first-pass')[0] as PerformanceMeasure).detail.count as number,
  );
  if (count > 0) await waitForSignal(page, 'tifa-visible');
  return count;
}

/**
 * Proves that the content script has read every change the page made so far: appends a canary
 * paragraph holding a phrase, waits until it is highlighted, and removes it. Mutation records
 * arrive in order, so whatever the page did before the canary has been read too. A negative
 * assertion ("this was not highlighted") made after it cannot pass just because nothing ran yet.
 */
export async function settle(page: Page | Frame): Promise<void> {
  const before = await signalCount(page, 'tifa-update');
  await page.evaluate(() => {
    const canary = document.createElement('p');
    canary.id = 'tifa-test-canary';
    canary.style.cssText = 'position:fixed;top:0;left:0;margin:0';
    canary.textContent = '八项规定';
    document.body.append(canary);
  });
  await page.waitForFunction(
    () => {
      for (const [name, h] of CSS.highlights) {
        if (!name.startsWith('tifa')) continue;
        for (const r of h) if (r.startContainer.parentElement?.id === 'tifa-test-canary') return true;
      }
      return false;
    },
    null,
    { timeout: 15_000 },
  );
  await page.evaluate(() => document.getElementById('tifa-test-canary')?.remove());
  await waitForSignal(page, 'tifa-update', before + 1);
}
