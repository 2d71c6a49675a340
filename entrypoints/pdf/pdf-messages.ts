/**
 * The viewer's side of the protocol: the popup's page list and "show on the page", and the
 * keyboard's next and previous phrase, answered for the whole document, pages not drawn included.
 */
import { reportFigures } from '@/utils/core/report-figures';
import type { PageReport, PageSummary, PhraseCount } from '@/utils/extension/protocol';
import { onMessage } from '@/utils/extension/protocol';
import { flashRange } from '@/utils/page/flash';
import type { PageHighlighter, PageMatch } from '@/utils/page/page-highlighter';
import type { PdfModel, PdfSession } from './pdf-session';

type Highlights = { highlighter: PageHighlighter; showCard: (match: PageMatch, steps?: boolean) => void } | undefined;

/** The model once the whole text is read (undefined when no document is open or it failed). */
function whenRead(session: PdfSession): Promise<PdfModel | undefined> {
  return new Promise((resolve) => {
    const check = () => {
      const state = session.state;
      if (state.kind === 'open' && state.text.kind === 'read') resolve(state.text.model);
      else if (state.kind === 'failed' || state.kind === 'empty') resolve(undefined);
      else return false;
      return true;
    };
    if (check()) return;
    const stop = session.subscribe(() => {
      if (check()) stop();
    });
  });
}

export async function pdfSummary(session: PdfSession, enabled = true): Promise<PageSummary> {
  const model = await whenRead(session);
  const phrases: PhraseCount[] = (model?.annotation.phrases ?? []).map((p, first) => ({ id: p.id, count: p.count, first }));
  const state = session.state;
  return {
    url: state.kind === 'open' || state.kind === 'failed' ? (state.address ?? state.name) : location.href,
    hasChinese: (model?.judgement.han ?? 0) > 0,
    enabled,
    phrases,
    total: model?.annotation.matches.length ?? 0,
    generation: 0,
    ...(state.kind === 'open' && model && { pdf: { pages: state.numPages, text: model.judgement.verdict } }),
  };
}

export async function pdfReport(session: PdfSession): Promise<PageReport> {
  const summary = await pdfSummary(session);
  const model = session.model;
  const length = model?.text.text.length ?? 0;
  return {
    url: summary.url,
    hasChinese: summary.hasChinese,
    source: 'page',
    title: session.state.kind === 'open' ? session.state.name : '',
    byline: null,
    siteName: null,
    publishedTime: null,
    length,
    distinct: summary.phrases.length,
    ...reportFigures(
      (model?.annotation.matches ?? []).map((m) => m.category),
      length,
    ),
    phrases: summary.phrases,
  };
}

/**
 * Answers from the moment the page loads: `viewer` settles once the viewer has read its settings and
 * made its session. The popup asks again when the tab has loaded (after a reload for a new level),
 * and an answer must be there by then.
 */
export interface ViewerParts {
  session: PdfSession;
  /** Undefined where highlights are off for the document's site (or everywhere). */
  highlights: Highlights;
  enabled: boolean;
}

export function routePdfMessages(viewer: Promise<ViewerParts>): void {
  let current: PageMatch | undefined;
  onMessage({
    'page-summary': async () => {
      const { session, enabled } = await viewer;
      return pdfSummary(session, enabled);
    },
    'page-report': async () => pdfReport((await viewer).session),
    'scroll-to': async ({ id }) => {
      const { session, highlights } = await viewer;
      const match = await session.showPhrase(id);
      if (!match) return { ok: false };
      goTo(match, highlights);
      flashRange(match.range);
      return { ok: true };
    },
    navigate: async ({ direction }) => {
      const { session, highlights } = await viewer;
      const by = direction === 'next' ? 1 : -1;
      const next = current?.startNode.isConnected ? await session.step(current, by) : await session.firstInView(by);
      if (!next || !highlights) return { ok: false };
      current = next;
      goTo(next, highlights);
      highlights.showCard(next, true);
      return { ok: true };
    },
  });
}

function goTo(match: PageMatch, highlights: Highlights): void {
  highlights?.highlighter.reveal(match);
  match.startNode.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
}
