import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import glossary from '@/generated/glossary.json';
import type { CompiledEntry, CompiledGlossary } from '@/utils/core/compiled-data';
import { essayPath } from '@/utils/core/links';
import { convertPieces } from '@/utils/extension/conversion-client';
import { conversionSettings, highlightSettings, scopeSettings } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import { sendToTab, type PageReport as Report, type PageSummary } from '@/utils/extension/protocol';
import { scopeFor, withSite, type Scope } from '@/utils/core/settings-schema';
import type { ScriptChoice, Target } from '@/utils/core/convert';
import { createLookupIndex } from '@/utils/core/lookup';
import type { Occurrence } from '@/utils/core/corpus-index';
import { logOnce } from '@/utils/core/log';
import { ScriptControls } from '@/components/ScriptControls';
import { PasteConverter } from '@/components/PasteConverter';
import { OnThisPage } from '@/components/OnThisPage';
import { LookupPanel } from '@/components/LookupPanel';
import { useT } from '@/components/Language';
import { PageReportView } from '@/components/PageReport';
import { pageMatcher } from '@/components/extension-page-highlights';

const compiled = glossary as CompiledGlossary;
const entries = new Map<string, CompiledEntry>(compiled.entries.map((entry) => [entry.id, entry]));
const essayLink = (o: Occurrence) => browser.runtime.getURL(essayPath(o));

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
  const lookup = useMemo(() => createLookupIndex(compiled.entries, pageMatcher().key), []);

  const refresh = async () => {
    const tabId = await targetTabId();
    if (tabId === undefined) return setState({ kind: 'unreadable' });
    try {
      setState({ kind: 'ready', summary: await sendToTab(tabId, { type: 'page-summary' }, { frameId: 0 }) });
    } catch {
      // No content script answers on browser pages, the web store or PDFs: the popup says so.
      setState({ kind: 'unreadable' });
    }
  };
  useEffect(() => {
    void refresh();
    // Switching highlights on or off changes what the page reports.
    return highlightSettings.watch(() => void setTimeout(refresh, 400));
  }, []);

  const hostname = state.kind === 'ready' ? hostnameOf(state.summary.url) : undefined;
  const show = async (id: string) => {
    const tabId = await targetTabId();
    // A phrase no longer on the page (the page changed since) has nothing to scroll to.
    if (tabId !== undefined) await sendToTab(tabId, { type: 'scroll-to', id }).catch(() => undefined);
  };
  return (
    <main>
      <header class="top">
        <h1>{t('popupTitle')}</h1>
        <nav>
          <a href={browser.runtime.getURL('/glossary.html')} target="_blank" rel="noopener">
            {t('glossaryLink')}
          </a>{' '}
          ·{' '}
          <a href={browser.runtime.getURL('/essays.html')} target="_blank" rel="noopener">
            {t('essaysLink')}
          </a>{' '}
          ·{' '}
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
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
          <OnThisPage
            phrases={state.summary.phrases}
            total={state.summary.total}
            entries={entries}
            onShow={(id) => void show(id)}
            essayLink={essayLink}
          />
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
    return undefined; // not a URL with a host (about:blank, data:): no per-site settings
  }
}

/** The highlight switches: for this site and everywhere. Both take effect in the page at once. */
function HighlightSwitches({ hostname }: { hostname: string | undefined }) {
  const t = useT();
  const { value: settings, update } = useSetting(highlightSettings);
  if (!settings) return null;
  return (
    <fieldset class="switches">
      <legend>{t('highlights')}</legend>
      {hostname && (
        <label>
          <input
            type="checkbox"
            checked={!settings.disabledSites.includes(hostname)}
            onChange={(e) => {
              const on = (e.target as HTMLInputElement).checked;
              void update((s) => {
                const others = s.disabledSites.filter((h) => h !== hostname);
                return { ...s, disabledSites: on ? others : [...others, hostname] };
              });
            }}
          />{' '}
          {t('onThisSite', hostname)}
        </label>
      )}
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => void update((s) => ({ ...s, enabled: (e.target as HTMLInputElement).checked }))}
        />{' '}
        {t('everywhere')}
      </label>
    </fieldset>
  );
}

async function convertText(target: Target, text: string): Promise<string> {
  return convertPieces(target, [text]).then(
    ([converted]) => converted ?? text,
    () => text,
  );
}

/** The page's script: what it shows now, and the buttons that change it. */
function PageScript({ hostname, readable }: { hostname: string | undefined; readable: boolean }) {
  const [current, setCurrent] = useState<ScriptChoice | undefined>();
  const [busy, setBusy] = useState(false);
  const { value: settings, update } = useSetting(conversionSettings);
  useEffect(() => {
    if (!readable) return;
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return;
      // A tab that cannot be read (a browser page) shows its text as it is: the original.
      const reply = await sendToTab(tabId, { type: 'get-script' }, { frameId: 0 }).catch(() => undefined);
      setCurrent(reply?.choice ?? 'original');
    })();
  }, [readable]);
  if (!settings) return null;

  const choose = async (choice: ScriptChoice) => {
    const tabId = await targetTabId();
    if (tabId === undefined) return;
    setBusy(true);
    const reply = await sendToTab(tabId, { type: 'set-script', choice }, { frameId: 0 }).catch((error: unknown) => {
      logOnce('popup', 'the page did not convert', error);
      return undefined;
    });
    setBusy(false);
    const now = reply?.choice ?? current;
    setCurrent(now);
    // A remembered site follows the new choice.
    if (hostname && settings.sites[hostname] !== undefined && now) await update((c) => ({ ...c, sites: withSite(c.sites, hostname, now) }));
  };

  return (
    <ScriptControls
      current={readable ? current : undefined}
      busy={busy}
      onChoose={(choice) => void choose(choice)}
      hostname={hostname}
      remembered={hostname !== undefined && settings.sites[hostname] !== undefined}
      onRemember={(remember) => {
        if (hostname) void update((c) => ({ ...c, sites: withSite(c.sites, hostname, remember ? (current ?? 'original') : undefined) }));
      }}
      defaultChoice={settings.defaultChoice}
      onDefault={(defaultChoice) => void update((c) => ({ ...c, defaultChoice }))}
    />
  );
}

/** Scope for this site, the reader view, and the page report (Readability runs only when opened). */
function ScopeAndReport({ hostname }: { hostname: string }) {
  const t = useT();
  const { value: scopes, update } = useSetting(scopeSettings);
  const [report, setReport] = useState<Report | undefined>();
  const [tabId, setTabId] = useState<number | undefined>();
  useEffect(() => {
    void targetTabId().then(setTabId);
  }, []);
  const loadReport = async () => {
    if (report || tabId === undefined) return;
    const reply = await sendToTab(tabId, { type: 'page-report' }, { frameId: 0 }).catch((error: unknown) => {
      logOnce('popup', 'the page gave no report', error);
      return undefined;
    });
    if (reply) setReport(reply);
  };
  if (!scopes) return null;
  const current = scopeFor(scopes, hostname);
  const choose = (scope: Scope) => void update((s) => ({ ...s, sites: withSite(s.sites, hostname, scope) }));
  return (
    <>
      <fieldset class="switches">
        <legend>{t('scope')}</legend>
        {(['page', 'article'] as const).map((scope) => (
          <label key={scope}>
            <input type="radio" name="scope" checked={current === scope} onChange={() => choose(scope)} />{' '}
            {scope === 'page' ? t('scopePage') : t('scopeArticle')}
          </label>
        ))}
      </fieldset>
      {tabId !== undefined && (
        <p>
          <a href={browser.runtime.getURL(`/reader.html?tabId=${tabId}`)} target="_blank" rel="noopener">
            {t('readerView')}
          </a>
        </p>
      )}
      <details class="report-box" onToggle={(e) => (e.target as HTMLDetailsElement).open && void loadReport()}>
        <summary>{t('pageReport')}</summary>
        {report ? <PageReportView report={report} entries={entries} /> : <p>{t('readingPage')}</p>}
      </details>
    </>
  );
}
