/**
 * The compiled glossary the CLI reads (generated/, made by `npm run data`) and the version of the
 * checkout it runs from, read when asked so that both are this checkout's.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompiledGlossary, CompiledPhrases } from '../utils/core/compiled-data';
import { UserError } from './io';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface GlossaryData {
  phrases: CompiledPhrases;
  glossary: CompiledGlossary;
  /** SHA-256 of the two compiled files: which glossary a dataset was made with. */
  hash: string;
}

export function loadData(): GlossaryData {
  let phrases: Buffer;
  let glossary: Buffer;
  try {
    phrases = readFileSync(join(root, 'generated/phrases.json'));
    glossary = readFileSync(join(root, 'generated/glossary.json'));
  } catch {
    throw new UserError('the compiled glossary is missing: run `npm run data` first');
  }
  return {
    phrases: JSON.parse(phrases.toString('utf8')),
    glossary: JSON.parse(glossary.toString('utf8')),
    hash: createHash('sha256').update(phrases).update(glossary).digest('hex'),
  };
}

export function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  } catch {
    throw new UserError('cannot read the version from package.json');
  }
}
