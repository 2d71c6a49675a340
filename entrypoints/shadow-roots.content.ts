/**
 * Runs in the page's own world, at document_start, and reports every open shadow root the page
 * attaches: a MutationObserver on the document never sees shadow roots (neither a host inserted
 * with its root already attached nor attachShadow on an element already in the page), and web
 * components that render late (comment widgets, video players, whole sites) are common.
 *
 * It wraps Element.prototype.attachShadow once, calls the page's function unchanged, and dispatches
 * an event on the host that the content script (isolated world) listens for. Closed roots are left
 * alone: the page asked for them not to be reachable.
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { SHADOW_ROOT_EVENT } from '@/utils/core/page-events';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  // Firefox runs page-world content scripts from 128 on, MV2 included (the add-on needs 140).
  world: 'MAIN',
  main() {
    const original = Element.prototype.attachShadow;
    if (typeof original !== 'function') return;
    // Everything the wrapper calls is taken now, before any page script runs: a page may redefine
    // dispatchEvent, CustomEvent, Function.prototype.call … later, and the wrapper must neither
    // break the page's own attachShadow nor stop reporting (nor call the page's versions, which
    // would show it our events).
    const apply = Reflect.apply;
    const dispatch = EventTarget.prototype.dispatchEvent;
    const ReportEvent = CustomEvent;
    const modeOf = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'mode')?.get;
    const wrapped = {
      attachShadow(this: Element, ...args: [ShadowRootInit]): ShadowRoot {
        const root = apply(original, this, args);
        try {
          if (modeOf && apply(modeOf, root, []) === 'open') apply(dispatch, this, [new ReportEvent(SHADOW_ROOT_EVENT, { composed: true })]);
        } catch {
          // Reporting must never break the page's own call.
        }
        return root;
      },
    }.attachShadow;
    // Looks like the original to scripts that inspect it (name, length, toString).
    Object.defineProperty(wrapped, 'length', { value: original.length, configurable: true });
    Object.defineProperty(wrapped, 'toString', { value: () => original.toString(), configurable: true, writable: true });
    Object.defineProperty(Element.prototype, 'attachShadow', {
      ...Object.getOwnPropertyDescriptor(Element.prototype, 'attachShadow'),
      value: wrapped,
    });
  },
});
