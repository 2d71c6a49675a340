/**
 * `tifa` — the command-line face of Tifa Lens.
 *
 *   tifa annotate [options] FILE|-      one page or text: its phrases, meanings and essay references
 *   tifa corpus …                       a corpus of documents into a dataset for research
 *   tifa stats …                        counts and rates by month, year or source, from that dataset
 *   tifa discover …                     candidate phrases that the glossary does not hold yet
 *   tifa glossary …                     the glossary as a term base for translation tools (TBX, CSV, JSON)
 *
 * (tifa --help, tifa COMMAND --help.) Bad input gets one line on stderr and a non-zero exit, never a
 * stack trace.
 */
import { SEE_HELP, annotateCommand, annotateHelp } from './annotate';
import { corpusCommand } from './corpus/command';
import { discoverCommand } from './discover';
import { glossaryCommand } from './glossary';
import { packageVersion } from './glossary-data';
import { UserError, reported, type Io } from './io';
import { statsCommand } from './stats/command';

export type { Io } from './io';

const COMMANDS: readonly { name: string; about: string; run: (argv: string[], io: Io) => Promise<number> }[] = [
  { name: 'annotate', about: 'the phrases of one page or text (above)', run: (argv, io) => annotateCommand(argv, io, helpText) },
  { name: 'corpus', about: 'a directory, a manifest or a stream of documents into a dataset for research', run: corpusCommand },
  { name: 'stats', about: 'occurrences and rates of each phrase by month, year or source, from that dataset', run: statsCommand },
  { name: 'discover', about: 'candidate phrases that are not in the glossary', run: discoverCommand },
  { name: 'glossary', about: 'the glossary as a term base for translation tools: TBX, CSV or JSON', run: glossaryCommand },
];

function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 2;
  return [
    ...annotateHelp(),
    '',
    'Commands (tifa COMMAND -h lists the options of each):',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.about}`),
    '',
  ].join('\n');
}

export function main(argv: string[], io: Io): Promise<number> {
  return reported(io, async () => {
    const [command, ...rest] = argv;
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(helpText());
      return 0;
    }
    if (command === '--version' || command === '-V') {
      io.out(`tifa ${packageVersion()}\n`);
      return 0;
    }
    if (command?.startsWith('-') && command !== '-') throw new UserError(`unknown option ${command}; ${SEE_HELP}`, 2);
    const known = COMMANDS.find((c) => c.name === command);
    if (!known) throw new UserError(command ? `unknown command "${command}"; ${SEE_HELP}` : SEE_HELP, 2);
    return known.run(rest, io);
  });
}
