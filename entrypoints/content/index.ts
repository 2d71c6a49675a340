import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import './style.css';
import phrases from '@/generated/phrases.json';
import type { CompiledPhrases } from '@/utils/core/compiled-data';
import { createPhraseMatcher } from '@/utils/core/phrase-matcher';
import { PageHighlighter, type PageMatch } from '@/utils/page/page-highlighter';
import { createCssHighlightPainter, createOverlayPainter, supportsCustomHighlights } from '@/utils/page/highlight-painter';
import { caretFromPoint, pointInRects, rectsOf } from '@/utils/page/hit-test';
import { isCardEntry, receiveMessage, type CardEntry, type PageSummary } from '@/utils/extension/messages';
import { followUiLanguage } from '@/utils/extension/settings';
import { choiceFor, DEFAULT_HIGHLIGHT_SETTINGS, highlightCss, isEnabledFor, readConversionSettings, readHighlightSettings, watchHighlightSettings, type HighlightSettings } from '@/utils/extension/settings';
import { PageConverter } from '@/utils/page/page-converter';
import type { ScriptChoice, Target } from '@/utils/core/convert';
import { createFoldTable } from '@/utils/core/fold';
import type { PageReport } from '@/utils/extension/messages';
import { convertPieces, requestConversion } from '@/utils/extension/conversion-client';
import type { Article } from '@/utils/page/article';
import { readScopeSettings, scopeFor, watchScopeSettings } from '@/utils/extension/settings';
import { hasChinese } from '@/utils/core/fold';
import { isInsideSkipped } from '@/utils/page/page-text';
import { CardView, CARD_TAG } from './card';

/** Hovering this long over a phrase opens its card; leaving it this long closes it. */
const SHOW_DELAY_MS = 120;
const HIDE_DELAY_MS = 350;

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // Highlights should be there by the time people read: see the wait for DOMContentLoaded below.
  runAt: 'document_start',
  async main(ctx) {
    let matcher: ReturnType<typeof createPhraseMatcher> | undefined;
    const getMatcher = () => (matcher ??= createPhraseMatcher(phrases as CompiledPhrases));
    const isOwnUi = (element: Element) => element.localName === CARD_TAG || element.hasAttribute('data-tifa-ui');
    let highlighter: PageHighlighter | undefined;
    let current: PageMatch | undefined;
    const entryCache = new Map<string, Promise<CardEntry | null>>();

    const language = followUiLanguage(browser.i18n.getUILanguage());
    ctx.onInvalidated(language.stop);
    const card = new CardView(
      ctx,
      {
        openEssay: (o) => void browser.runtime.sendMessage({ type: 'open-essay', essay: o.essay, paragraph: o.paragraph, offset: o.start }),
        closed: () => {},
      },
      language.current,
    );

    function painter() {
      if (supportsCustomHighlights() && settings.renderer !== 'overlay') return createCssHighlightPainter();
      const layer = document.createElement('div');
      layer.setAttribute('data-tifa-ui', 'overlay');
      layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;';
      document.documentElement.append(layer);
      overlayLayer?.remove();
      overlayLayer = layer;
      return createOverlayPainter(document, layer);
    }

    // The article (Readability, run in the extension on a copy of this page), found on demand and
    // kept; never on a page without Chinese.
    let articlePromise: Promise<{ article: Article; elements: Set<Element> } | null> | undefined;
    function findArticle() {
      articlePromise ??= (async () => {
        if (!document.body || !hasChinese(document.body.textContent ?? '')) return null;
        const html = document.documentElement.outerHTML;
        const reply = (await browser.runtime.sendMessage({ type: 'find-article', html }).catch(() => undefined)) as { article?: Article | null } | undefined;
        const article = reply?.article;
        if (!article) return null;
        const all = document.body.getElementsByTagName('*');
        const elements = new Set<Element>(article.elements.map((i) => all[i]).filter((e): e is Element => e !== undefined));
        return elements.size > 0 ? { article, elements } : null;
      })();
      return articlePromise;
    }
    const inElements = (elements: Set<Element>) => (node: Node) => {
      for (let n: Node | null = node; n && n !== document.body; n = n.parentNode) if (elements.has(n as Element)) return true;
      return false;
    };

    let scopes = await readScopeSettings();
    let scopeElements: Set<Element> | undefined;

    function start() {
      if (highlighter) return;
      const started = performance.now();
      // Article scope: only the article's blocks are highlighted (the whole page when there is none).
      const inScope = scopeElements ? inElements(scopeElements) : undefined;
      highlighter = new PageHighlighter(document, { matcher: getMatcher, painter: painter(), isOwnUi, inScope });
      const mine = highlighter;
      // Testing and benchmark hook: a user-timing mark when the first pass is done.
      void mine.start().then(() => {
        if (highlighter === mine && mine.count > 0) {
          performance.measure('tifa-first-pass', { start: started, detail: { count: mine.count } });
        }
      });
    }
    let overlayLayer: HTMLElement | undefined;
    function stop() {
      overlayLayer?.remove();
      overlayLayer = undefined;
      card.hide();
      highlighter?.stop();
      highlighter = undefined;
      current = undefined;
    }

    let settings = await readHighlightSettings();
    const conversion = await readConversionSettings();
    async function applyScope() {
      const wanted = scopeFor(scopes, location.hostname);
      const found = wanted === 'article' ? await findArticle() : null;
      const next = found?.elements;
      if (next === scopeElements) return;
      scopeElements = next;
      if (highlighter) {
        stop();
        if (isEnabledFor(settings, location.hostname)) start();
      }
    }

    // The user's colours, style and hidden categories: a constructed stylesheet, which a page's
    // Content-Security-Policy does not block (a <style> element could be). Pages keep the defaults
    // of content.css, and no sheet, until the user changes something.
    let userSheet: CSSStyleSheet | undefined;
    function applyDisplay(next: HighlightSettings) {
      const css = highlightCss(next);
      const isDefault = css === highlightCss(DEFAULT_HIGHLIGHT_SETTINGS);
      if (isDefault && !userSheet) return;
      try {
        if (!userSheet) {
          userSheet = new CSSStyleSheet();
          document.adoptedStyleSheets = [...document.adoptedStyleSheets, userSheet];
        }
        userSheet.replaceSync(css);
      } catch {
        // A browser without constructed stylesheets keeps the default colours.
      }
    }
    applyDisplay(settings);
    // Loaded at document_start so that the script, the matcher and the settings are ready when the
    // DOM is: the first pass then starts right at DOMContentLoaded.
    if (document.readyState === 'loading') {
      await new Promise<void>((resolve) => ctx.addEventListener(document, 'DOMContentLoaded', () => resolve(), { once: true }));
    }

    // Script conversion: the converter (opencc-js) lives in the extension, never in the page; this
    // frame only reads and writes text. Nothing is loaded until a conversion is requested.
    // Testing and benchmark hook: a user-timing mark when what the reader sees is converted.
    const converter = new PageConverter(document, requestConversion, {
      isOwnUi,
      // The highlighter waits while the whole page is rewritten, then re-reads what changed once.
      watcher: { pause: () => highlighter?.pause(), resume: () => highlighter?.resume() },
      // Testing and benchmark hook: a user-timing mark when what the reader sees is painted. The
      // converter writes at the start of a frame, so the next frame's start follows its paint.
      onVisible: () => requestAnimationFrame(() => performance.mark('tifa-visible-converted')),
    });
    ctx.onInvalidated(() => converter.stop());

    /** Which way the keyboard command converts when no choice is remembered: to the other script. */
    function toggleTarget(): Target {
      const remembered = choiceFor(conversion, location.hostname);
      if (remembered !== 'original') return remembered;
      // Which script dominates: characters that fold to another are Traditional (or variant) forms;
      // characters others fold to, and that fold to themselves, are Simplified forms.
      const pairs = (phrases as CompiledPhrases).foldPairs;
      const fold = createFoldTable(pairs);
      const simplifiedForms = new Set<number>();
      for (let i = 1; i < pairs.length; i += 2) simplifiedForms.add(pairs.charCodeAt(i));
      const sample = (document.body?.textContent ?? '').slice(0, 4000);
      let traditional = 0;
      let simplified = 0;
      for (let i = 0; i < sample.length; i++) {
        const c = sample.charCodeAt(i);
        if (c < 0x3400 || c > 0x9fff) continue;
        if (fold[c] !== c) traditional++;
        else if (simplifiedForms.has(c)) simplified++;
      }
      return traditional > simplified ? 'cn' : 'tw';
    }

    async function convertSelection(target: Target): Promise<boolean> {
      const selection = getSelection();
      if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false;
      const range = selection.getRangeAt(0);
      // The selected part of each text node, in order; editable regions are never touched.
      const parts: { node: Text; start: number; end: number }[] = [];
      const root = range.commonAncestorContainer;
      const walker = document.createTreeWalker(root.nodeType === 3 ? root.parentNode! : root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!range.intersectsNode(node)) continue;
        const text = node as Text;
        if (isInsideSkipped(text, { skip: isOwnUi })) continue;
        const start = node === range.startContainer ? range.startOffset : 0;
        const end = node === range.endContainer ? range.endOffset : text.length;
        if (end > start) parts.push({ node: text, start, end });
      }
      if (parts.length === 0) return false;
      const converted = await convertPieces(target, parts.map((p) => p.node.data.slice(p.start, p.end)));
      parts.forEach((p, i) => {
        const value = converted[i];
        if (value === undefined || value === p.node.data.slice(p.start, p.end)) return;
        p.node.data = p.node.data.slice(0, p.start) + value + p.node.data.slice(p.end);
      });
      return true;
    }
    if (scopeFor(scopes, location.hostname) === 'article') await applyScope();
    if (isEnabledFor(settings, location.hostname)) start();
    const unwatchScope = watchScopeSettings((next) => {
      scopes = next;
      void applyScope();
    });
    ctx.onInvalidated(unwatchScope);
    // A site remembered in another script (or the default) is converted as it loads.
    const siteChoice = choiceFor(conversion, location.hostname);
    if (siteChoice !== 'original' && hasChinese(document.body?.textContent ?? '')) {
      void converter.apply(siteChoice).catch(() => {});
    }
    // The site switch takes effect at once: highlights appear or vanish without a reload.
    const unwatch = watchHighlightSettings((next) => {
      const rendererChanged = next.renderer !== settings.renderer;
      settings = next;
      applyDisplay(next);
      if (rendererChanged) stop();
      if (isEnabledFor(settings, location.hostname)) start();
      else stop();
    });
    ctx.onInvalidated(() => {
      unwatch();
      stop();
      card.remove();
    });

    function entryOf(id: string): Promise<CardEntry | null> {
      let cached = entryCache.get(id);
      if (!cached) {
        cached = browser.runtime
          .sendMessage({ type: 'get-entry', id })
          .then((reply: unknown) => (isCardEntry(reply) ? reply : null))
          .catch(() => null);
        entryCache.set(id, cached);
      }
      return cached;
    }

    function pageCountOf(id: string): number {
      let n = 0;
      for (const m of highlighter?.matches() ?? []) if (m.id === id) n++;
      return n;
    }

    async function openCard(match: PageMatch, options: { focus: boolean; rect?: DOMRect }) {
      const entry = await entryOf(match.id);
      const rects = rectsOf(document, match.range);
      if (!entry || rects.length === 0) return;
      const rect = options.rect ?? rects[0];
      current = match;
      await card.show({
        entry,
        pageCount: pageCountOf(match.id),
        anchor: { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom },
        focus: options.focus,
      });
    }

    // Hover: hit-test the caret under the pointer, once per frame at most.
    let pointer = { x: 0, y: 0 };
    let frame = 0;
    let showTimer: number | undefined;
    let hideTimer: number | undefined;
    let pending: PageMatch | undefined;
    const overCard = (event: Event) => card.host !== undefined && event.composedPath().includes(card.host);

    function checkPointer() {
      frame = 0;
      if (!highlighter || highlighter.count === 0) return;
      const caret = caretFromPoint(document, pointer.x, pointer.y, highlighter.shadowRoots());
      const found = caret && highlighter.matchAt(caret.node, caret.offset);
      const match = found && settings.categories[getMatcher().categories[found.entry]].visible ? found : undefined;
      const rect = match && rectsOf(document, match.range).find((r) => pointInRects([r], pointer.x, pointer.y));
      if (match && rect) {
        clearTimeout(hideTimer);
        hideTimer = undefined;
        if (card.shownId === match.id && current === match) return;
        if (pending === match) return;
        pending = match;
        clearTimeout(showTimer);
        showTimer = ctx.setTimeout(() => {
          pending = undefined;
          void openCard(match, { focus: false, rect });
        }, SHOW_DELAY_MS);
      } else {
        pending = undefined;
        clearTimeout(showTimer);
        if (card.shownId !== undefined && hideTimer === undefined) {
          hideTimer = ctx.setTimeout(() => {
            hideTimer = undefined;
            card.hide();
          }, HIDE_DELAY_MS);
        }
      }
    }

    ctx.addEventListener(document, 'mousemove', (event: MouseEvent) => {
      if (overCard(event)) {
        clearTimeout(hideTimer);
        hideTimer = undefined;
        return;
      }
      pointer = { x: event.clientX, y: event.clientY };
      frame ||= requestAnimationFrame(checkPointer);
    }, { passive: true });

    ctx.addEventListener(document, 'keydown', (event: KeyboardEvent) => {
      if (event.key === 'Escape' && card.shownId !== undefined) card.hide();
    });

    function navigate(direction: 'next' | 'previous'): boolean {
      const list = highlighter?.matches() ?? [];
      if (list.length === 0) return false;
      const index = current ? list.indexOf(current) : -1;
      const next =
        direction === 'next'
          ? list[(index + 1) % list.length]
          : list[(index <= 0 ? list.length : index) - 1];
      const element = next.range.startContainer.parentElement;
      element?.scrollIntoView({ block: 'center', inline: 'nearest' });
      void openCard(next, { focus: true });
      return true;
    }

    /** Scrolls to the next occurrence of `id` after the last one shown, and flashes it. */
    const lastShown = new Map<string, PageMatch>();
    function scrollToPhrase(id: string): boolean {
      const list = (highlighter?.matches() ?? []).filter((m) => m.id === id);
      if (list.length === 0) return false;
      const previous = lastShown.get(id);
      const next = list[(previous ? list.indexOf(previous) + 1 : 0) % list.length];
      lastShown.set(id, next);
      next.range.startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
      if (supportsCustomHighlights()) {
        const flash = new Highlight(next.range);
        flash.priority = 10;
        CSS.highlights.set('tifa-flash', flash);
        ctx.setTimeout(() => {
          if (CSS.highlights.get('tifa-flash') === flash) CSS.highlights.delete('tifa-flash');
        }, 1600);
      }
      return true;
    }

    /** The page report: the article's metadata and the phrases in it (the whole page without one). */
    async function report(): Promise<PageReport> {
      await highlighter?.idle();
      const found = await findArticle();
      const all = highlighter?.matches() ?? [];
      const list = found ? all.filter((m) => inElements(found.elements)(m.range.startContainer)) : all;
      const counts = new Map<string, { count: number; first: number }>();
      const byCategory: PageReport['byCategory'] = {};
      for (const m of list) {
        const seen = counts.get(m.id);
        if (seen) seen.count++;
        else counts.set(m.id, { count: 1, first: counts.size });
        const category = getMatcher().categories[m.entry];
        byCategory[category] = (byCategory[category] ?? 0) + 1;
      }
      const length = found ? found.article.length : (document.body?.innerText ?? '').replace(/\s+/g, '').length;
      return {
        url: location.href,
        hasChinese: hasChinese(document.body?.textContent ?? ''),
        source: found ? 'article' : 'page',
        title: found?.article.title || document.title,
        byline: found?.article.byline ?? null,
        siteName: found?.article.siteName ?? null,
        publishedTime: found?.article.publishedTime ?? null,
        length,
        distinct: counts.size,
        occurrences: list.length,
        density: length > 0 ? Math.round((list.length / length) * 10000) / 10 : 0,
        byCategory,
        phrases: [...counts].map(([id, c]) => ({ id, ...c })),
      };
    }

    function summary(): PageSummary {
      const counts = new Map<string, { count: number; first: number }>();
      const list = highlighter?.matches() ?? [];
      list.forEach((m) => {
        const seen = counts.get(m.id);
        if (seen) seen.count++;
        else counts.set(m.id, { count: 1, first: counts.size });
      });
      return {
        url: location.href,
        hasChinese: hasChinese(document.body?.textContent ?? ''),
        enabled: isEnabledFor(settings, location.hostname),
        total: list.length,
        phrases: [...counts].map(([id, c]) => ({ id, ...c })),
      };
    }

    browser.runtime.onMessage.addListener((raw, _sender, sendResponse) => {
      const message = receiveMessage(raw);
      if (!message) return;
      switch (message.type) {
        case 'page-summary':
          // One reply per tab: the top frame answers, after its first pass is done.
          if (window !== window.top) return;
          void (highlighter?.idle() ?? Promise.resolve()).then(() => sendResponse(summary()));
          return true;
        case 'navigate':
          // Every frame hears the command; a frame without highlights stays silent.
          if (navigate(message.direction)) sendResponse({ ok: true });
          return;
        case 'set-script': {
          // Every frame converts itself; the top frame answers for the tab.
          const started = performance.now();
          const done = converter.apply(message.choice);
          // Testing and benchmark hook: a user-timing measure per conversion or restore.
          // "-painted": until the frame of the last write is laid out and painted (the last write
          // is made at the start of a frame, so the next frame's start follows its paint).
          void done.then(() => {
            const name = message.choice === 'original' ? 'tifa-restore' : 'tifa-convert';
            performance.measure(name, { start: started, detail: { choice: message.choice } });
            requestAnimationFrame(() => performance.measure(`${name}-painted`, { start: started }));
          });
          if (window !== window.top) return;
          void done.then(
            () => sendResponse({ ok: true, choice: converter.choice }),
            () => sendResponse({ ok: false, choice: converter.choice }),
          );
          return true;
        }
        case 'scroll-to': {
          const shown = scrollToPhrase(message.id);
          if (shown) sendResponse({ ok: true });
          return;
        }
        case 'page-report':
          if (window !== window.top) return;
          void report().then(sendResponse);
          return true;
        case 'get-article':
          if (window !== window.top) return;
          void findArticle().then((found) => sendResponse({ article: found?.article ?? null, url: location.href }));
          return true;
        case 'get-script':
          if (window !== window.top) return;
          sendResponse({ choice: converter.choice });
          return;
        case 'toggle-script': {
          const next: ScriptChoice = converter.choice === 'original' ? toggleTarget() : 'original';
          void converter.apply(next);
          if (window === window.top) sendResponse({ ok: true });
          return;
        }
        case 'convert-selection':
          void convertSelection(message.target).then((ok) => sendResponse({ ok }), () => sendResponse({ ok: false }));
          return true;
        default:
          return;
      }
    });
  },
});
