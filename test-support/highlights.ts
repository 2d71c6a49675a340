/**
 * Reads the highlights registered in a page's CSS.highlights: the one way every test does it, in
 * the browser project (called directly) and in the e2e suites of Chromium and Firefox (passed to
 * page.evaluate through e2e/page-side.ts).
 *
 * `readHighlights` is serialized and run in the page by the e2e suites, so it is self-contained:
 * no imports, no helper functions of this module, no named inner functions. It also runs in pages
 * that replace Array.prototype.push and friends (e2e-firefox, "a page that sabotages Array"), so it
 * appends by index.
 */
import { expect } from 'vitest';

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ReadHighlight {
  /** The highlight's name in CSS.highlights (`tifa-saying` …). */
  name: string;
  /** The range's text; '(invalid range)' when it can no longer be set on a live Range. */
  text: string;
  /** With `geometry`: its bounding box and its line boxes, in viewport coordinates. */
  box?: Box;
  lines?: Box[];
}

export interface HighlightQuery {
  /** Only the highlight of this name; without it, every highlight whose name starts with "tifa". */
  name?: string;
  /** Only ranges with this text. */
  text?: string;
  /** Also read each range's boxes. */
  geometry?: boolean;
  /** Only ranges wholly inside the viewport, top and bottom (implies `geometry`). */
  onScreen?: boolean;
  /**
   * Use the DOM functions a hostile-page test saved in `window.__pristine` before the page ran
   * (createRange, getBoundingClientRect, getClientRects): the page may have redefined them.
   */
  pristine?: boolean;
}

/**
 * The registered ranges, highlight by highlight, in registration order. Static ranges have no
 * toString or boxes, so each is copied into a live Range first.
 */
export function readHighlights(query: HighlightQuery = {}): ReadHighlight[] {
  const dom: Pick<Document, 'createRange'> & Pick<Range, 'getBoundingClientRect' | 'getClientRects'> = query.pristine
    ? (window as unknown as { __pristine: never }).__pristine
    : {
        createRange: Document.prototype.createRange,
        getBoundingClientRect: Range.prototype.getBoundingClientRect,
        getClientRects: Range.prototype.getClientRects,
      };
  const geometry = query.geometry || query.onScreen;
  const out: ReadHighlight[] = [];
  for (const [name, highlight] of CSS.highlights) {
    if (query.name === undefined ? !name.startsWith('tifa') : name !== query.name) continue;
    for (const range of highlight) {
      const live = dom.createRange.call(document);
      let text: string;
      try {
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        text = live.toString();
      } catch {
        // A range whose nodes changed under it: listed, so that a test sees it.
        text = '(invalid range)';
      }
      if (query.text !== undefined && text !== query.text) continue;
      const read: ReadHighlight = { name, text };
      if (geometry) {
        const b = dom.getBoundingClientRect.call(live);
        if (query.onScreen && !(b.top > 0 && b.bottom < innerHeight)) continue;
        read.box = { left: b.left, top: b.top, right: b.right, bottom: b.bottom };
        read.lines = [...dom.getClientRects.call(live)].map((l) => ({ left: l.left, top: l.top, right: l.right, bottom: l.bottom }));
      }
      out[out.length] = read;
    }
  }
  return out;
}

/** Every text our highlights hold in this document, whatever the category, sorted (the browser project). */
export function highlighted(query: HighlightQuery = {}): string[] {
  return readHighlights(query)
    .map((h) => h.text)
    .sort();
}

/** The centre of a box (where a test points the mouse). */
export function centreOfBox(box: Box): { x: number; y: number } {
  return { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
}

/**
 * A page or frame of either e2e driver (Playwright for Chromium, Puppeteer for Firefox): what the
 * helpers below ask of it. They run in Node and read the page through readHighlights.
 */
export interface EvaluatesHighlights {
  evaluate(fn: typeof readHighlights, query: HighlightQuery): Promise<ReadHighlight[]>;
}

/** The highlights registered by the extension: name → the text of each range. */
export async function highlightTexts(page: EvaluatesHighlights): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const { name, text } of await page.evaluate(readHighlights, {})) (out[name] ??= []).push(text);
  return out;
}

/** Every highlighted text, whatever its category, sorted. */
export async function allHighlighted(page: EvaluatesHighlights): Promise<string[]> {
  return (await page.evaluate(readHighlights, {})).map((h) => h.text).sort();
}

/** The centre of the first highlighted range whose text is `text`, in viewport coordinates, or null. */
export async function centreOf(page: EvaluatesHighlights, text: string): Promise<{ x: number; y: number } | null> {
  const [found] = await page.evaluate(readHighlights, { text, geometry: true });
  return found?.box ? centreOfBox(found.box) : null;
}

/**
 * The highlights matching `query` once `shown` holds for them (highlights come a frame or more after
 * the text that carries them). On a timeout the error adds `describe`'s account of the page, so a
 * failure in CI can be read from its log alone.
 */
export async function highlightsOnceShown(
  page: EvaluatesHighlights,
  query: HighlightQuery,
  shown: (highlights: ReadHighlight[]) => boolean,
  describe?: () => Promise<unknown>,
): Promise<ReadHighlight[]> {
  const read = () => page.evaluate(readHighlights, query);
  try {
    await expect.poll(read).toSatisfy(shown);
  } catch (error) {
    if (!describe) throw error;
    throw new Error(`${(error as Error).message}; the page showed ${JSON.stringify(await describe())}`);
  }
  return read();
}
