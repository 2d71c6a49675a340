import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledPhrases } from '../utils/core/compiled-data';
import { parseOwnPhrasesCsv } from '../utils/core/own-phrases';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { main, type Io } from './tifa';

function run(argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: Io = { readStdin: async () => Buffer.from(stdin), out: (t) => (out += t), err: (t) => (err += t) };
  return main(['discover', ...argv], io).then((code) => ({ code, out, err }));
}

const phrases: CompiledPhrases = JSON.parse(readFileSync(join(import.meta.dirname, '../generated/phrases.json'), 'utf8'));
const key = createPhraseMatcher(phrases).key;

/** Everyday lines, different in every document, around the planted sentences. */
const FILLER = [
  '今天早上下了一场小雨，路上的行人不多。',
  '我们在家里做了一锅番茄炒蛋。',
  '周末去公园散步，看到很多人在放风筝。',
  '这台电脑的屏幕有点暗。',
  '菜市场的青菜比上个月便宜了一些。',
  '孩子们放学以后在操场上踢足球。',
  '新开的咖啡店要排很久的队。',
  '火车晚点了半个小时。',
  '天气预报说明天会降温。',
  '他每天骑自行车上班。',
];
const PLANTED = [
  '各级干部要增强“四个意识”，自觉做到两个维护。',
  '會議強調樹立「四個意識」，堅決做到兩個維護。',
  '全体党员必须树立“四个意识”，始终做到两个维护。',
  '村里的标语写着“绿水青山就是金山银山”。',
  '牢固树立“绿水青山就是金山银山”的理念。',
  '要打通“最后一公里”，践行「三嚴三實」。',
];

function documentText(doc: number): string {
  const filler = (k: number) => FILLER[(doc * 7 + k * 3) % FILLER.length] + FILLER[(doc * 3 + k * 5 + 1) % FILLER.length];
  return [filler(0), filler(1) + PLANTED[doc % PLANTED.length] + filler(2), filler(3)].join('\n');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-discover-'));
  mkdirSync(join(dir, 'corpus/pages'), { recursive: true });
  for (let doc = 0; doc < 12; doc++) {
    const text = documentText(doc);
    if (doc % 3 === 2) {
      const paragraphs = text
        .split('\n')
        .map((line) => `<p>${line}</p>`)
        .join('');
      writeFileSync(
        join(dir, `corpus/pages/${doc}.html`),
        `<!doctype html><html><head><meta charset="utf-8"><title>第${doc}篇</title></head><body><nav><a href="/">首页</a></nav><article><h1>第${doc}篇</h1>${paragraphs}</article></body></html>`,
      );
    } else writeFileSync(join(dir, `corpus/${doc}.txt`), text);
  }
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ndjson = () =>
  Array.from({ length: 12 }, (_, doc) => JSON.stringify({ id: `d${doc}`, date: '2026-12-07', text: documentText(doc) })).join('\n');

const keys = (result: { candidates: { form: string }[] }) => result.candidates.map((c) => key(c.form)).sort();
const PLANTED_KEYS = ['四个意识', '两个维护', '绿水青山就是金山银山'].map(key).sort();

describe('tifa discover', () => {
  it('finds the planted formulas in a directory of text and HTML files, and nothing the glossary holds', async () => {
    const { code, out, err } = await run([join(dir, 'corpus'), '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result.documents).toBe(12);
    expect(keys(result)).toEqual(PLANTED_KEYS);
    const upholding = result.candidates.find((c: any) => key(c.form) === key('两个维护'));
    expect(upholding.kinds).toContain('numbered');
    expect([upholding.form, ...upholding.otherForms].sort()).toEqual(['两个维护', '兩個維護']);
    // Documents 0, 1 and 6, 7 are text files, 2 and 8 HTML pages, read as their articles.
    expect(upholding.documents).toBe(6);
    expect(upholding.contexts[0].document).toBe('0.txt');
  });

  it('reads NDJSON on standard input, as tifa corpus - does', async () => {
    const { code, out } = await run(['-', '--json'], ndjson());
    expect(code).toBe(0);
    expect(keys(JSON.parse(out))).toEqual(PLANTED_KEYS);
  });

  it('prints a readable report, the same on every run', async () => {
    const first = await run(['-'], ndjson());
    const second = await run(['-'], ndjson());
    expect(first.code).toBe(0);
    expect(second.out).toBe(first.out);
    expect(first.out).toMatch(/^3 candidates that neither the glossary nor your phrases hold, in 12 documents/);
    expect(first.out).toMatch(/\n1\. \S+ {4}\d+ documents \(cited in \d+/);
    expect(first.out).toMatch(/\n {3}d\d+: …[^\n]*【[^】]+】/);
  });

  it('writes the candidates as an own-phrases CSV that the options import back', async () => {
    const file = join(dir, 'candidates.csv');
    const { code, out } = await run(['-', '--json', '--own-phrases', file], ndjson());
    expect(code).toBe(0);
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\ufeffform,meaning,note,category\r\n')).toBe(true);
    const imported = parseOwnPhrasesCsv(csv, key);
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.phrases.map((p) => p.form)).toEqual(JSON.parse(out).candidates.map((c: any) => c.form));
    expect(imported.phrases.find((p) => key(p.form) === key('四个意识'))?.category).toBe('numbered-formula');
  });

  it('leaves out your own phrases (--exclude), and --top and --kinds narrow the list', async () => {
    const own = join(dir, 'own.csv');
    writeFileSync(own, 'form,meaning\n兩個維護,the Two Upholds\n');
    const excluded = JSON.parse((await run(['-', '--json', '--exclude', own], ndjson())).out);
    expect(keys(excluded)).toEqual(['四个意识', '绿水青山就是金山银山'].map(key).sort());
    expect(JSON.parse((await run(['-', '--json', '--top', '1'], ndjson())).out).candidates).toHaveLength(1);
    const quoted = JSON.parse((await run(['-', '--json', '--kinds', 'quoted'], ndjson())).out);
    expect(quoted.candidates.every((c: any) => c.kinds.includes('quoted'))).toBe(true);
  });

  it('measures keyness against your own ordinary text with --reference', async () => {
    const ordinary = join(dir, 'ordinary');
    mkdirSync(ordinary);
    FILLER.forEach((line, i) => {
      writeFileSync(join(ordinary, `${i}.txt`), line.repeat(20));
    });
    const { code, out } = await run(['-', '--json', '--reference', ordinary], ndjson());
    expect(code).toBe(0);
    expect(keys(JSON.parse(out))).toEqual(PLANTED_KEYS);
    expect((await run(['-', '--reference', join(dir, 'nowhere')], ndjson())).code).toBe(1);
  });

  it('names what it cannot read and goes on', async () => {
    const { code, out, err } = await run(['-', '--json'], `${ndjson()}\nnot json\n{"id":"x"}\n`);
    expect(code).toBe(0);
    expect(keys(JSON.parse(out))).toEqual(PLANTED_KEYS);
    expect(err).toMatch(/^tifa discover: 2 documents could not be read, left out:\n {2}standard input:13: is not JSON\n/);
  });

  it('rejects a wrong command line with exit code 2 and a missing input with 1', async () => {
    expect((await run(['-', '--top', '0'])).code).toBe(2);
    expect((await run(['-', '--kinds', 'slogans'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    const missing = await run([join(dir, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(`tifa: ${join(dir, 'nowhere')}: no such directory\n`);
    expect((await run(['-'], '')).err).toBe('tifa: no document to read\n');
  });
});

describe('the precision of tifa discover on real text (bench/discover/labels.json)', () => {
  const file = JSON.parse(readFileSync(join(import.meta.dirname, '../bench/discover/labels.json'), 'utf8'));
  const labels: { rank: number; form: string; verdict: string; borderline?: boolean; reason: string }[] = file.labels;

  it('labels each of the top 100 once, with a reason', () => {
    expect(labels.map((l) => l.rank)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(new Set(labels.map((l) => key(l.form))).size).toBe(100);
    for (const label of labels) {
      expect(['yes', 'no']).toContain(label.verdict);
      expect(label.reason.length).toBeGreaterThan(5);
      if (label.borderline) expect(label.verdict).toBe('yes');
    }
  });

  it('meets the 70% target, and says how many are borderline', () => {
    const yes = labels.filter((l) => l.verdict === 'yes');
    expect(yes.length / labels.length).toBeGreaterThanOrEqual(0.7);
    // The figures docs/discover.md reports.
    expect(yes.length).toBe(90);
    expect(yes.filter((l) => !l.borderline).length).toBe(77);
  });
});
