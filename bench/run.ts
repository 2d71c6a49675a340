/**
 * `npm run bench [section]`: performance figures, each beside a baseline measured in the same run,
 * printed as tables in the layout of docs/performance.md, each with its targets and whether this
 * run met them. Figures vary between runs and machines (up to 2× here); compare the ratios.
 *
 * Sections, in order: matcher, precision, stress, frames, huge, mutation, convert, markjs, size, heap, start, pdf
 * (bench/pdf.ts);
 * and corpus, which runs only when named (`npm run bench corpus`): it writes 100 MB of documents and
 * annotates them twice, which takes minutes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../e2e/browser';
import { loadPrecisionSet, scoreHighlighting } from '../test-support/precision';
import { loadRealPageLabels, loadRealPages, realPagesDir, scoreRealPages } from '../test-support/real-pages';
import { loadRealData } from '../test-support/real-data';
import { createFoldTable } from '../utils/core/fold';
import { buildMatcherTables, compileMatcher, createMatcher, decodeMatcherTables } from '../utils/core/matcher';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { HIGHLIGHT_LEVELS } from '../utils/core/policy-context';
import { DEFERRED_CONTENT_SCRIPT } from '../utils/extension/content-handoff';
import { generateCorpus } from './corpus';
import { pdfSection } from './pdf';
import { chinesePage, chineseText } from './pages';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECTIONS = [
  'matcher',
  'precision',
  'stress',
  'frames',
  'huge',
  'mutation',
  'convert',
  'markjs',
  'size',
  'heap',
  'start',
  'pdf',
  'corpus',
] as const;
type Section = (typeof SECTIONS)[number];
/** Sections that run only when named: minutes of work and 200 MB of disk that the other figures do not need. */
const ON_REQUEST: readonly Section[] = ['corpus'];
const MARKJS_LIMIT_MS = Number(process.env.MARKJS_LIMIT_MS ?? 90_000);

const wanted = process.argv.slice(2);
for (const name of wanted) {
  if (!(SECTIONS as readonly string[]).includes(name)) {
    console.error(`bench: no section "${name}"; the sections are ${SECTIONS.join(', ')}`);
    process.exit(2);
  }
}
const runs = (section: Section) => (wanted.length === 0 ? !ON_REQUEST.includes(section) : wanted.includes(section));

const data = await loadRealData();
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTaiwan = OpenCC.Converter({ from: 'cn', to: 'tw' });
const traditionalOf = (s: string) => toTaiwan(toSimplified(s));

// ---------------------------------------------------------------------------------------------
// Printing

interface Target {
  what: string;
  value: number;
  limit: number;
  /** 'max': value ≤ limit is met; 'min': value ≥ limit is met. */
  kind: 'max' | 'min';
  unit: 'ms' | '×' | 'KiB' | '';
}

let sectionNumber = 0;
function section(title: string, about: string): void {
  sectionNumber++;
  console.log(`\n## ${sectionNumber}. ${title}\n\n${about}\n`);
}
function table(columns: string[], rows: (string | number)[][]): void {
  console.log(`| ${columns.join(' | ')} |`);
  console.log(`| ${columns.map(() => '---').join(' | ')} |`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  console.log('');
}
const ms = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : 'n/a');
const times = (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : Math.round(v)}×` : 'n/a');
const show = (value: number, unit: Target['unit']) =>
  unit === 'ms' ? ms(value) : unit === '×' ? times(value) : unit === 'KiB' ? `${value.toFixed(1)} KiB` : value.toFixed(3);
function targets(list: Target[]): void {
  table(
    ['target', 'this run', 'met'],
    list.map((t) => [
      `${t.what} ${t.kind === 'max' ? '≤' : '≥'} ${show(t.limit, t.unit)}`,
      show(t.value, t.unit),
      (t.kind === 'max' ? t.value <= t.limit : t.value >= t.limit) ? 'yes' : '**no**',
    ]),
  );
}
const median = (values: number[]) => {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)];
};

/** The fastest of `runs` timed runs after warming up: the least noisy figure on a busy machine. */
function fastest(fn: () => unknown, count = 40): number {
  for (let i = 0; i < 5; i++) fn();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    fn();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// 1. The matcher alone (Node)

function matcherSection(): void {
  section(
    'The matcher alone (Node / V8)',
    '1 MiB of Chinese text (the essays repeated, every other paragraph in Traditional): every phrase of the glossary occurs in it. Fastest of 40 runs after warm-up. A page decodes the tables built at build time; the baseline for that is building them, as every page did before.',
  );
  const text = chineseText(data.corpus, 1 << 20, traditionalOf);
  let sink = 0;
  const bareLoop = (t: string) => {
    let s = 0;
    for (let i = 0; i < t.length; i++) s = (s + t.charCodeAt(i)) | 0;
    return s;
  };
  const baseline = fastest(() => (sink += bareLoop(text)), 80);
  const fold = createFoldTable(data.phrases.foldPairs);
  const real = createPhraseMatcher(data.phrases);
  const source = text.replace(/[^\u4e00-\u9fff]/g, '');
  const occurring = (n: number) => {
    const forms = new Set<string>();
    for (let i = 0; forms.size < n; i++) {
      const at = (i * 7919) % (source.length - 10);
      forms.add(source.slice(at, at + 2 + (i % 7)));
    }
    return [...forms];
  };
  const compile = (list: string[]) => compileMatcher({ ids: list, forms: list.map((f) => [f]) }, fold);
  const rows: (string | number)[][] = [['bare `charCodeAt` loop (baseline)', ms(baseline), '', '1×']];
  for (const [label, matcher] of [
    [`the glossary (${data.phrases.ids.length} entries, ${data.forms.flat().length} forms)`, real],
    ['200 entries that occur in the text', compile(occurring(200))],
    ['2,000 entries that occur in the text', compile(occurring(2000))],
  ] as const) {
    let found = 0;
    const t = fastest(() => (found = matcher.findMatches(text).length));
    rows.push([label, ms(t), found.toLocaleString(), times(t / baseline)]);
  }
  table(['', 'time', 'matches', 'vs bare loop'], rows);
  // The tables alone: what the build makes once and a page now only decodes.
  const decode = fastest(() => decodeMatcherTables(data.phrases.tables), 20);
  const build = fastest(() => buildMatcherTables({ ids: data.phrases.ids, forms: data.forms }, fold), 10);
  // Ready to match: the tables decoded plus the per-matcher lookup arrays (the fold composed into
  // 64K root tables), which are cheaper to compute than to ship.
  const ready = fastest(() => createMatcher(decodeMatcherTables(data.phrases.tables), data.phrases.ids, fold), 20);
  table(
    ['making the matcher', 'time'],
    [
      ['decoding the built tables (what a page does)', ms(decode)],
      ['building the tables (baseline: every page did this before)', ms(build)],
      ['ratio', times(build / decode)],
      ['ready to match: decoded tables and the lookup arrays', ms(ready)],
    ],
  );
  targets([
    { what: 'decoding vs building: faster by', value: build / decode, limit: 5, kind: 'min', unit: '×' },
    { what: 'ready to match', value: ready, limit: 2, kind: 'max', unit: 'ms' },
  ]);
  if (sink === 42) console.log(''); // keeps the baseline loop from being optimised away
}

// ---------------------------------------------------------------------------------------------
// 2. Precision and recall

function precisionSection(): void {
  const sentences = loadPrecisionSet();
  section(
    'Precision and recall: labelled sentences and real pages',
    `Two sets. ${sentences.length} labelled sentences written for this project (test-support/precision-set.json): policy news, discipline reports and notices, and non-political text (science, sport, food, a Taiwanese travel blog …), in every script; each sentence is scored as a page of its own, and a highlight is right only when it is exactly a labelled span. Then real published pages (bench/real-pages/: their text is gathered outside git by scripts/gather-real-pages.ts; the labels are ours): recall is over the phrases of the essays on the policy pages, precision and the share of plain vocabulary over the highlights on them, and pages about something else must get none.`,
  );
  const all = createPhraseMatcher(data.phrases);
  const rows = [
    ['key, and formulas on policy text (the default)', scoreHighlighting(sentences, all, 'context')],
    ['key phrases only', scoreHighlighting(sentences, all, 'key')],
    ['everything', scoreHighlighting(sentences, all, 'all')],
  ] as const;
  table(
    ['sentences, level', 'precision', 'recall', 'highlights right', 'wrong', 'missed', 'everyday words hit'],
    rows.map(([label, s]) => [
      label,
      s.precision.toFixed(3),
      s.recall.toFixed(3),
      s.truePositives,
      s.falsePositives.length,
      s.missed.length,
      s.trapsHit.length,
    ]),
  );
  const byDefault = rows[0][1];
  if (byDefault.falsePositives.length > 0) console.log(`Wrong by default: ${byDefault.falsePositives.join('; ')}\n`);
  if (byDefault.missed.length > 0) console.log(`Missed by default: ${byDefault.missed.join('; ')}\n`);
  const list: Target[] = [
    { what: 'sentences: precision (default)', value: byDefault.precision, limit: 0.95, kind: 'min', unit: '' },
    { what: 'sentences: recall (default)', value: byDefault.recall, limit: 0.95, kind: 'min', unit: '' },
  ];

  const { pages, listed } = loadRealPages();
  if (pages.length === 0) {
    console.log(`Real pages: none gathered in ${realPagesDir()} (${listed} listed). See bench/real-pages/README.md.\n`);
    targets(list);
    return;
  }
  const labels = loadRealPageLabels();
  const entries = new Map(data.glossary.entries.map((e) => [e.id, e]));
  const count = (domain: string, script: string) => pages.filter((p) => p.domain === domain && p.script === script).length;
  console.log(
    `Real pages: ${pages.length} of ${listed} listed — about policy ${count('policy', 'simplified')} Simplified and ${count('policy', 'traditional')} Traditional; about something else ${count('other', 'simplified')} Simplified and ${count('other', 'traditional')} Traditional.\n`,
  );
  const scored = HIGHLIGHT_LEVELS.flatMap((level) =>
    (['simplified', 'traditional'] as const).map((script) => ({
      script,
      score: scoreRealPages(
        pages.filter((p) => p.script === script),
        labels,
        all,
        entries,
        level,
      ),
    })),
  );
  const percent = (n: number) => `${(100 * n).toFixed(1)}%`;
  table(
    [
      'real pages, level',
      'script',
      'recall',
      'found / phrases',
      'key found',
      'formula found',
      'precision',
      'vocabulary share',
      'wrong',
      'highlights elsewhere',
    ],
    scored.map(({ script, score: s }) => [
      s.level === 'context' ? 'context (the default)' : s.level,
      script,
      percent(s.recall),
      `${s.found} / ${s.wanted}`,
      `${s.byTier.key.found} / ${s.byTier.key.wanted}`,
      `${s.byTier.formula.found} / ${s.byTier.formula.wanted}`,
      s.precision.toFixed(3),
      percent(s.vocabularyShare),
      s.byVerdict.wrong,
      s.offTopic.length,
    ]),
  );
  for (const { script, score: s } of scored.filter((x) => x.score.level === 'context')) {
    if (s.missed.length > 0) console.log(`Missed by default (${script}): ${s.missed.join('; ')}\n`);
    if (s.wrongShown.length > 0) console.log(`Wrong by default (${script}): ${s.wrongShown.join('; ')}\n`);
    if (s.offTopic.length > 0) console.log(`Highlighted on pages about something else (${script}): ${s.offTopic.join('; ')}\n`);
  }
  for (const { script, score: s } of scored.filter((x) => x.score.level === 'context')) {
    list.push(
      { what: `real ${script} policy pages: recall (default)`, value: s.recall, limit: 0.97, kind: 'min', unit: '' },
      { what: `real ${script} policy pages: vocabulary share (default)`, value: s.vocabularyShare, limit: 0.02, kind: 'max', unit: '' },
      {
        what: `real ${script} pages about something else: highlights (default)`,
        value: s.offTopic.length,
        limit: 0,
        kind: 'max',
        unit: '',
      },
    );
  }
  targets(list);
}

// ---------------------------------------------------------------------------------------------
// Pages in Chromium

/**
 * Installed before any page script: long animation frames (they include style, layout and paint,
 * which the Long Tasks API leaves out), the gaps of a 16 ms timer (main-thread stalls), the first
 * frames after DOMContentLoaded, and when each rendering update starts (every frame's length, see
 * FRAME_FIGURES). A string: tsx would wrap a function's inner names in a helper the page lacks.
 */
const INSTRUMENT = `(() => {
  window.__frames = [];
  window.__gaps = [];
  window.__rafs = [];
  window.__updates = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__frames.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'long-animation-frame', buffered: true });
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 20) window.__gaps.push([last, now - last - 16]);
    last = now;
  }, 16);
  // The first frames after DOMContentLoaded (see FRAME_FIGURES).
  const tick = (t) => {
    if (document.readyState !== 'loading') window.__rafs.push(t);
    if (window.__rafs.length < 10) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // The time a callback actually runs, not the frame's timestamp: that one is the frame's planned
  // time, which a long task before the frame does not move.
  // Also when each of our highlights was first registered (a few hundred at most are registered
  // at once: iterating them costs no layout and next to no time).
  window.__shownAt = new Map();
  const update = () => {
    const now = performance.now();
    window.__updates.push(now);
    if (window.CSS && CSS.highlights) {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('tifa-')) continue;
        for (const range of highlight) if (!window.__shownAt.has(range)) window.__shownAt.set(range, now);
      }
    }
    if (window.__updates.length < 5000) requestAnimationFrame(update);
  };
  requestAnimationFrame(update);
})()`;

/**
 * Frames and timer stalls from DOMContentLoaded on, as a page script computes them: all of them,
 * and those after the page's own first frame after DOMContentLoaded (the browser's layout of the
 * freshly parsed page, paid with or without the extension, and whose length varies by 2–4× from
 * one load to the next here). A string: tsx would wrap a function's inner names in a helper the
 * page lacks.
 *
 * `everyFrame` is the longest time from the start of one rendering update to the start of the
 * next: the length of each animation frame, every frame counted. The Long Animation Frames API
 * reports only frames over 50 ms, so a frame of 45 ms on the page alone reads as none at all, and
 * the same frame made 25 ms longer by the extension would count as a 70 ms frame it "adds"
 * (measured with tracing on the stress page: that frame holds the end of parsing and Chromium's
 * own capture of the page text, 35 ms, with or without the extension). Frames are compared with
 * this figure; the long animation frames are printed beside it.
 */
const FRAME_FIGURES = `(() => {
  const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;
  const after = window.__rafs.filter((t) => t >= dcl);
  const settled = after.length > 1 ? after[1] : Infinity;
  const frames = window.__frames.filter((f) => f.start + f.duration >= dcl);
  const gaps = window.__gaps.filter(([start, length]) => start + length >= dcl);
  const longest = (list) => Math.max(0, ...list);
  const updates = window.__updates;
  let everyFrame = 0;
  for (let i = 1; i < updates.length; i++) if (updates[i] >= dcl) everyFrame = Math.max(everyFrame, updates[i] - updates[i - 1]);
  return {
    everyFrame,
    firstFrame: after.length > 1 ? after[1] - dcl : NaN,
    longestFrame: longest(frames.map((f) => f.duration)),
    stall: longest(gaps.map(([, length]) => length)),
    laterFrame: longest(frames.filter((f) => f.start >= settled).map((f) => f.duration)),
    laterStall: longest(gaps.filter(([start]) => start >= settled).map(([, length]) => length)),
  };
})()`;

interface Load {
  /**
   * DOMContentLoaded → the first frame that shows every highlight of the first screen (those on
   * screen once the page has settled, each timed by the first frame it was registered in).
   */
  visible: number;
  /** DOMContentLoaded → every match of the page found. */
  allFound: number;
  /** The first pass's own work: its slices, without the waits for the page's frames between them. */
  work: number;
  matches: number;
  /** Highlights on the first screen. */
  onScreen: number;
  /** Longest long animation frame (over 50 ms) from DOMContentLoaded on. */
  longestFrame: number;
  /** Longest frame from DOMContentLoaded on, every frame counted (see FRAME_FIGURES). */
  everyFrame: number;
  /** Longest stall of a 16 ms timer from DOMContentLoaded on. */
  stall: number;
  /** The start of the second frame after DOMContentLoaded: the first one has been painted. */
  firstFrame: number;
  /** The same, after the page's first frame after DOMContentLoaded (see FRAME_FIGURES). */
  laterFrame: number;
  laterStall: number;
}

async function load(browser: ExtensionBrowser, path: string, withExtension: boolean): Promise<Load> {
  const page = await browser.context.newPage();
  await page.addInitScript(INSTRUMENT);
  await page.goto(`http://tifa.test${path}`, { waitUntil: 'domcontentloaded', timeout: 180_000 });
  if (withExtension) {
    await page.waitForFunction(
      () => performance.getEntriesByName('tifa-first-pass').length > 0 && performance.getEntriesByName('tifa-visible').length > 0,
      null,
      { timeout: 120_000, polling: 50 },
    );
  }
  await page.waitForTimeout(withExtension ? 800 : 2000);
  const result = (await page.evaluate(`(() => {
    const dcl = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;
    const end = (name) => { const e = performance.getEntriesByName(name)[0]; return e ? e.startTime + e.duration - dcl : NaN; };
    const pass = performance.getEntriesByName('tifa-first-pass')[0];
    // The highlights on the first screen once all is done, and the frame that first showed each.
    const shown = [];
    for (const [name, highlight] of CSS.highlights) {
      if (!name.startsWith('tifa-')) continue;
      for (const r of highlight) {
        const range = document.createRange();
        range.setStart(r.startContainer, r.startOffset);
        range.setEnd(r.endContainer, r.endOffset);
        const box = range.getBoundingClientRect();
        if (box.width > 0 && box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth) shown.push(window.__shownAt.get(r) ?? Infinity);
      }
    }
    return {
      visible: shown.length > 0 ? Math.max(...shown) - dcl : NaN,
      allFound: end('tifa-first-pass'),
      work: pass ? pass.detail.work : NaN,
      matches: pass ? pass.detail.count : 0,
      onScreen: shown.length,
      ...${FRAME_FIGURES},
    };
  })()`)) as Load;
  await page.close();
  return result;
}

/** Loads a page `count` times with the extension (the first one cold: a fresh browser) and without. */
async function measurePage(html: string, count: number): Promise<{ cold: Load; warm: Load[]; alone: Load[] }> {
  const cold = await launchWithExtension();
  let first: Load;
  try {
    await cold.serve('/page.html', html);
    first = await load(cold, '/page.html', true);
  } finally {
    await cold.close();
  }
  const withExt = await launchWithExtension();
  const without = await launchWithExtension({ extension: false });
  const warm: Load[] = [];
  const alone: Load[] = [];
  try {
    for (const b of [withExt, without]) await b.serve('/page.html', html);
    await load(withExt, '/page.html', true); // warms the browser's caches for the extension too
    for (let i = 0; i < count; i++) {
      warm.push(await load(withExt, '/page.html', true));
      alone.push(await load(without, '/page.html', false));
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  return { cold: first, warm, alone };
}

function pageRows(result: { cold: Load; warm: Load[]; alone: Load[] }): (string | number)[][] {
  const m = (pick: (l: Load) => number, list: Load[]) => median(list.map(pick));
  return [
    [
      'Tifa Lens, cold',
      ms(result.cold.visible),
      ms(result.cold.allFound),
      result.cold.matches.toLocaleString(),
      result.cold.onScreen.toLocaleString(),
      ms(result.cold.everyFrame),
      ms(result.cold.longestFrame),
      ms(result.cold.stall),
      ms(result.cold.laterFrame),
      ms(result.cold.laterStall),
    ],
    [
      `Tifa Lens, warm (median of ${result.warm.length})`,
      ms(m((l) => l.visible, result.warm)),
      ms(m((l) => l.allFound, result.warm)),
      result.warm[0].matches.toLocaleString(),
      result.warm[0].onScreen.toLocaleString(),
      ms(m((l) => l.everyFrame, result.warm)),
      ms(m((l) => l.longestFrame, result.warm)),
      ms(m((l) => l.stall, result.warm)),
      ms(m((l) => l.laterFrame, result.warm)),
      ms(m((l) => l.laterStall, result.warm)),
    ],
    [
      `the page alone (median of ${result.alone.length})`,
      '',
      '',
      '',
      '',
      ms(m((l) => l.everyFrame, result.alone)),
      ms(m((l) => l.longestFrame, result.alone)),
      ms(m((l) => l.stall, result.alone)),
      ms(m((l) => l.laterFrame, result.alone)),
      ms(m((l) => l.laterStall, result.alone)),
    ],
  ];
}
const PAGE_COLUMNS = [
  '',
  'visible highlights',
  'every match found',
  'matches',
  'on the first screen',
  'longest frame',
  'longest long animation frame',
  'longest timer stall',
  'longest long animation frame after the first',
  'longest stall after the first',
];
const FRAME_NOTE =
  'Frames and stalls are counted from DOMContentLoaded, the page’s first frame after it included (its layout of the freshly parsed page); "after the first" leaves that frame out. "Longest frame" counts every frame (the time from the start of one rendering update to the start of the next); long animation frames are only those over 50 ms, which the browser reports (0 when none). Targets on added frames and stalls compare the whole figures, warm, with the page alone.';

let stressHtml: string | undefined;
function stressPage(): string {
  stressHtml ??= chinesePage(chineseText(data.corpus, 1_000_000, traditionalOf)).html;
  return stressHtml;
}

async function stressSection(): Promise<void> {
  const { html, textNodes } = chinesePage(chineseText(data.corpus, 1_000_000, traditionalOf));
  section(
    'Highlighting a 1 MB stress page',
    `${(Buffer.byteLength(html) / 1e6).toFixed(2)} MB of HTML: 1 MB of Chinese text in ${textNodes.toLocaleString()} text nodes, every paragraph cut into seven-character runs of span, b, a, em or bare text. Times from DOMContentLoaded; "visible highlights" is the first frame by which every highlight of the first screen was shown (each timed by a page script at the first frame it was registered in); frames include style, layout and paint.`,
  );
  const result = await measurePage(html, 5);
  table(PAGE_COLUMNS, pageRows(result));
  console.log(`${FRAME_NOTE}\n`);
  const warmVisible = median(result.warm.map((l) => l.visible));
  // Every frame counted (see FRAME_FIGURES): the page's own frame of 40-50 ms is no long animation frame.
  const added = median(result.warm.map((l) => l.everyFrame)) - median(result.alone.map((l) => l.everyFrame));
  targets([
    { what: 'visible highlights, warm', value: warmVisible, limit: 150, kind: 'max', unit: 'ms' },
    { what: 'visible highlights, cold', value: result.cold.visible, limit: 150, kind: 'max', unit: 'ms' },
    { what: 'longest frame the extension adds (warm, vs the page alone)', value: Math.max(0, added), limit: 50, kind: 'max', unit: 'ms' },
  ]);
}

// ---------------------------------------------------------------------------------------------
// Where the first frame after DOMContentLoaded goes (a Chromium trace)

interface FirstFrame {
  /** The task that ends the parse and dispatches DOMContentLoaded. */
  dclTask: number;
  /** Script run by DOMContentLoaded listeners (the stress page has none of its own). */
  listeners: number;
  style: number;
  layout: number;
  /** The rendering update after it. */
  update: number;
  prePaint: number;
  paint: number;
  /** Chromium's own capture of the page text (translation, language detection). */
  capture: number;
}

/** Loads `path` with tracing on and breaks down the DOMContentLoaded task and the rendering update after it. */
async function traceFirstFrame(browser: ExtensionBrowser, path: string): Promise<FirstFrame> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: '*,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(`http://tifa.test${path}`, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.waitForTimeout(1500);
  await cdp.send('Tracing.end');
  await complete;
  await page.close();
  // The page's main thread: the one that parsed it.
  const parses = new Map<string, number>();
  for (const e of events) if (e.name === 'ParseHTML') parses.set(`${e.pid}:${e.tid}`, (parses.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const [thread] = [...parses].sort((a, b) => b[1] - a[1])[0];
  const main = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const within = (task: TraceEvent, name: string, test: (e: TraceEvent) => boolean = () => true) =>
    main
      .filter((e) => e.name === name && e.ts >= task.ts && e.ts + e.dur! <= task.ts + task.dur! && test(e))
      .reduce((sum, e) => sum + e.dur! / 1000, 0);
  const finished = main.filter((e) => e.name === 'Document::FinishedParsing').at(-1)!;
  const dclTask = tasks.find((t) => t.ts <= finished.ts && t.ts + t.dur! >= finished.ts + finished.dur!)!;
  const update = tasks.find((t) => t.ts >= dclTask.ts + dclTask.dur! && within(t, 'WebFrameWidgetImpl::UpdateLifecycle') > 0)!;
  return {
    dclTask: dclTask.dur! / 1000,
    listeners: within(dclTask, 'EventDispatch', (e) => (e.args as { data?: { type?: string } })?.data?.type === 'DOMContentLoaded'),
    style: within(dclTask, 'UpdateLayoutTree'),
    layout: within(dclTask, 'Layout'),
    update: update.dur! / 1000,
    prePaint: within(update, 'PrePaint'),
    paint: within(update, 'Paint'),
    capture: within(update, 'ChromeRenderFrameObserver::CapturePageText'),
  };
}
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: unknown;
}

async function framesSection(): Promise<void> {
  section(
    'Where the first frame after DOMContentLoaded goes',
    'The 1 MB stress page, loaded with a Chromium trace (devtools.timeline and the other default categories): the task that ends the parse and dispatches DOMContentLoaded, and the rendering update after it, with the extension (warm) and without, three loads each (medians). Tracing slows the page down; the split is what this section is for. The page has no DOMContentLoaded listener of its own, so "listeners" is the extension\u2019s first slice.',
  );
  const html = stressPage();
  const rows: (string | number)[][] = [];
  for (const withExtension of [true, false]) {
    const browser = await launchWithExtension({ extension: withExtension });
    const loads: FirstFrame[] = [];
    try {
      await browser.serve('/page.html', html);
      await load(browser, '/page.html', withExtension); // warms the caches
      for (let i = 0; i < 3; i++) loads.push(await traceFirstFrame(browser, '/page.html'));
    } finally {
      await browser.close();
    }
    const m = (pick: (f: FirstFrame) => number) => ms(median(loads.map(pick)));
    rows.push([
      withExtension ? 'Tifa Lens (median of 3)' : 'the page alone (median of 3)',
      m((f) => f.dclTask),
      m((f) => f.listeners),
      m((f) => f.style),
      m((f) => f.layout),
      m((f) => f.update),
      m((f) => f.prePaint + f.paint),
      m((f) => f.capture),
    ]);
  }
  table(
    [
      '',
      'DOMContentLoaded task',
      'listeners',
      'style',
      'layout',
      'next rendering update',
      'pre-paint and paint',
      'Chromium’s page-text capture',
    ],
    rows,
  );
  console.log(
    'Style and layout in the DOMContentLoaded task are those of the last part of the page parsed, whose size changes from one load to the next. No target: this section explains the frame figures of the stress section.\n',
  );
}

async function hugeSection(): Promise<void> {
  const { html, textNodes } = chinesePage(chineseText(data.corpus, 8_000_000, traditionalOf));
  section(
    'Highlighting an 8 MB page',
    `${(Buffer.byteLength(html) / 1e6).toFixed(1)} MB of HTML: 8 MB of Chinese text in ${textNodes.toLocaleString()} text nodes, made like the stress page.`,
  );
  const result = await measurePage(html, 3);
  table(PAGE_COLUMNS, pageRows(result));
  console.log(`${FRAME_NOTE}\n`);
  const stallAdded = median(result.warm.map((l) => l.stall)) - median(result.alone.map((l) => l.stall));
  targets([
    { what: 'first visible highlights, warm', value: median(result.warm.map((l) => l.visible)), limit: 500, kind: 'max', unit: 'ms' },
    { what: 'first visible highlights, cold', value: result.cold.visible, limit: 500, kind: 'max', unit: 'ms' },
    {
      what: 'main-thread stall the extension adds (warm, vs the page alone)',
      value: Math.max(0, stallAdded),
      limit: 100,
      kind: 'max',
      unit: 'ms',
    },
  ]);
}

// ---------------------------------------------------------------------------------------------
// 5. A page that changes

async function mutationSection(): Promise<void> {
  section(
    'A page that changes one paragraph every 100 ms',
    'The highlighted 1 MB stress page; a page script replaces the text of one paragraph (near the screen, then further down) every 100 ms for 4 s. Long animation frames during those 4 s, with the extension and without.',
  );
  const html = stressPage();
  const run = async (browser: ExtensionBrowser, withExtension: boolean) => {
    const page = await browser.context.newPage();
    await page.addInitScript(INSTRUMENT);
    await page.goto('http://tifa.test/page.html', { waitUntil: 'domcontentloaded', timeout: 120_000 });
    if (withExtension) await page.waitForFunction(() => performance.getEntriesByName('tifa-visible').length > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    const frames = (await page.evaluate(`new Promise((resolve) => {
      const paragraphs = document.querySelectorAll('p');
      const start = performance.now();
      let i = 0;
      const timer = setInterval(() => {
        const p = paragraphs[(i * 3) % paragraphs.length];
        p.textContent = paragraphs[(i * 7 + 1) % paragraphs.length].textContent;
        i++;
        if (i === 40) {
          clearInterval(timer);
          setTimeout(() => resolve(window.__frames.filter((f) => f.start >= start).map((f) => f.duration)), 500);
        }
      }, 100);
    })`)) as number[];
    await page.close();
    return frames;
  };
  const withExt = await launchWithExtension();
  const without = await launchWithExtension({ extension: false });
  const ext: number[][] = [];
  const alone: number[][] = [];
  try {
    for (const b of [withExt, without]) await b.serve('/page.html', html);
    for (let i = 0; i < 3; i++) {
      ext.push(await run(withExt, true));
      alone.push(await run(without, false));
    }
  } finally {
    await withExt.close();
    await without.close();
  }
  const longest = (list: number[][]) => median(list.map((f) => Math.max(0, ...f)));
  const over50 = (list: number[][]) => median(list.map((f) => f.filter((d) => d > 50).length));
  table(
    ['', 'longest frame (median of 3)', 'frames over 50 ms (median)'],
    [
      ['Tifa Lens', ms(longest(ext)), over50(ext)],
      ['the page alone', ms(longest(alone)), over50(alone)],
    ],
  );
  targets([
    { what: 'longest frame beyond the page’s own', value: Math.max(0, longest(ext) - longest(alone)), limit: 50, kind: 'max', unit: 'ms' },
  ]);
}

// ---------------------------------------------------------------------------------------------
// 6. Converting the stress page's script

async function convertSection(): Promise<void> {
  section(
    'Converting the stress page’s script',
    'The 1 MB stress page, Simplified → Traditional (Taiwan) and back, with its highlights. Times to painted (until the frame that shows the last change); frames are long animation frames. One cold run (converter not loaded yet), three warm ones.',
  );
  const html = chinesePage(toSimplified(chineseText(data.corpus, 1_000_000, toSimplified))).html;
  const browser = await launchWithExtension();
  type Run = { convert: number; restore: number; visible: number; convertFrame: number; restoreFrame: number };
  const results: Run[] = [];
  try {
    await browser.serve('/page.html', html);
    for (let i = 0; i < 4; i++) {
      const page = await browser.context.newPage();
      await page.addInitScript(INSTRUMENT);
      await page.goto('http://tifa.test/page.html', { waitUntil: 'domcontentloaded', timeout: 120_000 });
      await page.waitForFunction(() => performance.getEntriesByName('tifa-first-pass').length > 0, null, { timeout: 60_000 });
      await page.waitForTimeout(1000);
      const tabId = await browser.tabIdOf(page);
      const send = (choice: string) =>
        browser.inWorker(({ id, c }) => (globalThis as any).chrome.tabs.sendMessage(id, { type: 'set-script', choice: c }), {
          id: tabId,
          c: choice,
        });
      await send('tw');
      await page.waitForFunction(() => performance.getEntriesByName('tifa-convert-painted').length > 0, null, { timeout: 60_000 });
      await page.waitForTimeout(1500);
      await send('original');
      await page.waitForFunction(() => performance.getEntriesByName('tifa-restore-painted').length > 0, null, { timeout: 60_000 });
      await page.waitForTimeout(1500);
      results.push(
        (await page.evaluate(`(() => {
        const get = (n) => performance.getEntriesByName(n)[0];
        const convertStart = get('tifa-convert').startTime;
        const restoreStart = get('tifa-restore').startTime;
        const frames = window.__frames;
        const longest = (from, to) => Math.max(0, ...frames.filter((f) => f.start >= from - 1 && f.start < to).map((f) => f.duration));
        const visible = performance.getEntriesByName('tifa-visible-converted').map((e) => e.startTime).find((t) => t >= convertStart && t < restoreStart);
        return {
          convert: get('tifa-convert-painted').duration,
          restore: get('tifa-restore-painted').duration,
          visible: visible - convertStart,
          convertFrame: longest(convertStart, restoreStart),
          restoreFrame: longest(restoreStart, Infinity),
        };
      })()`)) as Run,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  // The browser's own part: what changing <html lang> alone costs on this page.
  const plain = await launchWithExtension({ extension: false });
  let langFrame = 0;
  try {
    await plain.serve('/page.html', html);
    const page = await plain.open('/page.html');
    await page.waitForTimeout(1000);
    await page.evaluate(INSTRUMENT);
    await page.evaluate(`(async () => {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      document.documentElement.lang = 'zh-TW';
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    })()`);
    await page.waitForTimeout(500);
    langFrame = (await page.evaluate(() =>
      Math.max(0, ...(window as any).__frames.map((f: { duration: number }) => f.duration)),
    )) as number;
    await page.close();
  } finally {
    await plain.close();
  }
  const [cold, ...warm] = results;
  const m = (pick: (r: Run) => number) => median(warm.map(pick));
  table(
    ['', 'visible part', 'whole page', 'restore', 'longest frame: convert', 'restore'],
    [
      ['Tifa Lens, cold', ms(cold.visible), ms(cold.convert), ms(cold.restore), ms(cold.convertFrame), ms(cold.restoreFrame)],
      [
        `Tifa Lens, warm (median of ${warm.length})`,
        ms(m((r) => r.visible)),
        ms(m((r) => r.convert)),
        ms(m((r) => r.restore)),
        ms(m((r) => r.convertFrame)),
        ms(m((r) => r.restoreFrame)),
      ],
      ['the browser alone, changing `<html lang>`', '', '', '', ms(langFrame), ''],
    ],
  );
  targets([
    { what: 'longest frame while converting (warm)', value: m((r) => r.convertFrame), limit: 100, kind: 'max', unit: 'ms' },
    { what: 'longest frame while restoring (warm)', value: m((r) => r.restoreFrame), limit: 100, kind: 'max', unit: 'ms' },
  ]);
}

// ---------------------------------------------------------------------------------------------
// 7. Against mark.js

async function markjsSection(): Promise<void> {
  const { html, textNodes } = chinesePage(chineseText(data.corpus, 100_000, traditionalOf), 3);
  const keywords = [...new Set(data.glossary.entries.filter((e) => e.tier === 'key').flatMap((e) => [e.simplified, e.traditional]))];
  section(
    'Against mark.js on a 100 KB page',
    `${(Buffer.byteLength(html) / 1e3).toFixed(0)} KB of HTML, 100 KB of text cut into inline elements every three characters (${textNodes.toLocaleString()} text nodes). mark.js 8.11 (acrossElements) is given the Simplified and Traditional form of every key entry (${keywords.length} keywords) and wraps every match; Tifa Lens finds every match and shows those near the screen. Tifa Lens's times: DOMContentLoaded → every match found (the visible ones shown in the next frame), and the first pass's own work (its slices, without the waits for the page's frames between them), which is what mark.js's time is too.`,
  );
  const result = await measurePage(html, 4);
  // Like mark.js's own time (it marks; the page paints later): every match found.
  const tifa = (l: Load) => l.allFound;
  const markJs = readFileSync(join(root, 'node_modules/mark.js/dist/mark.min.js'), 'utf8');
  const browser = await launchWithExtension({ extension: false });
  let mark = Number.NaN;
  let marks = 0;
  try {
    await browser.serve('/page.html', html);
    const page: Page = await browser.open('/page.html');
    await page.addScriptTag({ content: markJs });
    const run = page.evaluate(`new Promise((resolve) => {
      const start = performance.now();
      let count = 0;
      new Mark(document.body).mark(${JSON.stringify(keywords)}, {
        acrossElements: true, separateWordSearch: false,
        each: () => count++,
        done: () => resolve({ ms: performance.now() - start, count }),
      });
    })`) as Promise<{ ms: number; count: number }>;
    const limit = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), MARKJS_LIMIT_MS));
    const r = await Promise.race([run, limit]);
    if (r) {
      mark = r.ms;
      marks = r.count;
    } else {
      mark = MARKJS_LIMIT_MS;
      run.catch(() => {});
    }
  } finally {
    await browser.close();
  }
  const warm = median(result.warm.map(tifa));
  const warmWork = median(result.warm.map((l) => l.work));
  table(
    ['', 'every match found', 'its own work', 'matches', 'mark.js / Tifa Lens (work)'],
    [
      [
        'Tifa Lens, cold',
        ms(tifa(result.cold)),
        ms(result.cold.work),
        result.cold.matches.toLocaleString(),
        times(mark / result.cold.work),
      ],
      [
        `Tifa Lens, warm (median of ${result.warm.length})`,
        ms(warm),
        ms(warmWork),
        result.warm[0].matches.toLocaleString(),
        times(mark / warmWork),
      ],
      ['mark.js', '', mark >= MARKJS_LIMIT_MS ? `> ${MARKJS_LIMIT_MS / 1000} s (stopped)` : ms(mark), marks.toLocaleString(), '1×'],
      [
        `the page alone: its first frame after DOMContentLoaded painted (median of ${result.alone.length})`,
        ms(median(result.alone.map((l) => l.firstFrame))),
        '',
        '',
        '',
      ],
    ],
  );
  targets([
    { what: 'warm: faster than mark.js (work) by', value: mark / warmWork, limit: 60, kind: 'min', unit: '×' },
    { what: 'cold: every match found', value: tifa(result.cold), limit: 100, kind: 'max', unit: 'ms' },
  ]);
}

// ---------------------------------------------------------------------------------------------
// 8. Size

function sizeSection(): void {
  section('The content script', 'What every page loads, and that neither opencc-js nor Readability is in it.');
  const file = join(root, '.output/chrome-mv3/content-scripts/content.js');
  const code = readFileSync(file, 'utf8');
  const size = statSync(file).size;
  const hasOpencc = code.includes('㑯 㑔') || code.includes('STPhrases') || code.includes('HTMLConverter');
  const hasReadability = code.includes('isProbablyReaderable') || code.includes('_grabArticle');
  const page = statSync(join(root, '.output/chrome-mv3/content-scripts/shadow-roots.js')).size;
  table(
    ['file', 'size', 'opencc-js in it', 'Readability in it'],
    [
      ['content-scripts/content.js', `${(size / 1024).toFixed(1)} KiB`, hasOpencc ? '**yes**' : 'no', hasReadability ? '**yes**' : 'no'],
      ['content-scripts/shadow-roots.js (page world)', `${(page / 1024).toFixed(1)} KiB`, 'no', 'no'],
    ],
  );
  targets([{ what: 'content.js', value: size / 1024, limit: 200, kind: 'max', unit: 'KiB' }]);
}

// ---------------------------------------------------------------------------------------------
// 10. JavaScript heap per tab

/** An English page of about 20 KB of text: no Chinese anywhere. */
function englishPage(): string {
  const sentence =
    'The committee met on Tuesday to review the budget, and the chair asked every department to report on what it had spent and why. ';
  const paragraphs = Array.from({ length: 160 }, (_, i) => `<p>${i % 5 === 0 ? `<a href="#s${i}">Section ${i}</a> ` : ''}${sentence}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><article>${paragraphs.join('\n')}</article></body></html>`;
}

/** The page's JS heap after forced garbage collection, in bytes, once the extension is done with it. */
async function heapAfterLoad(browser: ExtensionBrowser, path: string, waitForPass: boolean): Promise<number> {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  await page.goto(`http://tifa.test${path}`, { waitUntil: 'load', timeout: 180_000 });
  if (waitForPass) {
    await page.waitForFunction(() => performance.getEntriesByName('tifa-first-pass').length > 0, null, { timeout: 120_000, polling: 50 });
  }
  // Whatever the extension does after the first pass (registering what is near the screen, idle work).
  await page.waitForTimeout(1500);
  await cdp.send('Performance.enable');
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
  await cdp.detach();
  await page.close();
  return used;
}

/**
 * The built extension as it was before issue 20, for a baseline in the same run: the content script
 * runs at document_start in every frame, with no first script to start it (its function, which the
 * build wraps it in, is called at once).
 */
function contentScriptAtStart(): string {
  const built = join(root, '.output/chrome-mv3');
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-at-start-'));
  cpSync(built, dir, { recursive: true });
  const script = join(dir, 'content-scripts/content.js');
  writeFileSync(script, `${readFileSync(script, 'utf8')}globalThis[Symbol.for(${JSON.stringify(DEFERRED_CONTENT_SCRIPT)})]();\n`);
  const manifestPath = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { content_scripts: { js: string[] }[] };
  for (const entry of manifest.content_scripts) entry.js = entry.js.filter((file) => file !== 'content-loader.js');
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return dir;
}

/**
 * Serves `html` at `path` in each browser, then measures it in each in turn, `loads` times after one
 * load to warm the caches: the median for each browser, in their order.
 */
async function mediansInTurn(
  browsers: ExtensionBrowser[],
  path: string,
  html: string,
  loads: number,
  measure: (browser: ExtensionBrowser) => Promise<number>,
): Promise<number[]> {
  for (const b of browsers) await b.serve(path, html);
  const values = browsers.map(() => [] as number[]);
  for (let k = 0; k <= loads; k++) {
    for (const [j, b] of browsers.entries()) {
      const value = await measure(b);
      if (k > 0) values[j].push(value);
    }
  }
  return values.map(median);
}

async function heapSection(): Promise<void> {
  const pages = [
    { name: 'an English page (20 KB of text, no Chinese)', html: englishPage(), chinese: false, limit: 0.3 },
    {
      name: 'a small Chinese page (10 KB of text)',
      html: chinesePage(chineseText(data.corpus, 10_000)).html,
      chinese: true,
      limit: undefined,
    },
    { name: 'the 1 MB stress page', html: stressPage(), chinese: true, limit: 6.2 },
  ];
  section(
    'JavaScript heap per tab',
    'What a tab’s JavaScript heap holds with the extension beyond the same page without it: CDP HeapProfiler.collectGarbage, then Performance.getMetrics (JSHeapUsedSize, the page’s and the content scripts’ worlds together), after the load, the first pass and 1.5 s more. Medians of 5 loads in one browser per build and one without the extension (the first load of each page is left out: it warms the caches). The baseline is the same build with its content script run at document_start in every frame, as before issue 20; the extension starts it only in frames that show Chinese.',
  );
  const LOADS = 5;
  const atStart = await launchWithExtension({ dir: contentScriptAtStart() });
  const onDemand = await launchWithExtension();
  const without = await launchWithExtension({ extension: false });
  const rows: (string | number)[][] = [];
  const added: number[] = [];
  const mb = (bytes: number) => bytes / (1024 * 1024);
  try {
    for (const [i, p] of pages.entries()) {
      const path = `/heap-${i}.html`;
      const [before, now, alone] = await mediansInTurn([atStart, onDemand, without], path, p.html, LOADS, (b) =>
        heapAfterLoad(b, path, p.chinese && b !== without),
      );
      added.push(now - alone);
      rows.push([
        p.name,
        `${mb(alone).toFixed(2)} MB`,
        `${mb(before - alone).toFixed(2)} MB`,
        `${mb(now - alone).toFixed(2)} MB`,
        `${((now - alone) / (before - alone)).toFixed(2)}×`,
      ]);
    }
  } finally {
    for (const b of [atStart, onDemand, without]) await b.close();
  }
  table(['', 'the page alone', 'added: content script at document_start (baseline)', 'added: started where Chinese shows', 'ratio'], rows);
  targets(
    pages.flatMap((p, i) =>
      p.limit === undefined
        ? []
        : [{ what: `heap added on ${p.name} (MB)`, value: mb(added[i]), limit: p.limit, kind: 'max' as const, unit: '' as const }],
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// 10b. Starting where Chinese shows: the first highlights

/** When a page's first highlights were on screen, in ms from its navigation (tifa-visible's end). */
async function firstHighlightsAt(browser: ExtensionBrowser, path: string): Promise<number> {
  const page = await browser.context.newPage();
  await page.goto(`http://tifa.test${path}`, { waitUntil: 'load', timeout: 180_000 });
  await page.waitForFunction(() => performance.getEntriesByName('tifa-visible').length > 0, null, { timeout: 120_000, polling: 50 });
  const at = await page.evaluate(() => {
    const [visible] = performance.getEntriesByName('tifa-visible');
    return visible.startTime + visible.duration;
  });
  await page.close();
  return at;
}

async function startSection(): Promise<void> {
  const pages = [
    { name: 'a small Chinese page (10 KB of text)', html: chinesePage(chineseText(data.corpus, 10_000)).html },
    {
      name: 'one text node of 1 MB',
      html: `<!doctype html><html><head><meta charset="utf-8"></head><body><p>${chineseText(data.corpus, 1_000_000)}</p></body></html>`,
    },
    { name: 'the 1 MB stress page', html: stressPage() },
  ];
  section(
    'Starting where Chinese shows: the first highlights',
    'Milliseconds from navigation to the first frame that shows highlights (the end of tifa-visible), medians of 5 loads after one to warm up, the two builds loaded in turn. The baseline is the same build with its content script run at document_start in every frame, as before issue 20.',
  );
  const LOADS = 5;
  const atStart = await launchWithExtension({ dir: contentScriptAtStart() });
  const onDemand = await launchWithExtension();
  const rows: (string | number)[][] = [];
  let worst = 0;
  try {
    for (const [i, p] of pages.entries()) {
      const path = `/start-${i}.html`;
      const [before, now] = await mediansInTurn([atStart, onDemand], path, p.html, LOADS, (b) => firstHighlightsAt(b, path));
      worst = Math.max(worst, now / before);
      rows.push([p.name, `${before.toFixed(0)} ms`, `${now.toFixed(0)} ms`, `${(now / before).toFixed(2)}×`]);
    }
  } finally {
    await atStart.close();
    await onDemand.close();
  }
  table(['', 'content script at document_start (baseline)', 'started where Chinese shows', 'ratio'], rows);
  targets([{ what: 'first highlights, the slowest page against the baseline (ratio)', value: worst, limit: 1.25, kind: 'max', unit: '' }]);
}

// ---------------------------------------------------------------------------------------------
// 11. A corpus (tifa corpus)

function corpusSection(): void {
  const dir = mkdtempSync(join(tmpdir(), 'tifa-bench-corpus-'));
  try {
    const made = performance.now();
    const corpus = generateCorpus(join(dir, 'corpus'), data, traditionalOf, { documents: 10_000, bytes: 100e6, sampleBytes: 20e6 });
    const mb = corpus.bytes / 1e6;
    section(
      'Annotating a corpus: tifa corpus',
      `${corpus.documents.toLocaleString()} documents, ${mb.toFixed(1)} MB (half Simplified, half Traditional; one in twenty an HTML page whose article Readability finds), written in ${((performance.now() - made) / 1000).toFixed(0)} s: clauses of the essays that hold no phrase, with ${corpus.planted.toLocaleString()} phrases of the glossary planted among them (Simplified, Traditional and mixed forms; one per ${Math.round(corpus.characters / corpus.planted)} characters), in folders by month. \`node bin/tifa.mjs corpus DIR --out OUT --jobs N\` as a user runs it, timed from start to exit; peak memory is run.json's (the process's maximum resident set, worker threads included). The baseline is the matcher alone scanning ${(corpus.sample.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6).toFixed(0)} MB of the same texts in memory, in one thread (fastest of 3).`,
    );
    const matcher = createPhraseMatcher(data.phrases).forLevel('context');
    const sampleMb = corpus.sample.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
    const scan = fastest(() => {
      for (const text of corpus.sample) matcher.findMatches(text);
    }, 3);
    const scanRate = sampleMb / (scan / 1000);
    const timed = [1, 2].map((jobs) => {
      const out = join(dir, `out-${jobs}`);
      const start = performance.now();
      const child = spawnSync(
        process.execPath,
        [join(root, 'bin/tifa.mjs'), 'corpus', join(dir, 'corpus'), '--out', out, '--jobs', String(jobs)],
        {
          encoding: 'utf8',
        },
      );
      const seconds = (performance.now() - start) / 1000;
      if (child.status !== 0) throw new Error(`tifa corpus --jobs ${jobs} failed: ${child.stderr}`);
      const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
      const digest = ['occurrences.jsonl', 'documents.jsonl', 'errors.jsonl']
        .map((file) =>
          createHash('sha256')
            .update(readFileSync(join(out, file)))
            .digest('hex'),
        )
        .join(' ');
      return { jobs, seconds, occurrences: run.counts.occurrences as number, peak: run.run.peak_rss_mb as number, digest };
    });
    const rate = (seconds: number) => mb / seconds;
    table(
      ['', 'time', 'MB/s', 'documents/s', 'occurrences', 'peak memory', 'vs the matcher alone'],
      [
        ['the matcher alone, one thread (baseline)', ms(scan), scanRate.toFixed(1), '', '', '', '1×'],
        ...timed.map((r) => [
          `tifa corpus --jobs ${r.jobs}`,
          `${r.seconds.toFixed(1)} s`,
          rate(r.seconds).toFixed(1),
          Math.round(corpus.documents / r.seconds).toLocaleString(),
          r.occurrences.toLocaleString(),
          `${r.peak} MB`,
          times(rate(r.seconds) / scanRate),
        ]),
      ],
    );
    const [one, two] = timed;
    console.log(
      `--jobs 2 against --jobs 1: ${times(one.seconds / two.seconds)} as fast. The files of the two runs are ${one.digest === two.digest ? 'the same, byte for byte' : '**not the same**'}.\n`,
    );
    targets([
      { what: 'seconds per 100 MB, --jobs 2', value: (two.seconds * 100) / mb, limit: 60, kind: 'max', unit: '' },
      { what: 'the same output for --jobs 1 and 2 (1 = yes)', value: one.digest === two.digest ? 1 : 0, limit: 1, kind: 'min', unit: '' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(
  `# Tifa Lens benchmarks\n\nRun on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}; sections: ${(wanted.length ? wanted : SECTIONS.filter((s) => !ON_REQUEST.includes(s))).join(', ')}.`,
);
if (runs('matcher')) matcherSection();
if (runs('precision')) precisionSection();
if (runs('stress')) await stressSection();
if (runs('frames')) await framesSection();
if (runs('huge')) await hugeSection();
if (runs('mutation')) await mutationSection();
if (runs('convert')) await convertSection();
if (runs('markjs')) await markjsSection();
if (runs('size')) sizeSection();
if (runs('heap')) await heapSection();
if (runs('start')) await startSection();
if (runs('pdf')) await pdfSection({ section, table, targets, ms, times, median });
if (runs('corpus')) corpusSection();
