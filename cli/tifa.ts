/**
 * `tifa` — the command-line face of Tifa Lens.
 *
 *   tifa annotate [options] FILE|-      (tifa --help lists the options)
 *
 * Reads HTML or plain text and prints the phrases found, with counts, meanings and where each occurs
 * in the source essays. Bad input gets one line on stderr and a non-zero exit, never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { annotate, plainTextBlocks, type Annotation } from '../utils/core/annotate';
import { findArticle } from '../utils/page/article';
import { collectBlocks } from '../utils/page/page-text';
import { createPhraseMatcher } from '../utils/core/phrase-matcher';
import { CATEGORY_LABELS, TIER_LABELS } from '../utils/core/glossary-schema';
import { DEFAULT_HIGHLIGHT_LEVEL, HIGHLIGHT_LEVELS, type HighlightLevel } from '../utils/core/policy-context';
import { EXPORT_FORMATS, countOf, exportAs, phraseTally, type ExportFormat } from '../utils/core/export';
import type { CompiledEntry, CompiledGlossary, CompiledPhrases } from '../utils/core/compiled-data';
import { InputEncodingError, decodeInput, encodingOfLabel } from './input-encoding';

export interface Io {
  readStdin(): Promise<Buffer>;
  out(text: string): void;
  err(text: string): void;
}

interface OptionSpec {
  flag: string;
  short?: string;
  /** The value's placeholder, for an option that takes one. */
  value?: string;
  help: string;
}

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
  { flag: '--help', short: '-h', help: 'print this help and exit' },
  { flag: '--version', short: '-V', help: 'print the version and exit' },
];

const SYNOPSIS = 'usage: tifa annotate [options] FILE|-';
const SEE_HELP = `${SYNOPSIS} (tifa --help lists the options)`;

function helpText(): string {
  const names = OPTIONS.map((o) => `${o.short ? `${o.short}, ` : '    '}${o.flag}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return [
    SYNOPSIS,
    '',
    'Prints the official phrases found in an HTML page or a text (FILE, or - for standard input):',
    'how often each occurs, what it means and where it occurs in the source essays.',
    '',
    'Options:',
    ...OPTIONS.map((o, i) => `  ${names[i].padEnd(width)}${o.help}`),
    '',
  ].join('\n');
}

/** An error meant for the user: printed as one line, exit code attached. */
class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const cliDir = dirname(fileURLToPath(import.meta.url));
const generatedDir = join(cliDir, '../generated');

function loadData(): { phrases: CompiledPhrases; glossary: CompiledGlossary } {
  try {
    return {
      phrases: JSON.parse(readFileSync(join(generatedDir, 'phrases.json'), 'utf8')),
      glossary: JSON.parse(readFileSync(join(generatedDir, 'glossary.json'), 'utf8')),
    };
  } catch {
    throw new UserError('the compiled glossary is missing: run `npm run data` first');
  }
}

/** Read when asked, so the version printed is that of the checkout the CLI runs from. */
function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(join(cliDir, '../package.json'), 'utf8')).version;
  } catch {
    throw new UserError('cannot read the version from package.json');
  }
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
  const options: Options = { level: DEFAULT_HIGHLIGHT_LEVEL, wholePage: false, json: false, help: false, version: false, files: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-' || !arg.startsWith('-')) {
      options.files.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const spec = OPTIONS.find((o) => o.flag === name || o.short === name);
    if (!spec) throw new UserError(`unknown option ${name}; ${SEE_HELP}`, 2);
    if (!spec.value) {
      if (equals !== -1) throw new UserError(`${name} takes no value; ${SEE_HELP}`, 2);
      if (spec.flag === '--all') options.level = 'all';
      else if (spec.flag === '--key-only') options.level = 'key';
      else if (spec.flag === '--whole-page') options.wholePage = true;
      else if (spec.flag === '--json') options.json = true;
      else if (spec.flag === '--help') options.help = true;
      else if (spec.flag === '--version') options.version = true;
      continue;
    }
    const value = equals === -1 ? args[++i] : arg.slice(equals + 1);
    if (spec.flag === '--level') {
      if (!HIGHLIGHT_LEVELS.includes(value as HighlightLevel)) throw new UserError(`--level takes key, context or all; ${SEE_HELP}`, 2);
      options.level = value as HighlightLevel;
    } else if (spec.flag === '--format') {
      if (!EXPORT_FORMATS.includes(value as ExportFormat)) throw new UserError(`--format takes md, json or csv; ${SEE_HELP}`, 2);
      options.format = value as ExportFormat;
    } else {
      const encoding = value === undefined ? undefined : encodingOfLabel(value);
      if (!encoding) {
        throw new UserError(
          value === undefined
            ? `--encoding takes an encoding label (gbk, gb18030, big5 …); ${SEE_HELP}`
            : `unknown encoding "${value}"; try gbk, gb18030, big5, utf-16le`,
          2,
        );
      }
      options.encoding = encoding;
    }
  }
  return options;
}

async function readInput(file: string, io: Io, encoding: string | undefined): Promise<string> {
  let bytes: Buffer;
  if (file === '-') {
    bytes = await io.readStdin();
  } else {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(file);
    } catch (error) {
      throw new UserError(`${file}: ${(error as NodeJS.ErrnoException)?.code === 'ENOENT' ? 'no such file' : 'cannot read it'}`);
    }
    if (stat.isDirectory()) throw new UserError(`${file}: is a directory, not a file`);
    try {
      bytes = readFileSync(file);
    } catch {
      throw new UserError(`${file}: cannot read it`);
    }
  }
  const name = file === '-' ? 'standard input' : file;
  let text: string;
  try {
    text = decodeInput(bytes, encoding).text;
  } catch (error) {
    if (error instanceof InputEncodingError) throw new UserError(`${name}: ${error.message}`);
    throw error;
  }
  if (text.trim().length === 0) throw new UserError(`${name}: is empty`);
  return text;
}

function looksLikeHtml(text: string, file: string): boolean {
  if (/\.x?html?$/i.test(file)) return true;
  return /^\s*</.test(text) && /<(!doctype|html|head|body|p|div|article|span|br)\b/i.test(text);
}

interface Extracted {
  text: string;
  blocks: { start: number; text: string }[];
  source: 'text' | 'article' | 'page';
  title?: string;
}

/** HTML → the article's text (or the whole page's), block by block, blocks joined by newlines. */
function extractHtml(html: string, wholePage: boolean): Extracted {
  const { document } = parseHTML(html);
  const root: Node = document.body ?? document.documentElement;
  const source: Extracted['source'] = 'page';
  const title: string | undefined = document.title || undefined;
  const blocks: Extracted['blocks'] = [];
  let text = '';
  if (!wholePage) {
    const parse = (h: string) => parseHTML(h).document as unknown as Document;
    const article = findArticle(parse(html), parse);
    if (article && article.blocks.length > 0) {
      for (const block of article.blocks) {
        if (text.length > 0) text += '\n';
        blocks.push({ start: text.length, text: block.text });
        text += block.text;
      }
      return { text, blocks, source: 'article', title: article.title || title };
    }
  }
  for (const block of collectBlocks(root)) {
    if (block.text.trim().length === 0) continue;
    if (text.length > 0) text += '\n';
    blocks.push({ start: text.length, text: block.text });
    text += block.text;
  }
  return { text, blocks, source, title };
}

const LEVEL_SCOPES: Record<HighlightLevel, string> = {
  key: 'key phrases only',
  context: 'key phrases, and set formulas where the text is about policy; --all adds everyday vocabulary',
  all: 'every phrase of the glossary, everyday vocabulary too',
};

function printText(result: Annotation, extracted: Extracted, level: HighlightLevel, io: Io) {
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

export async function main(argv: string[], io: Io): Promise<number> {
  try {
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
    if (command !== 'annotate') throw new UserError(command ? `unknown command "${command}"; ${SEE_HELP}` : SEE_HELP, 2);
    const options = parseOptions(rest);
    if (options.help) {
      io.out(helpText());
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
    const extracted: Extracted = looksLikeHtml(input, file)
      ? extractHtml(input, options.wholePage)
      : { text: input, blocks: plainTextBlocks(input), source: 'text' };
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
  } catch (error) {
    if (error instanceof UserError) {
      io.err(`tifa: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`tifa: unexpected error: ${(error as Error)?.message ?? String(error)}\n`);
    return 1;
  }
}
