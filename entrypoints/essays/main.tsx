import { render } from 'preact';
import { browser } from 'wxt/browser';
import { EssayReader } from '@/components/EssayReader';
import { highlightExtensionPage } from '@/components/extension-page-highlights';
import { UiLanguage } from '@/components/UiLanguage';
import { essayAnchor, glossaryPath, parseEssayAnchor } from '@/utils/core/links';
import { followUiLanguage } from '@/utils/extension/settings';
import { flashRange } from '@/utils/page/flash';
import { compiledCorpus } from '@/utils/extension/generated/corpus';
import { glossaryEntries } from '@/utils/extension/generated/glossary';
import '@/generated/highlights.css';
import '@/components/theme.css';
import '@/components/controls.css';
import './style.css';

const entries = glossaryEntries;
const language = followUiLanguage();

// The essays are highlighted by the same engine as any web page, and explained by the same card.
const highlighter = highlightExtensionPage({
  document,
  entries,
  openEssay: (o) => (location.hash = essayAnchor(o.essay, o.paragraph, o.start)),
  openGlossary: (id) => void browser.tabs.create({ url: browser.runtime.getURL(glossaryPath({ id })) }),
  language: language.current,
});

/** A deep link to an occurrence flashes the phrase itself once it is highlighted. */
async function flashTarget(): Promise<void> {
  const target = parseEssayAnchor(location.hash);
  if (!highlighter || !target || target.offset === undefined) return;
  await highlighter.idle();
  const paragraph = document.getElementById(essayAnchor(target.essay, target.paragraph));
  if (!paragraph) return;
  // The offset counts the paragraph's reading, without the extension's own marks (its number).
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => (n.parentElement?.closest('[data-tifa-ui]') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  let at = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (target.offset < at + node.length) {
      const match = highlighter.matchAt(node, target.offset - at);
      if (match) flashRange(match.range);
      return;
    }
    at += node.length;
  }
}

render(
  <UiLanguage>
    <EssayReader
      corpus={compiledCorpus}
      // The reader has rendered its paragraphs: highlight them, then flash a deep link's phrase.
      onRendered={() => {
        if (!highlighter) return;
        void highlighter.start().then(flashTarget);
      }}
    />
  </UiLanguage>,
  document.getElementById('app')!,
);
addEventListener('hashchange', () => void flashTarget());
