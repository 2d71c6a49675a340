/**
 * Opening PDFs in the viewer automatically, on the sites a reader listed and allowed (off until
 * then). Chrome does it with declarativeNetRequest rules that redirect a navigation whose response
 * is a PDF; Firefox with a blocking webRequest listener that does the same. Both are rebuilt from the
 * list and the granted permissions whenever either changes. The options page asks for and gives
 * back a site's permission here too.
 */
import { browser, type Browser } from 'wxt/browser';
import { pdfViewerPath } from '../core/links';
import { logOnce } from '../core/log';
import { opensInViewer, PDF_RULE_IDS, PdfSitesSchema, pdfRedirectRules, siteOrigins } from '../core/pdf-sites';
import { defineSetting } from './settings';

/**
 * The sites whose PDFs open in the viewer automatically, as host names: www.gov.cn. Empty, hence
 * off, until a reader adds one and allows it. Defined here rather than in ./settings.ts, which the
 * content script loads on every page: its schema (host-name parsing) has no business there.
 */
export const pdfAutoOpenSites = defineSetting<string[]>({
  key: 'pdfAutoOpenSites',
  schema: PdfSitesSchema,
  defaults: [],
  version: 1,
});

/**
 * Whether this browser can redirect by a response's content type. Firefox's blocking webRequest
 * can. Chrome's rules can from Chrome 128 on; Chrome 121–127 accept a rule's response-header
 * condition but ignore it, so a rule for PDFs would redirect every page of the site. pdf.js's
 * test (w3c/webextensions#638): a condition naming a header is accepted, and an empty header list
 * refused, only where the condition is really checked.
 */
export async function canOpenPdfsAutomatically(): Promise<boolean> {
  if (import.meta.env.FIREFOX) return typeof browser.webRequest?.onHeadersReceived?.addListener === 'function';
  const dnr = browser.declarativeNetRequest;
  if (!dnr) return false;
  // A random id: the options page and the background may test at the same moment.
  const id = 1_000_000 + Math.floor(Math.random() * 1_000_000_000);
  const probe = (responseHeaders: Browser.declarativeNetRequest.HeaderInfo[]): Browser.declarativeNetRequest.Rule => ({
    id,
    condition: { responseHeaders, urlFilter: '|does_not_match_anything' },
    action: { type: 'block' },
  });
  try {
    await dnr.updateSessionRules({ addRules: [probe([{ header: 'whatever' }])] });
  } catch {
    return false;
  }
  try {
    await dnr.updateSessionRules({ removeRuleIds: [id], addRules: [probe([])] });
    return false; // accepted without being checked: the condition is not applied either
  } catch {
    return true;
  } finally {
    await dnr
      .updateSessionRules({ removeRuleIds: [id] })
      .catch((error: unknown) => logOnce('pdf auto-open', 'could not remove the probe rule', error));
  }
}

/**
 * Asks for a site's permission. Call it straight from the click that asked: the browser shows its
 * prompt only during a user gesture, which anything awaited before would end.
 */
export function requestSite(host: string): Promise<boolean> {
  return browser.permissions.request({ origins: siteOrigins(host) });
}

/** Gives back a site's permission once the reader removes it from the list. */
export function releaseSite(host: string): Promise<boolean> {
  return browser.permissions.remove({ origins: siteOrigins(host) });
}

/** The listed sites' origins that are granted (a site may have been allowed for one scheme only, by the viewer). */
async function grantedOrigins(hosts: readonly string[]): Promise<{ host: string; origins: string[] }[]> {
  const granted = await Promise.all(
    hosts.map(async (host) => {
      const origins: string[] = [];
      for (const origin of siteOrigins(host)) {
        if (await browser.permissions.contains({ origins: [origin] })) origins.push(origin);
      }
      return { host, origins };
    }),
  );
  return granted.filter((site) => site.origins.length > 0);
}

async function installChromeRules(hosts: readonly string[]): Promise<void> {
  const dnr = browser.declarativeNetRequest;
  const existing = await dnr.getDynamicRules();
  const removeRuleIds = existing.map((rule) => rule.id).filter((id) => id >= PDF_RULE_IDS.first && id <= PDF_RULE_IDS.last);
  const addRules =
    hosts.length > 0 && (await canOpenPdfsAutomatically())
      ? (pdfRedirectRules(hosts, browser.runtime.getURL(pdfViewerPath()), browser.runtime.id) as Browser.declarativeNetRequest.Rule[])
      : [];
  if (removeRuleIds.length === 0 && addRules.length === 0) return;
  await dnr.updateDynamicRules({ removeRuleIds, addRules });
}

let firefoxListener:
  | ((details: Browser.webRequest.OnHeadersReceivedDetails) => Browser.webRequest.BlockingResponse | undefined)
  | undefined;

function installFirefoxListener(origins: readonly string[]): void {
  const event = browser.webRequest.onHeadersReceived;
  if (firefoxListener) event.removeListener(firefoxListener);
  firefoxListener = undefined;
  if (origins.length === 0) return;
  const ownPages = browser.runtime.getURL('/');
  firefoxListener = (details) => {
    // A navigation the viewer itself starts (to the document as the browser shows it) stays put.
    const origin = (details as { originUrl?: string }).originUrl;
    if (origin?.startsWith(ownPages)) return undefined;
    if (!opensInViewer(details)) return undefined;
    return { redirectUrl: browser.runtime.getURL(pdfViewerPath(details.url)) };
  };
  event.addListener(firefoxListener, { urls: [...origins], types: ['main_frame'] }, ['blocking', 'responseHeaders']);
}

async function install(): Promise<void> {
  const sites = await grantedOrigins(await pdfAutoOpenSites.read());
  if (import.meta.env.FIREFOX) installFirefoxListener(sites.flatMap((site) => site.origins));
  else await installChromeRules(sites.map((site) => site.host));
}

/**
 * Installs the redirects now, and again whenever the list or the granted permissions change. Runs
 * in the background at every start (a service worker's too: the rules are rebuilt from storage,
 * never trusted from before). Where the browser has neither API, there is nothing to install.
 * Resolves once the first installation is done or has failed (and been logged).
 */
export function startPdfAutoOpen(): Promise<void> {
  if (import.meta.env.FIREFOX ? !browser.webRequest : !browser.declarativeNetRequest) return Promise.resolve();
  // One installation at a time: two quick changes must not both read the old rules and add the same ids.
  let queue = Promise.resolve();
  const reinstall = () => {
    queue = queue.then(install).catch((error: unknown) => logOnce('pdf auto-open', 'could not install the redirects', error));
    return queue;
  };
  pdfAutoOpenSites.watch(() => void reinstall());
  browser.permissions.onAdded.addListener(() => void reinstall());
  browser.permissions.onRemoved.addListener(() => void reinstall());
  return reinstall();
}
