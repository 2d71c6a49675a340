import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileMatcher, type Match } from './matcher';
import { createFoldTable } from './fold';

// A tiny hand-made fold table: enough to test folding without the opencc-derived one.
const fold = createFoldTable('後后裡里對对黨党幹干，,');

function matcherOf(forms: Record<string, string[]>) {
  return compileMatcher({ ids: Object.keys(forms), forms: Object.values(forms) }, fold);
}

const show = (text: string, matches: Match[], ids: readonly string[]) =>
  matches.map((m) => `${ids[m.entry]}:${text.slice(m.start, m.end)}`);

describe('findMatches', () => {
  const m = matcherOf({
    lastMile: ['最后一公里'],
    policy: ['上有政策、下有对策'],
    party: ['党性'],
    partyCultivation: ['党性修养'],
    cadres: ['干部'],
  });

  it('finds phrases in any script or mixture, with offsets into the original text', () => {
    const text = '打通最後一公裡，加强黨性修养';
    expect(show(text, m.findMatches(text), m.phrases.ids)).toEqual(['lastMile:最後一公裡', 'partyCultivation:黨性修养']);
    expect(m.findMatches(text)[0]).toMatchObject({ start: 2, end: 7 });
  });

  it('tolerates separators where a slogan’s parts meet, and only there', () => {
    for (const text of ['上有政策、下有对策', '上有政策，下有對策', '上有政策下有对策', '上有政策 ; 下有对策', '上有政策,下有对策']) {
      expect(show(text, m.findMatches(text), m.phrases.ids)).toEqual([`policy:${text}`]);
    }
    expect(m.findMatches('最后，一公里')).toEqual([]);
  });

  it('tolerates invisible characters and white space anywhere inside a phrase', () => {
    const text = '最后\u200b一公\u00ad里 和 最后\n一公里';
    expect(m.findMatches(text).map((x) => text.slice(x.start, x.end))).toEqual(['最后\u200b一公\u00ad里', '最后\n一公里']);
  });

  it('never starts or ends a match on a skipped character', () => {
    const text = ' 党性 ';
    expect(m.findMatches(text)).toEqual([{ entry: 2, start: 1, end: 3 }]);
  });

  it('prefers the longest phrase, and matches do not overlap', () => {
    const text = '党性修养党性';
    expect(show(text, m.findMatches(text), m.phrases.ids)).toEqual(['partyCultivation:党性修养', 'party:党性']);
  });

  it('reports nested phrases in findAllMatches', () => {
    const text = '党性修养';
    expect(show(text, m.findAllMatches(text), m.phrases.ids)).toEqual(['party:党性', 'partyCultivation:党性修养']);
  });

  it('does nothing on text without phrases', () => {
    expect(m.findMatches('Nothing to see here. 今天天气很好。')).toEqual([]);
    expect(m.findMatches('')).toEqual([]);
  });
});

/** Leftmost-longest, non-overlapping, by brute force over every phrase at every position. */
function bruteForce(text: string, phrases: string[]): { start: number; end: number; phrase: string }[] {
  const out: { start: number; end: number; phrase: string }[] = [];
  for (let i = 0; i < text.length; ) {
    let best = '';
    for (const p of phrases) if (p.length > best.length && text.startsWith(p, i)) best = p;
    if (best) {
      out.push({ start: i, end: i + best.length, phrase: best });
      i += best.length;
    } else i++;
  }
  return out;
}

describe('property: the matcher agrees with a brute-force search', () => {
  const alphabet = fc.constantFrom('政', '策', '对', '上', '下', '有', '公', '里');
  const word = fc.array(alphabet, { minLength: 1, maxLength: 5 }).map((a) => a.join(''));

  it('on random phrase sets and texts', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(alphabet, { maxLength: 80 }), (phrases, chars) => {
        const text = chars.join('');
        const matcher = compileMatcher({ ids: phrases, forms: phrases.map((p) => [p]) }, fold);
        const got = matcher.findMatches(text).map((x) => ({ start: x.start, end: x.end, phrase: phrases[x.entry] }));
        expect(got).toEqual(bruteForce(text, phrases));
      }),
      { numRuns: 500 },
    );
  });

  it('finds the same matches in a text and in its folded-script twin', () => {
    const twin: Record<string, string> = { 后: '後', 里: '裡', 对: '對', 党: '黨', 干: '幹' };
    const chars = fc.constantFrom('最', '后', '一', '公', '里', '党', '性', '干', '部', '对', '上');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (cs, flips) => {
        const text = cs.join('');
        const mixed = cs.map((c, i) => (flips[i] && twin[c]) || c).join('');
        const m = matcherOf({ a: ['最后一公里'], b: ['党性'], c: ['干部'], d: ['公里'] });
        expect(m.findMatches(mixed)).toEqual(m.findMatches(text));
      }),
      { numRuns: 300 },
    );
  });

  it('findAllMatches lists every (start, phrase) pair that occurs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 8 }), fc.array(alphabet, { maxLength: 40 }), (phrases, chars) => {
        const text = chars.join('');
        const matcher = compileMatcher({ ids: phrases, forms: phrases.map((p) => [p]) }, fold);
        const got = matcher
          .findAllMatches(text)
          .map((x) => `${x.start}:${phrases[x.entry]}`)
          .sort();
        const expected: string[] = [];
        for (let i = 0; i < text.length; i++) for (const p of phrases) if (text.startsWith(p, i)) expected.push(`${i}:${p}`);
        expect(got).toEqual(expected.sort());
      }),
      { numRuns: 300 },
    );
  });
});
