/**
 * Precision and recall of the default highlighting (key entries) on the labelled sentences, and the
 * same sentences with common entries switched on: what the switch costs in precision.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPrecisionSet, scoreHighlighting, type LabelledSentence } from '../../test-support/precision';
import { loadRealData } from '../../test-support/real-data';
import { createPhraseMatcher, type PhraseMatcher } from './phrase-matcher';
import { entryFilter } from './settings-schema';

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

describe('default highlighting (key entries only)', () => {
  it('is precise and complete on real-style sentences, and leaves every everyday word alone', () => {
    const score = scoreHighlighting(sentences, all.restricted(entryFilter({ showCommon: false }, all.saliences)));
    // The one everyday use left, on purpose: 上下一般粗 said of a cup. Policy news writes the saying
    // without quotation marks too (杜绝上下一般粗), so requiring them would lose real uses.
    expect(score.trapsHit).toEqual([expect.stringMatching(/^上下一般粗 in .*杯/)]);
    expect(score.falsePositives).toHaveLength(1);
    expect(score.precision).toBeGreaterThanOrEqual(0.99);
    expect(score.recall).toBeGreaterThanOrEqual(0.97);
  });

  it('highlights nothing on non-political text but the cup above', () => {
    const other = sentences.filter((s) => s.domain === 'other' && s.highlight.length === 0);
    const score = scoreHighlighting(other, all.restricted(entryFilter({ showCommon: false }, all.saliences)));
    expect(other.length).toBeGreaterThanOrEqual(30);
    expect(score.falsePositives).toEqual([expect.stringMatching(/^上下一般粗 .*杯/)]);
  });
});

describe('with common entries switched on', () => {
  it('highlights more, including everyday words the default leaves alone', () => {
    const score = scoreHighlighting(sentences, all);
    expect(score.trapsHit.length).toBeGreaterThan(0);
    expect(score.precision).toBeLessThan(1);
  });
});
