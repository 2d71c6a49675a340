import { describe, expect, it } from 'vitest';
import { PairNumbering } from './pair-numbering';
import { countSequences } from './sequence-counts';

/** The first ends and the second begins with Han characters: no sequence may run across. */
const TEXTS = ['两个维护，做到两个维护', '坚决做到两个维护！ABC维护两个', '两个维护两个维护', '天气很好'];

/** Every run of Han characters up to `max`, counted the slow way. */
function bruteForce(texts: string[], max: number) {
  const counts = new Map<string, { count: number; documents: Set<number> }>();
  texts.forEach((text, doc) => {
    for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
      for (let i = 0; i < run.length; i++) {
        for (let n = 1; n <= max && i + n <= run.length; n++) {
          const form = run.slice(i, i + n);
          const entry = counts.get(form) ?? { count: 0, documents: new Set<number>() };
          entry.count++;
          entry.documents.add(doc);
          counts.set(form, entry);
        }
      }
    }
  });
  return counts;
}

describe('sequence counts', () => {
  it('counts every frequent run of Han characters as a slow count does, within documents only', () => {
    const counts = countSequences(TEXTS, { maxLength: 5, minCount: 2 });
    const expected = bruteForce(TEXTS, 5);
    for (let n = 1; n <= 5; n++) {
      const got = new Map(counts.entries(n).map((e) => [e.form, [e.count, e.documents]]));
      const want = new Map(
        [...expected].filter(([form, e]) => form.length === n && e.count >= 2).map(([form, e]) => [form, [e.count, e.documents.size]]),
      );
      expect(got).toEqual(want);
    }
    expect(counts.count('两个维护')).toBe(5);
    expect(counts.documents('两个维护')).toBe(3);
    expect(counts.count('护坚')).toBe(0);
    expect(counts.characters).toBe(TEXTS.join('').match(/\p{Script=Han}/gu)!.length);
  });

  it('collects the neighbours asked for, a boundary counting apart', () => {
    const counts = countSequences(TEXTS, { maxLength: 4, minCount: 2, wantNeighbours: (e) => e.form === '两个维护' });
    const neighbours = counts.neighbours('两个维护')!;
    expect(Object.fromEntries([...neighbours.left].map(([c, n]) => [String.fromCharCode(c), n]))).toEqual({ 到: 2, 护: 1 });
    expect(neighbours.leftBoundaries).toBe(2);
    expect(Object.fromEntries([...neighbours.right].map(([c, n]) => [String.fromCharCode(c), n]))).toEqual({ 两: 1 });
    expect(neighbours.rightBoundaries).toBe(4);
    expect(counts.neighbours('做到')).toBeUndefined();
  });
});

describe('pair numbering', () => {
  it('numbers pairs in the order first added, through growth', () => {
    const pairs = new PairNumbering(4);
    for (let i = 0; i < 5000; i++) expect(pairs.add(i * 7, i % 65536)).toBe(i);
    expect(pairs.add(7, 1)).toBe(1);
    expect(pairs.get(14, 2)).toBe(2);
    expect(pairs.get(14, 3)).toBe(-1);
    expect([pairs.first[4999], pairs.second[4999], pairs.size]).toEqual([4999 * 7, 4999, 5000]);
  });
});
