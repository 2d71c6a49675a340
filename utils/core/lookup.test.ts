import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData } from '../../test-support/real-data';
import { createPhraseMatcher } from './phrase-matcher';
import { createLookupIndex, plainPinyin, type LookupIndex } from './lookup';

let lookup: LookupIndex;
beforeAll(async () => {
  const data = await loadRealData();
  const matcher = createPhraseMatcher(data.phrases);
  lookup = createLookupIndex(data.glossary.entries, matcher.key);
});

const first = (q: string) => lookup.search(q)[0]?.id;

describe('lookup', () => {
  it('finds an entry by any script or mixture', () => {
    expect(first('最后一公里')).toBe('zuihou-yigongli');
    expect(first('最後一公裡')).toBe('zuihou-yigongli');
    expect(first('上有政策，下有對策')).toBe('shang-you-zhengce-xia-you-duice');
    expect(first('未位淘汰')).toBe('mowei-taotai');
  });

  it('finds by pinyin with or without tones, spaces or tone numbers', () => {
    expect(first('zuìhòu yī gōnglǐ')).toBe('zuihou-yigongli');
    expect(first('zuihou yigongli')).toBe('zuihou-yigongli');
    expect(first('zui4hou4 yi1 gong1li3')).toBe('zuihou-yigongli');
    expect(first('baxiangguiding')).toBe('baxiang-guiding');
  });

  it('finds by English words', () => {
    expect(lookup.search('last kilometre').map((e) => e.id)).toContain('zuihou-yigongli');
    expect(lookup.search('eight rules').map((e) => e.id)).toContain('baxiang-guiding');
    // An English rendering finds its phrase first: "eight-point" is China Daily's and China Keywords' word.
    expect(lookup.search('eight-point')[0].id).toBe('baxiang-guiding');
    expect(lookup.search('Three Represents')[0].id).toBe('san-ge-daibiao');
  });

  it('finds by a fragment', () => {
    expect(lookup.search('公里').map((e) => e.id)).toContain('zuihou-yigongli');
    expect(lookup.search('八项').map((e) => e.id)).toContain('baxiang-guiding');
  });

  it('finds the phrase inside a longer selection', () => {
    expect(lookup.search('要解决好最后一公里问题啊').map((e) => e.id)).toContain('zuihou-yigongli');
  });

  it('returns nothing for an empty or unrelated query', () => {
    expect(lookup.search('   ')).toEqual([]);
    expect(lookup.search('xyzzy')).toEqual([]);
  });
});

describe('plainPinyin', () => {
  it('drops tones, spaces and case; ü becomes v', () => {
    expect(plainPinyin('Lǜsè Fāzhǎn')).toBe('lvsefazhan');
  });
});
