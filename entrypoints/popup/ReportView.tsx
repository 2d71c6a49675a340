/** The page report inside the popup, asked of the page when opened (Readability runs only then). */
import { useEffect, useState } from 'preact/hooks';
import { useT } from '@/components/Language';
import { PageReportView } from '@/components/PageReport';
import { logOnce } from '@/utils/core/log';
import { sendToTab, type PageReport } from '@/utils/extension/protocol';
import { useTargetTab } from './target-tab';
import type { Entries } from './use-entries';

export function ReportView({ onBack, entries }: { onBack: () => void; entries: Entries }) {
  const t = useT();
  const tab = useTargetTab();
  const [report, setReport] = useState<PageReport | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (tab.status === 'looking') return;
    if (tab.id === undefined) {
      setFailed(true);
      return;
    }
    let live = true;
    sendToTab(tab.id, { type: 'page-report' }, { frameId: 0 }).then(
      (reply) => live && setReport(reply),
      (error: unknown) => {
        logOnce('popup', 'the page gave no report', error);
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [tab]);
  return (
    <div class="scroll-list report-box">
      <button type="button" class="link-button back" onClick={onBack}>
        ← {t('backToPhrases')}
      </button>
      {report ? <PageReportView report={report} entries={entries} /> : <p class="tl-note">{failed ? t('cannotRead') : t('readingPage')}</p>}
    </div>
  );
}
