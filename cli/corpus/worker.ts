/**
 * A worker thread of `tifa corpus` (started through worker.mjs, which lets it load TypeScript): it
 * loads the glossary once, then answers each document task with its outcome, in the order received.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadData } from '../glossary-data';
import { createDocumentJob, type DocumentTask, type JobSettings } from './document-job';

const job = createDocumentJob(loadData(), workerData as JobSettings);
parentPort!.on('message', (task: DocumentTask) => {
  const outcome = job(task);
  // The lines are moved to the writing thread, not copied.
  const moved = outcome.kind === 'document' && outcome.lines ? [outcome.lines.document.buffer, outcome.lines.occurrences.buffer] : [];
  parentPort!.postMessage(outcome, moved as ArrayBuffer[]);
});
