/**
 * What text is under the pointer. Highlights have no pointer events, so, as 10ten-ja-reader does,
 * ask the browser for the caret position at the point and check that the point really lies on the
 * text (a caret is returned for any point, even past the end of a line).
 */

export interface CaretPoint {
  node: Node;
  offset: number;
}

type CaretPositionFromPoint = (
  x: number,
  y: number,
  options?: { shadowRoots?: ShadowRoot[] },
) => { offsetNode: Node; offset: number } | null;

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
    // The page changed the text under the range since it was made: it covers nothing now, and
    // the rescan that follows the change replaces it.
    return [];
  }
  return [...live.getClientRects()];
}

/**
 * The box around all of a phrase's line boxes. The card is placed beside this, not beside the one
 * line under the pointer: a phrase that wraps onto the next line must not be half covered.
 */
export function boundsOf(rects: readonly DOMRect[]): { left: number; top: number; right: number; bottom: number } {
  return {
    left: Math.min(...rects.map((r) => r.left)),
    top: Math.min(...rects.map((r) => r.top)),
    right: Math.max(...rects.map((r) => r.right)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
  };
}

export function pointInRects(rects: DOMRect[], x: number, y: number, slack = 1): boolean {
  return rects.some((r) => x >= r.left - slack && x <= r.right + slack && y >= r.top - slack && y <= r.bottom + slack);
}

/**
 * The phrase under a point, with the rect of its line box that holds the point (a caret is
 * returned for any point, so the point must really lie on the phrase's text).
 */
export function phraseAtPoint<M extends { range: AbstractRange }>(
  document: Document,
  x: number,
  y: number,
  phrases: { matchAt(node: Node, offset: number): M | undefined; shadowRoots(): ShadowRoot[] },
  accept: (match: M) => boolean = () => true,
): { match: M; rect: DOMRect } | undefined {
  const caret = caretFromPoint(document, x, y, phrases.shadowRoots());
  const match = caret && phrases.matchAt(caret.node, caret.offset);
  if (!match || !accept(match)) return undefined;
  const rect = rectsOf(document, match.range).find((r) => pointInRects([r], x, y));
  return rect ? { match, rect } : undefined;
}
