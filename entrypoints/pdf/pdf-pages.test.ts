import type { PDFDocumentProxy } from 'pdfjs-dist';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { PdfPages } from './pdf-pages';

// The text layer itself is pdf.js's geometry; here only its arrival matters.
vi.mock('./text-layer', () => ({
  paragraphsOf: () => ({ runs: [], paragraphs: [] }),
  buildTextLayer: (document: Document) => {
    const layer = document.createElement('div');
    layer.className = 'pdf-text';
    layer.textContent = '最后一公里';
    return layer;
  },
}));

type Report = { target: Element; isIntersecting: boolean };
/** The observers PdfPages makes, in order (near, then far), with their callbacks to call by hand. */
let observers: { report: (entries: Report[]) => void }[];

beforeEach(() => {
  observers = [];
  vi.stubGlobal(
    'IntersectionObserver',
    class {
      constructor(callback: (entries: Report[]) => void) {
        observers.push({ report: (entries) => callback(entries) });
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  );
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.replaceChildren();
});

function onePageDocument(): PDFDocumentProxy {
  const page = {
    getViewport: () => ({ width: 600, height: 800, scale: 1 }),
    getTextContent: async () => ({ items: [], styles: {} }),
    render: () => ({ promise: Promise.resolve(), cancel() {} }),
    cleanup() {},
  };
  // pdf.js keeps the page it handed out before: asking again resolves at once.
  const cached = Promise.resolve(page);
  return { numPages: 1, getPage: () => cached } as unknown as PDFDocumentProxy;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

it('draws a page whose reports come in one batch: first taken while the pages were hidden, then in view', async () => {
  const container = document.createElement('main');
  document.body.append(container);
  new PdfPages(document, container, onePageDocument(), { width: 600, height: 800 });
  const box = container.querySelector('.pdf-page')!;
  const [near, far] = observers;
  // Under load the browser delivers both reports at once, each observer its own, near first.
  near.report([
    { target: box, isIntersecting: false },
    { target: box, isIntersecting: true },
  ]);
  await Promise.resolve();
  far.report([
    { target: box, isIntersecting: false },
    { target: box, isIntersecting: true },
  ]);
  await settle();
  expect(box.querySelector('.pdf-text')?.textContent).toBe('最后一公里');
});

it('still takes a page away once it is far', async () => {
  const container = document.createElement('main');
  document.body.append(container);
  new PdfPages(document, container, onePageDocument(), { width: 600, height: 800 });
  const box = container.querySelector('.pdf-page')!;
  const [near, far] = observers;
  near.report([{ target: box, isIntersecting: true }]);
  far.report([{ target: box, isIntersecting: true }]);
  await settle();
  expect(box.querySelector('.pdf-text')).not.toBeNull();
  far.report([
    { target: box, isIntersecting: true },
    { target: box, isIntersecting: false },
  ]);
  expect(box.children.length).toBe(0);
});
