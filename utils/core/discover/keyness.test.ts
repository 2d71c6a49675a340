import { describe, expect, it } from 'vitest';
import { logLikelihood, logRatio } from './keyness';

describe('keyness', () => {
  it('is zero when the relative frequencies are the same, and signed by which is higher', () => {
    expect(logLikelihood(10, 1000, 20, 2000)).toBeCloseTo(0, 10);
    expect(logLikelihood(30, 1000, 20, 2000)).toBeGreaterThan(0);
    expect(logLikelihood(1, 1000, 20, 2000)).toBeLessThan(0);
  });

  it('matches a worked log-likelihood (Rayson and Garside 2000)', () => {
    // 50 in 100,000 words against 10 in 100,000: G² = 2(50 ln(50/30) + 10 ln(10/30)) = 29.11.
    expect(logLikelihood(50, 100_000, 10, 100_000)).toBeCloseTo(29.11, 2);
  });

  it('gives the log ratio, a zero count taken as one half', () => {
    expect(logRatio(40, 1000, 10, 1000)).toBe(2);
    expect(logRatio(8, 1000, 0, 1000)).toBe(4);
  });
});
