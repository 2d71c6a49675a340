import { describe, expect, it } from 'vitest';
import { blankBoilerplate, findBoilerplate } from './boilerplate';
import { findDuplicates } from './duplicates';

const FOOTER = '请加入成为本报的月费订户，长期支持我们的工作。';

describe('boilerplate and duplicates', () => {
  it('blanks a long line that five documents share, keeping every offset', () => {
    const texts = Array.from({ length: 5 }, (_, i) => `第${i}篇文章的正文，讲的是第${i}件事。\n${FOOTER}`);
    const boilerplate = findBoilerplate(texts);
    expect([...boilerplate]).toEqual([FOOTER]);
    const blanked = blankBoilerplate(texts[0], boilerplate);
    expect(blanked).toHaveLength(texts[0].length);
    expect(blanked.startsWith('第0篇文章的正文')).toBe(true);
    expect(blanked).not.toContain('月费');
    expect(findBoilerplate(texts.slice(0, 4)).size).toBe(0);
  });

  it('finds a document that is mostly an earlier one, whatever footer all of them share', () => {
    const article = [
      '习近平以高规格欢迎来访的客人和他的代表团。',
      '新华社说这是一次非正式访问，时间很短。',
      '双方谈了很多议题，重点在贸易方面。',
    ];
    const others = Array.from({ length: 60 }, (_, i) => `另一篇第${i}号文章说的是完全不同的事情。\n${FOOTER}`);
    const texts = [article.join('\n'), ...others, [...article.slice(0, 2), '修订后的第三段，与原文不同。'].join('\n')];
    expect([...findDuplicates(texts)]).toEqual([61]);
  });
});
