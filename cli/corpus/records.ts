/**
 * One document's records: each occurrence shown at the level asked (the extension's levels and its
 * policy context, one document at a time: utils/core/annotate.ts) and the document's own row.
 */
import { shownBlockMatches } from '../../utils/core/annotate';
import type { CompiledEntry } from '../../utils/core/compiled-data';
import { countHan, createFormScript, type FormScript } from '../../utils/core/fold';
import { createPhraseMatcher } from '../../utils/core/phrase-matcher';
import type { HighlightLevel } from '../../utils/core/policy-context';
import type { DocumentText } from '../document';
import type { GlossaryData } from '../glossary-data';
import { CodePoints } from './code-points';
import type { DocumentRecord, OccurrenceRecord } from './dataset';

/** Code points of context on each side of an occurrence. */
const CONTEXT = 30;

/** What the input says about a document, before it is read. */
export interface DocumentMeta {
  id: string;
  date: string | null;
  source: string | null;
  url: string | null;
  path: string | null;
}

export interface DocumentRecords {
  document: DocumentRecord;
  occurrences: OccurrenceRecord[];
}

export function createRecorder(data: GlossaryData, level: HighlightLevel): (meta: DocumentMeta, read: DocumentText) => DocumentRecords {
  const matcher = createPhraseMatcher(data.phrases).forLevel(level);
  const entries = new Map<string, CompiledEntry>(data.glossary.entries.map((e) => [e.id, e]));
  const byIndex = matcher.ids.map((id) => entries.get(id)!);
  const formScript = createFormScript(matcher.fold, data.phrases.foldPairs);
  // A corpus writes the same few forms of each phrase again and again.
  const scripts = new Map<string, FormScript>();
  const scriptOf = (entry: CompiledEntry, surface: string) => {
    const key = `${entry.id}\u0000${surface}`;
    let script = scripts.get(key);
    if (script === undefined) scripts.set(key, (script = formScript(surface, entry.simplified, entry.traditional)));
    return script;
  };

  return (meta, read) => {
    const { text } = read;
    // Paragraphs are counted as a reader sees them: blank ones are none.
    const blocks = read.blocks.filter((block) => block.text.trim().length > 0);
    const points = new CodePoints(text);
    const occurrences: OccurrenceRecord[] = [];
    const phrases = new Set<string>();
    for (const { entry: index, start, end, block } of shownBlockMatches(text, blocks, matcher, level)) {
      const entry = byIndex[index];
      const surface = text.slice(start, end);
      phrases.add(entry.id);
      occurrences.push({
        doc_id: meta.id,
        date: meta.date,
        phrase_id: entry.id,
        canonical: entry.simplified,
        surface,
        script: scriptOf(entry, surface),
        tier: entry.tier,
        category: entry.category,
        char_start: points.at(start),
        char_end: points.at(end),
        paragraph: block,
        before: points.preceding(start, CONTEXT),
        after: points.following(end, CONTEXT),
      });
    }
    const document: DocumentRecord = {
      doc_id: meta.id,
      date: meta.date,
      source: meta.source,
      url: meta.url,
      path: meta.path,
      title: read.title ?? null,
      chars: points.length,
      han_chars: countHan(text),
      occurrences: occurrences.length,
      phrases: phrases.size,
    };
    return { document, occurrences };
  };
}
