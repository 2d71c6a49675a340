/**
 * Script conversion, the pure part: targets, how a block of text nodes is converted so that
 * phrases split across inline elements still convert as phrases, and the bookkeeping that makes
 * "restore" exact. opencc-js itself is never imported here (it lives in the offscreen converter),
 * so nothing that imports this module pays for its dictionaries.
 */

export const TARGETS = ['cn', 'tw', 'twp', 'hk'] as const;
export type Target = (typeof TARGETS)[number];
/** What a page shows: a target, or the original text. */
export type ScriptChoice = Target | 'original';
/** Every choice, in the order the controls show them. */
export const SCRIPT_CHOICES: readonly ScriptChoice[] = [...TARGETS, 'original'];

export const TARGET_LABELS: Record<ScriptChoice, { zh: string; en: string; lang: string | null }> = {
  cn: { zh: '简体', en: 'Simplified', lang: 'zh-CN' },
  tw: { zh: '繁體', en: 'Traditional', lang: 'zh-TW' },
  twp: { zh: '台灣正體', en: 'Taiwan, with Taiwan phrases', lang: 'zh-TW' },
  hk: { zh: '香港繁體', en: 'Hong Kong', lang: 'zh-HK' },
  original: { zh: '原文', en: 'Original', lang: null },
};

/**
 * opencc-js locales for each target. Pages mix scripts, so the source is chosen for what must
 * change: to Simplified, any Traditional (t); to a Traditional standard, from mainland Simplified
 * (characters already Traditional pass through unchanged).
 */
export const OPENCC_LOCALES: Record<Target, { from: string; to: string }> = {
  cn: { from: 't', to: 'cn' },
  tw: { from: 'cn', to: 'tw' },
  twp: { from: 'cn', to: 'twp' },
  hk: { from: 'cn', to: 'hk' },
};

/**
 * Blocks of node texts as they travel between a page and the converter. Every message is
 * serialized at every hop (page → background → offscreen and back), and one long string with two
 * lists of numbers costs far less to serialize and check than tens of thousands of small strings.
 */
export interface PackedBlocks {
  /** Every node's text, in order. */
  text: string;
  /** Each node's length in `text`. */
  lengths: number[];
  /** How many nodes each block has. */
  sizes: number[];
}

export function packBlocks(blocks: readonly (readonly string[])[]): PackedBlocks {
  const lengths: number[] = [];
  const sizes: number[] = [];
  let text = '';
  for (const block of blocks) {
    sizes.push(block.length);
    for (const t of block) {
      lengths.push(t.length);
      text += t;
    }
  }
  return { text, lengths, sizes };
}

export function unpackBlocks(packed: PackedBlocks): string[][] {
  const blocks: string[][] = [];
  let node = 0;
  let at = 0;
  for (const size of packed.sizes) {
    const block: string[] = [];
    for (const end = node + size; node < end; node++) {
      block.push(packed.text.slice(at, at + packed.lengths[node]));
      at += packed.lengths[node];
    }
    blocks.push(block);
  }
  return blocks;
}

/** A well-formed PackedBlocks: the lengths add up to the text, the sizes to the lengths. */
export function isPackedBlocks(value: unknown): value is PackedBlocks {
  if (typeof value !== 'object' || value === null) return false;
  const { text, lengths, sizes } = value as Record<string, unknown>;
  if (typeof text !== 'string' || !Array.isArray(lengths) || !Array.isArray(sizes)) return false;
  return sumOfCounts(lengths) === text.length && sumOfCounts(sizes) === lengths.length;
}

/** The sum of a list of non-negative integers, or -1 if it holds anything else. */
function sumOfCounts(values: unknown[]): number {
  let sum = 0;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return -1;
    sum += v;
  }
  return sum;
}

/**
 * Converts packed blocks; the answer has the same shape. Each block is converted as one string, so
 * a phrase split across inline elements (<b>头</b>发) is converted as a phrase, then cut back at
 * the nodes' lengths. When the conversion changed the block's length (phrase-level targets can:
 * U盘 → 隨身碟), the cut points are unknown, and each node is converted on its own instead.
 */
export function convertPacked(packed: PackedBlocks, convert: (text: string) => string): PackedBlocks {
  const parts: string[] = [];
  const lengths: number[] = [];
  let node = 0;
  let at = 0;
  for (const size of packed.sizes) {
    let blockLength = 0;
    for (let n = node; n < node + size; n++) blockLength += packed.lengths[n];
    const joined = packed.text.slice(at, at + blockLength);
    const converted = convert(joined);
    if (converted.length === joined.length) {
      parts.push(converted);
      for (let n = node; n < node + size; n++) lengths.push(packed.lengths[n]);
    } else {
      let nodeAt = at;
      for (let n = node; n < node + size; n++) {
        const value = convert(packed.text.slice(nodeAt, nodeAt + packed.lengths[n]));
        parts.push(value);
        lengths.push(value.length);
        nodeAt += packed.lengths[n];
      }
    }
    node += size;
    at += blockLength;
  }
  return { text: parts.join(''), lengths, sizes: packed.sizes };
}

/** What was written into one place (a text node, an attribute, the title). */
export interface LedgerEntry {
  original: string;
  converted: string;
  writes: number;
}

/**
 * A place is written at most this many times per page: if something else (another extension, the
 * page) keeps rewriting it, we stop instead of fighting over it.
 */
export const MAX_WRITES = 3;

/**
 * What to write when converting a place whose current value is `current`: the original is the
 * ledger's when we converted it before and the page has not replaced the text since; otherwise the
 * current value is the new original. Returns undefined when nothing should be written.
 */
export function planWrite(
  entry: LedgerEntry | undefined,
  current: string,
  convert: (original: string) => string,
): { entry: LedgerEntry; value: string } | undefined {
  const ours = entry !== undefined && current === entry.converted;
  const original = ours ? entry.original : current;
  const writes = ours ? entry.writes : (entry?.writes ?? 0);
  if (writes >= MAX_WRITES) return undefined;
  const value = convert(original);
  if (value === current) {
    // Nothing to write; remember the original only if we had it already.
    return undefined;
  }
  return { entry: { original, converted: value, writes: writes + 1 }, value };
}

/** What restore writes back: the original, unless the page replaced our text since. */
export function planRestore(entry: LedgerEntry, current: string): string | undefined {
  return current === entry.converted && current !== entry.original ? entry.original : undefined;
}
