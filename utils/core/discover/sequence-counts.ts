/**
 * Counts of every run of Han characters (a "sequence", one to `maxLength` characters) in a set of
 * folded documents: how often it occurs, in how many documents, and, for the sequences a caller
 * asks about, which characters stand on either side of it (for branching entropy).
 *
 * Counting is level by level (Apriori): a sequence of length n is counted only where both of its
 * (n − 1)-character parts were frequent, since no sequence occurs more often than its parts. Each
 * sequence is numbered, and a sequence of length n is the pair of its prefix's number and its last
 * character (pair-numbering.ts), so that the passes compare numbers and never build a string per
 * position.
 *
 * Pure: no DOM, no Node built-ins.
 */
import { isHanCode } from '../fold';
import { PairNumbering } from './pair-numbering';

/** Characters either side of a sequence; a text boundary or any character that is not Han counts as a distinct neighbour each time. */
export interface Neighbours {
  left: ReadonlyMap<number, number>;
  right: ReadonlyMap<number, number>;
  leftBoundaries: number;
  rightBoundaries: number;
}

export interface SequenceEntry {
  form: string;
  count: number;
  documents: number;
}

export interface SequenceCounts {
  /** Han characters in the documents. */
  readonly characters: number;
  readonly maxLength: number;
  /** Occurrences of a (folded) sequence; 0 when it is rarer than the minimum count. */
  count(form: string): number;
  documents(form: string): number;
  /** Every counted sequence of a length, in order of first occurrence. */
  entries(length: number): SequenceEntry[];
  /** For the sequences `wantNeighbours` accepted. */
  neighbours(form: string): Neighbours | undefined;
}

export interface CountOptions {
  maxLength: number;
  /** Sequences seen fewer times are not kept (nor is anything longer that holds them). */
  minCount: number;
  minDocuments?: number;
  /**
   * Called once for each kept sequence of `neighboursFrom` characters or more (2 when absent) when
   * its level is counted, shorter ones being counted by then: true to collect its neighbours.
   */
  wantNeighbours?: (entry: SequenceEntry, counts: SequenceCounts) => boolean;
  neighboursFrom?: number;
}

/** The sequences of one length (2 or more), numbered from 0 in order of first occurrence. */
interface Level {
  /** Number of each (prefix number, last character). */
  pairs: PairNumbering;
  count: Int32Array;
  documents: Int32Array;
}

interface NeighbourTable {
  left: Map<number, number>;
  right: Map<number, number>;
  leftBoundaries: number;
  rightBoundaries: number;
}

const SPAN = 0x10000;

export function countSequences(folded: readonly string[], options: CountOptions): SequenceCounts {
  const minDocuments = options.minDocuments ?? 1;
  // Documents end to end, each followed by a position that is not Han, so that no sequence runs
  // from one document into the next. Codes are 0 where the character is not Han.
  const length = folded.reduce((n, d) => n + d.length + 1, 0);
  const codes = new Uint16Array(length);
  const document = new Int32Array(length);
  let characters = 0;
  let at = 0;
  folded.forEach((text, doc) => {
    for (let i = 0; i < text.length; i++, at++) {
      document[at] = doc;
      const code = text.charCodeAt(i);
      if (isHanCode(code)) {
        codes[at] = code;
        characters++;
      }
    }
    document[at++] = doc;
  });

  // Level 1 is indexed by the character itself.
  const singleCount = new Int32Array(SPAN);
  const singleDocuments = new Int32Array(SPAN);
  const singleLast = new Int32Array(SPAN).fill(-1);
  for (let i = 0; i < length; i++) {
    const c = codes[i];
    if (c === 0) continue;
    singleCount[c]++;
    if (singleLast[c] !== document[i]) {
      singleLast[c] = document[i];
      singleDocuments[c]++;
    }
  }
  const keptSingle = (c: number) => singleCount[c] >= options.minCount && singleDocuments[c] >= minDocuments;
  /** Number of the sequence of the current length that starts at each position, -1 where none is kept. */
  const ids = new Int32Array(length);
  for (let i = 0; i < length; i++) ids[i] = codes[i] !== 0 && keptSingle(codes[i]) ? codes[i] : -1;

  const levels: Level[] = [];
  const neighbourTables: Map<number, NeighbourTable>[] = [];

  const idOf = (form: string): number => {
    if (form.length === 0 || form.length > options.maxLength) return -1;
    let id = form.charCodeAt(0);
    if (!keptSingle(id)) return -1;
    for (let n = 2; n <= form.length; n++) {
      const level = levels[n];
      if (!level) return -1;
      id = level.pairs.get(id, form.charCodeAt(n - 1));
      if (id < 0) return -1;
    }
    return id;
  };
  const formOf = (n: number, id: number): string => {
    const chars: number[] = [];
    for (let level = n; level >= 2; level--) {
      chars.push(levels[level].pairs.second[id]);
      id = levels[level].pairs.first[id];
    }
    chars.push(id);
    return String.fromCharCode(...chars.reverse());
  };

  const counts: SequenceCounts = {
    characters,
    maxLength: options.maxLength,
    count(form) {
      const id = idOf(form);
      if (id < 0) return 0;
      return form.length === 1 ? singleCount[id] : levels[form.length].count[id];
    },
    documents(form) {
      const id = idOf(form);
      if (id < 0) return 0;
      return form.length === 1 ? singleDocuments[id] : levels[form.length].documents[id];
    },
    entries(n) {
      if (n === 1) {
        const list: SequenceEntry[] = [];
        const seen = new Uint8Array(SPAN);
        for (let i = 0; i < length; i++) {
          const c = codes[i];
          if (c === 0 || seen[c] || !keptSingle(c)) continue;
          seen[c] = 1;
          list.push({ form: String.fromCharCode(c), count: singleCount[c], documents: singleDocuments[c] });
        }
        return list;
      }
      const level = levels[n];
      if (!level) return [];
      return Array.from({ length: level.pairs.size }, (_, id) => ({
        form: formOf(n, id),
        count: level.count[id],
        documents: level.documents[id],
      }));
    },
    neighbours(form) {
      const id = idOf(form);
      return id < 0 ? undefined : neighbourTables[form.length]?.get(id);
    },
  };

  const found = new Int32Array(length);
  for (let n = 2; n <= options.maxLength; n++) {
    // Count the sequences of length n where both parts of length n − 1 were kept.
    const seen = new PairNumbering();
    let count = new Int32Array(1024);
    let docs = new Int32Array(1024);
    let lastDoc = new Int32Array(1024);
    found.fill(-1);
    for (let i = 0; i + n <= length; i++) {
      const head = ids[i];
      if (head < 0 || ids[i + 1] < 0) continue;
      const t = seen.add(head, codes[i + n - 1]);
      if (t === count.length) {
        const grow = (a: Int32Array) => {
          const b = new Int32Array(a.length * 2);
          b.set(a);
          return b;
        };
        count = grow(count);
        docs = grow(docs);
        lastDoc = grow(lastDoc);
      }
      if (count[t] === 0) lastDoc[t] = -1;
      count[t]++;
      if (lastDoc[t] !== document[i]) {
        lastDoc[t] = document[i];
        docs[t]++;
      }
      found[i] = t;
    }
    // Keep the frequent ones, renumbered densely in order of first occurrence.
    const renumber = new Int32Array(seen.size).fill(-1);
    const kept = new PairNumbering(seen.size);
    const level: Level = { pairs: kept, count: new Int32Array(seen.size), documents: new Int32Array(seen.size) };
    for (let t = 0; t < seen.size; t++) {
      if (count[t] < options.minCount || docs[t] < minDocuments) continue;
      const id = kept.add(seen.first[t], seen.second[t]);
      renumber[t] = id;
      level.count[id] = count[t];
      level.documents[id] = docs[t];
    }
    levels[n] = level;
    for (let i = 0; i < length; i++) ids[i] = found[i] >= 0 ? renumber[found[i]] : -1;

    if (options.wantNeighbours && n >= (options.neighboursFrom ?? 2)) {
      const wanted = new Map<number, NeighbourTable>();
      for (let id = 0; id < kept.size; id++) {
        const entry = { form: formOf(n, id), count: level.count[id], documents: level.documents[id] };
        if (options.wantNeighbours(entry, counts))
          wanted.set(id, { left: new Map(), right: new Map(), leftBoundaries: 0, rightBoundaries: 0 });
      }
      for (let i = 0; i < length; i++) {
        const id = ids[i];
        if (id < 0) continue;
        const table = wanted.get(id);
        if (!table) continue;
        const before = i > 0 ? codes[i - 1] : 0;
        const after = i + n < length ? codes[i + n] : 0;
        if (before === 0) table.leftBoundaries++;
        else table.left.set(before, (table.left.get(before) ?? 0) + 1);
        if (after === 0) table.rightBoundaries++;
        else table.right.set(after, (table.right.get(after) ?? 0) + 1);
      }
      neighbourTables[n] = wanted;
    }
    if (kept.size === 0) break;
  }
  return counts;
}
