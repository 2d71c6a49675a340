/**
 * highlightSettings, version 2 → 3. Version 2 had one switch, showCommon; version 3 has three
 * highlight levels. The fixtures are values version 2 wrote.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '../../core/settings-schema';
import { highlightSettings, readAtOnce } from '../settings';

const v2 = { enabled: true, disabledSites: ['a.cn'], allowSites: [], renderer: 'auto', style: 'underline' };

const FIXTURES = [
  // A reader who asked for every entry keeps every entry.
  {
    stored: { ...v2, showCommon: true },
    expected: { ...DEFAULT_HIGHLIGHT_SETTINGS, disabledSites: ['a.cn'], style: 'underline', level: 'all' },
  },
  // The old default (key entries only) becomes the new default, which adds formulas on policy pages.
  {
    stored: { ...v2, showCommon: false },
    expected: { ...DEFAULT_HIGHLIGHT_SETTINGS, disabledSites: ['a.cn'], style: 'underline', level: 'context' },
  },
  // Written without its version record, by hand or by a test: the level it holds stays.
  {
    stored: { ...v2, level: 'key' },
    expected: { ...DEFAULT_HIGHLIGHT_SETTINGS, disabledSites: ['a.cn'], style: 'underline', level: 'key' },
  },
  {
    stored: { ...v2, showCommon: 'yes' },
    expected: { ...DEFAULT_HIGHLIGHT_SETTINGS, disabledSites: ['a.cn'], style: 'underline', level: 'context' },
  },
];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('highlightSettings v2 → v3', () => {
  it.each(FIXTURES)('migrates %j', async ({ stored, expected }) => {
    await fakeBrowser.storage.local.set({ highlightSettings: stored, highlightSettings$: { v: 2 } });
    await highlightSettings.item.migrate();
    expect(await highlightSettings.read()).toEqual(expected);
    expect((await fakeBrowser.storage.local.get('highlightSettings$')).highlightSettings$).toMatchObject({ v: 3 });
  });

  it.each(FIXTURES)('migrates %j in memory when the content script reads it', async ({ stored, expected }) => {
    await fakeBrowser.storage.local.set({ highlightSettings: stored, highlightSettings$: { v: 2 } });
    const [settings] = await readAtOnce([highlightSettings]);
    expect(settings).toEqual(expected);
  });
});
