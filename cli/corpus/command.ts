/**
 * `tifa corpus`: every document of a corpus through the phrase matcher, into a dataset for research
 * (dataset.ts): occurrences, documents, errors and run.json. Documents are read and matched in
 * worker threads and written in input order, so the files are the same, byte for byte, for any
 * --jobs; a bounded number of documents is in flight at once, so memory does not grow with the
 * corpus.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { countOf } from '../../utils/core/export';
import { DEFAULT_HIGHLIGHT_LEVEL, type HighlightLevel } from '../../utils/core/policy-context';
import { encodingOf, levelOf } from '../annotate';
import { loadData, packageVersion } from '../glossary-data';
import { UserError, type Io } from '../io';
import { CORPUS_DOCUMENT_OPTIONS, HELP_OPTION, commandHelp, parseArgs, type OptionSpec } from '../options';
import { FORMATS, RUN_FILE, fileOf, formatOf, type Format } from './dataset';
import { openDatasetWriter } from './dataset-writer';
import type { DocumentOutcome, DocumentTask, JobSettings } from './document-job';
import { checkManifest, checkSource, inputItems, inputSource, type InputItem, type InputSource } from './input';
import { WorkerPool } from './pool';
import { Progress } from './progress';
import { carryOver } from './resume';
import { inShard, parseShard, type Shard } from './shard';

const OPTIONS: readonly OptionSpec[] = [
  { flag: '--out', value: 'DIR', help: 'write the dataset to DIR (made if missing): occurrences, documents, errors.jsonl and run.json' },
  {
    flag: '--manifest',
    value: 'FILE.csv',
    help: 'read the documents a CSV lists, with the columns id,date,path and, if wanted, source,url (paths relative to the CSV)',
  },
  {
    flag: '--jobs',
    value: 'N',
    help: 'worker threads that read and match documents (one per core by default); the output is the same for any N',
  },
  { flag: '--format', value: 'jsonl|parquet', help: 'JSON lines (the default) or Parquet, with the same columns' },
  {
    flag: '--level',
    value: 'key|context|all',
    help: 'which phrases, as in the extension: key phrases; key phrases and, in documents about policy, set formulas (the default); or all',
  },
  ...CORPUS_DOCUMENT_OPTIONS,
  { flag: '--resume', help: 'carry on an interrupted run in the same --out: the documents it wrote are kept and skipped' },
  { flag: '--shard', value: 'i/n', help: 'only share i of n of the documents (by a hash of the id): one of n machines or tasks' },
  HELP_OPTION,
];

const SYNOPSIS = 'usage: tifa corpus DIRECTORY|--manifest FILE.csv|- --out DIR [options]';
const HELP = commandHelp(
  'corpus',
  SYNOPSIS,
  [
    'Finds the phrases in every document of a corpus and writes a dataset for research: one line per',
    'occurrence (occurrences), one per document (documents), the files that could not be read',
    '(errors.jsonl) and what was run (run.json). DIRECTORY is read recursively (.txt, .html, .htm);',
    '- reads NDJSON lines {"id", "date", "text"} (and "source", "url" if wanted) on standard input.',
    'The README\'s "For researchers" lists the columns and queries to start from.',
  ],
  OPTIONS,
);
const SEE_HELP = HELP.seeHelp;

interface CorpusOptions {
  source: InputSource;
  out: string;
  jobs: number;
  format: Format;
  level: HighlightLevel;
  wholePage: boolean;
  encoding?: string;
  resume: boolean;
  shard?: Shard;
}

function parseOptions(argv: string[]): CorpusOptions | 'help' {
  const { options: given, operands } = parseArgs(argv, OPTIONS, SEE_HELP);
  let out: string | undefined;
  let manifest: string | undefined;
  let jobs = availableParallelism();
  let format: Format = 'jsonl';
  let level = DEFAULT_HIGHLIGHT_LEVEL;
  let wholePage = false;
  let encoding: string | undefined;
  let resume = false;
  let shard: Shard | undefined;
  for (const { flag, value } of given) {
    if (flag === '--help') return 'help';
    if (flag === '--whole-page') wholePage = true;
    else if (flag === '--resume') resume = true;
    else if (flag === '--level') level = levelOf(value, SEE_HELP);
    else if (flag === '--encoding') encoding = encodingOf(value, SEE_HELP);
    else if (value === undefined) throw new UserError(`${flag} takes a value; ${SEE_HELP}`, 2);
    else if (flag === '--out') out = value;
    else if (flag === '--manifest') manifest = value;
    else if (flag === '--jobs') {
      jobs = Number(value);
      if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UserError(`--jobs takes a number from 1 to 256; ${SEE_HELP}`, 2);
    } else if (flag === '--format') {
      if (!FORMATS.includes(value as Format)) throw new UserError(`--format takes jsonl or parquet; ${SEE_HELP}`, 2);
      format = value as Format;
    } else if (flag === '--shard') {
      shard = parseShard(value);
      if (!shard) throw new UserError(`--shard takes i/n, 1 ≤ i ≤ n (1/3, 2/3, 3/3); ${SEE_HELP}`, 2);
    }
  }
  const source = inputSource(operands, manifest, SEE_HELP);
  if (out === undefined) throw new UserError(`--out DIR is needed; ${SEE_HELP}`, 2);
  if (resume && format === 'parquet') {
    throw new UserError(
      '--resume carries on JSON lines only (a Parquet file is written whole): resume with --format jsonl, then convert',
      2,
    );
  }
  return { source, out, jobs, format, level, wholePage, encoding, resume, shard };
}

/** What run.json records of the options: those that decide the dataset's content. */
function recordedOptions(options: CorpusOptions) {
  return {
    input: options.source.kind,
    path: options.source.kind === 'stdin' ? null : options.source.path,
    level: options.level,
    whole_page: options.wholePage,
    encoding: options.encoding ?? null,
    format: options.format,
    shard: options.shard ? `${options.shard.index}/${options.shard.count}` : null,
  };
}

/** Documents in flight (sent to a thread, or done and not yet written) per thread: enough to keep each busy. */
const IN_FLIGHT_PER_JOB = 8;

export async function corpusCommand(argv: string[], io: Io): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    io.out(HELP.text());
    return 0;
  }
  const started = performance.now();
  checkSource(options.source);
  if (options.source.kind === 'manifest') await checkManifest(options.source.path);
  const { out, format } = options;
  mkdirSync(out, { recursive: true });
  const recorded = recordedOptions(options);
  const runPath = join(out, RUN_FILE);
  const existing = formatOf(out);
  if (!options.resume && existing) {
    throw new UserError(`${out}: already holds a dataset; --resume carries it on, or give another --out`);
  }
  if (options.resume && existsSync(runPath)) {
    const before = JSON.parse(readFileSync(runPath, 'utf8')).options ?? {};
    const differs = Object.keys(recorded).filter(
      (key) => key !== 'path' && JSON.stringify(before[key]) !== JSON.stringify(recorded[key as keyof typeof recorded]),
    );
    if (differs.length > 0) throw new UserError(`${out}: was made with other options (${differs.join(', ')}); resume with the same ones`);
  }
  const carried = options.resume ? await carryOver(out) : { done: new Set<string>(), occurrences: 0 };
  const data = loadData();
  const version = packageVersion();
  const writeRun = (run: object, counts: object = {}, errors: object[] = []) =>
    writeFileSync(
      runPath,
      `${JSON.stringify({ tifa: version, glossary_sha256: data.hash, options: recorded, counts, errors, run }, null, 2)}\n`,
    );
  writeRun({ jobs: options.jobs, finished: false });

  const keep = (task: DocumentTask) => (!options.shard || inShard(task.meta.id, options.shard)) && !carried.done.has(task.meta.id);
  const settings: JobSettings = { level: options.level, wholePage: options.wholePage, encoding: options.encoding, format };
  const pool = new WorkerPool<DocumentTask, DocumentOutcome>(
    options.jobs,
    join(dirname(fileURLToPath(import.meta.url)), 'worker.mjs'),
    settings,
  );
  const writer = await openDatasetWriter(out, format, options.resume, `tifa ${version} (hyparquet-writer)`);
  const progress = io.errIsTerminal ? new Progress((text) => io.err(text)) : undefined;
  if (progress && options.source.kind !== 'stdin') {
    // Counted alongside the run, for the ETA: listing costs little beside reading.
    void countDocuments(inputItems(options.source, io), keep).then(
      (total) => progress.setTotal(total),
      () => undefined, // the run itself meets and reports whatever stopped the count
    );
  }

  let documents = 0;
  let occurrences = 0;
  let bytes = 0;
  const reasons = new Map<string, number>();
  const write = async (outcome: DocumentOutcome) => {
    await writer.write(outcome);
    bytes += outcome.bytes;
    if (outcome.kind === 'document') {
      documents++;
      occurrences += outcome.occurrences;
    } else {
      reasons.set(outcome.error.reason, (reasons.get(outcome.error.reason) ?? 0) + 1);
    }
    progress?.advance(outcome.bytes);
  };
  try {
    const queue: Promise<DocumentOutcome>[] = [];
    const window = options.jobs * IN_FLIGHT_PER_JOB;
    for await (const item of inputItems(options.source, io)) {
      if ('task' in item && !keep(item.task)) continue;
      const outcome: Promise<DocumentOutcome> =
        'task' in item ? pool.run(item.task) : Promise.resolve({ kind: 'failure', bytes: 0, error: item.failure });
      // Awaited in order below; a rejection (a thread that died) is met there, not left unhandled here.
      outcome.catch(() => undefined);
      queue.push(outcome);
      while (queue.length >= window) await write(await queue.shift()!);
    }
    while (queue.length > 0) await write(await queue.shift()!);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`the run stopped: ${(error as Error)?.message ?? String(error)}`);
  } finally {
    progress?.finish();
    await writer.close();
    await pool.close();
  }

  const failed = [...reasons.values()].reduce((a, b) => a + b, 0);
  const total = { documents: carried.done.size + documents, occurrences: carried.occurrences + occurrences, failed };
  const errors = [...reasons].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([reason, count]) => ({ reason, count }));
  writeRun(
    {
      jobs: options.jobs,
      carried_over: carried.done.size,
      bytes_read: bytes,
      elapsed_s: Math.round(performance.now() - started) / 1000,
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      finished: true,
    },
    total,
    errors,
  );
  const carriedNote = carried.done.size > 0 ? ` (${carried.done.size} carried over)` : '';
  const failedNote = failed > 0 ? `; ${failed} failed, listed in ${join(out, fileOf('errors', format))}` : '; none failed';
  const counts = `${countOf(total.documents, 'document', 'documents')}${carriedNote}, ${countOf(total.occurrences, 'occurrence', 'occurrences')}`;
  io.out(`tifa corpus: ${counts}${failedNote}; the dataset is in ${out}\n`);
  return 0;
}

async function countDocuments(items: AsyncIterable<InputItem>, keep: (task: DocumentTask) => boolean): Promise<number> {
  let count = 0;
  for await (const item of items) if ('task' in item && keep(item.task)) count++;
  return count;
}
