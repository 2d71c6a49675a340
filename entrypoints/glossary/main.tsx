import { render } from 'preact';
import glossary from '@/generated/glossary.json';
import phrases from '@/generated/phrases.json';
import type { CompiledGlossary, CompiledPhrases } from '@/utils/core/compiled-data';
import { createLookupIndex } from '@/utils/core/lookup';
import { createPhraseMatcher } from '@/utils/core/phrase-matcher';
import { essayAnchor } from '@/utils/extension/messages';
import { GlossaryBrowser } from '@/components/GlossaryBrowser';
import { UiLanguage } from '@/components/UiLanguage';
import './style.css';

const entries = (glossary as CompiledGlossary).entries;
const lookup = createLookupIndex(entries, createPhraseMatcher(phrases as CompiledPhrases).key);

render(
  <UiLanguage>
    <GlossaryBrowser
      entries={entries}
      lookup={lookup}
      essayLink={(o) => `/essays.html#${essayAnchor(o.essay, o.paragraph, o.start)}`}
      initialQuery={new URLSearchParams(location.search).get('q') ?? ''}
    />
  </UiLanguage>,
  document.getElementById('app')!,
);
