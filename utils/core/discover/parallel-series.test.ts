import { describe, expect, it } from 'vitest';
import { findParallelSeries } from './parallel-series';

const series = (folded: string) => findParallelSeries(folded).map((s) => folded.slice(s.start, s.end));

describe('parallel series of four-character phrases', () => {
  it('takes the four characters either side of 、 as the edge items', () => {
    expect(series('发挥党总揽全局、协调各方的作用')).toEqual(['总揽全局、协调各方']);
  });

  it('gives every run of neighbouring items, so that a series quoted in part is found too', () => {
    expect(series('要求政治坚定、业务精通、作风优良。')).toEqual([
      '政治坚定、业务精通',
      '政治坚定、业务精通、作风优良',
      '业务精通、作风优良',
    ]);
  });

  it('takes comma-separated items only when each is a whole clause of four', () => {
    expect(series('我们要,不忘初心,牢记使命,继续奋勇前进')).toEqual(['不忘初心,牢记使命']);
    expect(series('列车出轨意外,车厢严重变形')).toEqual([]);
  });

  it('leaves out lists longer than a formula', () => {
    expect(series('北京上海、天津重庆、河北山西、辽宁吉林、江苏浙江、安徽福建、江西山东')).toEqual([]);
  });
});
