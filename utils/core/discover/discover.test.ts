import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData, repoPath } from '../../../test-support/real-data';
import { parseOwnPhrasesCsv, ownPhrasesToCsv } from '../own-phrases';
import { createPhraseMatcher, withOwnPhrases, type PhraseMatcher } from '../phrase-matcher';
import { candidatesAsOwnPhrases } from './candidates-as-own-phrases';
import { DEFAULT_DISCOVER_OPTIONS, discover, type Candidate, type DiscoverDocument } from './discover';
import { readReference, type ReferenceTable } from './reference-table';

let glossary: PhraseMatcher;
let reference: ReferenceTable;
beforeAll(async () => {
  glossary = createPhraseMatcher((await loadRealData()).phrases);
  reference = readReference(JSON.parse(readFileSync(repoPath('data/discover-reference.json'), 'utf8')), glossary.fold);
});

/** Everyday sentences, none of them official: what surrounds the planted phrases. */
const FILLER = [
  '今天早上下了一场小雨，路上的行人不多。',
  '我们在家里做了一锅番茄炒蛋，味道很好。',
  '周末去公园散步，看到很多人在放风筝。',
  '这台电脑的屏幕有点暗，需要调一下亮度。',
  '她喜欢在睡前读几页小说，然后关灯睡觉。',
  '菜市场的青菜比上个月便宜了一些。',
  '孩子们放学以后在操场上踢足球。',
  '新开的咖啡店人很多，要排很久的队。',
  '他把旧书整理好，放进了客厅的书架。',
  '夏天的晚上，院子里常常有人乘凉聊天。',
  '这款手机的电池很耐用，可以用两天。',
  '奶奶每天下午都会去楼下的小花园坐一会儿。',
  '我们计划下个月去海边玩几天。',
  '厨房的水龙头坏了，明天请师傅来修。',
  '火车晚点了半个小时，大家在站台上等着。',
  '她用面粉和鸡蛋做了一盘香甜的饼干。',
  '图书馆周一闭馆，其他时间都开放。',
  '这条街上有很多卖小吃的摊位。',
  '天气预报说明天会降温，要多穿衣服。',
  '他每天骑自行车上班，大约二十分钟。',
];

/**
 * Sentences that carry what discover must find, and what it must leave alone, each in several
 * wordings: the same sentence in many documents is boilerplate or a copy, and cites once.
 */
const PLANTED = {
  numbered: [
    '各级干部要增强“四个意识”，自觉做到两个维护。',
    '会议要求增强“四个意识”，坚决做到两个维护。',
    '全体党员必须树立“四个意识”，始终做到两个维护。',
  ],
  numberedTraditional: ['各級幹部要增強「四個意識」，自覺做到兩個維護。', '會議強調樹立「四個意識」，堅決做到兩個維護。'],
  paired: ['学校深入开展“两学一做”学习教育。', '各支部推进“两学一做”常态化。', '他谈了参加“两学一做”的体会。'],
  quoted: [
    '大家都记住了“绿水青山就是金山银山”这句话。',
    '牢固树立“绿水青山就是金山银山”的理念。',
    '村里的标语写着“绿水青山就是金山银山”。',
  ],
  series: ['要坚持总揽全局、协调各方的原则。', '党委发挥总揽全局、协调各方的作用。', '这体现了总揽全局、协调各方的要求。'],
  known: [
    '要打通“最后一公里”，落实八项规定，践行“三严三实”，把权力关进制度的笼子里。',
    '必须严格执行八项规定，解决“最后一公里”问题，真正把权力关进制度的笼子里。',
  ],
  knownTraditional: ['要打通「最後一公裡」，落實八項規定，踐行「三嚴三實」，把權力關進制度的籠子裡。'],
};
type Planted = keyof typeof PLANTED;

/** A small seeded generator (mulberry32), so that the corpus is the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function plantedCorpus(): DiscoverDocument[] {
  const next = random(22);
  const pick = () => FILLER[Math.floor(next() * FILLER.length)];
  const plantedIn: Record<Planted, number[]> = {
    numbered: [0, 1, 2, 3, 4, 5],
    numberedTraditional: [6, 7, 8],
    paired: [3, 9, 12, 15],
    quoted: [2, 5, 8, 11, 14],
    series: [1, 4, 7, 10],
    known: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    knownTraditional: [10, 11, 12, 13, 14, 15],
  };
  return Array.from({ length: 30 }, (_, doc) => {
    const lines = Array.from({ length: 6 }, () => pick() + pick() + pick());
    for (const [name, docs] of Object.entries(plantedIn) as [Planted, number[]][]) {
      const at = docs.indexOf(doc);
      if (at >= 0) lines[Math.floor(next() * lines.length)] += PLANTED[name][at % PLANTED[name].length] + pick();
    }
    return { id: `doc-${String(doc).padStart(2, '0')}`, text: lines.join('\n') };
  });
}

const run = (documents: DiscoverDocument[], known: PhraseMatcher = glossary) =>
  discover(documents, known, glossary.fold, reference, { ...DEFAULT_DISCOVER_OPTIONS, top: 100 });

const byKey = (candidates: Candidate[], form: string) => candidates.find((c) => glossary.key(c.form) === glossary.key(form));

describe('discover on a planted corpus', () => {
  it('finds the planted numbered formulas, whichever script they are written in', () => {
    const { candidates } = run(plantedCorpus());
    const awareness = byKey(candidates, '四个意识');
    const upholding = byKey(candidates, '两个维护');
    expect(awareness?.kinds).toContain('numbered');
    expect(upholding?.kinds).toContain('numbered');
    // One candidate for both scripts, counted in every document that has either.
    expect([upholding!.form, ...upholding!.otherForms].sort()).toEqual(['两个维护', '兩個維護']);
    expect(upholding!.documents).toBe(9);
    expect(byKey(candidates, '两学一做')?.kinds).toContain('numbered');
  });

  it('finds the planted quoted slogan and parallel series, with where they are cited', () => {
    const { candidates } = run(plantedCorpus());
    const slogan = byKey(candidates, '绿水青山就是金山银山');
    expect(slogan?.kinds).toContain('quoted');
    expect(slogan!.quotedDocuments).toBe(5);
    expect(slogan!.contexts[0]).toMatchObject({ document: 'doc-02', text: '绿水青山就是金山银山' });
    expect(byKey(candidates, '总揽全局、协调各方')?.kinds).toContain('series');
  });

  it('proposes nothing the glossary holds, in either script, nor any piece of it', () => {
    const { candidates } = run(plantedCorpus());
    const knownForms = ['最后一公里', '八项规定', '三严三实', '把权力关进制度的笼子里'].map((f) => glossary.key(f));
    for (const candidate of candidates) {
      for (const form of [candidate.form, ...candidate.otherForms]) {
        expect(glossary.findAllMatches(form).some((m) => m.start === 0 && m.end === form.length)).toBe(false);
        expect(knownForms.some((known) => known.includes(glossary.key(form)))).toBe(false);
      }
    }
    // Nothing of the everyday sentences either: they are common, and nobody cites them.
    expect(candidates.map((c) => glossary.key(c.form)).sort()).toEqual(
      ['四个意识', '两个维护', '两学一做', '绿水青山就是金山银山', '总揽全局协调各方'].map((f) => glossary.key(f)).sort(),
    );
  });

  it('leaves out the reader’s own phrases', () => {
    const own = parseOwnPhrasesCsv('form\n兩個維護\n', (f) => glossary.key(f));
    if (!own.ok) throw new Error('own phrases did not parse');
    const { candidates } = run(plantedCorpus(), withOwnPhrases(glossary, own.phrases));
    expect(byKey(candidates, '两个维护')).toBeUndefined();
    expect(byKey(candidates, '四个意识')).toBeDefined();
  });

  it('gives the same candidates in the same order on every run', () => {
    const first = run(plantedCorpus());
    const second = run(plantedCorpus());
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const scores = first.candidates.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('counts a copy of a document once', () => {
    const documents = plantedCorpus();
    const copies = documents.slice(0, 5).map((d) => ({ id: `${d.id}-copy`, text: d.text }));
    const result = run([...documents, ...copies]);
    expect(result.duplicates).toBe(5);
    expect(byKey(result.candidates, '两个维护')!.documents).toBe(9);
  });

  it('writes candidates as own phrases that the options import back', () => {
    const { candidates, documents } = run(plantedCorpus());
    const { phrases, refused } = candidatesAsOwnPhrases(candidates, documents, (f) => glossary.key(f));
    expect(refused).toEqual([]);
    const imported = parseOwnPhrasesCsv(ownPhrasesToCsv(phrases), (f) => glossary.key(f));
    if (!imported.ok) throw new Error(JSON.stringify(imported.errors));
    expect(imported.phrases.map((p) => p.form)).toEqual(candidates.map((c) => c.form));
    expect(imported.phrases.find((p) => p.form === '两学一做')?.category).toBe('numbered-formula');
    expect(imported.phrases.find((p) => p.form === '绿水青山就是金山银山')?.category).toBe('set-phrase');
  });
});
