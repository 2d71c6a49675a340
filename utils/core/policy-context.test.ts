import { describe, expect, it } from 'vitest';
import type { Category, Tier } from './glossary-schema';
import type { Match } from './matcher';
import { PolicyContext, isQuoted, shownMatches, tiersOf } from './policy-context';

// Entries 0–4: a key phrase, an idiom formula, an official formula, vocabulary, another idiom.
const meta = {
  tiers: ['key', 'formula', 'formula', 'vocabulary', 'formula'] as Tier[],
  categories: ['saying', 'idiom', 'set-phrase', 'institution', 'idiom'] as Category[],
};
/** A cue matcher that finds the cue words 党委 (id 0) and 纪委 (id 1) by plain search. */
const cues = {
  findMatches(text: string): Match[] {
    const found: Match[] = [];
    ['党委', '纪委'].forEach((cue, entry) => {
      for (let at = text.indexOf(cue); at !== -1; at = text.indexOf(cue, at + 1)) found.push({ entry, start: at, end: at + cue.length });
    });
    return found;
  },
};
const m = (entry: number, start = 0, end = 1): Match => ({ entry, start, end });

describe('PolicyContext at the default level', () => {
  it('holds idiom formulas back until the text shows policy, and shows key phrases at once', () => {
    const context = new PolicyContext(meta, cues);
    expect(context.observe('一段没有线索的文字', [m(1), m(4)])).toBe(false);
    expect(context.shows(0)).toBe(true);
    expect(context.shows(1)).toBe(false);
    // Idioms alone are no evidence, however many.
    expect(context.observe('又一段', [m(1), m(4), m(1)])).toBe(false);
    expect(context.isPolicy).toBe(false);
  });

  it('takes the caller’s word that the text is policy text, once: what was held back is shown', () => {
    const context = new PolicyContext(meta, cues);
    context.observe('一段没有线索的文字', [m(1)]);
    expect(context.shows(1)).toBe(false);
    expect(context.declarePolicy()).toBe(true);
    expect(context.shows(1)).toBe(true);
    expect(context.declarePolicy()).toBe(false);
  });

  it('a key phrase is evidence enough; so are two cues, or a cue and an official formula', () => {
    const withKey = new PolicyContext(meta, cues);
    expect(withKey.observe('', [m(0)])).toBe(true);
    expect(withKey.shows(1)).toBe(true);

    const oneCue = new PolicyContext(meta, cues);
    expect(oneCue.observe('县党委召开会议', [])).toBe(false);
    // The same cue again is no new evidence: a live page re-read block by block counts it once.
    expect(oneCue.observe('县党委再次召开会议', [])).toBe(false);
    expect(oneCue.observe('县纪委通报', [])).toBe(true);

    const cueAndFormula = new PolicyContext(meta, cues);
    expect(cueAndFormula.observe('县党委要求', [m(2)])).toBe(true);
  });

  it('stays policy text once it is (a later block cannot take highlights away)', () => {
    const context = new PolicyContext(meta, cues);
    context.observe('', [m(0)]);
    expect(context.observe('与政治无关的一段', [])).toBe(false);
    expect(context.isPolicy).toBe(true);
    expect(context.shows(4)).toBe(true);
  });

  it('shows a quoted formula anywhere', () => {
    const context = new PolicyContext(meta, cues);
    context.observe('', []);
    expect(context.shows(1)).toBe(false);
    expect(context.shows(1, true)).toBe(true);
  });
});

describe('a reader’s own phrases', () => {
  it('are shown like key phrases but are no evidence: a reader may add any word', () => {
    const context = new PolicyContext(
      { ...meta, tiers: [...meta.tiers, 'key'], categories: [...meta.categories, 'saying'], ownFrom: 5 },
      cues,
    );
    expect(context.observe('', [m(5), m(5)])).toBe(false);
    expect(context.shows(5)).toBe(true);
    expect(context.shows(1)).toBe(false);
    expect(context.observe('', [m(0)])).toBe(true);
  });
});

describe('the other levels gate nothing', () => {
  it('key and all show every match their matcher finds, on any text', () => {
    for (const level of ['key', 'all'] as const) {
      const context = new PolicyContext(meta, cues, level);
      expect(context.isPolicy).toBe(true);
      expect([0, 1, 2, 3, 4].every((e) => context.shows(e))).toBe(true);
    }
  });

  it('each level matches its tiers', () => {
    expect(tiersOf('key')).toEqual(['key']);
    expect(tiersOf('context')).toEqual(['key', 'formula']);
    expect(tiersOf('all')).toEqual(['key', 'formula', 'vocabulary']);
  });
});

describe('shownMatches and isQuoted', () => {
  it('filters a whole text: its evidence anywhere counts for every match', () => {
    const text = '形同虚设。……县纪委和党委通报';
    const matches = [m(1, 0, 4)];
    expect(shownMatches(text, matches, meta, cues, 'context')).toEqual(matches);
    expect(shownMatches('形同虚设。', matches, meta, cues, 'context')).toEqual([]);
    expect(shownMatches('形同虚设。', matches, meta, cues, 'all')).toEqual(matches);
  });

  it('knows quotation marks of every style, on both sides only', () => {
    expect(isQuoted('流行「穿小鞋」一说', 3, 6)).toBe(true);
    expect(isQuoted('流行“穿小鞋”一说', 3, 6)).toBe(true);
    expect(isQuoted('流行《穿小鞋》一说', 3, 6)).toBe(true);
    expect(isQuoted('流行“穿小鞋一说', 3, 6)).toBe(false);
    expect(isQuoted('穿小鞋', 0, 3)).toBe(false);
  });
});
