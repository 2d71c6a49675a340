import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData } from '../../test-support/real-data';
import {
  checkOwnPhrase,
  findCollisions,
  mergeOwnPhrases,
  OwnPhrasesSchema,
  ownPhrasesToCsv,
  ownPhrasesToJson,
  parseOwnPhrasesCsv,
  parseOwnPhrasesFile,
  parseOwnPhrasesJson,
  splitCsv,
  type OwnPhrase,
  type ParseResult,
} from './own-phrases';
import { createPhraseMatcher, withOwnPhrases, type PhraseMatcher } from './phrase-matcher';
import * as v from 'valibot';

let glossary: PhraseMatcher;
let key: (form: string) => string;
beforeAll(async () => {
  glossary = createPhraseMatcher((await loadRealData()).phrases);
  key = (form) => glossary.key(form);
});

function phrases(result: ParseResult): OwnPhrase[] {
  if (!result.ok) throw new Error(`expected phrases, got ${JSON.stringify(result.errors)}`);
  return result.phrases;
}

describe('reading a CSV list', () => {
  it('takes one form per row, the meaning optional, with or without a header', () => {
    const bare = phrases(parseOwnPhrasesCsv('共同富裕,Common prosperity\n新质生产力\n', key));
    expect(bare.map((p) => [p.form, p.meaning, p.category])).toEqual([
      ['共同富裕', 'Common prosperity', 'set-phrase'],
      ['新质生产力', '', 'set-phrase'],
    ]);
    const headed = phrases(
      parseOwnPhrasesCsv('\ufeffcategory,form,meaning\nideology,新质生产力,"new, quality ""productive"" forces"\n', key),
    );
    expect(headed).toEqual([
      expect.objectContaining({ form: '新质生产力', meaning: 'new, quality "productive" forces', category: 'ideology' }),
    ]);
  });

  it('reads quoted line breaks, CRLF, tab-separated text and category names in either language', () => {
    const result = phrases(
      parseOwnPhrasesCsv('form\tmeaning\tcategory\r\n新质生产力\tline one\tDoctrine and ideology\r\n两个确立\t\t数字提法\r\n', key),
    );
    expect(result.map((p) => p.category)).toEqual(['ideology', 'numbered-formula']);
    expect(splitCsv('a,"x\ny"\nb,c').rows).toEqual([
      { line: 1, cells: ['a', 'x\ny'] },
      { line: 3, cells: ['b', 'c'] },
    ]);
  });

  it('names the row of every problem and imports nothing', () => {
    const result = parseOwnPhrasesCsv(
      'form,meaning,category\n新质生产力,ok,ideology\nhello,no Chinese\n,empty\n两个确立,x,slogans\n兩個確立,again\n中\n',
      key,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { row: 3, problem: 'no-chinese', value: 'hello' },
      { row: 4, problem: 'empty' },
      { row: 5, problem: 'category', value: 'slogans' },
      { row: 7, problem: 'too-short', value: '中' },
    ]);
    // A duplicate is found across scripts once the first one is valid.
    const duplicate = parseOwnPhrasesCsv('两个确立\n兩個確立\n', key);
    expect(duplicate).toEqual({ ok: false, errors: [{ row: 2, problem: 'duplicate', value: '兩個確立', other: 1 }] });
  });

  it('reports an unclosed quotation mark at the line it opens', () => {
    expect(parseOwnPhrasesCsv('新质生产力,ok\n两个确立,"never closed\nmore\n', key)).toEqual({
      ok: false,
      errors: [{ row: 2, problem: 'unclosed-quote' }],
    });
  });
});

describe('reading a JSON list', () => {
  it('takes forms, objects, or this extension’s own export', () => {
    expect(phrases(parseOwnPhrasesJson('["新质生产力", {"phrase": "两个确立", "meaning": "m"}]', key)).map((p) => p.form)).toEqual([
      '新质生产力',
      '两个确立',
    ]);
    const own = phrases(parseOwnPhrasesCsv('新质生产力,m,note,ideology', key));
    expect(phrases(parseOwnPhrasesJson(ownPhrasesToJson(own), key))).toEqual(own);
  });

  it('names the item of a bad entry, and says when the file is not JSON or not a list', () => {
    expect(parseOwnPhrasesJson('["新质生产力", 42, {"form": "x"}]', key)).toEqual({
      ok: false,
      errors: [
        { row: 2, problem: 'not-a-phrase' },
        { row: 3, problem: 'no-chinese', value: 'x' },
      ],
    });
    expect(parseOwnPhrasesJson('{"phrases": 3}', key)).toEqual({ ok: false, errors: [{ row: 1, problem: 'not-a-list' }] });
    expect(parseOwnPhrasesJson('[\n"新质生产力",\n]', key)).toMatchObject({ ok: false, errors: [{ problem: 'not-json' }] });
  });

  it('is chosen by the file name or the content', () => {
    expect(phrases(parseOwnPhrasesFile('list.json', '["新质生产力"]', key))).toHaveLength(1);
    expect(phrases(parseOwnPhrasesFile('list.txt', '新质生产力\n两个确立', key))).toHaveLength(2);
  });
});

describe('writing the list back', () => {
  it('round-trips through CSV, formulas neutralised for spreadsheets', () => {
    const own = phrases(parseOwnPhrasesCsv('form,meaning,note,category\n新质生产力,"a, ""b""\nc",=cmd(),ideology\n', key));
    const csv = ownPhrasesToCsv(own);
    expect(csv.startsWith('\ufeffform,meaning,note,category\r\n')).toBe(true);
    expect(csv).toContain("'=cmd()");
    expect(phrases(parseOwnPhrasesCsv(csv, key))).toEqual([{ ...own[0], note: "'=cmd()" }]);
  });
});

describe('one phrase typed in', () => {
  it('gets the same checks and an id that is the same in every script', () => {
    const simplified = phrases(checkOwnPhrase({ form: '新质生产力', meaning: 'm' }, key))[0];
    const traditional = phrases(checkOwnPhrase({ form: '新質生產力' }, key))[0];
    expect(simplified.id).toBe(traditional.id);
    expect(simplified.id).toMatch(/^own-[a-z0-9]+$/);
    expect(checkOwnPhrase({ form: 'abc' }, key)).toEqual({ ok: false, errors: [{ row: 1, problem: 'no-chinese', value: 'abc' }] });
  });
});

describe('meeting the glossary', () => {
  it('reports a phrase the glossary has, in any script, and not one that only contains a glossary phrase', () => {
    const own = phrases(parseOwnPhrasesCsv('最後一公里\n打通最后一公里的难题\n新质生产力', key));
    const collisions = findCollisions(own, glossary, key);
    expect(collisions.map((c) => [c.phrase.form, c.entryId])).toEqual([['最後一公里', 'zuihou-yigongli']]);
  });

  it('merges into what is stored: the same phrase is updated, a new one appended', () => {
    const stored = phrases(parseOwnPhrasesCsv('新质生产力,old\n两个确立,kept', key));
    const incoming = phrases(parseOwnPhrasesCsv('新質生產力,new\n共同富裕', key));
    const merged = mergeOwnPhrases(stored, incoming);
    expect(merged.added).toBe(1);
    expect(merged.updated).toBe(1);
    expect(merged.phrases.map((p) => [p.form, p.meaning])).toEqual([
      ['新質生產力', 'new'],
      ['两个确立', 'kept'],
      ['共同富裕', ''],
    ]);
  });

  it('is matched with the glossary in every script, longest first, and keeps its category', () => {
    const own = phrases(parseOwnPhrasesCsv('新质生产力,,,ideology\n一公里长跑', key));
    const matcher = withOwnPhrases(glossary, own);
    const found = (text: string) =>
      matcher.findMatches(text).map((m) => [matcher.ids[m.entry], text.slice(m.start, m.end), matcher.categories[m.entry]]);
    expect(found('發展新質生產力，解决最后一公里。')).toEqual([
      [own[0].id, '新質生產力', 'ideology'],
      ['zuihou-yigongli', '最后一公里', expect.any(String)],
    ]);
    // Where an own phrase and a glossary phrase overlap, the one that starts first wins.
    expect(found('最后一公里长跑')[0][0]).toBe('zuihou-yigongli');
    // Restricting keeps own phrases apart from the glossary's entries.
    const ownOnly = matcher.restricted((entry) => entry >= glossary.ids.length);
    expect(ownOnly.findMatches('新质生产力，最后一公里').map((m) => ownOnly.ids[m.entry])).toEqual([own[0].id]);
  });

  it('stored lists are checked on the way in, item by item', () => {
    const good = phrases(checkOwnPhrase({ form: '新质生产力' }, key))[0];
    expect(v.parse(OwnPhrasesSchema, [good, { id: 'bad', form: 'x' }, 'junk'])).toEqual([good]);
    expect(v.parse(OwnPhrasesSchema, 'not a list')).toEqual([]);
  });
});
