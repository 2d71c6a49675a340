/**
 * The settings as stored: one storage item each (WXT storage, versioned), read through its schema.
 * Every read and every watch callback gets a sanitized value (utils/core/settings-schema.ts), and
 * every write goes through `update`, which sanitizes what it writes. Pages use them through
 * `useSetting` (utils/extension/use-setting.ts); the content script and the background call
 * read/watch/update directly.
 */
import { storedKeys } from './stored-keys';
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import {
  ConversionSettingsSchema,
  DEFAULT_CONVERSION_SETTINGS,
  DEFAULT_HIGHLIGHT_SETTINGS,
  DEFAULT_SCOPE_SETTINGS,
  HighlightSettingsSchema,
  LanguageSettingSchema,
  migrateHighlightSettingsV1,
  migrateHighlightSettingsV2,
  ScopeSettingsSchema,
  type ConversionSettings,
  type HighlightSettings,
  type ScopeSettings,
} from '../core/settings-schema';
import { resolveLanguage, type Language, type LanguageSetting } from '../core/i18n';
import { logOnce } from '../core/log';
import { OwnPhrasesSchema, type OwnPhrase } from '../core/own-phrases';

export interface Setting<T> {
  /** The key in storage.local (tests and the README rely on it). */
  readonly key: string;
  readonly defaults: T;
  read(): Promise<T>;
  /** Calls back with every change, sanitized; returns the function that stops watching. */
  watch(callback: (value: T) => void): () => void;
  /** Reads, applies `change`, writes the sanitized result, and returns it. */
  update(change: (current: T) => T): Promise<T>;
  /** Back to the defaults. */
  reset(): Promise<void>;
  /** The storage item itself, for migrations. */
  readonly item: WxtStorageItem<T, Record<string, unknown>>;
  /**
   * The value from what storage holds under the key and its version record (`key$`), migrated in
   * memory when it is older: for `readAtOnce`, which reads several settings in one request.
   */
  fromStored(value: unknown, meta: unknown): T;
}

export function defineSetting<T>(options: {
  key: string;
  schema: v.GenericSchema<unknown, T>;
  defaults: T;
  version: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}): Setting<T> {
  const { key, schema, defaults } = options;
  const sanitize = (value: unknown): T => {
    const result = v.safeParse(schema, value ?? defaults);
    if (result.success) return result.output;
    logOnce(`setting ${key}`, 'a stored value did not fit its schema; the defaults apply', result.issues);
    return structuredClone(defaults);
  };
  const item = storage.defineItem<T>(`local:${key}`, {
    fallback: defaults,
    version: options.version,
    migrations: options.migrations,
  });
  let queue: Promise<unknown> = Promise.resolve();
  const setting: Setting<T> = {
    key,
    defaults,
    item,
    fromStored(value, meta) {
      let migrated = value;
      const from = (meta as { v?: unknown } | undefined)?.v;
      if (migrated != null && options.migrations) {
        for (let version = (typeof from === 'number' ? from : 1) + 1; version <= options.version; version++) {
          migrated = options.migrations[version]?.(migrated) ?? migrated;
        }
      }
      return sanitize(migrated);
    },
    async read() {
      try {
        return sanitize(await item.getValue());
      } catch (error) {
        // Storage can be unavailable (an extension context invalidated by an update): the page
        // keeps working on the defaults.
        logOnce(`setting ${key}`, 'could not read it; the defaults apply', error);
        return structuredClone(defaults);
      }
    },
    watch(callback) {
      return item.watch((value) => callback(sanitize(value)));
    },
    update(change) {
      // Updates are serialized: two quick changes (two switches) must not read the same old value.
      const next = queue.then(async () => {
        const value = sanitize(change(await setting.read()));
        await item.setValue(value);
        return value;
      });
      // The queue only orders updates: a failed one rejects `next`, for its caller to report, and
      // must not stop the updates queued after it.
      queue = next.catch(() => undefined);
      return next;
    },
    async reset() {
      await item.removeValue();
    },
  };
  return setting;
}

export const highlightSettings = defineSetting<HighlightSettings>({
  key: 'highlightSettings',
  schema: HighlightSettingsSchema,
  defaults: DEFAULT_HIGHLIGHT_SETTINGS,
  version: 3,
  migrations: { 2: migrateHighlightSettingsV1, 3: migrateHighlightSettingsV2 },
});

export const conversionSettings = defineSetting<ConversionSettings>({
  key: 'conversionSettings',
  schema: ConversionSettingsSchema,
  defaults: DEFAULT_CONVERSION_SETTINGS,
  version: 1,
});

export const scopeSettings = defineSetting<ScopeSettings>({
  key: 'scopeSettings',
  schema: ScopeSettingsSchema,
  defaults: DEFAULT_SCOPE_SETTINGS,
  version: 1,
});

/** On a touch screen, a tap on a phrase opens its card (tap-tracker.ts); a reader can turn it off. */
export const tapLookup = defineSetting<boolean>({
  key: 'tapLookup',
  schema: v.fallback(v.boolean(), true),
  defaults: true,
  version: 1,
});

export const uiLanguage = defineSetting<LanguageSetting>({
  key: 'uiLanguage',
  schema: LanguageSettingSchema,
  defaults: 'auto',
  version: 1,
});

/**
 * A reader's own phrases (utils/core/own-phrases.ts). Data rather than an option: "reset to the
 * defaults" leaves them alone. Like everything here, they stay in this browser's local storage.
 */
export const ownPhrases = defineSetting<OwnPhrase[]>({
  key: 'ownPhrases',
  schema: OwnPhrasesSchema,
  defaults: [],
  version: 1,
});

type Values<S extends readonly Setting<unknown>[]> = { -readonly [K in keyof S]: S[K] extends Setting<infer T> ? T : never };

/**
 * Several settings in one storage request. The content script reads its settings this way at
 * document_start: each item's own read takes several requests in a row (its version record, then
 * its value), and once the page is parsed their replies wait behind the page's first layout —
 * measured, the first pass over a 100 KB page then started 100 ms after DOMContentLoaded, where one
 * request issued at document_start is answered in under 10 ms. A value stored by an older version is
 * migrated in memory (the extension's pages write it back when they next change it).
 */
export async function readAtOnce<const S extends readonly Setting<unknown>[]>(
  settings: S,
  /** Storage already asked for (the first content script's read: utils/extension/content-handoff.ts). */
  prefetched?: Promise<Record<string, unknown>>,
): Promise<Values<S>> {
  try {
    const stored = await (prefetched ?? browser.storage.local.get(storedKeys(settings.map((s) => s.key))));
    return settings.map((s) => s.fromStored(stored[s.key], stored[`${s.key}$`])) as Values<S>;
  } catch (error) {
    logOnce('settings', 'could not read them at once; reading them one by one', error);
    return (await Promise.all(settings.map((s) => s.read()))) as Values<S>;
  }
}

/** How many looked-up phrases are remembered for flashcards. */
const LOOKED_UP_LIMIT = 500;

/**
 * The phrases a reader saw explained in the lookup, newest first, for flashcards. Data, kept only
 * in this browser; the popup clears it on request.
 */
export const lookedUp = defineSetting<string[]>({
  key: 'lookedUp',
  schema: v.pipe(
    v.fallback(v.array(v.unknown()), () => []),
    v.transform((ids) =>
      ids.filter((id): id is string => typeof id === 'string' && /^[a-z0-9-]{1,120}$/.test(id)).slice(0, LOOKED_UP_LIMIT),
    ),
  ),
  defaults: [],
  version: 1,
});

/** What the content script starts with, in this order (its keys: stored-keys.ts). */
export const CONTENT_SCRIPT_SETTINGS = [highlightSettings, scopeSettings, ownPhrases, conversionSettings, tapLookup] as const;

/** Every option, for "reset to the defaults" (own phrases are not options: see above). */
export const ALL_SETTINGS = [highlightSettings, conversionSettings, scopeSettings, tapLookup, uiLanguage] as const;

/**
 * The interface language for a stored choice: the choice itself, or for 'auto' the browser's
 * interface language. Every page, the card and the background's menus resolve it here.
 */
export function interfaceLanguage(setting: LanguageSetting, browserLanguage = browser.i18n.getUILanguage()): Language {
  return resolveLanguage(setting, browserLanguage);
}

/**
 * The interface language, kept current: resolved from the stored choice (or the browser's
 * language) now and on every change. Returns a getter and a function that stops following.
 */
export function followUiLanguage(browserLanguage = browser.i18n.getUILanguage()): {
  current: () => Language;
  ready: Promise<void>;
  stop: () => void;
} {
  let language = interfaceLanguage('auto', browserLanguage);
  const ready = uiLanguage.read().then((setting) => {
    language = interfaceLanguage(setting, browserLanguage);
  });
  const stop = uiLanguage.watch((setting) => {
    language = interfaceLanguage(setting, browserLanguage);
  });
  return { current: () => language, ready, stop };
}
