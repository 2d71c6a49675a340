/** Convert: the page's script, the site's memory, the default for all sites, and the paste box. */
import { useEffect, useState } from 'preact/hooks';
import { Switch } from '@/components/Controls';
import { useT } from '@/components/Language';
import { PasteConverter } from '@/components/PasteConverter';
import { ScriptControls } from '@/components/ScriptControls';
import { SCRIPT_CHOICES, TARGET_LABELS, type ScriptChoice, type Target } from '@/utils/core/convert';
import { logOnce } from '@/utils/core/log';
import { withSite } from '@/utils/core/settings-schema';
import { convertPieces } from '@/utils/extension/conversion-client';
import { sendToTab } from '@/utils/extension/protocol';
import { conversionSettings } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import { useTargetTabId } from './target-tab';

async function convertText(target: Target, text: string): Promise<string> {
  return convertPieces(target, [text]).then(
    ([converted]) => converted ?? text,
    (error: unknown) => {
      logOnce('popup', 'the paste box could not convert', error);
      throw error;
    },
  );
}

export function ConvertView({ hostname, readable }: { hostname: string | undefined; readable: boolean }) {
  const t = useT();
  const tabId = useTargetTabId();
  const [current, setCurrent] = useState<ScriptChoice | undefined>();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const { value: settings, update } = useSetting(conversionSettings);
  useEffect(() => {
    if (!readable || tabId === undefined) return;
    let live = true;
    // A tab that cannot be read (a browser page) shows its text as it is: the original.
    void sendToTab(tabId, { type: 'get-script' }, { frameId: 0 })
      .catch(() => undefined)
      .then((reply) => live && setCurrent(reply?.choice ?? 'original'));
    return () => {
      live = false;
    };
  }, [readable, tabId]);
  if (!settings) return null;
  const remembered = hostname !== undefined && settings.sites[hostname] !== undefined;
  const choose = async (choice: ScriptChoice) => {
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
