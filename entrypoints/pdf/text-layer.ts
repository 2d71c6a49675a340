/**
 * The text layer over a rendered PDF page: transparent text placed over each glyph run, which the
 * highlighter reads and paints like any page's text, and which the reader can select.
 *
 * pdf.js has its own TextLayer, but it ends each printed line with a <br>, which the page reader
 * (utils/page/page-text.ts) treats as a block boundary, so a phrase broken over two lines would never
 * be found. This layer groups the runs into the paragraphs of utils/core/pdf-text.ts instead: one
 * <div> per paragraph, one <span> per run, placed as pdf.js places them.
 */
import { Util, type PageViewport } from 'pdfjs-dist';
import type { TextContent, TextItem, TextStyle } from 'pdfjs-dist/types/src/display/api';
import { pageParagraphs, type PdfParagraph, type PdfTextItem } from '@/utils/core/pdf-text';

/** The runs of a page's text content (marked-content tags left out). */
export function textRuns(content: TextContent): TextItem[] {
  return content.items.filter((item): item is TextItem => 'str' in item);
}

export function toPdfTextItems(runs: readonly TextItem[]): PdfTextItem[] {
  return runs.map((run) => ({
    str: run.str,
    hasEOL: run.hasEOL,
    x: run.transform[4],
    y: run.transform[5],
    width: run.width,
    height: run.height || Math.hypot(run.transform[2], run.transform[3]),
  }));
}

/** The page's paragraphs, as the layer and the document's text both read them. */
export function paragraphsOf(content: TextContent): { runs: TextItem[]; paragraphs: PdfParagraph[] } {
  const runs = textRuns(content);
  return { runs, paragraphs: pageParagraphs(toPdfTextItems(runs)) };
}

let measure: CanvasRenderingContext2D | null | undefined;

/** The width the browser gives `text` in this font: the span is stretched to the run's printed width. */
function measuredWidth(text: string, size: number, family: string): number {
  measure ??= document.createElement('canvas').getContext('2d');
  if (!measure) return 0;
  measure.font = `${size}px ${family}`;
  return measure.measureText(text).width;
}

function ascentOf(style: TextStyle | undefined): number {
  if (style?.ascent) return style.ascent;
  if (style?.descent) return 1 + style.descent;
  return 0.8;
}

function placeRun(span: HTMLSpanElement, run: TextItem, style: TextStyle | undefined, viewport: PageViewport): void {
  const tx = Util.transform(viewport.transform, run.transform);
  let angle = Math.atan2(tx[1], tx[0]);
  if (style?.vertical) angle += Math.PI / 2;
  const fontHeight = Math.hypot(tx[2], tx[3]);
  const ascent = fontHeight * ascentOf(style);
  const left = angle === 0 ? tx[4] : tx[4] + ascent * Math.sin(angle);
  const top = angle === 0 ? tx[5] - ascent : tx[5] - ascent * Math.cos(angle);
  const family = style?.fontFamily ?? 'sans-serif';
  span.style.left = `${left}px`;
  span.style.top = `${top}px`;
  span.style.fontSize = `${fontHeight}px`;
  span.style.fontFamily = family;
  const printed = (style?.vertical ? run.height : run.width) * viewport.scale;
  const natural = measuredWidth(run.str, fontHeight, family);
  const transforms: string[] = [];
  if (angle !== 0) transforms.push(`rotate(${angle}rad)`);
  if (natural > 0 && printed > 0) transforms.push(`scaleX(${printed / natural})`);
  if (transforms.length > 0) span.style.transform = transforms.join(' ');
}

/** Builds the layer for one page (not yet in the document). */
export function buildTextLayer(
  document: Document,
  content: TextContent,
  viewport: PageViewport,
  page: { runs: readonly TextItem[]; paragraphs: readonly PdfParagraph[] },
): HTMLElement {
  const layer = document.createElement('div');
  layer.className = 'pdf-text';
  for (const paragraph of page.paragraphs) {
    const block = document.createElement('div');
    block.className = 'pdf-para';
    for (const [n, index] of paragraph.items.entries()) {
      const run = page.runs[index];
      const span = document.createElement('span');
      // The separator (a space between Latin words at a line end) rides on the run before it, so
      // that the paragraph's text is exactly the layer's.
      span.textContent = run.str + paragraph.separators[n];
      placeRun(span, run, content.styles[run.fontName], viewport);
      block.append(span);
    }
    layer.append(block);
  }
  return layer;
}
