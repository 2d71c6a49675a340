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

/**
 * Who says it in English (docs/glossary-style.md, "English renderings"):
 * - official: a state publisher or government body (Foreign Languages Press, China Keywords, the
 *   State Council's and ministries' English);
 * - state-media: Xinhua, China Daily, CGTN, People's Daily and the like;
 * - analytic: analysts and scholars (China Media Project, Decoding China, books and articles).
 */
export const RENDERING_KINDS = ['official', 'state-media', 'analytic'] as const;
export type RenderingKind = (typeof RENDERING_KINDS)[number];

export interface RenderingSource {
  publisher: string;
  title: string;
  /** null where the source shows none. */
  year: number | null;
  /** A page ("p. 419") or an address. */
  locator: string;
}

/** An English rendering of the phrase as a publisher printed it, with where. */
export interface Rendering {
  text: string;
  kind: RenderingKind;
  source: RenderingSource;
}

interface EnglishRenderings {
  /** Official first, then state media, then analysts; may be empty: "none found". */
  renderings: Rendering[];
  /** Where they were looked for (and, with no rendering, where none was found). */
  searched: string;
  /** Where the official English departs from the Chinese (softer, narrower …), in our words. */
  note?: string;
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
  /** Absent: not yet looked for. Present with no rendering: looked for, none found. */
  english?: EnglishRenderings;
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

/** What is wrong with an entry's `english`, if anything: every rendering names its source in full. */
function englishProblems(english: unknown): string[] {
  if (typeof english !== 'object' || english === null) return ['english must be an object'];
  const { renderings, searched, note } = english as Record<string, unknown>;
  const problems: string[] = [];
  if (!isNonEmptyString(searched)) problems.push('english.searched must say where renderings were looked for');
  if (note !== undefined && !isNonEmptyString(note)) problems.push('english.note, when present, is text');
  if (!Array.isArray(renderings)) return [...problems, 'english.renderings must be a list (empty: none found)'];
  renderings.forEach((rendering: unknown, i) => {
    const where = `english.renderings[${i}]`;
    const r = (typeof rendering === 'object' && rendering !== null ? rendering : {}) as Record<string, unknown>;
    if (!isNonEmptyString(r.text)) problems.push(`${where}: text is missing`);
    if (!(RENDERING_KINDS as readonly unknown[]).includes(r.kind))
      problems.push(`${where}: kind must be one of ${RENDERING_KINDS.join(', ')}`);
    const source = (typeof r.source === 'object' && r.source !== null ? r.source : undefined) as Record<string, unknown> | undefined;
    if (!source) {
      problems.push(`${where}: "${r.text}" has no source`);
      return;
    }
    for (const field of ['publisher', 'title', 'locator'] as const) {
      if (!isNonEmptyString(source[field])) problems.push(`${where}: "${r.text}" has no source ${field}`);
    }
    if (source.year !== null && !(Number.isInteger(source.year) && (source.year as number) >= 1900 && (source.year as number) <= 2100)) {
      problems.push(`${where}: source year must be a year or null`);
    }
  });
  return problems;
}

/** The rendering a reader sees first: the official one, else state media's, else an analyst's. */
export function leadRendering(entry: Pick<GlossaryEntry, 'english'>): Rendering | undefined {
  const renderings = entry.english?.renderings ?? [];
  for (const kind of RENDERING_KINDS) {
    const found = renderings.find((r) => r.kind === kind);
    if (found) return found;
  }
  return undefined;
}

/** A citation in one line: publisher, title, year, and the page or address unless left for a link. */
export function citation(source: RenderingSource, withLocator = true): string {
  const title = source.title === source.publisher ? undefined : `“${source.title}”`;
  return [source.publisher, title, source.year ?? undefined, withLocator ? source.locator : undefined]
    .filter((part) => part !== undefined)
    .join(', ');
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
    if (raw.english !== undefined) errors.push(...englishProblems(raw.english).map((problem) => `${name}: ${problem}`));
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
