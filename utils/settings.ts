/**
 * Settings, stored through WXT's storage with a versioned schema. A corrupt or foreign stored
 * value falls back to the default and never breaks a page.
 */
import { storage } from 'wxt/utils/storage';
import { isTarget, type ScriptChoice } from './convert';

export interface HighlightSettings {
  /** Highlights on everywhere (the global switch). */
  enabled: boolean;
  /** Hostnames where highlighting is off. */
  disabledSites: string[];
  /**
   * How highlights are drawn: 'auto' uses the CSS Custom Highlight API where the browser has it and
   * the overlay elsewhere; 'overlay' forces the overlay (to check the fallback in any browser).
   */
  renderer: 'auto' | 'overlay';
}

export const DEFAULT_HIGHLIGHT_SETTINGS: HighlightSettings = { enabled: true, disabledSites: [], renderer: 'auto' };

/** Accepts only a well-formed value; anything else becomes the default. */
export function sanitizeHighlightSettings(value: unknown): HighlightSettings {
  if (typeof value !== 'object' || value === null) return { ...DEFAULT_HIGHLIGHT_SETTINGS };
  const v = value as Record<string, unknown>;
  return {
    enabled: typeof v.enabled === 'boolean' ? v.enabled : true,
    disabledSites: Array.isArray(v.disabledSites)
      ? v.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0 && s.length < 256)
      : [],
    renderer: v.renderer === 'overlay' ? 'overlay' : 'auto',
  };
}

export const highlightSettings = storage.defineItem<HighlightSettings>('local:highlightSettings', {
  fallback: DEFAULT_HIGHLIGHT_SETTINGS,
  version: 1,
});

export async function readHighlightSettings(): Promise<HighlightSettings> {
  try {
    return sanitizeHighlightSettings(await highlightSettings.getValue());
  } catch {
    return { ...DEFAULT_HIGHLIGHT_SETTINGS };
  }
}

export function isEnabledFor(settings: HighlightSettings, hostname: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(hostname);
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
  if (typeof value !== 'object' || value === null) return { defaultChoice: 'original', sites: {} };
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
    return { defaultChoice: 'original', sites: {} };
  }
}

/** The choice for a site: its own, else the default. */
export function choiceFor(settings: ConversionSettings, hostname: string): ScriptChoice {
  return settings.sites[hostname] ?? settings.defaultChoice;
}

/** Remembers a site's choice; `undefined` forgets it (the default applies again). */
export async function rememberSiteChoice(hostname: string, choice: ScriptChoice | undefined): Promise<void> {
  const current = await readConversionSettings();
  const sites = { ...current.sites };
  if (choice === undefined) delete sites[hostname];
  else sites[hostname] = choice;
  await conversionSettings.setValue({ ...current, sites });
}

export async function setDefaultChoice(choice: ScriptChoice): Promise<void> {
  await conversionSettings.setValue({ ...(await readConversionSettings()), defaultChoice: choice });
}
