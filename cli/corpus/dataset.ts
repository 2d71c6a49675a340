/**
 * What `tifa corpus` writes and `tifa stats` reads: the files of a dataset, their columns in order,
 * and reading them back (JSONL or Parquet) one record at a time. The columns are documented in the
 * README ("For researchers"); JSONL and Parquet hold the same ones.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { FormScript } from '../../utils/core/fold';
import type { Category, Tier } from '../../utils/core/glossary-schema';
import { lines } from './lines';

/** One occurrence of a phrase. Offsets are in code points of the document's text as read. */
export interface OccurrenceRecord {
  doc_id: string;
  date: string | null;
  phrase_id: string;
  /** The phrase's canonical (Simplified) form. */
  canonical: string;
  /** The phrase as written in the document. */
  surface: string;
  script: FormScript;
  tier: Tier;
  category: Category;
  char_start: number;
  char_end: number;
  /** Index of the paragraph (block) it is in, from 0. */
  paragraph: number;
  before: string;
  after: string;
}

export interface DocumentRecord {
  doc_id: string;
  date: string | null;
  source: string | null;
  url: string | null;
  /** As given: relative to the directory read, or as the manifest wrote it; null from standard input. */
  path: string | null;
  title: string | null;
  /** Code points in the document's text as read. */
  chars: number;
  han_chars: number;
  occurrences: number;
  /** Distinct phrases. */
  phrases: number;
}

export interface ErrorRecord {
  /** The file, or the line of the manifest or of standard input. */
  file: string;
  doc_id: string | null;
  reason: string;
}

export type Table = 'occurrences' | 'documents';
export type Format = 'jsonl' | 'parquet';
export const FORMATS: readonly Format[] = ['jsonl', 'parquet'];

interface Column {
  name: string;
  type: 'STRING' | 'INT32';
  nullable: boolean;
}
const text = (name: string, nullable = false): Column => ({ name, type: 'STRING', nullable });
const count = (name: string): Column => ({ name, type: 'INT32', nullable: false });

export const COLUMNS: Record<Table, readonly Column[]> = {
  occurrences: [
    text('doc_id'),
    text('date', true),
    text('phrase_id'),
    text('canonical'),
    text('surface'),
    text('script'),
    text('tier'),
    text('category'),
    count('char_start'),
    count('char_end'),
    count('paragraph'),
    text('before'),
    text('after'),
  ],
  documents: [
    text('doc_id'),
    text('date', true),
    text('source', true),
    text('url', true),
    text('path', true),
    text('title', true),
    count('chars'),
    count('han_chars'),
    count('occurrences'),
    count('phrases'),
  ],
};

export const fileOf = (table: Table | 'errors', format: Format) => `${table}.${table === 'errors' ? 'jsonl' : format}`;
export const RUN_FILE = 'run.json';

/** The format a dataset directory was written in, if it holds one. */
export function formatOf(dir: string): Format | undefined {
  return FORMATS.find((format) => existsSync(join(dir, fileOf('documents', format))));
}

/** Rows of a Parquet file read at a time: a row group of ours, so memory stays bounded. */
const PARQUET_CHUNK = 65_536;

/** The records of one table of a dataset, in file order. A JSONL line cut short (an interrupted run) is not read. */
export async function* readTable<R extends OccurrenceRecord | DocumentRecord>(dir: string, table: Table): AsyncGenerator<R> {
  const format = formatOf(dir);
  if (!format) return;
  const path = join(dir, fileOf(table, format));
  if (format === 'jsonl') {
    for await (const line of lines(createReadStream(path))) if (line.complete && line.text) yield JSON.parse(line.text) as R;
    return;
  }
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const rows = Number(metadata.num_rows);
  for (let start = 0; start < rows; start += PARQUET_CHUNK) {
    const chunk = await parquetReadObjects({ file, metadata, rowStart: start, rowEnd: Math.min(rows, start + PARQUET_CHUNK) });
    for (const row of chunk) yield row as R;
  }
}
