/**
 * Opens a PDF with pdf.js: from an address (the viewer's `?file=`) or from a local file. The viewer
 * fetches the document itself rather than letting pdf.js do it, so that a failure has a reason the
 * reader can act on (a login, a missing file, a site Tifa Lens may not read yet), and so that the
 * one document asked for is the only request the viewer makes.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import { browser } from 'wxt/browser';

// pdf.js's worker, CMaps and standard fonts ship inside the extension (wxt.config.ts copies them):
// government PDFs often name Song or Hei fonts they do not embed, and read nothing without the CMaps.
// WXT types getURL for the files it knows; these are added by a build hook it does not see.
const assetUrl = (path: string): string => (browser.runtime.getURL as (path: string) => string)(path);
GlobalWorkerOptions.workerSrc = assetUrl('/pdfjs/pdf.worker.min.mjs');

/** Why a document did not open: each has its own message and remedy in the viewer. */
export type OpenFailure =
  /** The extension may not read this site yet: the reader can allow it. */
  | { kind: 'permission'; origin: string; host: string }
  | { kind: 'login'; status: number }
  | { kind: 'missing'; status: number }
  | { kind: 'http'; status: number }
  | { kind: 'network'; detail: string }
  /** A file: address the browser does not let extensions read. */
  | { kind: 'local-address' }
  | { kind: 'password' }
  | { kind: 'not-pdf' };

export class OpenError extends Error {
  constructor(readonly failure: OpenFailure) {
    super(failure.kind);
  }
}

/** The site permission that lets the viewer read `url` (extension pages need it to read across sites). */
function originPattern(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}

async function hasSitePermission(url: URL): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [originPattern(url)] });
  } catch {
    return false; // a pattern the browser does not accept (an odd scheme) is one it does not grant
  }
}

/** Fetches the document at `address`; the reader's cookies go with it, as when the browser shows it. */
export async function fetchPdf(address: string): Promise<ArrayBuffer> {
  const url = new URL(address);
  if (url.protocol === 'file:') throw new OpenError({ kind: 'local-address' });
  let response: Response;
  try {
    // The one request the extension makes: the document the reader asked to open, from its own site
    // (issue 21; e2e/pdf.test.ts checks that nothing else is requested).
    response = await fetch(url, { credentials: 'include' });
  } catch (error) {
    // A fetch fails the same way for a site the extension may not read and for a network down: the
    // permission tells them apart.
    if (!(await hasSitePermission(url))) throw new OpenError({ kind: 'permission', origin: originPattern(url), host: url.hostname });
    throw new OpenError({ kind: 'network', detail: String((error as Error)?.message ?? error) });
  }
  if (response.status === 401 || response.status === 403) throw new OpenError({ kind: 'login', status: response.status });
  if (response.status === 404 || response.status === 410) throw new OpenError({ kind: 'missing', status: response.status });
  if (!response.ok) throw new OpenError({ kind: 'http', status: response.status });
  return response.arrayBuffer();
}

/** Parses a PDF's bytes. pdf.js takes ownership of the buffer. */
export async function openPdf(data: ArrayBuffer): Promise<PDFDocumentProxy> {
  const base = assetUrl('/pdfjs/');
  try {
    return await getDocument({
      data: new Uint8Array(data),
      cMapUrl: `${base}cmaps/`,
      cMapPacked: true,
      standardFontDataUrl: `${base}standard_fonts/`,
      wasmUrl: `${base}wasm/`,
      // Extension pages forbid eval; pdf.js then draws glyphs without compiled paths.
      isEvalSupported: false,
    }).promise;
  } catch (error) {
    // pdf.js's exceptions cross from its worker as plain errors: their names say what they were.
    const name = (error as Error)?.name;
    if (name === 'PasswordException') throw new OpenError({ kind: 'password' });
    if (name === 'InvalidPDFException') throw new OpenError({ kind: 'not-pdf' });
    throw error;
  }
}
