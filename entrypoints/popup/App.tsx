import { browser } from 'wxt/browser';
import { useEffect, useMemo, useState } from 'preact/hooks';
import glossary from '@/generated/glossary.json';
import phrases from '@/generated/phrases.json';
import type { CompiledEntry, CompiledGlossary, CompiledPhrases } from '@/utils/core/compiled-data';
import { essayAnchor, isPageSummary, type PageSummary } from '@/utils/extension/messages';
import { convertPieces } from '@/utils/extension/conversion-client';
import {
  readConversionSettings,
  readHighlightSettings,
  rememberSiteChoice,
  setDefaultChoice,
  setGloballyEnabled,
  setSiteEnabled,
  watchHighlightSettings,
  type ConversionSettings,
  type HighlightSettings,
} from '@/utils/extension/settings';
import type { ScriptChoice, Target } from '@/utils/core/convert';
import { createLookupIndex } from '@/utils/core/lookup';
import { createPhraseMatcher } from '@/utils/core/phrase-matcher';
import type { Occurrence } from '@/utils/core/corpus-index';
import { ScriptControls } from '@/components/ScriptControls';
import { PasteConverter } from '@/components/PasteConverter';
import { OnThisPage } from '@/components/OnThisPage';
import { LookupPanel } from '@/components/LookupPanel';
import { useT } from '@/components/Language';
import { PageReport } from '@/components/PageReport';
import { readScopeSettings, scopeFor, setSiteScope, type Scope, type ScopeSettings } from '@/utils/extension/settings';
import type { PageReport as Report } from '@/utils/extension/messages';

const compiled = glossary as CompiledGlossary;
const entries = new Map<string, CompiledEntry>(compiled.entries.map((entry) => [entry.id, entry]));
const essayLink = (o: Occurrence) => browser.runtime.getURL(`/essays.html#${essayAnchor(o.essay, o.paragraph, o.start)}`);

type State = { kind: 'loading' } | { kind: 'unreadable' } | { kind: 'ready'; summary: PageSummary };

/** `popup.html?tabId=N` acts on tab N as if it were the active one (a testing hook). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const lookup = useMemo(() => createLookupIndex(compiled.entries, createPhraseMatcher(phrases as CompiledPhrases).key), []);

  const refresh = async () => {
    const tabId = await targetTabId();
    if (tabId === undefined) return setState({ kind: 'unreadable' });
    try {
      const reply = await browser.tabs.sendMessage(tabId, { type: 'page-summary' });
      setState(isPageSummary(reply) ? { kind: 'ready', summary: reply } : { kind: 'unreadable' });
    } catch {
      // No content script answers on browser pages, the web store or PDFs.
      setState({ kind: 'unreadable' });
    }
  };
  useEffect(() => {
    void refresh();
    // Switching highlights on or off changes what the page reports.
    return watchHighlightSettings(() => void setTimeout(refresh, 400));
  }, []);

  const hostname = state.kind === 'ready' ? hostnameOf(state.summary.url) : undefined;
  const show = async (id: string) => {
    const tabId = await targetTabId();
    if (tabId !== undefined) await browser.tabs.sendMessage(tabId, { type: 'scroll-to', id }).catch(() => {});
  };
  return (
    <main>
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        <nav>
          <a href={browser.runtime.getURL('/glossary.html')} target="_blank">
            {t('glossaryLink')}
          </a>{' '}
          ·{' '}
          <a href={browser.runtime.getURL('/essays.html')} target="_blank">
            {t('essaysLink')}
          </a>{' '}
          ·{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank">
            {t('optionsLink')}
          </a>
        </nav>
      </header>
      <HighlightSwitches hostname={hostname} />
      <PageScript hostname={hostname} readable={state.kind === 'ready'} />
      {state.kind === 'loading' && <p>{t('readingPage')}</p>}
      {state.kind === 'unreadable' && <p>{t('cannotRead')}</p>}
      {state.kind === 'ready' && state.summary.hasChinese && hostname && <ScopeAndReport hostname={hostname} />}
      {state.kind === 'ready' &&
        (!state.summary.hasChinese ? (
          <p>{t('noChinese')}</p>
        ) : !state.summary.enabled ? (
          <p>{t('highlightsOff')}</p>
        ) : state.summary.phrases.length === 0 ? (
          <p>{t('noPhrases')}</p>
        ) : (
          <OnThisPage phrases={state.summary.phrases} total={state.summary.total} entries={entries} onShow={(id) => void show(id)} essayLink={essayLink} />
        ))}
      <LookupPanel lookup={lookup} initialQuery={new URLSearchParams(location.search).get('q') ?? ''} essayLink={essayLink} />
      <PasteConverter convert={convertText} />
    </main>
  );
}

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

/** The highlight switches: for this site and everywhere. Both take effect in the page at once. */
function HighlightSwitches({ hostname }: { hostname: string | undefined }) {
  const t = useT();
  const [settings, setSettings] = useState<HighlightSettings | undefined>();
  useEffect(() => {
    void readHighlightSettings().then(setSettings);
    return watchHighlightSettings(setSettings);
  }, []);
  if (!settings) return null;
  return (
    <fieldset class="switches">
      <legend>{t('highlights')}</legend>
      {hostname && (
        <label>
          <input
            type="checkbox"
            checked={!settings.disabledSites.includes(hostname)}
            onChange={(e) => void setSiteEnabled(hostname, (e.target as HTMLInputElement).checked)}
          />{' '}
          {t('onThisSite', hostname)}
        </label>
      )}
      <label>
        <input type="checkbox" checked={settings.enabled} onChange={(e) => void setGloballyEnabled((e.target as HTMLInputElement).checked)} />{' '}
        {t('everywhere')}
      </label>
    </fieldset>
  );
}

async function convertText(target: Target, text: string): Promise<string> {
  return convertPieces(target, [text]).then(([converted]) => converted ?? text, () => text);
}

/** The page's script: what it shows now, and the buttons that change it. */
function PageScript({ hostname, readable }: { hostname: string | undefined; readable: boolean }) {
  const [current, setCurrent] = useState<ScriptChoice | undefined>();
  const [busy, setBusy] = useState(false);
  const [settings, setSettings] = useState<ConversionSettings | undefined>();
  useEffect(() => {
    void readConversionSettings().then(setSettings);
    if (!readable) return;
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return;
      const reply = (await browser.tabs.sendMessage(tabId, { type: 'get-script' }).catch(() => undefined)) as { choice?: ScriptChoice } | undefined;
      setCurrent(reply?.choice ?? 'original');
    })();
  }, [readable]);
  if (!settings) return null;

  const choose = async (choice: ScriptChoice) => {
    const tabId = await targetTabId();
    if (tabId === undefined) return;
    setBusy(true);
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'set-script', choice }).catch(() => undefined)) as { choice?: ScriptChoice } | undefined;
    setBusy(false);
    const now = reply?.choice ?? current;
    setCurrent(now);
    // A remembered site follows the new choice.
    if (hostname && settings.sites[hostname] !== undefined && now) {
      await rememberSiteChoice(hostname, now);
      setSettings(await readConversionSettings());
    }
  };

  return (
    <ScriptControls
      current={readable ? current : undefined}
      busy={busy}
      onChoose={(choice) => void choose(choice)}
      hostname={hostname}
      remembered={hostname !== undefined && settings.sites[hostname] !== undefined}
      onRemember={async (remember) => {
        if (!hostname) return;
        await rememberSiteChoice(hostname, remember ? (current ?? 'original') : undefined);
        setSettings(await readConversionSettings());
      }}
      defaultChoice={settings.defaultChoice}
      onDefault={async (choice) => {
        await setDefaultChoice(choice);
        setSettings(await readConversionSettings());
      }}
    />
  );
}

/** Scope for this site, the reader view, and the page report (Readability runs only when opened). */
function ScopeAndReport({ hostname }: { hostname: string }) {
  const t = useT();
  const [scopes, setScopes] = useState<ScopeSettings | undefined>();
  const [report, setReport] = useState<Report | undefined>();
  const [tabId, setTabId] = useState<number | undefined>();
  useEffect(() => {
    void readScopeSettings().then(setScopes);
    void targetTabId().then(setTabId);
  }, []);
  const loadReport = async () => {
    if (report || tabId === undefined) return;
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'page-report' }).catch(() => undefined)) as Report | undefined;
    if (reply && typeof reply.occurrences === 'number') setReport(reply);
  };
  if (!scopes) return null;
  const current = scopeFor(scopes, hostname);
  const choose = async (scope: Scope) => {
    await setSiteScope(hostname, scope);
    setScopes(await readScopeSettings());
  };
  return (
    <>
      <fieldset class="switches" role="radiogroup">
        <legend>{t('scope')}</legend>
        {(['page', 'article'] as const).map((scope) => (
          <label key={scope}>
            <input type="radio" name="scope" checked={current === scope} onChange={() => void choose(scope)} />{' '}
            {scope === 'page' ? t('scopePage') : t('scopeArticle')}
          </label>
        ))}
      </fieldset>
      {tabId !== undefined && (
        <p>
          <a href={browser.runtime.getURL(`/reader.html?tabId=${tabId}`)} target="_blank">
            {t('readerView')}
          </a>
        </p>
      )}
      <details class="report-box" onToggle={(e) => (e.target as HTMLDetailsElement).open && void loadReport()}>
        <summary>{t('pageReport')}</summary>
        {report ? <PageReport report={report} entries={entries} /> : <p>{t('readingPage')}</p>}
      </details>
    </>
  );
}
