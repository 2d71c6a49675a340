/**
 * The tiers on the real glossary (issue 19): what a reader of policy news sees by default, what
 * pages about something else never see, and the wrong highlights and gaps found on real pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData } from '../../test-support/real-data';
import type { CompiledEntry } from './compiled-data';
import { createPhraseMatcher, withOwnPhrases, type PhraseMatcher } from './phrase-matcher';
import { shownMatches, type HighlightLevel } from './policy-context';

let glossary: PhraseMatcher;
let entries: Map<string, CompiledEntry>;
beforeAll(async () => {
  const data = await loadRealData();
  expect(data.errors).toEqual([]);
  glossary = createPhraseMatcher(data.phrases);
  entries = new Map(data.glossary.entries.map((e) => [e.id, e]));
});

/** What a page holding only `text` highlights at `level`. */
function highlighted(text: string, level: HighlightLevel = 'context'): string[] {
  const matcher = glossary.forLevel(level);
  return shownMatches(text, matcher.findMatches(text), matcher, matcher.cues, level).map((m) => text.slice(m.start, m.end));
}
const tierOf = (simplified: string) => [...entries.values()].find((e) => e.simplified === simplified)?.tier;

/** A discipline report's opening: a cue or two, and no glossary phrase. */
const POLICY = '县纪委监委通报了几起党员干部违纪问题。';

describe('the phrases real policy pages missed by default are highlighted there now', () => {
  const missed = [
    ...['事不关己、高高挂起', '一团和气', '以权谋私', '廉洁奉公', '勤政为民', '能者多劳', '脱离实际', '心存敬畏、手握戒尺'],
    ...['党纪国法', '用权为民', '调查研究', '马克思主义', '混日子', '廉洁自律', '真抓实干', '贯彻落实', '改进工作作风'],
    ...['钱权交易', '形同虚设', '表面文章', '台上台下两个形象', '出实招、下猛药', '不给群众好脸色', '流于形式'],
  ];

  it.each(missed)('%s', (phrase) => {
    expect(['key', 'formula']).toContain(tierOf(phrase));
    expect(highlighted(`${POLICY}有的人${phrase}。`)).toEqual([phrase]);
  });

  it('in Traditional script too', () => {
    expect(highlighted('縣紀委監委通報了幾起黨員幹部違紀問題。有的人以權謀私、一團和氣，檢查流於形式。')).toEqual([
      '以權謀私',
      '一團和氣',
      '流於形式',
    ]);
  });
});

describe('plain political vocabulary is highlighted only when the reader asks for everything', () => {
  const vocabulary = ['领导干部', '领导班子', '班子', '着力点', '下功夫', '干部队伍', '能力素质', '精神风貌', '党委政府', '党章'];

  it.each(vocabulary)('%s', (word) => {
    const text = `${POLICY}要求${word}。`;
    expect(highlighted(text)).toEqual([]);
    expect(highlighted(text, 'all')).toEqual([word]);
  });
});

describe('idioms stay unmarked on pages that are not about policy', () => {
  it.each([
    ['a recipe', '这道菜做法简单，千方百计也要买到新鲜的鱼，火候要脚踏实地地练。'],
    ['a match report', '主队整场一团和气，防守形同虚设，最后流于形式地跑完了比赛。'],
    ['a school notice', '请学生干部以身作则，不要混日子，班干部要能者多劳。'],
    ['a product review', '这款保温杯上下一般粗，我是个实用主义者，这种木头本身不硬。'],
    ['trade news', '受海运影响，部分企业出口不畅，产品出口不畅的问题还在。'],
    ['a delivery ad', '同城配送又好又快，下单就送。'],
  ])('%s', (_, text) => {
    expect(highlighted(text)).toEqual([]);
  });
});

describe('context rules where one sense is everyday', () => {
  it('编制内 and 编制外 are not inside 编制内容 and 编制外包, at any level', () => {
    for (const level of ['context', 'all'] as const) {
      expect(highlighted(`${POLICY}编制内容包括工作计划，部分业务编制外包。`, level)).toEqual([]);
      expect(highlighted(`${POLICY}编制内人员和编制外人员同工同酬。`, level)).toEqual(['编制内', '编制外']);
    }
  });

  it('实用主义 is not 实用主义者, and is a formula: not on a shopping page', () => {
    expect(highlighted(`${POLICY}我是个实用主义者。`, 'all')).toEqual([]);
    expect(highlighted(`${POLICY}反对学习中的实用主义。`)).toEqual(['实用主义']);
    expect(tierOf('实用主义')).toBe('formula');
  });

  it('本身不硬 is no variant of 自身不硬', () => {
    expect(highlighted(`${POLICY}这种木头本身不硬。`, 'all')).toEqual([]);
    expect(highlighted(`${POLICY}有的领导自身不硬。`)).toEqual(['自身不硬']);
  });

  it('党章 is not another party’s constitution', () => {
    for (const party of ['国民党', '國民黨', '民进党', '工党']) expect(highlighted(`${party}党章规定`, 'all')).toEqual([]);
    expect(highlighted('认真学习党章', 'all')).toEqual(['党章']);
  });

  it('上下一般粗 and 出口不畅 wait for policy text; trade goods never match', () => {
    expect(highlighted('这只杯子上下一般粗。')).toEqual([]);
    expect(highlighted(`${POLICY}机构设置上下一般粗。`)).toEqual(['上下一般粗']);
    expect(highlighted(`${POLICY}基层干部出口不畅。`)).toEqual(['出口不畅']);
    expect(highlighted(`${POLICY}企业出口不畅。`, 'all')).toEqual([]);
  });

  it('作风不实 is a formula like its sibling entries', () => {
    expect(tierOf('作风不实')).toBe('formula');
    expect(tierOf('作风建设')).toBe('key');
  });
});

describe('the phrases that had no entry', () => {
  it('政治学习, 思想政治教育 and 政治教育', () => {
    expect(highlighted(`${POLICY}要积极参加政治学习，加强思想政治教育，开展政治教育。`)).toEqual(['政治学习', '思想政治教育', '政治教育']);
  });

  it('路线方针政策 in any order of the essay’s, with or without separators', () => {
    for (const form of ['路线方针政策', '路线、方针、政策', '方针、政策、路线'])
      expect(highlighted(`贯彻党的${form}`)).toEqual([expect.stringContaining(form)]);
  });

  it('又好又快 without 发展 on a policy page; 又好又快发展 everywhere', () => {
    expect(highlighted(`${POLICY}推动经济社会又好又快。`)).toEqual(['又好又快']);
    expect(highlighted('推动经济又好又快发展。')).toEqual(['又好又快发展']);
  });

  it('教育实践活动 where the campaign is meant', () => {
    expect(highlighted('结合教育实践活动中查摆出的问题，局党组制定了整改措施。')).toEqual(['教育实践活动']);
    expect(highlighted('学校组织学生开展暑期教育实践活动。')).toEqual([]);
  });

  it('穿小鞋 in quotation marks, on any page', () => {
    for (const quoted of ['「穿小鞋」', '“穿小鞋”']) expect(highlighted(`官场流行${quoted}一说。`)).toEqual(['穿小鞋']);
    expect(highlighted('这双鞋太挤，像穿小鞋。')).toEqual([]);
  });
});

describe('a reader’s own phrases', () => {
  it('are highlighted on any page, but do not make a page about policy', () => {
    const own = withOwnPhrases(glossary, [{ id: 'own-1', form: '红烧肉', meaning: '', note: '', category: 'saying' }]);
    const text = '这道红烧肉做法简单，千方百计也要买到好肉。';
    const matcher = own.forLevel('context');
    const shown = shownMatches(text, matcher.findMatches(text), matcher, matcher.cues, 'context');
    expect(shown.map((m) => text.slice(m.start, m.end))).toEqual(['红烧肉']);
  });
});

describe('every entry has a tier that follows the written rule', () => {
  it('numbered formulas are key; an entry whose canonical form is quoted-only is never vocabulary', () => {
    for (const e of entries.values()) {
      if (e.category === 'numbered-formula') expect(e.tier, e.id).toBe('key');
      if (e.quotedOnly) expect(e.tier, e.id).not.toBe('vocabulary');
    }
  });

  it('the glossary has all three tiers', () => {
    const count = (tier: string) => [...entries.values()].filter((e) => e.tier === tier).length;
    expect(count('key')).toBeGreaterThan(80);
    expect(count('formula')).toBeGreaterThan(80);
    expect(count('vocabulary')).toBeGreaterThan(40);
  });
});
