/**
 * Builds data/discover-reference.json, the reference of ordinary, non-political Chinese that
 * `tifa discover` measures keyness against (utils/core/discover/reference-table.ts): how often each
 * of the commonest sequences of one to four Han characters occurs in recipes, a technology
 * newsletter, a technology blog and a classical novel.
 *
 *   npx tsx scripts/build-discover-reference.ts [mirror-root]
 *
 * Every source is read at a pinned commit from a local snapshot (scripts/discover/git-snapshot.ts),
 * so the table is the same on every run; the sources, their licences and why counts may ship are in
 * docs/discover.md. The text is folded with the glossary's fold table (generated/phrases.json, from
 * `npm run data`), as discover folds the corpus.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledPhrases } from '../utils/core/compiled-data';
import { createFoldTable, foldText, hasChinese } from '../utils/core/fold';
import { buildReference, type ReferenceSource } from '../utils/core/discover/reference-table';
import { listFiles, readFiles, type Snapshot } from './discover/git-snapshot';
import { frontMatter, markupText } from './discover/markup-text';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const mirrorRoot = process.argv[2] ?? '/work/.mirror';
const OUT = join(root, 'data/discover-reference.json');

interface Source extends Snapshot {
  what: string;
  licence: string;
  folder: string;
  pick: (path: string) => boolean;
}

const SOURCES: Source[] = [
  {
    repo: 'Anduin2017/HowToCook',
    commit: 'cbeb536760320efe24f9a61fe354a318d5887e30',
    what: 'recipes and kitchen tips (dishes/, tips/; Simplified)',
    licence: 'The Unlicense (public domain)',
    folder: '.',
    pick: (path) => /^(dishes|tips)\/.*\.md$/.test(path),
  },
  {
    repo: 'ruanyf/weekly',
    commit: 'cf5e367d98e5141fb3381816f2ac8c5dd1bdb69f',
    what: 'a weekly technology newsletter, every issue (docs/issue-*.md; Simplified)',
    licence: 'no licence file: the author’s copyright; only counts of short sequences are shipped',
    folder: 'docs',
    pick: (path) => /^docs\/issue-\d+\.md$/.test(path),
  },
  {
    repo: 'Lidemy/error-baker-blog',
    commit: '2981e7e0c5f8a666d0a1a178e5d6712110022518',
    what: 'a programming blog by several authors (posts/; Traditional)',
    licence: 'MIT (the repository’s licence); only counts of short sequences are shipped',
    folder: 'posts',
    pick: (path) => /\.md$/.test(path),
  },
  {
    repo: 'Judenpech/Catching-a-Python',
    commit: '1a8495bfc35f4a98d061783c65d84bfe415c3f13',
    what: '三国演义, the Ming novel, as an exercise text (Exercises/w6/threekingdoms.txt; Simplified)',
    licence: 'the novel is in the public domain',
    folder: 'Exercises/w6',
    pick: (path) => path === 'Exercises/w6/threekingdoms.txt',
  },
];

const phrases: CompiledPhrases = JSON.parse(readFileSync(join(root, 'generated/phrases.json'), 'utf8'));
const fold = createFoldTable(phrases.foldPairs);
const hanCount = (text: string) => [...text].filter(hasChinese).length;

const texts: string[] = [];
const sources: ReferenceSource[] = [];
for (const source of SOURCES) {
  const paths = listFiles(mirrorRoot, source, source.folder).filter(source.pick);
  const files = readFiles(mirrorRoot, source, paths);
  let characters = 0;
  for (const path of paths) {
    const raw = files.get(path)!;
    const text = path.endsWith('.md') ? markupText(frontMatter(raw)?.body ?? raw) : raw;
    characters += hanCount(text);
    texts.push(foldText(text, fold));
  }
  sources.push({ repo: source.repo, commit: source.commit, what: source.what, licence: source.licence, files: paths.length, characters });
  console.error(`${source.repo}: ${paths.length} files, ${characters} Han characters`);
}

const file = buildReference(
  texts,
  'How often the commonest sequences of 1 to 4 Han characters occur in ordinary, non-political Chinese (folded with the glossary’s fold table): the reference `tifa discover` measures keyness against. Built by scripts/build-discover-reference.ts; see docs/discover.md.',
  sources,
);
const json = `${JSON.stringify(file, null, 1)}\n`;
writeFileSync(OUT, json);
console.error(`${OUT}: ${(Buffer.byteLength(json) / 1024).toFixed(0)} KiB, ${file.characters} Han characters counted`);
for (const level of file.levels)
  console.error(`  length ${level.length}: ${level.forms.length / level.length} sequences, floor ${level.floor}`);
