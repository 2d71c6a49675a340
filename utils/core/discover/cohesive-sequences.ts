/**
 * Cohesive sequences: runs of Han characters that behave as one unit in the corpus and are far
 * more frequent there than in ordinary text — the statistical route to a new formula that is
 * neither numbered, quoted nor in a series (共同富裕, 全过程人民民主).
 *
 * Three tests, the usual ones for finding new words without a dictionary:
 * - cohesion (pointwise mutual information at the weakest split): the sequence occurs far more
 *   often than its two halves would together by chance, however it is split;
 * - freedom (branching entropy on either side): many different characters stand before it and
 *   after it, so it is not a piece of something longer (共同富 is always followed by 裕);
 * - keyness (keyness.ts): against the reference of ordinary text.
 *
 * Pure.
 */
import { logRatio } from './keyness';
import type { ReferenceTable } from './reference-table';
import { countSequences, type Neighbours, type SequenceCounts, type SequenceEntry } from './sequence-counts';

export interface CohesionThresholds {
  minLength: number;
  maxLength: number;
  minCount: number;
  minDocuments: number;
  /** Bits of pointwise mutual information at the weakest split. */
  minCohesion: number;
  /** Bits of entropy of the characters on each side. */
  minFreedom: number;
  minLogRatio: number;
}

export interface CohesiveSequence extends SequenceEntry {
  cohesion: number;
  leftFreedom: number;
  rightFreedom: number;
}

/** log₂ of how much more often the sequence occurs than its parts would together, at its weakest split. */
function cohesionOf(form: string, count: number, counts: SequenceCounts): number {
  let weakest = Number.POSITIVE_INFINITY;
  for (let split = 1; split < form.length; split++) {
    const left = counts.count(form.slice(0, split));
    const right = counts.count(form.slice(split));
    weakest = Math.min(weakest, Math.log2((count * counts.characters) / (left * right)));
  }
  return weakest;
}

/**
 * Entropy, in bits, of the characters on one side; each boundary (a text's edge, punctuation,
 * anything not Han) counts as a character of its own, as a formula is often set off by them.
 */
function entropy(side: ReadonlyMap<number, number>, boundaries: number): number {
  let total = boundaries;
  for (const n of side.values()) total += n;
  if (total === 0) return 0;
  let h = boundaries > 0 ? (boundaries / total) * Math.log2(total) : 0;
  for (const n of side.values()) h -= (n / total) * Math.log2(n / total);
  return h;
}

function freedomOf(neighbours: Neighbours): { left: number; right: number } {
  return { left: entropy(neighbours.left, neighbours.leftBoundaries), right: entropy(neighbours.right, neighbours.rightBoundaries) };
}

export function findCohesiveSequences(
  folded: readonly string[],
  reference: ReferenceTable,
  limits: CohesionThresholds,
): CohesiveSequence[] {
  // Cohesion first: it needs only the corpus's own counts, the reference's estimate more work.
  const key = (entry: SequenceEntry, counts: SequenceCounts) =>
    cohesionOf(entry.form, entry.count, counts) >= limits.minCohesion &&
    logRatio(entry.count, counts.characters, reference.count(entry.form), reference.characters) >= limits.minLogRatio;
  const counts = countSequences(folded, {
    maxLength: limits.maxLength,
    minCount: limits.minCount,
    minDocuments: limits.minDocuments,
    wantNeighbours: key,
    neighboursFrom: limits.minLength,
  });
  const found: CohesiveSequence[] = [];
  for (let length = limits.minLength; length <= limits.maxLength; length++) {
    for (const entry of counts.entries(length)) {
      const neighbours = counts.neighbours(entry.form);
      if (!neighbours) continue;
      const freedom = freedomOf(neighbours);
      if (Math.min(freedom.left, freedom.right) < limits.minFreedom) continue;
      found.push({
        ...entry,
        cohesion: cohesionOf(entry.form, entry.count, counts),
        leftFreedom: freedom.left,
        rightFreedom: freedom.right,
      });
    }
  }
  return found;
}
