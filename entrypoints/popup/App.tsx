import { useEffect, useState } from 'preact/hooks';
import glossary from '@/generated/glossary.json';
import type { CompiledEntry, CompiledGlossary } from '@/utils/compiled-data';
import { isPageSummary, type PageSummary } from '@/utils/messages';
import { readHighlightSettings, setGloballyEnabled, setSiteEnabled, watchHighlightSettings, type HighlightSettings } from '@/utils/settings';
import { readConversionSettings, rememberSiteChoice, setDefaultChoice, type ConversionSettings } from '@/utils/settings';
import { isConvertReply } from '@/utils/messages';
import type { ScriptChoice, Target } from '@/utils/convert';
import { ScriptControls } from '@/components/ScriptControls';
import { PasteConverter } from '@/components/PasteConverter';

const entries = new Map<string, CompiledEntry>(
  (glossary as CompiledGlossary).entries.map((entry) => [entry.id, entry]),
);

type State = { kind: 'loading' } | { kind: 'unreadable' } | { kind: 'ready'; summary: PageSummary };

/** `popup.html?tabId=N` acts on tab N as if it were the active one (a testing hook). */
async function targetTabId(): Promise<number | undefined> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    (async () => {
      const tabId = await targetTabId();
      if (tabId === undefined) return setState({ kind: 'unreadable' });
      try {
        const reply = await browser.tabs.sendMessage(tabId, { type: 'page-summary' });
        setState(isPageSummary(reply) ? { kind: 'ready', summary: reply } : { kind: 'unreadable' });
      } catch {
        // No content script answers on browser pages, the web store or PDFs.
        setState({ kind: 'unreadable' });
      }
    })();
  }, []);

  const hostname = state.kind === 'ready' ? hostnameOf(state.summary.url) : undefined;
  return (
    <main>
      <h1>Tifa Lens</h1>
      <HighlightSwitches hostname={hostname} />
      <PageScript hostname={hostname} readable={state.kind === 'ready'} />
      {state.kind === 'loading' && <p>Reading this page…</p>}
      {state.kind === 'unreadable' && <p>Tifa Lens cannot read this page.</p>}
      {state.kind === 'ready' && <PageList summary={state.summary} />}
      <PasteConverter convert={convertText} />
    </main>
  );
}

function PageList({ summary }: { summary: PageSummary }) {
  if (!summary.hasChinese) return <p>This page has no Chinese text.</p>;
  if (summary.phrases.length === 0) return <p>No glossary phrases on this page.</p>;
  return (
    <section aria-labelledby="on-page">
      <h2 id="on-page" aria-live="polite">
        On this page: {summary.phrases.length} phrases, {summary.total} occurrences
      </h2>
      <ul class="phrases">
        {summary.phrases.map(({ id, count }) => {
          const entry = entries.get(id);
          if (!entry) return null;
          return (
            <li key={id}>
              <details>
                <summary>
                  <span lang="zh-Hans">{entry.simplified}</span> <span lang="zh-Hant">{entry.traditional}</span>{' '}
                  <span class="count">×{count}</span>
                </summary>
                <p class="gloss">
                  {entry.pinyin} — {entry.gloss}
                </p>
                <p lang="zh-Hans">{entry.meaningZh}</p>
                <p lang="en">{entry.meaningEn}</p>
              </details>
            </li>
          );
        })}
      </ul>
    </section>
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
  const [settings, setSettings] = useState<HighlightSettings | undefined>();
  useEffect(() => {
    void readHighlightSettings().then(setSettings);
    return watchHighlightSettings(setSettings);
  }, []);
  if (!settings) return null;
  return (
    <fieldset class="switches">
      <legend>Highlights</legend>
      {hostname && (
        <label>
          <input
            type="checkbox"
            checked={!settings.disabledSites.includes(hostname)}
            onChange={(e) => void setSiteEnabled(hostname, (e.target as HTMLInputElement).checked)}
          />{' '}
          On this site ({hostname})
        </label>
      )}
      <label>
        <input
          type="checkbox"
          checked={settings.enabled}
          onChange={(e) => void setGloballyEnabled((e.target as HTMLInputElement).checked)}
        />{' '}
        Everywhere
      </label>
    </fieldset>
  );
}

async function convertText(target: Target, text: string): Promise<string> {
  const reply: unknown = await browser.runtime.sendMessage({ type: 'convert-text', target, blocks: [[text]] });
  return isConvertReply(reply) && reply.ok ? reply.blocks[0][0] : text;
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
