/**
 * Exports of an annotated article: Markdown with footnoted meanings, JSON (matches with offsets,
 * entry ids and context), CSV. Pure; the CLI and the reader view share them.
 */
import type { Annotation } from './annotate';
import { CATEGORY_LABELS, TIER_LABELS } from './glossary-schema';
import { pageAt } from './pdf-text';

export interface ExportSource {
  title?: string | null;
  url?: string | null;
  byline?: string | null;
  /** The text that was annotated; match offsets index it. */
  text: string;
  /**
   * For a PDF: the offset in `text` where each page begins (utils/core/pdf-text.ts). Matches then
   * carry their page number, which is how a reader finds them again in the document.
   */
  pageStarts?: readonly number[];
}

/** The page of each match when the source has pages; undefined otherwise. */
function pagesOf(source: ExportSource): ((offset: number) => number) | undefined {
  const starts = source.pageStarts;
  return starts && starts.length > 0 ? (offset) => pageAt(starts, offset) : undefined;
}

export type ExportFormat = 'md' | 'json' | 'csv';
export const EXPORT_FORMATS: ExportFormat[] = ['md', 'json', 'csv'];

const CONTEXT = 20;

const englishPlural = new Intl.PluralRules('en');

/** "1 phrase", "2 phrases". */
export function countOf(count: number, one: string, other: string): string {
  return `${count} ${englishPlural.select(count) === 'one' ? one : other}`;
}

/** "1 phrase, 1 occurrence", "2 phrases, 3 occurrences". */
export function phraseTally(annotation: Annotation): string {
  return `${countOf(annotation.phrases.length, 'phrase', 'phrases')}, ${countOf(annotation.matches.length, 'occurrence', 'occurrences')}`;
}

/** Markdown: the text with a footnote after each phrase's first occurrence, meanings below. */
export function toMarkdown(source: ExportSource, annotation: Annotation): string {
  const numberOf = new Map(annotation.phrases.map((p, i) => [p.id, i + 1]));
  const noted = new Set<string>();
  let body = '';
  let at = 0;
  for (const m of annotation.matches) {
    body += escapeMarkdown(source.text.slice(at, m.end));
    if (!noted.has(m.id)) {
      noted.add(m.id);
      body += `[^${numberOf.get(m.id)}]`;
    }
    at = m.end;
  }
  body += escapeMarkdown(source.text.slice(at));
  const paragraphs = body
    .split('\n')
    .map((line) => escapeLineStart(line.trim()))
    .filter(Boolean)
    .join('\n\n');
  const header = [
    `# ${escapeOneLine(source.title || 'Annotated text')}`,
    source.byline ? `\n${escapeOneLine(source.byline)}` : '',
    source.url ? `\n${markdownUrl(source.url)}` : '',
    `\n*${phraseTally(annotation)} — annotated by Tifa Lens.*`,
  ].join('');
  const page = pagesOf(source);
  const notes = annotation.phrases
    .map((p, i) => {
      const pages = page ? ` ${pageList(annotation.matches.filter((m) => m.id === p.id).map((m) => page(m.start)))}.` : '';
      const origin = p.origin.en.trim().toLowerCase() === 'unknown' ? '' : ` Origin: ${p.origin.en}`;
      const official = p.officialEn ? ` English: “${p.officialEn}” (${p.officialEnSource}).` : '';
      return `[^${i + 1}]: **${p.simplified} / ${p.traditional}** (${p.pinyin}; ${CATEGORY_LABELS[p.category].en}; ${TIER_LABELS[p.tier].en}; ×${p.count})${pages} — ${p.meaningEn}${official} ${p.meaningZh}${origin}`;
    })
    .join('\n');
  return `${header}\n\n${paragraphs}\n\n${notes}\n`;
}

/** "p. 3" or "pp. 1, 3, 12": each page once, in order. */
function pageList(pages: readonly number[]): string {
  const distinct = [...new Set(pages)].sort((a, b) => a - b);
  return `${distinct.length === 1 ? 'p.' : 'pp.'} ${distinct.join(', ')}`;
}

/**
 * Page text as Markdown that renders as that text and nothing else: no link, image, HTML, code,
 * emphasis, table, footnote or entity. Every ASCII punctuation mark may be backslash-escaped
 * (CommonMark), so the escapes are invisible once rendered.
 */
function escapeMarkdown(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]()<>!|~&#]/g, '\\$&')
      // Autolinks: GFM links http://…, www.… and e-mail addresses, and linkify (markdown-it) bare
      // domains too; none is recognised once its colon, its @ or the dots of its host name are escaped.
      .replace(/[:@]/g, '\\$&')
      .replace(/([A-Za-z0-9-])\.(?=[A-Za-z])/g, '$1\\.')
  );
}

/** What makes a block of a line that starts with it: a heading, a list item, a thematic break, a setext underline. */
function escapeLineStart(line: string): string {
  return line.replace(/^[+\-=]/, '\\$&').replace(/^(\d+)\./, '$1\\.');
}

/** A title or byline: one line, since a line break would end the heading. */
function escapeOneLine(text: string): string {
  return escapeLineStart(escapeMarkdown(text.replace(/\s+/g, ' ').trim()));
}

/** The page's address: a link when it is a web address; any other scheme (javascript:, data:, file:) stays text. */
function markdownUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    // Not an absolute URL (a page saved without its address): it is shown as text, below.
    parsed = undefined;
  }
  // href is percent-encoded: it holds no space, < or >, so it cannot leave the autolink's brackets.
  return parsed && (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? `<${parsed.href}>` : escapeOneLine(url);
}

/** JSON: every match with its offsets, entry id and context; every phrase with its meanings. */
export function toJson(source: ExportSource, annotation: Annotation): string {
  const page = pagesOf(source);
  return JSON.stringify(
    {
      title: source.title ?? null,
      url: source.url ?? null,
      byline: source.byline ?? null,
      length: annotation.length,
      matches: annotation.matches.map((m) => ({
        ...m,
        ...(page && { page: page(m.start) }),
        before: source.text.slice(Math.max(0, m.start - CONTEXT), m.start),
        after: source.text.slice(m.end, m.end + CONTEXT),
      })),
      phrases: annotation.phrases,
    },
    null,
    2,
  );
}

/**
 * Spreadsheets run a cell that starts like a formula (=, +, -, @, a tab, a carriage return), and the
 * context columns come straight from the page: a leading ' keeps such a cell text (OWASP's advice on
 * CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True for text that a spreadsheet would run as a formula. */
export const startsLikeFormula = (text: string) => FORMULA_START.test(text);

const csvCell = (value: string | number) => {
  let s = String(value);
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Excel reads a CSV file as the system's code page unless it starts with a UTF-8 byte order mark. */
const UTF8_BOM = '\uFEFF';

/** A CSV file of `rows`: a UTF-8 byte order mark, cells quoted and kept from running as formulas, CRLF line ends (RFC 4180). */
export function csvFile(rows: readonly (readonly (string | number)[])[]): string {
  return `${UTF8_BOM}${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** CSV: one row per match, CRLF line ends (RFC 4180). */
export function toCsv(source: ExportSource, annotation: Annotation): string {
  const phrases = new Map(annotation.phrases.map((p) => [p.id, p]));
  const page = pagesOf(source);
  const header = [
    'id',
    'text',
    'start',
    'end',
    ...(page ? ['page'] : []),
    'category',
    'tier',
    'simplified',
    'traditional',
    'pinyin',
    'before',
    'after',
    'meaning_en',
    'official_en',
    'official_en_source',
  ];
  const rows = annotation.matches.map((m) => {
    const p = phrases.get(m.id)!;
    return [
      m.id,
      m.text,
      m.start,
      m.end,
      ...(page ? [page(m.start)] : []),
      m.category,
      p.tier,
      p.simplified,
      p.traditional,
      p.pinyin,
      source.text.slice(Math.max(0, m.start - CONTEXT), m.start),
      source.text.slice(m.end, m.end + CONTEXT),
      p.meaningEn,
      p.officialEn,
      p.officialEnSource,
    ];
  });
  return csvFile([header, ...rows]);
}

export function exportAs(format: ExportFormat, source: ExportSource, annotation: Annotation): string {
  return format === 'md' ? toMarkdown(source, annotation) : format === 'json' ? toJson(source, annotation) : toCsv(source, annotation);
}
