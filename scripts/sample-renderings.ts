/**
 * `npx tsx scripts/sample-renderings.ts [count] [seed]`: a seeded random sample of the glossary's
 * English renderings (30 by default), each with its entry and citation, for checking against the
 * sources by hand. The check and its result are in docs/renderings-review.md; the same seed over the
 * same glossary gives the same sample. Reads generated/glossary.json (`npm run data` first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledGlossary } from '../utils/core/compiled-data';
import { citation } from '../utils/core/glossary-schema';

const count = Number(process.argv[2] ?? 30);
const seed = Number(process.argv[3] ?? 20261207);

/** mulberry32: a small seeded generator, so that the sample can be drawn again. */
function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const glossary: CompiledGlossary = JSON.parse(readFileSync(join(import.meta.dirname, '../generated/glossary.json'), 'utf8'));
const all = glossary.entries.flatMap((entry) => (entry.english?.renderings ?? []).map((rendering) => ({ entry, rendering })));
const next = random(seed);
const pool = [...all];
const sample = [];
while (sample.length < Math.min(count, pool.length)) sample.push(pool.splice(Math.floor(next() * pool.length), 1)[0]);
console.log(`${sample.length} of ${all.length} renderings (seed ${seed}):`);
for (const [i, { entry, rendering }] of sample.entries()) {
  console.log(`${i + 1}. ${entry.id} ${entry.simplified} — “${rendering.text}” (${rendering.kind}) — ${citation(rendering.source)}`);
}
