/**
 * A PDF page's text as a reader and the matcher need it. A PDF holds positioned runs of glyphs
 * (pdf.js's text items), not sentences: a word processor's export ends every printed line with a
 * hard break, justified Chinese is often one item per character with spaces between, and some
 * files map ideographs to look-alike radicals. This module joins the items of a page into
 * paragraphs without inserting spaces between Chinese characters, so that a phrase broken over two
 * lines is found, and judges whether a document has readable text at all.
 *
 * Pure: the viewer (entrypoints/pdf/) builds its text layer from these paragraphs, one element per
 * paragraph, so the page reader's blocks, the viewer's page list and the exports all read the same
 * text. The text layer keeps radicals (⼀ for 一) as drawn, which the matcher's fold table reads as
 * ideographs; the readable text shows the ideographs.
 */
import { isHanCode } from './fold';
import { withIdeographs } from './radicals';

/** One text item, in the page's coordinates (PDF units, y growing upwards). */
export interface PdfTextItem {
  str: string;
  /** pdf.js marks the last item of a printed line. */
  hasEOL: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A paragraph: items in order, each followed by the separator put after it ('' or ' '). */
export interface PdfParagraph {
  items: number[];
  separators: string[];
  /** The items' text with the separators: exactly what the text layer's element for it holds. */
  text: string;
}

/** Chinese text and its punctuation: never separated by an inserted space. */
function isCjkCode(code: number): boolean {
  return (
    isHanCode(code) ||
    (code >= 0x2e80 && code <= 0x2fdf) || // CJK and Kangxi radicals, which some PDFs use for ideographs
    (code >= 0x3000 && code <= 0x303f) || // CJK punctuation
    (code >= 0xff00 && code <= 0xffef) || // full-width forms: ，（）：
    (code >= 0x2010 && code <= 0x2027) || // dashes, quotes and the ellipsis of Chinese text
    (code >= 0xd800 && code <= 0xdbff) // a supplementary-plane character (extension B onwards)
  );
}

const WHITE = /\s/;

function separatorBetween(before: PdfTextItem, after: PdfTextItem, lineEnd: boolean): string {
  const last = before.str.at(-1);
  const first = after.str[0];
  if (last === undefined || first === undefined || WHITE.test(last) || WHITE.test(first)) return '';
  if (isCjkCode(last.charCodeAt(0)) || isCjkCode(first.charCodeAt(0))) return '';
  // Latin words at a line end were separated by the line break; within a line, pdf.js already
  // puts the spaces it sees into the items.
  return lineEnd ? ' ' : '';
}

interface Line {
  items: number[];
  left: number;
  right: number;
  y: number;
  height: number;
}

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  items.forEach((item, index) => {
    const startsLine = !line || items[index - 1].hasEOL || Math.abs(item.y - line.y) > Math.max(item.height, line.height) * 0.5;
    if (startsLine) {
      line = { items: [], left: item.x, right: item.x + item.width, y: item.y, height: item.height };
      lines.push(line);
    }
    const current = line!;
    current.items.push(index);
    current.left = Math.min(current.left, item.x);
    current.right = Math.max(current.right, item.x + item.width);
    current.height = Math.max(current.height, item.height);
  });
  return lines;
}

/**
 * Whether a paragraph ends between two lines: a blank line's gap, a line that ends well short of the
 * text's right edge (the last line of a paragraph, a heading), or an indented first line.
 */
function breaksBetween(before: Line, after: Line, left: number, right: number): boolean {
  const em = Math.max(before.height, after.height, 1);
  const gap = before.y - after.y;
  if (gap > em * 2 || gap < -em * 0.5) return true;
  if (before.right < right - em * 1.5) return true;
  return after.left > left + em * 1.5 && after.left > before.left + em * 0.5;
}

/** The page's items as paragraphs, in the order the PDF gives them. Empty items are left out. */
export function pageParagraphs(items: readonly PdfTextItem[]): PdfParagraph[] {
  const kept = items.map((item, index) => ({ item, index })).filter(({ item }) => item.str.length > 0);
  const lines = linesOf(kept.map(({ item }) => item));
  if (lines.length === 0) return [];
  // The text's margins: a full line reaches the right one, an indented line starts past the left one.
  const left = Math.min(...lines.map((l) => l.left));
  const right = Math.max(...lines.map((l) => l.right));
  const paragraphs: PdfParagraph[] = [];
  let current: { items: number[]; separators: string[] } = { items: [], separators: [] };
  const close = () => {
    if (current.items.length === 0) return;
    // Nothing follows a paragraph's last item.
    current.separators[current.separators.length - 1] = '';
    const text = current.items.map((i, n) => items[i].str + current.separators[n]).join('');
    paragraphs.push({ ...current, text });
    current = { items: [], separators: [] };
  };
  lines.forEach((line, n) => {
    if (n > 0 && breaksBetween(lines[n - 1], line, left, right)) close();
    for (const [k, position] of line.items.entries()) {
      const index = kept[position].index;
      const next = line.items[k + 1] ?? lines[n + 1]?.items[0];
      current.items.push(index);
      current.separators.push(next === undefined ? '' : separatorBetween(items[index], kept[next].item, k === line.items.length - 1));
    }
  });
  close();
  return paragraphs;
}

/**
 * A paragraph's text as a reader wants it: radicals written as the ideographs they stand for (⼀ as
 * 一), the spaces a PDF puts between Chinese characters (justified lines, headings set as 行 政 院)
 * closed up, runs of white space made one space, ends trimmed.
 */
export function readableText(text: string): string {
  return withIdeographs(text)
    .replace(/\s+/g, ' ')
    .replace(
      /(?<=[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2010-\u2027]) (?=[\u2e80-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u2010-\u2027])/g,
      '',
    )
    .trim();
}

/**
 * What a document's extracted text is:
 * - 'text': readable (Chinese or not);
 * - 'no-text': (almost) nothing to read, as in a scan without a text layer;
 * - 'unreadable': text whose fonts map to no real characters (private-use code points, or bytes
 *   read as Latin-1 accents), which would otherwise look like a page without phrases.
 */
type PdfTextVerdict = 'text' | 'no-text' | 'unreadable';

export interface PdfTextJudgement {
  verdict: PdfTextVerdict;
  /** Letters of any script (Han included). */
  letters: number;
  han: number;
}

/** Fewer letters than this per page, on average, is a scan (a page number or a stray mark is not text). */
const LETTERS_PER_PAGE = 8;

export function judgeText(pages: readonly string[]): PdfTextJudgement {
  let letters = 0;
  let han = 0;
  let suspicious = 0;
  for (const text of pages) {
    for (const ch of text) {
      const code = ch.codePointAt(0)!;
      if (isHanCode(code) || (code >= 0x20000 && code <= 0x3ffff) || (code >= 0x2e80 && code <= 0x2fdf)) {
        han++;
        letters++;
      } else if ((code >= 0xe000 && code <= 0xf8ff) || code === 0xfffd || (code >= 0xc0 && code <= 0xff) || code < 0x20) {
        if (!WHITE.test(ch)) suspicious++;
      } else if (/\p{L}/u.test(ch)) letters++;
    }
  }
  if (letters + suspicious < Math.max(1, pages.length) * LETTERS_PER_PAGE) return { verdict: 'no-text', letters, han };
  // Mojibake: most of what was read is private-use or accented Latin-1, with next to no Han.
  if (suspicious > letters && han < suspicious / 10) return { verdict: 'unreadable', letters, han };
  return { verdict: 'text', letters, han };
}

/** A document's readable text: pages of paragraphs, laid end to end with a blank line between paragraphs. */
export interface PdfDocumentText {
  text: string;
  /** The paragraphs (blocks for the matcher), with their start offsets in `text`. */
  blocks: { start: number; text: string }[];
  /** pageStarts[n] is the offset in `text` where page n + 1 begins. */
  pageStarts: number[];
}

export function documentText(pages: readonly (readonly string[])[]): PdfDocumentText {
  const blocks: { start: number; text: string }[] = [];
  const pageStarts: number[] = [];
  let text = '';
  for (const paragraphs of pages) {
    pageStarts.push(text.length === 0 ? 0 : text.length + 2);
    for (const paragraph of paragraphs) {
      const readable = readableText(paragraph);
      if (!readable) continue;
      if (text.length > 0) text += '\n\n';
      blocks.push({ start: text.length, text: readable });
      text += readable;
    }
  }
  return { text, blocks, pageStarts };
}

/** The page (from 1) that holds `offset`, given the pages' start offsets. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = pageStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (pageStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}
