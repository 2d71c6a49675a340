/** This page: the switches, what the page contains, and the footer with the page report and scope. */
import { useState } from 'preact/hooks';
import { Switch } from '@/components/Controls';
import { useT } from '@/components/Language';
import { LevelChoice } from '@/components/LevelChoice';
import { OnThisPage } from '@/components/OnThisPage';
import { sendToTab } from '@/utils/extension/protocol';
import { highlightSettings } from '@/utils/extension/settings';
import { useSetting } from '@/utils/extension/use-setting';
import { entryLink, essayLink } from './extension-urls';
import { saveFlashcards } from './flashcards';
import { PageFooter } from './PageFooter';
import { PdfOffer } from './PdfOffer';
import { ReportView } from './ReportView';
import { useTargetTabId } from './target-tab';
import type { Entries } from './use-entries';
import type { PageState } from './use-page-summary';

export function PageView({ state, hostname, entries }: { state: PageState; hostname: string | undefined; entries: Entries }) {
  const t = useT();
  const tabId = useTargetTabId();
  const { value: settings, update } = useSetting(highlightSettings);
  const [report, setReport] = useState(false);
  const show = (id: string) => {
    // A phrase no longer on the page (the page changed since) has nothing to scroll to.
    if (tabId !== undefined) void sendToTab(tabId, { type: 'scroll-to', id }).catch(() => undefined);
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
      {state.kind === 'unreadable' && <PdfOffer fallback={t('cannotRead')} />}
      {summary &&
        (summary.pdf && summary.pdf.text !== 'text' ? (
          // A scan, or a PDF whose fonts map to no characters: never shown as a page without phrases.
          <p class="tl-note">{t(summary.pdf.text === 'no-text' ? 'pdfNoText' : 'pdfUnreadable')}</p>
        ) : !summary.hasChinese ? (
          // Chrome's own PDF viewer runs the content script in its wrapper page, which has no text:
          // there the offer of Tifa Lens's viewer is what helps.
          summary.pdf ? (
            <p class="tl-note">{t('pdfNoChinese')}</p>
          ) : (
            <PdfOffer fallback={t('noChinese')} />
          )
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
            onShow={show}
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
