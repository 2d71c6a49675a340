import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blockFlowOf, placeCard } from './card-placement';

const intersects = (
  a: { left: number; top: number; right: number; bottom: number },
  b: { left: number; top: number; right: number; bottom: number },
) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeCard', () => {
  it('puts the card below the phrase when it fits, else above', () => {
    expect(placeCard({ left: 100, top: 100, right: 200, bottom: 120 }, { width: 300, height: 200 }, { width: 1000, height: 800 })).toEqual({
      left: 100,
      top: 126,
    });
    expect(placeCard({ left: 100, top: 700, right: 200, bottom: 720 }, { width: 300, height: 200 }, { width: 1000, height: 800 })).toEqual({
      left: 100,
      top: 494,
    });
  });

  it('never covers the phrase and stays inside the viewport, wherever the phrase is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1180 }),
        fc.integer({ min: 0, max: 680 }),
        fc.integer({ min: 10, max: 100 }),
        fc.integer({ min: 80, max: 650 }),
        (x, y, width, cardHeight) => {
          const viewport = { width: 1280, height: 720 };
          const phrase = { left: x, top: y, right: Math.min(x + width, 1280), bottom: y + 24 };
          const size = { width: 380, height: cardHeight };
          const place = placeCard(phrase, size, viewport);
          const card = { left: place.left, top: place.top, right: place.left + size.width, bottom: place.top + size.height };
          expect(card.left).toBeGreaterThanOrEqual(0);
          expect(card.top).toBeGreaterThanOrEqual(0);
          expect(card.right).toBeLessThanOrEqual(viewport.width);
          expect(card.bottom).toBeLessThanOrEqual(viewport.height);
          expect(intersects(card, phrase)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('puts the card beside a vertical phrase, on the side its next columns are, not over its column', () => {
    const column = { left: 600, top: 60, right: 624, bottom: 180 };
    const size = { width: 360, height: 300 };
    const viewport = { width: 1280, height: 720 };
    expect(placeCard(column, size, viewport, { flow: 'left' })).toEqual({ left: 234, top: 60 });
    expect(placeCard(column, size, viewport, { flow: 'right' })).toEqual({ left: 630, top: 60 });
    // No room on the preferred side: the other one.
    expect(placeCard({ left: 100, top: 60, right: 124, bottom: 180 }, size, viewport, { flow: 'left' })).toEqual({ left: 130, top: 60 });
  });

  it('never covers a vertical phrase and stays inside the viewport, wherever it is', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1250 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 24, max: 300 }),
        fc.integer({ min: 80, max: 650 }),
        fc.constantFrom('left' as const, 'right' as const),
        (x, y, height, cardHeight, flow) => {
          const viewport = { width: 1280, height: 720 };
          const phrase = { left: x, top: y, right: x + 30, bottom: y + height };
          const size = { width: 380, height: cardHeight };
          const place = placeCard(phrase, size, viewport, { flow });
          const card = { left: place.left, top: place.top, right: place.left + size.width, bottom: place.top + size.height };
          expect(card.left).toBeGreaterThanOrEqual(0);
          expect(card.top).toBeGreaterThanOrEqual(0);
          expect(card.right).toBeLessThanOrEqual(viewport.width);
          expect(card.bottom).toBeLessThanOrEqual(viewport.height);
          expect(intersects(card, phrase)).toBe(false);
          // Beside the column, never above or below it.
          expect(card.right <= phrase.left || card.left >= phrase.right).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('stays inside a viewport that does not start at 0, 0 (the part seen when pinch-zoomed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 640 }),
        fc.integer({ min: 0, max: 360 }),
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 320 }),
        (offsetX, offsetY, x, y) => {
          const viewport = { left: offsetX, top: offsetY, width: 640, height: 360 };
          const phrase = { left: offsetX + x, top: offsetY + y, right: offsetX + x + 40, bottom: offsetY + y + 24 };
          const size = { width: 300, height: 150 };
          const place = placeCard(phrase, size, viewport);
          const card = { left: place.left, top: place.top, right: place.left + size.width, bottom: place.top + size.height };
          expect(card.left).toBeGreaterThanOrEqual(offsetX);
          expect(card.top).toBeGreaterThanOrEqual(offsetY);
          expect(card.right).toBeLessThanOrEqual(offsetX + 640);
          expect(card.bottom).toBeLessThanOrEqual(offsetY + 360);
          expect(intersects(card, phrase)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('placeCard in a small viewport', () => {
  it('makes the card shorter, above or below where there is more room, rather than cover the phrase', () => {
    // The browser zoomed to 200 % on a 1280 × 720 screen: 640 × 360 CSS pixels.
    const viewport = { width: 640, height: 360 };
    const size = { width: 360, height: 344 };
    expect(placeCard({ left: 320, top: 84, right: 384, bottom: 108 }, size, viewport)).toEqual({ left: 274, top: 114, maxHeight: 240 });
    expect(placeCard({ left: 320, top: 250, right: 384, bottom: 274 }, size, viewport)).toEqual({ left: 274, top: 6, maxHeight: 238 });
  });

  it('never covers the phrase when there is room for a card of 120 px above or below it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 }),
        fc.integer({ min: 0, max: 336 }),
        // The card is never taller than the viewport less its margins (its max-height).
        fc.integer({ min: 200, max: 344 }),
        (x, y, cardHeight) => {
          const viewport = { width: 640, height: 360 };
          const phrase = { left: x, top: y, right: x + 40, bottom: y + 24 };
          fc.pre(Math.max(360 - phrase.bottom - 12, phrase.top - 12) >= 120);
          const size = { width: 360, height: cardHeight };
          const place = placeCard(phrase, size, viewport);
          const height = Math.min(cardHeight, place.maxHeight ?? cardHeight);
          const card = { left: place.left, top: place.top, right: place.left + size.width, bottom: place.top + height };
          expect(card.top).toBeGreaterThanOrEqual(0);
          expect(card.bottom).toBeLessThanOrEqual(viewport.height);
          expect(intersects(card, phrase)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('blockFlowOf', () => {
  it('reads where the next line goes from a computed writing-mode', () => {
    expect(blockFlowOf('horizontal-tb')).toBe('down');
    expect(blockFlowOf('vertical-rl')).toBe('left');
    expect(blockFlowOf('sideways-rl')).toBe('left');
    expect(blockFlowOf('vertical-lr')).toBe('right');
    expect(blockFlowOf('sideways-lr')).toBe('right');
  });
});
