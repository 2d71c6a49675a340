import { render } from 'preact';
import { GlossaryBrowser } from '@/components/GlossaryBrowser';
import { pageMatcher } from '@/components/extension-page-highlights';
import { UiLanguage } from '@/components/UiLanguage';
import { essayPath } from '@/utils/core/links';
import { flashcardsFileName, flashcardsTsv } from '@/utils/core/flashcards';
import { createLookupIndex } from '@/utils/core/lookup';
import { TERM_BASE_TYPES, termBaseAs, termBaseFileName, termBaseRecords } from '@/utils/core/term-base';
import { ownPhrases } from '@/utils/extension/settings';
import { saveFile } from '@/utils/page/download';
import { compiledGlossary } from '@/utils/extension/generated/glossary';
import '@/components/theme.css';
import '@/components/controls.css';
import './style.css';

const entries = compiledGlossary.entries;
const lookup = createLookupIndex(entries, pageMatcher().key);

render(
  <UiLanguage>
    <GlossaryBrowser
      entries={entries}
      lookup={lookup}
      essayLink={essayPath}
      initialQuery={new URLSearchParams(location.search).get('q') ?? ''}
      onFlashcards={(list) => saveFile(document, flashcardsFileName('glossary'), 'text/tab-separated-values', flashcardsTsv(list))}
      onTermBase={async ({ format, keyOnly, withOwn }) => {
        const records = termBaseRecords(entries, { keyOnly, own: withOwn ? await ownPhrases.read() : [] });
        saveFile(document, termBaseFileName(format), TERM_BASE_TYPES[format], termBaseAs(format, records));
      }}
    />
  </UiLanguage>,
  document.getElementById('app')!,
);
