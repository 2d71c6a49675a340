/**
 * The import-graph gate run by `npm run lint`: the content script's bundle, the layers of
 * docs/architecture.md, and entry points kept apart.
 *
 * Every import is resolved the way the bundler resolves it (oxc-resolver reading tsconfig.json and
 * so WXT's `@/`, `~/`, `@@/` aliases, relative paths, index files, package exports), so a rule holds
 * whatever the spelling. dependency-cruiser would do this, but it reads TypeScript through the
 * TypeScript compiler API, which TypeScript 7 no longer ships, or through swc without TSX.
 *
 * Usage: tsx scripts/check-imports.ts [--graph FILE] (FILE: print what FILE imports, resolved).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { parseSync } from 'oxc-parser';
import { ResolverFactory } from 'oxc-resolver';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|jsx)$/;
/** Top-level folders that are built, generated or data: no source of ours is in them. */
const SKIPPED_TOP_FOLDERS = new Set(['.output', '.wxt', '.git', 'generated', 'data', 'docs', 'demo', 'locales', 'public']);

interface Edge {
  specifier: string;
  /** Project-relative path with forward slashes (node_modules/… for packages), or null if nothing resolved. */
  target: string | null;
  /** A type-only import is erased by the build: it couples layers but adds nothing to a bundle. */
  typeOnly: boolean;
  line: number;
}

const toProjectPath = (absolute: string) => relative(ROOT, absolute).split(sep).join('/');

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || (folder === ROOT && SKIPPED_TOP_FOLDERS.has(entry.name))) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
  }
  return files;
}

const resolver = new ResolverFactory({
  tsconfig: { configFile: join(ROOT, 'tsconfig.json'), references: 'auto' },
  extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.jsx', '.json'],
  // The content script is built for the browser: take the browser build of a package where it has one.
  conditionNames: ['browser', 'import', 'module', 'default'],
  mainFields: ['browser', 'module', 'main'],
  extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
});

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const { module, errors } = parseSync(file, text);
  if (errors.length > 0) throw new Error(`${toProjectPath(file)} does not parse: ${errors[0].message}`);
  const found: { specifier: string; typeOnly: boolean; offset: number }[] = [];
  for (const entry of module.staticImports) {
    // A bare `import 'x'` has no entries and runs x: it is not type-only.
    const typeOnly = entry.entries.length > 0 && entry.entries.every((e) => e.isType);
    found.push({ specifier: entry.moduleRequest.value, typeOnly, offset: entry.start });
  }
  for (const entry of module.staticExports) {
    const reexports = entry.entries.filter((e) => e.moduleRequest);
    if (reexports.length === 0) continue;
    found.push({ specifier: reexports[0].moduleRequest!.value, typeOnly: reexports.every((e) => e.isType), offset: entry.start });
  }
  for (const entry of module.dynamicImports) {
    const argument = text.slice(entry.moduleRequest.start, entry.moduleRequest.end).trim();
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(argument);
    // A computed specifier cannot be checked here; none exists today, and the bundle test would catch what it pulls in.
    if (literal) found.push({ specifier: literal[2], typeOnly: false, offset: entry.start });
  }
  const folder = join(file, '..');
  return found.map(({ specifier, typeOnly, offset }) => {
    const resolved = resolver.sync(folder, specifier.replace(/\?.*$/, ''));
    return { specifier, target: resolved.path ? toProjectPath(resolved.path) : null, typeOnly, line: lineAt(text, offset) };
  });
}

// ---------------------------------------------------------------------------------------------
// What the rules speak of

const under =
  (...folders: string[]) =>
  (path: string) =>
    folders.some((folder) => path.startsWith(folder));
const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const isPackage = (path: string, name: string) => path.startsWith(`node_modules/${name}/`);
const packageName = (path: string) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1] ?? null;

/** What WXT builds as a content script: entrypoints/content.ts, <name>.content.ts and the index of such a folder. */
const isContentScriptEntry = (path: string) =>
  /^entrypoints\/(content|[^/]+\.content)(\/index)?\.(ts|tsx|js|jsx)$/.test(path) && !isTest(path);

/** Each entrypoints/<name>/ folder, or entrypoints/<name>.ts file, is one entry point. */
const entryPointOf = (path: string) => /^entrypoints\/([^/]+?)(\.(ts|tsx|js|jsx))?(\/|$)/.exec(path)?.[1] ?? null;

/**
 * What must never be in a web page: opencc-js (its dictionaries are a megabyte), Readability and our
 * adapter for it, and the glossary's and essays' full text (the background sends the card entry by entry).
 */
function kindOfForbiddenInContentScript(path: string): string | null {
  if (isPackage(path, 'opencc-js')) return 'opencc-js';
  if (isPackage(path, '@mozilla/readability')) return '@mozilla/readability';
  if (path === 'utils/page/article.ts') return 'the Readability adapter';
  if (path === 'generated/glossary.json' || path === 'generated/corpus.json') return 'the full glossary or corpus';
  return null;
}

/**
 * The one home of each heavy library in the extension's code: everything else asks it through
 * typed messages (utils/extension/conversion-client, the article request). Tests, benchmarks and
 * the build step may use them freely.
 */
const LIBRARY_HOMES: { name: string; home: (path: string) => boolean; where: string }[] = [
  {
    name: 'opencc-js',
    home: under('entrypoints/offscreen/'),
    where: 'entrypoints/offscreen (conversions go through utils/extension/conversion-client)',
  },
  { name: '@mozilla/readability', home: (path) => path === 'utils/page/article.ts', where: 'utils/page/article.ts' },
];
const isExtensionCode = under('utils/', 'components/', 'entrypoints/', 'cli/', 'bin/');

interface Layer {
  name: string;
  holds: (path: string) => boolean;
  /** Project files it may import (packages are checked by forbiddenPackages). */
  mayImport: (path: string) => boolean;
  forbiddenPackages: string[];
  why: string;
}

const NODE_BUILTIN = 'node:';
const isBuiltin = (specifier: string) => specifier.startsWith(NODE_BUILTIN) || builtinModules.includes(specifier.split('/')[0]);

const LAYERS: Layer[] = [
  {
    name: 'utils/core',
    holds: under('utils/core/'),
    mayImport: under('utils/core/', 'locales/'),
    forbiddenPackages: ['wxt', 'preact', 'linkedom', NODE_BUILTIN],
    why: 'the pure core runs anywhere (content script, pages, Node): it imports only itself, no browser, DOM, UI or Node library',
  },
  {
    name: 'utils/page',
    holds: under('utils/page/'),
    mayImport: under('utils/core/', 'utils/page/'),
    forbiddenPackages: ['wxt', 'preact'],
    why: 'the DOM adapters work on any DOM (the page, linkedom in the CLI): only utils/core and themselves, no extension API or UI library',
  },
  {
    name: 'utils/extension',
    holds: under('utils/extension/'),
    mayImport: under('utils/core/', 'utils/page/', 'utils/extension/', 'generated/'),
    forbiddenPackages: [],
    why: 'the extension layer sits below components and entry points: they import it, not the other way',
  },
  {
    name: 'components',
    holds: under('components/'),
    mayImport: (path) => !path.startsWith('entrypoints/'),
    forbiddenPackages: [],
    why: 'views are shared by the entry points and never reach into one',
  },
  {
    name: 'cli',
    holds: under('cli/', 'bin/'),
    mayImport: under('utils/core/', 'utils/page/', 'cli/', 'generated/', 'locales/', 'package.json'),
    forbiddenPackages: ['wxt'],
    why: 'the CLI runs in Node: it imports only utils/core and utils/page',
  },
];

/**
 * Known violations in files being reworked by their owners, each to be removed with its fix. Keep
 * it short: a new entry needs a reason written beside it.
 */
const ALLOWED: { from: string; to: string; why: string }[] = [
  {
    from: 'entrypoints/background/index.ts',
    to: 'entrypoints/offscreen/opencc-converters.ts',
    why: "Firefox has no offscreen document, so its background page loads the offscreen document's converter itself",
  },
  {
    from: 'entrypoints/background/index.ts',
    to: 'entrypoints/offscreen/article-service.ts',
    why: "Firefox has no offscreen document, so its background page loads the offscreen document's Readability service itself",
  },
];

// ---------------------------------------------------------------------------------------------

/** What the first content script may reach (entrypoints/content-loader.ts, issue 20's heap budget). */
const FIRST_CONTENT_SCRIPT = 'entrypoints/content-loader.ts';
const FIRST_SCRIPT_FILES = new Set([
  'utils/core/page-events.ts',
  'utils/core/fold.ts',
  'utils/page/chinese-watch.ts',
  'utils/page/timing.ts',
  'utils/extension/content-handoff.ts',
  'utils/extension/stored-keys.ts',
]);
const FIRST_SCRIPT_PACKAGES = new Set(['wxt', '@wxt-dev/browser']);

/** Every file `entry` runs (type-only imports left out), each with the file that imports it. */
function reached(graph: Map<string, Edge[]>, entry: string): Map<string, string> {
  const via = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const edge of graph.get(current) ?? []) {
      if (edge.typeOnly || !edge.target || edge.target === entry || via.has(edge.target)) continue;
      via.set(edge.target, current);
      if (graph.has(edge.target)) queue.push(edge.target);
    }
  }
  return via;
}

function buildGraph(): Map<string, Edge[]> {
  const graph = new Map<string, Edge[]>();
  for (const file of sourceFiles(ROOT)) graph.set(toProjectPath(file), importsOf(file));
  return graph;
}

function check(graph: Map<string, Edge[]>): string[] {
  const problems: string[] = [];
  const at = (from: string, edge: Edge) => `${from}:${edge.line} imports '${edge.specifier}'`;

  for (const [from, edges] of graph) {
    const layer = isTest(from) ? undefined : LAYERS.find((candidate) => candidate.holds(from));
    for (const edge of edges) {
      if (!edge.target) {
        if (isBuiltin(edge.specifier)) {
          if (layer?.forbiddenPackages.includes(NODE_BUILTIN)) {
            problems.push(`${at(from, edge)}: ${layer.name} may not use Node's built-ins: ${layer.why}.`);
          }
        } else if (/^(\.|\/|@\/|~\/|@@\/|~~\/)/.test(edge.specifier)) {
          // An import we cannot resolve is one no rule can see: a new alias or a typo must not slip by.
          problems.push(`${at(from, edge)}, which does not resolve: fix the path, or teach scripts/check-imports.ts the alias.`);
        }
        continue;
      }
      const to = edge.target;
      if (ALLOWED.some((allowed) => allowed.from === from && allowed.to === to)) continue;

      const fromEntry = entryPointOf(from);
      const toEntry = entryPointOf(to);
      if (fromEntry && toEntry && fromEntry !== toEntry) {
        problems.push(
          `${at(from, edge)} (${to}): an entry point never imports another (entrypoints/${toEntry}); move what both need to utils/ or components/.`,
        );
      }

      if (isTest(from)) continue;
      const library = LIBRARY_HOMES.find((candidate) => isPackage(to, candidate.name));
      if (library && isExtensionCode(from) && !library.home(from)) {
        problems.push(`${at(from, edge)}: ${library.name} is used only in ${library.where}.`);
      }
      if (!layer) continue;
      const name = packageName(to);
      if (name !== null) {
        if (layer.forbiddenPackages.includes(name)) problems.push(`${at(from, edge)}: ${layer.name} may not use ${name}: ${layer.why}.`);
      } else if (!layer.mayImport(to)) {
        problems.push(`${at(from, edge)} (${to}): ${layer.why}.`);
      }
    }
  }

  // The first content script runs in every frame of every page: it reaches only what it needs.
  if (graph.has(FIRST_CONTENT_SCRIPT)) {
    for (const [file, via] of reached(graph, FIRST_CONTENT_SCRIPT)) {
      const name = packageName(file);
      if (name !== null ? FIRST_SCRIPT_PACKAGES.has(name) : FIRST_SCRIPT_FILES.has(file) || file === FIRST_CONTENT_SCRIPT) continue;
      problems.push(
        `The first content script ${FIRST_CONTENT_SCRIPT} reaches ${file} (through ${via}). It runs in every frame, Chinese or not, ` +
          'and every tab pays for what it holds: keep it to the watch and the handoff (FIRST_SCRIPT_FILES in scripts/check-imports.ts).',
      );
    }
  }

  // The content script's bundle: everything it runs, however deep, through static and dynamic imports.
  for (const entry of [...graph.keys()].filter(isContentScriptEntry).sort()) {
    const reachedVia = new Map<string, string | null>([[entry, null]]);
    const queue = [entry];
    while (queue.length > 0) {
      const current = queue.shift()!;
      for (const edge of graph.get(current) ?? []) {
        if (edge.typeOnly || !edge.target || reachedVia.has(edge.target)) continue;
        reachedVia.set(edge.target, current);
        const forbidden = kindOfForbiddenInContentScript(edge.target);
        if (forbidden) {
          const chain = [edge.target];
          for (let step = reachedVia.get(edge.target); step; step = reachedVia.get(step)) chain.unshift(step);
          problems.push(
            `The content script ${entry} reaches ${forbidden}: ${chain.join(' → ')} ('${edge.specifier}' at ${current}:${edge.line}). ` +
              'opencc-js and Readability run in the offscreen document; ask for them through typed messages.',
          );
          continue;
        }
        if (graph.has(edge.target)) queue.push(edge.target);
      }
    }
  }
  return problems;
}

const started = performance.now();
const graph = buildGraph();
const graphFlag = process.argv.indexOf('--graph');
if (graphFlag !== -1) {
  for (const edge of graph.get(process.argv[graphFlag + 1]) ?? []) {
    console.log(`${edge.line}\t${edge.specifier}\t→ ${edge.target ?? '(unresolved)'}${edge.typeOnly ? '\t(type only)' : ''}`);
  }
  process.exit(0);
}
const problems = check(graph);
const elapsed = Math.round(performance.now() - started);
if (problems.length > 0) {
  for (const problem of problems) console.error(`✖ ${problem}`);
  console.error(
    `\ncheck-imports: ${problems.length} import${problems.length === 1 ? '' : 's'} against the rules (${graph.size} files, ${elapsed} ms)`,
  );
  process.exit(1);
}
console.log(`check-imports: ${graph.size} files, no import against the rules (${elapsed} ms)`);
