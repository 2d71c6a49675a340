import { describe, expect, it } from 'vitest';
import type { Annotation, PhraseSummary, TextMatch } from './annotate';
import { countOf, phraseTally, toCsv, toJson, toMarkdown } from './export';

const PHRASE = '最后一公里';

function summary(id: string, count: number, tier: PhraseSummary['tier'] = 'key'): PhraseSummary {
  return {
    id,
    simplified: PHRASE,
    traditional: '最後一公里',
    category: 'saying',
    tier,
    pinyin: 'zuìhòu yī gōnglǐ',
    gloss: 'the last kilometre',
    meaningZh: '政策落实的最后环节。',
    meaningEn: 'The last step of carrying out a policy.',
    officialEn: 'the last mile',
    officialEnSource: 'state-media: China Daily, “Last-mile delivery”, 2016, http://example.org/last-mile',
    origin: { en: 'unknown', sources: [] },
    count,
    firstOffset: 0,
    essayOccurrences: 0,
    inEssays: [],
  };
}

/** An annotation of `text` with the phrase matched wherever it occurs. */
function annotated(text: string, tier: PhraseSummary['tier'] = 'key'): Annotation {
  const matches: TextMatch[] = [];
  for (let at = text.indexOf(PHRASE); at !== -1; at = text.indexOf(PHRASE, at + PHRASE.length)) {
    matches.push({ id: 'zuihou-yigongli', text: PHRASE, start: at, end: at + PHRASE.length, category: 'saying', tier });
  }
  return { length: text.length, matches, phrases: matches.length ? [summary('zuihou-yigongli', matches.length, tier)] : [] };
}

/** Two phrases, three occurrences. */
function twoPhrases(text: string): Annotation {
  const one = annotated(text);
  return { ...one, phrases: [...one.phrases, { ...summary('other', 1), simplified: '八项规定' }] };
}

describe('counts', () => {
  it('follow English plural rules', () => {
    expect(countOf(0, 'phrase', 'phrases')).toBe('0 phrases');
    expect(countOf(1, 'phrase', 'phrases')).toBe('1 phrase');
    expect(countOf(2, 'phrase', 'phrases')).toBe('2 phrases');
    expect(phraseTally(annotated(`解决好${PHRASE}。`))).toBe('1 phrase, 1 occurrence');
    expect(phraseTally(twoPhrases(`${PHRASE}，${PHRASE}`))).toBe('2 phrases, 2 occurrences');
  });

  it('in the Markdown summary line', () => {
    expect(toMarkdown({ text: `解决好${PHRASE}。` }, annotated(`解决好${PHRASE}。`))).toContain('\n*1 phrase, 1 occurrence — annotated');
    const text = `${PHRASE}，${PHRASE}，${PHRASE}`;
    expect(toMarkdown({ text }, twoPhrases(text))).toContain('\n*2 phrases, 3 occurrences — annotated');
  });
});

describe('Markdown export', () => {
  const hostile = [
    `<script>alert(1)</script>要打通${PHRASE}`,
    '[click](http://evil) ![img](x)',
    'see http://evil.example, www.evil.com or me@evil.com',
    '# heading',
    '- item',
    '+ item',
    '1. item',
    '---',
    '> quote',
    '| a | b |',
    '`code` *em* _em_ ~~gone~~ &amp; back\\slash',
  ].join('\n');
  const md = toMarkdown({ title: 'Title', text: hostile }, annotated(hostile));
  const body = md.split('\n\n').slice(1, -1).join('\n\n');

  it('escapes page text that would become HTML, a link or an image', () => {
    expect(body).toContain('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(body).not.toMatch(/(^|[^\\])</);
    expect(body).toContain('\\[click\\]\\(http\\://evil\\)');
    expect(body).toContain('\\!\\[img\\]\\(x\\)');
    const withoutFootnotes = body.replace(/\[\^\d+\]/g, '');
    expect(withoutFootnotes).not.toMatch(/(^|[^\\])[[\]()!]/);
  });

  it('leaves no address to autolink', () => {
    expect(body).toContain('http\\://evil\\.example');
    expect(body).toContain('www\\.evil\\.com');
    expect(body).toContain('me\\@evil\\.com');
    expect(body).not.toMatch(/https?:|www\.|\w@\w/);
  });

  it('escapes structure at the start of a line and inline marks everywhere', () => {
    const lines = body.split('\n\n');
    for (const start of ['\\# heading', '\\- item', '\\+ item', '1\\. item', '\\---', '\\> quote', '\\| a \\| b \\|']) {
      expect(lines).toContain(start);
    }
    expect(body).toContain('\\`code\\` \\*em\\* \\_em\\_ \\~\\~gone\\~\\~ \\&amp; back\\\\slash');
  });

  it('footnotes the phrase at its first occurrence, saying whether it is key or common', () => {
    expect(body).toContain(`要打通${PHRASE}[^1]`);
    expect(md).toMatch(/\n\[\^1\]: \*\*最后一公里 \/ 最後一公里\*\* \(zuìhòu yī gōnglǐ; [^;]+; key phrase; ×1\)/);
    expect(toMarkdown({ text: PHRASE }, annotated(PHRASE, 'formula'))).toMatch(/; set formula; ×1\)/);
    expect(md).toContain('English: “the last mile” (state-media: China Daily, “Last-mile delivery”, 2016,');
  });

  it('keeps the title on one line and escaped', () => {
    const titled = toMarkdown({ title: 'A [b](c)\n# d', text: PHRASE }, annotated(PHRASE));
    expect(titled.split('\n')[0]).toBe('# A \\[b\\]\\(c\\) \\# d');
  });

  it('links the page’s address only when it is a web address', () => {
    const link = (url: string) => toMarkdown({ url, text: PHRASE }, annotated(PHRASE)).split('\n')[1];
    expect(link('https://example.com/a b?q=<x>')).toBe('<https://example.com/a%20b?q=%3Cx%3E>');
    expect(link('http://example.com/')).toBe('<http://example.com/>');
    expect(link('javascript:alert(1)')).toBe('javascript\\:alert\\(1\\)');
    expect(link('data:text/html,<b>x</b>')).not.toMatch(/(^|[^\\])</);
  });
});

/** Cells of an RFC 4180 document (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe('CSV export', () => {
  const csvOf = (text: string) => toCsv({ text }, annotated(text));

  it('starts with a UTF-8 byte order mark, ends lines with CRLF and says which tier each phrase is in', () => {
    const csv = csvOf(`解决好${PHRASE}，\n再说${PHRASE}。`);
    expect(csv.startsWith('\uFEFFid,text,start,end,category,tier,')).toBe(true);
    expect(csv.replace(/"[^"]*"/g, '')).not.toMatch(/[^\r]\n/);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(3);
    const tier = rows[0].indexOf('tier');
    expect(rows.slice(1).map((r) => r[tier])).toEqual(['key', 'key']);
    expect(parseCsv(toCsv({ text: PHRASE }, annotated(PHRASE, 'formula')).slice(1))[1][tier]).toBe('formula');
  });

  it('carries the official English rendering and its source in official_en columns', () => {
    const [header, row] = parseCsv(csvOf(`解决好${PHRASE}。`).slice(1));
    expect(row[header.indexOf('official_en')]).toBe('the last mile');
    expect(row[header.indexOf('official_en_source')]).toMatch(/^state-media: China Daily/);
  });

  it.each([
    ['a formula', '=HYPERLINK("//e.x")'],
    ['a plus', '+1+cmd|x'],
    ['a minus', '-2+3'],
    ['an at sign', '@SUM(1)'],
    ['a tab', '\t=1'],
    ['a carriage return', '\r=1'],
  ])('neutralises page context that starts with %s', (_name, payload) => {
    const rows = parseCsv(csvOf(`${payload}${PHRASE}${payload}`).slice(1));
    const [header, row] = rows;
    expect(row[header.indexOf('before')]).toBe(`'${payload}`);
    expect(row[header.indexOf('after')]).toBe(`'${payload}`);
    for (const cells of rows) for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises before quoting, so quotes and commas stay inside the cell', () => {
    const payload = '=1,"a"';
    const csv = csvOf(`${payload}${PHRASE}`);
    expect(csv).toContain(`,"'=1,""a""",`);
    expect(parseCsv(csv.slice(1))[1]).toContain(`'${payload}`);
  });
});

describe('JSON export', () => {
  it('keeps its structure, with the phrase’s tier, and no plural wording', () => {
    const text = `解决好${PHRASE}。`;
    const json = JSON.parse(toJson({ title: 'T', url: 'https://example.com/', text }, annotated(text)));
    expect(Object.keys(json)).toEqual(['title', 'url', 'byline', 'length', 'matches', 'phrases']);
    expect(json.matches[0]).toEqual({
      id: 'zuihou-yigongli',
      text: PHRASE,
      start: 3,
      end: 8,
      category: 'saying',
      tier: 'key',
      before: '解决好',
      after: '。',
    });
    expect(json.phrases[0]).toMatchObject({ id: 'zuihou-yigongli', tier: 'key', count: 1 });
  });
});

describe('exports of a PDF', () => {
  // Page 1 holds the first occurrence, page 3 the second; page 2 is empty.
  const text = `第一页讲${PHRASE}。\n\n第三页又讲${PHRASE}。`;
  const pageStarts = [0, text.indexOf('第三页'), text.indexOf('第三页')];
  const source = { title: 'Report', url: 'https://example.com/r.pdf', text, pageStarts };

  it('give each match its page number in JSON and CSV', () => {
    expect(JSON.parse(toJson(source, annotated(text))).matches.map((m: { page: number }) => m.page)).toEqual([1, 3]);
    const rows = toCsv(source, annotated(text)).replace('\uFEFF', '').trim().split('\r\n');
    const column = rows[0].split(',').indexOf('page');
    expect(column).toBe(4);
    expect(rows.slice(1).map((r) => r.split(',')[column])).toEqual(['1', '3']);
  });

  it('list each phrase’s pages in its Markdown footnote', () => {
    expect(toMarkdown(source, annotated(text))).toMatch(/×2\) pp\. 1, 3\. —/);
  });

  it('have no page column or field for a web page', () => {
    expect(toCsv({ text }, annotated(text))).not.toMatch(/,page,/);
    expect(JSON.parse(toJson({ text }, annotated(text))).matches[0]).not.toHaveProperty('page');
  });
});
