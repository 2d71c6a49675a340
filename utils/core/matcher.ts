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

const PAIR_TABLE_SIZE = 1 << 16;
const pairHash = (first: number, second: number) => (first * 40503 + second) & (PAIR_TABLE_SIZE - 1);

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

  // The fold composed into the root table: the fast path (a character that starts no phrase, by
  // far the most common case) costs one lookup.
  const rootDirect = new Int32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) rootDirect[c] = rootChild[fold[c]];

  /**
   * Walks the trie from `start`, calling `onTerminal` at each phrase end (shortest first), and
   * returns the end and entry of the longest phrase found (-1 when none). Kept free of closures
   * and allocation: it runs once per candidate start on every page.
   */
  function walk(text: string, start: number, onTerminal?: (entry: number, end: number) => void): number {
    const length = text.length;
    let node = rootDirect[text.charCodeAt(start)];
    let position = start + 1;
    bestEntry = -1;
    let bestEnd = -1;
    for (;;) {
      const t = terminalOf[node];
      if (t !== 0) {
        bestEnd = position;
        bestEntry = t - 1;
        if (onTerminal) onTerminal(bestEntry, position);
      }
      if (position >= length) break;
      let next = position;
      let c = fold[text.charCodeAt(next)];
      let cls = charClass[c];
      if (cls !== CLASS_NONE) {
        // Skip invisible characters anywhere, separators only where a slogan's parts meet.
        let skipped = 0;
        while (cls !== CLASS_NONE && (cls === CLASS_ANYWHERE || separatorOk[node] === 1)) {
          if (++skipped > MAX_SKIP_RUN || ++next >= length) return bestEnd;
          c = fold[text.charCodeAt(next)];
          cls = charClass[c];
        }
      }
      let child = -1;
      const first = edgeStart[node];
      const last = edgeStart[node + 1];
      // Most nodes deep in the trie have one child: test it before setting up the loop.
      if (last - first === 1) {
        if (edgeChar[first] === c) child = edgeNode[first];
      } else {
        for (let e = first; e < last; e++) {
          if (edgeChar[e] === c) {
            child = edgeNode[e];
            break;
          }
        }
      }
      if (child < 0) break;
      node = child;
      position = next + 1;
    }
    return bestEnd;
  }
  let bestEntry = -1;

  // A second cheap filter: most characters that can start a phrase are common ones (不, 干, 工 …)
  // whose next character continues no phrase. A hashed table of valid first pairs (folded) rejects
  // them before any trie walk; a collision only costs a walk.
  // Small tables stay in cache: a byte per code unit for "can start a phrase" (64 KiB) is read for
  // every character; the 256 KiB node table only for the few that can.
  const canStart = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) canStart[c] = rootDirect[c] >= 0 ? 1 : 0;
  // Keyed by the first character's trie node (one per folded character), which the caller already
  // holds, and the second character as it stands in the text (every unfolded form of a folded
  // second character is entered), so the check needs no fold lookup. A one-character phrase marks
  // every pair as possible.
  const unfolded = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    const list = unfolded.get(fold[c]);
    if (list) list.push(c);
    else unfolded.set(fold[c], [c]);
  }
  const pairOk = new Uint8Array(PAIR_TABLE_SIZE);
  for (const node of building[0].values()) {
    if (terminalOf[node] !== 0) for (let c = 0; c < 0x10000; c++) pairOk[pairHash(node, c)] = 1;
    for (const second of building[node].keys()) {
      for (const raw of unfolded.get(second) ?? [second]) pairOk[pairHash(node, raw)] = 1;
    }
  }

  return {
    phrases,
    findMatches(text) {
      const matches: Match[] = [];
      const length = text.length;
      for (let i = 0; i < length; ) {
        const first = text.charCodeAt(i);
        if (canStart[first] === 0) {
          i++;
          continue;
        }
        const root = rootDirect[first];
        // A skippable second character (a space inside the phrase) and a one-character phrase go
        // to the full walk.
        const second = i + 1 < length ? text.charCodeAt(i + 1) : 0;
        if (pairOk[pairHash(root, second)] === 0 && charClass[fold[second]] === CLASS_NONE) {
          i++;
          continue;
        }
        const end = walk(text, i);
        if (end > 0) {
          matches.push({ entry: bestEntry, start: i, end });
          i = end;
        } else {
          i++;
        }
      }
      return matches;
    },
    findAllMatches(text) {
      const matches: Match[] = [];
      for (let i = 0; i < text.length; i++) {
        if (rootDirect[text.charCodeAt(i)] < 0) continue;
        walk(text, i, (entry, end) => matches.push({ entry, start: i, end }));
      }
      return matches;
    },
  };
}
