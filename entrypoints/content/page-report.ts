/**
 * What this page contains, for the popup: the summary (phrases and counts, the whole page) and the
 * report (the article's metadata and its phrases; the whole page when there is no article).
 */
import { reportFigures } from '@/utils/core/report-figures';
import type { PageReport, PageSummary, PhraseCount } from '@/utils/extension/protocol';
import type { PageMatch } from '@/utils/page/page-highlighter';
import { pageHasChinese, readableLength } from '@/utils/page/page-text';
import { isInside, type ArticleFinder } from './article-finder';
import type { HighlightSession } from './highlighting';

/** Distinct phrases with their counts, in order of first appearance. */
function countPhrases(matches: readonly PageMatch[]): PhraseCount[] {
  const counts = new Map<string, PhraseCount>();
  for (const m of matches) {
    const seen = counts.get(m.id);
    if (seen) seen.count++;
    else counts.set(m.id, { id: m.id, count: 1, first: counts.size });
  }
  return [...counts.values()];
}

export async function pageSummary(session: HighlightSession): Promise<PageSummary> {
  // A change taken in while waiting starts new work: the summary waits for that too, so that its
  // generation and its phrases describe the same pass.
  let generation: number;
  do {
    generation = session.generation;
    await session.idle();
  } while (generation !== session.generation);
  const matches = session.matches();
  return {
    url: location.href,
    hasChinese: document.body ? pageHasChinese(document.body) : false,
    enabled: session.enabled,
    total: matches.length,
    phrases: countPhrases(matches),
    generation,
  };
}

export async function pageReport(session: HighlightSession, articles: ArticleFinder): Promise<PageReport> {
  await session.idle();
  const found = await articles.find();
  const all = session.matches();
  const matches = found ? all.filter((m) => isInside(found.elements, m.startNode)) : all;
  const categories = session.phraseMatcher().categories;
  const length = found ? found.article.length : document.body ? readableLength(document.body, { shadowRoots: true }) : 0;
  const phrases = countPhrases(matches);
  return {
    url: location.href,
    hasChinese: document.body ? pageHasChinese(document.body) : false,
    source: found ? 'article' : 'page',
    title: found?.article.title || document.title,
    byline: found?.article.byline ?? null,
    siteName: found?.article.siteName ?? null,
    publishedTime: found?.article.publishedTime ?? null,
    length,
    distinct: phrases.length,
    ...reportFigures(
      matches.map((m) => categories[m.entry]),
      length,
    ),
    phrases,
  };
}
