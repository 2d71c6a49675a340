import { beforeAll, describe, expect, it } from 'vitest';
import { loadRealData } from '../../test-support/real-data';
import { isPolicyText } from './annotate';
import { documentText, judgeText, pageAt, pageParagraphs, readableText, type PdfTextItem } from './pdf-text';
import { createPhraseMatcher, type PhraseMatcher } from './phrase-matcher';

/** Items laid out as a word processor exports them: one item per printed line, 12-unit type. */
function lines(...rows: [text: string, x?: number, gapBefore?: number][]): PdfTextItem[] {
  let y = 800;
  return rows.map(([str, x = 72, gap = 0], n) => {
    y -= n === 0 ? 0 : 16 + gap;
    return { str, hasEOL: true, x, y, width: str.length * 12, height: 12 };
  });
}

let matcher: PhraseMatcher;
beforeAll(async () => {
  matcher = createPhraseMatcher((await loadRealData()).phrases);
});

describe('pageParagraphs', () => {
  it('joins a phrase broken over two lines without a space, so the matcher finds it', () => {
    const items = lines(['打通联系服务群众的最后', 72], ['一公里，让群众满意。', 72]);
    // The first line runs to the right margin (the second is no shorter): one paragraph.
    items[1].width = items[0].width;
    const [paragraph] = pageParagraphs(items);
    expect(paragraph.text).toBe('打通联系服务群众的最后一公里，让群众满意。');
    expect(matcher.findMatches(paragraph.text).map((m) => paragraph.text.slice(m.start, m.end))).toContain('最后一公里');
  });

  it('puts a space between Latin words at a line end, and none within Chinese or beside a space', () => {
    const items = lines(['the last mile of', 72], ['public service', 72]);
    items[0].width = items[1].width = 300;
    expect(pageParagraphs(items)[0].text).toBe('the last mile of public service');
    const spaced = lines(['the last ', 72], ['mile', 72]);
    spaced[0].width = spaced[1].width = 300;
    expect(pageParagraphs(spaced)[0].text).toBe('the last mile');
  });

  it('keeps the items of one line together, whatever their number, as justified text gives them', () => {
    const chars = '住宿服務包括酒店'.split('');
    const items: PdfTextItem[] = chars.flatMap((str, n) => [
      { str, hasEOL: false, x: 72 + n * 24, y: 700, width: 12, height: 12 },
      { str: ' ', hasEOL: false, x: 84 + n * 24, y: 700, width: 12, height: 12 },
    ]);
    const [paragraph, ...rest] = pageParagraphs(items);
    expect(rest).toEqual([]);
    expect(paragraph.items).toHaveLength(chars.length * 2);
    expect(readableText(paragraph.text)).toBe('住宿服務包括酒店');
  });

  it('starts a paragraph after a blank line, after a line that ends short, and at an indented line', () => {
    const items = lines(
      ['第一段第一行写满了整行文字内容', 72],
      ['第一段完。', 72],
      ['第二段缩进开始，写满整行内容', 96],
      ['第二段的第二行也写满整行内容啊', 72],
      ['第三段在空行之后写满整行内容啊', 72, 30],
    );
    // Full lines end at the right margin; the short one does not.
    for (const item of items) if (item.str !== '第一段完。') item.width = 400 - item.x;
    expect(pageParagraphs(items).map((p) => p.text)).toEqual([
      '第一段第一行写满了整行文字内容第一段完。',
      '第二段缩进开始，写满整行内容第二段的第二行也写满整行内容啊',
      '第三段在空行之后写满整行内容啊',
    ]);
  });

  it('gives each paragraph the separators its text is made of, and drops empty items', () => {
    const items = lines(['', 72], ['word', 72], ['next', 72]);
    items[1].width = items[2].width = 200;
    const [paragraph] = pageParagraphs(items);
    expect(paragraph.items).toEqual([1, 2]);
    expect(paragraph.separators).toEqual([' ', '']);
    expect(paragraph.items.map((i, n) => items[i].str + paragraph.separators[n]).join('')).toBe(paragraph.text);
    expect(pageParagraphs([])).toEqual([]);
  });
});

describe('readableText', () => {
  it('closes up the spaces between Chinese characters and punctuation, and keeps those between words', () => {
    expect(readableText('行 政 院  施 政 報 告')).toBe('行政院施政報告');
    expect(readableText('情 況 ， 詳 見 「 附 件 」')).toBe('情況，詳見「附件」');
    expect(readableText(' 2024 年 the  last mile ')).toBe('2024 年 the last mile');
  });
});

describe('judgeText', () => {
  it('says a document with (almost) no letters has no text, as a scan', () => {
    expect(judgeText(['', '  ', '3']).verdict).toBe('no-text');
    expect(judgeText([]).verdict).toBe('no-text');
  });

  it('says text whose fonts map to private-use code points or Latin-1 bytes is unreadable', () => {
    expect(judgeText(['Ä¿Â¼¹ØÓÚºì¾ü×÷Õ½µÄÔ-ÔòÄ¿Â¼¹ØÓÚºì¾ü×÷Õ½µÄ']).verdict).toBe('unreadable');
    expect(judgeText(['\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a']).verdict).toBe('unreadable');
  });

  it('reads Chinese, an English document and Chinese with a few stray private-use dashes as text', () => {
    expect(judgeText(['关于红军作战的原则和对国防问题的意见']).verdict).toBe('text');
    expect(judgeText(['The annual report of the government']).verdict).toBe('text');
    expect(judgeText(['情 況 \uf8e7\uf8e7 詳 見 附 件 的 說 明 和 表 格']).verdict).toBe('text');
    expect(judgeText(['Rubén Ramírez and Markéta Pekarová met the delegation']).verdict).toBe('text');
  });
});

describe('documentText and pageAt', () => {
  it('lays pages of paragraphs end to end, readable, and finds the page of any offset', () => {
    const doc = documentText([['行 政 院', '第一段'], [], ['第三頁']]);
    expect(doc.text).toBe('行政院\n\n第一段\n\n第三頁');
    expect(doc.blocks.map((b) => doc.text.slice(b.start, b.start + b.text.length))).toEqual(['行政院', '第一段', '第三頁']);
    expect(pageAt(doc.pageStarts, 0)).toBe(1);
    expect(pageAt(doc.pageStarts, doc.text.indexOf('第一段'))).toBe(1);
    expect(pageAt(doc.pageStarts, doc.text.indexOf('第三頁'))).toBe(3);
  });
});

describe('isPolicyText, for a whole document', () => {
  it('is true where a key phrase or enough cues appear anywhere, false for an everyday text, and true at levels that gate nothing', () => {
    const everyday = [{ text: '比赛中防守形同虚设。' }, { text: '天气很好。' }];
    expect(isPolicyText(everyday, matcher.forLevel('context'), 'context')).toBe(false);
    expect(isPolicyText([...everyday, { text: '县纪委通报违反八项规定问题。' }], matcher.forLevel('context'), 'context')).toBe(true);
    expect(isPolicyText(everyday, matcher.forLevel('key'), 'key')).toBe(true);
  });
});

describe('readableText and radicals', () => {
  it('writes Kangxi and supplement radicals as the ideographs they stand for', () => {
    expect(readableText('改进⼯作作⻛，打通最后⼀公⾥')).toBe('改进工作作风，打通最后一公里');
    expect(readableText('⻔⼝ ⻓期')).toBe('门口长期');
  });
});
