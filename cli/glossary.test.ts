import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledGlossary } from '../utils/core/compiled-data';
import { readTermBaseCsv } from '../utils/core/term-base';
import { main, type Io } from './tifa';

function run(argv: string[]) {
  let out = '';
  let err = '';
  const io: Io = { readStdin: async () => Buffer.alloc(0), out: (t) => (out += t), err: (t) => (err += t) };
  return main(argv, io).then((code) => ({ code, out, err }));
}

let dir: string;
let glossary: CompiledGlossary;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tifa-glossary-'));
  glossary = JSON.parse(readFileSync(join(import.meta.dirname, '../generated/glossary.json'), 'utf8'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('tifa glossary', () => {
  it('writes TBX by default, with every entry', async () => {
    const { code, out, err } = await run(['glossary']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(out.match(/<conceptEntry /g)).toHaveLength(glossary.entries.length);
  });

  it('writes the key entries only, as CSV, and your own phrases on request', async () => {
    const own = join(dir, 'own.csv');
    writeFileSync(own, 'form,meaning,note,category\n新质生产力,New productive forces,From a 2023 speech,ideology\n');
    const { code, out } = await run(['glossary', '--format', 'csv', '--key-only', '--own-phrases', own]);
    expect(code).toBe(0);
    const records = readTermBaseCsv(out);
    const key = glossary.entries.filter((e) => e.tier === 'key');
    expect(records.slice(0, -1).map((r) => r.id)).toEqual(key.map((e) => e.id));
    expect(records.at(-1)).toMatchObject({ zhHans: '新质生产力', definitionEn: 'New productive forces', note: 'From a 2023 speech' });
    // Every rendering of the key entries came through.
    const renderings = (list: { renderings: unknown[] }[]) => list.reduce((n, r) => n + r.renderings.length, 0);
    expect(renderings(records)).toBe(key.reduce((n, e) => n + (e.english?.renderings.length ?? 0), 0));
  });

  it('writes JSON to a file with --out', async () => {
    const path = join(dir, 'glossary.json');
    expect((await run(['glossary', '--format=json', '--out', path])).code).toBe(0);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toHaveLength(glossary.entries.length);
  });

  it('refuses an unknown format, an operand, and an own-phrases file it cannot read', async () => {
    expect((await run(['glossary', '--format', 'xlsx'])).code).toBe(2);
    expect((await run(['glossary', 'file.txt'])).code).toBe(2);
    const missing = await run(['glossary', '--own-phrases', join(dir, 'none.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^tifa: cannot read .*none\.csv: ENOENT/);
  });
});

describe('tifa annotate and the English renderings', () => {
  it('prints the lead English rendering with its source, and carries it in --json', async () => {
    const path = join(dir, 'rules.txt');
    writeFileSync(path, '各地认真落实八项规定精神。');
    const text = await run(['annotate', path]);
    expect(text.out).toMatch(/\n {2}English: “[^”]+” \((official|state-media): [^)]+\)\n/);
    const json = JSON.parse((await run(['annotate', '--json', path])).out);
    const rules = json.phrases.find((p: { id: string }) => p.id === 'baxiang-guiding');
    expect(rules.officialEn).not.toBe('');
    expect(rules.officialEnSource).toMatch(/^official: /);
  });
});
