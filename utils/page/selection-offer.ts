/**
 * On a touch screen, text selected with a long press that covers a highlighted phrase offers its
 * card: a small button beside the selection, which a tap opens. The long press itself never opens
 * the card (the reader may be copying the text), and this is the way to look up a phrase inside a
 * link or a button, whose tap belongs to the page (tap-tracker.ts). A mouse has hover and the
 * context menu for that: only a selection made by touch is offered.
 */

export interface SelectionOfferOptions<M> {
  document: Document;
  signal: AbortSignal;
  enabled(): boolean;
  /** The first phrase the selected range overlaps. */
  find(range: Range): M | undefined;
  offer(match: M, selection: DOMRect): void;
  withdraw(): void;
}

/** The selection handles move in small steps: the offer waits until they rest. */
const SETTLE_MS = 250;

interface MatchLike {
  range: AbstractRange;
}

/**
 * The first of `matches` (in document order) that shares some text with `range`. A phrase that
 * only touches the selection's edge is not in it.
 */
export function firstMatchIn<M extends MatchLike>(range: Range, matches: readonly M[]): M | undefined {
  for (const match of matches) {
    const { startContainer, startOffset, endContainer, endOffset } = match.range;
    try {
      // Ends after the selection starts, and starts before it ends.
      const endsAfterStart = range.comparePoint(endContainer, endOffset) > 0 || isInsideNotAtStart(range, endContainer, endOffset);
      const startsBeforeEnd = range.comparePoint(startContainer, startOffset) < 0 || isInsideNotAtEnd(range, startContainer, startOffset);
      if (endsAfterStart && startsBeforeEnd) return match;
    } catch {
      // A match in another document or a shadow tree the range cannot compare with: not selected.
    }
  }
  return undefined;
}

const isInsideNotAtStart = (range: Range, node: Node, offset: number) =>
  range.comparePoint(node, offset) === 0 && !(node === range.startContainer && offset === range.startOffset);
const isInsideNotAtEnd = (range: Range, node: Node, offset: number) =>
  range.comparePoint(node, offset) === 0 && !(node === range.endContainer && offset === range.endOffset);

export function offerSelectedPhrases<M>(options: SelectionOfferOptions<M>): void {
  const { document, signal } = options;
  let byTouch = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let offered = false;

  document.addEventListener(
    'pointerdown',
    (event) => {
      byTouch = event.pointerType === 'touch';
    },
    { capture: true, passive: true, signal },
  );
  const check = () => {
    timer = undefined;
    const selection = document.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : undefined;
    const match = range && byTouch && options.enabled() ? options.find(range) : undefined;
    if (match && range) {
      offered = true;
      options.offer(match, range.getBoundingClientRect());
    } else if (offered) {
      offered = false;
      options.withdraw();
    }
  };
  document.addEventListener(
    'selectionchange',
    () => {
      // A mouse's selections (and pages that never offered) cost nothing but this test.
      if (!byTouch && !offered) return;
      clearTimeout(timer);
      timer = setTimeout(check, SETTLE_MS);
    },
    { signal },
  );
  signal.addEventListener('abort', () => clearTimeout(timer));
}
