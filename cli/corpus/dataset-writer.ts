/**
 * Writes each document's outcome to the dataset's files, in the order given: its occurrences, then
 * its row in documents, which never reaches the disk before them (so a document listed there is
 * whole; resume.ts relies on it), or its failure in errors.jsonl.
 */
import { join } from 'node:path';
import { fileOf, type DocumentRecord, type ErrorRecord, type Format, type OccurrenceRecord } from './dataset';
import type { DocumentOutcome } from './document-job';
import { LineFile } from './line-file';
import { ParquetTable } from './parquet-table';

export interface DatasetWriter {
  write(outcome: DocumentOutcome | { kind: 'failure'; error: ErrorRecord }): Promise<void>;
  close(): Promise<void>;
}

/** `append`: a resumed run adds to the JSONL files resume.ts has checked (Parquet is written whole). */
export async function openDatasetWriter(out: string, format: Format, append: boolean, createdBy: string): Promise<DatasetWriter> {
  const errors = await LineFile.open(join(out, fileOf('errors', format)), false);
  if (format === 'parquet') {
    const occurrences = new ParquetTable<OccurrenceRecord>(join(out, fileOf('occurrences', format)), 'occurrences', createdBy);
    const documents = new ParquetTable<DocumentRecord>(join(out, fileOf('documents', format)), 'documents', createdBy);
    return {
      async write(outcome) {
        if (outcome.kind === 'failure') return errors.write(`${JSON.stringify(outcome.error)}\n`);
        for (const occurrence of outcome.records!.occurrences) await occurrences.add(occurrence);
        await documents.add(outcome.records!.document);
      },
      async close() {
        await occurrences.close();
        await documents.close();
        await errors.close();
      },
    };
  }
  const occurrences = await LineFile.open(join(out, fileOf('occurrences', format)), append);
  const documents = await LineFile.open(join(out, fileOf('documents', format)), append, occurrences);
  return {
    async write(outcome) {
      if (outcome.kind === 'failure') return errors.write(`${JSON.stringify(outcome.error)}\n`);
      await occurrences.write(outcome.lines!.occurrences);
      await documents.write(outcome.lines!.document);
    },
    async close() {
      await occurrences.close();
      await documents.close();
      await errors.close();
    },
  };
}
