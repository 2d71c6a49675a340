import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { opensInViewer, PDF_RULE_IDS, PdfSitesSchema, pdfRedirectRules, siteFromInput, siteOrigins } from './pdf-sites';

describe('siteFromInput', () => {
  it('finds the host in an address, a bare host name, or either in capitals or with a trailing dot', () => {
    expect(siteFromInput('https://www.gov.cn/zhengce/content/x.pdf?id=3#p2')).toBe('www.gov.cn');
    expect(siteFromInput('  www.gov.cn  ')).toBe('www.gov.cn');
    expect(siteFromInput('WWW.GOV.CN.')).toBe('www.gov.cn');
    expect(siteFromInput('http://www.gov.cn:8080/')).toBe('www.gov.cn');
    expect(siteFromInput('www.gov.cn/zhengce')).toBe('www.gov.cn');
    expect(siteFromInput('127.0.0.1')).toBe('127.0.0.1');
    expect(siteFromInput('localhost')).toBe('localhost');
  });

  it('gives a non-ASCII name as punycode, which is what permissions and request addresses hold', () => {
    expect(siteFromInput('https://münchen.de/a.pdf')).toBe('xn--mnchen-3ya.de');
    expect(siteFromInput('中国政府网.政务')).toMatch(/^xn--[a-z0-9]+\.xn--zfr164b$/);
  });

  it('refuses what is not a web site’s host', () => {
    for (const junk of [
      '',
      '   ',
      'hello world',
      'gov',
      '*.gov.cn',
      'ftp://www.gov.cn',
      'file:///tmp/a.pdf',
      'javascript:alert(1)',
      'http://',
      '-bad-.cn',
      'a..cn',
      'http://[::1]/',
      'www.gov.cn,www.news.cn',
    ])
      expect(siteFromInput(junk), junk).toBeUndefined();
  });
});

describe('the stored list', () => {
  it('keeps host names in order, once each, and drops anything else', () => {
    expect(v.parse(PdfSitesSchema, ['www.gov.cn', 'WWW.GOV.CN', 'www.gov.cn', 42, 'https://www.news.cn/', 'www.news.cn'])).toEqual([
      'www.gov.cn',
      'www.news.cn',
    ]);
    expect(v.parse(PdfSitesSchema, 'www.gov.cn')).toEqual([]);
    expect(v.parse(PdfSitesSchema, undefined)).toEqual([]);
  });
});

describe('siteOrigins', () => {
  it('names the site on both schemes, as the optional permissions grant them', () => {
    expect(siteOrigins('www.gov.cn')).toEqual(['http://www.gov.cn/*', 'https://www.gov.cn/*']);
  });
});

describe('opensInViewer', () => {
  const pdf = (headers: Record<string, string>, method = 'GET', url = 'https://www.gov.cn/a.pdf') => ({
    method,
    url,
    responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
  });

  it('opens a PDF by its content type, with parameters or in any case', () => {
    expect(opensInViewer(pdf({ 'Content-Type': 'application/pdf' }))).toBe(true);
    expect(opensInViewer(pdf({ 'content-type': 'Application/PDF; charset=binary' }))).toBe(true);
    expect(opensInViewer(pdf({ 'content-type': 'application/pdf' }, 'GET', 'https://www.gov.cn/file?id=3'))).toBe(true);
  });

  it('leaves other types, answers to a POST, and requested downloads alone; shows other attachments', () => {
    expect(opensInViewer(pdf({ 'content-type': 'text/html' }))).toBe(false);
    expect(opensInViewer(pdf({ 'content-type': 'application/pdfx' }))).toBe(false);
    expect(opensInViewer(pdf({}))).toBe(false);
    expect(opensInViewer(pdf({ 'content-type': 'application/pdf' }, 'POST'))).toBe(false);
    const attachment = { 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="a.pdf"' };
    expect(opensInViewer(pdf(attachment, 'GET', 'https://drive.example/uc?export=download&id=1'))).toBe(false);
    expect(opensInViewer(pdf(attachment))).toBe(true);
  });
});

describe('pdfRedirectRules', () => {
  const viewer = 'chrome-extension://abc/pdf.html';

  it('makes no rule at all for no site', () => {
    expect(pdfRedirectRules([], viewer, 'abc')).toEqual([]);
  });

  it('redirects PDF navigations on each listed host to the viewer, and lets a requested download through first', () => {
    const rules = pdfRedirectRules(['www.gov.cn', '127.0.0.1'], viewer, 'abc');
    expect(rules.map((r) => r.id)).toEqual([PDF_RULE_IDS.first, PDF_RULE_IDS.first + 1, PDF_RULE_IDS.first + 2]);
    const [allow, gov, local] = rules;
    expect(allow.action).toEqual({ type: 'allow' });
    expect(allow.priority).toBeGreaterThan(gov.priority);
    expect(allow.condition.responseHeaders).toEqual([{ header: 'content-disposition', values: ['attachment*'] }]);
    expect(gov.action).toEqual({ type: 'redirect', redirect: { regexSubstitution: `${viewer}?file=\\0` } });
    expect(gov.condition).toMatchObject({
      resourceTypes: ['main_frame'],
      excludedRequestMethods: ['post'],
      excludedInitiatorDomains: ['abc'],
      responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*'] }],
    });
    for (const rule of rules) expect(rule.id).toBeLessThanOrEqual(PDF_RULE_IDS.last);
    // The filter must match the whole address (the substitution replaces only the match), on this
    // host alone: not a subdomain, not a host that merely starts the same.
    const matches = (rule: (typeof rules)[number], url: string) => new RegExp(rule.condition.regexFilter!, 'i').exec(url)?.[0] === url;
    expect(matches(gov, 'https://www.gov.cn/zhengce/a.pdf?id=3&lang=zh')).toBe(true);
    expect(matches(gov, 'http://www.gov.cn:8080/a.pdf')).toBe(true);
    expect(matches(gov, 'https://sub.www.gov.cn/a.pdf')).toBe(false);
    expect(matches(gov, 'https://www.gov.cn.evil.example/a.pdf')).toBe(false);
    expect(matches(gov, 'https://wwwxgov.cn/a.pdf')).toBe(false);
    expect(matches(local, 'http://127.0.0.1:4321/doc.pdf')).toBe(true);
  });
});
