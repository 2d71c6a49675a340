import { describe, expect, it } from 'vitest';
import { looksLikePdfAddress, pdfViewerPath, viewerFileAddress } from './links';

describe('the PDF viewer’s address', () => {
  it('carries the document’s address whole, encoded, and reads back with URLSearchParams', () => {
    const address = 'https://www.gov.cn/zhengce/报告.pdf?id=3&x=a b#p2';
    const path = pdfViewerPath(address);
    expect(path.startsWith('/pdf.html?file=')).toBe(true);
    expect(new URLSearchParams(path.slice(path.indexOf('?'))).get('file')).toBe(address);
    expect(pdfViewerPath()).toBe('/pdf.html');
  });

  it('is offered for web and file addresses whose path ends in .pdf, in any case', () => {
    expect(looksLikePdfAddress('https://example.gov.cn/a/P0202.PDF')).toBe(true);
    expect(looksLikePdfAddress('http://example.org/doc.pdf?download=1')).toBe(true);
    expect(looksLikePdfAddress('file:///home/me/report.pdf')).toBe(true);
    expect(looksLikePdfAddress('https://example.org/pdf/list.html')).toBe(false);
    expect(looksLikePdfAddress('https://example.org/view?file=a.pdf')).toBe(false);
    expect(looksLikePdfAddress('chrome://settings/a.pdf')).toBe(false);
    expect(looksLikePdfAddress('not a url')).toBe(false);
  });
});

describe('viewerFileAddress', () => {
  it('reads the encoded form pdfViewerPath writes', () => {
    for (const address of ['https://www.gov.cn/a.pdf', 'https://x.cn/f.pdf?a=1&b=2+3&c=%E4%B8%AD'])
      expect(viewerFileAddress(pdfViewerPath(address).slice('/pdf.html'.length))).toBe(address);
  });

  it('reads the raw form a Chrome redirect writes, verbatim: its &, + and % belong to the address', () => {
    const address = 'https://x.cn/f.pdf?a=1&b=2+3&c=%E4%B8%AD';
    expect(viewerFileAddress(`?file=${address}`)).toBe(address);
    expect(viewerFileAddress('?file=http://127.0.0.1:8000/doc.pdf')).toBe('http://127.0.0.1:8000/doc.pdf');
  });

  it('has no address without a file parameter', () => {
    expect(viewerFileAddress('')).toBeNull();
    expect(viewerFileAddress('?page=2')).toBeNull();
  });
});
