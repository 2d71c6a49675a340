/**
 * Precision and recall on real published pages (bench/real-pages/): the pages' text stays out of
 * git (scripts/gather-real-pages.ts regenerates it), the labels are ours and live beside the
 * manifest. A page is read as the extension reads it, block by block (one paragraph a line), and
 * scored at each highlight level.
 *
 * Labels (bench/real-pages/labels.json), written by reading every phrase the glossary finds on the
 * pages at the level "all":
 * - every occurrence is a phrase of the essays that a reader wants highlighted, unless
 * - its form is listed under `vocabulary` (plain political words: 领导干部, 班子 …), or
 * - it is listed under `wrong` for its page (the words are there, the phrase is not: 编制内容);
 * - `missed` lists phrases of the essays on a page that the glossary does not find at all.
 * Pages not about policy must get no highlight at all.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { annotate, type TextMatch } from '../utils/core/annotate';
import type { CompiledEntry } from '../utils/core/compiled-data';
import type { Tier } from '../utils/core/glossary-schema';
import type { PhraseMatcher } from '../utils/core/phrase-matcher';
import type { HighlightLevel } from '../utils/core/policy-context';
import { repoPath } from './real-data';

export interface RealPage {
  id: string;
  domain: 'policy' | 'other';
  script: 'simplified' | 'traditional';
  topic: string;
  text: string;
}

export interface RealPageLabels {
  vocabulary: string[];
  wrong: { page: string; text: string; why: string }[];
  missed: { page: string; text: string }[];
}

/** Where the gathered texts are: TIFA_REAL_PAGES, else the script's default. */
export const realPagesDir = () => process.env.TIFA_REAL_PAGES ?? join(homedir(), '.cache/tifa-lens/real-pages');

/** The pages whose text has been gathered, and how many the manifest lists. */
export function loadRealPages(dir = realPagesDir()): { pages: RealPage[]; listed: number } {
  const manifest: Omit<RealPage, 'text'>[] = JSON.parse(readFileSync(repoPath('bench/real-pages/manifest.json'), 'utf8'));
  const pages: RealPage[] = [];
  for (const entry of manifest) {
    const path = join(dir, `${entry.id}.txt`);
    if (existsSync(path))
      pages.push({ id: entry.id, domain: entry.domain, script: entry.script, topic: entry.topic, text: readFileSync(path, 'utf8') });
  }
  return { pages, listed: manifest.length };
}

export function loadRealPageLabels(): RealPageLabels {
  return JSON.parse(readFileSync(repoPath('bench/real-pages/labels.json'), 'utf8'));
}

/** One paragraph a line, as the gathering script writes them. */
function pageBlocks(text: string): { start: number; text: string }[] {
  const blocks: { start: number; text: string }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    blocks.push({ start, text: line });
    start += line.length + 1;
  }
  return blocks;
}

type Verdict = 'phrase' | 'vocabulary' | 'wrong';

export interface LevelScore {
  level: HighlightLevel;
  /** Policy pages: phrases of the essays labelled, found, and highlighted. */
  wanted: number;
  found: number;
  highlighted: number;
  /** Highlights on policy pages by verdict. */
  byVerdict: Record<Verdict, number>;
  /** Found per tier of the entry (recall per tier), over wanted per tier. */
  byTier: Record<Tier, { wanted: number; found: number }>;
  /** Highlights on pages that are not about policy, with where they are. */
  offTopic: string[];
  /** The wanted phrases the level did not highlight, page by page. */
  missed: string[];
  wrongShown: string[];
  recall: number;
  precision: number;
  vocabularyShare: number;
}

const key = (m: Pick<TextMatch, 'start' | 'end'>) => `${m.start}:${m.end}`;

export function scoreRealPages(
  pages: RealPage[],
  labels: RealPageLabels,
  glossary: PhraseMatcher,
  entries: ReadonlyMap<string, CompiledEntry>,
  level: HighlightLevel,
): LevelScore {
  const vocabularyKeys = new Set(labels.vocabulary.map((form) => glossary.key(form)));
  const score: LevelScore = {
    level,
    wanted: 0,
    found: 0,
    highlighted: 0,
    byVerdict: { phrase: 0, vocabulary: 0, wrong: 0 },
    byTier: { key: { wanted: 0, found: 0 }, formula: { wanted: 0, found: 0 }, vocabulary: { wanted: 0, found: 0 } },
    offTopic: [],
    missed: [],
    wrongShown: [],
    recall: 0,
    precision: 0,
    vocabularyShare: 0,
  };
  const everything = glossary.forLevel('all');
  const atLevel = glossary.forLevel(level);
  for (const page of pages) {
    const blocks = pageBlocks(page.text);
    const shown = annotate(page.text, blocks, atLevel, entries, level).matches;
    if (page.domain === 'other') {
      for (const m of shown) score.offTopic.push(`${page.id}: ${m.text}`);
      continue;
    }
    const wrongHere = labels.wrong.filter((w) => w.page === page.id).map((w) => glossary.key(w.text));
    const verdict = (m: TextMatch): Verdict =>
      wrongHere.includes(glossary.key(m.text)) ? 'wrong' : vocabularyKeys.has(glossary.key(m.text)) ? 'vocabulary' : 'phrase';
    const shownKeys = new Set(shown.map(key));
    for (const m of annotate(page.text, blocks, everything, entries, 'all').matches) {
      if (verdict(m) !== 'phrase') continue;
      score.wanted++;
      score.byTier[m.tier].wanted++;
      if (shownKeys.has(key(m))) {
        score.found++;
        score.byTier[m.tier].found++;
      } else score.missed.push(`${page.id}: ${m.text}`);
    }
    for (const missed of labels.missed.filter((m) => m.page === page.id)) {
      score.wanted++;
      score.missed.push(`${page.id}: ${missed.text} (no entry matches it)`);
    }
    for (const m of shown) {
      const v = verdict(m);
      score.highlighted++;
      score.byVerdict[v]++;
      if (v === 'wrong') score.wrongShown.push(`${page.id}: ${m.text}`);
    }
  }
  score.recall = score.wanted === 0 ? 1 : score.found / score.wanted;
  score.precision = score.highlighted === 0 ? 1 : score.byVerdict.phrase / score.highlighted;
  score.vocabularyShare = score.highlighted === 0 ? 0 : score.byVerdict.vocabulary / score.highlighted;
  return score;
}
