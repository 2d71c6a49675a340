/**
 * Settings, stored through WXT's storage with a versioned schema. A corrupt or foreign stored
 * value falls back to the default and never breaks a page.
 */
import { storage } from 'wxt/utils/storage';
import { isTarget, type ScriptChoice } from '../core/convert';
import { CATEGORIES, CATEGORY_COLOURS, rgba, type Category } from '../core/glossary-schema';
import { resolveLanguage, type Language, type LanguageSetting } from '../core/i18n';

export type HighlightStyle = 'background' | 'underline';

export interface CategoryDisplay {
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
  style: HighlightStyle;
  categories: Record<Category, CategoryDisplay>;
}

/** Default colours: the categories' own. */
export const DEFAULT_COLOURS = CATEGORY_COLOURS;

export const DEFAULT_HIGHLIGHT_SETTINGS: HighlightSettings = {
  enabled: true,
  disabledSites: [],
  allowSites: [],
  renderer: 'auto',
  style: 'background',
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, { visible: true, colour: DEFAULT_COLOURS[c] }])) as Record<Category, CategoryDisplay>,
};

const isHostList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 256) : [];

/** Accepts only a well-formed value; anything else becomes the default, field by field. */
export function sanitizeHighlightSettings(value: unknown): HighlightSettings {
  const defaults = DEFAULT_HIGHLIGHT_SETTINGS;
  if (typeof value !== 'object' || value === null) return structuredClone(defaults);
  const v = value as Record<string, unknown>;
  const stored = (typeof v.categories === 'object' && v.categories !== null ? v.categories : {}) as Record<string, any>;
  const categories = Object.fromEntries(
    CATEGORIES.map((c) => {
      const d = stored[c];
      return [
        c,
        {
          visible: typeof d?.visible === 'boolean' ? d.visible : true,
          colour: typeof d?.colour === 'string' && /^#[0-9a-f]{6}$/i.test(d.colour) ? d.colour.toLowerCase() : DEFAULT_COLOURS[c],
        },
      ];
    }),
  ) as Record<Category, CategoryDisplay>;
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : true,
    disabledSites: isHostList(v.disabledSites),
    allowSites: isHostList(v.allowSites),
    renderer: v.renderer === 'overlay' ? 'overlay' : 'auto',
    style: v.style === 'underline' ? 'underline' : 'background',
    categories,
  };
}

/**
 * Version 1 held only { enabled, disabledSites, renderer }; version 2 adds the allow-list, the
 * highlight style and the per-category display, taking their defaults.
 */
export function migrateHighlightSettingsV1(v1: unknown): HighlightSettings {
  return sanitizeHighlightSettings({ ...DEFAULT_HIGHLIGHT_SETTINGS, ...(typeof v1 === 'object' && v1 !== null ? v1 : {}) });
}

export const highlightSettings = storage.defineItem<HighlightSettings>('local:highlightSettings', {
  fallback: DEFAULT_HIGHLIGHT_SETTINGS,
  version: 2,
  migrations: { 2: migrateHighlightSettingsV1 },
});

export async function readHighlightSettings(): Promise<HighlightSettings> {
  try {
    return sanitizeHighlightSettings(await highlightSettings.getValue());
  } catch {
    return structuredClone(DEFAULT_HIGHLIGHT_SETTINGS);
  }
}

export function isEnabledFor(settings: HighlightSettings, hostname: string): boolean {
  if (!settings.enabled || settings.disabledSites.includes(hostname)) return false;
  return settings.allowSites.length === 0 || settings.allowSites.includes(hostname);
}

export async function saveHighlightSettings(settings: HighlightSettings): Promise<void> {
  await highlightSettings.setValue(sanitizeHighlightSettings(settings));
}

export async function setSiteEnabled(hostname: string, enabled: boolean): Promise<void> {
  const current = await readHighlightSettings();
  const others = current.disabledSites.filter((s) => s !== hostname);
  await highlightSettings.setValue({ ...current, disabledSites: enabled ? others : [...others, hostname] });
}

export async function setGloballyEnabled(enabled: boolean): Promise<void> {
  await highlightSettings.setValue({ ...(await readHighlightSettings()), enabled });
}

export function watchHighlightSettings(callback: (settings: HighlightSettings) => void): () => void {
  return highlightSettings.watch((value) => callback(sanitizeHighlightSettings(value)));
}

export interface ConversionSettings {
  /** What every page shows unless its site says otherwise ('original': no conversion). */
  defaultChoice: ScriptChoice;
  /** Per-site memory: "always show this site in 繁體". */
  sites: Record<string, ScriptChoice>;
}

export const DEFAULT_CONVERSION_SETTINGS: ConversionSettings = { defaultChoice: 'original', sites: {} };

const isChoice = (v: unknown): v is ScriptChoice => isTarget(v) || v === 'original';

export function sanitizeConversionSettings(value: unknown): ConversionSettings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_CONVERSION_SETTINGS, sites: {} };
  const v = value as Record<string, unknown>;
  const sites: Record<string, ScriptChoice> = {};
  if (typeof v.sites === 'object' && v.sites !== null) {
    for (const [host, choice] of Object.entries(v.sites)) if (host.length < 256 && isChoice(choice)) sites[host] = choice;
  }
  return { defaultChoice: isChoice(v.defaultChoice) ? v.defaultChoice : 'original', sites };
}

export const conversionSettings = storage.defineItem<ConversionSettings>('local:conversionSettings', {
  fallback: DEFAULT_CONVERSION_SETTINGS,
  version: 1,
});

export async function readConversionSettings(): Promise<ConversionSettings> {
  try {
    return sanitizeConversionSettings(await conversionSettings.getValue());
  } catch {
    return { ...DEFAULT_CONVERSION_SETTINGS, sites: {} };
  }
}

/** The choice for a site: its own, else the default. */
export function choiceFor(settings: ConversionSettings, hostname: string): ScriptChoice {
  return settings.sites[hostname] ?? settings.defaultChoice;
}

/** Remembers a site's choice; `undefined` forgets it (the default applies again). */
export async function rememberSiteChoice(hostname: string, choice: ScriptChoice | undefined): Promise<void> {
  const current = await readConversionSettings();
  await conversionSettings.setValue({ ...current, sites: withSite(current.sites, hostname, choice) });
}

export async function setDefaultChoice(choice: ScriptChoice): Promise<void> {
  await conversionSettings.setValue({ ...(await readConversionSettings()), defaultChoice: choice });
}

export const uiLanguage = storage.defineItem<LanguageSetting>('local:uiLanguage', { fallback: 'auto', version: 1 });

/**
 * The interface language, kept current: resolved from the stored choice (or the browser's
 * language) now and on every change. Returns a getter and a function that stops following.
 */
export function followUiLanguage(browserLanguage: string): { current: () => Language; stop: () => void } {
  let language = resolveLanguage('auto', browserLanguage);
  void readUiLanguage().then((setting) => (language = resolveLanguage(setting, browserLanguage)));
  const stop = uiLanguage.watch((setting) => (language = resolveLanguage(setting ?? 'auto', browserLanguage)));
  return { current: () => language, stop };
}

export async function readUiLanguage(): Promise<LanguageSetting> {
  try {
    const value = await uiLanguage.getValue();
    return value === 'en' || value === 'zh_CN' || value === 'zh_TW' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** The ::highlight() rules for the user's colours and style (only literal colours work there). */
export function highlightCss(settings: HighlightSettings, prefix = 'tifa'): string {
  return CATEGORIES.map((category) => {
    const { visible, colour } = settings.categories[category];
    if (!visible) return `::highlight(${prefix}-${category}) { background-color: transparent; text-decoration: none; }`;
    return settings.style === 'underline'
      ? `::highlight(${prefix}-${category}) { background-color: transparent; text-decoration: underline 2px ${rgba(colour, 0.95)}; }`
      : `::highlight(${prefix}-${category}) { background-color: ${rgba(colour, 0.28)}; text-decoration: underline 1px ${rgba(colour, 0.9)}; }`;
  }).join('\n');
}

export type Scope = 'page' | 'article';

export interface ScopeSettings {
  /** Highlight the whole page (default) or only the main article. */
  scope: Scope;
  /** Per-site choice. */
  sites: Record<string, Scope>;
}

const DEFAULT_SCOPE_SETTINGS: ScopeSettings = { scope: 'page', sites: {} };

export function sanitizeScopeSettings(value: unknown): ScopeSettings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_SCOPE_SETTINGS, sites: {} };
  const v = value as Record<string, unknown>;
  const sites: Record<string, Scope> = {};
  if (typeof v.sites === 'object' && v.sites !== null) {
    for (const [host, scope] of Object.entries(v.sites)) if (scope === 'page' || scope === 'article') sites[host] = scope;
  }
  return { scope: v.scope === 'article' ? 'article' : 'page', sites };
}

export const scopeSettings = storage.defineItem<ScopeSettings>('local:scopeSettings', { fallback: DEFAULT_SCOPE_SETTINGS, version: 1 });

export async function readScopeSettings(): Promise<ScopeSettings> {
  try {
    return sanitizeScopeSettings(await scopeSettings.getValue());
  } catch {
    return { ...DEFAULT_SCOPE_SETTINGS, sites: {} };
  }
}

export function scopeFor(settings: ScopeSettings, hostname: string): Scope {
  return settings.sites[hostname] ?? settings.scope;
}

export async function setSiteScope(hostname: string, scope: Scope | undefined): Promise<void> {
  const current = await readScopeSettings();
  await scopeSettings.setValue({ ...current, sites: withSite(current.sites, hostname, scope) });
}

export function watchScopeSettings(callback: (settings: ScopeSettings) => void): () => void {
  return scopeSettings.watch((value) => callback(sanitizeScopeSettings(value)));
}

/** A copy of per-site values with `hostname`'s set, or removed when `value` is undefined. */
function withSite<T>(sites: Record<string, T>, hostname: string, value: T | undefined): Record<string, T> {
  const next = { ...sites };
  if (value === undefined) delete next[hostname];
  else next[hostname] = value;
  return next;
}
