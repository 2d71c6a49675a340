import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  ConversionSettingsSchema,
  DEFAULT_HIGHLIGHT_SETTINGS,
  HighlightSettingsSchema,
  highlightCss,
  isEnabledFor,
  LanguageSettingSchema,
  ScopeSettingsSchema,
  scopeFor,
  choiceFor,
  withSite,
} from './settings-schema';

const sanitize = (value: unknown) => v.parse(HighlightSettingsSchema, value);

describe('settings schemas sanitize field by field', () => {
  it('turn a corrupt or foreign highlight value into the defaults, keeping what is valid', () => {
    for (const bad of ['garbage', null, 42, [], { categories: 'x' }]) expect(sanitize(bad)).toEqual(DEFAULT_HIGHLIGHT_SETTINGS);
    expect(
      sanitize({
        enabled: 'yes',
        disabledSites: [1, '', 'a.cn'],
        renderer: 'webgl',
        style: 'neon',
        categories: { idiom: { visible: 'no', colour: 'red' }, saying: { visible: false, colour: '#ABCDEF' } },
      }),
    ).toEqual({
      ...DEFAULT_HIGHLIGHT_SETTINGS,
      disabledSites: ['a.cn'],
      categories: { ...DEFAULT_HIGHLIGHT_SETTINGS.categories, saying: { visible: false, colour: '#abcdef' } },
    });
  });

  it('drop invalid per-site entries and keep the valid ones', () => {
    expect(v.parse(ConversionSettingsSchema, { defaultChoice: 'klingon', sites: { 'a.cn': 'tw', 'b.cn': 'xx', '': 'cn' } })).toEqual({
      defaultChoice: 'original',
      sites: { 'a.cn': 'tw' },
    });
    expect(v.parse(ScopeSettingsSchema, { scope: 'article', sites: { 'a.cn': 'page', 'b.cn': 7 } })).toEqual({
      scope: 'article',
      sites: { 'a.cn': 'page' },
    });
    expect(v.parse(LanguageSettingSchema, 'fr')).toBe('auto');
    expect(v.parse(LanguageSettingSchema, 'zh_TW')).toBe('zh_TW');
  });
});

describe('what the settings decide', () => {
  it('enable a site unless it is denied, switched off everywhere, or outside a non-empty allow-list', () => {
    const on = DEFAULT_HIGHLIGHT_SETTINGS;
    expect(isEnabledFor(on, 'a.cn')).toBe(true);
    expect(isEnabledFor({ ...on, disabledSites: ['a.cn'] }, 'a.cn')).toBe(false);
    expect(isEnabledFor({ ...on, enabled: false }, 'a.cn')).toBe(false);
    expect(isEnabledFor({ ...on, allowSites: ['b.cn'] }, 'a.cn')).toBe(false);
    expect(isEnabledFor({ ...on, allowSites: ['b.cn'] }, 'b.cn')).toBe(true);
  });

  it('take a site’s own choice before the default, and forget it on request', () => {
    const sites = withSite({}, 'a.cn', 'tw' as const);
    expect(choiceFor({ defaultChoice: 'cn', sites }, 'a.cn')).toBe('tw');
    expect(choiceFor({ defaultChoice: 'cn', sites }, 'b.cn')).toBe('cn');
    expect(withSite(sites, 'a.cn', undefined)).toEqual({});
    expect(scopeFor({ scope: 'page', sites: { 'a.cn': 'article' } }, 'a.cn')).toBe('article');
  });

  it('turn display settings into ::highlight rules, hidden categories painting nothing', () => {
    const css = highlightCss({
      ...DEFAULT_HIGHLIGHT_SETTINGS,
      style: 'underline',
      categories: { ...DEFAULT_HIGHLIGHT_SETTINGS.categories, idiom: { visible: false, colour: '#000000' } },
    });
    expect(css).toContain('::highlight(tifa-idiom) { background-color: transparent; text-decoration: none; }');
    expect(css).toContain(
      '::highlight(tifa-campaign) { background-color: transparent; text-decoration: underline 2px rgba(255, 140, 0, 0.95); }',
    );
  });

  it('hang the rules on an originating element when asked, every rule of them', () => {
    const rules = highlightCss(DEFAULT_HIGHLIGHT_SETTINGS, ':root').split('\n');
    expect(rules.length).toBeGreaterThan(5);
    for (const rule of rules) expect(rule).toMatch(/^:root::highlight\(tifa-[a-z-]+\) \{/);
    for (const rule of highlightCss(DEFAULT_HIGHLIGHT_SETTINGS).split('\n')) expect(rule).toMatch(/^::highlight\(/);
  });
});
