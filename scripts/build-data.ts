/**
 * Build step: data/glossary/*.json + data/corpus → generated/*.json, validated. Run by `npm run data`
 * (and so by build, test and postinstall). Exits non-zero, naming each entry at fault, when the
 * glossary or the repairs do not validate.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileData } from './build/compile-data';
import { loadFoldSources } from './build/opencc-dicts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const glossaryDir = join(root, 'data/glossary');
const outDir = join(root, 'generated');

const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

const compiled = compileData({
  rawCorpus: readFileSync(join(root, 'data/corpus/essays-raw.txt'), 'utf8'),
  repairs: readJson(join(root, 'data/corpus/repairs.json')),
  glossaryFiles: readdirSync(glossaryDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name: `data/glossary/${name}`, data: readJson(join(glossaryDir, name)) })),
  fold: await loadFoldSources(),
});

if (compiled.errors.length > 0) {
  console.error(`The data did not validate (${compiled.errors.length} problems):`);
  for (const error of compiled.errors) console.error(`- ${error}`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
const write = (name: string, value: unknown) => writeFileSync(join(outDir, name), JSON.stringify(value));
write('phrases.json', compiled.phrases);
write('glossary.json', compiled.glossary);
write('corpus.json', compiled.corpus);
const occurrences = compiled.glossary.entries.reduce((n, e) => n + e.occurrences.length, 0);
console.log(
  `generated/: ${compiled.phrases.ids.length} entries, ${compiled.phrases.foldPairs.length / 2} fold pairs, ` +
    `${occurrences} corpus occurrences`,
);
