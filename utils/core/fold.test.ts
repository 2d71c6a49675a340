import { beforeAll, describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import fc from 'fast-check';
import { countHan, createFoldTable, createFormScript, foldText, hasChinese, type FoldTable } from './fold';
import { buildFoldPairs } from '../../scripts/build/fold-table-builder';
import { loadFoldSources } from '../../scripts/build/opencc-dicts';
import { loadRealData } from '../../test-support/real-data';
import type { CompiledData } from '../../scripts/build/compile-data';
import { createPhraseMatcher } from './phrase-matcher';

let fold: FoldTable;
let corpusText: string;
let data: CompiledData;

beforeAll(async () => {
  fold = createFoldTable(buildFoldPairs(await loadFoldSources()));
  data = await loadRealData();
  corpusText = data.corpus.essays.flatMap((e) => e.paragraphs.map((p) => p.text)).join('\n');
});

describe('the fold table derived from opencc-js', () => {
  it('folds Traditional, Hong Kong and Taiwan forms to the Simplified one', () => {
    expect(foldText('最後一公裡', fold)).toBe(foldText('最后一公里', fold));
    expect(foldText('幹部隊伍', fold)).toBe('干部队伍');
    expect(foldText('聯繫群眾', fold)).toBe('联系群众');
    expect(foldText('裏', fold)).toBe(foldText('裡', fold));
    expect(foldText('於', fold)).toBe('于');
  });

  it('keeps one code unit for one code unit, astral characters included', () => {
    const text = '𠀀黨𡃁的幹部';
    expect(foldText(text, fold)).toHaveLength(text.length);
    expect(foldText(text, fold).slice(0, 2)).toBe('𠀀');
  });

  it('folds Kangxi radicals and decomposable CJK radicals to the ideographs they look like, as PDFs write them', () => {
    expect(foldText('最后⼀公里，⽂件', fold)).toBe(foldText('最后一公里，文件', fold));
    // ⾧ (the radical "long") is 長, which folds on to 长; ⺟ (a supplement radical) is 母.
    expect(foldText('⾧⺟', fold)).toBe('长母');
    // The supplement's radicals without a decomposition fold by Unicode's equivalents: 作⻛ is 作风.
    expect(foldText('改进⼯作作⻛，⻔⼝', fold)).toBe(foldText('改进工作作风，门口', fold));
    // A phrase written with radicals is found, and the match covers the text as written.
    const text = '关键在于最后⼀公⾥。';
    const matches = createPhraseMatcher(data.phrases).findMatches(text);
    expect(matches.map((m) => [data.phrases.ids[m.entry], text.slice(m.start, m.end)])).toEqual([['zuihou-yigongli', '最后⼀公⾥']]);
  });

  it('folds full-width ASCII and case', () => {
    expect(foldText('，；：ＡＢc', fold)).toBe(',;:abc');
  });

  it('is idempotent', () => {
    for (let c = 0; c < 0x10000; c++) expect(fold[fold[c]]).toBe(fold[c]);
  });

  it.each(['tw', 'hk', 't'])('gives the same key to the essays converted cn → %s (phrase-level opencc)', (to) => {
    const simplified = OpenCC.Converter({ from: 't', to: 'cn' })(corpusText);
    const converted = OpenCC.Converter({ from: 'cn', to: to as 'tw' })(simplified);
    expect(converted).toHaveLength(simplified.length);
    expect(foldText(converted, fold)).toBe(foldText(simplified, fold));
    expect(foldText(corpusText, fold)).toBe(foldText(simplified, fold));
  });

  it('finds the same phrases in the essays converted to Taiwan phrases (twp), whose word swaps folding cannot see', () => {
    // twp swaps words (联系 → 聯絡, 全局 → 全域性), so no character fold maps it back; the build adds
    // each form as twp writes it, and the matcher then finds every phrase in the converted text.
    const matcher = createPhraseMatcher(data.phrases);
    const simplified = OpenCC.Converter({ from: 't', to: 'cn' })(corpusText);
    const taiwan = OpenCC.Converter({ from: 'cn', to: 'twp' })(simplified);
    const ids = (text: string) => matcher.findMatches(text).map((m) => data.phrases.ids[m.entry]);
    expect(ids(taiwan)).toEqual(ids(simplified));
  });

  it('gives any character-level mixture of scripts the same key', () => {
    const simplified = OpenCC.Converter({ from: 't', to: 'cn' })(corpusText).slice(0, 2000);
    const traditional = OpenCC.Converter({ from: 'cn', to: 'tw' })(simplified);
    const hongKong = OpenCC.Converter({ from: 'cn', to: 'hk' })(simplified);
    const versions = [simplified, traditional, hongKong];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: simplified.length, maxLength: simplified.length }), (picks) => {
        const mixed = picks.map((p, i) => versions[p][i]).join('');
        expect(foldText(mixed, fold)).toBe(foldText(simplified, fold));
      }),
      { numRuns: 25 },
    );
  });
});

describe('hasChinese', () => {
  it('tells Chinese text from other text', () => {
    expect(hasChinese('The last mile')).toBe(false);
    expect(hasChinese('ラストワンマイル')).toBe(false);
    expect(hasChinese('the 最后一公里 problem')).toBe(true);
  });
});

describe('countHan', () => {
  it('counts Han characters by code point, those of the supplementary planes too', () => {
    expect(countHan('最后一公里')).toBe(5);
    expect(countHan('𠮷野家 and 〇、。！ABC')).toBe(3);
    expect(countHan('\u{2A700}\u{30000}\u{1F389}')).toBe(2);
    expect(countHan('\ud842')).toBe(0);
  });
});

describe('createFormScript', () => {
  it('tells the script of a written form from its characters, against the phrase’s own forms', () => {
    const script = createFormScript(fold, data.phrases.foldPairs);
    const lastMile = (form: string) => script(form, '最后一公里', '最後一公里');
    expect(lastMile('最后一公里')).toBe('simplified');
    // 里 is the Traditional form's too: it marks nothing.
    expect(lastMile('最後一公里')).toBe('traditional');
    expect(lastMile('最後一公裡')).toBe('traditional');
    expect(lastMile('最后一公裡')).toBe('mixed');
    expect(script('上有政策', '上有政策', '上有政策')).toBe('either');
    expect(script('群众路線', '群众路线', '群眾路線')).toBe('mixed');
  });
});
