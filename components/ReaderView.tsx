/**
 * The reader view: the article alone, with the same highlights and card, the script-conversion
 * buttons, a side list of its phrases, exports, and a paste box that analyses any text the same way.
 */
import { useMemo, useState } from 'preact/hooks';
import { useT } from './Language';
import { PhraseHeading } from './PhraseDetails';
import { ScriptControls } from './ScriptControls';
import type { Article, ArticleBlock } from '@/utils/core/article-model';
import { annotate } from '@/utils/core/annotate';
import type { CompiledEntry } from '@/utils/core/compiled-data';
import type { PhraseMatcher } from '@/utils/core/phrase-matcher';
import { EXPORT_FORMATS, exportAs, type ExportFormat } from '@/utils/core/export';
import type { ScriptChoice } from '@/utils/core/convert';

export interface ReaderViewProps {
  article: Article | null;
  url: string | null;
  matcher: PhraseMatcher;
  entries: ReadonlyMap<string, CompiledEntry>;
  script: ScriptChoice;
  onScript: (choice: ScriptChoice) => void;
  busy: boolean;
  /** For a PDF: the page of each of the article's blocks; exports then give each match its page. */
  pages?: readonly number[];
  /** Saves a file (the page wires a download; tests capture it). */
  save: (name: string, type: string, content: string) => void;
}

const MIME: Record<ExportFormat, string> = { md: 'text/markdown', json: 'application/json', csv: 'text/csv' };

function blocksOfText(text: string): ArticleBlock[] {
  return text
    .split(/\n+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ kind: 'paragraph' as const, text: line }));
}

function startsOfPages(spans: readonly { start: number }[], pages: readonly number[]): number[] {
  const last = Math.max(...pages);
  const starts: number[] = [];
  for (let page = last; page >= 1; page--) {
    const first = pages.indexOf(page);
    starts[page - 1] = first === -1 ? (starts[page] ?? 0) : spans[first].start;
  }
  return starts;
}

export function ReaderView(props: ReaderViewProps) {
  const t = useT();
  const [pasted, setPasted] = useState<ArticleBlock[] | null>(null);
  const [draft, setDraft] = useState('');
  const blocks = pasted ?? props.article?.blocks ?? [];
  const title = pasted ? t('analysePasted') : (props.article?.title ?? '');

  // The text as exports and the side list see it: blocks joined by line breaks.
  const annotation = useMemo(() => {
    let text = '';
    const spans: { start: number; text: string }[] = [];
    for (const block of blocks) {
      if (text) text += '\n';
      spans.push({ start: text.length, text: block.text });
      text += block.text;
    }
    // Page n begins where its first block does (a page without text begins where the next one does).
    const pages = pasted ? undefined : props.pages;
    const pageStarts = pages && pages.length === spans.length ? startsOfPages(spans, pages) : undefined;
    return { text, pageStarts, result: annotate(text, spans, props.matcher, props.entries, 'all') };
  }, [blocks, props.matcher, props.entries, props.pages, pasted]);

  return (
    <div class="reader">
      <main class="article" lang="zh">
        {blocks.length === 0 && (
          <p class="tl-note" data-tifa-ui>
            {t('noArticle')}
          </p>
        )}
        {title && <h1>{title}</h1>}
        {!pasted && props.article && (
          <p class="byline" data-tifa-ui>
            {[props.article.byline, props.article.siteName, props.article.publishedTime].filter(Boolean).join(' · ')}
          </p>
        )}
        {blocks.map((block, i) =>
          block.kind === 'heading' ? (
            <h2 key={i}>{block.text}</h2>
          ) : block.kind === 'item' ? (
            <ul key={i}>
              <li>{block.text}</li>
            </ul>
          ) : block.kind === 'quote' ? (
            <blockquote key={i}>{block.text}</blockquote>
          ) : (
            <p key={i}>{block.text}</p>
          ),
        )}
      </main>
      <aside class="side" data-tifa-ui aria-label={t('readerTools')}>
        <section>
          <h2>{t('showPageIn')}</h2>
          <ScriptControls current={props.script} busy={props.busy} onChoose={props.onScript} />
        </section>
        <section class="side-list">
          <h2>{t('phrasesInText')}</h2>
          <p class="tl-note" aria-live="polite">
            {t('listPair', t('phrasesCount', annotation.result.phrases.length), t('occurrencesCount', annotation.result.matches.length))}
          </p>
          <ol class="side-phrases">
            {annotation.result.phrases.map((p) => (
              <li key={p.id} data-entry={p.id}>
                <span class={`tl-cat tl-cat-${p.category}`} aria-hidden="true" />
                <PhraseHeading entry={props.entries.get(p.id)!} /> <span class="tl-muted">×{p.count}</span>
              </li>
            ))}
          </ol>
        </section>
        <section>
          <h2>{t('export')}</h2>
          <div class="exports">
            {EXPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                class="tl-button"
                onClick={() =>
                  props.save(
                    `tifa-lens.${format}`,
                    MIME[format],
                    exportAs(
                      format,
                      {
                        title,
                        url: pasted ? null : props.url,
                        byline: pasted ? null : (props.article?.byline ?? null),
                        text: annotation.text,
                        pageStarts: annotation.pageStarts,
                      },
                      annotation.result,
                    ),
                  )
                }
              >
                {format.toUpperCase()}
              </button>
            ))}
          </div>
        </section>
        <details class="paste-box">
          <summary>{t('analysePasted')}</summary>
          <textarea
            class="tl-input"
            aria-label={t('analysePasted')}
            value={draft}
            onInput={(e) => setDraft((e.currentTarget as HTMLTextAreaElement).value)}
          />
          <button type="button" class="tl-button" onClick={() => setPasted(blocksOfText(draft))} disabled={!draft.trim()}>
            {t('analyse')}
          </button>
        </details>
      </aside>
    </div>
  );
}
