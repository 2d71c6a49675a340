/**
 * The settings' shapes, defaults and schemas, and what follows from them. Pure: the storage items
 * that hold them live in utils/extension/settings.ts.
 *
 * Every schema sanitizes field by field: a stored value that is corrupt, foreign or from an older
 * version keeps what is valid and takes the default for the rest, so a bad value never breaks a page.
 */
import * as v from 'valibot';
import { SCRIPT_CHOICES, type ScriptChoice } from './convert';
import { CATEGORIES, CATEGORY_COLOURS, rgba, type Category } from './glossary-schema';
import { highlightName } from './highlight-names';
import { LANGUAGES, type LanguageSetting } from './i18n';
import { DEFAULT_HIGHLIGHT_LEVEL, HIGHLIGHT_LEVELS, type HighlightLevel } from './policy-context';

/** A list of hostnames; anything that is not one is dropped, item by item. */
const HostList = v.pipe(
  v.optional(v.array(v.unknown()), () => []),
  v.transform((list) => list.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 256)),
);

/** Per-site values: entries whose key or value is not valid are dropped. */
const perSite = <T extends string>(values: readonly T[]) =>
  v.pipe(
    v.optional(v.record(v.string(), v.unknown()), () => ({})),
    v.transform((sites) => {
      const kept: Record<string, T> = {};
      for (const [host, value] of Object.entries(sites)) {
        if (host.length > 0 && host.length < 256 && values.includes(value as T)) kept[host] = value as T;
      }
      return kept;
    }),
  );

/** An object schema that also stands in for a non-object: every field then takes its default. */
const sanitizingObject = <TEntries extends v.ObjectEntries>(entries: TEntries) => {
  const object = v.object(entries);
  return v.pipe(
    v.unknown(),
    v.transform((value) => (typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {})),
    object,
  );
};

// ---------------------------------------------------------------------------------------------
// Highlighting

type HighlightStyle = 'background' | 'underline';

interface CategoryDisplay {
  visible: boolean;
  /** #rrggbb */
  colour: string;
}

export interface HighlightSettings {
  /** Highlights on everywhere (the global switch). */
  enabled: boolean;
  /** Hostnames where highlighting is off. */
  disabledSites: string[];
  /** When not empty, the only hostnames where highlighting is on. */
  allowSites: string[];
  /**
   * How highlights are drawn: 'auto' uses the CSS Custom Highlight API where the browser has it and
   * the overlay elsewhere; 'overlay' forces the overlay (to check the fallback in any browser).
   */
  renderer: 'auto' | 'overlay';
  /**
   * Which tiers of the glossary are highlighted (utils/core/policy-context.ts): key phrases only;
   * by default key phrases, and set formulas where the page is about policy; or everything.
   */
  level: HighlightLevel;
  style: HighlightStyle;
  categories: Record<Category, CategoryDisplay>;
}

const defaultCategories = (): Record<Category, CategoryDisplay> =>
  Object.fromEntries(CATEGORIES.map((c) => [c, { visible: true, colour: CATEGORY_COLOURS[c] }])) as Record<Category, CategoryDisplay>;

export const DEFAULT_HIGHLIGHT_SETTINGS: HighlightSettings = {
  enabled: true,
  disabledSites: [],
  allowSites: [],
  renderer: 'auto',
  level: DEFAULT_HIGHLIGHT_LEVEL,
  style: 'background',
  categories: defaultCategories(),
};

const Colour = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i), v.toLowerCase());

export const HighlightSettingsSchema: v.GenericSchema<unknown, HighlightSettings> = sanitizingObject({
  enabled: v.fallback(v.boolean(), true),
  disabledSites: v.fallback(HostList, () => []),
  allowSites: v.fallback(HostList, () => []),
  renderer: v.fallback(v.picklist(['auto', 'overlay']), 'auto'),
  level: v.fallback(v.picklist(HIGHLIGHT_LEVELS), DEFAULT_HIGHLIGHT_LEVEL),
  style: v.fallback(v.picklist(['background', 'underline']), 'background'),
  categories: v.optional(
    v.pipe(
      v.unknown(),
      v.transform((value) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {})),
      v.transform(
        (stored) =>
          Object.fromEntries(
            CATEGORIES.map((c) => {
              const display = (typeof stored[c] === 'object' && stored[c] !== null ? stored[c] : {}) as Record<string, unknown>;
              return [
                c,
                {
                  visible: typeof display.visible === 'boolean' ? display.visible : true,
                  colour: v.is(Colour, display.colour) ? display.colour.toLowerCase() : CATEGORY_COLOURS[c],
                },
              ];
            }),
          ) as Record<Category, CategoryDisplay>,
      ),
    ),
    defaultCategories,
  ),
});

export function isEnabledFor(settings: HighlightSettings, hostname: string): boolean {
  if (!settings.enabled || settings.disabledSites.includes(hostname)) return false;
  return settings.allowSites.length === 0 || settings.allowSites.includes(hostname);
}

/** How strongly a highlight is painted: the one place the translucency is set. */
const ALPHA = { background: 0.28, underline: 0.9, underlineOnly: 0.95 };

/** How one category is painted: by the ::highlight() rules and, identically, by the overlay. */
export interface CategoryPaint {
  background: string;
  /** A text-decoration value; the overlay draws it as a bottom border of the same colour. */
  underline: { width: number; colour: string } | null;
}

export function categoryPaint(settings: HighlightSettings, category: Category): CategoryPaint {
  const { visible, colour } = settings.categories[category];
  if (!visible) return { background: 'transparent', underline: null };
  return settings.style === 'underline'
    ? { background: 'transparent', underline: { width: 2, colour: rgba(colour, ALPHA.underlineOnly) } }
    : { background: rgba(colour, ALPHA.background), underline: { width: 1, colour: rgba(colour, ALPHA.underline) } };
}

/**
 * The ::highlight() rules for display settings. Only literal colours work there: var() inside
 * ::highlight() is broken in Chromium since 126. The defaults are compiled into the extension
 * pages' stylesheet at build time (scripts/build-data.ts), from this same function.
 *
 * `originating` is the selector the rules hang on: none (every element) by default, `:root` where
 * highlight styles inherit down the tree (see entrypoints/content/highlighting.ts).
 */
export function highlightCss(settings: HighlightSettings, originating = ''): string {
  return CATEGORIES.map((category) => {
    const { background, underline } = categoryPaint(settings, category);
    const decoration = underline ? `underline ${underline.width}px ${underline.colour}` : 'none';
    return `${originating}::highlight(${highlightName(category)}) { background-color: ${background}; text-decoration: ${decoration}; }`;
  }).join('\n');
}

/**
 * Version 1 held only { enabled, disabledSites, renderer }; version 2 adds the allow-list, the
 * highlight style and the per-category display, taking their defaults.
 */
export function migrateHighlightSettingsV1(v1: unknown): HighlightSettings {
  return v.parse(HighlightSettingsSchema, v1);
}

/**
 * Version 2 had one switch, showCommon (key entries only, or every entry); version 3 has three
 * levels. A reader who asked for everything keeps everything; the others get the new default, which
 * shows the set formulas that the old default hid on policy pages.
 */
export function migrateHighlightSettingsV2(v2: unknown): unknown {
  if (typeof v2 !== 'object' || v2 === null) return v2;
  const { showCommon, ...rest } = v2 as Record<string, unknown>;
  // A value written without its version record (by hand, or by a test) may hold a level already.
  if (showCommon === undefined && 'level' in rest) return rest;
  return { ...rest, level: showCommon === true ? 'all' : DEFAULT_HIGHLIGHT_LEVEL };
}

// ---------------------------------------------------------------------------------------------
// Script conversion

export interface ConversionSettings {
  /** What every page shows unless its site says otherwise ('original': no conversion). */
  defaultChoice: ScriptChoice;
  /** Per-site memory: "always show this site in 繁體". */
  sites: Record<string, ScriptChoice>;
}

export const DEFAULT_CONVERSION_SETTINGS: ConversionSettings = { defaultChoice: 'original', sites: {} };

export const ConversionSettingsSchema: v.GenericSchema<unknown, ConversionSettings> = sanitizingObject({
  defaultChoice: v.fallback(v.picklist(SCRIPT_CHOICES), 'original'),
  sites: v.fallback(perSite(SCRIPT_CHOICES), () => ({})),
});

/** The choice for a site: its own, else the default. */
export function choiceFor(settings: ConversionSettings, hostname: string): ScriptChoice {
  return settings.sites[hostname] ?? settings.defaultChoice;
}

// ---------------------------------------------------------------------------------------------
// Highlight scope

const SCOPES = ['page', 'article'] as const;
export type Scope = (typeof SCOPES)[number];

export interface ScopeSettings {
  /** Highlight the whole page (default) or only the main article. */
  scope: Scope;
  /** Per-site choice. */
  sites: Record<string, Scope>;
}

export const DEFAULT_SCOPE_SETTINGS: ScopeSettings = { scope: 'page', sites: {} };

export const ScopeSettingsSchema: v.GenericSchema<unknown, ScopeSettings> = sanitizingObject({
  scope: v.fallback(v.picklist(SCOPES), 'page'),
  sites: v.fallback(perSite(SCOPES), () => ({})),
});

export function scopeFor(settings: ScopeSettings, hostname: string): Scope {
  return settings.sites[hostname] ?? settings.scope;
}

// ---------------------------------------------------------------------------------------------
// Interface language

export const LanguageSettingSchema: v.GenericSchema<unknown, LanguageSetting> = v.fallback(v.picklist(['auto', ...LANGUAGES]), 'auto');

// ---------------------------------------------------------------------------------------------

/** A copy of per-site values with `hostname`'s set, or removed when `value` is undefined. */
export function withSite<T>(sites: Record<string, T>, hostname: string, value: T | undefined): Record<string, T> {
  const next = { ...sites };
  if (value === undefined) delete next[hostname];
  else next[hostname] = value;
  return next;
}
