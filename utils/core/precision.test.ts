/**
 * Precision and recall of the default highlighting (key phrases, and set formulas where the
 * sentence is about policy) on the labelled sentences, and what the other two levels give.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPrecisionSet, scoreHighlighting, type LabelledSentence } from '../../test-support/precision';
import { loadRealData } from '../../test-support/real-data';
import { createPhraseMatcher, type PhraseMatcher } from './phrase-matcher';

let sentences: LabelledSentence[];
let all: PhraseMatcher;
beforeAll(async () => {
  sentences = loadPrecisionSet();
  all = createPhraseMatcher((await loadRealData()).phrases);
});

describe('the labelled sentences', () => {
  it('are well formed: every label occurs in its sentence', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(100);
    for (const s of sentences) for (const label of [...s.highlight, ...s.notHighlight]) expect(s.text).toContain(label);
  });
});

describe('default highlighting', () => {
  it('is precise and complete on real-style sentences, and leaves every everyday word alone', () => {
    const score = scoreHighlighting(sentences, all, 'context');
    expect(score.falsePositives).toEqual([]);
    expect(score.trapsHit).toEqual([]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('highlights nothing on non-political text (上下一般粗 said of a cup included)', () => {
    const other = sentences.filter((s) => s.domain === 'other' && s.highlight.length === 0);
    expect(other.length).toBeGreaterThanOrEqual(30);
    expect(other.some((s) => s.text.includes('上下一般粗'))).toBe(true);
    expect(scoreHighlighting(other, all, 'context').falsePositives).toEqual([]);
  });

  it('finds more than key phrases alone: the set formulas of policy text', () => {
    const byDefault = scoreHighlighting(sentences, all, 'context');
    const keyOnly = scoreHighlighting(sentences, all, 'key');
    expect(keyOnly.recall).toBeLessThan(byDefault.recall);
    expect(keyOnly.falsePositives).toEqual([]);
  });
});

describe('everything', () => {
  it('highlights more, including everyday words the default leaves alone', () => {
    const score = scoreHighlighting(sentences, all, 'all');
    expect(score.trapsHit.length).toBeGreaterThan(0);
    expect(score.precision).toBeLessThan(1);
  });
});
