/**
 * The documents of a corpus, in a fixed order, as they are found: a directory (read recursively,
 * each folder's names in code-unit order), a manifest (CSV, in its order) or NDJSON on standard
 * input (in its order). Nothing is read whole: a manifest and standard input stream, a directory is
 * listed one folder at a time. A row or line that names no document is a failure, not the end.
 */
import { createReadStream, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { csvRecords } from '../csv';
import { UserError, type Io } from '../io';
import type { ErrorRecord } from './dataset';
import type { DocumentTask } from './document-job';
import { lines } from './lines';

export type InputSource = { kind: 'directory'; path: string } | { kind: 'manifest'; path: string } | { kind: 'stdin' };

export type InputItem = { task: DocumentTask } | { failure: ErrorRecord };

/** The files a directory holds that are documents. */
const DOCUMENT_FILE = /\.(txt|html?)$/i;

export function inputItems(source: InputSource, io: Io): AsyncGenerator<InputItem> {
  if (source.kind === 'directory') return directoryItems(resolve(source.path));
  if (source.kind === 'manifest') return manifestItems(source.path);
  return stdinItems(io);
}

async function* directoryItems(root: string, relative = ''): AsyncGenerator<InputItem> {
  const dir = relative ? join(root, relative) : root;
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    yield { failure: { file: relative || '.', doc_id: null, reason: 'cannot read the directory' } };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    // A linked directory is not followed: a link back up would never end.
    if (entry.isDirectory()) yield* directoryItems(root, path);
    else if (DOCUMENT_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) {
      yield { task: { meta: { id: path, date: dateInPath(path), source: null, url: null, path }, file: join(root, path), shownAs: path } };
    }
  }
}

/**
 * A date written YYYY-MM-DD in a file's path (2024-03-05.txt, renmin/2024-03-05/3.html): the last
 * one, which is nearest the file.
 */
function dateInPath(path: string): string | null {
  const dates = [...path.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g)].filter(([date]) => normalDate(date) === date);
  return dates.at(-1)?.[0] ?? null;
}

/**
 * A date as a dataset holds it: YYYY-MM-DD, or YYYY-MM or YYYY when that is all that is known; a
 * date with a time keeps its date. Empty is null; anything else is undefined (the document fails).
 */
function normalDate(value: unknown): string | null | undefined {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ].*)?)?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [, year, month, day] = m;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return undefined;
  if (day !== undefined && (Number(day) < 1 || Number(day) > 31)) return undefined;
  return [year, month, day].filter((part) => part !== undefined).join('-');
}

const BAD_DATE = 'the date is not YYYY-MM-DD (nor YYYY-MM or YYYY)';

/** The manifest's columns by name, from its first line. */
function columnsOf(header: string[], manifest: string): Map<string, number> {
  const columns = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  if (!columns.has('id') || !columns.has('path')) {
    throw new UserError(`${manifest}: its first line names the columns: id,date,path, and source,url if wanted`);
  }
  return columns;
}

/** Fails, before a run starts, on a manifest whose first line does not name its columns. */
export async function checkManifest(manifest: string): Promise<void> {
  for await (const { fields } of csvRecords(createReadStream(manifest, { encoding: 'utf8' }))) {
    columnsOf(fields, manifest);
    return;
  }
  throw new UserError(`${manifest}: is empty`);
}

async function* manifestItems(manifest: string): AsyncGenerator<InputItem> {
  const base = dirname(manifest);
  let columns: Map<string, number> | undefined;
  const text = (fields: string[], name: string) => {
    const index = columns!.get(name);
    const value = index === undefined ? '' : (fields[index] ?? '').trim();
    return value === '' ? null : value;
  };
  for await (const { fields, line } of csvRecords(createReadStream(manifest, { encoding: 'utf8' }))) {
    if (!columns) {
      columns = columnsOf(fields, manifest);
      continue;
    }
    const where = `${manifest}:${line}`;
    const id = text(fields, 'id');
    const path = text(fields, 'path');
    const date = normalDate(text(fields, 'date'));
    const reason =
      fields.length !== columns.size
        ? `has ${fields.length} fields, the header ${columns.size}`
        : id === null
          ? 'has no id'
          : path === null
            ? 'has no path'
            : date === undefined
              ? BAD_DATE
              : undefined;
    if (reason !== undefined) {
      yield { failure: { file: where, doc_id: id, reason } };
      continue;
    }
    const meta = { id: id!, date: date!, source: text(fields, 'source'), url: text(fields, 'url'), path };
    yield { task: { meta, file: isAbsolute(path!) ? path! : join(base, path!), shownAs: path! } };
  }
}

async function* stdinItems(io: Io): AsyncGenerator<InputItem> {
  const stream =
    io.stdin ??
    (async function* () {
      yield await io.readStdin();
    })();
  for await (const line of lines(stream)) {
    const where = `standard input:${line.number}`;
    if (line.text === undefined) {
      yield { failure: { file: where, doc_id: null, reason: 'is not valid UTF-8' } };
      continue;
    }
    if (line.text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      yield { failure: { file: where, doc_id: null, reason: 'is not JSON' } };
      continue;
    }
    const record = (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {}) as Record<string, unknown>;
    const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
    const date = normalDate(record.date);
    const optional = (name: string) => (typeof record[name] === 'string' && record[name] !== '' ? (record[name] as string) : null);
    const reason =
      id === null || id === ''
        ? 'has no "id" (a string or a number)'
        : typeof record.text !== 'string'
          ? 'has no "text" (a string)'
          : date === undefined
            ? BAD_DATE
            : undefined;
    if (reason !== undefined) {
      yield { failure: { file: where, doc_id: id, reason } };
      continue;
    }
    const meta = { id: id!, date: date!, source: optional('source'), url: optional('url'), path: null };
    yield { task: { meta, text: record.text as string, shownAs: where } };
  }
}

/**
 * The one input of a corpus command: a directory, `--manifest FILE.csv`, or `-` (NDJSON on standard
 * input). `seeHelp` ends the error a command line with none, or two, gets.
 */
export function inputSource(operands: readonly string[], manifest: string | undefined, seeHelp: string): InputSource {
  if (operands.length + (manifest === undefined ? 0 : 1) !== 1) {
    throw new UserError(`one input: a directory, --manifest FILE.csv or -; ${seeHelp}`, 2);
  }
  if (manifest !== undefined) return { kind: 'manifest', path: manifest };
  return operands[0] === '-' ? { kind: 'stdin' } : { kind: 'directory', path: operands[0] };
}

/** Fails, in one line, on an input that is missing or of the wrong kind (a file for a directory …). */
export function checkSource(source: InputSource): void {
  if (source.kind === 'stdin') return;
  let directory: boolean;
  try {
    directory = statSync(source.path).isDirectory();
  } catch {
    throw new UserError(`${source.path}: no such ${source.kind === 'directory' ? 'directory' : 'file'}`);
  }
  if (source.kind === 'directory' && !directory)
    throw new UserError(`${source.path}: is a file; give a directory, --manifest FILE.csv or -`);
  if (source.kind === 'manifest' && directory) throw new UserError(`${source.path}: is a directory; --manifest takes a CSV file`);
}
