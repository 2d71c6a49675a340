/** The page report: the article's metadata, how dense it is in phrases, and which. */
import type { CompiledEntry } from '@/utils/core/compiled-data';
import { CATEGORIES } from '@/utils/core/glossary-schema';
import { categoryLabel } from '@/utils/core/i18n';
import type { PageReport as Report } from '@/utils/extension/protocol';
import { useT } from './Language';
import { PhraseHeading } from './PhraseDetails';

export function PageReportView({ report, entries }: { report: Report; entries: ReadonlyMap<string, CompiledEntry> }) {
  const t = useT();
  const max = Math.max(1, ...Object.values(report.byCategory).map((n) => n ?? 0));
  return (
    <section class="report" aria-labelledby="report-title">
      <h2 id="report-title">{t('pageReport')}</h2>
      <p class="source tl-badge">{report.source === 'article' ? t('reportArticle') : t('reportWholePage')}</p>
      <dl>
        {report.title && (
          <>
            <dt class="visually-hidden">{t('reportTitle')}</dt>
            <dd class="title">{report.title}</dd>
          </>
        )}
        {report.byline && (
          <>
            <dt>{t('byline')}</dt>
            <dd>{report.byline}</dd>
          </>
        )}
        {report.siteName && (
          <>
            <dt>{t('site')}</dt>
            <dd>{report.siteName}</dd>
          </>
        )}
        {report.publishedTime && (
          <>
            <dt>{t('published')}</dt>
            <dd>{report.publishedTime}</dd>
          </>
        )}
      </dl>
      <p class="figures" aria-live="polite">
        {t('length', report.length)} · {t('listPair', t('phrasesCount', report.distinct), t('occurrencesCount', report.occurrences))} ·{' '}
        {t('density', report.density)}
      </p>
      <h3>{t('byCategory')}</h3>
      <ul class="chart">
        {CATEGORIES.filter((c) => report.byCategory[c]).map((c) => (
          <li key={c}>
            <span class={`label tl-cat tl-cat-${c}`}>{categoryLabel(t, c)}</span>
            <span class={`bar tl-cat-${c}`} aria-hidden="true" style={{ width: `${(100 * (report.byCategory[c] ?? 0)) / max}%` }} />
            <span class="value">{report.byCategory[c]}</span>
          </li>
        ))}
      </ul>
      <h3>{t('firstAppearance')}</h3>
      <ol class="report-phrases">
        {[...report.phrases]
          .sort((a, b) => a.first - b.first)
          .map((p) => {
            const entry = entries.get(p.id);
            return entry ? (
              <li key={p.id} data-entry={p.id}>
                <PhraseHeading entry={entry} /> <span class="tl-muted">×{p.count}</span>
              </li>
            ) : null;
          })}
      </ol>
    </section>
  );
}
