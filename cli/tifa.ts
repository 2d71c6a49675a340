/**
 * `tifa` — the command-line face of Tifa Lens.
 *
 *   tifa annotate [--json | --format md|json|csv] [--whole-page] FILE|-
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
import { CATEGORY_LABELS } from '../utils/core/glossary-schema';
import { EXPORT_FORMATS, exportAs, type ExportFormat } from '../utils/core/export';
import type { CompiledEntry, CompiledGlossary, CompiledPhrases } from '../utils/core/compiled-data';

export interface Io {
  readStdin(): Promise<Buffer>;
  out(text: string): void;
  err(text: string): void;
}

const USAGE = 'usage: tifa annotate [--json | --format md|json|csv] [--whole-page] FILE|-';

/** An error meant for the user: printed as one line, exit code attached. */
class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

const generatedDir = join(dirname(fileURLToPath(import.meta.url)), '../generated');

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

async function readInput(file: string, io: Io): Promise<string> {
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
  if (bytes.includes(0)) throw new UserError(`${name}: looks binary (it holds NUL bytes); give HTML or text`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${name}: is not valid UTF-8`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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

function printText(result: Annotation, extracted: Extracted, io: Io) {
  const total = result.matches.length;
  const where =
    extracted.source === 'article'
      ? `the article${extracted.title ? ` “${extracted.title}”` : ''}`
      : extracted.source === 'page'
        ? 'the whole page'
        : 'the text';
  io.out(`${result.phrases.length} phrases, ${total} occurrences in ${where} (${result.length} characters)\n`);
  for (const phrase of result.phrases) {
    io.out(
      `\n${phrase.simplified} / ${phrase.traditional}  ×${phrase.count}  [${CATEGORY_LABELS[phrase.category].en}]  ${phrase.pinyin} — ${phrase.gloss}\n`,
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
      io.out(`${USAGE}\n`);
      return 0;
    }
    if (command !== 'annotate') throw new UserError(command ? `unknown command "${command}"; ${USAGE}` : USAGE, 2);
    // --format takes a value (--format md or --format=md).
    let format: ExportFormat | undefined;
    const args: string[] = [];
    for (let i = 0; i < rest.length; i++) {
      const arg = rest[i];
      if (arg === '--format' || arg.startsWith('--format=')) {
        const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
        if (!EXPORT_FORMATS.includes(value as ExportFormat)) throw new UserError(`--format takes md, json or csv; ${USAGE}`, 2);
        format = value as ExportFormat;
      } else args.push(arg);
    }
    const flags = new Set(args.filter((a) => a.startsWith('--')));
    const files = args.filter((a) => !a.startsWith('--'));
    for (const flag of flags) {
      if (flag !== '--json' && flag !== '--whole-page') throw new UserError(`unknown option ${flag}; ${USAGE}`, 2);
    }
    if (format && flags.has('--json')) throw new UserError(`--json and --format are one or the other; ${USAGE}`, 2);
    if (files.length !== 1) throw new UserError(USAGE, 2);
    const file = files[0];

    const data = loadData();
    const input = await readInput(file, io);
    const extracted: Extracted = looksLikeHtml(input, file)
      ? extractHtml(input, flags.has('--whole-page'))
      : { text: input, blocks: plainTextBlocks(input), source: 'text' };
    const matcher = createPhraseMatcher(data.phrases);
    const entries = new Map<string, CompiledEntry>(data.glossary.entries.map((e) => [e.id, e]));
    const result = annotate(extracted.text, extracted.blocks, matcher, entries);

    if (format) {
      io.out(exportAs(format, { title: extracted.title ?? null, text: extracted.text }, result));
    } else if (flags.has('--json')) {
      io.out(`${JSON.stringify({ source: extracted.source, title: extracted.title ?? null, text: extracted.text, ...result }, null, 2)}\n`);
    } else {
      printText(result, extracted, io);
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
