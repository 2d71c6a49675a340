import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { placeCard } from './card-placement';

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
});
