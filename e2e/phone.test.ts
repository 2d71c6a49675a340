/**
 * On a phone, in Chromium emulating one (touch, a mobile viewport of 360×640, a coarse pointer
 * without hover): a tap on a phrase opens its card, and no other gesture does. A script of more than
 * fifty gestures — taps on phrases, links, buttons and blank space, swipes, long presses and pinches
 * — checks after each one whether the card is open, and prints how long each tap took to show it.
 * Then the card's own buttons, the offer of a card for selected text, tap lookup turned off, and
 * every extension page at 360×640 with nothing wider than the screen, axe-clean, light and dark.
 *
 * Touch goes through CDP's Input.dispatchTouchEvent, which Chromium handles as a real screen's
 * touches: gestures are recognised, scrolls cancel the pointer, long presses select.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { centreOf, firstPass, launchWithExtension, waitForHighlights, type ExtensionBrowser } from './browser';
import { readHighlights } from './page-side';
import { centreOfBox } from '../test-support/highlights';
import { seriousViolations } from './axe';
import { centre, Finger, PHONE_PAGE, PHRASES } from './phone-page';

let browser: ExtensionBrowser;
const NEWS = readFileSync(join(import.meta.dirname, '../demo/policy-news.html'), 'utf8');
const SHOTS = process.env.TIFA_SCREENSHOTS ?? join(import.meta.dirname, '../test-results/phone');

beforeAll(async () => {
  browser = await launchWithExtension({ phone: true });
  await browser.serve('/phone.html', PHONE_PAGE);
  await browser.serve('/news.html', NEWS);
  mkdirSync(SHOTS, { recursive: true });
});
afterEach(async () => {
  await browser.resetStorage();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * A watcher in the page, installed once: every frame it notes when the card becomes visible for a
 * new phrase, and how long after the touch that started it.
 */
async function watchCard(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __touchAt: number; __cardShows: { entry: string; ms: number }[] };
    w.__cardShows = [];
    w.__touchAt = 0;
    // From the finger lifting (when a touch becomes a tap) to the first frame that shows the card.
    addEventListener('pointerup', (e) => e.pointerType === 'touch' && (w.__touchAt = e.timeStamp), true);
    let last = '';
    const frame = () => {
      const card = document.querySelector('tifa-lens-card')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      const key = card && card.style.visibility === 'visible' ? `${card.dataset.entry}@${card.style.left},${card.style.top}` : '';
      if (key && key !== last) w.__cardShows.push({ entry: card!.dataset.entry!, ms: performance.now() - w.__touchAt });
      last = key;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

const cardShows = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cardShows: { entry: string; ms: number }[] }).__cardShows.length);
const cardOpen = (page: Page) =>
  page.evaluate(() => {
    const card = document.querySelector('tifa-lens-card')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    return card ? card.style.visibility === 'visible' : false;
  });

async function openPhonePage(): Promise<{ page: Page; finger: Finger }> {
  const page = await browser.open('/phone.html');
  await firstPass(page);
  await watchCard(page);
  return { page, finger: new Finger(await browser.context.newCDPSession(page)) };
}

/** Lets the page answer a gesture: two frames, then whatever the card's open awaited. */
const afterGesture = (page: Page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50)))));

describe('tap lookup on a phone', () => {
  it('opens the card for every tap on a phrase, and for no other gesture (a script of 75 gestures)', async () => {
    const { page, finger } = await openPhonePage();
    const log: string[] = [];
    let opened = 0;
    /** Performs a gesture; checks whether it opened the card (a tap on a phrase must, nothing else may). */
    const gesture = async (name: string, act: () => Promise<void>, opens: boolean) => {
      const before = await cardShows(page);
      await act();
      if (opens) {
        await expect.poll(() => cardShows(page), { message: name, timeout: 5000 }).toBeGreaterThan(before);
        opened++;
      } else {
        await afterGesture(page);
        expect(await cardShows(page), `${name} opened the card`).toBe(before);
      }
      log.push(name);
    };
    const closed = async (name: string) => expect.poll(() => cardOpen(page), { message: `${name} left the card open` }).toBe(false);

    for (let i = 0; i < PHRASES.length; i++) {
      const at = await centre(page, `#ph-${i}`);
      await gesture(`tap on ${PHRASES[i]}`, () => finger.tap(at, page), true);
      // Closed again, one way or the other: a tap beside the text, or the card's close button.
      if (i % 2 === 0) {
        await gesture('tap in the margin', () => finger.tap({ x: 4, y: at.y }), false);
        await closed('a tap in the margin');
      } else {
        const close = (await page.locator('tifa-lens-card [role="dialog"]').getByRole('button', { name: 'Close' }).boundingBox())!;
        await gesture('tap on the close button', () => finger.tap({ x: close.x + close.width / 2, y: close.y + close.height / 2 }), false);
        await closed('the close button');
      }
    }
    for (let i = 0; i < 10; i++) {
      const link = `#link-${i}`;
      await gesture(`tap on a link reading ${PHRASES[(i + 3) % PHRASES.length]}`, async () => finger.tap(await centre(page, link)), false);
      // The link did what the page meant: it went to its note.
      await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#note-${i}`);
    }
    for (let i = 0; i < 6; i++) {
      const button = `#button-${i}`;
      await gesture(
        `tap on a button reading ${PHRASES[(i + 5) % PHRASES.length]}`,
        async () => finger.tap(await centre(page, button)),
        false,
      );
      await expect.poll(() => page.locator(button).getAttribute('data-pressed')).toBe('1');
    }
    for (let i = 0; i < 10; i++) {
      const from = await centre(page, `#ph-${(i * 3) % PHRASES.length}`);
      const scrolled = await page.evaluate(() => scrollY);
      await gesture(`swipe ${i % 2 ? 'down' : 'up'} from a phrase`, () => finger.swipe(from, i % 2 ? 160 : -160), false);
      await expect.poll(() => page.evaluate(() => scrollY), { message: 'the swipe scrolled the page' }).not.toBe(scrolled);
    }
    await gesture('sideways swipe over a phrase', async () => finger.swipe(await centre(page, '#ph-2'), 0, -150), false);
    for (let i = 0; i < 5; i++) {
      await gesture(`long press on ${PHRASES[i + 6]}`, async () => finger.longPress(await centre(page, `#ph-${i + 6}`), page), false);
      await page.evaluate(() => getSelection()?.removeAllRanges());
    }
    for (let i = 0; i < 3; i++) {
      await gesture('pinch over a phrase', async () => finger.pinch(await centre(page, `#ph-${i + 11}`)), false);
    }

    const shows = await page.evaluate(() => (window as unknown as { __cardShows: { entry: string; ms: number }[] }).__cardShows);
    const times = shows.map((s) => s.ms).sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(0);
    console.log(
      `phone gestures: ${log.length} gestures, ${opened} taps on phrases opened the card; ` +
        `time from touch to the card on screen: median ${at(0.5)} ms, 90th percentile ${at(0.9)} ms, slowest ${times.at(-1)!.toFixed(0)} ms ` +
        `(each: ${times.map((t) => t.toFixed(0)).join(' ')})`,
    );
    expect(log.length).toBeGreaterThanOrEqual(50);
    expect(opened).toBe(PHRASES.length);
    await page.close();
  });

  it('draws the card ahead, hidden, once the page shows phrases, so that the first tap only shows it', async () => {
    const { page } = await openPhonePage();
    await page.waitForFunction(() => {
      const card = document.querySelector('tifa-lens-card')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
      return card?.style.visibility === 'hidden';
    });
    expect(await cardShows(page)).toBe(0);
    await page.close();
  });

  it('moves through the page’s phrases with the card’s own buttons, and closes with its close button', async () => {
    const { page, finger } = await openPhonePage();
    await finger.tap(await centre(page, '#ph-0'));
    const card = page.locator('tifa-lens-card [role="dialog"]');
    await card.waitFor({ state: 'visible', timeout: 10_000 });
    expect(await card.getAttribute('data-entry')).toBe('baxiang-guiding');
    const position = () => card.getByRole('navigation').getAttribute('aria-label');
    const first = await position();
    expect(first).toMatch(/^1 of \d+ on this page$/);
    const tapButton = async (name: string) => {
      const box = (await card.getByRole('button', { name }).boundingBox())!;
      await finger.tap({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    };
    // Next goes on in document order: the link's and the button's phrases after the first
    // paragraph are on the page's list too.
    await tapButton('Next phrase');
    await expect.poll(position).toMatch(/^2 of /);
    await tapButton('Next phrase');
    await expect.poll(position).toMatch(/^3 of /);
    await tapButton('Previous phrase');
    await expect.poll(position).toMatch(/^2 of /);
    // The card never covers the phrase it explains, and fits the screen.
    const { phrase, cardBox } = await card.evaluate((c) => {
      const mark = [...CSS.highlights.values()].flatMap((h) => [...h]);
      const r = c.getBoundingClientRect();
      return { phrase: mark.length, cardBox: { left: r.left, right: r.right, top: r.top, bottom: r.bottom } };
    });
    expect(phrase).toBeGreaterThan(0);
    expect(cardBox.left).toBeGreaterThanOrEqual(0);
    expect(cardBox.right).toBeLessThanOrEqual(360);
    expect(cardBox.bottom).toBeLessThanOrEqual(640);
    await tapButton('Close');
    await expect.poll(() => cardOpen(page)).toBe(false);
    await page.close();
  });

  it('places the card beside the tapped phrase, never over it, within the screen, with nothing to scroll sideways', async () => {
    const { page, finger } = await openPhonePage();
    for (const i of [0, 4, 9, 16]) {
      const at = await centre(page, `#ph-${i}`);
      await finger.tap({ x: 4, y: at.y }); // beside the text: closes the card of the phrase before
      await expect.poll(() => cardOpen(page)).toBe(false);
      await finger.tap(at);
      const card = page.locator('tifa-lens-card [role="dialog"]');
      await card.waitFor({ state: 'visible' });
      await expect.poll(() => card.getAttribute('data-entry')).not.toBeNull();
      const geometry = await page.evaluate((index) => {
        const range = document.createRange();
        range.selectNodeContents(document.getElementById(`ph-${index}`)!);
        const lines = [...range.getClientRects()].map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
        const c = document.querySelector('tifa-lens-card')!.shadowRoot!.querySelector('[role="dialog"]')!.getBoundingClientRect();
        return {
          lines,
          card: { left: c.left, right: c.right, top: c.top, bottom: c.bottom },
          scrollWidth: document.documentElement.scrollWidth,
        };
      }, i);
      const overlaps = geometry.lines.some(
        (l) => l.left < geometry.card.right && l.right > geometry.card.left && l.top < geometry.card.bottom && l.bottom > geometry.card.top,
      );
      expect(overlaps, `the card covers ${PHRASES[i]}`).toBe(false);
      expect(geometry.card.left).toBeGreaterThanOrEqual(0);
      expect(geometry.card.right).toBeLessThanOrEqual(360);
      expect(geometry.card.top).toBeGreaterThanOrEqual(0);
      expect(geometry.card.bottom).toBeLessThanOrEqual(640);
      expect(geometry.scrollWidth).toBeLessThanOrEqual(360);
    }
    await page.close();
  });

  it('offers the card for text selected by touch inside a link; the offer opens it', async () => {
    const { page, finger } = await openPhonePage();
    // A touch first (the offer answers selections made by touch), then the selection a long
    // press makes, set directly: whether a headless long press selects a word is up to the platform.
    await finger.swipe(await centre(page, '#ph-1'), -40);
    await page.evaluate(() => getSelection()!.selectAllChildren(document.getElementById('link-2')!));
    const offer = page.locator('tifa-lens-card button.chip');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.textContent()).toBe(`Explain ${PHRASES[5]}`);
    expect(await cardOpen(page)).toBe(false);
    const box = (await offer.boundingBox())!;
    await finger.tap({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
    const card = page.locator('tifa-lens-card [role="dialog"]');
    await card.waitFor({ state: 'visible' });
    expect(await card.getAttribute('data-entry')).toBe('shang-you-zhengce-xia-you-duice');
    // The link was not followed: the reader asked for the card, not the note.
    expect(await page.evaluate(() => location.hash)).toBe('');
    await page.close();
  });

  it('can be turned off in the options: a tap on a phrase then opens nothing', async () => {
    await browser.setStorage('tapLookup', false);
    const { page, finger } = await openPhonePage();
    await finger.tap(await centre(page, '#ph-0'));
    await afterGesture(page);
    await page.waitForTimeout(300);
    expect(await cardShows(page)).toBe(0);
    // Turned back on, the page follows at once, without a reload.
    await browser.setStorage('tapLookup', true);
    await expect
      .poll(async () => {
        await finger.tap(await centre(page, '#ph-0'));
        return cardShows(page);
      })
      .toBeGreaterThan(0);
    await page.close();
  });

  it('works on a page laid out for desktops (no viewport meta), which the phone shows zoomed out', async () => {
    const page = await browser.open('/news.html');
    await firstPass(page);
    await watchCard(page);
    const finger = new Finger(await browser.context.newCDPSession(page));
    // The page is drawn at about a third of its size; touches, like clicks, are in its CSS pixels.
    // 最后一公里 is first in the headline: running text (a phrase in a link is the link's to tap).
    const at = await centreOf(page, '最后一公里');
    expect(at).not.toBeNull();
    await finger.tap(at!);
    await expect.poll(() => cardShows(page)).toBe(1);
    await page.close();
  });
});

describe('tap lookup on the extension’s own pages', () => {
  it('opens the card in the essay reader, with previous and next', async () => {
    const page = await browser.extensionPage('essays.html');
    await page.locator('#e1-p1').waitFor();
    // The reader highlights once its text is rendered: the first phrase wholly on screen.
    await waitForHighlights(page);
    const [first] = await page.evaluate(readHighlights, { onScreen: true });
    const at = first?.lines?.[0] ? centreOfBox(first.lines[0]) : null;
    expect(at).not.toBeNull();
    await new Finger(await browser.context.newCDPSession(page)).tap(at!);
    const card = page.locator('[data-tifa-ui="card"] [role="dialog"]');
    await card.waitFor({ state: 'visible' });
    expect(await card.getByRole('button', { name: 'Next phrase' }).count()).toBe(1);
    await page.close();
  });
});

describe('at 360×640', () => {
  /** What sticks out of the screen sideways: the page's own scroll, and any visible element past its right edge. */
  const sideways = (page: Page) =>
    page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const wide = [...document.querySelectorAll('body *')].filter((e) => {
        const r = e.getBoundingClientRect();
        if (r.width === 0 || r.right <= width + 1) return false;
        // Inside something that scrolls or clips it (a table in its own scroller), it is reachable.
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          const overflow = getComputedStyle(p).overflowX;
          if (overflow !== 'visible') return false;
        }
        return true;
      });
      return { scroll: document.documentElement.scrollWidth - width, wide: wide.slice(0, 5).map((e) => `${e.localName}.${e.className}`) };
    });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every extension page fits with no sideways scroll and no serious axe finding, ${scheme}; the card and the popup photographed`, async () => {
      const article = await browser.open('/news.html');
      await firstPass(article);
      const articleTab = await browser.tabIdOf(article);
      const news = await browser.open('/phone.html');
      await firstPass(news);
      const tabId = await browser.tabIdOf(news);
      const found: Record<string, { axe: string[]; scroll: number; wide: string[] }> = {};
      const pages: [string, string, string][] = [
        ['popup', `popup.html?tabId=${tabId}`, '.on-page li[data-entry]'],
        ['glossary', 'glossary.html', '.g-list li'],
        ['glossary entry', 'glossary.html#zuihou-yigongli', 'article.g-entry tbody tr'],
        ['essays', 'essays.html', '#e1-p1'],
        ['reader view', `reader.html?tabId=${articleTab}`, 'main.article p'],
        ['options', 'options.html', '.opt-section'],
      ];
      for (const [name, path, ready] of pages) {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
        await page.locator(ready).first().waitFor();
        found[name] = { axe: await seriousViolations(page), ...(await sideways(page)) };
        if (name === 'popup' || name === 'glossary entry')
          await page.screenshot({ path: join(SHOTS, `${name.replace(' ', '-')}-360-${scheme}.png`) });
        await page.close();
      }
      await news.emulateMedia({ colorScheme: scheme });
      const finger = new Finger(await browser.context.newCDPSession(news));
      await finger.tap(await centre(news, '#ph-1'));
      await news.locator('tifa-lens-card [role="dialog"]').waitFor({ state: 'visible' });
      await news.screenshot({ path: join(SHOTS, `card-360-${scheme}.png`) });
      await news.close();
      await article.close();
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, { axe: [], scroll: 0, wide: [] }])));
    });
  }
});
