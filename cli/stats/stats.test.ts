import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  FILLER,
  PlantedDocument,
  hanCount,
  plantablePhrases,
  seededNumbers,
  type PlantablePhrase,
} from '../../test-support/planted-corpus';
import { corpusCommand } from '../corpus/command';
import { loadData } from '../glossary-data';
import { reported, type Io } from '../io';
import { statsCommand } from './command';
import type { StatsRow } from './tally';

/**
 * A dated corpus from two sources, planted with three phrases in known numbers: `tifa stats`, the
 * README's DuckDB queries (docs/research-queries.sql, run as written) and a count by hand must agree.
 */

const root = join(__dirname, '../..');
const QUERIES = readFileSync(join(root, 'docs/research-queries.sql'), 'utf8')
  .split(/\n(?=-- \d+\. )/)
  .slice(1)
  .map((block) => block.replace(/^(--[^\n]*\n)+/, '').trim());

async function run(command: typeof statsCommand, argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { readStdin: async () => Buffer.alloc(0), out: (t) => (out += t), err: (t) => (err += t) };
  const code = await reported(io, () => command(argv, io));
  return { code, out, err };
}

const data = loadData();
const LAST_MILE: PlantablePhrase = {
  id: 'zuihou-yigongli',
  canonical: '最后一公里',
  forms: [
    { surface: '最后一公里', script: 'simplified' },
    { surface: '最後一公里', script: 'traditional' },
    { surface: '最后一公裡', script: 'mixed' },
  ],
};
const others = plantablePhrases(data)
  .filter((p) => p.forms.length === 3 && !p.canonical.includes('一公里'))
  .slice(0, 2);
const PHRASES = [LAST_MILE, ...others];

interface Doc {
  id: string;
  date: string;
  source: string;
  doc: PlantedDocument;
}

const docs: Doc[] = [];
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-stats-'));
  mkdirSync(join(dir, 'texts'));
  const next = seededNumbers(22);
  const dates = ['2024-01-05', '2024-01-20', '2024-02-11', '2024-03-01', '2024-03-30', '2025-01-02', ''];
  for (let i = 0; i < 28; i++) {
    const doc = new PlantedDocument();
    const traditional = i % 3 === 0;
    for (let p = 0; p < 4; p++) {
      doc.write(FILLER[traditional ? 'traditional' : 'simplified'][next(6)]);
      // Every fourth document has no phrase at all: it counts in the Han characters and documents of its period.
      if (i % 4 === 3) continue;
      for (const phrase of PHRASES) {
        for (let k = next(3); k > 0; k--) doc.plant(phrase, phrase.forms[next(3)]).write('。');
      }
      doc.paragraph();
    }
    const id = `doc-${String(i).padStart(2, '0')}`;
    writeFileSync(join(dir, 'texts', `${id}.txt`), doc.text);
    docs.push({ id, date: dates[i % dates.length], source: ['renmin', 'xinhua', ''][i % 3], doc });
  }
  writeFileSync(
    join(dir, 'manifest.csv'),
    `id,date,path,source\n${docs.map((d) => `${d.id},${d.date},texts/${d.id}.txt,${d.source}`).join('\n')}\n`,
  );
  for (const format of ['jsonl', 'parquet']) {
    const made = await run(corpusCommand, [
      '--manifest',
      join(dir, 'manifest.csv'),
      '--out',
      join(dir, format, 'out'),
      '--format',
      format,
      '--jobs',
      '2',
    ]);
    expect(made.code).toBe(0);
  }
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Row = StatsRow;

/** The rows of `tifa stats`, counted by hand from what was planted. */
function byHand(periodOf: (d: Doc) => string, keep: (id: string) => boolean = () => true, minDocs = 0): Row[] {
  const periods = new Map<string, { documents: number; han: number }>();
  const rows = new Map<string, Row>();
  for (const d of docs) {
    const period = periodOf(d);
    const totals = periods.get(period) ?? { documents: 0, han: 0 };
    totals.documents++;
    totals.han += hanCount(d.doc.text);
    periods.set(period, totals);
  }
  for (const d of docs) {
    const period = periodOf(d);
    const seen = new Set<string>();
    for (const o of d.doc.occurrences) {
      if (!keep(o.phrase_id)) continue;
      const key = `${period}|${o.phrase_id}`;
      const row = rows.get(key) ?? {
        period,
        phrase_id: o.phrase_id,
        canonical: o.canonical,
        occurrences: 0,
        documents: 0,
        han_chars: 0,
        rate_per_10k: 0,
        doc_share: 0,
      };
      row.occurrences++;
      if (!seen.has(o.phrase_id)) row.documents++;
      seen.add(o.phrase_id);
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .filter((row) => row.documents >= minDocs)
    .map((row) => {
      const { documents, han } = periods.get(row.period)!;
      return { ...row, han_chars: han, rate_per_10k: round((10_000 * row.occurrences) / han), doc_share: round(row.documents / documents) };
    })
    .sort(byKey);
}
const round = (n: number) => Math.round(n * 10_000) / 10_000;
const byKey = (a: Row, b: Row) =>
  a.period < b.period ? -1 : a.period > b.period ? 1 : a.phrase_id < b.phrase_id ? -1 : a.phrase_id > b.phrase_id ? 1 : 0;

function parseCsv(csv: string): Row[] {
  const [header, ...lines] = csv.trim().split('\n');
  expect(header.split(',').slice(1)).toEqual([
    'phrase_id',
    'canonical',
    'occurrences',
    'documents',
    'han_chars',
    'rate_per_10k',
    'doc_share',
  ]);
  return lines
    .map((line) => {
      const [period, phrase_id, canonical, ...numbers] = line.split(',');
      const [occurrences, documents, han_chars, rate_per_10k, doc_share] = numbers.map(Number);
      return { period, phrase_id, canonical, occurrences, documents, han_chars, rate_per_10k, doc_share };
    })
    .sort(byKey);
}

async function stats(...argv: string[]): Promise<Row[]> {
  const { code, out, err } = await run(statsCommand, [join(dir, 'jsonl/out'), ...argv]);
  expect(err).toBe('');
  expect(code).toBe(0);
  return parseCsv(out);
}

/** DuckDB, with relative paths read from a dataset's parent folder, as a researcher would open it there. */
async function duckdb(folder: string): Promise<DuckDBConnection> {
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  await connection.run(`SET file_search_path = '${folder}'`);
  return connection;
}
/** DuckDB's rows, with its big integers (JSON strings) as numbers. */
const COUNTS = new Set(['occurrences', 'documents', 'han_chars']);
const query = async (connection: DuckDBConnection, sql: string) =>
  (await connection.runAndReadAll(sql))
    .getRowObjectsJson()
    .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, COUNTS.has(k) ? Number(v) : v])));
const asParquet = (sql: string) => sql.replace(/read_json\('out\/(\w+)\.jsonl'\)/g, "read_parquet('out/$1.parquet')");

describe('tifa stats', () => {
  const month = (d: Doc) => d.date.slice(0, 7);

  it('counts by month, year and source as a hand count does', async () => {
    expect(PHRASES).toHaveLength(3);
    const hand = byHand(month);
    expect(hand.length).toBeGreaterThan(10);
    expect(new Set(hand.map((r) => r.period))).toEqual(new Set(['2024-01', '2024-02', '2024-03', '2025-01', '']));
    expect(await stats('--by', 'month')).toEqual(hand);
    expect(await stats()).toEqual(hand);
    expect(await stats('--by', 'year')).toEqual(byHand((d) => d.date.slice(0, 4)));
    expect(await stats('--by', 'source')).toEqual(byHand((d) => d.source));
  });

  it('filters by phrase (id or any form), tier and number of documents', async () => {
    expect(await stats('--phrase', 'zuihou-yigongli')).toEqual(byHand(month, (id) => id === LAST_MILE.id));
    const two = new Set([LAST_MILE.id, others[0].id]);
    expect(await stats('--phrase', '最後一公裡', '--phrase', others[0].forms[1].surface)).toEqual(byHand(month, (id) => two.has(id)));
    expect(await stats('--tier', 'key')).toEqual(byHand(month));
    expect(await stats('--tier', 'formula')).toEqual([]);
    expect(await stats('--min-docs', '3')).toEqual(byHand(month, () => true, 3));
    const unknown = await run(statsCommand, [join(dir, 'jsonl/out'), '--phrase', '不是短语']);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no phrase "不是短语" in the glossary/);
  });

  it('reads Parquet as it reads JSON lines, and several datasets (shards) as one', async () => {
    const jsonl = await run(statsCommand, [join(dir, 'jsonl/out')]);
    expect((await run(statsCommand, [join(dir, 'parquet/out')])).out).toBe(jsonl.out);
    const doubled = parseCsv((await run(statsCommand, [join(dir, 'jsonl/out'), join(dir, 'jsonl/out')])).out);
    expect(doubled.map((r) => r.occurrences)).toEqual(byHand(month).map((r) => 2 * r.occurrences));
    const none = await run(statsCommand, [dir]);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/holds no dataset/);
  });
});

describe('the README’s DuckDB queries (docs/research-queries.sql)', () => {
  it('are quoted in the README as they are run here', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(QUERIES).toHaveLength(3);
    for (const sql of QUERIES) expect(readme).toContain(sql);
  });

  it.each(['jsonl', 'parquet'])('give what tifa stats and a hand count give (%s)', async (format) => {
    const connection = await duckdb(join(dir, format));
    const sql = (i: number) => (format === 'parquet' ? asParquet(QUERIES[i]) : QUERIES[i]);

    const rates = await query(connection, sql(0));
    const asRows = rates.map(({ month, ...rest }) => ({ period: month, ...rest }) as unknown as Row).sort(byKey);
    expect(asRows).toEqual(byHand((d) => d.date.slice(0, 7)));
    expect(asRows).toEqual(await stats());

    const lastMile = (d: Doc) => d.doc.occurrences.filter((o) => o.phrase_id === LAST_MILE.id).length;
    const top = docs
      .filter((d) => lastMile(d) > 0)
      .sort((a, b) => lastMile(b) - lastMile(a) || (a.id < b.id ? -1 : 1))
      .slice(0, 20);
    expect((await query(connection, sql(1))).map(({ doc_id, occurrences, han_chars }) => ({ doc_id, occurrences, han_chars }))).toEqual(
      top.map((d) => ({ doc_id: d.id, occurrences: lastMile(d), han_chars: hanCount(d.doc.text) })),
    );

    const forms = new Map<string, { year: string; surface: string; script: string; occurrences: number }>();
    for (const d of docs) {
      for (const o of d.doc.occurrences.filter((x) => x.phrase_id === LAST_MILE.id)) {
        const key = `${d.date.slice(0, 4)}|${o.surface}`;
        const row = forms.get(key) ?? { year: d.date.slice(0, 4), surface: o.surface, script: o.script, occurrences: 0 };
        row.occurrences++;
        forms.set(key, row);
      }
    }
    const bySurface = (a: { year: string; surface: string }, b: { year: string; surface: string }) =>
      a.year.localeCompare(b.year) || a.surface.localeCompare(b.surface);
    const surfaces = (await query(connection, sql(2))) as unknown as { year: string; surface: string }[];
    expect(surfaces.sort(bySurface)).toEqual([...forms.values()].sort(bySurface));
    connection.closeSync();
  });
});
