/**
 * The phrase matcher: a flat trie over folded phrase keys, walked once over the text.
 *
 * - Any script or mixture matches, because text and keys are folded one code unit at a time
 *   (utils/core/fold.ts), which also keeps offsets 1:1 with the original text.
 * - Separators (、，,；;：: · – space) are tolerated at the places where a phrase's parts meet
 *   (上有政策、下有对策 = 上有政策，下有对策 = 上有政策下有对策); invisible characters (zero-width space,
 *   soft hyphen) and white space are tolerated anywhere inside a phrase, since pages insert them.
 *   Enumerations written without separators (你好我好大家好) are recognised as such.
 * - Matches are leftmost-longest and never overlap. The cost per character is one table lookup plus
 *   a walk bounded by the longest phrase, so it stays flat as the glossary grows.
 * - A *blocking* form is a longer everyday word that contains a phrase (臺灣吃透透 holds 吃透): where
 *   it is the longest match, nothing is reported and the walk moves past it.
 *
 * The tables are built once, at build time (buildMatcherTables), and shipped as compact typed
 * arrays (encodeMatcherTables): a page decodes them and starts matching, it compiles nothing.
 *
 * Pure: no DOM, no browser APIs.
 *
 * One file of more than 400 lines on purpose: the tables' layout, their building, their encoding and
 * the walks over them are one data structure, and each part depends on the others' invariants (a
 * node's edges are contiguous, terminals and separator flags are indexed by node). Apart, the layout
 * would have to be exported to every part.
 */
import type { FoldTable } from './fold';

export interface PhraseSet {
  /** Entry ids, in the order the matcher reports them by index. */
  ids: readonly string[];
  /** Surface forms of each entry (canonical, Traditional, variants). */
  forms: readonly (readonly string[])[];
  /** Longer everyday words that contain one of the entry's forms: no match inside them. */
  blockers?: readonly (readonly string[])[];
}

export interface Match {
  /** Index into the entry ids. */
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

/** Everything the matcher needs, as flat arrays: built at build time, decoded in a page. */
export interface MatcherTables {
  /** Edges of node n are edgeStart[n] … edgeStart[n + 1] - 1 (the root's are in rootChars). */
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeNode: Int32Array;
  /** entry + 1 where a phrase ends, -(entry + 1) where a blocking form ends, 0 elsewhere. */
  terminal: Int32Array;
  /** 1 where a separator may follow (the end of a part of a multi-part slogan). */
  separatorOk: Uint8Array;
  /** The root's children: folded first characters and their nodes. */
  rootChars: Uint16Array;
  rootNodes: Int32Array;
  /**
   * A bit set over hashed (first node, second character as written) pairs that can begin a phrase:
   * most characters that can start a phrase (不, 干, 工 …) are not followed by one that continues it,
   * and the set rejects them before any walk. A collision only costs a walk.
   */
  pairOk: Uint8Array;
}

export interface Matcher {
  readonly ids: readonly string[];
  /** Leftmost-longest, non-overlapping matches in one pass. */
  findMatches(text: string): Match[];
  /**
   * Every match at every start, overlapping ones included (a phrase nested in a longer one is
   * reported too). The corpus index uses it to list nested occurrences.
   */
  findAllMatches(text: string): Match[];
  /**
   * The longest form starting at `start`, or a blocking word there (entry -1: nothing inside it is
   * reported); undefined when neither starts there. What findMatches takes at each position, for
   * matchers combined as one (combineMatchers).
   */
  longestAt(text: string, start: number): Match | undefined;
  /** The same tables matching only the entries whose flag is 1 (key entries, shown categories …). */
  only(enabled: Uint8Array): Matcher;
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
  const last = partEnds[partEnds.length - 1];
  if (last === key.length) partEnds.pop();
  return { key, partEnds: partEnds.length > 0 ? partEnds : enumerationParts(key) };
}

/**
 * Where the parts of an enumeration written without separators meet, so that a page's
 * 你好、我好、大家好 matches the glossary's 你好我好大家好. Two shapes are recognised:
 * - three or more parts that end with the same character (你好|我好|大家好);
 * - two to five parts of equal length that share characters at the same places
 *   (门难进|脸难看|事难办; 干多干少一个样|干好干坏一个样 shares four).
 * Anything else has no parts: separators inside it still end the match.
 */
export function enumerationParts(key: string): number[] {
  const n = key.length;
  if (n < 6) return [];
  const lastChar = key[n - 1];
  const ends: number[] = [];
  for (let i = 1; i < n - 1; i++) if (key[i] === lastChar) ends.push(i + 1);
  if (ends.length >= 2 && ends.every((end, i) => end - (ends[i - 1] ?? 0) >= 2) && n - ends[ends.length - 1] >= 2) return ends;
  for (let parts = 2; parts <= 5; parts++) {
    if (n % parts !== 0) continue;
    const size = n / parts;
    if (size < 2) break;
    const chunks = Array.from({ length: parts }, (_, p) => key.slice(p * size, (p + 1) * size));
    if (new Set(chunks).size !== parts) continue;
    let shared = 0;
    for (let j = 0; j < size; j++) if (chunks.every((c) => c[j] === chunks[0][j])) shared++;
    // Two parts need more in common than three or more: two halves of any phrase often share one.
    if (shared >= (parts === 2 ? 2 : 1) && shared < size) return chunks.slice(1).map((_, p) => (p + 1) * size);
  }
  return [];
}

/** Builds the tables (build time; a page only decodes them). */
export function buildMatcherTables(phrases: PhraseSet, fold: FoldTable): MatcherTables {
  // Trie under construction: one Map per node; flattened into typed arrays below.
  const building: Map<number, number>[] = [new Map()];
  const terminal: number[] = [0];
  const separatorAfter: boolean[] = [false];
  const insert = (form: string, value: number) => {
    const { key, partEnds } = keyOf(form, fold);
    if (key.length === 0) return;
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
      if (partEnds.includes(i + 1)) separatorAfter[node] = true;
    }
    // The first form wins a key: duplicate keys across entries are rejected at build time.
    if (terminal[node] === 0) terminal[node] = value;
  };
  phrases.forms.forEach((forms, entry) => {
    for (const form of forms) insert(form, entry + 1);
  });
  phrases.blockers?.forEach((forms, entry) => {
    for (const form of forms) insert(form, -(entry + 1));
  });

  const nodeCount = building.length;
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
  const rootChars = Uint16Array.from(building[0].keys());
  const rootNodes = Int32Array.from(building[0].values());

  // Every form of a folded second character as it may stand in the text (the check runs before
  // any fold lookup). Read off the fold table once.
  const unfolded = new Map<number, number[]>();
  for (let c = 0; c < 0x10000; c++) {
    const f = fold[c];
    if (f === c) continue;
    const list = unfolded.get(f);
    if (list) list.push(c);
    else unfolded.set(f, [c]);
  }
  const pairOk = new Uint8Array(PAIR_TABLE_SIZE / 8);
  const mark = (h: number) => {
    pairOk[h >> 3] |= 1 << (h & 7);
  };
  for (const node of building[0].values()) {
    // A one-character phrase (or blocker) needs no second character: every pair is possible.
    if (terminal[node] !== 0) for (let c = 0; c < 0x10000; c++) mark(pairHash(node, c));
    for (const second of building[node].keys()) {
      mark(pairHash(node, second));
      for (const raw of unfolded.get(second) ?? []) mark(pairHash(node, raw));
    }
  }
  return {
    edgeStart,
    edgeChar,
    edgeNode,
    terminal: Int32Array.from(terminal),
    separatorOk: Uint8Array.from(separatorAfter, (b) => (b ? 1 : 0)),
    rootChars,
    rootNodes,
    pairOk,
  };
}

/**
 * The tables as JSON-safe text: each array in the narrowest integer type that holds its values,
 * as base64 (what generated/phrases.json holds; about half the size of 32-bit arrays).
 */
export type EncodedMatcherTables = Record<keyof MatcherTables, { type: IntegerType; data: string }>;
type IntegerType = 'u8' | 'u16' | 'i16' | 'i32';
type IntegerArray = Uint8Array | Uint16Array | Int16Array | Int32Array;

function narrowest(values: ArrayLike<number>): IntegerType {
  let min = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < min) min = values[i];
    if (values[i] > max) max = values[i];
  }
  if (min >= 0) return max < 0x100 ? 'u8' : max < 0x10000 ? 'u16' : 'i32';
  return min >= -0x8000 && max < 0x8000 ? 'i16' : 'i32';
}

const ARRAY_TYPES = { u8: Uint8Array, u16: Uint16Array, i16: Int16Array, i32: Int32Array };

export function encodeMatcherTables(tables: MatcherTables): EncodedMatcherTables {
  const encode = (array: IntegerArray) => {
    const type = narrowest(array);
    const narrow = ARRAY_TYPES[type].from(array);
    return { type, data: base64(new Uint8Array(narrow.buffer, narrow.byteOffset, narrow.byteLength)) };
  };
  return Object.fromEntries(Object.entries(tables).map(([name, array]) => [name, encode(array)])) as EncodedMatcherTables;
}

export function decodeMatcherTables(encoded: EncodedMatcherTables): MatcherTables {
  const decode = (name: keyof MatcherTables) => {
    const { type, data } = encoded[name];
    return new ARRAY_TYPES[type](unbase64(data).buffer);
  };
  const as = <T extends IntegerArray>(Type: { from(a: ArrayLike<number>): T }, name: keyof MatcherTables): T => {
    const array = decode(name);
    return array instanceof (Type as unknown as typeof Uint8Array) ? (array as T) : Type.from(array);
  };
  return {
    edgeStart: as(Int32Array, 'edgeStart'),
    edgeChar: as(Uint16Array, 'edgeChar'),
    edgeNode: as(Int32Array, 'edgeNode'),
    terminal: as(Int32Array, 'terminal'),
    separatorOk: as(Uint8Array, 'separatorOk'),
    rootChars: as(Uint16Array, 'rootChars'),
    rootNodes: as(Int32Array, 'rootNodes'),
    pairOk: as(Uint8Array, 'pairOk'),
  };
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function unbase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  // A fresh, aligned buffer: Int32Array views need a byte offset that is a multiple of 4.
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A matcher over built tables. `enabled` (one flag per entry, all on when absent) leaves entries
 * out without another trie: a disabled entry's phrase is simply not a terminal.
 */
export function createMatcher(tables: MatcherTables, ids: readonly string[], fold: FoldTable, enabled?: Uint8Array): Matcher {
  const { edgeStart, edgeChar, edgeNode, terminal, separatorOk, pairOk } = tables;

  // The fold composed into the root table: the fast path (a character that starts no phrase, by
  // far the most common case) costs one lookup. Two 64K passes: well under a millisecond.
  const rootChild = new Int32Array(0x10000).fill(-1);
  for (let i = 0; i < tables.rootChars.length; i++) rootChild[tables.rootChars[i]] = tables.rootNodes[i];
  const rootDirect = new Int32Array(0x10000);
  // A byte per code unit for "can start a phrase" (64 KiB) is read for every character and stays in
  // cache; the 256 KiB node table only for the few that can.
  const canStart = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const node = rootChild[fold[c]];
    rootDirect[c] = node;
    canStart[c] = node >= 0 ? 1 : 0;
  }
  const charClass = new Uint8Array(0x10000);
  for (const ch of SKIP_ANYWHERE) charClass[ch.charCodeAt(0)] = CLASS_ANYWHERE;
  for (const ch of PART_SEPARATORS) charClass[ch.charCodeAt(0)] = CLASS_SEPARATOR;

  /** A terminal's value for this matcher: entry + 1, a blocker's negative value, or 0. */
  const terminalValue = (node: number): number => {
    const t = terminal[node];
    if (t > 0 && enabled && enabled[t - 1] !== 1) return 0;
    return t;
  };

  let bestValue = 0;
  /**
   * Walks the trie from `start`, calling `onTerminal` at each phrase end (shortest first), and
   * returns the end of the longest phrase or blocker found (-1 when none), leaving its value in
   * bestValue. Kept free of closures and allocation: it runs once per candidate start on every page.
   */
  function walk(text: string, start: number, onTerminal?: (entry: number, end: number) => void): number {
    const length = text.length;
    let node = rootDirect[text.charCodeAt(start)];
    let position = start + 1;
    bestValue = 0;
    let bestEnd = -1;
    for (;;) {
      const t = terminalValue(node);
      if (t !== 0) {
        bestEnd = position;
        bestValue = t;
        if (onTerminal && t > 0) onTerminal(t - 1, position);
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

  /** The end of the longest form or blocker at `i` (its value in bestValue), -1 when none. */
  function longestEnd(text: string, i: number): number {
    const first = text.charCodeAt(i);
    if (canStart[first] === 0) return -1;
    const root = rootDirect[first];
    // A skippable second character (a space inside the phrase) and a one-character phrase go to
    // the full walk.
    const second = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    const h = pairHash(root, second);
    if ((pairOk[h >> 3] & (1 << (h & 7))) === 0 && charClass[fold[second]] === CLASS_NONE) return -1;
    return walk(text, i);
  }

  return {
    ids,
    findMatches(text) {
      const matches: Match[] = [];
      const length = text.length;
      for (let i = 0; i < length; ) {
        // Inline first test: most characters start no phrase, and this loop runs over every one.
        if (canStart[text.charCodeAt(i)] === 0) {
          i++;
          continue;
        }
        const end = longestEnd(text, i);
        if (end > 0) {
          // A blocking form is an everyday word: nothing inside it is reported.
          if (bestValue > 0) matches.push({ entry: bestValue - 1, start: i, end });
          i = end;
        } else {
          i++;
        }
      }
      return matches;
    },
    longestAt(text, start) {
      const end = longestEnd(text, start);
      if (end <= 0) return undefined;
      return { entry: bestValue > 0 ? bestValue - 1 : -1, start, end };
    },
    findAllMatches(text) {
      const matches: Match[] = [];
      for (let i = 0; i < text.length; i++) {
        if (rootDirect[text.charCodeAt(i)] < 0) continue;
        walk(text, i, (entry, end) => matches.push({ entry, start: i, end }));
      }
      return matches;
    },
    only(flags) {
      return createMatcher(tables, ids, fold, flags);
    },
  };
}

/** Builds and creates at once: for small phrase sets made at run time (a reader's own phrases) and tests. */
export function compileMatcher(phrases: PhraseSet, fold: FoldTable): Matcher {
  return createMatcher(buildMatcherTables(phrases, fold), phrases.ids, fold);
}

/**
 * Two matchers as one: the second's entries are numbered after the first's. Matches are
 * leftmost-longest and non-overlapping across both, exactly as if their phrases were in one trie (a
 * reader's own phrases next to the glossary's); on a tie the first's form wins. Merging the two
 * matchers' own results is not the same: a match of one can hide a later match of its own that the
 * other's earlier match would have let through.
 */
export function combineMatchers(first: Matcher, second: Matcher): Matcher {
  const offset = first.ids.length;
  const ids = [...first.ids, ...second.ids];
  const shifted = (matches: Match[]) => matches.map((m) => ({ entry: m.entry + offset, start: m.start, end: m.end }));
  const combined: Matcher = {
    ids,
    findMatches(text) {
      // Text where nothing of the second's starts (most text, its phrases being few) takes the
      // first's own loop.
      let secondStarts = false;
      for (let i = 0; i < text.length && !secondStarts; i++) secondStarts = second.longestAt(text, i) !== undefined;
      if (!secondStarts) return first.findMatches(text);
      const matches: Match[] = [];
      for (let i = 0; i < text.length; ) {
        const match = combined.longestAt(text, i);
        if (!match) {
          i++;
          continue;
        }
        if (match.entry >= 0) matches.push(match);
        i = match.end;
      }
      return matches;
    },
    longestAt(text, start) {
      const a = first.longestAt(text, start);
      const b = second.longestAt(text, start);
      if (b && (!a || b.end > a.end)) return { entry: b.entry < 0 ? -1 : b.entry + offset, start, end: b.end };
      return a;
    },
    findAllMatches(text) {
      return [...first.findAllMatches(text), ...shifted(second.findAllMatches(text))].sort((a, b) => a.start - b.start || a.end - b.end);
    },
    only(flags) {
      return combineMatchers(first.only(flags.subarray(0, offset)), second.only(flags.subarray(offset)));
    },
  };
  return combined;
}
