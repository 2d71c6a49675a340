/**
 * What text is under the pointer. Highlights have no pointer events, so, as 10ten-ja-reader does,
 * ask the browser for the caret position at the point and check that the point really lies on the
 * text (a caret is returned for any point, even past the end of a line).
 */

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretPositionFromPoint = (x: number, y: number, options?: { shadowRoots?: ShadowRoot[] }) => { offsetNode: Node; offset: number } | null;

export function caretFromPoint(document: Document, x: number, y: number, shadowRoots: ShadowRoot[] = []): CaretPoint | undefined {
  const byPosition = (document as unknown as { caretPositionFromPoint?: CaretPositionFromPoint }).caretPositionFromPoint;
  if (typeof byPosition === 'function') {
    // Chrome 128+ takes the open shadow roots to look into; older engines ignore the option.
    const position = byPosition.call(document, x, y, { shadowRoots });
    return position ? { node: position.offsetNode, offset: position.offset } : undefined;
  }
  const range = (document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The client rects of a (static) range; empty when its boundary points are no longer valid. */
export function rectsOf(document: Document, range: AbstractRange): DOMRect[] {
  const live = document.createRange();
  try {
    live.setStart(range.startContainer, range.startOffset);
    live.setEnd(range.endContainer, range.endOffset);
  } catch {
    return [];
  }
  return [...live.getClientRects()];
}

export function pointInRects(rects: DOMRect[], x: number, y: number, slack = 1): boolean {
  return rects.some((r) => x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack);
}

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
