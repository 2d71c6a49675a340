/**
 * The first content script, in every frame at document_start: it watches for Chinese and starts
 * the content script (entrypoints/content/) in the frame when the page shows some, or when the
 * reader asks something of the page. A page without Chinese, most of the web, pays for this watch
 * alone: issue 20 measured the content script, run on every page, at +0.73 MB of JavaScript heap in
 * every such tab.
 *
 * The content script is injected right after this one, but as a function that runs only when
 * called (scripts/build/deferred-content-script.ts). This script is an unlisted script declared in
 * the manifest (wxt.config.ts), not a WXT content script: WXT's content-script wrapper alone costs a
 * tab 0.05 MB. It imports only what it needs, and the import-graph check (scripts/check-imports.ts)
 * keeps it that way.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SHADOW_ROOT_EVENT } from '@/utils/core/page-events';
import { createHandoff, startContentScript, wakesContentScript } from '@/utils/extension/content-handoff';
import { CONTENT_SCRIPT_SETTING_KEYS, storedKeys } from '@/utils/extension/stored-keys';
import { watchForChinese } from '@/utils/page/chinese-watch';
import { mark } from '@/utils/page/timing';

export default defineUnlistedScript(() => {
  const isTopFrame = window === window.top;
  let answering = false;
  const handoff = createHandoff(() => {
    answering = true;
    watch.stop();
    document.removeEventListener(SHADOW_ROOT_EVENT, onShadowRoot, true);
  });

  let started = false;
  // README, "Testing hooks": tifa-wake says when and why the content script was started.
  const wake = (reason: 'chinese' | 'message') => {
    if (started) return;
    started = true;
    mark('tifa-wake', { detail: { reason } });
    // The content script is injected right after this script: if this one found Chinese before
    // that (a frame injected late, with its text already there), it starts a task later.
    if (!startContentScript()) setTimeout(startContentScript, 0);
  };

  // Storage, asked for now, while the page is parsed: asked for once it is parsed, the reply waits
  // behind the page's first layout (measured: 100 ms on a small page, see readAtOnce). A page that
  // has shown no Chinese by its load event drops it, and so keeps nothing of it.
  handoff.stored = browser.storage.local.get(storedKeys(CONTENT_SCRIPT_SETTING_KEYS));
  window.addEventListener('load', () => !started && (handoff.stored = null), { once: true });

  const watch = watchForChinese(document, () => {
    handoff.chineseSeen = true;
    wake('chinese');
  });

  // Open shadow roots, reported by the page-world script (entrypoints/shadow-roots.content.ts): a
  // page may show its Chinese only inside one.
  function onShadowRoot(event: Event) {
    const host = event.composedPath()[0];
    const root = host instanceof Element ? host.shadowRoot : null;
    if (root) watch.addRoot(root);
  }
  document.addEventListener(SHADOW_ROOT_EVENT, onShadowRoot, true);

  // A message that reaches the frame before the content script listens: started for it, the
  // content script answers it. (This script cannot read the message protocol,
  // utils/extension/protocol.ts, without bringing its schemas in; the content script checks it.)
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse: (reply: unknown) => void) => {
    if (answering || !wakesContentScript((raw as { type?: unknown } | null)?.type, isTopFrame)) return undefined;
    wake('message');
    const reply = handoff.answering.then((answer) => answer(raw, sender));
    // Firefox may take the reply as the listener's promise; Chrome as sendResponse.
    if (typeof sendResponse !== 'function') return reply as never;
    void reply.then(sendResponse);
    return true;
  });
});
