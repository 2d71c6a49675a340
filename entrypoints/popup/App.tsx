/**
 * The toolbar popup, designed for Chrome's 400×600: three views under tabs — This page (the default
 * when the page has phrases), Look up (the default otherwise, its search box focused) and Convert.
 * Each view fits the popup; long lists scroll inside their own panel.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { pageMatcher } from '@/components/extension-page-highlights';
import { Segmented, Switch, TabPanel, Tabs } from '@/components/Controls';
import { useT } from '@/components/Language';
import { LevelChoice } from '@/components/LevelChoice';
import { LookupPanel } from '@/components/LookupPanel';
import { OnThisPage } from '@/components/OnThisPage';
import { PageReportView } from '@/components/PageReport';
import { PasteConverter } from '@/components/PasteConverter';
import { ScriptControls } from '@/components/ScriptControls';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import { SCRIPT_CHOICES, TARGET_LABELS, type ScriptChoice, type Target } from '@/utils/core/convert';
import type { Occurrence } from '@/utils/core/corpus-index';
import { essayPath, glossaryPath } from '@/utils/core/links';
import { logOnce } from '@/utils/core/log';
import { createLookupIndex } from '@/utils/core/lookup';
import { scopeFor, withSite } from '@/utils/core/settings-schema';
import { flashcardsFileName, flashcardsTsv } from '@/utils/core/flashcards';
import { ownPhraseAsEntry } from '@/utils/core/own-phrases';
import { convertPieces } from '@/utils/extension/conversion-client';
import { sendToTab, type PageReport as Report, type PageSummary } from '@/utils/extension/protocol';
import { conversionSettings, highlightSettings, lookedUp, ownPhrases, scopeSettings } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import { saveFile } from '@/utils/page/download';
import { compiledGlossary } from '@/utils/extension/generated/glossary';

const compiled = compiledGlossary;
const glossaryEntries = new Map<string, CompiledEntry>(compiled.entries.map((entry) => [entry.id, entry]));
type Entries = ReadonlyMap<string, CompiledEntry>;

/** Anki flashcards of some entries, saved as a file (utils/core/flashcards.ts). */
function saveFlashcards(what: string, list: CompiledEntry[]): void {
  saveFile(document, flashcardsFileName(what), 'text/tab-separated-values', flashcardsTsv(list));
}

/** Remembers an entry the reader saw explained, newest first, for flashcards. */
const rememberLookup = (id: string) => void lookedUp.update((ids) => [id, ...ids.filter((x) => x !== id)]);
const essayLink = (o: Occurrence) => browser.runtime.getURL(essayPath(o));
const entryLink = (id: string) => browser.runtime.getURL(glossaryPath({ id }));

type State = { kind: 'loading' } | { kind: 'unreadable' } | { kind: 'ready'; summary: PageSummary };
type View = 'page' | 'lookup' | 'convert';

const params = new URLSearchParams(location.search);

/** `popup.html?tabId=N` acts on tab N as if it were the active one (a testing hook). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(params.get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined; // not a URL with a host (about:blank, data:): no per-site settings
  }
}

export function App() {
  const t = useT();
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [view, setView] = useState<View | undefined>(params.get('q') ? 'lookup' : undefined);
  // The search box takes the focus when Look up opens, except from the tabs' arrow keys, which keep it.
  const [focusSearch, setFocusSearch] = useState(true);
  // A reader's own phrases are listed, looked up and explained like the glossary's.
  const own = useSetting(ownPhrases).value;
  const ownEntries = useMemo(() => (own ?? []).map(ownPhraseAsEntry), [own]);
  const entries = useMemo<Entries>(() => new Map([...glossaryEntries, ...ownEntries.map((e) => [e.id, e] as const)]), [ownEntries]);
  const lookup = useMemo(() => createLookupIndex([...compiled.entries, ...ownEntries], pageMatcher().key), [ownEntries]);

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
    // Switching highlights (or common vocabulary) on or off changes what the page reports.
    return highlightSettings.watch(() => void setTimeout(refresh, 400));
  }, []);
  // The first view: the page's phrases when it has some, the lookup otherwise.
  useEffect(() => {
    if (view !== undefined || state.kind === 'loading') return;
    setView(state.kind === 'ready' && state.summary.phrases.length > 0 ? 'page' : 'lookup');
  }, [state, view]);

  const count = state.kind === 'ready' ? state.summary.phrases.length : 0;
  const hostname = state.kind === 'ready' ? hostnameOf(state.summary.url) : undefined;
  const selected = view ?? 'page';
  return (
    <div class="popup">
      <header class="bar">
        <h1>
          <img src="/icon/32.png" alt="" width="20" height="20" /> {t('popupTitle')}
        </h1>
        <nav aria-label={t('extensionPages')}>
          <a href={browser.runtime.getURL('/glossary.html')} target="_blank" rel="noopener">
            {t('glossaryLink')}
          </a>
          <a href={browser.runtime.getURL('/essays.html')} target="_blank" rel="noopener">
            {t('essaysLink')}
          </a>
          <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
            {t('optionsLink')}
          </a>
        </nav>
      </header>
      <Tabs
        label={t('popupViews')}
        idPrefix="popup"
        selected={selected}
        onSelect={(next, byKeyboard) => {
          setFocusSearch(!byKeyboard);
          setView(next);
        }}
        tabs={[
          {
            id: 'page',
            label: (
              <>
                {t('tabPage')} {count > 0 && <span class="tab-count">{count}</span>}
              </>
            ),
          },
          { id: 'lookup', label: t('lookup') },
          { id: 'convert', label: t('tabConvert') },
        ]}
      />
      <TabPanel idPrefix="popup" id="page" selected={view === 'page'} class="page-view">
        <PageView state={state} hostname={hostname} entries={entries} />
      </TabPanel>
      <TabPanel idPrefix="popup" id="lookup" selected={view === 'lookup'} class="lookup-view">
        <LookupPanel
          lookup={lookup}
          initialQuery={params.get('q') ?? ''}
          essayLink={essayLink}
          entryLink={entryLink}
          autoFocus={focusSearch}
          onLookedUp={rememberLookup}
        />
        <LookupFlashcards entries={entries} />
      </TabPanel>
      <TabPanel idPrefix="popup" id="convert" selected={view === 'convert'} class="convert-view">
        <ConvertView hostname={hostname} readable={state.kind === 'ready'} />
      </TabPanel>
    </div>
  );
}

/** This page: the switches, what the page contains, and the page report, scope and reader view. */
function PageView({ state, hostname, entries }: { state: State; hostname: string | undefined; entries: Entries }) {
  const t = useT();
  const { value: settings, update } = useSetting(highlightSettings);
  const [report, setReport] = useState(false);
  const show = async (id: string) => {
    const tabId = await targetTabId();
    // A phrase no longer on the page (the page changed since) has nothing to scroll to.
    if (tabId !== undefined) await sendToTab(tabId, { type: 'scroll-to', id }).catch(() => undefined);
  };
  const summary = state.kind === 'ready' ? state.summary : undefined;
  return (
    <>
      {settings && (
        <div class="switches">
          {hostname && (
            <Switch
              label={t('onThisSite', hostname)}
              checked={!settings.disabledSites.includes(hostname)}
              onChange={(on) =>
                void update((s) => {
                  const others = s.disabledSites.filter((h) => h !== hostname);
                  return { ...s, disabledSites: on ? others : [...others, hostname] };
                })
              }
            />
          )}
          <Switch label={t('everywhere')} checked={settings.enabled} onChange={(enabled) => void update((s) => ({ ...s, enabled }))} />
          <LevelChoice small value={settings.level} onChange={(level) => void update((s) => ({ ...s, level }))} />
        </div>
      )}
      {state.kind === 'loading' && <p class="tl-note">{t('readingPage')}</p>}
      {state.kind === 'unreadable' && <p class="tl-note">{t('cannotRead')}</p>}
      {summary &&
        (!summary.hasChinese ? (
          <p class="tl-note">{t('noChinese')}</p>
        ) : !summary.enabled ? (
          <p class="tl-note">{t('highlightsOff')}</p>
        ) : report ? (
          <ReportView onBack={() => setReport(false)} entries={entries} />
        ) : summary.phrases.length === 0 ? (
          <p class="tl-note">{t('noPhrases')}</p>
        ) : (
          <OnThisPage
            phrases={summary.phrases}
            total={summary.total}
            entries={entries}
            onShow={(id) => void show(id)}
            essayLink={essayLink}
            entryLink={entryLink}
          />
        ))}
      {summary?.hasChinese && hostname && (
        <PageFooter
          hostname={hostname}
          report={report}
          onReport={() => setReport(!report)}
          onFlashcards={
            summary.phrases.length > 0
              ? () =>
                  saveFlashcards(
                    'on-page',
                    summary.phrases.flatMap((p) => entries.get(p.id) ?? []),
                  )
              : undefined
          }
        />
      )}
    </>
  );
}

/** The scope for this site, the page report and the reader view. */
function PageFooter(props: { hostname: string; report: boolean; onReport: () => void; onFlashcards?: () => void }) {
  const { hostname, report, onReport, onFlashcards } = props;
  const t = useT();
  const { value: scopes, update } = useSetting(scopeSettings);
  const [tabId, setTabId] = useState<number | undefined>();
  useEffect(() => {
    void targetTabId().then(setTabId);
  }, []);
  if (!scopes) return null;
  return (
    <footer class="page-footer">
      <Segmented
        small
        legend={t('scope')}
        name="scope"
        value={scopeFor(scopes, hostname)}
        onChange={(scope) => void update((s) => ({ ...s, sites: withSite(s.sites, hostname, scope) }))}
        options={[
          { value: 'page', label: t('scopePage') },
          { value: 'article', label: t('scopeArticle') },
        ]}
      />
      <span class="footer-links">
        <button type="button" class="link-button" aria-pressed={report} onClick={onReport}>
          {t('pageReport')}
        </button>
        {onFlashcards && (
          <button type="button" class="link-button" onClick={onFlashcards} title={t('flashcardsHint')}>
            {t('flashcards')}
          </button>
        )}
        {tabId !== undefined && (
          <a href={browser.runtime.getURL(`/reader.html?tabId=${tabId}`)} target="_blank" rel="noopener">
            {t('readerView')}
          </a>
        )}
      </span>
    </footer>
  );
}

/** The page report, loaded when asked for (Readability runs only then). */
function ReportView({ onBack, entries }: { onBack: () => void; entries: Entries }) {
  const t = useT();
  const [report, setReport] = useState<Report | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setFailed(true);
      try {
        setReport(await sendToTab(tabId, { type: 'page-report' }, { frameId: 0 }));
      } catch (error) {
        logOnce('popup', 'the page gave no report', error);
        setFailed(true);
      }
    })();
  }, []);
  return (
    <div class="scroll-list report-box">
      <button type="button" class="link-button back" onClick={onBack}>
        ← {t('backToPhrases')}
      </button>
      {report ? <PageReportView report={report} entries={entries} /> : <p class="tl-note">{failed ? t('cannotRead') : t('readingPage')}</p>}
    </div>
  );
}

/** Flashcards of what the reader looked up, and a way to forget that list. */
function LookupFlashcards({ entries }: { entries: Entries }) {
  const t = useT();
  const { value: ids, update } = useSetting(lookedUp);
  const list = (ids ?? []).flatMap((id) => entries.get(id) ?? []);
  if (list.length === 0) return null;
  return (
    <footer class="lookup-footer">
      <button type="button" class="link-button" onClick={() => saveFlashcards('looked-up', list)} title={t('flashcardsHint')}>
        {t('flashcardsLookedUp', list.length)}
      </button>
      <button type="button" class="link-button" onClick={() => void update(() => [])}>
        {t('forgetLookups')}
      </button>
    </footer>
  );
}

async function convertText(target: Target, text: string): Promise<string> {
  return convertPieces(target, [text]).then(
    ([converted]) => converted ?? text,
    (error: unknown) => {
      logOnce('popup', 'the paste box could not convert', error);
      throw error;
    },
  );
}

/** Convert: the page's script, the site's memory, the default, and the paste box. */
function ConvertView({ hostname, readable }: { hostname: string | undefined; readable: boolean }) {
  const t = useT();
  const [current, setCurrent] = useState<ScriptChoice | undefined>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
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
  const remembered = hostname !== undefined && settings.sites[hostname] !== undefined;
  const choose = async (choice: ScriptChoice) => {
    const tabId = await targetTabId();
    if (tabId === undefined) return;
    setBusy(true);
    setFailed(false);
    const reply = await sendToTab(tabId, { type: 'set-script', choice }, { frameId: 0 }).catch((error: unknown) => {
      logOnce('popup', 'the page did not convert', error);
      return undefined;
    });
    setBusy(false);
    if (!reply?.ok) setFailed(true);
    const now = reply?.choice ?? current;
    setCurrent(now);
    // A remembered site follows the new choice.
    if (hostname && remembered && now) await update((c) => ({ ...c, sites: withSite(c.sites, hostname, now) }));
  };
  return (
    <>
      <h2 class="section-title">{t('showPageIn')}</h2>
      {readable ? (
        <ScriptControls current={current} busy={busy} onChoose={(choice) => void choose(choice)} />
      ) : (
        <p class="tl-note">{t('cannotRead')}</p>
      )}
      {failed && (
        <p class="tl-note" role="alert">
          {t('conversionFailed')}
        </p>
      )}
      {hostname && current !== undefined && (
        <Switch
          label={t('alwaysShow', hostname)}
          checked={remembered}
          onChange={(remember) =>
            void update((c) => ({ ...c, sites: withSite(c.sites, hostname, remember ? (current ?? 'original') : undefined) }))
          }
        />
      )}
      <label class="default-row">
        <span>{t('defaultAllSites')}</span>
        <select
          class="tl-input"
          value={settings.defaultChoice}
          onChange={(e) => void update((c) => ({ ...c, defaultChoice: (e.currentTarget as HTMLSelectElement).value as ScriptChoice }))}
        >
          {SCRIPT_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {choice === 'original' ? t('noConversion') : `${TARGET_LABELS[choice].zh} ${TARGET_LABELS[choice].en}`}
            </option>
          ))}
        </select>
      </label>
      <PasteConverter convert={convertText} />
    </>
  );
}
