/**
 * Precision and recall of the default highlighting on the labelled sentences of
 * test-support/precision-set.json (written for this project, fully labelled: every span a reader
 * expects highlighted by default, and everyday words that must not be). A highlight counts as right
 * only when it is exactly a labelled span.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotate } from '../utils/core/annotate';
import type { CompiledEntry } from '../utils/core/compiled-data';
import type { PhraseMatcher } from '../utils/core/phrase-matcher';
import { shownMatches, type HighlightLevel } from '../utils/core/policy-context';

export interface LabelledSentence {
  text: string;
  domain: 'policy' | 'other';
  highlight: string[];
  notHighlight: string[];
}

export function loadPrecisionSet(): LabelledSentence[] {
  const path = join(dirname(fileURLToPath(import.meta.url)), 'precision-set.json');
  return JSON.parse(readFileSync(path, 'utf8')).sentences;
}

export interface PrecisionScore {
  sentences: number;
  truePositives: number;
  falsePositives: string[];
  missed: string[];
  /** Everyday words (notHighlight) that a highlight covered. */
  trapsHit: string[];
  precision: number;
  recall: number;
}

/**
 * Each sentence is scored as a page of its own would show it at `level` (a set formula needs the
 * sentence itself to be about policy).
 */
export function scoreHighlighting(sentences: LabelledSentence[], glossary: PhraseMatcher, level: HighlightLevel): PrecisionScore {
  const matcher = glossary.forLevel(level);
  let truePositives = 0;
  const falsePositives: string[] = [];
  const missed: string[] = [];
  const trapsHit: string[] = [];
  for (const sentence of sentences) {
    const found = shownMatches(sentence.text, matcher.findMatches(sentence.text), matcher, matcher.cues, level);
    const wanted = [...sentence.highlight];
    for (const match of found) {
      const text = sentence.text.slice(match.start, match.end);
      const at = wanted.indexOf(text);
      if (at >= 0) {
        truePositives++;
        wanted.splice(at, 1);
      } else falsePositives.push(`${text} (${matcher.ids[match.entry]}) in ${sentence.text}`);
    }
    for (const w of wanted) missed.push(`${w} in ${sentence.text}`);
    for (const trap of sentence.notHighlight) {
      const start = sentence.text.indexOf(trap);
      const end = start + trap.length;
      if (found.some((m) => m.start < end && start < m.end)) trapsHit.push(`${trap} in ${sentence.text}`);
    }
  }
  const highlighted = truePositives + falsePositives.length;
  const expected = truePositives + missed.length;
  return {
    sentences: sentences.length,
    truePositives,
    falsePositives,
    missed,
    trapsHit,
    precision: highlighted === 0 ? 1 : truePositives / highlighted,
    recall: expected === 0 ? 1 : truePositives / expected,
  };
}

/**
 * What a page of these paragraphs shows at a level, by the core alone (what `tifa annotate` reports):
 * the browsers' highlights are compared with it.
 */
export function highlightsOfPage(
  paragraphs: readonly string[],
  glossary: PhraseMatcher,
  entries: ReadonlyMap<string, CompiledEntry>,
  level: HighlightLevel,
): string[] {
  let text = '';
  const blocks: { start: number; text: string }[] = [];
  for (const paragraph of paragraphs) {
    if (text) text += '\n';
    blocks.push({ start: text.length, text: paragraph });
    text += paragraph;
  }
  return annotate(text, blocks, glossary.forLevel(level), entries, level)
    .matches.map((m) => m.text)
    .sort();
}
