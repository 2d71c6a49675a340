/**
 * The built content scripts: what every web page is made to load. opencc-js (a megabyte of
 * dictionaries) and Readability belong in the offscreen document; `npm run lint`
 * (scripts/check-imports.ts) keeps them out by import, and this test checks what the bundler
 * actually wrote, whatever path brought it in.
 *
 * Runs on the Chrome build in the e2e project (after `npm run build`) and on the Firefox build in
 * the Firefox project (after `npm run build:firefox`), which sets TIFA_BUNDLE to firefox-mv2.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFERRED_CONTENT_SCRIPT } from '../utils/extension/content-handoff';

const BUILD = join(import.meta.dirname, '..', '.output', process.env.TIFA_BUNDLE ?? 'chrome-mv3');

/**
 * Strings only each library carries, chosen because a minifier keeps them: error messages and a
 * property name (opencc-js's trie), a regular expression's word and an id prefix (Readability's
 * scoring and output). Our own code and data have none of them: the fold table derived from
 * opencc's dictionaries holds character pairs, not opencc-js's code.
 */
const LIBRARY_MARKERS: Record<string, string[]> = {
  'opencc-js': ['trie_val', 'Invalid dictionary entry'],
  '@mozilla/readability': ['ai2html', 'readability-page-', 'First argument to Readability constructor'],
};

/**
 * content.js was 184–187 KiB (about 189–192 kB) when this budget was set, in Chrome and Firefox
 * alike. It must carry, for every page, the compiled matcher tables with their ids, categories and
 * tiers (about 51 KB of JSON), the fold table for Simplified/Traditional variants (7 KB), the policy
 * cues, the card's own strings in every interface language (card-messages.json, 3 KB), the
 * highlighter and its painters, the message schemas, and Preact with the card's views. 200 KiB
 * leaves 13–16 KiB to grow, about the 12 KiB that encoding the tables would add, and fails on
 * Readability (37 KiB minified) or any opencc-js bundle (109 KiB at the smallest) even if their
 * marker strings were to change. Touch (tap tracking, the offer for a selection, the card's
 * previous and next), the card's English rendering line and the radicals in the fold table took
 * it to 198 KiB, and the radical supplement's Unicode equivalents (85 fold pairs) with the PDF
 * viewer's hooks in the highlighter to 199.1 KiB (December 2026): what grows next must pay for
 * itself, for instance by encoding the tables.
 */
const CONTENT_JS_BUDGET_KIB = 200;

/**
 * The first content script (entrypoints/content-loader.ts) is what a page without Chinese runs,
 * and its heap is what such a tab pays (docs/performance.md, "JavaScript heap per tab"): the watch
 * for Chinese, the handoff, the message listener and the keys of the settings read early were
 * 2.8 KiB when this budget was set. 4 KiB leaves room for a fix, and fails on any schema, table or
 * view pulled in by mistake.
 */
const FIRST_SCRIPT_BUDGET_KIB = 4;
const FIRST_SCRIPT = 'content-loader.js';

interface Manifest {
  content_scripts?: { js?: string[] }[];
}

const readManifest = (): Manifest => JSON.parse(readFileSync(join(BUILD, 'manifest.json'), 'utf8'));

/**
 * Everything that runs in web pages: WXT writes each content script entry point to content-scripts/,
 * whether the manifest injects it or the extension injects it on demand, and the manifest may name
 * more.
 */
function contentScriptFiles(): string[] {
  const folder = join(BUILD, 'content-scripts');
  const built = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.js'))
        .map((name) => `content-scripts/${name}`)
    : [];
  const declared = (readManifest().content_scripts ?? []).flatMap((script) => script.js ?? []);
  return [...new Set([...built, ...declared])].sort();
}

function everyScriptIn(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return everyScriptIn(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

describe(`the content scripts of ${process.env.TIFA_BUNDLE ?? 'chrome-mv3'}`, () => {
  it('is built', () => {
    expect(existsSync(join(BUILD, 'manifest.json')), `${BUILD} has no manifest: build the extension first`).toBe(true);
    expect(contentScriptFiles()).toContain('content-scripts/content.js');
  });

  it('carry neither opencc-js nor Readability', () => {
    const found: string[] = [];
    for (const file of contentScriptFiles()) {
      const code = readFileSync(join(BUILD, file), 'utf8');
      for (const [library, markers] of Object.entries(LIBRARY_MARKERS)) {
        for (const marker of markers) if (code.includes(marker)) found.push(`${file} contains ${library} ('${marker}')`);
      }
    }
    expect(found).toEqual([]);
  });

  it('are checked with strings that survive this build (the extension pages that use the libraries carry them)', () => {
    const injected = new Set(contentScriptFiles().map((file) => join(BUILD, file)));
    const elsewhere = everyScriptIn(BUILD)
      .filter((path) => !injected.has(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const [library, markers] of Object.entries(LIBRARY_MARKERS)) {
      for (const marker of markers) expect(elsewhere.includes(marker), `${library}'s marker '${marker}' is not in the build`).toBe(true);
    }
  });

  it(`start content.js on demand, from a first script within ${FIRST_SCRIPT_BUDGET_KIB} KiB`, () => {
    const declared = (readManifest().content_scripts ?? []).map((script) => script.js ?? []);
    // One entry: the first script, then the content script, in the same isolated world.
    expect(declared).toContainEqual([FIRST_SCRIPT, 'content-scripts/content.js']);
    expect(declared.flat().filter((file) => file === 'content-scripts/content.js')).toHaveLength(1);
    // Injected as a function that runs only when the first script calls it (e2e/content-loader.test.ts
    // shows that a page without Chinese never does).
    const code = readFileSync(join(BUILD, 'content-scripts/content.js'), 'utf8');
    expect(code.startsWith(`globalThis[Symbol.for(${JSON.stringify(DEFERRED_CONTENT_SCRIPT)})] = function () {`)).toBe(true);
    // Nothing runs outside the function (WXT adds a line after a content script: it is inside).
    expect(code.trimEnd().endsWith('\n};')).toBe(true);
    const kib = statSync(join(BUILD, FIRST_SCRIPT)).size / 1024;
    expect(Number(kib.toFixed(1)), `${FIRST_SCRIPT} in KiB`).toBeLessThanOrEqual(FIRST_SCRIPT_BUDGET_KIB);
  });

  it(`keep content.js within ${CONTENT_JS_BUDGET_KIB} KiB`, () => {
    const kib = statSync(join(BUILD, 'content-scripts/content.js')).size / 1024;
    expect(Number(kib.toFixed(1)), 'content.js in KiB').toBeLessThanOrEqual(CONTENT_JS_BUDGET_KIB);
  });
});
