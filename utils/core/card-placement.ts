/** Where the card goes on screen: pure geometry, so it is tested without a browser. */

type Rect = { left: number; top: number; right: number; bottom: number };

/**
 * The side on which the next line of text follows: below in horizontal text, to the left in
 * vertical-rl (Chinese and Japanese set vertically), to the right in vertical-lr (Mongolian).
 */
export type BlockFlow = 'down' | 'left' | 'right';

/** The block flow of a computed `writing-mode` (`horizontal-tb`, `vertical-rl`, `sideways-lr` …). */
export function blockFlowOf(writingMode: string): BlockFlow {
  if (writingMode.endsWith('-rl')) return 'left';
  if (writingMode.endsWith('-lr')) return 'right';
  return 'down';
}

/** A card shorter than this shows too little of itself to be read: it is not shrunk below it. */
const MIN_HEIGHT = 120;

/**
 * Where to put a card of `size` next to the phrase's rect so that it never covers the phrase and
 * stays inside the viewport. `viewport` may start away from 0, 0: pinch-zoomed, only part of the
 * layout viewport (which fixed positions are relative to) is seen.
 *
 * The card goes where the next lines are — below horizontal text, else above — as a reader expects.
 * In vertical text that side is beside the column: below the phrase would cover the rest of the
 * column, the very text read next. Then the other sides. When no side fits (a small viewport: the
 * browser zoomed to 200 % on a laptop leaves 640 × 360), the card is made shorter (`maxHeight`; it
 * scrolls) above or below, where there is more room; only when even that is too little does it go
 * beside the phrase on the side with more room, over it if it must.
 */
export function placeCard(
  phrase: Rect,
  size: { width: number; height: number },
  viewport: { left?: number; top?: number; width: number; height: number },
  options: { gap?: number; flow?: BlockFlow } = {},
): { left: number; top: number; maxHeight?: number } {
  const gap = options.gap ?? 6;
  const flow = options.flow ?? 'down';
  const view = { left: viewport.left ?? 0, top: viewport.top ?? 0 };
  const viewRight = view.left + viewport.width;
  const viewBottom = view.top + viewport.height;
  const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(v, Math.max(min, max)));
  const clampLeft = (v: number) => clamp(v, view.left + gap, viewRight - size.width - gap);
  const clampTop = (v: number) => clamp(v, view.top + gap, viewBottom - size.height - gap);

  const below = () =>
    phrase.bottom + gap + size.height <= viewBottom - gap ? { left: clampLeft(phrase.left), top: phrase.bottom + gap } : undefined;
  const above = () =>
    phrase.top - gap - size.height >= view.top + gap ? { left: clampLeft(phrase.left), top: phrase.top - gap - size.height } : undefined;
  const right = () =>
    phrase.right + gap + size.width <= viewRight - gap ? { left: phrase.right + gap, top: clampTop(phrase.top) } : undefined;
  const left = () =>
    phrase.left - gap - size.width >= view.left + gap ? { left: phrase.left - gap - size.width, top: clampTop(phrase.top) } : undefined;
  const roomRight = viewRight - phrase.right;
  const roomLeft = phrase.left - view.left;
  const besides = roomRight >= roomLeft ? [right, left] : [left, right];
  const order = flow === 'left' ? [left, right, below, above] : flow === 'right' ? [right, left, below, above] : [below, above, ...besides];
  for (const side of order) {
    const place = side();
    if (place) return place;
  }
  const roomBelow = viewBottom - gap - (phrase.bottom + gap);
  const roomAbove = phrase.top - gap - (view.top + gap);
  if (Math.max(roomBelow, roomAbove) >= MIN_HEIGHT) {
    return roomBelow >= roomAbove
      ? { left: clampLeft(phrase.left), top: phrase.bottom + gap, maxHeight: roomBelow }
      : { left: clampLeft(phrase.left), top: view.top + gap, maxHeight: roomAbove };
  }
  const top = clampTop(phrase.top);
  return roomRight >= roomLeft ? { left: clampLeft(phrase.right + gap), top } : { left: clampLeft(phrase.left - gap - size.width), top };
}
