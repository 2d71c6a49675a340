/**
 * The precision of `tifa discover` on real text: reruns the command on the evaluation corpus and
 * scores its top 100 against our labels (bench/discover/labels.json). Also prints how long the run
 * took and its peak memory, the figures docs/discover.md reports.
 *
 *   npx tsx scripts/discover-precision.ts [corpus.ndjson]
 *
 * Without a corpus file, scripts/gather-discover-corpus.ts gathers one into the temporary folder
 * first (from the local snapshots it names). Exits 1 when a candidate of the top 100 has no label
 * (the glossary, the reference or discover changed: label the newcomers) or the precision is
 * below 70%.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../cli/tifa';
import type { CompiledPhrases } from '../utils/core/compiled-data';
import type { DiscoverResult } from '../utils/core/discover/discover';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOP = 100;
const TARGET = 0.7;

interface Label {
  rank: number;
  form: string;
  verdict: 'yes' | 'no';
  borderline?: boolean;
  reason: string;
}

const corpus = process.argv[2] ?? join(tmpdir(), 'tifa-discover-corpus.ndjson');
if (!existsSync(corpus)) {
  console.error(`gathering the corpus into ${corpus} …`);
  writeFileSync(corpus, execFileSync('npx', ['tsx', join(root, 'scripts/gather-discover-corpus.ts')], { maxBuffer: 1 << 30 }));
}

let out = '';
const started = performance.now();
const code = await main(['discover', '-', '--top', String(TOP), '--json'], {
  readStdin: async () => readFileSync(corpus),
  out: (text) => {
    out += text;
  },
  err: (text) => process.stderr.write(text),
});
const seconds = (performance.now() - started) / 1000;
if (code !== 0) process.exit(code);
const result: DiscoverResult = JSON.parse(out);

const phrases: CompiledPhrases = JSON.parse(readFileSync(join(root, 'generated/phrases.json'), 'utf8'));
const key = createPhraseMatcher(phrases).key;
const labels: Label[] = JSON.parse(readFileSync(join(root, 'bench/discover/labels.json'), 'utf8')).labels;
const byKey = new Map(labels.map((label) => [key(label.form), label]));

let yes = 0;
let strict = 0;
const unlabelled: string[] = [];
result.candidates.forEach((candidate, i) => {
  const label = byKey.get(key(candidate.form));
  if (!label) {
    unlabelled.push(`${i + 1}. ${candidate.form}`);
    return;
  }
  if (label.verdict === 'yes') {
    yes++;
    if (!label.borderline) strict++;
  }
});
const labelled = result.candidates.length - unlabelled.length;
const percent = (n: number) => `${((100 * n) / labelled).toFixed(0)}%`;
console.log(
  `${result.documents} documents (${result.duplicates} duplicates left out), ${(result.characters / 1e6).toFixed(2)} million Han characters, ${(readFileSync(corpus).length / 1e6).toFixed(1)} MB: ${seconds.toFixed(1)} s, peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
);
console.log(
  `top ${result.candidates.length} of ${result.found} candidates: ${yes} of ${labelled} labelled are 提法 — precision ${percent(yes)} (strict, borderline as no: ${percent(strict)})`,
);
if (unlabelled.length > 0) {
  console.log(`not labelled (add them to bench/discover/labels.json):\n  ${unlabelled.join('\n  ')}`);
  process.exit(1);
}
if (yes / labelled < TARGET) process.exit(1);
