import { render } from 'preact';
import { EssayReader } from '@/components/EssayReader';
import corpus from '@/generated/corpus.json';
import phrases from '@/generated/phrases.json';
import type { Corpus } from '@/utils/corpus-model';
import type { CompiledPhrases } from '@/utils/compiled-data';
import { createPhraseMatcher } from '@/utils/phrase-matcher';
import { PageHighlighter } from '@/utils/page-highlighter';
import { createCssHighlightPainter, supportsCustomHighlights } from '@/utils/highlight-painter';
import '@/entrypoints/content/style.css';
import './style.css';

render(<EssayReader corpus={corpus as Corpus} />, document.getElementById('app')!);

// The essays are highlighted by the same engine as any web page.
if (supportsCustomHighlights()) {
  const matcher = createPhraseMatcher(phrases as CompiledPhrases);
  void new PageHighlighter(document, {
    matcher: () => matcher,
    painter: createCssHighlightPainter(),
    isOwnUi: (e) => e.hasAttribute('data-tifa-ui'),
  }).start();
}
