/**
 * A corpus for `npm run bench corpus`: dated documents in both scripts, made of real clauses of the
 * source essays that hold no phrase (filler) with phrases of the glossary planted among them, in
 * their Simplified, Traditional and mixed forms, about one every 200 characters. A twentieth of
 * the documents are HTML pages with an article, the rest plain text, in folders by month. Policy
 * reports are that dense; news is sparser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledData } from '../scripts/build/compile-data';
import { PlantedDocument, plantablePhrases, seededNumbers } from '../test-support/planted-corpus';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';

export interface GeneratedCorpus {
  documents: number;
  bytes: number;
  /** Characters (code points) of text, and phrases planted in it. */
  characters: number;
  planted: number;
  /** The documents' text (HTML pages' article text), for the matcher's own scan rate. */
  sample: string[];
}

/** Clauses of the essays in which the glossary finds nothing at any level: filler. */
function fillerClauses(data: CompiledData): string[] {
  const matcher = createPhraseMatcher(data.phrases).forLevel('all');
  const text = data.corpus.essays.flatMap((e) => e.paragraphs.map((p) => p.text)).join('');
  return [...new Set(text.match(/[^，。；：！？]{4,40}[，。；：！？]/g) ?? [])].filter(
    (clause) => matcher.findMatches(clause).length === 0 && !/[“”「」《》]/.test(clause),
  );
}

/** A phrase after one clause in this many, on average. */
const PLANT_EVERY = 16;

export function generateCorpus(
  dir: string,
  data: CompiledData,
  traditionalOf: (s: string) => string,
  target: { documents: number; bytes: number; sampleBytes: number },
): GeneratedCorpus {
  const simplified = fillerClauses(data);
  const filler = { simplified, traditional: simplified.map(traditionalOf) };
  const phrases = plantablePhrases(data);
  const next = seededNumbers(20261207);
  let bytes = 0;
  let characters = 0;
  let planted = 0;
  let sampleBytes = 0;
  const sample: string[] = [];
  let documents = 0;
  for (; documents < target.documents || bytes < target.bytes; documents++) {
    const script = documents % 2 === 0 ? 'simplified' : 'traditional';
    const doc = new PlantedDocument();
    const clauses = 60 + next(120);
    for (let c = 0; c < clauses; c++) {
      doc.write(filler[script][next(filler[script].length)]);
      if (next(PLANT_EVERY) === 0) {
        const phrase = phrases[next(phrases.length)];
        const form = phrase.forms.length === 1 ? phrase.forms[0] : phrase.forms[script === 'simplified' ? (next(8) === 0 ? 2 : 0) : 1];
        doc.plant(phrase, form).write('。');
      }
      if (next(8) === 0) doc.paragraph();
    }
    const month = `2024-${String(1 + (documents % 12)).padStart(2, '0')}`;
    const day = String(1 + (documents % 28)).padStart(2, '0');
    const html = documents % 20 === 19;
    const content = html ? page(doc.text) : doc.text;
    mkdirSync(join(dir, month), { recursive: true });
    writeFileSync(join(dir, month, `${month}-${day}-${documents}.${html ? 'html' : 'txt'}`), content);
    bytes += Buffer.byteLength(content);
    characters += [...doc.text].length;
    planted += doc.occurrences.length;
    if (sampleBytes < target.sampleBytes) {
      sample.push(doc.text);
      sampleBytes += Buffer.byteLength(doc.text);
    }
  }
  return { documents, bytes, characters, planted, sample };
}

const page = (text: string) =>
  `<!doctype html><html lang="zh"><head><meta charset="utf-8"><title>新闻</title></head><body><nav><a href="/">首页</a> <a href="/a">专题</a></nav><article><h1>新闻</h1>${text
    .split('\n\n')
    .filter((p) => p.trim())
    .map((p) => `<p>${p}</p>`)
    .join('')}</article><footer>版权所有</footer></body></html>`;
