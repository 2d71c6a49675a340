/**
 * reader.html?tabId=<id>: the article of tab <id> alone, highlighted by the same engine, with the
 * same card. Also the fallback where in-page highlighting cannot work (canvas-drawn editors,
 * hostile pages): the article text is read from a copy of the page.
 */
import { browser } from 'wxt/browser';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import glossary from '@/generated/glossary.json';
import phrases from '@/generated/phrases.json';
import type { CompiledGlossary, CompiledPhrases } from '@/utils/core/compiled-data';
import type { Article } from '@/utils/page/article';
import { createPhraseMatcher } from '@/utils/core/phrase-matcher';
import { PageHighlighter } from '@/utils/page/page-highlighter';
import { createCssHighlightPainter, supportsCustomHighlights } from '@/utils/page/highlight-painter';
import { PageConverter } from '@/utils/page/page-converter';
import { essayAnchor } from '@/utils/extension/messages';
import { requestConversion } from '@/utils/extension/conversion-client';
import { followUiLanguage } from '@/utils/extension/settings';
import type { ScriptChoice, Target } from '@/utils/core/convert';
import { ReaderView } from '@/components/ReaderView';
import { UiLanguage } from '@/components/UiLanguage';
import { attachPhraseCard } from '@/components/attach-phrase-card';
import '@/entrypoints/content/style.css';
import './style.css';

const entries = new Map((glossary as CompiledGlossary).entries.map((e) => [e.id, e]));
const matcher = createPhraseMatcher(phrases as CompiledPhrases);
const isOwnUi = (e: Element) => e.hasAttribute('data-tifa-ui');

let highlighter: PageHighlighter | undefined;
const converter = new PageConverter(document, requestConversion, {
  isOwnUi,
  watcher: { pause: () => highlighter?.pause(), resume: () => highlighter?.resume() },
});

if (supportsCustomHighlights()) {
  highlighter = new PageHighlighter(document, { matcher: () => matcher, painter: createCssHighlightPainter(), isOwnUi });
  const language = followUiLanguage(browser.i18n.getUILanguage());
  attachPhraseCard({
    document,
    highlighter,
    entries,
    openEssay: (o) => void browser.tabs.create({ url: browser.runtime.getURL(`/essays.html#${essayAnchor(o.essay, o.paragraph, o.start)}`) }),
    language: language.current,
  });
}

function save(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Reader() {
  const [state, setState] = useState<{ article: Article | null; url: string | null } | undefined>();
  const [script, setScript] = useState<ScriptChoice>('original');
  const [busy, setBusy] = useState(false);
  const tabId = useMemo(() => Number(new URLSearchParams(location.search).get('tabId')), []);
  useEffect(() => {
    void (async () => {
      const reply = Number.isInteger(tabId) && tabId > 0
        ? ((await browser.tabs.sendMessage(tabId, { type: 'get-article' }).catch(() => undefined)) as { article?: Article | null; url?: string } | undefined)
        : undefined;
      setState({ article: reply?.article ?? null, url: reply?.url ?? null });
    })();
  }, [tabId]);
  useEffect(() => {
    if (state) void highlighter?.start();
  }, [state]);
  if (!state) return null;
  return (
    <ReaderView
      article={state.article}
      url={state.url}
      matcher={matcher}
      entries={entries}
      script={script}
      busy={busy}
      onScript={async (choice) => {
        setBusy(true);
        await converter.apply(choice).catch(() => {});
        setScript(converter.choice);
        setBusy(false);
      }}
      save={save}
    />
  );
}

render(
  <UiLanguage>
    <Reader />
  </UiLanguage>,
  document.getElementById('app')!,
);
