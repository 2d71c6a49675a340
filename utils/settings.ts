/**
 * Settings, stored through WXT's storage with a versioned schema. A corrupt or foreign stored
 * value falls back to the default and never breaks a page.
 */
import { storage } from 'wxt/utils/storage';

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
