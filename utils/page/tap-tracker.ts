/**
 * Tap: on a touch screen, a finger that lands on a highlighted phrase and lifts again without
 * moving opens its card. One implementation for web pages and the extension's own pages, beside
 * hover (hover-tracker.ts), which a finger never drives.
 *
 * What is not a tap never opens the card (Yomitan's popup opened on scrolls and on buttons, its
 * issues #534 and #1946):
 * - a scroll, a swipe or a pinch: the browser cancels the pointer when it takes the touch over
 *   (pointercancel), and a finger that moved further than a tap's slop is not tapping anyway;
 * - a second finger (a pinch, a two-finger scroll);
 * - a long press: it selects text or opens the browser's menu, which is what the reader asked for;
 * - a tap on a link, a button or a field, even when its text is a phrase: the page's action wins
 *   (the card is offered for a selection instead, selection-offer.ts).
 *
 * A finger that scrolls or zooms the page closes an open card: it is placed beside its phrase, and
 * the phrase moves away (a swipe inside the card scrolls the card).
 *
 * It is decided on pointerup, not on click: a page laid out for desktops (no viewport meta) holds
 * its clicks back some 300 ms while the browser waits for a double tap, and the card must open at
 * once.
 */

export interface TapOptions<M> {
  document: Document;
  signal: AbortSignal;
  /** Tap lookup can be turned off in the options. */
  enabled(): boolean;
  find(x: number, y: number): { match: M; rect: DOMRect } | undefined;
  isOverCard(event: Event): boolean;
  shown(): M | undefined;
  show(match: M): void;
  hide(): void;
  /** A finger is down on this phrase: what the card needs can be fetched before it lifts. */
  prepare?(match: M): void;
}

/** How far a finger may drift and still tap (CSS px): about Android's touch slop. */
const TAP_SLOP_PX = 10;
/** Held this long, a touch is a long press (Android's long-press timeout is 400–500 ms). */
const LONG_PRESS_MS = 400;

/** What a page means a tap to do something on: links, controls, fields, editable text. */
const INTERACTIVE = [
  'a[href]',
  'area[href]',
  'button',
  'input',
  'select',
  'textarea',
  'label',
  'summary',
  'video',
  'audio',
  '[contenteditable]:not([contenteditable="false"])',
  '[onclick]',
  '[role="button"]',
  '[role="link"]',
  '[role="checkbox"]',
  '[role="menuitem"]',
  '[role="option"]',
  '[role="switch"]',
  '[role="tab"]',
].join(',');

/** True when the event's target, or anything it sits in (across shadow roots), is interactive. */
export function isOnInteractive(event: Event): boolean {
  for (const node of event.composedPath()) {
    if (!(node instanceof Element)) continue;
    if (node.matches(INTERACTIVE) || (node as HTMLElement).isContentEditable) return true;
  }
  return false;
}

export function trackTaps<M>(options: TapOptions<M>): void {
  const { document, signal } = options;
  /** The touch that may become a tap; undefined once it cannot. */
  let candidate: { id: number; x: number; y: number; at: number } | undefined;
  const down = new Set<number>();
  /** The touch began outside the card: if it scrolls the page, the card goes. */
  let onPage = false;
  const spoil = () => {
    candidate = undefined;
    if (onPage && options.shown() !== undefined) options.hide();
  };

  const listen = <K extends keyof DocumentEventMap>(type: K, handler: (event: DocumentEventMap[K]) => void) =>
    document.addEventListener(type, handler, { capture: true, passive: true, signal });

  listen('pointerdown', (event) => {
    if (event.pointerType !== 'touch') return;
    down.add(event.pointerId);
    if (down.size === 1) {
      onPage = !options.isOverCard(event);
      candidate = { id: event.pointerId, x: event.clientX, y: event.clientY, at: event.timeStamp };
      if (onPage && options.prepare && options.enabled() && !isOnInteractive(event)) {
        const found = options.find(event.clientX, event.clientY);
        if (found) options.prepare(found.match);
      }
    } else {
      spoil();
    }
  });
  listen('pointermove', (event) => {
    if (candidate?.id !== event.pointerId) return;
    if (Math.hypot(event.clientX - candidate.x, event.clientY - candidate.y) > TAP_SLOP_PX) spoil();
  });
  listen('pointercancel', (event) => {
    down.delete(event.pointerId);
    // The browser took the touch over: it scrolls or zooms.
    if (candidate?.id === event.pointerId) spoil();
  });
  listen('pointerup', (event) => {
    down.delete(event.pointerId);
    const touch = candidate;
    if (touch?.id !== event.pointerId) return;
    candidate = undefined;
    if (event.timeStamp - touch.at >= LONG_PRESS_MS || !options.enabled() || options.isOverCard(event)) return;
    if (isOnInteractive(event)) {
      // The page's own action goes ahead (a link opens, a menu unfolds): a card left open would
      // now explain something that may no longer be there.
      if (options.shown() !== undefined) options.hide();
      return;
    }
    const found = options.find(event.clientX, event.clientY);
    if (found) {
      if (options.shown() !== found.match) options.show(found.match);
    } else if (options.shown() !== undefined) {
      options.hide();
    }
  });
}
