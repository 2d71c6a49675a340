/**
 * `--resume`: what an interrupted run left, cut back to what is whole. The writer puts a document's
 * occurrences before its row, in input order, so a dataset is whole up to some document: the rows
 * of documents.jsonl that parse, as far as each one's occurrences are all in occurrences.jsonl, in
 * order. Both files are truncated there (a line cut short, occurrences of a document without its
 * row) and the run carries on after it. Since the run reads in the same order, what it appends is
 * what an uninterrupted run would have written next: the files come out the same, byte for byte.
 */
import { createReadStream, existsSync } from 'node:fs';
import { truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { fileOf, type DocumentRecord } from './dataset';
import { lines } from './lines';

export interface Carried {
  /** Ids of the documents kept: the run skips them. */
  done: Set<string>;
  occurrences: number;
}

export async function carryOver(out: string): Promise<Carried> {
  const documentsPath = join(out, fileOf('documents', 'jsonl'));
  const occurrencesPath = join(out, fileOf('occurrences', 'jsonl'));
  const carried: Carried = { done: new Set(), occurrences: 0 };
  if (!existsSync(documentsPath)) return carried;

  const rows: { id: string; occurrences: number; end: number }[] = [];
  let end = 0;
  for await (const line of lines(createReadStream(documentsPath))) {
    let row: DocumentRecord | undefined;
    try {
      row = line.complete && line.text ? JSON.parse(line.text) : undefined;
    } catch {
      // A line that does not parse ends what is whole, as a line cut short does.
      row = undefined;
    }
    if (!row || typeof row.doc_id !== 'string' || !Number.isInteger(row.occurrences)) break;
    end += line.bytes;
    rows.push({ id: row.doc_id, occurrences: row.occurrences, end });
  }

  let kept = 0;
  let occurrencesEnd = 0;
  if (existsSync(occurrencesPath)) {
    const stream = lines(createReadStream(occurrencesPath))[Symbol.asyncIterator]();
    let bytes = 0;
    whole: for (; kept < rows.length; kept++) {
      const prefix = `{"doc_id":${JSON.stringify(rows[kept].id)},`;
      for (let n = 0; n < rows[kept].occurrences; n++) {
        const next = await stream.next();
        if (next.done || !next.value.complete || !next.value.text?.startsWith(prefix)) break whole;
        bytes += next.value.bytes;
      }
      occurrencesEnd = bytes;
      carried.occurrences += rows[kept].occurrences;
    }
    await stream.return?.(undefined);
  } else {
    while (kept < rows.length && rows[kept].occurrences === 0) kept++;
  }
  for (const row of rows.slice(0, kept)) carried.done.add(row.id);
  await truncate(documentsPath, kept === 0 ? 0 : rows[kept - 1].end);
  if (existsSync(occurrencesPath)) await truncate(occurrencesPath, occurrencesEnd);
  return carried;
}
