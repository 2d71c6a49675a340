import { describe, expect, it } from 'vitest';
import { createFoldTable, foldText } from '../fold';
import { createCitation } from './citation';

const fold = createFoldTable('堅坚「“」”');
const citation = createCitation(fold);
const at = (text: string, form: string) => {
  const folded = foldText(text, fold);
  const start = folded.indexOf(foldText(form, fold));
  return { quoted: citation.quoted(folded, start, start + form.length), governed: citation.governed(folded, start) };
};

describe('citation', () => {
  it('sees a formula in quotation marks, or after a verb of upholding (a quotation mark between)', () => {
    expect(at('做到“两个维护”。', '两个维护')).toEqual({ quoted: true, governed: true });
    expect(at('堅持「一國兩制」', '一國兩制')).toEqual({ quoted: true, governed: true });
    expect(at('全面贯彻新发展理念', '新发展理念')).toEqual({ quoted: false, governed: true });
    expect(at('他说一国两制如何', '一国两制')).toEqual({ quoted: false, governed: false });
  });

  it('does not take a quotation introduced as a name for a citation', () => {
    expect(at('绰号“格斗狂人”的他', '格斗狂人').quoted).toBe(false);
    expect(at('微信公众号“侠客岛”说', '侠客岛').quoted).toBe(false);
  });

  it('says when a form begins with a verb of upholding', () => {
    expect(citation.beginsWithVerb('做到两个维护')).toBe(true);
    expect(citation.beginsWithVerb('两个维护')).toBe(false);
  });
});
