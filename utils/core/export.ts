/**
 * Exports of an annotated article: Markdown with footnoted meanings, JSON (matches with offsets,
 * entry ids and context), CSV. Pure; the CLI and the reader view share them.
 */
import type { Annotation } from './annotate';
import { CATEGORY_LABELS } from './glossary-schema';

export interface ExportSource {
  title?: string | null;
  url?: string | null;
  byline?: string | null;
  /** The text that was annotated; match offsets index it. */
  text: string;
}

export type ExportFormat = 'md' | 'json' | 'csv';
export const EXPORT_FORMATS: ExportFormat[] = ['md', 'json', 'csv'];

const CONTEXT = 20;

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
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n\n');
  const header = [
    `# ${escapeMarkdown(source.title || 'Annotated text')}`,
    source.byline ? `\n${escapeMarkdown(source.byline)}` : '',
    source.url ? `\n<${source.url}>` : '',
    `\n*${annotation.phrases.length} phrases, ${annotation.matches.length} occurrences — annotated by Tifa Lens.*`,
  ].join('');
  const notes = annotation.phrases
    .map((p, i) => {
      const origin = p.origin.en.trim().toLowerCase() === 'unknown' ? '' : ` Origin: ${p.origin.en}`;
      return `[^${i + 1}]: **${p.simplified} / ${p.traditional}** (${p.pinyin}; ${CATEGORY_LABELS[p.category].en}; ×${p.count}) — ${p.meaningEn} ${p.meaningZh}${origin}`;
    })
    .join('\n');
  return `${header}\n\n${paragraphs}\n\n${notes}\n`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>|])/g, '\\$1');
}

/** JSON: every match with its offsets, entry id and context; every phrase with its meanings. */
export function toJson(source: ExportSource, annotation: Annotation): string {
  return JSON.stringify(
    {
      title: source.title ?? null,
      url: source.url ?? null,
      byline: source.byline ?? null,
      length: annotation.length,
      matches: annotation.matches.map((m) => ({
        ...m,
        before: source.text.slice(Math.max(0, m.start - CONTEXT), m.start),
        after: source.text.slice(m.end, m.end + CONTEXT),
      })),
      phrases: annotation.phrases,
    },
    null,
    2,
  );
}

const csvCell = (value: string | number) => {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** CSV: one row per match. */
export function toCsv(source: ExportSource, annotation: Annotation): string {
  const phrases = new Map(annotation.phrases.map((p) => [p.id, p]));
  const header = ['id', 'text', 'start', 'end', 'category', 'simplified', 'traditional', 'pinyin', 'before', 'after', 'meaning_en'];
  const rows = annotation.matches.map((m) => {
    const p = phrases.get(m.id)!;
    return [
      m.id,
      m.text,
      m.start,
      m.end,
      m.category,
      p.simplified,
      p.traditional,
      p.pinyin,
      source.text.slice(Math.max(0, m.start - CONTEXT), m.start),
      source.text.slice(m.end, m.end + CONTEXT),
      p.meaningEn,
    ].map(csvCell);
  });
  return `${[header, ...rows].map((r) => r.join(',')).join('\r\n')}\r\n`;
}

export function exportAs(format: ExportFormat, source: ExportSource, annotation: Annotation): string {
  return format === 'md' ? toMarkdown(source, annotation) : format === 'json' ? toJson(source, annotation) : toCsv(source, annotation);
}
