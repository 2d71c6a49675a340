import { describe, expect, it } from 'vitest';
import * as OpenCC from 'opencc-js';
import {
  convertPacked,
  isPackedBlocks,
  MAX_WRITES,
  OPENCC_LOCALES,
  packBlocks,
  planRestore,
  planWrite,
  unpackBlocks,
  type Target,
} from './convert';

const converters = Object.fromEntries(
  Object.entries(OPENCC_LOCALES).map(([target, locale]) => [target, OpenCC.Converter(locale as { from: 'cn'; to: 'tw' })]),
) as Record<Target, (s: string) => string>;

describe('conversion correctness (phrase-level opencc-js)', () => {
  it('Traditional → Simplified keeps 乾隆 and 著名', () => {
    expect(converters.cn('乾隆皇帝是著名的')).toBe('乾隆皇帝是著名的');
    expect(converters.cn('頭髮、發展、幹部')).toBe('头发、发展、干部');
  });

  it('Simplified → Traditional tells 头发 from 发展, 干部 from 若干, and keeps 皇后', () => {
    expect(converters.tw('头发')).toBe('頭髮');
    expect(converters.tw('发展')).toBe('發展');
    expect(converters.tw('干部')).toBe('幹部');
    expect(converters.tw('若干')).toBe('若干');
    expect(converters.tw('皇后')).toBe('皇后');
    expect(converters.hk('干部队伍')).toBe('幹部隊伍');
  });

  it('Taiwan phrases replace mainland vocabulary (and change length)', () => {
    expect(converters.twp('U盘')).toBe('隨身碟');
  });
});

/** Converts blocks of node texts through the packed form, as the extension does. */
const convertBlocks = (blocks: string[][], convert: (s: string) => string) => unpackBlocks(convertPacked(packBlocks(blocks), convert));
const convertBlock = (texts: string[], convert: (s: string) => string) => convertBlocks([texts], convert)[0];

describe('packed blocks', () => {
  it('round-trip, empty nodes and empty blocks included', () => {
    const blocks = [['头', '', '发了'], [], ['干部'], ['']];
    const packed = packBlocks(blocks);
    expect(packed.text).toBe('头发了干部');
    expect(isPackedBlocks(packed)).toBe(true);
    expect(unpackBlocks(packed)).toEqual(blocks);
  });

  it('are checked on arrival: lengths must add up to the text, sizes to the lengths', () => {
    expect(isPackedBlocks({ text: 'ab', lengths: [1, 1], sizes: [2] })).toBe(true);
    expect(isPackedBlocks({ text: 'ab', lengths: [1, 2], sizes: [2] })).toBe(false);
    expect(isPackedBlocks({ text: 'ab', lengths: [1, 1], sizes: [1] })).toBe(false);
    expect(isPackedBlocks({ text: 'ab', lengths: [-1, 3], sizes: [2] })).toBe(false);
    expect(isPackedBlocks({ text: 'ab', lengths: [1.5, 0.5], sizes: [2] })).toBe(false);
    expect(isPackedBlocks({ text: 'ab', lengths: ['2'], sizes: [1] })).toBe(false);
    expect(isPackedBlocks(null)).toBe(false);
  });

  it('convert block by block: phrases do not run from one block into the next', () => {
    // 头|发 in two blocks are two paragraphs: no phrase 頭髮 across them.
    expect(convertBlocks([['剪头'], ['发展']], converters.tw)).toEqual([['剪頭'], ['發展']]);
  });
});

describe('convertBlock', () => {
  it('converts a phrase split across nodes as one phrase', () => {
    // 头|发 converted node by node would give 頭|發; as a block it is 頭髮.
    expect(convertBlock(['剪', '头', '发了'], converters.tw)).toEqual(['剪', '頭', '髮了']);
    expect(['头', '发'].map(converters.tw)).toEqual(['頭', '發']);
  });

  it('falls back to node by node when the length changed', () => {
    expect(convertBlock(['插上U', '盘'], converters.twp)).toEqual(['插上U', '盤']);
    expect(convertBlock(['插上U盘'], converters.twp)).toEqual(['插上隨身碟']);
  });
});

describe('ledger: exact restore', () => {
  const tw = converters.tw;

  it('remembers the original and restores it exactly', () => {
    const plan = planWrite(undefined, '发展干部', tw)!;
    expect(plan.value).toBe('發展幹部');
    expect(planRestore(plan.entry, '發展幹部')).toBe('发展干部');
  });

  it('converts from the original when switching targets, never from converted text', () => {
    const first = planWrite(undefined, '头发', tw)!;
    const second = planWrite(first.entry, first.value, converters.cn);
    // Back to Simplified from the original: nothing to write would be wrong; the value is the original.
    expect(second?.value ?? first.value).toBe('头发');
  });

  it('leaves text the page replaced since as the page wrote it', () => {
    const plan = planWrite(undefined, '发展', tw)!;
    expect(planRestore(plan.entry, '页面自己改的')).toBeUndefined();
    // And a later conversion takes the page's new text as the original.
    const again = planWrite(plan.entry, '新的发展', tw)!;
    expect(again.entry.original).toBe('新的发展');
  });

  it('writes nothing when nothing changes', () => {
    expect(planWrite(undefined, '發展', tw)).toBeUndefined();
    expect(planWrite(undefined, 'English only', tw)).toBeUndefined();
  });

  it('stops after a few writes to the same place (no ping-pong with another rewriter)', () => {
    let entry = planWrite(undefined, '发展', tw)!.entry;
    // Another extension keeps turning it back to Simplified; each time we convert again…
    let writes = 1;
    while (true) {
      const plan = planWrite(entry, '发展', tw);
      if (!plan) break;
      entry = plan.entry;
      writes++;
    }
    expect(writes).toBe(MAX_WRITES);
  });
});
