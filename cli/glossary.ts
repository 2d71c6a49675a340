/**
 * `tifa glossary`: the glossary as a term base for translation tools (TBX-Basic, CSV or JSON; see
 * utils/core/term-base.ts), the whole of it or its key entries, with a reader's own phrases on
 * request (the CSV or JSON the extension's options export).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseOwnPhrasesFile, type OwnPhrase } from '../utils/core/own-phrases';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { TERM_BASE_FORMATS, termBaseAs, termBaseRecords, type TermBaseFormat } from '../utils/core/term-base';
import { loadData } from './glossary-data';
import { UserError, type Io } from './io';
import { HELP_OPTION, commandHelp, parseArgs, type OptionSpec } from './options';

const OPTIONS: readonly OptionSpec[] = [
  {
    flag: '--format',
    value: 'tbx|csv|json',
    help: 'TBX-Basic (the default), CSV (source term, target term, note, then every field), or JSON',
  },
  { flag: '--key-only', help: 'only the key phrases' },
  { flag: '--own-phrases', value: 'FILE', help: 'add your own phrases, from the CSV or JSON file the extension’s options export' },
  { flag: '--out', short: '-o', value: 'FILE', help: 'write to FILE rather than standard output' },
  HELP_OPTION,
];

const SYNOPSIS = 'usage: tifa glossary [--format tbx|csv|json] [--key-only] [--own-phrases FILE] [--out FILE]';
const HELP = commandHelp(
  'glossary',
  SYNOPSIS,
  [
    'Writes the glossary as a term base that Trados, memoQ, Phrase or OmegaT import: each phrase in',
    'Simplified (zh-Hans) and Traditional (zh-Hant), its meaning as the definition, and each English',
    'rendering publishers give it as an English term, its kind and source in a note. Entry ids are kept.',
  ],
  OPTIONS,
);
const SEE_HELP = HELP.seeHelp;

function readOwnPhrases(file: string, key: (form: string) => string): OwnPhrase[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const parsed = parseOwnPhrasesFile(file, text, key);
  if (!parsed.ok) {
    const first = parsed.errors[0];
    throw new UserError(
      `${file}: row ${first.row}: ${first.problem}${parsed.errors.length > 1 ? ` (and ${parsed.errors.length - 1} more)` : ''}`,
    );
  }
  return parsed.phrases;
}

export async function glossaryCommand(argv: string[], io: Io): Promise<number> {
  const { options, operands } = parseArgs(argv, OPTIONS, SEE_HELP);
  if (operands.length > 0) throw new UserError(`tifa glossary takes no file to read (${operands[0]}); ${SEE_HELP}`, 2);
  let format: TermBaseFormat = 'tbx';
  let keyOnly = false;
  let ownFile: string | undefined;
  let out: string | undefined;
  for (const { flag, value } of options) {
    if (flag === '--help') {
      io.out(HELP.text());
      return 0;
    }
    if (flag === '--format') {
      if (!TERM_BASE_FORMATS.includes(value as TermBaseFormat)) throw new UserError(`--format takes tbx, csv or json; ${SEE_HELP}`, 2);
      format = value as TermBaseFormat;
    } else if (flag === '--key-only') keyOnly = true;
    else if (flag === '--own-phrases' || flag === '--out') {
      if (!value) throw new UserError(`${flag} needs a file; ${SEE_HELP}`, 2);
      if (flag === '--out') out = value;
      else ownFile = value;
    }
  }
  const { glossary, phrases } = loadData();
  const own = ownFile ? readOwnPhrases(ownFile, createPhraseMatcher(phrases).key) : [];
  const text = termBaseAs(format, termBaseRecords(glossary.entries, { keyOnly, own }));
  if (out) {
    try {
      writeFileSync(out, text);
    } catch (error) {
      throw new UserError(`cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  } else io.out(text);
  return 0;
}
