import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { FILLER, PlantedDocument, hanCount, plantablePhrases, type PlantablePhrase } from '../../test-support/planted-corpus';
import { loadData } from '../glossary-data';
import { reported, type Io } from '../io';
import { corpusCommand } from './command';
import { readTable, type DocumentRecord, type OccurrenceRecord } from './dataset';
import { fnv1a } from './shard';

let dir: string;
let corpus: string;

async function runCorpus(argv: string[], options: { stdin?: string; terminal?: boolean } = {}) {
  let out = '';
  let err = '';
  const io: Io = {
    readStdin: async () => Buffer.from(options.stdin ?? ''),
    out: (t) => (out += t),
    err: (t) => (err += t),
    errIsTerminal: options.terminal,
  };
  const code = await reported(io, () => corpusCommand(argv, io));
  return { code, out, err };
}

const read = (out: string, file: string) => readFileSync(join(out, file), 'utf8');
const jsonLines = <T>(out: string, file: string): T[] =>
  read(out, file)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
const DATA_FILES = ['occurrences.jsonl', 'documents.jsonl', 'errors.jsonl'];
/** run.json less what describes the run rather than the dataset (jobs, time, memory). */
const runRecord = (out: string) => {
  const { run: _run, ...rest } = JSON.parse(read(out, 'run.json'));
  return rest;
};

const data = loadData();
const phrases = plantablePhrases(data);
const triple = phrases.filter((p) => p.forms.length === 3);
const either = phrases.find((p) => p.forms.length === 1)!;
const [S, T, MIXED] = [0, 1, 2];

function put(path: string, content: string | Buffer) {
  mkdirSync(dirname(join(corpus, path)), { recursive: true });
  writeFileSync(join(corpus, path), content);
}

/** The planted text documents, by id (their path in the corpus). */
const planted = new Map<string, PlantedDocument>();
function plantDocument(path: string, build: (doc: PlantedDocument, plant: (p: PlantablePhrase, form: number) => void) => void) {
  const doc = new PlantedDocument();
  build(doc, (phrase, form) => doc.plant(phrase, phrase.forms[form]).write('。'));
  planted.set(path, doc);
  put(path, doc.text);
}

const ARTICLE = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>第${i + 1}段：${FILLER.simplified[i]}基层干部在采访中谈到${triple[6].forms[S].surface}，${FILLER.simplified[i + 1]}大家都很关心这件事。</p>`,
).join('');
const PAGE = `<!doctype html><html><head><title>新闻</title></head><body><nav><a href="/">首页</a> <a href="/x">${triple[7].forms[S].surface}专题</a></nav><article><h1>采访记</h1>${ARTICLE}</article></body></html>`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-corpus-'));
  corpus = join(dir, 'corpus');
  plantDocument('a/2024-01-15.txt', (doc, plant) => {
    doc.write(FILLER.simplified[0]).write('𠮷');
    plant(triple[0], S);
    doc.write(FILLER.simplified[1]).paragraph().write('𠮷𠮷');
    plant(triple[1], S);
    plant(either, 0);
  });
  plantDocument('a/b/2024-02-03.txt', (doc, plant) => {
    doc.write(FILLER.traditional[0]);
    plant(triple[2], T);
    doc.paragraph().write(FILLER.traditional[1]).write('𠮷');
    plant(triple[0], T);
    doc.paragraph().paragraph().write(FILLER.traditional[2]);
    plant(triple[3], T);
  });
  plantDocument('mixed.txt', (doc, plant) => {
    plant(triple[3], MIXED);
    doc.write('🎉');
    plant(triple[4], S);
    doc.write(FILLER.simplified[2]).paragraph();
    plant(triple[5], T);
    plant(triple[4], MIXED);
  });
  put('page.html', PAGE);
  put('bad/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  put('bad/latin1.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xff]));
  put('bad/empty.txt', '');
  symlinkSync(join(corpus, 'bad/nowhere.txt'), join(corpus, 'bad/broken.txt'));
  put('notes.md', `${triple[0].forms[S].surface} is not read: only .txt, .html and .htm are`);
  const { code, err } = await runCorpus([corpus, '--out', join(dir, 'out'), '--jobs', '2']);
  expect(err).toBe('');
  expect(code).toBe(0);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tifa corpus on a directory', () => {
  it('finds every planted occurrence, with its offsets in code points, paragraph, script and context', () => {
    const occurrences = jsonLines<OccurrenceRecord>(join(dir, 'out'), 'occurrences.jsonl');
    for (const [id, doc] of planted) {
      const found = occurrences.filter((o) => o.doc_id === id);
      expect(
        found.map(({ phrase_id, canonical, surface, script, char_start, char_end, paragraph }) => ({
          phrase_id,
          canonical,
          surface,
          script,
          char_start,
          char_end,
          paragraph,
        })),
        id,
      ).toEqual(doc.occurrences);
      const points = [...doc.text];
      for (const o of found) {
        expect(points.slice(o.char_start, o.char_end).join('')).toBe(o.surface);
        expect(o.before).toBe(points.slice(Math.max(0, o.char_start - 30), o.char_start).join(''));
        expect(o.after).toBe(points.slice(o.char_end, o.char_end + 30).join(''));
        expect(o.tier).toBe('key');
        expect(o.date).toBe(/\d{4}-\d{2}-\d{2}/.exec(id)?.[0] ?? null);
      }
    }
    // The astral characters are what make code points and UTF-16 differ: the planted offsets must be past one.
    expect(planted.get('a/2024-01-15.txt')!.occurrences[1].char_start).toBeLessThan(
      planted.get('a/2024-01-15.txt')!.text.lastIndexOf(triple[1].forms[S].surface),
    );
    expect(new Set(occurrences.map((o) => o.script))).toEqual(new Set(['simplified', 'traditional', 'mixed', 'either']));
  });

  it('writes one row per document, in the order of their paths, with its date from the file name', () => {
    const documents = jsonLines<DocumentRecord>(join(dir, 'out'), 'documents.jsonl');
    expect(documents.map((d) => d.doc_id)).toEqual(['a/2024-01-15.txt', 'a/b/2024-02-03.txt', 'mixed.txt', 'page.html']);
    for (const [id, doc] of planted) {
      expect(documents.find((d) => d.doc_id === id)).toEqual({
        doc_id: id,
        date: /\d{4}-\d{2}-\d{2}/.exec(id)?.[0] ?? null,
        source: null,
        url: null,
        path: id,
        title: null,
        chars: [...doc.text].length,
        han_chars: hanCount(doc.text),
        occurrences: doc.occurrences.length,
        phrases: new Set(doc.occurrences.map((o) => o.phrase_id)).size,
      });
    }
  });

  it('reads the article of an HTML page (the whole page with --whole-page), with offsets into the text annotate reads', async () => {
    const page = (out: string) => jsonLines<OccurrenceRecord>(out, 'occurrences.jsonl').filter((o) => o.doc_id === 'page.html');
    const article = page(join(dir, 'out'));
    expect(article.map((o) => o.phrase_id)).toEqual(Array(5).fill(triple[6].id));
    const { main } = await import('../tifa');
    let json = '';
    await main(['annotate', '--json', join(corpus, 'page.html')], {
      readStdin: async () => Buffer.alloc(0),
      out: (t) => (json += t),
      err: () => {},
    });
    const text = [...JSON.parse(json).text];
    for (const o of article) expect(text.slice(o.char_start, o.char_end).join('')).toBe(o.surface);
    expect(article.map((o) => o.paragraph)).toEqual([1, 2, 3, 4, 5]);

    const whole = join(dir, 'whole');
    expect((await runCorpus([corpus, '--out', whole, '--whole-page', '--jobs', '1'])).code).toBe(0);
    expect(page(whole).map((o) => o.phrase_id)).toEqual([triple[7].id, ...Array(5).fill(triple[6].id)]);
  }, 120_000);

  it('lists the files it cannot read in errors.jsonl, with the reason, and goes on', async () => {
    expect(jsonLines(join(dir, 'out'), 'errors.jsonl')).toEqual([
      { file: 'bad/binary.txt', doc_id: 'bad/binary.txt', reason: expect.stringMatching(/binary/) },
      { file: 'bad/broken.txt', doc_id: 'bad/broken.txt', reason: 'no such file' },
      { file: 'bad/empty.txt', doc_id: 'bad/empty.txt', reason: 'is empty' },
      { file: 'bad/latin1.txt', doc_id: 'bad/latin1.txt', reason: expect.stringMatching(/not valid UTF-8/) },
    ]);
    const run = JSON.parse(read(join(dir, 'out'), 'run.json'));
    expect(run.counts).toEqual({ documents: 4, occurrences: expect.any(Number), failed: 4 });
    expect(run.errors.reduce((n: number, e: { count: number }) => n + e.count, 0)).toBe(4);
    expect(run).toMatchObject({ tifa: expect.any(String), glossary_sha256: data.hash, options: { input: 'directory', level: 'context' } });
    const again = await runCorpus([corpus, '--out', join(dir, 'again'), '--jobs', '1']);
    expect(again.out).toMatch(/^tifa corpus: 4 documents, \d+ occurrences; 4 failed, listed in .*errors\.jsonl; the dataset is in /);
  }, 120_000);

  it('lists a file it cannot read for a reason other than its absence', async () => {
    // A link to itself (ELOOP): unreadable whoever runs the test (root reads a file of mode 0).
    const locked = join(dir, 'locked');
    mkdirSync(locked);
    symlinkSync('secret.txt', join(locked, 'secret.txt'));
    await runCorpus([locked, '--out', join(dir, 'locked-out'), '--jobs', '1']);
    expect(jsonLines(join(dir, 'locked-out'), 'errors.jsonl')).toEqual([
      { file: 'secret.txt', doc_id: 'secret.txt', reason: 'cannot read it' },
    ]);
  });

  it('writes the same bytes for --jobs 1 and --jobs 2, and run after run', async () => {
    for (const [name, jobs] of [
      ['one', '1'],
      ['two-again', '2'],
    ]) {
      const out = join(dir, name);
      expect((await runCorpus([corpus, '--out', out, '--jobs', jobs])).code).toBe(0);
      for (const file of DATA_FILES) expect(read(out, file), `${file}, --jobs ${jobs}`).toBe(read(join(dir, 'out'), file));
      expect(runRecord(out)).toEqual(runRecord(join(dir, 'out')));
    }
  }, 120_000);

  it('draws a progress bar on standard error only when it is a terminal', async () => {
    const onTerminal = await runCorpus([corpus, '--out', join(dir, 'tty'), '--jobs', '1'], { terminal: true });
    expect(onTerminal.err).toContain('\r\u001b[K');
    expect(onTerminal.err).toMatch(/\d+(\/\d+)? documents · \d+\.\d MB\/s/);
    const elsewhere = await runCorpus([corpus, '--out', join(dir, 'no-tty'), '--jobs', '1'], { terminal: false });
    expect(elsewhere.err).toBe('');
  }, 120_000);
});

describe('--resume', () => {
  const full = () => join(dir, 'out');
  const interrupted = (name: string, cut: (out: string) => void) => {
    const out = join(dir, name);
    cpSync(full(), out, { recursive: true });
    rmSync(join(out, 'run.json'));
    cut(out);
    return out;
  };
  const cutInside = (out: string, file: string, line: number, keep: number) => {
    const text = read(out, file);
    const lines = text.split('\n');
    const at = Buffer.byteLength(lines.slice(0, line).join('\n')) + 1 + keep;
    truncateSync(join(out, file), at);
  };

  it('carries on after a line cut short, and the dataset comes out the same as an uninterrupted run', async () => {
    const out = interrupted('resumed', (o) => {
      cutInside(o, 'documents.jsonl', 2, 10);
      cutInside(o, 'occurrences.jsonl', 6, 7);
    });
    const { code, out: summary } = await runCorpus([corpus, '--out', out, '--resume', '--jobs', '2']);
    expect(code).toBe(0);
    expect(summary).toMatch(/\(2 carried over\)/);
    for (const file of DATA_FILES) expect(read(out, file), file).toBe(read(full(), file));
    expect(JSON.parse(read(out, 'run.json')).run.carried_over).toBe(2);
  }, 120_000);

  it('does the document again whose occurrences did not all reach the disk', async () => {
    const out = interrupted('resumed-short', (o) => {
      const first = jsonLines<OccurrenceRecord>(o, 'occurrences.jsonl').filter((x) => x.doc_id === 'a/2024-01-15.txt').length;
      cutInside(o, 'occurrences.jsonl', first + 1, 0);
    });
    expect((await runCorpus([corpus, '--out', out, '--resume', '--jobs', '1'])).out).toMatch(/\(1 carried over\)/);
    for (const file of DATA_FILES) expect(read(out, file), file).toBe(read(full(), file));
  }, 120_000);

  it('will not write over a dataset without it, nor resume with other options', async () => {
    const again = await runCorpus([corpus, '--out', full(), '--jobs', '1']);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already holds a dataset; --resume carries it on/);
    const other = await runCorpus([corpus, '--out', full(), '--resume', '--level', 'all', '--jobs', '1']);
    expect(other.code).toBe(1);
    expect(other.err).toMatch(/was made with other options \(level\)/);
  });
});

describe('--shard i/n', () => {
  it('hashes ids with FNV-1a (32 bits, UTF-8), as the README gives it for other languages', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('splits the documents three ways, and the three shards read as one dataset equal the single run', async () => {
    for (const i of [1, 2, 3])
      expect((await runCorpus([corpus, '--out', join(dir, `shards/part-${i}`), '--shard', `${i}/3`, '--jobs', '1'])).code).toBe(0);
    const ids = [1, 2, 3].map((i) => jsonLines<DocumentRecord>(join(dir, `shards/part-${i}`), 'documents.jsonl').map((d) => d.doc_id));
    expect(ids.flat().sort()).toEqual(
      jsonLines<DocumentRecord>(join(dir, 'out'), 'documents.jsonl')
        .map((d) => d.doc_id)
        .sort(),
    );
    expect(ids.filter((part) => part.length > 0).length).toBeGreaterThan(1);

    const duckdb = await (await DuckDBInstance.create(':memory:')).connect();
    const rows = async (sql: string) => (await duckdb.runAndReadAll(sql)).getRowObjectsJson();
    for (const table of ['occurrences', 'documents']) {
      const union = await rows(`SELECT * FROM read_json('${dir}/shards/*/${table}.jsonl') ORDER BY ALL`);
      const single = await rows(`SELECT * FROM read_json('${dir}/out/${table}.jsonl') ORDER BY ALL`);
      expect(union.length).toBeGreaterThan(0);
      expect(union).toEqual(single);
    }
    duckdb.closeSync();
  }, 120_000);
});

describe('other inputs', () => {
  it('reads a manifest: ids, dates, sources and urls from the CSV, paths relative to it; bad rows are listed', async () => {
    const manifest = join(corpus, 'manifest.csv');
    writeFileSync(
      manifest,
      [
        'id,date,path,source,url',
        'first,2024-01-15,a/2024-01-15.txt,"People\'s Daily, page 1",https://example.org/1',
        '"second, with a comma",2024-02,a/b/2024-02-03.txt,,',
        'third,,mixed.txt,xinhua,',
        'no-path,2024-03-01,,,',
        'bad-date,15/01/2024,mixed.txt,,',
        'missing,2024-03-02,nowhere.txt,,',
        'short,2024-03-03',
      ].join('\r\n'),
    );
    const out = join(dir, 'from-manifest');
    expect((await runCorpus(['--manifest', manifest, '--out', out, '--jobs', '2'])).code).toBe(0);
    const documents = jsonLines<DocumentRecord>(out, 'documents.jsonl');
    expect(documents.map(({ doc_id, date, source, url, path }) => ({ doc_id, date, source, url, path }))).toEqual([
      { doc_id: 'first', date: '2024-01-15', source: "People's Daily, page 1", url: 'https://example.org/1', path: 'a/2024-01-15.txt' },
      { doc_id: 'second, with a comma', date: '2024-02', source: null, url: null, path: 'a/b/2024-02-03.txt' },
      { doc_id: 'third', date: null, source: 'xinhua', url: null, path: 'mixed.txt' },
    ]);
    expect(documents[0].occurrences).toBe(planted.get('a/2024-01-15.txt')!.occurrences.length);
    expect(jsonLines(out, 'errors.jsonl')).toEqual([
      { file: `${manifest}:5`, doc_id: 'no-path', reason: 'has no path' },
      { file: `${manifest}:6`, doc_id: 'bad-date', reason: expect.stringMatching(/the date is not YYYY-MM-DD/) },
      { file: 'nowhere.txt', doc_id: 'missing', reason: 'no such file' },
      { file: `${manifest}:8`, doc_id: 'short', reason: 'has 2 fields, the header 5' },
    ]);
  }, 120_000);

  it('reads NDJSON documents on standard input; bad lines are listed', async () => {
    const text = planted.get('a/2024-01-15.txt')!.text;
    const stdin = [
      JSON.stringify({ id: 'one', date: '2024-01-15', text, source: 'xinhua' }),
      '',
      '{"id": "broken", "text": ',
      JSON.stringify({ id: 2, date: '2024-01-16T08:00:00+08:00', text: planted.get('mixed.txt')!.text }),
      JSON.stringify({ id: 'no-text', date: '2024-01-17' }),
    ].join('\n');
    const out = join(dir, 'from-stdin');
    expect((await runCorpus(['-', '--out', out, '--jobs', '2'], { stdin })).code).toBe(0);
    const documents = jsonLines<DocumentRecord>(out, 'documents.jsonl');
    expect(documents.map(({ doc_id, date, source, path }) => ({ doc_id, date, source, path }))).toEqual([
      { doc_id: 'one', date: '2024-01-15', source: 'xinhua', path: null },
      { doc_id: '2', date: '2024-01-16', source: null, path: null },
    ]);
    const occurrences = jsonLines<OccurrenceRecord>(out, 'occurrences.jsonl');
    expect(occurrences.filter((o) => o.doc_id === 'one').map((o) => o.char_start)).toEqual(
      planted.get('a/2024-01-15.txt')!.occurrences.map((o) => o.char_start),
    );
    expect(jsonLines(out, 'errors.jsonl')).toEqual([
      { file: 'standard input:3', doc_id: null, reason: 'is not JSON' },
      { file: 'standard input:5', doc_id: 'no-text', reason: 'has no "text" (a string)' },
    ]);
  }, 120_000);
});

describe('--format parquet', () => {
  it('writes the same records as JSON lines, read back with hyparquet', async () => {
    const out = join(dir, 'parquet');
    expect((await runCorpus([corpus, '--out', out, '--format', 'parquet', '--jobs', '2'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['documents.parquet', 'errors.jsonl', 'occurrences.parquet', 'run.json']);
    for (const table of ['occurrences', 'documents'] as const) {
      const records: unknown[] = [];
      for await (const record of readTable(out, table)) records.push(record);
      expect(records).toEqual(jsonLines(join(dir, 'out'), `${table}.jsonl`));
    }
    const again = join(dir, 'parquet-again');
    await runCorpus([corpus, '--out', again, '--format', 'parquet', '--jobs', '1']);
    for (const file of ['documents.parquet', 'occurrences.parquet'])
      expect(readFileSync(join(again, file))).toEqual(readFileSync(join(out, file)));
  }, 120_000);
});

describe('usage', () => {
  it.each([
    ['no --out', () => [corpus], /--out DIR is needed/, 2],
    ['two inputs', () => [corpus, '-', '--out', join(dir, 'x')], /one input/, 2],
    ['a bad --jobs', () => [corpus, '--out', join(dir, 'x'), '--jobs', '0'], /--jobs takes a number/, 2],
    ['a bad --shard', () => [corpus, '--out', join(dir, 'x'), '--shard', '4/3'], /--shard takes i\/n/, 2],
    [
      '--resume with Parquet',
      () => [corpus, '--out', join(dir, 'x'), '--resume', '--format', 'parquet'],
      /--resume carries on JSON lines only/,
      2,
    ],
    ['a missing directory', () => [join(dir, 'nowhere'), '--out', join(dir, 'x')], /no such directory/, 1],
    ['a file for a directory', () => [join(corpus, 'mixed.txt'), '--out', join(dir, 'x')], /is a file/, 1],
    [
      'a manifest without its columns',
      () => {
        writeFileSync(join(dir, 'bad.csv'), 'name,file\na,b\n');
        return ['--manifest', join(dir, 'bad.csv'), '--out', join(dir, 'bad-manifest')];
      },
      /its first line names the columns/,
      1,
    ],
  ])('%s', async (_name, argv, message, exitCode) => {
    const { code, err } = await runCorpus(argv());
    expect(code).toBe(exitCode);
    expect(err).toMatch(message);
    // Nothing is written before the command line and the input have been checked.
    expect(existsSync(join(dir, 'x'))).toBe(false);
    expect(existsSync(join(dir, 'bad-manifest'))).toBe(false);
  });

  it('prints its help', async () => {
    const { code, out } = await runCorpus(['--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^usage: tifa corpus DIRECTORY\|--manifest FILE\.csv\|- --out DIR \[options\]\n/);
    for (const flag of ['--out', '--manifest', '--jobs', '--format', '--level', '--whole-page', '--encoding', '--resume', '--shard'])
      expect(out).toContain(flag);
  });
});

describe('the tifa bin (worker threads load the TypeScript too)', () => {
  const bin = join(__dirname, '../../bin/tifa.mjs');

  it('annotates a directory with two worker threads, and NDJSON piped on standard input', () => {
    const out = join(dir, 'bin-out');
    const run = spawnSync(process.execPath, [bin, 'corpus', corpus, '--out', out, '--jobs', '2'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^tifa corpus: 4 documents/);
    for (const file of DATA_FILES) expect(read(out, file)).toBe(read(join(dir, 'out'), file));

    const piped = join(dir, 'bin-stdin');
    const input = `${JSON.stringify({ id: 'x', date: '2024-05-01', text: planted.get('mixed.txt')!.text })}\n`;
    const stdin = spawnSync(process.execPath, [bin, 'corpus', '-', '--out', piped, '--jobs', '2'], { encoding: 'utf8', input });
    expect(stdin.status).toBe(0);
    expect(jsonLines<OccurrenceRecord>(piped, 'occurrences.jsonl').map((o) => o.surface)).toEqual(
      planted.get('mixed.txt')!.occurrences.map((o) => o.surface),
    );
  }, 120_000);
});
