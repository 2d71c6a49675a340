/**
 * Which keys of storage.local the content script starts from. The first content script reads them
 * at document_start (entrypoints/content-loader.ts), before it may load the settings' schemas; the
 * content script parses them (readAtOnce). A test keeps this list the same as CONTENT_SCRIPT_SETTINGS
 * in settings.ts.
 */
export const CONTENT_SCRIPT_SETTING_KEYS = ['highlightSettings', 'scopeSettings', 'ownPhrases', 'conversionSettings', 'tapLookup'] as const;

/** The keys storage.local holds settings under: each value and its version record (`key$`, WXT's). */
export function storedKeys(keys: readonly string[]): string[] {
  return keys.flatMap((key) => [key, `${key}$`]);
}
