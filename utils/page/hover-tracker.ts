/**
 * Hover: which highlighted phrase is under the pointer, and when the card for it opens and closes.
 * One implementation for web pages (content script) and the extension's own pages.
 *
 * Highlights have no pointer events, so the pointer is hit-tested (utils/page/hit-test.ts) at most
 * once per frame. The card opens after a short rest on a phrase and closes a little after the
 * pointer leaves both, so that moving from the phrase to the card does not close it.
 */

export interface HoverOptions<M> {
  document: Document;
  /** Stops every listener (the content script's context, or a page that never stops). */
  signal: AbortSignal;
  /** The phrase at a point, with the rect of the line box under the pointer. */
  find(x: number, y: number): { match: M; rect: DOMRect } | undefined;
  /** True when the event happened over the card itself. */
  isOverCard(event: Event): boolean;
  /** The match whose card is open, if any. */
  shown(): M | undefined;
  /** Opens the card; it is placed by the whole phrase, not the line under the pointer. */
  show(match: M): void;
  hide(): void;
  showDelayMs?: number;
  hideDelayMs?: number;
}

/** Hovering this long over a phrase opens its card; leaving it and the card this long closes it. */
const SHOW_DELAY_MS = 120;
const HIDE_DELAY_MS = 350;
/**
 * After a touch the browser sends mouse events of its own (mousemove, mousedown, click) for pages
 * that know only the mouse. They come at once; a finger is not a hovering pointer, so for this long
 * after a touch, mouse moves are not hover (tap-tracker.ts answers the finger).
 */
const TOUCH_MOUSE_MS = 1000;

export function trackHover<M>(options: HoverOptions<M>): void {
  const { document, signal } = options;
  const view = document.defaultView!;
  let pointer = { x: 0, y: 0 };
  let frame = 0;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;
  let pending: M | undefined;
  let touchedAt = Number.NEGATIVE_INFINITY;

  const cancelHide = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
  };
  const check = () => {
    frame = 0;
    const found = options.find(pointer.x, pointer.y);
    if (found) {
      cancelHide();
      if (options.shown() === found.match || pending === found.match) return;
      pending = found.match;
      clearTimeout(showTimer);
      showTimer = setTimeout(() => {
        pending = undefined;
        options.show(found.match);
      }, options.showDelayMs ?? SHOW_DELAY_MS);
      return;
    }
    pending = undefined;
    clearTimeout(showTimer);
    if (options.shown() !== undefined && hideTimer === undefined) {
      hideTimer = setTimeout(() => {
        hideTimer = undefined;
        options.hide();
      }, options.hideDelayMs ?? HIDE_DELAY_MS);
    }
  };

  const touched = (event: PointerEvent) => {
    if (event.pointerType === 'touch') touchedAt = event.timeStamp;
  };
  document.addEventListener('pointerdown', touched, { capture: true, passive: true, signal });
  document.addEventListener('pointerup', touched, { capture: true, passive: true, signal });
  document.addEventListener(
    'mousemove',
    (event) => {
      if (event.timeStamp - touchedAt < TOUCH_MOUSE_MS) return;
      if (options.isOverCard(event)) {
        cancelHide();
        return;
      }
      pointer = { x: event.clientX, y: event.clientY };
      frame ||= view.requestAnimationFrame(check);
    },
    { passive: true, signal },
  );
  // Escape closes the card wherever the focus is (the card handles it too when it has the focus).
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && options.shown() !== undefined) options.hide();
    },
    { signal },
  );
  signal.addEventListener('abort', () => {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    if (frame) view.cancelAnimationFrame(frame);
  });
}
