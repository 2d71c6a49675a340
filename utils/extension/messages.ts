/**
 * The one message schema between the extension's contexts. Every message is checked on arrival
 * with parseMessage; anything that does not validate is ignored with a warning (another extension,
 * or a stale content script after an update, can send anything).
 */
import type { CompiledEntry } from '../core/compiled-data';
import { isPackedBlocks, isTarget, type PackedBlocks, type ScriptChoice, type Target } from '../core/convert';
import type { Article } from '../page/article';
import type { Category } from '../core/glossary-schema';

/** The page report: the article's metadata and what it contains. */
export interface PageReport {
  url: string;
  hasChinese: boolean;
  /** 'article' when Readability found one; otherwise the whole page was counted. */
  source: 'article' | 'page';
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  length: number;
  distinct: number;
  occurrences: number;
  /** Occurrences per 1,000 characters. */
  density: number;
  byCategory: Partial<Record<Category, number>>;
  /** Phrases in order of first appearance. */
  phrases: PhraseCount[];
}

export interface PhraseCount {
  id: string;
  count: number;
  /** Rank of the first occurrence in page order (for ordering by first appearance). */
  first: number;
}

export interface PageSummary {
  url: string;
  hasChinese: boolean;
  enabled: boolean;
  phrases: PhraseCount[];
  total: number;
}

/** What the in-page card shows: the entry with its first occurrences in the essays. */
export type CardEntry = Omit<CompiledEntry, 'occurrences'> & {
  occurrences: CompiledEntry['occurrences'];
  occurrenceCount: number;
};

/** Messages and their replies: one protocol map for the whole extension. */
export interface Protocol {
  /** popup → content script (top frame): what does this page contain? */
  'page-summary': { request: { type: 'page-summary' }; reply: PageSummary };
  /** popup → content script: scroll to the next occurrence of a phrase and flash it. */
  'scroll-to': { request: { type: 'scroll-to'; id: string }; reply: { ok: boolean } };
  /** background (keyboard command) → content script: go to the next or previous phrase. */
  navigate: { request: { type: 'navigate'; direction: 'next' | 'previous' }; reply: { ok: boolean } };
  /** content script → background: an entry for the card. */
  'get-entry': { request: { type: 'get-entry'; id: string }; reply: CardEntry | null };
  /** content script or popup → background: convert blocks of text (see utils/convert.ts). */
  'convert-text': {
    request: { type: 'convert-text'; target: Target; blocks: PackedBlocks };
    reply: { ok: true; blocks: PackedBlocks } | { ok: false; error: string };
  };
  /** popup or background → content script: show the page in a script, or the original. */
  'set-script': { request: { type: 'set-script'; choice: ScriptChoice }; reply: { ok: boolean; choice: ScriptChoice } };
  /** popup → content script: which script the page shows. */
  'get-script': { request: { type: 'get-script' }; reply: { choice: ScriptChoice } };
  /** background (context menu) → content script: convert the selected text. */
  'convert-selection': { request: { type: 'convert-selection'; target: Target }; reply: { ok: boolean } };
  /** background (keyboard command) → content script: switch conversion on or off. */
  'toggle-script': { request: { type: 'toggle-script' }; reply: { ok: boolean } };
  /** content script → background: find the article in a copy of the page (Readability). */
  'find-article': { request: { type: 'find-article'; html: string }; reply: { article: Article | null } };
  /** popup → content script (top frame): the page report. */
  'page-report': { request: { type: 'page-report' }; reply: PageReport };
  /** reader view → content script (top frame): the article, block by block. */
  'get-article': { request: { type: 'get-article' }; reply: { article: Article | null; url: string } };
  /** content script → background: open the essay reader at an occurrence. */
  'open-essay': {
    request: { type: 'open-essay'; essay: number; paragraph: number; offset: number };
    reply: { ok: boolean };
  };
}

export type MessageType = keyof Protocol;
export type Message = Protocol[MessageType]['request'];
export type ReplyTo<T extends MessageType> = Protocol[T]['reply'];

const isInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

export function parseMessage(value: unknown): Message | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  switch (m.type) {
    case 'page-summary':
      return { type: 'page-summary' };
    case 'navigate':
      return m.direction === 'next' || m.direction === 'previous' ? { type: 'navigate', direction: m.direction } : undefined;
    case 'get-entry':
    case 'scroll-to':
      return typeof m.id === 'string' && /^[a-z0-9-]{1,120}$/.test(m.id) ? { type: m.type, id: m.id } : undefined;
    case 'convert-text':
      return isTarget(m.target) && isPackedBlocks(m.blocks) ? { type: 'convert-text', target: m.target, blocks: m.blocks } : undefined;
    case 'set-script':
      return isTarget(m.choice) || m.choice === 'original' ? { type: 'set-script', choice: m.choice } : undefined;
    case 'get-script':
      return { type: 'get-script' };
    case 'find-article':
      return typeof m.html === 'string' ? { type: 'find-article', html: m.html } : undefined;
    case 'page-report':
      return { type: 'page-report' };
    case 'get-article':
      return { type: 'get-article' };
    case 'convert-selection':
      return isTarget(m.target) ? { type: 'convert-selection', target: m.target } : undefined;
    case 'toggle-script':
      return { type: 'toggle-script' };
    case 'open-essay':
      return isInt(m.essay) && isInt(m.paragraph) && isInt(m.offset)
        ? { type: 'open-essay', essay: m.essay, paragraph: m.paragraph, offset: m.offset }
        : undefined;
    default:
      return undefined;
  }
}

/** background → offscreen document: a conversion or an article to find (only it handles these). */
export type OffscreenRequest =
  | { type: 'offscreen-convert'; target: Target; blocks: PackedBlocks }
  | { type: 'offscreen-article'; html: string };

export function parseOffscreenRequest(value: unknown): OffscreenRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.type === 'offscreen-convert' && isTarget(m.target) && isPackedBlocks(m.blocks)) return { type: 'offscreen-convert', target: m.target, blocks: m.blocks };
  if (m.type === 'offscreen-article' && typeof m.html === 'string') return { type: 'offscreen-article', html: m.html };
  return undefined;
}

export function isConvertReply(value: unknown): value is ReplyTo<'convert-text'> {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return r.ok === true ? isPackedBlocks(r.blocks) : r.ok === false && typeof r.error === 'string';
}

/** Parses or warns: the one place where a malformed message is reported. */
export function receiveMessage(value: unknown): Message | undefined {
  const message = parseMessage(value);
  if (!message) console.warn('Tifa Lens ignored a malformed message', value);
  return message;
}

export function isPageSummary(value: unknown): value is PageSummary {
  if (typeof value !== 'object' || value === null) return false;
  const s = value as Record<string, unknown>;
  return (
    typeof s.url === 'string' &&
    typeof s.hasChinese === 'boolean' &&
    typeof s.enabled === 'boolean' &&
    typeof s.total === 'number' &&
    Array.isArray(s.phrases) &&
    s.phrases.every((p: any) => typeof p?.id === 'string' && isInt(p?.count) && isInt(p?.first))
  );
}

export function isCardEntry(value: unknown): value is CardEntry {
  if (typeof value !== 'object' || value === null) return false;
  const e = value as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.simplified === 'string' && typeof e.meaningEn === 'string' && Array.isArray(e.occurrences);
}

/** The essay reader's deep link for an occurrence: essays.html#e1-p5-o120. */
export function essayAnchor(essay: number, paragraph: number, offset?: number): string {
  return `e${essay}-p${paragraph}${offset === undefined ? '' : `-o${offset}`}`;
}

export function parseEssayAnchor(hash: string): { essay: number; paragraph: number; offset?: number } | undefined {
  const m = /^#?e(\d+)-p(\d+)(?:-o(\d+))?$/.exec(hash);
  if (!m) return undefined;
  return { essay: Number(m[1]), paragraph: Number(m[2]), offset: m[3] === undefined ? undefined : Number(m[3]) };
}
