/**
 * pdf.html?file=<address>: a PDF read like a web page, with the same highlights, card, popup list and
 * exports (pdf-session.ts holds the document; PdfViewer.tsx the interface around it). Without
 * `file`, it waits for a file to be chosen or dropped.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { extensionPageHighlights, isExtensionUi, pageMatcher } from '@/components/extension-page-highlights';
import { UiLanguage } from '@/components/UiLanguage';
import { usePageScript } from '@/components/use-page-script';
import { essayPath, glossaryPath, viewerFileAddress } from '@/utils/core/links';
import { isEnabledFor } from '@/utils/core/settings-schema';
import { withIdeographs } from '@/utils/core/radicals';
import type { PhraseMatcher } from '@/utils/core/phrase-matcher';
import { requestConversion } from '@/utils/extension/conversion-client';
import { followUiLanguage, highlightSettings } from '@/utils/extension/settings';
import { glossaryEntries } from '@/utils/extension/generated/glossary';
import { saveFile } from '@/utils/page/download';
import { PageConverter } from '@/utils/page/page-converter';
import { PdfSession } from './pdf-session';
import { PdfViewer } from './PdfViewer';
import { routePdfMessages, type ViewerParts } from './pdf-messages';
import '@/generated/highlights.css';
import '@/components/theme.css';
import '@/components/controls.css';
import './style.css';

const entries = glossaryEntries;
const language = followUiLanguage();
const pagesHost = document.getElementById('pages')!;

/** The host name of a document's address, for the per-site switches ('' for none). */
function hostnameOf(address: string): string {
  try {
    return new URL(address).hostname;
  } catch {
    return ''; // not an address the viewer can open: it says so itself
  }
}

// The popup's questions are taken from the start and answered once the viewer is made.
let started: (viewer: ViewerParts) => void = () => {};
routePdfMessages(new Promise((resolve) => (started = resolve)));

async function start(): Promise<void> {
  const address = viewerFileAddress(location.search);
  // The reader's level and switches, as on web pages: a PDF shows what the page it was printed from
  // shows, and nothing where highlights are off for its site (or everywhere).
  const settings = await highlightSettings.read();
  const { level } = settings;
  const site = address ? hostnameOf(address) : '';
  const enabled = isEnabledFor(settings, site);
  let matcher: PhraseMatcher | undefined;
  const levelMatcher = () => (matcher ??= pageMatcher().forLevel(level));
  let session: PdfSession | undefined;
  const highlights = !enabled
    ? undefined
    : extensionPageHighlights({
        document,
        entries,
        level,
        matcher: levelMatcher,
        openEssay: (o) => void browser.tabs.create({ url: browser.runtime.getURL(essayPath(o)) }),
        openGlossary: (id) => void browser.tabs.create({ url: browser.runtime.getURL(glossaryPath({ id })) }),
        language: language.current,
        step: (from, by) => session!.step(from, by),
        position: (match) => session!.position(match),
        // What `npm run bench` times: the first highlights on screen, against the first page painted.
        onFirstVisible: () => performance.mark('tifa-visible'),
      });
  session = new PdfSession({ document, container: pagesHost, highlighter: highlights?.highlighter, matcher: levelMatcher, entries, level });
  const pdf = session;
  started({ session: pdf, highlights, enabled });

  // The reader view converts its own text; the pages' text layer stays as the PDF draws it.
  const converter = new PageConverter(document, requestConversion, {
    isOwnUi: (element) => isExtensionUi(element) || element === pagesHost,
    watcher: { pause: () => highlights?.highlighter.pause(), resume: () => highlights?.highlighter.resume() },
  });

  // Copied text reads as it looks: the text layer holds radicals where the PDF wrote them (⼀ for 一),
  // which would paste as look-alikes that search and spell checking do not know.
  document.addEventListener('copy', (event) => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !event.clipboardData || !pagesHost.contains(selection.anchorNode)) return;
    event.clipboardData.setData('text/plain', withIdeographs(selection.toString()));
    event.preventDefault();
  });

  if (address) void pdf.openAddress(address);
  // A new level or switch (the popup's choice) needs the document read again: a document from an
  // address is opened anew; a local file keeps what it had until it is opened again.
  highlightSettings.watch((next) => {
    if (address && (next.level !== level || isEnabledFor(next, site) !== enabled)) location.reload();
  });

  function Viewer() {
    const conversion = usePageScript(converter, 'pdf viewer');
    return (
      <PdfViewer
        session={pdf}
        pagesHost={pagesHost}
        matcher={levelMatcher()}
        entries={entries}
        highlightsOn={enabled}
        allow={async (origin) => {
          // Asked on the reader's click: the browser shows its own prompt.
          const granted = await browser.permissions.request({ origins: [origin] }).catch(() => false);
          if (granted && address) await pdf.openAddress(address);
        }}
        reader={{
          script: conversion.script,
          busy: conversion.busy,
          onScript: (choice) => void conversion.choose(choice),
          onLeave: () => void conversion.choose('original'),
        }}
        save={(name, type, content) => saveFile(document, name, type, content)}
      />
    );
  }

  render(
    <UiLanguage>
      <Viewer />
    </UiLanguage>,
    document.getElementById('app')!,
  );
}

void start();
