import { describe, expect, it } from 'vitest';
import { findNumberedFormulasInCorpus, isNumberedShape } from './numbered-formulas';

const formsIn = (texts: string[]) =>
  findNumberedFormulasInCorpus(texts).flatMap((spans, doc) => spans.map((s) => texts[doc].slice(s.start, s.end)));

describe('numbered formulas', () => {
  it('finds a numeral, a classifier and a head (两个维护, 八项规定, 三大攻坚战)', () => {
    expect(formsIn(['做到两个维护。', '落实八项规定。', '打好三大攻坚战。'])).toEqual(['两个维护', '八项规定', '三大攻坚', '三大攻坚战']);
  });

  it('finds numerals paired with one character each (三严三实, 五位一体, 三去一降一补, 一岗双责)', () => {
    expect(formsIn(['践行三严三实，统筹五位一体，推进三去一降一补，落实一岗双责。'])).toEqual([
      '三严三实',
      '五位一体',
      '三去一降一补',
      '一岗双责',
    ]);
  });

  it('takes a longer head only where the shorter one nearly always goes on into it', () => {
    const texts = ['实现两个一百年。', '迈向两个一百年！', '两个一百年目标'];
    expect(new Set(formsIn(texts))).toEqual(new Set(['两个一百', '两个一百年']));
    expect(formsIn(['做到两个维护坚', '做到两个维护。', '做到两个维护！'])).not.toContain('两个维护坚');
  });

  it('leaves out amounts, ordinals, parts of longer numbers and counted nouns', () => {
    expect(formsIn(['一年两次，第三个人，这两个方案，十九届六中全会，三个月后。'])).toEqual([]);
    // 孩子 is counted by any number: an ordinary noun.
    expect(formsIn(['他有两个孩子。', '她有三个孩子。', '这个孩子很乖。', '他们两个孩子都好。'])).toEqual([]);
  });

  it('says which forms have a numbered shape (a numeral and one character only in quotes)', () => {
    expect(['四风', '两会', '两个维护', '三严三实'].map(isNumberedShape)).toEqual([true, true, true, true]);
    expect(['四年', '天气', '一个'].map(isNumberedShape)).toEqual([false, false, false]);
  });
});
