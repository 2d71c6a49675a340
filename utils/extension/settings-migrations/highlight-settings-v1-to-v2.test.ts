/**
 * highlightSettings, version 1 → 2. Version 1 (the first release) stored only the switches
 * { enabled, disabledSites, renderer }; version 2 adds the allow-list, the highlight style and the
 * per-category display, with their defaults. The fixtures are values version 1 wrote.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '../../core/settings-schema';
import { conversionSettings, highlightSettings, readAtOnce } from '../settings';

const FIXTURES = [
  {
    stored: { enabled: false, disabledSites: ['b.cn'] },
    expected: { ...DEFAULT_HIGHLIGHT_SETTINGS, enabled: false, disabledSites: ['b.cn'] },
  },
  { stored: { enabled: true, disabledSites: [], renderer: 'overlay' }, expected: { ...DEFAULT_HIGHLIGHT_SETTINGS, renderer: 'overlay' } },
  // A version 1 value damaged in storage still migrates, to the defaults where it is damaged.
  { stored: { enabled: 'yes', disabledSites: 'a.cn' }, expected: DEFAULT_HIGHLIGHT_SETTINGS },
];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('highlightSettings v1 → v2', () => {
  it.each(FIXTURES)('migrates %j', async ({ stored, expected }) => {
    await fakeBrowser.storage.local.set({ highlightSettings: stored, highlightSettings$: { v: 1 } });
    await highlightSettings.item.migrate();
    expect(await highlightSettings.read()).toEqual(expected);
    expect((await fakeBrowser.storage.local.get('highlightSettings$')).highlightSettings$).toMatchObject({ v: 3 });
  });
});

describe('readAtOnce (the content script reads its settings in one request)', () => {
  it.each(FIXTURES)('migrates %j in memory, to what the stored migration gives', async ({ stored, expected }) => {
    await fakeBrowser.storage.local.set({ highlightSettings: stored, highlightSettings$: { v: 1 } });
    const [settings] = await readAtOnce([highlightSettings]);
    expect(settings).toEqual(expected);
    // Storage is left as it was; the extension's pages write the migrated value back.
    expect((await fakeBrowser.storage.local.get('highlightSettings$')).highlightSettings$).toEqual({ v: 1 });
  });

  it('reads current values as they are, and the defaults where nothing is stored', async () => {
    await highlightSettings.update((s) => ({ ...s, enabled: false }));
    const [settings, conversion] = await readAtOnce([highlightSettings, conversionSettings]);
    expect(settings).toEqual(await highlightSettings.read());
    expect(settings.enabled).toBe(false);
    expect(conversion).toEqual(conversionSettings.defaults);
  });
});
