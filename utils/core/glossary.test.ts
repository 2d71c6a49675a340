import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData } from '../../test-support/real-data';
import { CATEGORIES, findDuplicateForms, formsOf, validateEntries, validateGlossary, type GlossaryEntry } from './glossary-schema';
import type { CompiledData } from '../../scripts/build/compile-data';
import { createPhraseMatcher } from './phrase-matcher';

let data: CompiledData;
beforeAll(async () => {
  data = await loadRealData();
});

describe('the glossary', () => {
  it('validates: schema, unique ids and forms, related ids, occurrences', () => {
    expect(data.errors).toEqual([]);
  });

  it('has at least 150 entries, in every category', () => {
    const entries = data.glossary.entries;
    expect(entries.length).toBeGreaterThanOrEqual(150);
    for (const category of CATEGORIES) expect(entries.some((e) => e.category === category)).toBe(true);
  });

  it('finds every entry in the corpus unless it is marked as a related term from outside the essays', () => {
    const missing = data.glossary.entries.filter((e) => !e.outsideCorpus && e.occurrences.length === 0);
    expect(missing.map((e) => e.id)).toEqual([]);
  });

  it('indexes occurrences that point back at the phrase in the corpus', () => {
    const paragraphs = new Map(data.corpus.essays.flatMap((e) => e.paragraphs.map((p) => [`${e.number}:${p.number}`, p] as const)));
    for (const entry of data.glossary.entries) {
      for (const o of entry.occurrences) {
        const p = paragraphs.get(`${o.essay}:${o.paragraph}`)!;
        expect(p.text.slice(o.start, o.end)).toBe(o.text);
        expect(p.raw.slice(o.rawStart, o.rawEnd).length).toBeGreaterThan(0);
      }
    }
  });

  it('matches everyday-word slogans only inside quotation marks, in any quoting style', () => {
    const matcher = createPhraseMatcher(data.phrases);
    const found = (text: string) => matcher.findMatches(text).map((m) => text.slice(m.start, m.end));
    expect(found('我每天走在路上都在想这件事。')).toEqual([]);
    expect(found('政策始终“走在路上”')).toEqual(['“走在路上”']);
    expect(found('政策始終「走在路上」')).toEqual(['「走在路上」']);
    expect(found('防止政策走在路上')).toEqual(['政策走在路上']);
  });

  it('does not take everyday words for jargon (安全会议, 编制规划) but finds the jargon forms', () => {
    const matcher = createPhraseMatcher(data.phrases);
    const ids = (text: string) => matcher.findMatches(text).map((m) => data.phrases.ids[m.entry]);
    expect(ids('国家安全会议今天召开')).toEqual([]);
    expect(ids('十八届三中全会通过了决定')).toEqual(['quanhui']);
    expect(ids('市里正在编制五年规划')).toEqual([]);
    expect(ids('这个岗位没有行政编制')).toEqual(['bianzhi']);
  });

  it('lists the essays’ own forms: 最后一公里 occurs in the essays many times', () => {
    const lastMile = data.glossary.entries.find((e) => e.simplified === '最后一公里')!;
    expect(lastMile.occurrences.length).toBeGreaterThanOrEqual(8);
    expect(lastMile.occurrences[0]).toMatchObject({ essay: 1, paragraph: 1 });
  });
});

const valid: GlossaryEntry = {
  id: 'zuihou-yigongli',
  simplified: '最后一公里',
  traditional: '最後一公里',
  variants: [],
  category: 'saying',
  tier: 'key',
  pinyin: 'zuìhòu yī gōnglǐ',
  gloss: 'the last kilometre',
  meaningZh: '政策落到群众身上的最后一步。',
  meaningEn: 'The final step by which a policy reaches people.',
  origin: { en: 'unknown', zh: '不详', sources: [] },
  related: [],
};

describe('validation names the entry at fault', () => {
  it('rejects an empty meaning, a bad category and a fact without a source', () => {
    const { errors } = validateEntries(
      [
        { ...valid, meaningEn: ' ' },
        { ...valid, id: 'b', category: 'slogan' },
        { ...valid, id: 'c', origin: { en: 'Xi Jinping, 2013', sources: [] } },
        { ...valid, id: 'Bad Id' },
      ],
      'test.json',
    );
    expect(errors).toEqual([
      'test.json: entry zuihou-yigongli: meaningEn is missing or empty',
      expect.stringContaining('test.json: entry b: category "slogan"'),
      'test.json: entry c: origin states facts but names no source',
      expect.stringContaining('test.json: entry Bad Id: id must be'),
    ]);
  });

  it('rejects duplicate ids and related ids that do not exist', () => {
    expect(validateGlossary([valid, { ...valid, related: ['nope'] }])).toEqual([
      'entry zuihou-yigongli: the id is used twice',
      'entry zuihou-yigongli: related id "nope" does not exist',
    ]);
  });

  it('rejects a form shared by two entries once scripts are folded', () => {
    const key = (form: string) => form.replace('後', '后');
    const other = { ...valid, id: 'other', simplified: '最後一公里', traditional: '最後一公里' };
    expect(findDuplicateForms([valid, other], key)).toEqual([
      'entry other: form "最後一公里" is also a form of entry zuihou-yigongli ("最后一公里")',
    ]);
    expect(formsOf(valid)).toEqual(['最后一公里', '最後一公里']);
  });
});
