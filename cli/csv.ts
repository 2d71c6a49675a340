/**
 * CSV as RFC 4180 writes it (quoted fields, "" for a quote, line breaks inside quotes), read as it
 * streams in (a manifest of a million rows is never held whole) and written one field at a time.
 */

export interface CsvRecord {
  fields: string[];
  /** The line the record starts on, 1-based. */
  line: number;
}

export async function* csvRecords(chunks: AsyncIterable<string>): AsyncGenerator<CsvRecord> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  /** After a closing quote: a quote next is an escaped one. */
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let any = false;
  let first = true;
  for await (let chunk of chunks) {
    if (first && chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    first = false;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (quoted) {
        if (c === '"') {
          quoted = false;
          afterQuote = true;
        } else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === '"') {
        // A quote opens a quoted field at its start, or is an escaped quote right after one closed.
        if (afterQuote) field += '"';
        quoted = true;
        afterQuote = false;
        any = true;
        continue;
      }
      afterQuote = false;
      if (c === ',') {
        fields.push(field);
        field = '';
        any = true;
      } else if (c === '\n') {
        if (field.endsWith('\r')) field = field.slice(0, -1);
        if (any || field.length > 0) {
          fields.push(field);
          yield { fields, line: recordLine };
        }
        fields = [];
        field = '';
        any = false;
        line++;
        recordLine = line;
      } else {
        field += c;
      }
    }
  }
  if (any || field.length > 0) {
    fields.push(field.endsWith('\r') ? field.slice(0, -1) : field);
    yield { fields, line: recordLine };
  }
}

/** A field as CSV writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
