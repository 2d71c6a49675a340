import { browser } from 'wxt/browser';
import { render } from 'preact';
import { EssayReader } from '@/components/EssayReader';
import { attachPhraseCard } from '@/components/attach-phrase-card';
import { UiLanguage } from '@/components/UiLanguage';
import corpus from '@/generated/corpus.json';
import phrases from '@/generated/phrases.json';
import glossary from '@/generated/glossary.json';
import type { Corpus } from '@/utils/core/corpus-model';
import type { CompiledGlossary, CompiledPhrases } from '@/utils/core/compiled-data';
import { createPhraseMatcher } from '@/utils/core/phrase-matcher';
import { PageHighlighter } from '@/utils/page/page-highlighter';
import { createCssHighlightPainter, supportsCustomHighlights } from '@/utils/page/highlight-painter';
import { essayAnchor, parseEssayAnchor } from '@/utils/extension/messages';
import { followUiLanguage } from '@/utils/extension/settings';
import '@/entrypoints/content/style.css';
import './style.css';

const entries = new Map((glossary as CompiledGlossary).entries.map((e) => [e.id, e]));

render(
  <UiLanguage>
    <EssayReader corpus={corpus as Corpus} />
  </UiLanguage>,
  document.getElementById('app')!,
);

// The essays are highlighted by the same engine as any web page, and explained by the same card.
if (supportsCustomHighlights()) {
  const matcher = createPhraseMatcher(phrases as CompiledPhrases);
  const highlighter = new PageHighlighter(document, {
    matcher: () => matcher,
    painter: createCssHighlightPainter(),
    isOwnUi: (e) => e.hasAttribute('data-tifa-ui'),
  });
  const ready = new Promise<void>((resolve) => requestAnimationFrame(() => void highlighter.start().then(resolve)));

  const language = followUiLanguage(browser.i18n.getUILanguage());
  attachPhraseCard({
    document,
    highlighter,
    entries,
    openEssay: (o) => (location.hash = essayAnchor(o.essay, o.paragraph, o.start)),
    language: language.current,
  });

  // A deep link to an occurrence flashes the phrase itself once it is highlighted.
  const flashTarget = async () => {
    const target = parseEssayAnchor(location.hash);
    if (!target || target.offset === undefined) return;
    await ready;
    // The reader renders once the interface language is known, and is highlighted as it arrives:
    // wait for the paragraph, then for the highlighter to be done with it.
    let paragraph: HTMLElement | null = null;
    for (let tries = 0; tries < 50 && !(paragraph = document.getElementById(essayAnchor(target.essay, target.paragraph))); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!paragraph) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
    await highlighter.idle();
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => (n.parentElement?.closest('[data-tifa-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    let at = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (target.offset < at + node.length) {
        const match = highlighter.matchAt(node, target.offset - at);
        if (match) {
          const flash = new Highlight(match.range);
          flash.priority = 10;
          CSS.highlights.set('tifa-flash', flash);
          setTimeout(() => CSS.highlights.get('tifa-flash') === flash && CSS.highlights.delete('tifa-flash'), 2000);
        }
        return;
      }
      at += node.length;
    }
  };
  void flashTarget();
  addEventListener('hashchange', () => void flashTarget());
}
