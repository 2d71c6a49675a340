/**
 * The reference that keyness is measured against: how often each short sequence of Han characters
 * occurs in ordinary, non-political Chinese text. Built once by scripts/build-discover-reference.ts
 * into data/discover-reference.json (its sources and licences are in docs/discover.md), or at run
 * time from a directory of the reader's own text (`tifa discover --reference DIR`).
 *
 * Only the commonest sequences of each length are kept, so that the table stays small. A sequence
 * that is not listed (rarer than the rarest listed one of its length, or longer than the table's
 * longest) is estimated from its parts by a Markov chain, and never more than the floor of its
 * length nor than any of its parts: a recipe's 一个 and 可以 are common, so 一个可以 gets a fair
 * estimate, where zero would make every long sequence look key.
 *
 * Pure: no DOM, no Node built-ins.
 */
import { foldText, type FoldTable } from '../fold';
import { countSequences, type SequenceCounts } from './sequence-counts';

const REFERENCE_FORMAT = 'tifa-discover-reference';

export interface ReferenceSource {
  /** owner/name on GitHub. */
  repo: string;
  commit: string;
  /** What was read, in words (which files, what kind of text). */
  what: string;
  licence: string;
  files: number;
  /** Han characters read from it. */
  characters: number;
}

/** One length's sequences: listed when counted at least `floor` times, in code-unit order. */
interface ReferenceLevel {
  length: number;
  floor: number;
  /** The sequences end to end (each `length` characters long). */
  forms: string;
  /** Their counts in base 36, comma-separated. */
  counts: string;
}

export interface ReferenceFile {
  format: typeof REFERENCE_FORMAT;
  version: 1;
  about: string;
  sources: ReferenceSource[];
  /** Han characters in all the sources. */
  characters: number;
  levels: ReferenceLevel[];
}

export interface ReferenceTable {
  /** Han characters the counts are out of. */
  readonly characters: number;
  /** Occurrences of a folded sequence in the reference: exact when listed, else estimated from its parts. */
  count(form: string): number;
}

/**
 * The levels of a reference table from counts over reference text: at most `perLength` sequences
 * of each length from 1 to the counts' maximum, the commonest. Ties at the cut are all left out, so
 * that every sequence not listed is rarer than the floor.
 */
function referenceLevels(counts: SequenceCounts, perLength: number, minCount: number): ReferenceLevel[] {
  const levels: ReferenceLevel[] = [];
  for (let length = 1; length <= counts.maxLength; length++) {
    const entries = counts.entries(length).sort((a, b) => b.count - a.count);
    // Every sequence counted minCount times was counted; past perLength, the commonest are kept.
    const floor = entries.length > perLength ? entries[perLength].count + 1 : minCount;
    const kept = entries.filter((e) => e.count >= floor).sort((a, b) => (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
    levels.push({
      length,
      floor,
      forms: kept.map((e) => e.form).join(''),
      counts: kept.map((e) => e.count.toString(36)).join(','),
    });
  }
  return levels;
}

const MAX_MEMO = 1 << 18;

/** Sequences kept per length in a table: about 350 KB in all, and the commonest are what keyness needs. */
const REFERENCE_PER_LENGTH = 10_000;

/** A sequence seen once tells nothing about ordinary text. */
const MIN_COUNT = 2;

/** Longest sequences a table holds: longer ones are estimated from these (readReference). */
const LONGEST = 4;

/** A reference table of folded texts, the commonest REFERENCE_PER_LENGTH sequences of each length kept. */
export function buildReference(folded: readonly string[], about: string, sources: ReferenceSource[]): ReferenceFile {
  const counts = countSequences(folded, { maxLength: LONGEST, minCount: MIN_COUNT });
  return {
    format: REFERENCE_FORMAT,
    version: 1,
    about,
    sources,
    characters: counts.characters,
    levels: referenceLevels(counts, REFERENCE_PER_LENGTH, MIN_COUNT),
  };
}

/**
 * Reads a reference file. Its sequences are folded again with the fold table in use, so that the
 * table stays right if the fold table has changed since it was built (two forms that now fold
 * together add up).
 */
export function readReference(file: ReferenceFile, fold: FoldTable): ReferenceTable {
  if (file.format !== REFERENCE_FORMAT || file.version !== 1)
    throw new Error(`not a reference table (format ${file.format}, version ${file.version})`);
  const listed = new Map<string, number>();
  const floors = new Map<number, number>();
  for (const level of file.levels) {
    floors.set(level.length, level.floor);
    const counts = level.counts === '' ? [] : level.counts.split(',');
    const forms = foldText(level.forms, fold);
    counts.forEach((count, i) => {
      const form = forms.slice(i * level.length, (i + 1) * level.length);
      listed.set(form, (listed.get(form) ?? 0) + Number.parseInt(count, 36));
    });
  }
  const longest = Math.max(...floors.keys());
  /**
   * A listed count, or an estimate: what a Markov chain of the table's order expects from the
   * sequence's parts (count(abc) ≈ count(ab) × count(bc) / count(b)), never more than the floor of
   * its length nor than the count of any part.
   */
  const estimate = (form: string, memo: Map<string, number>): number => {
    const known = listed.get(form) ?? memo.get(form);
    if (known !== undefined) return known;
    const floor = floors.get(form.length);
    let value: number;
    if (form.length === 1) value = floor === undefined ? 0 : floor - 1;
    else {
      const head = estimate(form.slice(0, -1), memo);
      const tail = estimate(form.slice(1), memo);
      // Of two characters, the parts are independent: the "middle" is the whole text.
      const middle = form.length === 2 ? file.characters : estimate(form.slice(1, -1), memo);
      const chain = middle > 0 ? (head * tail) / middle : 0;
      value = Math.min(chain, head, tail, floor === undefined || form.length > longest ? Number.POSITIVE_INFINITY : floor - 1);
    }
    memo.set(form, value);
    return value;
  };
  // Estimates are kept between calls (the parts of one candidate are parts of the next); the
  // cache is emptied when it grows large, which costs only recomputing.
  const memo = new Map<string, number>();
  return {
    characters: file.characters,
    count: (form) => {
      if (memo.size > MAX_MEMO) memo.clear();
      return estimate(form, memo);
    },
  };
}
