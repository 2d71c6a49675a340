/**
 * Recall of `tifa annotate --json` on pages written in Simplified, Traditional, Hong Kong forms and
 * character mixtures: built from the essays (every phrase occurrence the corpus index holds must be
 * found again) and from news-style sentences of our own (every phrase a reader expects).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rmSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { main } from './tifa';
import { loadRealData } from '../test-support/real-data';
import { NEWS_SENTENCES } from '../test-support/news-sentences';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import type { CompiledData } from '../scripts/build/compile-data';

const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toHongKong = OpenCC.Converter({ from: 'cn', to: 'hk' });

/** A small seeded generator, so a failing mixture can be reproduced. */
function seeded(seed: number) {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

function scripts(text: string): Record<string, string> {
  const simplified = toSimplified(text);
  const traditional = toTaiwan(simplified);
  const hongKong = toHongKong(simplified);
  const random = seeded(7);
  const versions = [simplified, traditional, hongKong];
  const mixed = [...simplified].map((_, i) => versions[Math.floor(random() * 3)][i] ?? simplified[i]).join('');
  return { original: text, simplified, traditional, hongKong, mixed };
}

function page(title: string, paragraphs: string[]): string {
  // Real page furniture around the article: navigation and a footer that carry phrases too.
  return `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>${title}</title></head><body>
<header><nav><a href="/">首页</a> | <a href="/zt">八项规定专题</a> | <a href="/gz">群众路线</a></nav></header>
<main><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></main>
<footer>主办单位 · 版权所有</footer></body></html>`;
}

let data: CompiledData;
let dir: string;
beforeAll(async () => {
  data = await loadRealData();
  dir = mkdtempSync(join(tmpdir(), 'tifa-recall-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function annotateHtml(name: string, html: string): Promise<{ id: string; text: string }[]> {
  const path = join(dir, `${name}.html`);
  writeFileSync(path, html);
  let out = '';
  const code = await main(['annotate', '--json', '--all', path], {
    readStdin: async () => Buffer.alloc(0),
    out: (t) => (out += t),
    err: () => {},
  });
  expect(code).toBe(0);
  return JSON.parse(out).matches;
}

function countIds(ids: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

describe('recall of tifa annotate --json', () => {
  it('finds again ≥ 95% of the essays’ phrase occurrences in every script', async () => {
    const expected = countIds(data.glossary.entries.flatMap((e) => e.occurrences.filter((o) => !o.within).map(() => e.id)));
    const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0);
    const paragraphs = data.corpus.essays.flatMap((e) => e.paragraphs.map((p) => p.text));
    for (const [script, text] of Object.entries(scripts(paragraphs.join('\n')))) {
      const found = countIds((await annotateHtml(`essays-${script}`, page('三篇文章', text.split('\n')))).map((m) => m.id));
      let hits = 0;
      for (const [id, n] of expected) hits += Math.min(n, found.get(id) ?? 0);
      const recall = hits / expectedTotal;
      console.log(`essays, ${script}: ${hits}/${expectedTotal} occurrences found (recall ${(recall * 100).toFixed(1)}%)`);
      expect(recall).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('finds ≥ 95% of the phrases of news-style sentences in every script', async () => {
    const matcher = createPhraseMatcher(data.phrases);
    const idOfForm = new Map<string, string>();
    data.glossary.entries.forEach((entry, i) => {
      for (const form of data.forms[i]) idOfForm.set(matcher.key(form), entry.id);
    });
    const missingFromGlossary = NEWS_SENTENCES.flatMap((s) => s.expect).filter((p) => !idOfForm.has(matcher.key(p)));
    expect(missingFromGlossary).toEqual([]);

    const all = NEWS_SENTENCES.map((s) => s.text).join('\n');
    for (const [script, text] of Object.entries(scripts(all))) {
      const lines = text.split('\n');
      let hits = 0;
      let total = 0;
      const missed: string[] = [];
      for (const [i, line] of lines.entries()) {
        const found = new Set((await annotateHtml(`news-${script}-${i}`, page('新闻', [line, line]))).map((m) => m.id));
        for (const phrase of NEWS_SENTENCES[i].expect) {
          total++;
          if (found.has(idOfForm.get(matcher.key(phrase))!)) hits++;
          else missed.push(phrase);
        }
      }
      console.log(`news, ${script}: ${hits}/${total} phrases found${missed.length ? `; missed ${missed.join('、')}` : ''}`);
      expect(hits / total).toBeGreaterThanOrEqual(0.95);
    }
  });
});
