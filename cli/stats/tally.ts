/**
 * The counts of `tifa stats`, per period (month, year or source) and phrase: occurrences, documents
 * that have the phrase, the period's Han characters and documents, the rate per 10,000 Han
 * characters and the share of the period's documents. docs/research-queries.sql computes the same
 * in DuckDB; a test holds them equal.
 */
import type { DocumentRecord, OccurrenceRecord } from '../corpus/dataset';

export const GROUPINGS = ['month', 'year', 'source'] as const;
export type Grouping = (typeof GROUPINGS)[number];

export interface StatsRow {
  period: string;
  phrase_id: string;
  canonical: string;
  occurrences: number;
  documents: number;
  han_chars: number;
  rate_per_10k: number;
  doc_share: number;
}

/**
 * A document's period: the first 7 or 4 characters of its date (as DuckDB's left(date, 7) takes
 * them: a date known only to the year is a period of its own by month), or its source; '' when the
 * document has none.
 */
function periodOf(document: DocumentRecord, by: Grouping): string {
  if (by === 'source') return document.source ?? '';
  return document.date?.slice(0, by === 'month' ? 7 : 4) ?? '';
}

export class Tally {
  private readonly periodOfDocument = new Map<string, string>();
  private readonly periods = new Map<string, { documents: number; han: number }>();
  private readonly phrases = new Map<
    string,
    { period: string; phrase: string; canonical: string; occurrences: number; documents: number; last: string }
  >();

  constructor(
    private readonly by: Grouping,
    private readonly counts: (occurrence: OccurrenceRecord) => boolean = () => true,
  ) {}

  addDocument(document: DocumentRecord): void {
    const period = periodOf(document, this.by);
    this.periodOfDocument.set(document.doc_id, period);
    const totals = this.periods.get(period) ?? { documents: 0, han: 0 };
    totals.documents++;
    totals.han += document.han_chars;
    this.periods.set(period, totals);
  }

  /** After every document: an occurrence finds its period through its document. */
  addOccurrence(occurrence: OccurrenceRecord): void {
    if (!this.counts(occurrence)) return;
    const period = this.periodOfDocument.get(occurrence.doc_id);
    if (period === undefined) return;
    const key = `${period}\u0000${occurrence.phrase_id}`;
    let row = this.phrases.get(key);
    if (!row)
      this.phrases.set(
        key,
        (row = { period, phrase: occurrence.phrase_id, canonical: occurrence.canonical, occurrences: 0, documents: 0, last: '' }),
      );
    row.occurrences++;
    // A document's occurrences are consecutive in a dataset (the writer writes them together), so a
    // new document id is a new document.
    if (row.last !== occurrence.doc_id) {
      row.documents++;
      row.last = occurrence.doc_id;
    }
  }

  /** By period (undated or unsourced last), then most occurrences first, then phrase id. */
  rows(minDocuments = 0): StatsRow[] {
    const rows: StatsRow[] = [];
    for (const row of this.phrases.values()) {
      if (row.documents < minDocuments) continue;
      const period = this.periods.get(row.period)!;
      rows.push({
        period: row.period,
        phrase_id: row.phrase,
        canonical: row.canonical,
        occurrences: row.occurrences,
        documents: row.documents,
        han_chars: period.han,
        rate_per_10k: period.han === 0 ? 0 : (10_000 * row.occurrences) / period.han,
        doc_share: row.documents / period.documents,
      });
    }
    const order = (a: string, b: string) => (a === b ? 0 : a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1);
    return rows.sort((a, b) => order(a.period, b.period) || b.occurrences - a.occurrences || order(a.phrase_id, b.phrase_id));
  }
}
