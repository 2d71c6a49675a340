import { describe, expect, it } from 'vitest';
import { WriteBudget } from './write-budget';

describe('WriteBudget', () => {
  it('grows while frames are short and shrinks when they are long', () => {
    const budget = new WriteBudget(10_000, 40);
    budget.update(10_000, 20);
    expect(budget.value).toBe(15_000); // at most 1.5× a step
    budget.update(15_000, 60);
    expect(budget.value).toBe(10_000);
    budget.update(10_000, 50);
    expect(budget.value).toBe(8_000);
  });

  it('settles where frames take the target time, on any machine', () => {
    for (const msPerThousandChars of [0.5, 2, 8]) {
      const budget = new WriteBudget(20_000, 40);
      for (let frame = 0; frame < 30; frame++) budget.update(budget.value, (budget.value / 1000) * msPerThousandChars + 5);
      const frameMs = (budget.value / 1000) * msPerThousandChars + 5;
      expect(frameMs).toBeGreaterThan(36);
      expect(frameMs).toBeLessThan(44);
    }
  });

  it('learns nothing from light frames and stays within bounds', () => {
    const budget = new WriteBudget(10_000, 40);
    budget.update(100, 200);
    expect(budget.value).toBe(10_000);
    for (let i = 0; i < 50; i++) budget.update(budget.value, 1000);
    expect(budget.value).toBe(1_000);
    for (let i = 0; i < 50; i++) budget.update(budget.value, 1);
    expect(budget.value).toBe(1_000_000);
  });
});
