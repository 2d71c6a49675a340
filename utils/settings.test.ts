import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_HIGHLIGHT_SETTINGS, isEnabledFor, readHighlightSettings, sanitizeHighlightSettings, setGloballyEnabled, setSiteEnabled } from './settings';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('highlight settings', () => {
  it('fall back to defaults when the stored value is corrupt or foreign', async () => {
    expect(await readHighlightSettings()).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    await fakeBrowser.storage.local.set({ highlightSettings: 'garbage' });
    expect(await readHighlightSettings()).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    expect(sanitizeHighlightSettings({ enabled: 'yes', disabledSites: [1, '', 'a.cn'], renderer: 'webgl' })).toEqual({
      enabled: true,
      disabledSites: ['a.cn'],
      renderer: 'auto',
    });
  });

  it('switch a site off and on, and everything off', async () => {
    await setSiteEnabled('news.cn', false);
    let settings = await readHighlightSettings();
    expect(isEnabledFor(settings, 'news.cn')).toBe(false);
    expect(isEnabledFor(settings, 'other.cn')).toBe(true);
    await setSiteEnabled('news.cn', true);
    settings = await readHighlightSettings();
    expect(isEnabledFor(settings, 'news.cn')).toBe(true);
    await setGloballyEnabled(false);
    expect(isEnabledFor(await readHighlightSettings(), 'other.cn')).toBe(false);
  });
});
