/**
 * reader.html?tabId=<id>: the article of tab <id> alone, highlighted by the same engine, with the
 * same card. Also the fallback where in-page highlighting cannot work (canvas-drawn editors,
 * hostile pages): the article text is read from a copy of the page.
 */
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { highlightExtensionPage, isExtensionUi, pageMatcher } from '@/components/extension-page-highlights';
import { ReaderView } from '@/components/ReaderView';
import { UiLanguage } from '@/components/UiLanguage';
import { usePageScript } from '@/components/use-page-script';
import type { Article } from '@/utils/core/article-model';
import { essayPath, glossaryPath } from '@/utils/core/links';
import { logOnce } from '@/utils/core/log';
import { requestConversion } from '@/utils/extension/conversion-client';
import { sendToTab } from '@/utils/extension/protocol';
import { followUiLanguage } from '@/utils/extension/settings';
import { saveFile } from '@/utils/page/download';
import { PageConverter } from '@/utils/page/page-converter';
import { glossaryEntries } from '@/utils/extension/generated/glossary';
import '@/generated/highlights.css';
import '@/components/theme.css';
import '@/components/controls.css';
import './style.css';

const entries = glossaryEntries;
const language = followUiLanguage();
const highlighter = highlightExtensionPage({
  document,
  entries,
  openEssay: (o) => void browser.tabs.create({ url: browser.runtime.getURL(essayPath(o)) }),
  openGlossary: (id) => void browser.tabs.create({ url: browser.runtime.getURL(glossaryPath({ id })) }),
  language: language.current,
});
const converter = new PageConverter(document, requestConversion, {
  isOwnUi: isExtensionUi,
  watcher: { pause: () => highlighter?.pause(), resume: () => highlighter?.resume() },
});

const save = (name: string, type: string, content: string) => saveFile(document, name, type, content);

type Loaded = { article: Article | null; url: string | null; problem?: string };

function Reader() {
  const [state, setState] = useState<Loaded | undefined>();
  const conversion = usePageScript(converter, 'reader view');
  const tabId = useMemo(() => Number(new URLSearchParams(location.search).get('tabId')), []);
  useEffect(() => {
    if (!Number.isInteger(tabId) || tabId <= 0) {
      setState({ article: null, url: null });
      return;
    }
    sendToTab(tabId, { type: 'get-article' }, { frameId: 0 }).then(
      (reply) => setState(reply),
      (error: unknown) => {
        // The tab was closed or cannot be read (a browser page): the view says there is no article.
        logOnce('reader view', 'the tab did not give its article', error);
        setState({ article: null, url: null });
      },
    );
  }, [tabId]);
  useEffect(() => {
    if (state) void highlighter?.start();
  }, [state]);
  if (!state) return null;
  return (
    <ReaderView
      article={state.article}
      url={state.url}
      matcher={pageMatcher()}
      entries={entries}
      script={conversion.script}
      busy={conversion.busy}
      onScript={(choice) => void conversion.choose(choice)}
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
