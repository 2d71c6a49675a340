/**
 * `tifa discover`: candidate 提法 in a corpus that neither the glossary nor the reader's own phrases
 * hold — numbered formulas, quoted slogans, parallel series, cohesive sequences — ranked by the
 * documents that cite them and their keyness against ordinary text (utils/core/discover/,
 * docs/discover.md). It reads what `tifa corpus` reads, and writes a report, JSON, or the
 * candidates as an own-phrases CSV for the extension's options.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { candidatesAsOwnPhrases } from '../utils/core/discover/candidates-as-own-phrases';
import {
  CANDIDATE_KINDS,
  DEFAULT_DISCOVER_OPTIONS,
  discover,
  type CandidateKind,
  type DiscoverDocument,
} from '../utils/core/discover/discover';
import { buildReference, readReference, type ReferenceFile, type ReferenceTable } from '../utils/core/discover/reference-table';
import { discoveryReport } from '../utils/core/discover/report';
import { foldText, type FoldTable } from '../utils/core/fold';
import { ownPhrasesToCsv, parseOwnPhrasesFile, type OwnPhrase } from '../utils/core/own-phrases';
import { createPhraseMatcher, withOwnPhrases } from '../utils/core/phrase-matcher';
import { encodingOf } from './annotate';
import { checkSource, inputItems, inputSource, type InputSource } from './corpus/input';
import { UnreadableDocument, decodeDocument, documentText, readDocumentBytes } from './document';
import { loadData } from './glossary-data';
import { UserError } from './io';
import { CORPUS_DOCUMENT_OPTIONS, HELP_OPTION, commandHelp, parseArgs, type OptionSpec } from './options';
import type { Io } from './tifa';

const OPTIONS: readonly OptionSpec[] = [
  { flag: '--top', value: 'N', help: `how many candidates to print, best first (${DEFAULT_DISCOVER_OPTIONS.top})` },
  {
    flag: '--min-docs',
    value: 'N',
    help: `a candidate must be cited as a formula (quoted, or after 坚持, 贯彻 …) in at least N documents (${DEFAULT_DISCOVER_OPTIONS.minDocuments})`,
  },
  { flag: '--kinds', value: 'LIST', help: `only these finders, comma-separated: ${CANDIDATE_KINDS.join(', ')} (all)` },
  { flag: '--json', help: 'print the result as JSON' },
  {
    flag: '--own-phrases',
    value: 'FILE.csv',
    help: 'also write the candidates printed as an own-phrases CSV, ready to import in the extension’s options',
  },
  {
    flag: '--exclude',
    value: 'FILE',
    help: 'your own phrases (the CSV or JSON the options export, or any list they import): not proposed again',
  },
  {
    flag: '--reference',
    value: 'DIR',
    help: 'measure keyness against the ordinary text in DIR (.txt, .html, read recursively) instead of the shipped table',
  },
  {
    flag: '--manifest',
    value: 'FILE.csv',
    help: 'read the documents a CSV lists, with the columns id,date,path (paths relative to the CSV)',
  },
  ...CORPUS_DOCUMENT_OPTIONS,
  HELP_OPTION,
];

const SYNOPSIS = 'usage: tifa discover DIRECTORY|--manifest FILE.csv|- [options]';
const HELP = commandHelp(
  'discover',
  SYNOPSIS,
  [
    'Finds candidate phrases (提法) that neither the glossary nor your own phrases hold, in every',
    'document of a corpus: numbered formulas (两个维护), quoted slogans that recur, parallel series of',
    'four-character phrases (总揽全局、协调各方) and cohesive sequences far more frequent than in',
    'ordinary text. Each is ranked by the documents that cite it and by its keyness, with where it',
    'is cited. DIRECTORY is read recursively (.txt, .html, .htm); - reads NDJSON lines',
    '{"id", "date", "text"} on standard input, as `tifa corpus -` does. docs/discover.md explains',
    'the method and its measured precision.',
  ],
  OPTIONS,
);
const SEE_HELP = HELP.seeHelp;

interface DiscoverCommandOptions {
  source: InputSource;
  top: number;
  minDocuments: number;
  kinds: CandidateKind[];
  json: boolean;
  ownPhrasesOut?: string;
  exclude?: string;
  reference?: string;
  wholePage: boolean;
  encoding?: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHIPPED_REFERENCE = join(root, 'data/discover-reference.json');

function wholeNumber(flag: string, value: string, least: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < least) throw new UserError(`${flag} takes a whole number of at least ${least}; ${SEE_HELP}`, 2);
  return n;
}

function parseOptions(argv: string[]): DiscoverCommandOptions | 'help' {
  const { options: given, operands } = parseArgs(argv, OPTIONS, SEE_HELP);
  const parsed: Omit<DiscoverCommandOptions, 'source'> = {
    top: DEFAULT_DISCOVER_OPTIONS.top,
    minDocuments: DEFAULT_DISCOVER_OPTIONS.minDocuments,
    kinds: [...CANDIDATE_KINDS],
    json: false,
    wholePage: false,
  };
  let manifest: string | undefined;
  for (const { flag, value } of given) {
    if (flag === '--help') return 'help';
    if (flag === '--json') parsed.json = true;
    else if (flag === '--whole-page') parsed.wholePage = true;
    else if (flag === '--encoding') parsed.encoding = encodingOf(value, SEE_HELP);
    else if (value === undefined) throw new UserError(`${flag} takes a value; ${SEE_HELP}`, 2);
    else if (flag === '--top') parsed.top = wholeNumber(flag, value, 1);
    else if (flag === '--min-docs') parsed.minDocuments = wholeNumber(flag, value, 1);
    else if (flag === '--kinds') {
      const kinds = value.split(',').map((k) => k.trim());
      const unknown = kinds.find((k) => !(CANDIDATE_KINDS as readonly string[]).includes(k));
      if (unknown !== undefined || kinds.length === 0) {
        throw new UserError(`--kinds takes ${CANDIDATE_KINDS.join(', ')}, comma-separated; ${SEE_HELP}`, 2);
      }
      parsed.kinds = kinds as CandidateKind[];
    } else if (flag === '--own-phrases') parsed.ownPhrasesOut = value;
    else if (flag === '--exclude') parsed.exclude = value;
    else if (flag === '--reference') parsed.reference = value;
    else if (flag === '--manifest') manifest = value;
  }
  return { source: inputSource(operands, manifest, SEE_HELP), ...parsed };
}

/** Every readable document of the source; the others are counted and named on standard error. */
async function readDocuments(source: InputSource, io: Io, wholePage: boolean, encoding: string | undefined): Promise<DiscoverDocument[]> {
  const documents: DiscoverDocument[] = [];
  const failures: string[] = [];
  for await (const item of inputItems(source, io)) {
    if ('failure' in item) {
      failures.push(`${item.failure.file}: ${item.failure.reason}`);
      continue;
    }
    const { task } = item;
    try {
      const text =
        'file' in task ? documentText(decodeDocument(readDocumentBytes(task.file), encoding), task.file, wholePage).text : task.text;
      if (text.trim() === '') throw new UnreadableDocument('is empty');
      documents.push({ id: task.meta.id, text });
    } catch (error) {
      if (!(error instanceof UnreadableDocument)) throw error;
      failures.push(`${task.shownAs}: ${error.message}`);
    }
  }
  if (failures.length > 0) {
    io.err(`tifa discover: ${failures.length} ${failures.length === 1 ? 'document' : 'documents'} could not be read, left out:\n`);
    for (const failure of failures.slice(0, 10)) io.err(`  ${failure}\n`);
    if (failures.length > 10) io.err(`  … and ${failures.length - 10} more\n`);
  }
  return documents;
}

function readOwnPhrases(file: string, key: (form: string) => string): OwnPhrase[] {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`${file}: cannot read it`);
  }
  const parsed = parseOwnPhrasesFile(file, source, key);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new UserError(
      `${file}: not a list of phrases the options would import (row ${first.row}: ${first.problem}${first.value ? ` "${first.value}"` : ''})`,
    );
  }
  return parsed.phrases;
}

async function loadReference(options: DiscoverCommandOptions, io: Io, fold: FoldTable): Promise<ReferenceTable> {
  if (options.reference === undefined) return readReference(JSON.parse(readFileSync(SHIPPED_REFERENCE, 'utf8')) as ReferenceFile, fold);
  const source: InputSource = { kind: 'directory', path: options.reference };
  checkSource(source);
  const texts = await readDocuments(source, io, options.wholePage, options.encoding);
  if (texts.length === 0) throw new UserError(`${options.reference}: holds no .txt or .html file to read as ordinary text`);
  const file = buildReference(
    texts.map((d) => foldText(d.text, fold)),
    `Built by tifa discover from ${options.reference}`,
    [],
  );
  return readReference(file, fold);
}

export async function discoverCommand(argv: string[], io: Io): Promise<number> {
  const options = parseOptions(argv);
  if (options === 'help') {
    io.out(HELP.text());
    return 0;
  }
  checkSource(options.source);
  const data = loadData();
  // Every tier of the glossary is known, vocabulary too: discover proposes what it does not hold.
  const glossary = createPhraseMatcher(data.phrases);
  const key = (form: string) => glossary.key(form);
  const known = options.exclude === undefined ? glossary : withOwnPhrases(glossary, readOwnPhrases(options.exclude, key));
  const reference = await loadReference(options, io, glossary.fold);
  const documents = await readDocuments(options.source, io, options.wholePage, options.encoding);
  if (documents.length === 0) throw new UserError('no document to read');

  const result = discover(documents, known, glossary.fold, reference, {
    ...DEFAULT_DISCOVER_OPTIONS,
    minDocuments: options.minDocuments,
    top: options.top,
    kinds: options.kinds,
  });
  io.out(options.json ? `${JSON.stringify(result, null, 2)}\n` : discoveryReport(result));
  if (options.ownPhrasesOut !== undefined) {
    const { phrases, refused } = candidatesAsOwnPhrases(result.candidates, result.documents, key);
    try {
      writeFileSync(options.ownPhrasesOut, ownPhrasesToCsv(phrases));
    } catch {
      throw new UserError(`${options.ownPhrasesOut}: cannot write it`);
    }
    for (const { form, problem } of refused) io.err(`tifa discover: "${form}" left out of ${options.ownPhrasesOut}: ${problem}\n`);
  }
  return 0;
}
