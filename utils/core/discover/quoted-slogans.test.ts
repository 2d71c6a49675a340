import { describe, expect, it } from 'vitest';
import { findQuotedSlogans } from './quoted-slogans';

const quoted = (folded: string) => findQuotedSlogans(folded).map((s) => folded.slice(s.start, s.end));

describe('quoted slogans', () => {
  it('finds short quotations of Han characters, with a slogan’s separators inside', () => {
    expect(quoted('做到“两个维护”，坚持"港人治港"，“亲自指挥、亲自部署”。')).toEqual(['两个维护', '港人治港', '亲自指挥、亲自部署']);
  });

  it('leaves out speech, words of two characters and quotations that are not Chinese', () => {
    expect(quoted('他说：“我们明天再来。”还有“天气”和“OK”，以及“这是一个很长很长很长很长很长很长很长很长很长很长的口号”')).toEqual([]);
  });

  it('keeps a numeral and one character, a numbered formula (“四风”)', () => {
    expect(quoted('整治“四风”问题。')).toEqual(['四风']);
  });
});
