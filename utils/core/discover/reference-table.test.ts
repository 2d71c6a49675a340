import { describe, expect, it } from 'vitest';
import { createFoldTable } from '../fold';
import { buildReference, readReference } from './reference-table';

// 個 folds to 个, as the glossary's table folds it.
const fold = createFoldTable('個个');
/** One text writes 一個: the table lists it apart, and reading it with the fold table joins it to 一个. */
const TEXTS = ['我们今天做了一个蛋糕。', '我们明天做一个面包。', '他们做了一個很好的蛋糕。', '她也做了一個。'];

describe('the reference table', () => {
  const file = buildReference(TEXTS, 'test', []);
  const table = readReference(JSON.parse(JSON.stringify(file)), fold);

  it('gives the counts of the sequences it lists, out of the Han characters it read', () => {
    expect(table.characters).toBe(TEXTS.join('').match(/\p{Script=Han}/gu)!.length);
    expect(table.count('一个')).toBe(4);
    expect(table.count('蛋糕')).toBe(2);
    expect(table.count('我们')).toBe(2);
  });

  it('estimates a sequence it does not list from its parts, never above them', () => {
    const estimate = table.count('做一个蛋糕');
    expect(estimate).toBeGreaterThan(0);
    expect(estimate).toBeLessThanOrEqual(table.count('一个'));
    // Nothing of it was ever read: close to nothing.
    expect(table.count('两个维护')).toBeLessThan(0.01);
  });

  it('folds what it lists with the fold table in use', () => {
    expect(readReference(file, createFoldTable('')).count('一个')).toBe(2);
    expect(readReference(file, createFoldTable('')).count('一個')).toBe(2);
  });

  it('refuses a file that is not a reference table', () => {
    expect(() => readReference({ ...file, format: 'something-else' } as never, fold)).toThrow(/not a reference table/);
  });
});
