/**
 * The Chrome side of opening PDFs automatically, against the fake browser: the feature test that
 * keeps rules out of a Chrome that would ignore their content-type condition, and the rules
 * rebuilt from the list and the granted permissions. Firefox's listener is tested end to end
 * (e2e-firefox/pdf-auto-open.test.ts), as are the redirects themselves.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PDF_RULE_IDS } from '../core/pdf-sites';
import { canOpenPdfsAutomatically, pdfAutoOpenSites, startPdfAutoOpen } from './pdf-auto-open';

/** What these tests read of a rule (the fake browser's types and WXT's differ in detail). */
interface Rule {
  id: number;
  action: { type: string };
  condition: { urlFilter?: string; requestDomains?: string[]; responseHeaders?: unknown[] };
}
interface Options {
  addRules?: Rule[];
  removeRuleIds?: number[];
}

/** A declarativeNetRequest as Chrome 128+ has it (checks response-header conditions) or 121–127 (accepts and ignores them). */
function fakeRules(checksHeaders: boolean) {
  const dynamic = new Map<number, Rule>();
  const session = new Map<number, Rule>();
  const apply = (rules: Map<number, Rule>, options: Options) => {
    for (const id of options.removeRuleIds ?? []) rules.delete(id);
    for (const rule of options.addRules ?? []) {
      if (checksHeaders && rule.condition.responseHeaders?.length === 0) throw new Error('responseHeaders must not be empty');
      if (rules.has(rule.id)) throw new Error(`duplicate id ${rule.id}`);
      rules.set(rule.id, rule);
    }
  };
  const dnr = fakeBrowser.declarativeNetRequest;
  vi.spyOn(dnr, 'updateSessionRules').mockImplementation(async (options) => apply(session, options as Options));
  const update = vi.spyOn(dnr, 'updateDynamicRules').mockImplementation(async (options) => apply(dynamic, options as Options));
  vi.spyOn(dnr, 'getDynamicRules').mockImplementation(async () => [...dynamic.values()] as never);
  return { dynamic, session, update };
}

/** Permissions granted for some origins, with the events the background listens to. */
function fakePermissions(granted: Set<string>) {
  const permissions = fakeBrowser.permissions;
  vi.spyOn(permissions, 'contains').mockImplementation(async ({ origins = [] }) => origins.every((o) => granted.has(o)));
  const added: (() => void)[] = [];
  vi.spyOn(permissions.onAdded, 'addListener').mockImplementation((listener) => void added.push(listener as () => void));
  vi.spyOn(permissions.onRemoved, 'addListener').mockImplementation(() => {});
  return {
    fireAdded: () => {
      for (const listener of added) listener();
    },
  };
}

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

describe('canOpenPdfsAutomatically', () => {
  it('is true where Chrome checks a response-header condition, and leaves no probe rule behind', async () => {
    const { session } = fakeRules(true);
    expect(await canOpenPdfsAutomatically()).toBe(true);
    expect(session.size).toBe(0);
  });

  it('is false where Chrome accepts the condition without checking it (121–127), or refuses it', async () => {
    const { session } = fakeRules(false);
    expect(await canOpenPdfsAutomatically()).toBe(false);
    expect(session.size).toBe(0);
    vi.spyOn(fakeBrowser.declarativeNetRequest, 'updateSessionRules').mockRejectedValue(new Error('unknown property'));
    expect(await canOpenPdfsAutomatically()).toBe(false);
  });
});

describe('startPdfAutoOpen (Chrome)', () => {
  const redirectHosts = (rules: Map<number, Rule>) =>
    [...rules.values()].filter((r) => r.action.type === 'redirect').map((r) => r.condition.requestDomains?.[0]);

  it('installs a redirect for each listed site that is granted, and follows the list and the permissions', async () => {
    const { dynamic } = fakeRules(true);
    // A rule of someone else's in the same list must survive every rebuild.
    dynamic.set(7, { id: 7, action: { type: 'block' }, condition: { urlFilter: 'ads' } });
    const granted = new Set(['https://www.gov.cn/*']);
    const { fireAdded } = fakePermissions(granted);
    await pdfAutoOpenSites.update(() => ['www.gov.cn', 'www.news.cn']);
    await startPdfAutoOpen();
    // Granted for one scheme (as the viewer asks) is enough: Chrome applies the rule where it may.
    expect(redirectHosts(dynamic)).toEqual(['www.gov.cn']);
    granted.add('http://www.news.cn/*');
    granted.add('https://www.news.cn/*');
    fireAdded();
    await vi.waitFor(() => expect(redirectHosts(dynamic)).toEqual(['www.gov.cn', 'www.news.cn']));
    await pdfAutoOpenSites.update(() => []);
    await vi.waitFor(() => expect([...dynamic.keys()]).toEqual([7]));
    expect([...dynamic.keys()].every((id) => id < PDF_RULE_IDS.first || id > PDF_RULE_IDS.last)).toBe(true);
  });

  it('installs nothing where the header condition is not checked: it would redirect every page of the site', async () => {
    const { dynamic, update } = fakeRules(false);
    fakePermissions(new Set(['http://www.gov.cn/*', 'https://www.gov.cn/*']));
    await pdfAutoOpenSites.update(() => ['www.gov.cn']);
    await startPdfAutoOpen();
    expect(dynamic.size).toBe(0);
    expect(update).not.toHaveBeenCalled();
  });
});
