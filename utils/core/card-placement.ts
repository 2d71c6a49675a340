/** Where the card goes on screen: pure geometry, so it is tested without a browser. */

/**
 * Where to put a card of `size` next to the phrase's rects so that it never covers the phrase and
 * stays inside the viewport: below the phrase when it fits, else above, else beside it.
 */
export function placeCard(
  phrase: { left: number; top: number; right: number; bottom: number },
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  gap = 6,
): { left: number; top: number } {
  const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, Math.max(min, max)));
  const left = clamp(phrase.left, gap, viewport.width - size.width - gap);
  if (phrase.bottom + gap + size.height <= viewport.height - gap) return { left, top: phrase.bottom + gap };
  if (phrase.top - gap - size.height >= gap) return { left, top: phrase.top - gap - size.height };
  // Neither below nor above: beside the phrase, on the side with more room.
  const top = clamp(phrase.top, gap, viewport.height - size.height - gap);
  const roomRight = viewport.width - phrase.right;
  return roomRight >= phrase.left
    ? { left: clamp(phrase.right + gap, gap, viewport.width - size.width - gap), top }
    : { left: clamp(phrase.left - gap - size.width, gap, viewport.width - size.width - gap), top };
}
