/**
 * A reader's own phrases: what they are, how they are read from a file (CSV or JSON) and written
 * back, and how they meet the glossary. They are matched by the glossary's engine (the same fold,
 * so every script), kept only in the browser's local storage, and never merged silently into the
 * glossary: a phrase the glossary already has is reported and left out.
 *
 * Reading a file is all or nothing: one bad row and nothing is imported, and each problem names its
 * row, so what is already stored is never half-replaced.
 *
 * Pure: no DOM, no browser APIs.
 */
import * as v from 'valibot';
import { hasChinese } from './fold';
import { CATEGORIES, CATEGORY_LABELS, type Category } from './glossary-schema';
import type { CompiledEntry } from './compiled-data';
import type { Matcher } from './matcher';

export interface OwnPhrase {
  /** Stable while the form is unchanged: `own-` and a hash of the folded form. */
  id: string;
  form: string;
  meaning: string;
  note: string;
  category: Category;
}

/** Shorter forms would highlight everyday characters; longer ones are not phrases. */
const MIN_FORM = 2;
const MAX_FORM = 40;
const MAX_TEXT = 2000;
const MAX_OWN_PHRASES = 2000;
/** Category of a phrase whose file names none. */
export const DEFAULT_OWN_CATEGORY: Category = 'set-phrase';

const OWN_ID_PREFIX = 'own-';
export const isOwnId = (id: string) => id.startsWith(OWN_ID_PREFIX);

/** FNV-1a over the folded form: the same phrase in another script gets the same id. */
function ownPhraseId(key: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${OWN_ID_PREFIX}${(hash >>> 0).toString(36)}`;
}

/** What storage holds, checked on the way in: a malformed item is dropped, not the whole list. */
const OwnPhraseSchema = v.object({
  id: v.pipe(v.string(), v.regex(/^own-[a-z0-9]{1,12}$/)),
  form: v.pipe(v.string(), v.minLength(MIN_FORM), v.maxLength(MAX_FORM)),
  meaning: v.fallback(v.pipe(v.string(), v.maxLength(MAX_TEXT)), ''),
  note: v.fallback(v.pipe(v.string(), v.maxLength(MAX_TEXT)), ''),
  category: v.fallback(v.picklist(CATEGORIES), DEFAULT_OWN_CATEGORY),
});
export const OwnPhrasesSchema: v.GenericSchema<unknown, OwnPhrase[]> = v.pipe(
  v.fallback(v.array(v.unknown()), () => []),
  v.transform((items) => items.flatMap((item) => (v.is(OwnPhraseSchema, item) ? [v.parse(OwnPhraseSchema, item)] : []))),
);

type RowProblem =
  | 'empty'
  | 'no-chinese'
  | 'too-short'
  | 'too-long'
  | 'text-too-long'
  | 'category'
  | 'duplicate'
  | 'unclosed-quote'
  | 'not-a-phrase'
  | 'not-json'
  | 'not-a-list'
  | 'too-many';

/** One problem in a file: where (a CSV row or a JSON item, counted from 1) and what. */
export interface RowError {
  row: number;
  problem: RowProblem;
  /** The offending value, when there is one (the form, the category …). */
  value?: string;
  /** For a duplicate: the row it repeats. */
  other?: number;
}

export type ParseResult = { ok: true; phrases: OwnPhrase[] } | { ok: false; errors: RowError[] };

interface RawRow {
  row: number;
  form: unknown;
  meaning?: unknown;
  note?: unknown;
  category?: unknown;
}

/** `key` folds a form the matcher's way (script and separators), so duplicates are found across scripts. */
export type KeyOf = (form: string) => string;

const CATEGORY_NAMES = new Map<string, Category>(
  CATEGORIES.flatMap((c) => [
    [c, c],
    [CATEGORY_LABELS[c].en.toLowerCase(), c],
    [CATEGORY_LABELS[c].zh, c],
  ]),
);

function categoryOf(value: unknown): Category | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return DEFAULT_OWN_CATEGORY;
  if (typeof value !== 'string') return undefined;
  return CATEGORY_NAMES.get(value.trim().toLowerCase()) ?? CATEGORY_NAMES.get(value.trim());
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

/** Checks rows and turns them into phrases; every problem is reported, none is skipped over. */
function phrasesFrom(rows: RawRow[], key: KeyOf): ParseResult {
  const errors: RowError[] = [];
  const phrases: OwnPhrase[] = [];
  const seen = new Map<string, number>();
  for (const raw of rows) {
    const { row } = raw;
    if (typeof raw.form !== 'string') {
      errors.push({ row, problem: 'not-a-phrase' });
      continue;
    }
    const form = raw.form.trim();
    const meaning = text(raw.meaning);
    const note = text(raw.note);
    const category = categoryOf(raw.category);
    const before = errors.length;
    if (form === '') errors.push({ row, problem: 'empty' });
    else if (!hasChinese(form)) errors.push({ row, problem: 'no-chinese', value: form });
    else if ([...key(form)].length < MIN_FORM) errors.push({ row, problem: 'too-short', value: form });
    else if (form.length > MAX_FORM) errors.push({ row, problem: 'too-long', value: form });
    if (meaning.length > MAX_TEXT || note.length > MAX_TEXT) errors.push({ row, problem: 'text-too-long', value: form });
    if (!category) errors.push({ row, problem: 'category', value: String(raw.category) });
    if (errors.length > before || !category) continue;
    const folded = key(form);
    const first = seen.get(folded);
    if (first !== undefined) {
      errors.push({ row, problem: 'duplicate', value: form, other: first });
      continue;
    }
    seen.set(folded, row);
    phrases.push({ id: ownPhraseId(folded), form, meaning, note, category });
  }
  if (phrases.length > MAX_OWN_PHRASES) errors.push({ row: rows[MAX_OWN_PHRASES].row, problem: 'too-many' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, phrases };
}

/** One phrase typed into the options (the same checks as a file's row). */
export function checkOwnPhrase(fields: { form: string; meaning?: string; note?: string; category?: string }, key: KeyOf): ParseResult {
  return phrasesFrom([{ row: 1, ...fields }], key);
}

const HEADER_NAMES: Record<string, keyof Omit<RawRow, 'row'>> = {
  form: 'form',
  phrase: 'form',
  simplified: 'form',
  提法: 'form',
  词语: 'form',
  詞語: 'form',
  meaning: 'meaning',
  definition: 'meaning',
  释义: 'meaning',
  釋義: 'meaning',
  note: 'note',
  notes: 'note',
  备注: 'note',
  備註: 'note',
  category: 'category',
  类别: 'category',
  類別: 'category',
};

/**
 * Splits CSV text into rows of cells (RFC 4180: quoted cells may hold commas, quotes written twice
 * and line breaks). Tab-separated text, as spreadsheets copy it, is read as well. Each row keeps
 * the line it starts on, which is what a reader sees in an editor.
 */
export function splitCsv(source: string): { rows: { line: number; cells: string[] }[]; unclosedAt?: number } {
  const input = source.replace(/^\ufeff/, '');
  const firstLine = input.slice(0, input.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell.trim() === '') {
      quoted = true;
      quoteLine = line;
      cell = '';
    } else if (c === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && input[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  if (quoted) return { rows, unclosedAt: quoteLine };
  cells.push(cell);
  rows.push({ line: rowLine, cells });
  return { rows: rows.filter((r) => r.cells.some((c) => c.trim() !== '')) };
}

/** A CSV (or tab-separated) list: one phrase per row; columns form, meaning, note, category, the header optional. */
export function parseOwnPhrasesCsv(source: string, key: KeyOf): ParseResult {
  const { rows, unclosedAt } = splitCsv(source);
  if (unclosedAt !== undefined) return { ok: false, errors: [{ row: unclosedAt, problem: 'unclosed-quote' }] };
  let columns: (keyof Omit<RawRow, 'row'> | undefined)[] = ['form', 'meaning', 'note', 'category'];
  let body = rows;
  const header = rows[0]?.cells.map((c) => HEADER_NAMES[c.trim().toLowerCase()]);
  if (header?.includes('form')) {
    columns = header;
    body = rows.slice(1);
  }
  return phrasesFrom(
    body.map(({ line, cells }) => {
      const raw: RawRow = { row: line, form: '' };
      cells.forEach((cell, i) => {
        const column = columns[i];
        if (column) raw[column] = cell;
      });
      return raw;
    }),
    key,
  );
}

/**
 * A JSON list: an array of forms, or of objects ({ form, meaning, note, category }), or this
 * extension's own export ({ phrases: [...] }). Items are counted from 1.
 */
export function parseOwnPhrasesJson(source: string, key: KeyOf): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (error) {
    const at = /position (\d+)/.exec(String(error));
    const line = at ? source.slice(0, Number(at[1])).split('\n').length : 1;
    return { ok: false, errors: [{ row: line, problem: 'not-json' }] };
  }
  const list = Array.isArray(data) ? data : (data as { phrases?: unknown })?.phrases;
  if (!Array.isArray(list)) return { ok: false, errors: [{ row: 1, problem: 'not-a-list' }] };
  return phrasesFrom(
    list.map((item: unknown, index) => {
      const row = index + 1;
      if (typeof item === 'string') return { row, form: item };
      if (typeof item !== 'object' || item === null) return { row, form: undefined };
      const o = item as Record<string, unknown>;
      return { row, form: o.form ?? o.phrase ?? o.simplified, meaning: o.meaning, note: o.note, category: o.category };
    }),
    key,
  );
}

/** A file by its name: .json is JSON, anything else is read as CSV or tab-separated text. */
export function parseOwnPhrasesFile(name: string, source: string, key: KeyOf): ParseResult {
  return /\.json$/i.test(name) || /^\s*[[{]/.test(source.replace(/^\ufeff/, ''))
    ? parseOwnPhrasesJson(source, key)
    : parseOwnPhrasesCsv(source, key);
}

/** Cells that a spreadsheet would run as a formula are written with a leading apostrophe. */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header, as a spreadsheet opens it (UTF-8 with a byte-order mark, CRLF). */
export function ownPhrasesToCsv(phrases: readonly OwnPhrase[]): string {
  const lines = [['form', 'meaning', 'note', 'category'], ...phrases.map((p) => [p.form, p.meaning, p.note, p.category])];
  return `\ufeff${lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

export function ownPhrasesToJson(phrases: readonly OwnPhrase[]): string {
  return `${JSON.stringify({ format: 'tifa-lens-own-phrases', version: 1, phrases: phrases.map(({ id: _, ...rest }) => rest) }, null, 2)}\n`;
}

/** A phrase the glossary already has (the whole form is one of its phrases, in any script). */
export interface Collision {
  phrase: OwnPhrase;
  entryId: string;
}

/** Which phrases are glossary phrases already; `glossary` matches every entry, common ones included. */
export function findCollisions(phrases: readonly OwnPhrase[], glossary: Matcher, key: KeyOf): Collision[] {
  const collisions: Collision[] = [];
  for (const phrase of phrases) {
    const hit = glossary.findAllMatches(phrase.form).find((m) => key(phrase.form.slice(m.start, m.end)) === key(phrase.form));
    if (hit) collisions.push({ phrase, entryId: glossary.ids[hit.entry] });
  }
  return collisions;
}

/**
 * Adds `incoming` to `stored`: a phrase already stored (the same folded form) is replaced by the
 * new one, anything else is appended. Returns the list and what happened.
 */
export function mergeOwnPhrases(
  stored: readonly OwnPhrase[],
  incoming: readonly OwnPhrase[],
): { phrases: OwnPhrase[]; added: number; updated: number } {
  const byId = new Map(stored.map((p) => [p.id, p]));
  let added = 0;
  let updated = 0;
  for (const phrase of incoming) {
    if (byId.has(phrase.id)) updated++;
    else added++;
    byId.set(phrase.id, phrase);
  }
  return { phrases: [...byId.values()], added, updated };
}

/**
 * An own phrase in the shape the views show (card, popup lists, lookup): the reader's meaning in
 * both meaning fields (it is in whatever language they wrote it), the note as the origin line, no
 * essay occurrences, and `own` set so every view can say whose it is.
 */
export function ownPhraseAsEntry(phrase: OwnPhrase): CompiledEntry {
  return {
    id: phrase.id,
    simplified: phrase.form,
    traditional: phrase.form,
    variants: [],
    category: phrase.category,
    tier: 'key',
    pinyin: '',
    gloss: '',
    meaningZh: phrase.meaning,
    meaningEn: phrase.meaning,
    origin: { en: phrase.note || 'unknown', sources: [] },
    related: [],
    outsideCorpus: true,
    occurrences: [],
    own: true,
  };
}
