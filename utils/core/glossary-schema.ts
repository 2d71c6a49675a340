/**
 * The glossary's shape and its validation. Validation runs at build time (scripts/build-data.ts)
 * and in the unit tests, and every error names the entry it is about.
 */

export const CATEGORIES = ['campaign', 'numbered-formula', 'institution', 'ideology', 'set-phrase', 'saying', 'idiom'] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, { en: string; zh: string }> = {
  campaign: { en: 'Campaigns and activities', zh: '运动与活动' },
  'numbered-formula': { en: 'Numbered formulas', zh: '数字提法' },
  institution: { en: 'Rules and institutions', zh: '制度与机构' },
  ideology: { en: 'Doctrine and ideology', zh: '理论与思想' },
  'set-phrase': { en: 'Official set phrases', zh: '政治套语' },
  saying: { en: 'Bureaucratic sayings', zh: '官场俗语' },
  idiom: { en: 'Idioms used as criticism', zh: '成语' },
};

/** Default highlight colour of each category (#rrggbb), distinguishable on light and dark pages. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  campaign: '#ff8c00',
  'numbered-formula': '#dc283c',
  institution: '#286ee6',
  ideology: '#963cdc',
  'set-phrase': '#00a078',
  saying: '#e6c800',
  idiom: '#787878',
};

/** `#rrggbb` → `rgba(r, g, b, alpha)`. */
export function rgba(hex: string, alpha: number): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * What an entry is, which decides where it is highlighted (docs/glossary-style.md, "Tiers"):
 * - key: the 提法 proper (slogans, campaigns, numbered formulas, doctrines, Party institutions),
 *   highlighted wherever they occur;
 * - formula: fixed formulas and idioms that official language uses to demand or criticise, whose
 *   words also occur in everyday text: highlighted where the page is about policy;
 * - vocabulary: plain words of politics and administration, highlighted only when asked for.
 */
export const TIERS = ['key', 'formula', 'vocabulary'] as const;
export type Tier = (typeof TIERS)[number];

export const TIER_LABELS: Record<Tier, { en: string; zh: string }> = {
  key: { en: 'key phrase', zh: '关键提法' },
  formula: { en: 'set formula', zh: '固定套语' },
  vocabulary: { en: 'vocabulary', zh: '一般词语' },
};

interface Origin {
  en: string;
  zh?: string;
  sources: string[];
}

export interface GlossaryEntry {
  id: string;
  simplified: string;
  traditional: string;
  variants: string[];
  category: Category;
  /** Where the entry is highlighted (see TIERS). */
  tier: Tier;
  pinyin: string;
  gloss: string;
  meaningZh: string;
  meaningEn: string;
  origin: Origin;
  related: string[];
  outsideCorpus?: boolean;
  /**
   * The canonical forms are everyday words outside quotation marks (走在路上 "on the road"), so they
   * match only when quoted (“走在路上”, 「走在路上」); variants still match bare.
   */
  quotedOnly?: boolean;
  /**
   * Longer everyday words that contain one of the forms (吃透透 holds 吃透, 三个代表队 holds 三个代表):
   * inside them, the phrase is not the phrase, and nothing is highlighted.
   */
  notWithin?: string[];
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Syllables (letters, tone marks, ü), with spaces, apostrophes, hyphens and commas between them. */
const PINYIN = /^[\p{L}\p{M}]+(?:[ '’\-,，]+[\p{L}\p{M}]+)*$/u;

/**
 * en and zh say the same thing: an unknown origin is unknown in both ("unknown" / 不详, which may
 * point to another entry), with no date or coiner slipped into the Chinese.
 */
function originConsistency(en: string, zh: unknown): string[] {
  const unknownEn = en.trim().toLowerCase() === 'unknown';
  if (zh === undefined) return unknownEn ? ['origin.en is "unknown" but origin.zh is missing (write "不详")'] : [];
  if (typeof zh !== 'string' || zh.trim() === '') return ['origin.zh, when present, is text'];
  const unknownZh = zh.trim().startsWith('不详');
  if (unknownEn && !unknownZh)
    return ['origin.en is "unknown" but origin.zh states an origin (write "不详", or state it in both with a source)'];
  if (unknownZh && !unknownEn) return ['origin.zh says 不详 but origin.en states an origin'];
  if (unknownZh && /\d{3,4}\s*年/.test(zh)) return ['origin.zh says 不详 but gives a date'];
  return [];
}
const REQUIRED_TEXT = ['simplified', 'traditional', 'pinyin', 'gloss', 'meaningZh', 'meaningEn'] as const;

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * All surface forms the matcher looks for: canonical, Traditional and variants. Quotation marks
 * fold to “ ” (corner brackets included), so one quoted form covers every quoting style.
 */
export function formsOf(entry: GlossaryEntry): string[] {
  const canonical = [entry.simplified, entry.traditional];
  const quoted = entry.quotedOnly ? canonical.flatMap((f) => [`“${f}”`, `"${f}"`]) : canonical;
  return [...new Set([...quoted, ...entry.variants])];
}

/**
 * Checks one file's worth of parsed JSON against the schema. `where` names the file in messages.
 * Returns the entries that are well-formed and the errors found.
 */
export function validateEntries(data: unknown, where: string): { entries: GlossaryEntry[]; ids: string[]; errors: string[] } {
  const errors: string[] = [];
  const entries: GlossaryEntry[] = [];
  const ids: string[] = [];
  if (!Array.isArray(data)) return { entries, ids, errors: [`${where}: expected a JSON array of entries`] };
  data.forEach((item: unknown, index) => {
    const raw = item as Record<string, unknown> & { origin?: Record<string, unknown> };
    const name = `${where}: entry ${raw?.id ?? `#${index + 1}`}`;
    const before = errors.length;
    if (typeof raw !== 'object' || raw === null) {
      errors.push(`${name}: not an object`);
      return;
    }
    if (typeof raw.id === 'string') ids.push(raw.id);
    if (!isNonEmptyString(raw.id) || !ID_PATTERN.test(raw.id)) {
      errors.push(`${name}: id must be lowercase ASCII words joined by hyphens`);
    }
    for (const field of REQUIRED_TEXT) {
      if (!isNonEmptyString(raw[field])) errors.push(`${name}: ${field} is missing or empty`);
    }
    if (!(CATEGORIES as readonly unknown[]).includes(raw.category)) {
      errors.push(`${name}: category "${raw.category}" is not one of ${CATEGORIES.join(', ')}`);
    }
    if (!(TIERS as readonly unknown[]).includes(raw.tier)) {
      errors.push(`${name}: tier "${raw.tier}" is not one of ${TIERS.join(', ')} (see docs/glossary-style.md)`);
    }
    if (isNonEmptyString(raw.pinyin) && !PINYIN.test(raw.pinyin)) {
      errors.push(`${name}: pinyin holds something other than syllables, spaces and commas ("${raw.pinyin}")`);
    }
    if (raw.notWithin !== undefined && (!Array.isArray(raw.notWithin) || !raw.notWithin.every(isNonEmptyString))) {
      errors.push(`${name}: notWithin must be a list of non-empty strings`);
    }
    if (!Array.isArray(raw.variants) || !raw.variants.every(isNonEmptyString)) {
      errors.push(`${name}: variants must be a list of non-empty strings`);
    }
    if (!Array.isArray(raw.related) || !raw.related.every(isNonEmptyString)) {
      errors.push(`${name}: related must be a list of entry ids`);
    }
    const origin = raw.origin;
    if (typeof origin !== 'object' || origin === null || !isNonEmptyString(origin.en)) {
      errors.push(`${name}: origin.en is missing (write "unknown" when it is)`);
    } else if (!Array.isArray(origin.sources) || !origin.sources.every(isNonEmptyString)) {
      errors.push(`${name}: origin.sources must be a list of strings`);
    } else if (origin.en.trim().toLowerCase() !== 'unknown' && origin.sources.length === 0) {
      errors.push(`${name}: origin states facts but names no source`);
    } else {
      errors.push(...originConsistency(origin.en, origin.zh).map((problem) => `${name}: ${problem}`));
    }
    for (const flag of ['outsideCorpus', 'quotedOnly'] as const) {
      if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') errors.push(`${name}: ${flag} must be true or false`);
    }
    if (errors.length === before) entries.push(raw as unknown as GlossaryEntry);
  });
  return { entries, ids, errors };
}

/**
 * Checks what only the whole glossary can tell: unique ids and related ids that exist. `allIds`
 * holds the ids of every entry read, valid or not: an entry that failed its own checks still
 * exists, and the entries that relate to it are not at fault (one cause, one error).
 */
export function validateGlossary(entries: GlossaryEntry[], allIds: Iterable<string> = entries.map((e) => e.id)): string[] {
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) errors.push(`entry ${entry.id}: the id is used twice`);
    seen.add(entry.id);
  }
  const ids = new Set(allIds);
  for (const entry of entries) {
    for (const related of entry.related) {
      if (related === entry.id) errors.push(`entry ${entry.id}: relates to itself`);
      else if (!ids.has(related)) errors.push(`entry ${entry.id}: related id "${related}" does not exist`);
    }
  }
  return errors;
}

/**
 * Two entries must never share a form once scripts are folded, or the matcher could not tell them
 * apart. `keyOf` is the matcher's own key function, passed in to keep this module DOM- and table-free.
 */
export function findDuplicateForms(entries: GlossaryEntry[], keyOf: (form: string) => string): string[] {
  const errors = findFormProblems(entries, keyOf);
  const owner = new Map<string, { id: string; form: string }>();
  for (const entry of entries) {
    for (const form of formsOf(entry)) {
      const key = keyOf(form);
      if (key.length < 2) {
        errors.push(`entry ${entry.id}: form "${form}" is shorter than two characters`);
        continue;
      }
      const previous = owner.get(key);
      if (previous && previous.id !== entry.id) {
        errors.push(`entry ${entry.id}: form "${form}" is also a form of entry ${previous.id} ("${previous.form}")`);
      } else if (!previous) {
        owner.set(key, { id: entry.id, form });
      }
    }
  }
  return errors;
}

/** Each blocking word (notWithin) must hold one of its entry's forms, or it blocks nothing of it. */
function findFormProblems(entries: GlossaryEntry[], keyOf: (form: string) => string): string[] {
  const errors: string[] = [];
  for (const entry of entries) {
    const keys = formsOf(entry).map(keyOf);
    for (const word of entry.notWithin ?? []) {
      const key = keyOf(word);
      if (!keys.some((k) => key.includes(k) && key !== k))
        errors.push(`entry ${entry.id}: notWithin "${word}" does not contain one of its forms`);
    }
  }
  return errors;
}
