/**
 * Opening PDFs in the viewer automatically, on the sites a reader listed: what a typed site becomes
 * (a host name), which origins it needs, which responses are PDFs to open, the Chrome rules that do
 * it, and how the viewer reads back the address a rule gave it. The browser calls are in
 * utils/extension/pdf-auto-open.ts.
 */
import * as v from 'valibot';

/** More sites than anyone lists by hand: a bound on what storage can make the background install. */
const SITE_LIMIT = 200;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * The host name in what a reader typed or pasted: `https://www.gov.cn/zhengce/x.pdf`, `www.gov.cn`
 * or `WWW.GOV.CN.` all give `www.gov.cn`; a non-ASCII name gives its punycode, which is what
 * permissions and request URLs hold. Undefined for anything that is not a web site's host (junk,
 * another scheme, a wildcard, an IPv6 literal, a single word other than localhost).
 */
export function siteFromInput(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed);
  let url: URL;
  try {
    url = new URL(hasScheme ? trimmed : `https://${trimmed}`);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/\.$/, '');
  if (host.length > 253) return undefined;
  const labels = host.split('.');
  if (!labels.every((label) => LABEL.test(label))) return undefined;
  // A single word is a typo far more often than an intranet host.
  if (labels.length < 2 && host !== 'localhost') return undefined;
  return host;
}

/**
 * The stored list: each entry a host name as siteFromInput gives it, no repeats, in the reader's
 * order. Anything else in storage is dropped rather than guessed at: the list decides which
 * navigations are redirected.
 */
export const PdfSitesSchema = v.pipe(
  v.fallback(v.array(v.unknown()), () => []),
  v.transform((items) => {
    const sites: string[] = [];
    for (const item of items) {
      if (typeof item !== 'string' || siteFromInput(item) !== item || sites.includes(item)) continue;
      sites.push(item);
    }
    return sites.slice(0, SITE_LIMIT);
  }),
);

/** The permission origins a site needs, in the form the manifest's optional `http://*\/*`, `https://*\/*` grant. */
export function siteOrigins(host: string): string[] {
  return [`http://${host}/*`, `https://${host}/*`];
}

/** What a response to a navigation shows when a rule or listener looks at it. */
export interface PdfResponse {
  method: string;
  url: string;
  responseHeaders?: readonly { name: string; value?: string }[];
}

const headerValue = (response: PdfResponse, name: string) =>
  response.responseHeaders?.find((header) => header.name.toLowerCase() === name)?.value ?? '';

/**
 * Whether a navigation's response is a PDF to show in the viewer, as pdf.js's extension decides:
 * a PDF by its content type; not the answer to a POST (the viewer can only GET the address again,
 * without the form); and not a download a site asked for — an attachment whose address says
 * `=download` (Google Drive's download links). Other attachments are shown: sites mark PDFs meant
 * to be read as attachments all the time.
 */
export function opensInViewer(response: PdfResponse): boolean {
  if (response.method.toUpperCase() === 'POST') return false;
  if (!/^\s*application\/pdf\s*(;|$)/i.test(headerValue(response, 'content-type'))) return false;
  return !(response.url.includes('=download') && /^\s*attachment/i.test(headerValue(response, 'content-disposition')));
}

/** The part of a declarativeNetRequest rule these rules use (the core cannot name the browser's types). */
export interface PdfRule {
  id: number;
  priority: number;
  action: { type: 'allow' } | { type: 'redirect'; redirect: { regexSubstitution: string } };
  condition: {
    regexFilter?: string;
    urlFilter?: string;
    requestDomains?: string[];
    resourceTypes: 'main_frame'[];
    excludedRequestMethods?: 'post'[];
    excludedInitiatorDomains?: string[];
    responseHeaders: { header: string; values: string[] }[];
  };
}

/** The ids the PDF rules take among the extension's dynamic rules: they replace only their own. */
export const PDF_RULE_IDS = { first: 1000, last: 1000 + SITE_LIMIT } as const;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Chrome's rules for the listed sites: one redirect per site, and above them one that lets a
 * requested download through (opensInViewer says the same for Firefox). A redirect can only paste
 * the matched address into the new one (declarativeNetRequest cannot encode it): the viewer is
 * reached at `pdf.html?file=<the address as it was requested>`, which viewerFileAddress (links.ts) reads back.
 * Chrome applies a redirect only where the site is granted, so a listed site without its
 * permission is left alone by the browser itself.
 */
export function pdfRedirectRules(hosts: readonly string[], viewerUrl: string, extensionId: string): PdfRule[] {
  if (hosts.length === 0) return [];
  const allowDownloads: PdfRule = {
    id: PDF_RULE_IDS.first,
    priority: 2,
    action: { type: 'allow' },
    condition: {
      urlFilter: '=download',
      requestDomains: [...hosts],
      resourceTypes: ['main_frame'],
      responseHeaders: [{ header: 'content-disposition', values: ['attachment*'] }],
    },
  };
  const redirects = hosts.slice(0, SITE_LIMIT).map(
    (host, index): PdfRule => ({
      id: PDF_RULE_IDS.first + 1 + index,
      priority: 1,
      action: { type: 'redirect', redirect: { regexSubstitution: `${viewerUrl}?file=\\0` } },
      condition: {
        // The whole address, or the substitution would keep what the match left out around the viewer's.
        regexFilter: `^https?://${escapeRegex(host)}(:[0-9]+)?/.*$`,
        // requestDomains also covers subdomains: the regex keeps the rule to the host listed.
        requestDomains: [host],
        resourceTypes: ['main_frame'],
        excludedRequestMethods: ['post'],
        // A navigation the viewer itself starts (to the document as the browser shows it) stays put.
        excludedInitiatorDomains: [extensionId],
        responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*'] }],
      },
    }),
  );
  return [allowDownloads, ...redirects];
}
