/**
 * The work done for each document, in a worker thread (worker.ts): read and decode its file (or take
 * the text given), find the article in HTML, find the phrases, and give back the records, already
 * serialized and encoded for JSONL so that the thread that writes only writes.
 */
import type { HighlightLevel } from '../../utils/core/policy-context';
import { UnreadableDocument, decodeDocument, documentText, readDocumentBytes } from '../document';
import type { GlossaryData } from '../glossary-data';
import type { ErrorRecord, Format } from './dataset';
import { createRecorder, type DocumentMeta, type DocumentRecords } from './records';

export interface JobSettings {
  level: HighlightLevel;
  wholePage: boolean;
  /** A standard encoding name for every file, over its <meta charset> (as annotate's --encoding). */
  encoding?: string;
  format: Format;
}

/** A document to read: a file (an absolute path), or text given on standard input. */
export type DocumentTask = { meta: DocumentMeta; file: string; shownAs: string } | { meta: DocumentMeta; text: string; shownAs: string };

export type DocumentOutcome =
  | {
      kind: 'document';
      /** Bytes read: the file's, or the UTF-8 text's. */
      bytes: number;
      occurrences: number;
      /** With --format jsonl: the document's line and its occurrences' lines, in UTF-8. */
      lines?: { document: Uint8Array; occurrences: Uint8Array };
      /** With --format parquet. */
      records?: DocumentRecords;
    }
  | { kind: 'failure'; bytes: number; error: ErrorRecord };

export function createDocumentJob(data: GlossaryData, settings: JobSettings): (task: DocumentTask) => DocumentOutcome {
  const record = createRecorder(data, settings.level);
  return (task) => {
    let bytes = 0;
    try {
      let input: string;
      if ('file' in task) {
        const raw = readDocumentBytes(task.file);
        bytes = raw.length;
        input = decodeDocument(raw, settings.encoding);
      } else {
        bytes = Buffer.byteLength(task.text);
        if (task.text.trim().length === 0) throw new UnreadableDocument('is empty');
        input = task.text;
      }
      const records = record(task.meta, documentText(input, 'file' in task ? task.file : '', settings.wholePage));
      const occurrences = records.occurrences.length;
      if (settings.format === 'parquet') return { kind: 'document', bytes, occurrences, records };
      let lines = '';
      for (const occurrence of records.occurrences) lines += `${JSON.stringify(occurrence)}\n`;
      // TextEncoder gives each array a buffer of its own, which can be handed to the writing thread
      // whole (Buffer.from may share a pooled one).
      const encoder = new TextEncoder();
      return {
        kind: 'document',
        bytes,
        occurrences,
        lines: { document: encoder.encode(`${JSON.stringify(records.document)}\n`), occurrences: encoder.encode(lines) },
      };
    } catch (error) {
      const reason =
        error instanceof UnreadableDocument ? error.message : `unexpected error: ${(error as Error)?.message ?? String(error)}`;
      return { kind: 'failure', bytes, error: { file: task.shownAs, doc_id: task.meta.id, reason } };
    }
  };
}
