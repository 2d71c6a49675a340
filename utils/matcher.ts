/**
 * The phrase matcher: a flat trie over folded phrase keys, walked once over the text.
 *
 * - Any script or mixture matches, because text and keys are folded one code unit at a time
 *   (utils/fold.ts), which also keeps offsets 1:1 with the original text.
 * - Separators (、，,；;：: · – space) are tolerated at the places where a phrase's parts meet
 *   (上有政策、下有对策 = 上有政策，下有对策 = 上有政策下有对策); invisible characters (zero-width space,
 *   soft hyphen) and white space are tolerated anywhere inside a phrase, since pages insert them.
 * - Matches are leftmost-longest and never overlap. The cost per character is one table lookup plus
 *   a walk bounded by the longest phrase, so it stays flat as the glossary grows.
 *
 * Pure: no DOM, no browser APIs.
 */
import type { FoldTable } from './fold';

export interface PhraseSet {
  /** Entry ids, in the order the matcher reports them by index. */
  ids: readonly string[];
  /** Surface forms of each entry (canonical, Traditional, variants). */
  forms: readonly (readonly string[])[];
}

export interface Match {
  /** Index into PhraseSet.ids. */
  entry: number;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
}

/** Invisible or white-space characters: skippable anywhere inside a phrase. */
const SKIP_ANYWHERE = ' \t\n\r\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff';
/** Separators between the parts of a multi-part slogan (after folding, so "，" is already ","). */
const PART_SEPARATORS = '、,;:·・‧-–—/｡';
/** More than this many skipped characters in a row ends the phrase: it is not one phrase. */
const MAX_SKIP_RUN = 3;

const CLASS_NONE = 0;
const CLASS_ANYWHERE = 1;
const CLASS_SEPARATOR = 2;

export interface Matcher {
  readonly phrases: PhraseSet;
  /** Leftmost-longest, non-overlapping matches in one pass. */
  findMatches(text: string): Match[];
  /**
   * Every match at every start, overlapping ones included (a phrase nested in a longer one is
   * reported too). The corpus index uses it to list nested occurrences.
   */
  findAllMatches(text: string): Match[];
}

/** Splits a form into its parts at separators and returns the folded key and the part ends. */
export function keyOf(form: string, fold: FoldTable): { key: string; partEnds: number[] } {
  let key = '';
  const partEnds: number[] = [];
  for (let i = 0; i < form.length; i++) {
    const c = fold[form.charCodeAt(i)];
    const ch = String.fromCharCode(c);
    if (SKIP_ANYWHERE.includes(ch) || PART_SEPARATORS.includes(ch)) {
      if (key.length > 0 && partEnds[partEnds.length - 1] !== key.length) partEnds.push(key.length);
      continue;
    }
    key += ch;
  }
  return { key, partEnds };
}

export function compileMatcher(phrases: PhraseSet, fold: FoldTable): Matcher {
  // Trie under construction: one Map per node; flattened into typed arrays below.
  const building: Map<number, number>[] = [new Map()];
  const terminal: number[] = [0];
  const separatorAfter: boolean[] = [false];

  phrases.forms.forEach((forms, entry) => {
    for (const form of forms) {
      const { key, partEnds } = keyOf(form, fold);
      if (key.length === 0) continue;
      let node = 0;
      for (let i = 0; i < key.length; i++) {
        const c = key.charCodeAt(i);
        let next = building[node].get(c);
        if (next === undefined) {
          next = building.length;
          building.push(new Map());
          terminal.push(0);
          separatorAfter.push(false);
          building[node].set(c, next);
        }
        node = next;
        if (partEnds.includes(i + 1) && i + 1 < key.length) separatorAfter[node] = true;
      }
      // The first form wins a key: duplicate keys across entries are rejected at build time.
      if (terminal[node] === 0) terminal[node] = entry + 1;
    }
  });

  const nodeCount = building.length;
  const rootChild = new Int32Array(0x10000).fill(-1);
  for (const [c, child] of building[0]) rootChild[c] = child;
  const edgeStart = new Int32Array(nodeCount + 1);
  let edgeTotal = 0;
  for (let n = 0; n < nodeCount; n++) {
    edgeStart[n] = edgeTotal;
    if (n > 0) edgeTotal += building[n].size;
  }
  edgeStart[nodeCount] = edgeTotal;
  const edgeChar = new Uint16Array(edgeTotal);
  const edgeNode = new Int32Array(edgeTotal);
  for (let n = 1; n < nodeCount; n++) {
    let e = edgeStart[n];
    for (const [c, child] of building[n]) {
      edgeChar[e] = c;
      edgeNode[e] = child;
      e++;
    }
  }
  const terminalOf = Int32Array.from(terminal);
  const separatorOk = Uint8Array.from(separatorAfter, (b) => (b ? 1 : 0));

  const charClass = new Uint8Array(0x10000);
  for (const ch of SKIP_ANYWHERE) charClass[ch.charCodeAt(0)] = CLASS_ANYWHERE;
  for (const ch of PART_SEPARATORS) charClass[ch.charCodeAt(0)] = CLASS_SEPARATOR;

  function child(node: number, c: number): number {
    for (let e = edgeStart[node], end = edgeStart[node + 1]; e < end; e++) {
      if (edgeChar[e] === c) return edgeNode[e];
    }
    return -1;
  }

  /**
   * Walks the trie from `start` and calls `onTerminal` for each phrase end met, longest last.
   * Returns nothing: callers keep what they need.
   */
  function walk(text: string, start: number, onTerminal: (entry: number, end: number) => void): void {
    const length = text.length;
    let node = rootChild[fold[text.charCodeAt(start)]];
    if (node < 0) return;
    let position = start + 1;
    for (;;) {
      if (terminalOf[node] !== 0) onTerminal(terminalOf[node] - 1, position);
      let next = position;
      let c = 0;
      let skipped = 0;
      for (; next < length; next++) {
        c = fold[text.charCodeAt(next)];
        const cls = charClass[c];
        if (cls === CLASS_NONE || (cls === CLASS_SEPARATOR && separatorOk[node] === 0)) break;
        if (++skipped > MAX_SKIP_RUN) return;
      }
      if (next >= length) return;
      // A separator class character that is also a trie edge (rare) is tried as an edge.
      node = child(node, c);
      if (node < 0) return;
      position = next + 1;
    }
  }

  return {
    phrases,
    findMatches(text) {
      const matches: Match[] = [];
      let bestEntry = -1;
      let bestEnd = -1;
      const keepLongest = (entry: number, end: number) => {
        bestEntry = entry;
        bestEnd = end;
      };
      for (let i = 0; i < text.length; ) {
        // Fast path: most characters start no phrase.
        if (rootChild[fold[text.charCodeAt(i)]] < 0) {
          i++;
          continue;
        }
        bestEnd = -1;
        walk(text, i, keepLongest);
        if (bestEnd > 0) {
          matches.push({ entry: bestEntry, start: i, end: bestEnd });
          i = bestEnd;
        } else {
          i++;
        }
      }
      return matches;
    },
    findAllMatches(text) {
      const matches: Match[] = [];
      for (let i = 0; i < text.length; i++) {
        if (rootChild[fold[text.charCodeAt(i)]] < 0) continue;
        walk(text, i, (entry, end) => matches.push({ entry, start: i, end }));
      }
      return matches;
    },
  };
}
