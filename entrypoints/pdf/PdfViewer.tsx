/**
 * The viewer's own interface around the pages: the bar (open a file, the document's name and what
 * was read, pages or reader view), the messages that say why there is nothing to show, and the drop
 * target. The pages themselves are drawn outside Preact, by pdf-pages.ts, into `pagesHost`.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { useT } from '@/components/Language';
import { ReaderView } from '@/components/ReaderView';
import type { Article } from '@/utils/core/article-model';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { ScriptChoice } from '@/utils/core/convert';
import type { PhraseMatcher } from '@/utils/core/phrase-matcher';
import type { Translate } from '@/utils/core/i18n';
import type { PdfModel, PdfSession, SessionState } from './pdf-session';
import type { OpenFailure } from './pdf-loader';

export interface PdfViewerProps {
  session: PdfSession;
  pagesHost: HTMLElement;
  matcher: PhraseMatcher;
  entries: ReadonlyMap<string, CompiledEntry>;
  /** False where the reader turned highlights off for the document's site, or everywhere. */
  highlightsOn: boolean;
  /** Asks the browser for the site's permission (a click is needed), then opens the document again. */
  allow: (origin: string) => Promise<void>;
  reader: { script: ScriptChoice; busy: boolean; onScript: (choice: ScriptChoice) => void; onLeave: () => void };
  save: (name: string, type: string, content: string) => void;
}

function useSessionState(session: PdfSession): SessionState {
  const [state, setState] = useState(session.state);
  useEffect(() => {
    const stop = session.subscribe(() => setState(session.state));
    // A change between the first render and this effect (a fast failure) would otherwise be missed.
    setState(session.state);
    return stop;
  }, [session]);
  return state;
}

function failureText(t: Translate, failure: OpenFailure | { kind: 'broken'; detail: string }): string {
  switch (failure.kind) {
    case 'permission':
      return t('pdfFailPermission', failure.host);
    case 'login':
      return t('pdfFailLogin', failure.status);
    case 'missing':
      return t('pdfFailMissing', failure.status);
    case 'http':
      return t('pdfFailHttp', failure.status);
    case 'network':
      return t('pdfFailNetwork', failure.detail);
    case 'local-address':
      return t('pdfFailLocalAddress');
    case 'password':
      return t('pdfFailPassword');
    case 'not-pdf':
      return t('pdfFailNotPdf');
    case 'broken':
      return t('pdfFailBroken', failure.detail);
  }
}

/** The document as a reader view's article: its paragraphs, and the page of each. */
function articleOf(name: string, model: PdfModel): { article: Article; pages: number[] } {
  const { text } = model;
  let page = 0;
  const pages = text.blocks.map((block) => {
    while (page + 1 < text.pageStarts.length && text.pageStarts[page + 1] <= block.start) page++;
    return page + 1;
  });
  return {
    article: {
      title: name,
      byline: null,
      siteName: null,
      publishedTime: null,
      length: text.text.length,
      elements: [],
      blocks: text.blocks.map((b) => ({ kind: 'paragraph' as const, text: b.text })),
    },
    pages,
  };
}

function Notice({ tone = 'info', children }: { tone?: 'info' | 'problem'; children: ComponentChildren }) {
  return (
    <div class={`pdf-notice ${tone}`} role={tone === 'problem' ? 'alert' : 'status'} data-tifa-ui>
      {children}
    </div>
  );
}

export function PdfViewer(props: PdfViewerProps) {
  const t = useT();
  const state = useSessionState(props.session);
  const [mode, setMode] = useState<'pages' | 'reader'>('pages');
  const [dragging, setDragging] = useState(false);
  const model = state.kind === 'open' && state.text.kind === 'read' ? state.text.model : undefined;
  const reading = useMemo(() => (model && state.kind === 'open' ? articleOf(state.name, model) : undefined), [model, state]);

  // The tab, its history and bookmarks name the document.
  useEffect(() => {
    document.title = state.kind === 'empty' ? t('pdfViewer') : `${state.name} — Tifa Lens`;
  }, [state, t]);

  // The pages stay in the document in reader mode (hidden), so that leaving it keeps the place.
  useEffect(() => {
    props.pagesHost.hidden = mode !== 'pages' || state.kind !== 'open';
  }, [mode, state.kind, props.pagesHost]);

  useEffect(() => {
    const over = (event: DragEvent) => {
      if (![...(event.dataTransfer?.types ?? [])].includes('Files')) return;
      event.preventDefault();
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (event.relatedTarget === null) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      const file = [...(event.dataTransfer?.files ?? [])].find((f) => f.type === 'application/pdf' || /\.pdf$/i.test(f.name));
      setDragging(false);
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      if (file) {
        setMode('pages');
        void props.session.openFile(file);
      }
    };
    document.addEventListener('dragover', over);
    document.addEventListener('dragleave', leave);
    document.addEventListener('drop', drop);
    return () => {
      document.removeEventListener('dragover', over);
      document.removeEventListener('dragleave', leave);
      document.removeEventListener('drop', drop);
    };
  }, [props.session]);

  const chooser = (
    <label class="tl-button primary pdf-choose">
      {t('pdfChoose')}
      <input
        type="file"
        accept="application/pdf,.pdf"
        class="visually-hidden"
        onChange={(event) => {
          const file = (event.currentTarget as HTMLInputElement).files?.[0];
          if (file) {
            setMode('pages');
            void props.session.openFile(file);
          }
        }}
      />
    </label>
  );

  const verdict = model?.judgement.verdict;
  const permission = state.kind === 'failed' && state.failure.kind === 'permission' ? state.failure : undefined;
  return (
    <div class={`pdf-viewer${dragging ? ' dragging' : ''}`}>
      <header class="pdf-bar" data-tifa-ui>
        <strong class="pdf-brand">Tifa Lens</strong>
        <span class="pdf-name" title={state.kind === 'empty' ? undefined : state.name}>
          {state.kind === 'empty' ? t('pdfViewer') : state.name}
        </span>
        {state.kind === 'open' && (
          <span class="pdf-status tl-muted" aria-live="polite">
            {state.text.kind === 'reading'
              ? t('pdfReading', state.text.read, state.numPages)
              : [
                  t('pdfPageCount', state.numPages),
                  t(
                    'listPair',
                    t('phrasesCount', state.text.model.annotation.phrases.length),
                    t('occurrencesCount', state.text.model.annotation.matches.length),
                  ),
                ].join(' · ')}
          </span>
        )}
        <span class="pdf-actions">
          {model && verdict === 'text' && (
            <button
              type="button"
              class="tl-button"
              aria-pressed={mode === 'reader'}
              onClick={() => {
                if (mode === 'reader') props.reader.onLeave();
                setMode(mode === 'reader' ? 'pages' : 'reader');
              }}
            >
              {mode === 'reader' ? t('pdfPagesView') : t('readerView')}
            </button>
          )}
          {chooser}
        </span>
      </header>
      {state.kind === 'empty' && (
        <div class="pdf-empty" data-tifa-ui>
          <p>{t('pdfDrop')}</p>
          {chooser}
        </div>
      )}
      {state.kind === 'loading' && <Notice>{t('pdfOpening', state.name)}</Notice>}
      {state.kind === 'failed' && (
        <Notice tone="problem">
          <p>{failureText(t, state.failure)}</p>
          {permission && (
            <p>
              <button type="button" class="tl-button primary" onClick={() => void props.allow(permission.origin)}>
                {t('pdfAllowSite', permission.host)}
              </button>
            </p>
          )}
          <p>{t('pdfLocalRemedy')}</p>
        </Notice>
      )}
      {state.kind === 'open' && !props.highlightsOn && <Notice>{t('highlightsOff')}</Notice>}
      {verdict === 'no-text' && <Notice tone="problem">{t('pdfNoText')}</Notice>}
      {verdict === 'unreadable' && <Notice tone="problem">{t('pdfUnreadable')}</Notice>}
      {model && verdict === 'text' && model.judgement.han === 0 && <Notice>{t('pdfNoChinese')}</Notice>}
      {model && verdict === 'text' && model.judgement.han > 0 && model.annotation.matches.length === 0 && (
        <Notice>{t('pdfNoPhrases')}</Notice>
      )}
      {mode === 'reader' && reading && state.kind === 'open' && (
        <ReaderView
          article={reading.article}
          pages={reading.pages}
          url={state.address}
          matcher={props.matcher}
          entries={props.entries}
          script={props.reader.script}
          busy={props.reader.busy}
          onScript={props.reader.onScript}
          save={props.save}
        />
      )}
    </div>
  );
}
