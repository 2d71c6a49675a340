/**
 * `tifa stats`: a dataset written by `tifa corpus` (or the shards of one) summed up per month, year
 * or source and phrase, as CSV on standard output.
 */
import { TIERS, type Tier } from '../../utils/core/glossary-schema';
import { formsOf } from '../../utils/core/glossary-schema';
import { createPhraseMatcher } from '../../utils/core/phrase-matcher';
import { readTable, formatOf, type DocumentRecord, type OccurrenceRecord } from '../corpus/dataset';
import { csvField } from '../csv';
import { loadData } from '../glossary-data';
import { UserError, type Io } from '../io';
import { HELP_OPTION, commandHelp, parseArgs, type OptionSpec } from '../options';
import { GROUPINGS, Tally, type Grouping } from './tally';

const OPTIONS: readonly OptionSpec[] = [
  { flag: '--by', value: 'month|year|source', help: 'one row per phrase and month (the default), year, or source' },
  { flag: '--phrase', value: 'ID|FORM', help: 'only this phrase, by its id or any of its forms in either script (again for more)' },
  { flag: '--tier', value: 'key|formula|vocabulary', help: 'only the phrases of this tier (again for more)' },
  { flag: '--min-docs', value: 'N', help: 'only rows whose phrase is in at least N documents of the period' },
  HELP_OPTION,
];

const SYNOPSIS = 'usage: tifa stats OUT [OUT …] [--by month|year|source] [options]';
const HELP = commandHelp(
  'stats',
  SYNOPSIS,
  [
    'Counts each phrase per period in the dataset `tifa corpus` wrote to OUT (or in several, such as',
    'the shards of one corpus), as CSV: occurrences, documents that have the phrase, the Han',
    'characters of the period, the rate per 10,000 Han characters and the share of the period’s',
    'documents. Documents with no date (or no source) make a period of their own, written empty.',
  ],
  OPTIONS,
);
const SEE_HELP = HELP.seeHelp;

const COLUMNS = ['phrase_id', 'canonical', 'occurrences', 'documents', 'han_chars', 'rate_per_10k', 'doc_share'];

export async function statsCommand(argv: string[], io: Io): Promise<number> {
  const { options, operands } = parseArgs(argv, OPTIONS, SEE_HELP);
  let by: Grouping = 'month';
  const phrases: string[] = [];
  const tiers: Tier[] = [];
  let minDocuments = 0;
  for (const { flag, value } of options) {
    if (flag === '--help') {
      io.out(HELP.text());
      return 0;
    }
    if (flag === '--by') {
      if (!GROUPINGS.includes(value as Grouping)) throw new UserError(`--by takes month, year or source; ${SEE_HELP}`, 2);
      by = value as Grouping;
    } else if (flag === '--tier') {
      if (!TIERS.includes(value as Tier)) throw new UserError(`--tier takes key, formula or vocabulary; ${SEE_HELP}`, 2);
      tiers.push(value as Tier);
    } else if (flag === '--min-docs') {
      minDocuments = Number(value);
      if (!Number.isInteger(minDocuments) || minDocuments < 0) throw new UserError(`--min-docs takes a whole number; ${SEE_HELP}`, 2);
    } else if (value === undefined) throw new UserError(`--phrase takes a phrase id or form; ${SEE_HELP}`, 2);
    else phrases.push(value);
  }
  if (operands.length === 0) throw new UserError(SEE_HELP, 2);
  for (const dir of operands) if (!formatOf(dir)) throw new UserError(`${dir}: holds no dataset of tifa corpus`);

  const wanted = phrases.length > 0 ? phraseIds(phrases) : undefined;
  const tally = new Tally(by, (o) => (!wanted || wanted.has(o.phrase_id)) && (tiers.length === 0 || tiers.includes(o.tier)));
  for (const dir of operands) for await (const document of readTable<DocumentRecord>(dir, 'documents')) tally.addDocument(document);
  for (const dir of operands)
    for await (const occurrence of readTable<OccurrenceRecord>(dir, 'occurrences')) tally.addOccurrence(occurrence);

  let csv = `${[by, ...COLUMNS].join(',')}\n`;
  for (const row of tally.rows(minDocuments)) {
    csv += `${[row.period, row.phrase_id, row.canonical, row.occurrences, row.documents, row.han_chars, row.rate_per_10k.toFixed(4), row.doc_share.toFixed(4)].map(csvField).join(',')}\n`;
  }
  io.out(csv);
  return 0;
}

/** The glossary ids of phrases given by id or by a form (folded: any script, with or without separators). */
function phraseIds(values: string[]): Set<string> {
  const { phrases, glossary } = loadData();
  const key = createPhraseMatcher(phrases).key;
  const ids = new Set<string>();
  for (const value of values) {
    const entry =
      glossary.entries.find((e) => e.id === value) ?? glossary.entries.find((e) => formsOf(e).some((form) => key(form) === key(value)));
    if (!entry) throw new UserError(`no phrase "${value}" in the glossary (give its id or one of its forms)`);
    ids.add(entry.id);
  }
  return ids;
}
