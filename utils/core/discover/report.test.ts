import { describe, expect, it } from 'vitest';
import type { DiscoverResult } from './discover';
import { discoveryReport } from './report';

const result: DiscoverResult = {
  documents: 1200,
  duplicates: 3,
  characters: 2_500_000,
  proposed: 900,
  found: 40,
  candidates: [
    {
      form: '两个维护',
      otherForms: ['兩個維護'],
      kinds: ['numbered', 'quoted'],
      documents: 102,
      occurrences: 150,
      citations: 88,
      quotedDocuments: 97,
      governedDocuments: 94,
      referenceCount: 0.1,
      logRatio: Math.log2(210),
      logLikelihood: 900,
      score: 5,
      contexts: [{ document: 'a.txt', before: '坚定“四个自信”、做到“', text: '两个维护', after: '”，决胜全面建成' }],
    },
  ],
};

describe('the report', () => {
  it('says what was read, then each candidate with its evidence and contexts', () => {
    expect(discoveryReport(result)).toBe(
      [
        '40 candidates that neither the glossary nor your phrases hold, in 1,200 documents (3 duplicates left out; 2.50 million Han characters); the first 1, best first',
        '',
        '1. 两个维护    102 documents (cited in 88, quoted in 97) · 210× ordinary text · numbered formula, quoted slogan',
        '   also written 兩個維護',
        '   a.txt: …坚定“四个自信”、做到“【两个维护】”，决胜全面建成…',
        '',
      ].join('\n'),
    );
  });
});
