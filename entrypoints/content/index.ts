import './style.css';
import phrases from '@/generated/phrases.json';
import type { CompiledPhrases } from '@/utils/compiled-data';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    const matcher = createPhraseMatcher(phrases as CompiledPhrases);
    const highlighter = createHighlighter(document, matcher);
    void highlighter.refresh();

    // Content that arrives later: re-scan after the page settles (batched).
    let timer: number | undefined;
    const observer = new MutationObserver(() => {
      if (timer !== undefined) return;
      timer = ctx.setTimeout(() => {
        timer = undefined;
        void highlighter.refresh();
      }, 150);
    });
    observer.observe(document.documentElement, { childList: true, characterData: true, subtree: true });
    ctx.onInvalidated(() => {
      observer.disconnect();
      highlighter.clear();
    });

    browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
      const message = parseMessage(raw);
      if (!message) return;
      if (message.type === 'page-summary') {
        // Only the top frame answers, so the popup gets one reply per tab.
        if (window !== window.top) return;
        sendResponse(highlighter.summary());
      }
    });
  },
});
