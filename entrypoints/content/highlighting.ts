/**
 * Highlighting in this frame: the highlighter, how it paints, and the settings it follows (the
 * switches, the display, the article scope), all taking effect at once, without a reload.
 */
import type { OwnPhrase } from '@/utils/core/own-phrases';
import { createPhraseMatcher, withOwnPhrases, type PhraseMatcher } from '@/utils/core/phrase-matcher';
import {
  categoryPaint,
  highlightCss,
  isEnabledFor,
  scopeFor,
  type HighlightSettings,
  type ScopeSettings,
} from '@/utils/core/settings-schema';
import { flashCss } from '@/utils/core/highlight-names';
import { compiledPhrases } from '@/utils/extension/generated/phrases';
import { highlightSettings, ownPhrases, scopeSettings } from '@/utils/extension/settings';
import { watchForChinese } from '@/utils/page/chinese-watch';
import { createHighlightStyles, type HighlightRules, type HighlightStyles } from '@/utils/page/highlight-styles';
import {
  createCssHighlightPainter,
  createOverlayPainter,
  supportsCustomHighlights,
  type HighlightPainter,
} from '@/utils/page/highlight-painter';
import { PageHighlighter, type PageMatch } from '@/utils/page/page-highlighter';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { isInside, type ArticleFinder } from './article-finder';
import { mark, measure } from '@/utils/page/timing';

export class HighlightSession {
  private highlighter: PageHighlighter | undefined;
  private glossary: PhraseMatcher | undefined;
  private allPhrases: PhraseMatcher | undefined;
  private matcher: PhraseMatcher | undefined;
  private overlayLayer: HTMLElement | undefined;
  readonly styles: HighlightStyles;
  private scopeElements: Set<Element> | undefined;
  /** Settings changes taken in so far (see PageSummary's generation). */
  private changesTaken = 0;
  /** The scope changes being applied, in order: finding the article is a round trip to the extension. */
  private scopeChanges: Promise<void> = Promise.resolve();
  /** Called whenever the highlights go away (switched off, restarted): the card closes with them. */
  onStop: () => void = () => {};
  /** Called when the page first shows highlights (once per start). */
  onFirstShown: () => void = () => {};

  private constructor(
    private readonly document: Document,
    private readonly articles: ArticleFinder,
    private readonly isOwnUi: (element: Element) => boolean,
    private settings: HighlightSettings,
    private scopes: ScopeSettings,
    private own: OwnPhrase[],
  ) {
    this.styles = createHighlightStyles(displayCss(settings));
  }

  /**
   * A session on the settings read before the DOM is ready (the content script starts at
   * document_start); it starts highlighting once the DOM is (begin), and follows every change of
   * the settings from then on.
   */
  static create(
    ctx: ContentScriptContext,
    options: {
      articles: ArticleFinder;
      isOwnUi: (element: Element) => boolean;
      /** The settings as read at document_start (see readAtOnce). */
      settings: HighlightSettings;
      scopes: ScopeSettings;
      own: OwnPhrase[];
      /** The frame has shown Chinese already (the reason this script was loaded). */
      chineseSeen: boolean;
    },
  ): HighlightSession {
    const { settings, scopes, own } = options;
    const session = new HighlightSession(document, options.articles, options.isOwnUi, settings, scopes, own);
    // The highlight rules go in as soon as the page shows Chinese, while it is still parsed (see
    // utils/page/chinese-watch.ts); pages without Chinese never get them. The matcher is decoded
    // then too, in a task of its own: 3–6 ms on a fresh page that would otherwise fall in the
    // DOMContentLoaded task, whose frame is the longest of the load.
    if (session.enabled) {
      const cssRules = supportsCustomHighlights() && settings.renderer !== 'overlay';
      const chineseShown = () => {
        if (cssRules) session.styles.adoptInto(document);
        ctx.setTimeout(() => session.phraseMatcher(), 0);
      };
      if (options.chineseSeen) chineseShown();
      else ctx.onInvalidated(watchForChinese(document, chineseShown).stop);
    }
    ctx.onInvalidated(highlightSettings.watch((next) => session.onSettings(next)));
    ctx.onInvalidated(scopeSettings.watch((next) => session.onScopes(next)));
    ctx.onInvalidated(ownPhrases.watch((next) => session.onOwnPhrases(next)));
    ctx.onInvalidated(() => session.stop());
    return session;
  }

  /** Starts once the document is parsed (call it then). */
  async begin(): Promise<void> {
    if (scopeFor(this.scopes, location.hostname) === 'article') await this.findScope();
    if (this.enabled) this.start();
  }

  get enabled(): boolean {
    return isEnabledFor(this.settings, location.hostname);
  }

  /**
   * The phrase matcher, decoded on first use (pages without Chinese never decode it), restricted to
   * the tiers of the reader's highlight level, and the reader's own phrases.
   */
  phraseMatcher(): PhraseMatcher {
    this.glossary ??= createPhraseMatcher(compiledPhrases);
    this.allPhrases ??= withOwnPhrases(this.glossary, this.own);
    this.matcher ??= this.allPhrases.forLevel(this.settings.level);
    return this.matcher;
  }

  /** Matches in document order (the whole page, not only what is on screen). */
  matches(): PageMatch[] {
    return this.highlighter?.matches() ?? [];
  }

  countOf(id: string): number {
    let n = 0;
    for (const m of this.matches()) if (m.id === id) n++;
    return n;
  }

  /** The match at a caret position, if its category is shown. */
  matchAt(node: Node, offset: number): PageMatch | undefined {
    const match = this.highlighter?.matchAt(node, offset);
    if (!match) return undefined;
    return this.settings.categories[this.phraseMatcher().categories[match.entry]].visible ? match : undefined;
  }

  shadowRoots(): ShadowRoot[] {
    return this.highlighter?.shadowRoots() ?? [];
  }

  /** Registers a match now, before navigation scrolls to it (only what is near the viewport is). */
  reveal(match: PageMatch): void {
    this.highlighter?.reveal(match);
  }

  /** A shadow root attached by the page after the first pass (see ./shadow-roots.ts). */
  addShadowRoot(root: ShadowRoot): void {
    this.highlighter?.addShadowRoot(root);
  }

  /** Each change of the settings counts as soon as it is heard of; idle() resolves once it is acted on. */
  get generation(): number {
    return this.changesTaken;
  }

  /** Resolves when the work queued so far is done, a change of scope included. */
  idle(): Promise<void> {
    return this.scopeChanges.then(() => this.highlighter?.idle());
  }

  /** While a conversion rewrites the page (see PageConverter's watcher). */
  pause(): void {
    this.highlighter?.pause();
  }

  resume(): void {
    this.highlighter?.resume();
  }

  private start(): void {
    if (this.highlighter) return;
    const started = performance.now();
    const articles = this.scopeElements;
    const inScope = articles ? (node: Node) => isInside(articles, node) : undefined;
    const highlighter = new PageHighlighter(this.document, {
      matcher: () => this.phraseMatcher(),
      level: this.settings.level,
      painter: this.painter(),
      isOwnUi: this.isOwnUi,
      inScope,
      // Testing and benchmark hooks (README, "Testing hooks"): the first pass is measured, and each
      // later batch of changes is marked, whatever was found.
      onSettled: (kind, count, work) => {
        if (this.highlighter !== highlighter) return;
        if (kind === 'first-pass') measure('tifa-first-pass', { start: started, detail: { count, work } });
        else mark('tifa-update', { detail: { count } });
      },
      // ... and the first frame that shows highlights (what is on screen is read first).
      onFirstVisible: () => {
        if (this.highlighter !== highlighter) return;
        measure('tifa-visible', { start: started, detail: { registered: highlighter.registered } });
        this.onFirstShown();
      },
    });
    this.highlighter = highlighter;
    void highlighter.start();
  }

  private stop(): void {
    this.overlayLayer?.remove();
    this.overlayLayer = undefined;
    this.highlighter?.stop();
    this.highlighter = undefined;
    this.onStop();
  }

  private painter(): HighlightPainter {
    if (supportsCustomHighlights() && this.settings.renderer !== 'overlay') return createCssHighlightPainter(this.styles);
    const layer = this.document.createElement('div');
    layer.setAttribute('data-tifa-ui', 'overlay');
    layer.style.cssText = 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;';
    this.document.documentElement.append(layer);
    this.overlayLayer?.remove();
    this.overlayLayer = layer;
    return createOverlayPainter(this.document, layer, (category) => categoryPaint(this.settings, category));
  }

  /** The user's colours, style and hidden categories, in the sheet adopted where highlights are drawn. */
  private applyDisplay(): void {
    this.styles.update(displayCss(this.settings));
  }

  private onSettings(next: HighlightSettings): void {
    // A new painter, or another set of entries: the page is read again from scratch.
    const restart = next.renderer !== this.settings.renderer || next.level !== this.settings.level;
    if (next.level !== this.settings.level) this.matcher = undefined;
    this.settings = next;
    this.applyDisplay();
    if (restart) this.stop();
    if (this.enabled) this.start();
    else this.stop();
    this.changesTaken++;
  }

  private onOwnPhrases(next: OwnPhrase[]): void {
    this.own = next;
    this.allPhrases = undefined;
    this.matcher = undefined;
    this.changesTaken++;
    if (!this.highlighter) return;
    this.stop();
    if (this.enabled) this.start();
  }

  private onScopes(next: ScopeSettings): void {
    this.changesTaken++;
    this.scopeChanges = this.scopeChanges.then(() => this.applyScopes(next));
  }

  private async applyScopes(next: ScopeSettings): Promise<void> {
    this.scopes = next;
    const before = this.scopeElements;
    await this.findScope();
    if (this.scopeElements === before || !this.highlighter) return;
    this.stop();
    if (this.enabled) this.start();
  }

  /** Article scope: only the article's blocks are highlighted (the whole page when there is none). */
  private async findScope(): Promise<void> {
    const wanted = scopeFor(this.scopes, location.hostname);
    this.scopeElements = wanted === 'article' ? (await this.articles.find())?.elements : undefined;
  }
}

/**
 * Where a document's rules hang. In Chromium (134 on) highlight styles inherit down the element
 * tree, shadow trees included, so rules on the root element alone paint every highlight of the
 * page, and the rest of the page's style work stays as it was (see utils/page/highlight-styles.ts).
 * In Firefox (140) rules on the root paint nothing below it: there every element carries them.
 */
const DOCUMENT_ORIGINATING = import.meta.env.FIREFOX ? '' : ':root';

/** The rules for a display: the categories' colours (or the user's) and the flash. */
function displayCss(settings: HighlightSettings): HighlightRules {
  const rules = (originating: string) => `${highlightCss(settings, originating)}\n${flashCss(originating)}`;
  return { document: rules(DOCUMENT_ORIGINATING), shadowRoot: rules('') };
}
