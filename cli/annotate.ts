/**
 * `tifa annotate`: the phrases of one HTML page or text, with counts, meanings and where each occurs
 * in the source essays; or the same as Markdown, JSON or CSV.
 */
import { annotate, type Annotation } from '../utils/core/annotate';
import type { CompiledEntry } from '../utils/core/compiled-data';
import { EXPORT_FORMATS, countOf, exportAs, phraseTally, type ExportFormat } from '../utils/core/export';
import { CATEGORY_LABELS, TIER_LABELS } from '../utils/core/glossary-schema';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { DEFAULT_HIGHLIGHT_LEVEL, HIGHLIGHT_LEVELS, type HighlightLevel } from '../utils/core/policy-context';
import { UnreadableDocument, decodeDocument, documentText, readDocumentBytes, type DocumentText } from './document';
import { loadData, packageVersion } from './glossary-data';
import { encodingOfLabel } from './input-encoding';
import { UserError, type Io } from './io';
import { HELP_OPTION, optionLines, parseArgs, type OptionSpec } from './options';

export const OPTIONS: readonly OptionSpec[] = [
  {
    flag: '--level',
    value: 'key|context|all',
    help: 'which phrases: key phrases only; key phrases and, where the text is about policy, set formulas (the default, as the extension highlights); or all, everyday vocabulary too',
  },
  { flag: '--key-only', help: 'key phrases only, wherever they are (level key)' },
  { flag: '--all', help: 'every phrase of the glossary, everyday vocabulary too (level all)' },
  { flag: '--whole-page', help: 'read the whole HTML page, not only its article' },
  { flag: '--json', help: 'print the annotation as JSON' },
  { flag: '--format', value: 'md|json|csv', help: 'export as Markdown with footnotes, JSON with context, or CSV (one row a match)' },
  {
    flag: '--encoding',
    value: 'LABEL',
    help: 'read the input as LABEL (gbk, gb18030, big5, utf-16le …), over its <meta charset>; a byte order mark still wins',
  },
  HELP_OPTION,
  { flag: '--version', short: '-V', help: 'print the version and exit' },
];

const ANNOTATE_SYNOPSIS = 'usage: tifa annotate [options] FILE|-';
export const SEE_HELP = `${ANNOTATE_SYNOPSIS} (tifa --help lists the options)`;

export function annotateHelp(): string[] {
  return [
    ANNOTATE_SYNOPSIS,
    '',
    'Prints the official phrases found in an HTML page or a text (FILE, or - for standard input):',
    'how often each occurs, what it means and where it occurs in the source essays.',
    '',
    'Options:',
    ...optionLines(OPTIONS),
  ];
}

/** `--level`'s value, or the reason it is none. */
export function levelOf(value: string | undefined, seeHelp: string): HighlightLevel {
  if (!HIGHLIGHT_LEVELS.includes(value as HighlightLevel)) throw new UserError(`--level takes key, context or all; ${seeHelp}`, 2);
  return value as HighlightLevel;
}

/** `--encoding`'s label as a standard encoding name, or the reason it is none. */
export function encodingOf(value: string | undefined, seeHelp: string): string {
  const encoding = value === undefined ? undefined : encodingOfLabel(value);
  if (!encoding) {
    throw new UserError(
      value === undefined
        ? `--encoding takes an encoding label (gbk, gb18030, big5 …); ${seeHelp}`
        : `unknown encoding "${value}"; try gbk, gb18030, big5, utf-16le`,
      2,
    );
  }
  return encoding;
}

interface Options {
  level: HighlightLevel;
  wholePage: boolean;
  json: boolean;
  help: boolean;
  version: boolean;
  format?: ExportFormat;
  /** A standard encoding name, from --encoding's label. */
  encoding?: string;
  files: string[];
}

function parseOptions(args: string[]): Options {
  const { options: given, operands } = parseArgs(args, OPTIONS, SEE_HELP);
  const options: Options = { level: DEFAULT_HIGHLIGHT_LEVEL, wholePage: false, json: false, help: false, version: false, files: operands };
  for (const { flag, value } of given) {
    if (flag === '--all') options.level = 'all';
    else if (flag === '--key-only') options.level = 'key';
    else if (flag === '--whole-page') options.wholePage = true;
    else if (flag === '--json') options.json = true;
    else if (flag === '--help') options.help = true;
    else if (flag === '--version') options.version = true;
    else if (flag === '--level') options.level = levelOf(value, SEE_HELP);
    else if (flag === '--format') {
      if (!EXPORT_FORMATS.includes(value as ExportFormat)) throw new UserError(`--format takes md, json or csv; ${SEE_HELP}`, 2);
      options.format = value as ExportFormat;
    } else options.encoding = encodingOf(value, SEE_HELP);
  }
  return options;
}

async function readInput(file: string, io: Io, encoding: string | undefined): Promise<string> {
  const name = file === '-' ? 'standard input' : file;
  try {
    return decodeDocument(file === '-' ? await io.readStdin() : readDocumentBytes(file), encoding);
  } catch (error) {
    if (error instanceof UnreadableDocument) throw new UserError(`${name}: ${error.message}`);
    throw error;
  }
}

const LEVEL_SCOPES: Record<HighlightLevel, string> = {
  key: 'key phrases only',
  context: 'key phrases, and set formulas where the text is about policy; --all adds everyday vocabulary',
  all: 'every phrase of the glossary, everyday vocabulary too',
};

function printText(result: Annotation, extracted: DocumentText, level: HighlightLevel, io: Io) {
  const where =
    extracted.source === 'article'
      ? `the article${extracted.title ? ` “${extracted.title}”` : ''}`
      : extracted.source === 'page'
        ? 'the whole page'
        : 'the text';
  const scope = LEVEL_SCOPES[level];
  io.out(`${phraseTally(result)} in ${where} (${countOf(result.length, 'character', 'characters')}; ${scope})\n`);
  for (const phrase of result.phrases) {
    io.out(
      `\n${phrase.simplified} / ${phrase.traditional}  ×${phrase.count}  [${CATEGORY_LABELS[phrase.category].en} · ${TIER_LABELS[phrase.tier].en}]  ${phrase.pinyin} — ${phrase.gloss}\n`,
    );
    io.out(`  ${phrase.meaningEn}\n  ${phrase.meaningZh}\n`);
    if (phrase.officialEn) io.out(`  English: “${phrase.officialEn}” (${phrase.officialEnSource})\n`);
    if (phrase.origin.en.toLowerCase() !== 'unknown') io.out(`  Origin: ${phrase.origin.en}\n`);
    if (phrase.essayOccurrences === 0) {
      io.out('  In the essays: not used there (a related term)\n');
    } else {
      io.out(`  In the essays (${phrase.essayOccurrences}):\n`);
      for (const o of phrase.inEssays) {
        io.out(`    essay ${o.essay} ¶${o.paragraph}:${o.start}  …${o.before}【${o.text}】${o.after}…\n`);
      }
    }
  }
}

/** `help` prints the whole CLI's help (tifa.ts), which begins with this command's. */
export async function annotateCommand(argv: string[], io: Io, help: () => string): Promise<number> {
  const options = parseOptions(argv);
  if (options.help) {
    io.out(help());
    return 0;
  }
  if (options.version) {
    io.out(`tifa ${packageVersion()}\n`);
    return 0;
  }
  if (options.format && options.json) throw new UserError(`--json and --format are one or the other; ${SEE_HELP}`, 2);
  if (options.files.length !== 1) throw new UserError(SEE_HELP, 2);
  const file = options.files[0];

  const data = loadData();
  const input = await readInput(file, io, options.encoding);
  const extracted = documentText(input, file, options.wholePage);
  // The extension's own levels, so the CLI reports what a reader sees highlighted.
  const matcher = createPhraseMatcher(data.phrases).forLevel(options.level);
  const entries = new Map<string, CompiledEntry>(data.glossary.entries.map((e) => [e.id, e]));
  const result = annotate(extracted.text, extracted.blocks, matcher, entries, options.level);

  if (options.format) {
    io.out(exportAs(options.format, { title: extracted.title ?? null, text: extracted.text }, result));
  } else if (options.json) {
    io.out(`${JSON.stringify({ source: extracted.source, title: extracted.title ?? null, text: extracted.text, ...result }, null, 2)}\n`);
  } else {
    printText(result, extracted, options.level, io);
  }
  return 0;
}
