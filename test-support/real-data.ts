/**
 * Test helpers: the real compiled data, built in-process from data/ exactly as the build does, so
 * unit tests never depend on a stale generated/ folder. Node only (reads files): tests import it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileData, type CompiledData } from '../scripts/build/compile-data';
import { loadFoldSources, loadRegionalForms } from '../scripts/build/opencc-dicts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let cached: Promise<CompiledData> | undefined;

export function loadRealData(): Promise<CompiledData> {
  cached ??= (async () => {
    const glossaryDir = join(root, 'data/glossary');
    return compileData({
      rawCorpus: readFileSync(join(root, 'data/corpus/essays-raw.txt'), 'utf8'),
      repairs: JSON.parse(readFileSync(join(root, 'data/corpus/repairs.json'), 'utf8')),
      glossaryFiles: readdirSync(glossaryDir)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((name) => ({ name, data: JSON.parse(readFileSync(join(glossaryDir, name), 'utf8')) })),
      fold: await loadFoldSources(),
      policyCues: JSON.parse(readFileSync(join(root, 'data/policy-cues.json'), 'utf8')),
      regionalForms: await loadRegionalForms(),
    });
  })();
  return cached;
}

/** Absolute path of a file in the repository. */
export const repoPath = (relative: string) => join(root, relative);
