/**
 * Flashcards for Anki: a tab-separated file with Anki's header lines, one card per phrase.
 * - front: the phrase in Simplified and Traditional, and its pinyin;
 * - back: the meaning (English, then Chinese), the lead English rendering with who gives it, and
 *   the first line where the phrase stands in the source essays, the phrase marked.
 * Fields are HTML (Anki shows them as such) and every piece of text in them is escaped; tabs and
 * line breaks inside a field would end it, so they become spaces or <br>.
 *
 * Pure: no DOM, no browser APIs.
 */
import type { CompiledEntry } from './compiled-data';
import { leadRendering } from './glossary-schema';

/** Characters of essay context either side of the phrase on the back. */
const CONTEXT = 14;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** A field's text: no tab (the separator) and no bare line break (the record's end). */
const field = (html: string) => html.replace(/\t/g, ' ').replace(/\r?\n/g, '<br>');

export interface FlashcardEntry
  extends Pick<
    CompiledEntry,
    'id' | 'simplified' | 'traditional' | 'pinyin' | 'meaningEn' | 'meaningZh' | 'category' | 'occurrences' | 'english'
  > {
  tier?: string;
}

export function flashcardFront(entry: FlashcardEntry): string {
  const forms =
    entry.traditional && entry.traditional !== entry.simplified ? `${entry.simplified} / ${entry.traditional}` : entry.simplified;
  const pinyin = entry.pinyin ? `<br><span class="pinyin">${escapeHtml(entry.pinyin)}</span>` : '';
  return field(`<span class="phrase">${escapeHtml(forms)}</span>${pinyin}`);
}

export function flashcardBack(entry: FlashcardEntry): string {
  const meanings = [...new Set([entry.meaningEn, entry.meaningZh].filter((m) => m.trim() !== ''))].map(escapeHtml);
  const first = entry.occurrences[0];
  const context = first
    ? `<br><small>Essay ${first.essay} ¶${first.paragraph}: …${escapeHtml(first.before.slice(-CONTEXT))}<b>${escapeHtml(first.text)}</b>${escapeHtml(first.after.slice(0, CONTEXT))}…</small>`
    : '';
  const lead = leadRendering(entry);
  const english = lead
    ? `<br><i>“${escapeHtml(lead.text)}”</i> <small>(${escapeHtml(lead.kind)}: ${escapeHtml(lead.source.publisher)}${lead.source.year ? ` ${lead.source.year}` : ''})</small>`
    : '';
  return field(`${meanings.join('<br>')}${english}${context}`);
}

/**
 * The file: Anki (2.1.54 and later) reads the header lines and imports without questions; the
 * third column becomes the card's tags (tifa-lens, the category, the tier).
 */
export function flashcardsTsv(entries: readonly FlashcardEntry[]): string {
  const header = ['#separator:tab', '#html:true', '#columns:Front\tBack\tTags', '#tags column:3'];
  const rows = entries.map((entry) => {
    const tags = ['tifa-lens', entry.category, entry.tier].filter(Boolean).join(' ');
    return [flashcardFront(entry), flashcardBack(entry), tags].join('\t');
  });
  return `${[...header, ...rows].join('\n')}\n`;
}

/** The file name for a list of cards, dated so that exports do not overwrite each other. */
export function flashcardsFileName(what: string, now = new Date()): string {
  return `tifa-lens-${what}-${now.toISOString().slice(0, 10)}.tsv`;
}
