/**
 * The shipped corpus: the raw essays, byte for byte, and a repaired reading in which every change is
 * a marked piece (raw text, repaired text, kind, note). Pure: used by the build step, which writes
 * the result as JSON, and by the views that render it.
 *
 * Stable identifiers: essay (1–3), paragraph (1-based within the essay, continuing across the second
 * text of essay 3 so that citations never shift), and a UTF-16 offset into the paragraph's repaired
 * text (with the matching offset into its raw text).
 */

const REPAIR_KINDS = ['garbled', 'typo', 'punctuation', 'numbering', 'removed-title', 'line-break', 'truncated', 'split', 'note'] as const;
type RepairKind = (typeof REPAIR_KINDS)[number];

/** A repair as written in data/corpus/repairs.json. */
export interface RepairSpec {
  kind: RepairKind;
  raw: string;
  repaired: string;
  note: string;
  uncertain?: boolean;
  /** Context that must stand right before / after `raw`; it is not part of the repair. */
  before?: string;
  after?: string;
  /** How many times the repair applies; defaults to exactly once. */
  count?: number;
}

interface RepairPiece {
  raw: string;
  text: string;
  kind: RepairKind;
  note: string;
  uncertain: boolean;
}
export type Piece = string | RepairPiece;

export interface Paragraph {
  essay: number;
  /** 1-based within the essay. */
  number: number;
  /** 1 for the essay's own text; 2 for the second text that essay 3 continues with. */
  part: number;
  /** Offset of the paragraph's raw text in the raw file. */
  rawStart: number;
  pieces: Piece[];
  /** The repaired reading. */
  text: string;
  /** The raw text, exactly as in the file. */
  raw: string;
}

interface Essay {
  number: number;
  marker: string;
  paragraphs: Paragraph[];
}

export interface Corpus {
  essays: Essay[];
}

const ESSAY_MARKERS = ['【篇一】', '【篇二】', '【篇三】'];

/** Half-width punctuation that stands where full-width was meant, in Chinese running text. */
const FULL_WIDTH: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '(': '（', ')': '）', '?': '？' };

interface Span {
  start: number;
  end: number;
  piece: RepairPiece;
}

function locateRepairs(raw: string, specs: RepairSpec[]): { spans: Span[]; errors: string[] } {
  const spans: Span[] = [];
  const errors: string[] = [];
  for (const spec of specs) {
    const before = spec.before ?? '';
    const needle = before + spec.raw + (spec.after ?? '');
    const found: number[] = [];
    for (let at = raw.indexOf(needle); at >= 0; at = raw.indexOf(needle, at + 1)) found.push(at + before.length);
    const expected = spec.count ?? 1;
    if (found.length !== expected) {
      errors.push(`repair ${JSON.stringify(spec.raw)} (${spec.kind}): found ${found.length} times, expected ${expected}`);
      continue;
    }
    for (const start of found) {
      spans.push({
        start,
        end: start + spec.raw.length,
        piece: { raw: spec.raw, text: spec.repaired, kind: spec.kind, note: spec.note, uncertain: spec.uncertain ?? false },
      });
    }
  }
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i].start < spans[i - 1].end) {
      errors.push(
        `repairs overlap at offset ${spans[i].start}: ${JSON.stringify(spans[i - 1].piece.raw)} and ${JSON.stringify(spans[i].piece.raw)}`,
      );
    }
  }
  return { spans, errors };
}

const isAsciiWord = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/** Half-width punctuation between Chinese text becomes full-width; between ASCII words it stays. */
function punctuationSpans(raw: string, taken: Span[]): Span[] {
  const spans: Span[] = [];
  let t = 0;
  for (let i = 0; i < raw.length; i++) {
    while (t < taken.length && taken[t].end <= i) t++;
    if (t < taken.length && taken[t].start <= i && i < taken[t].end) continue;
    const full = FULL_WIDTH[raw[i]];
    if (!full || (isAsciiWord(raw[i - 1]) && isAsciiWord(raw[i + 1]))) continue;
    spans.push({
      start: i,
      end: i + 1,
      piece: { raw: raw[i], text: full, kind: 'punctuation', note: 'Half-width punctuation where full-width was meant.', uncertain: false },
    });
  }
  return spans;
}

/** Builds the corpus from the raw file and the repair list. Errors name the repair at fault. */
export function buildCorpus(raw: string, specs: RepairSpec[]): { corpus: Corpus; errors: string[] } {
  const located = locateRepairs(raw, specs);
  const spans = [...located.spans, ...punctuationSpans(raw, located.spans)].sort((a, b) => a.start - b.start);
  const errors = [...located.errors];

  const essays: Essay[] = [];
  let essay: Essay | undefined;
  let paragraph: Paragraph | undefined;
  let part = 1;

  const closeParagraph = () => {
    if (paragraph && paragraph.raw.length > 0 && essay) {
      paragraph.number = essay.paragraphs.length + 1;
      essay.paragraphs.push(paragraph);
    }
    paragraph = undefined;
  };
  const openParagraph = (rawStart: number) => {
    paragraph = { essay: essay!.number, number: 0, part, rawStart, pieces: [], text: '', raw: '' };
  };
  const addPiece = (piece: Piece) => {
    if (!paragraph) return;
    const last = paragraph.pieces[paragraph.pieces.length - 1];
    if (typeof piece === 'string' && typeof last === 'string') paragraph.pieces[paragraph.pieces.length - 1] = last + piece;
    else paragraph.pieces.push(piece);
    paragraph.raw += typeof piece === 'string' ? piece : piece.raw;
    paragraph.text += typeof piece === 'string' ? piece : piece.text;
  };

  let s = 0;
  for (let i = 0; i < raw.length || s < spans.length; ) {
    const marker = ESSAY_MARKERS.find((m) => raw.startsWith(m, i));
    if (marker) {
      closeParagraph();
      essay = { number: essays.length + 1, marker, paragraphs: [] };
      essays.push(essay);
      part = 1;
      i += marker.length;
      continue;
    }
    if (!essay) {
      errors.push(`text before the first essay marker at offset ${i}`);
      break;
    }
    const span = spans[s];
    if (span && span.start === i) {
      s++;
      if (span.piece.kind === 'split') {
        closeParagraph();
        part++;
        continue;
      }
      if (!paragraph) openParagraph(i);
      addPiece(span.piece);
      i = span.end;
      continue;
    }
    if (i >= raw.length) break;
    if (raw[i] === '\n') {
      closeParagraph();
      i++;
      continue;
    }
    if (!paragraph) openParagraph(i);
    addPiece(raw[i]);
    i++;
  }
  closeParagraph();
  return { corpus: { essays }, errors };
}

/**
 * Maps an offset in a paragraph's repaired text to the offset in its raw text. Inside plain text the
 * two move together; an offset inside a repair maps to the repair's raw start (for a match start)
 * or raw end (for a match end), so a mapped range always covers the raw text it came from.
 */
export function rawOffsetOf(paragraph: Paragraph, textOffset: number, side: 'start' | 'end' = 'start'): number {
  let text = 0;
  let raw = 0;
  for (const piece of paragraph.pieces) {
    const t = typeof piece === 'string' ? piece : piece.text;
    const r = typeof piece === 'string' ? piece : piece.raw;
    if (typeof piece === 'string') {
      if (textOffset <= text + t.length) return raw + (textOffset - text);
    } else if (textOffset < text + t.length || (side === 'end' && textOffset === text + t.length && t.length > 0)) {
      return side === 'start' ? raw : raw + r.length;
    }
    text += t.length;
    raw += r.length;
  }
  return raw;
}
