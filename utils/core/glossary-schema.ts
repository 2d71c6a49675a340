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

/** Key entries are highlighted by default; common ones when the reader asks (docs/glossary-style.md). */
export const SALIENCES = ['key', 'common'] as const;
export type Salience = (typeof SALIENCES)[number];

export interface Origin {
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
  salience?: Salience;
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
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
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
export function validateEntries(data: unknown, where: string): { entries: GlossaryEntry[]; errors: string[] } {
  const errors: string[] = [];
  const entries: GlossaryEntry[] = [];
  if (!Array.isArray(data)) return { entries, errors: [`${where}: expected a JSON array of entries`] };
  data.forEach((item: unknown, index) => {
    const raw = item as Record<string, unknown> & { origin?: Record<string, unknown> };
    const name = `${where}: entry ${raw?.id ?? `#${index + 1}`}`;
    const before = errors.length;
    if (typeof raw !== 'object' || raw === null) {
      errors.push(`${name}: not an object`);
      return;
    }
    if (!isNonEmptyString(raw.id) || !ID_PATTERN.test(raw.id)) {
      errors.push(`${name}: id must be lowercase ASCII words joined by hyphens`);
    }
    for (const field of REQUIRED_TEXT) {
      if (!isNonEmptyString(raw[field])) errors.push(`${name}: ${field} is missing or empty`);
    }
    if (!(CATEGORIES as readonly unknown[]).includes(raw.category)) {
      errors.push(`${name}: category "${raw.category}" is not one of ${CATEGORIES.join(', ')}`);
    }
    if (raw.salience !== undefined && !(SALIENCES as readonly unknown[]).includes(raw.salience)) {
      errors.push(`${name}: salience "${raw.salience}" is not one of ${SALIENCES.join(', ')}`);
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
    }
    for (const flag of ['outsideCorpus', 'quotedOnly']) {
      if (raw[flag] !== undefined && typeof raw[flag] !== 'boolean') errors.push(`${name}: ${flag} must be true or false`);
    }
    if (errors.length === before) entries.push(raw as unknown as GlossaryEntry);
  });
  return { entries, errors };
}

/** Checks what only the whole glossary can tell: unique ids and related ids that exist. */
export function validateGlossary(entries: GlossaryEntry[]): string[] {
  const errors: string[] = [];
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) errors.push(`entry ${entry.id}: the id is used twice`);
    ids.add(entry.id);
  }
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
  const owner = new Map<string, { id: string; form: string }>();
  const errors: string[] = [];
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
