/**
 * highlightSettings, version 1 → 2. Version 1 (the first release) stored only the switches
 * { enabled, disabledSites, renderer }; version 2 adds the allow-list, the highlight style and the
 * per-category display, with their defaults. The fixtures are values version 1 wrote.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_HIGHLIGHT_SETTINGS } from '../../core/settings-schema';
import { highlightSettings } from '../settings';

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
    expect((await fakeBrowser.storage.local.get('highlightSettings$')).highlightSettings$).toMatchObject({ v: 2 });
  });
});
