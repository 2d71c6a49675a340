import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  buildMatcherTables,
  combineMatchers,
  compileMatcher,
  createMatcher,
  decodeMatcherTables,
  encodeMatcherTables,
  enumerationParts,
  type Match,
} from './matcher';
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
    expect(show(text, m.findMatches(text), m.ids)).toEqual(['lastMile:最後一公裡', 'partyCultivation:黨性修养']);
    expect(m.findMatches(text)[0]).toMatchObject({ start: 2, end: 7 });
  });

  it('tolerates separators where a slogan’s parts meet, and only there', () => {
    for (const text of ['上有政策、下有对策', '上有政策，下有對策', '上有政策下有对策', '上有政策 ; 下有对策', '上有政策,下有对策']) {
      expect(show(text, m.findMatches(text), m.ids)).toEqual([`policy:${text}`]);
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
    expect(show(text, m.findMatches(text), m.ids)).toEqual(['partyCultivation:党性修养', 'party:党性']);
  });

  it('reports nested phrases in findAllMatches', () => {
    const text = '党性修养';
    expect(show(text, m.findAllMatches(text), m.ids)).toEqual(['party:党性', 'partyCultivation:党性修养']);
  });

  it('does nothing on text without phrases', () => {
    expect(m.findMatches('Nothing to see here. 今天天气很好。')).toEqual([]);
    expect(m.findMatches('')).toEqual([]);
  });
});

describe('enumerations written without separators', () => {
  it('are split where their parts meet', () => {
    expect(enumerationParts('你好我好大家好')).toEqual([2, 4]);
    expect(enumerationParts('门难进脸难看事难办')).toEqual([3, 6]);
    expect(enumerationParts('干多干少一个样干好干坏一个样')).toEqual([7]);
    expect(enumerationParts('入耳入脑入心')).toEqual([2, 4]);
  });

  it('are not found in ordinary phrases', () => {
    for (const key of ['最后一公里', '把权力关进制度的笼子里', '党的群众路线教育实践活动', '全心全意为人民服务', '上下一般粗']) {
      expect(enumerationParts(key)).toEqual([]);
    }
  });

  it('then match with any separator or none, and nowhere else', () => {
    const m = matcherOf({ all: ['你好我好大家好'], doors: ['门难进脸难看事难办'] });
    for (const text of ['你好、我好、大家好', '你好，我好，大家好', '你好我好大家好', '门难进、脸难看、事难办']) {
      expect(m.findMatches(text).map((x) => text.slice(x.start, x.end))).toEqual([text]);
    }
    expect(m.findMatches('你、好我好大家好')).toEqual([]);
  });
});

describe('blocking forms', () => {
  it('leave a phrase alone inside a longer everyday word, and nowhere else', () => {
    const m = compileMatcher({ ids: ['chitou', 'sange'], forms: [['吃透'], ['三个代表']], blockers: [['吃透透'], ['三个代表队']] }, fold);
    const found = (text: string) => m.findMatches(text).map((x) => `${m.ids[x.entry]}:${text.slice(x.start, x.end)}`);
    expect(found('臺灣吃透透，三个代表队参赛')).toEqual([]);
    expect(found('要吃透精神，践行三个代表')).toEqual(['chitou:吃透', 'sange:三个代表']);
  });
});

describe('the tables', () => {
  const phrases = { ids: ['a', 'b', 'c'], forms: [['最后一公里', '最後一公裡'], ['上有政策、下有对策'], ['党性', '党性修养']] };
  const text = '打通最後一公里，防止上有政策，下有对策，加强黨性修养和党性';

  it('match the same after encoding (JSON) and decoding as when just built', () => {
    const tables = buildMatcherTables(phrases, fold);
    const json = JSON.parse(JSON.stringify(encodeMatcherTables(tables)));
    expect(createMatcher(decodeMatcherTables(json), phrases.ids, fold).findMatches(text)).toEqual(
      createMatcher(tables, phrases.ids, fold).findMatches(text),
    );
    expect(decodeMatcherTables(json).terminal).toEqual(tables.terminal);
  });

  it('restrict to the enabled entries without rebuilding, so a longer disabled phrase no longer hides a shorter one', () => {
    const m = compileMatcher(phrases, fold);
    const only = m.only(Uint8Array.from([1, 0, 1]));
    const ids = (matcher: typeof m) => matcher.findMatches(text).map((x) => matcher.ids[x.entry]);
    expect(ids(m)).toEqual(['a', 'b', 'c', 'c']);
    expect(ids(only)).toEqual(['a', 'c', 'c']);
    expect(ids(m.only(Uint8Array.from([1, 1, 0])))).toEqual(['a', 'b']);
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

describe('combineMatchers (a reader’s own phrases beside the glossary)', () => {
  // A small alphabet, so that phrases of the two sets often overlap one another in the text.
  const alphabet = fc.constantFrom('政', '策', '对', '上');
  const word = fc.array(alphabet, { minLength: 2, maxLength: 3 }).map((a) => a.join(''));
  it('finds what one trie of both phrase sets finds, blocking words included', () => {
    const forms = fc.uniqueArray(word, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(forms, forms, fc.array(alphabet, { maxLength: 30 }), (firstForms, secondForms, chars) => {
        // One trie cannot hold one form under two entries; the first matcher's wins a tie anyway.
        const own = secondForms.filter((f) => !firstForms.includes(f));
        // The first set's last form is a blocking word of its first entry.
        const blockers = firstForms.length > 1 ? [[firstForms[firstForms.length - 1]]] : [];
        const firstIds = firstForms.slice(0, blockers.length ? -1 : undefined);
        const first = compileMatcher({ ids: firstIds, forms: firstIds.map((f) => [f]), blockers }, fold);
        const second = compileMatcher({ ids: own, forms: own.map((f) => [f]) }, fold);
        const oneTrie = compileMatcher({ ids: [...firstIds, ...own], forms: [...firstIds, ...own].map((f) => [f]), blockers }, fold);
        const text = chars.join('');
        expect(combineMatchers(first, second).findMatches(text)).toEqual(oneTrie.findMatches(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('lets a glossary phrase through when an own phrase overlaps the one that hid it', () => {
    const glossary = matcherOf({ ab: ['AB'], bcd: ['BCD'] });
    const own = matcherOf({ qa: ['QA'] });
    const text = 'QABCD';
    const combined = combineMatchers(glossary, own);
    // Alone, the glossary finds AB, which hides BCD; with QA taken first, BCD is free.
    expect(show(text, glossary.findMatches(text), glossary.ids)).toEqual(['ab:AB']);
    expect(show(text, combined.findMatches(text), combined.ids)).toEqual(['qa:QA', 'bcd:BCD']);
  });
});
