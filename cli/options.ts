/**
 * Command-line options, one way for every command: `--flag`, `--flag value`, `--flag=value`, short
 * forms, operands anywhere (`-` is an operand: standard input). Each command reads the parsed
 * options in the order given, so a later one wins.
 */
import { UserError } from './io';

export interface OptionSpec {
  flag: string;
  short?: string;
  /** The value's placeholder, for an option that takes one. */
  value?: string;
  help: string;
}

/** Options that several commands take, said the same way in each. */
export const HELP_OPTION: OptionSpec = { flag: '--help', short: '-h', help: 'print this help and exit' };
/** Of commands that read many documents (corpus, discover). */
export const CORPUS_DOCUMENT_OPTIONS: readonly OptionSpec[] = [
  { flag: '--whole-page', help: 'read the whole of each HTML page, not only its article' },
  { flag: '--encoding', value: 'LABEL', help: 'read every file as LABEL (gbk, gb18030, big5 …), over its <meta charset>' },
];

export interface ParsedArgs {
  /** In the order given; `value` is undefined when a value is missing at the end of the line. */
  options: { flag: string; value?: string }[];
  operands: string[];
}

export function parseArgs(args: readonly string[], specs: readonly OptionSpec[], seeHelp: string): ParsedArgs {
  const parsed: ParsedArgs = { options: [], operands: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '-' || !arg.startsWith('-')) {
      parsed.operands.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals === -1 ? arg : arg.slice(0, equals);
    const spec = specs.find((o) => o.flag === name || o.short === name);
    if (!spec) throw new UserError(`unknown option ${name}; ${seeHelp}`, 2);
    if (!spec.value) {
      if (equals !== -1) throw new UserError(`${name} takes no value; ${seeHelp}`, 2);
      parsed.options.push({ flag: spec.flag });
      continue;
    }
    parsed.options.push({ flag: spec.flag, value: equals === -1 ? args[++i] : arg.slice(equals + 1) });
  }
  return parsed;
}

/** The options' help, one line each, aligned. */
export function optionLines(specs: readonly OptionSpec[]): string[] {
  const names = specs.map((o) => `${o.short ? `${o.short}, ` : '    '}${o.flag}${o.value ? ` ${o.value}` : ''}`);
  const width = Math.max(...names.map((n) => n.length)) + 2;
  return specs.map((o, i) => `  ${names[i].padEnd(width)}${o.help}`);
}

/**
 * A command's help (synopsis, what it does, its options) and the one-line pointer to it that an
 * error ends with: written the same way for every command.
 */
export function commandHelp(
  name: string,
  synopsis: string,
  about: readonly string[],
  specs: readonly OptionSpec[],
): { seeHelp: string; text: () => string } {
  return {
    seeHelp: `${synopsis} (tifa ${name} --help lists the options)`,
    text: () => [synopsis, '', ...about, '', 'Options:', ...optionLines(specs), ''].join('\n'),
  };
}
