/**
 * Corrections found by reviewing the glossary against its sources. Each test would fail if the error
 * came back into the data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CompiledData } from '../../scripts/build/compile-data';
import { loadRealData, repoPath } from '../../test-support/real-data';
import type { CompiledEntry } from './compiled-data';
import { formsOf, validateEntries, validateGlossary } from './glossary-schema';
import { createPhraseMatcher, type PhraseMatcher } from './phrase-matcher';
import { shownMatches } from './policy-context';

let data: CompiledData;
let entry: (id: string) => CompiledEntry;
let byDefault: PhraseMatcher;
beforeAll(async () => {
  data = await loadRealData();
  const ids = new Map(data.glossary.entries.map((e) => [e.id, e]));
  entry = (id) => {
    const found = ids.get(id);
    if (!found) throw new Error(`no entry ${id}`);
    return found;
  };
  const all = createPhraseMatcher(data.phrases);
  byDefault = all.forLevel('context');
});

/** What a page that holds only `text` highlights at the default level. */
const highlighted = (text: string) =>
  shownMatches(text, byDefault.findMatches(text), byDefault, byDefault.cues, 'context').map((m) => text.slice(m.start, m.end));

describe('facts', () => {
  it('抓而不紧…: both halves are in the essay (only the opening words were garbled and are restored)', () => {
    const e = entry('zhua-er-bu-jin-dengyu-bu-zhua-zhua-er-bu-shi-dengyu-bai-zhua');
    expect(e.meaningEn).not.toMatch(/only the second half/i);
    expect(e.meaningZh).not.toMatch(/只(有|剩)后半/);
    expect(e.meaningEn).toMatch(/both halves/);
    expect(e.occurrences.some((o) => o.text.includes('抓而不緊') || o.text.includes('抓而不紧'))).toBe(true);
  });

  it('三定方案: from the 1988 reform, cited to a staffing office of the state, not to paper mirrors; 定职能 belongs to 1988, not 1982', () => {
    const { en, zh, sources } = entry('sanding-fangan').origin;
    expect(en).toContain('1988');
    expect(zh).toContain('1988年');
    expect(`${en} ${zh}`).not.toMatch(/1982/);
    expect(sources.some((s) => /\.gov\.cn\//.test(s))).toBe(true);
  });

  it('最后一公里: no unsupported claim that it “became common Party usage”', () => {
    const { en, zh } = entry('zuihou-yigongli').origin;
    expect(zh).not.toContain('遂成为党内常用语');
    expect(en).not.toMatch(/became (a )?common/i);
  });

  it('政治局常委: the Standing Committee goes back to 1927, not 1956', () => {
    const { en, zh } = entry('zhengzhiju-changwei').origin;
    expect(en).toContain('1927');
    expect(zh).toContain('1927');
    expect(en).not.toMatch(/^At the First Plenum of the 8th/);
  });

  it('全体会议: its pinyin holds syllables only', () => {
    expect(entry('quanhui').pinyin).toBe('quántǐ huìyì');
  });

  it('no entry says “unknown” in English while giving an origin in Chinese', () => {
    for (const e of data.glossary.entries) {
      if (e.origin.en.trim().toLowerCase() !== 'unknown' || e.origin.zh === undefined) continue;
      expect(e.origin.zh.startsWith('不详'), e.id).toBe(true);
      expect(e.origin.zh, e.id).not.toMatch(/\d{4}\s*年/);
    }
  });

  it('cites no mirror or scraper site that an earlier review found', () => {
    const mirrors = [
      ...['858835.com', 'shamrocksforshannon.com', 'ice99.com', 'jizihe.com', '416w.cn', 'zh.m.wiki.x.io', 'hnbangou.com'],
      // The second review (issue 19): primary sources exist for every entry that cited these.
      ...[
        'marxdic.com',
        'pinguji.cn',
        'ppdoc.com',
        'suinian.com',
        '6-sigma.com.cn',
        'prisoncensorship.info',
        'covid-19.chinadaily.com.cn',
        'jiangsunews.cn',
      ],
    ];
    for (const e of data.glossary.entries)
      for (const source of e.origin.sources) for (const m of mirrors) expect(source, e.id).not.toContain(m);
  });
});

describe('variants are forms of the same term, and never everyday words', () => {
  it('an antonym or a distinct term is not a variant', () => {
    expect(formsOf(entry('diaodong-jijixing'))).not.toContain('挫伤积极性');
    expect(formsOf(entry('youji-jiehe'))).not.toContain('有机统一');
    expect(formsOf(entry('lianzheng-wenhua'))).not.toContain('廉洁文化');
    // Distinct terms the essays use have entries of their own.
    expect(entry('youji-tongyi').simplified).toBe('有机统一');
  });

  it('no over-broad short form is left', () => {
    const forms = new Set(data.forms.flat());
    for (const word of ['作风', '调研', '公德', '找门路', '跑调动', '“三定”', '三定', '吃透']) expect(forms.has(word), word).toBe(false);
  });
});

describe('what pages highlight by default', () => {
  it('not everyday political vocabulary', () => {
    for (const word of ['作风', '调研', '班子', '下功夫', '着力点', '能力素质', '干部队伍', '精神风貌', '党章', '脚踏实地', '切身利益']) {
      expect(highlighted(`报道提到${word}问题。`), word).toEqual([]);
    }
  });

  it('not 吃透 inside 臺灣吃透透, nor 三个代表 in 三个代表队, but both where they are jargon', () => {
    expect(highlighted('這次臺灣吃透透，一路吃到墾丁。')).toEqual([]);
    expect(highlighted('学校派出三个代表队参赛。')).toEqual([]);
    // 吃透 is common vocabulary: with common entries on, it is found where it is quoted.
    const all = createPhraseMatcher(data.phrases);
    expect(all.findMatches('要“吃透”中央精神').map((m) => data.phrases.ids[m.entry])).toContain('chitou');
    expect(all.findMatches('這次臺灣吃透透')).toEqual([]);
    expect(highlighted('践行“三个代表”重要思想')).toEqual(['“三个代表”重要思想']);
  });

  it('enumerations with any separator: 你好、我好、大家好; 门难进、脸难看、事难办', () => {
    for (const text of ['你好、我好、大家好', '你好，我好，大家好', '你好我好大家好'])
      expect(highlighted(`不能搞${text}。`)).toEqual([text]);
    expect(highlighted('门难进、脸难看、事难办的问题')).toEqual(['门难进、脸难看、事难办']);
  });

  it('the entries that were missing: 做人民满意的公仆 on its own, and “一把尺子” quoted', () => {
    expect(entry('zuo-renmin-manyi-de-gongpu').simplified).toBe('做人民满意的公仆');
    expect(
      createPhraseMatcher(data.phrases)
        .findMatches('要做人民满意的公仆')
        .map((m) => data.phrases.ids[m.entry]),
    ).toEqual(['zuo-renmin-manyi-de-gongpu']);
    const ruler = entry('yi-ba-chizi');
    expect(ruler.quotedOnly).toBe(true);
    const all = createPhraseMatcher(data.phrases);
    expect(all.findMatches('不能用“一把尺子”衡量').map((m) => data.phrases.ids[m.entry])).toEqual(['yi-ba-chizi']);
    expect(all.findMatches('桌上有一把尺子')).toEqual([]);
  });
});

describe('validation names the one cause', () => {
  it('an invalid entry is reported once, and entries relating to it are not blamed', () => {
    const good = (id: string, related: string[]) => ({
      id,
      simplified: '甲乙',
      traditional: '甲乙',
      variants: [],
      category: 'saying',
      tier: 'key',
      pinyin: 'jiǎ yǐ',
      gloss: 'x',
      meaningZh: '甲',
      meaningEn: 'x',
      origin: { en: 'unknown', zh: '不详', sources: [] },
      related,
    });
    const broken = { ...good('broken', []), category: 'bureaucratic-saying' };
    const checked = validateEntries([good('a', ['broken']), good('b', ['broken']), broken], 'test.json');
    const errors = [...checked.errors, ...validateGlossary(checked.entries, checked.ids)];
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/entry broken: category "bureaucratic-saying"/);
  });

  it('catches an unknown origin in English with a dated claim in Chinese', () => {
    const e = {
      id: 'x',
      simplified: '甲乙',
      traditional: '甲乙',
      variants: [],
      category: 'saying',
      tier: 'key',
      pinyin: 'jiǎ yǐ',
      gloss: 'x',
      meaningZh: '甲',
      meaningEn: 'x',
      related: [],
    };
    expect(validateEntries([{ ...e, origin: { en: 'unknown', zh: '1958年首次提出', sources: [] } }], 't').errors[0]).toMatch(
      /states an origin/,
    );
    // Unknown is said in both languages: an English "unknown" with no Chinese at all is incomplete.
    expect(validateEntries([{ ...e, origin: { en: 'unknown', sources: [] } }], 't').errors).toEqual([
      expect.stringMatching(/origin.zh is missing \(write "不详"\)/),
    ]);
    expect(validateEntries([{ ...e, pinyin: 'quántǐ huìyì (quánhuì)', origin: { en: 'unknown', sources: [] } }], 't').errors[0]).toMatch(
      /pinyin/,
    );
  });

  it('the style guide’s example entry uses a category the schema accepts', async () => {
    const { readFileSync } = await import('node:fs');
    const guide = readFileSync(repoPath('docs/glossary-style.md'), 'utf8');
    const category = /"category":\s*"([^"]+)"/.exec(guide)?.[1];
    const tier = /"tier":\s*"([^"]+)"/.exec(guide)?.[1];
    const { CATEGORIES, TIERS } = await import('./glossary-schema');
    expect(CATEGORIES).toContain(category);
    expect(TIERS).toContain(tier);
  });
});
