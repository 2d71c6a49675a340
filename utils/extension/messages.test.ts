import { describe, expect, it } from 'vitest';
import { essayAnchor, parseEssayAnchor, parseMessage } from './messages';

describe('parseMessage', () => {
  it('accepts the messages of the protocol', () => {
    expect(parseMessage({ type: 'page-summary' })).toEqual({ type: 'page-summary' });
    expect(parseMessage({ type: 'navigate', direction: 'previous' })).toEqual({ type: 'navigate', direction: 'previous' });
    expect(parseMessage({ type: 'get-entry', id: 'zuihou-yigongli', extra: 1 })).toEqual({ type: 'get-entry', id: 'zuihou-yigongli' });
    expect(parseMessage({ type: 'open-essay', essay: 1, paragraph: 5, offset: 0 })).toMatchObject({ essay: 1 });
  });

  it('rejects anything else', () => {
    for (const bad of [null, 'page-summary', {}, { type: 'navigate', direction: 'up' }, { type: 'get-entry', id: '<img>' }, { type: 'open-essay', essay: -1, paragraph: 1, offset: 0 }, { type: 'eval' }]) {
      expect(parseMessage(bad)).toBeUndefined();
    }
  });
});

describe('essay anchors', () => {
  it('round-trip', () => {
    expect(essayAnchor(1, 5, 120)).toBe('e1-p5-o120');
    expect(parseEssayAnchor('#e1-p5-o120')).toEqual({ essay: 1, paragraph: 5, offset: 120 });
    expect(parseEssayAnchor('#e3-p7')).toEqual({ essay: 3, paragraph: 7, offset: undefined });
    expect(parseEssayAnchor('#top')).toBeUndefined();
  });
});
