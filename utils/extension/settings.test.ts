import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_HIGHLIGHT_SETTINGS, highlightCss, highlightSettings, isEnabledFor, migrateHighlightSettingsV1, readHighlightSettings, sanitizeHighlightSettings, setGloballyEnabled, setSiteEnabled } from './settings';
import { resolveLanguage, translator } from '../core/i18n';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('highlight settings', () => {
  it('fall back to defaults when the stored value is corrupt or foreign', async () => {
    expect(await readHighlightSettings()).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    await fakeBrowser.storage.local.set({ highlightSettings: 'garbage' });
    expect(await readHighlightSettings()).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    expect(sanitizeHighlightSettings({ enabled: 'yes', disabledSites: [1, '', 'a.cn'], renderer: 'webgl', style: 'neon', categories: { idiom: { visible: 'no', colour: 'red' } } })).toEqual({
      ...DEFAULT_HIGHLIGHT_SETTINGS,
      disabledSites: ['a.cn'],
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

describe('settings migrations', () => {
  it('migrate version 1 (switches only) to version 2 (display options), keeping what was set', async () => {
    expect(migrateHighlightSettingsV1({ enabled: false, disabledSites: ['a.cn'], renderer: 'overlay' })).toEqual({
      ...DEFAULT_HIGHLIGHT_SETTINGS,
      enabled: false,
      disabledSites: ['a.cn'],
      renderer: 'overlay',
    });
    await fakeBrowser.storage.local.set({ highlightSettings: { enabled: false, disabledSites: ['b.cn'] }, highlightSettings$: { v: 1 } });
    await highlightSettings.migrate();
    const migrated = await readHighlightSettings();
    expect(migrated.disabledSites).toEqual(['b.cn']);
    expect(migrated.style).toBe('background');
    expect((await fakeBrowser.storage.local.get('highlightSettings$')).highlightSettings$).toMatchObject({ v: 2 });
  });

  it('turn display settings into ::highlight rules, hidden categories painting nothing', () => {
    const css = highlightCss({ ...DEFAULT_HIGHLIGHT_SETTINGS, style: 'underline', categories: { ...DEFAULT_HIGHLIGHT_SETTINGS.categories, idiom: { visible: false, colour: '#000000' } } });
    expect(css).toContain('::highlight(tifa-idiom) { background-color: transparent; text-decoration: none; }');
    expect(css).toContain('::highlight(tifa-campaign) { background-color: transparent; text-decoration: underline 2px rgba(255, 140, 0, 0.95); }');
  });
});

describe('interface language', () => {
  it('follows the browser unless the user chose, and fills placeholders', () => {
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh_TW');
    expect(resolveLanguage('auto', 'zh-HK')).toBe('zh_TW');
    expect(resolveLanguage('auto', 'zh-CN')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'fr')).toBe('en');
    expect(resolveLanguage('zh_CN', 'en-US')).toBe('zh_CN');
    expect(translator('en')('onThisPage', 3, 6)).toBe('On this page: 3 phrases, 6 occurrences');
    expect(translator('zh_CN')('onThisPage', 3, 6)).toBe('本页：3 个提法，共 6 处');
  });
});
