/**
 * The labelled sentences (precision-set.json) served as two pages, one paragraph a sentence: the
 * policy sentences and the others. The Chromium and Firefox suites compare what the extension
 * highlights on them with what the core reports (`tifa annotate`'s engine) at the default level.
 */
import { readFileSync } from 'node:fs';
import type { CompiledGlossary, CompiledPhrases } from '../utils/core/compiled-data';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { highlightsOfPage, loadPrecisionSet } from './precision';
import { repoPath } from './real-data';

export const SENTENCE_DOMAINS = ['policy', 'other'] as const;
type Domain = (typeof SENTENCE_DOMAINS)[number];

const paragraphsOf = (domain: Domain) =>
  loadPrecisionSet()
    .filter((s) => s.domain === domain)
    .map((s) => s.text);
const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The two pages by path, in small type: every paragraph is near the viewport, so all are registered. */
export function sentencePages(doc: (body: string) => string): Record<string, string> {
  const compact = (paragraphs: string[]) =>
    doc(`<style>p { margin: 0; font-size: 10px; line-height: 12px; }</style>${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}`);
  return Object.fromEntries(SENTENCE_DOMAINS.map((domain) => [sentencePagePath(domain), compact(paragraphsOf(domain))]));
}

export const sentencePagePath = (domain: Domain) => `/sentences-${domain}.html`;

/** What the built extension's data reports for a page, sorted: generated/ is what the build packed. */
export function expectedSentenceHighlights(domain: Domain): string[] {
  const read = (name: string) => JSON.parse(readFileSync(repoPath(`generated/${name}`), 'utf8'));
  const matcher = createPhraseMatcher(read('phrases.json') as CompiledPhrases);
  const entries = new Map((read('glossary.json') as CompiledGlossary).entries.map((e) => [e.id, e]));
  return highlightsOfPage(paragraphsOf(domain), matcher, entries, 'context');
}
