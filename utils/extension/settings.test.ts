import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_HIGHLIGHT_SETTINGS, isEnabledFor } from '../core/settings-schema';
import { resolveLanguage } from '../core/i18n';
import { translator } from '../core/messages';
import { CONTENT_SCRIPT_SETTINGS, conversionSettings, followUiLanguage, highlightSettings, readAtOnce, uiLanguage } from './settings';
import { CONTENT_SCRIPT_SETTING_KEYS } from './stored-keys';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('a setting', () => {
  it('the content script starts from is read early by the first content script under its own key', () => {
    expect(CONTENT_SCRIPT_SETTINGS.map((s) => s.key)).toEqual([...CONTENT_SCRIPT_SETTING_KEYS]);
  });

  it('is read from storage already asked for when there is such a read (the first content script’s), through its schema', async () => {
    await fakeBrowser.storage.local.set({ highlightSettings: { ...DEFAULT_HIGHLIGHT_SETTINGS, enabled: true } });
    const prefetched = Promise.resolve({
      highlightSettings: { ...DEFAULT_HIGHLIGHT_SETTINGS, enabled: false },
      conversionSettings: 'garbage',
    });
    const [highlight, conversion] = await readAtOnce([highlightSettings, conversionSettings], prefetched);
    expect(highlight.enabled).toBe(false);
    expect(conversion).toEqual(await conversionSettings.read());
  });

  it('reads the defaults when nothing, or something corrupt, is stored', async () => {
    expect(await highlightSettings.read()).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    await fakeBrowser.storage.local.set({ highlightSettings: 'garbage' });
    expect(await highlightSettings.read()).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
  });

  it('updates through its schema: what is written is sanitized', async () => {
    await highlightSettings.update((s) => ({ ...s, disabledSites: ['news.cn', 7 as unknown as string] }));
    expect((await fakeBrowser.storage.local.get('highlightSettings')).highlightSettings).toMatchObject({ disabledSites: ['news.cn'] });
    expect(isEnabledFor(await highlightSettings.read(), 'news.cn')).toBe(false);
  });

  it('serializes quick updates, so that none reads a value another is about to replace', async () => {
    await Promise.all([
      conversionSettings.update((c) => ({ ...c, sites: { ...c.sites, 'a.cn': 'tw' } })),
      conversionSettings.update((c) => ({ ...c, sites: { ...c.sites, 'b.cn': 'hk' } })),
    ]);
    expect((await conversionSettings.read()).sites).toEqual({ 'a.cn': 'tw', 'b.cn': 'hk' });
  });

  it('tells watchers about changes, sanitized, and stops when asked', async () => {
    const seen: unknown[] = [];
    const stop = highlightSettings.watch((value) => seen.push(value.enabled));
    await highlightSettings.update((s) => ({ ...s, enabled: false }));
    await fakeBrowser.storage.local.set({ highlightSettings: { enabled: 'nonsense' } });
    stop();
    await highlightSettings.update((s) => ({ ...s, enabled: false }));
    expect(seen).toEqual([false, true]);
  });

  it('goes back to its defaults on reset', async () => {
    await uiLanguage.update(() => 'zh_TW');
    await uiLanguage.reset();
    expect(await uiLanguage.read()).toBe('auto');
  });
});

describe('interface language', () => {
  it('follows the browser unless the user chose, and fills placeholders', () => {
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh_TW');
    expect(resolveLanguage('auto', 'zh-HK')).toBe('zh_TW');
    expect(resolveLanguage('auto', 'zh-CN')).toBe('zh_CN');
    expect(resolveLanguage('auto', 'fr')).toBe('en');
    expect(resolveLanguage('zh_CN', 'en-US')).toBe('zh_CN');
    expect(translator('en')('onThisSite', 'example.com')).toBe('On this site (example.com)');
    expect(translator('zh_CN')('phrasesCount', 3)).toBe('3 个提法');
    // Plural forms by each language's rules, numbers written its way.
    expect(translator('en')('phrasesCount', 1)).toBe('1 phrase');
    expect(translator('en')('phrasesCount', 1234)).toBe('1,234 phrases');
    expect(translator('en')('onPageTimes', 1)).toBe('Once on this page');
  });

  it('follows the stored choice as it changes', async () => {
    const language = followUiLanguage('en-US');
    await language.ready;
    expect(language.current()).toBe('en');
    await uiLanguage.update(() => 'zh_CN');
    await expect.poll(() => language.current()).toBe('zh_CN');
    language.stop();
  });
});
