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

export function isTarget(value: unknown): value is Target {
  return typeof value === 'string' && (TARGETS as readonly string[]).includes(value);
}

/**
 * Converts the texts of one block's nodes. The block is converted as one string, so a phrase split
 * across inline elements (<b>头</b>发) is converted as a phrase, then cut back at the nodes' lengths.
 * When the conversion changed the length (phrase-level targets can: U盘 → 隨身碟), the cut points
 * are unknown, and each node is converted on its own instead.
 */
export function convertBlock(texts: readonly string[], convert: (text: string) => string): string[] {
  const joined = texts.join('');
  const converted = convert(joined);
  if (converted.length === joined.length) {
    const out: string[] = [];
    let at = 0;
    for (const t of texts) {
      out.push(converted.slice(at, at + t.length));
      at += t.length;
    }
    return out;
  }
  return texts.map((t) => convert(t));
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
