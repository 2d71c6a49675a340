/**
 * The glossary as a term base that translation tools import (Trados, memoQ, Phrase, OmegaT):
 * - TBX (ISO 30042:2019, the TBX-Basic dialect, DCA style): one concept per entry, keeping its id;
 *   language sections zh-Hans, zh-Hant and en; the meaning is each language's definition, each
 *   English rendering is an English term whose note says who gives it and where;
 * - CSV: the common term-list columns (source term, target term, note), one row per rendering
 *   (one row with no target where there is none), with every field of the term base in a column
 *   of its own, so that reading it back loses nothing;
 * - JSON: the same records.
 * Pure: the CLI (`tifa glossary`) and the glossary page share it.
 */
import { CATEGORY_LABELS, citation, RENDERING_KINDS, type GlossaryEntry, type Rendering, type RenderingKind } from './glossary-schema';
import { csvFile, startsLikeFormula } from './export';
import { ownPhraseAsEntry, splitCsv, type OwnPhrase } from './own-phrases';

export const TERM_BASE_FORMATS = ['tbx', 'csv', 'json'] as const;
export type TermBaseFormat = (typeof TERM_BASE_FORMATS)[number];

/** One concept of the term base: what the three formats carry. */
export interface TermRecord {
  id: string;
  zhHans: string;
  zhHant: string;
  pinyin: string;
  category: GlossaryEntry['category'];
  tier: GlossaryEntry['tier'];
  definitionEn: string;
  definitionZh: string;
  renderings: Rendering[];
  /** Where the official English departs from the Chinese; for a reader's own phrase, their note. */
  note: string;
}

export function termRecord(entry: GlossaryEntry): TermRecord {
  return {
    id: entry.id,
    zhHans: entry.simplified,
    zhHant: entry.traditional,
    pinyin: entry.pinyin,
    category: entry.category,
    tier: entry.tier,
    definitionEn: entry.meaningEn,
    definitionZh: entry.meaningZh,
    renderings: entry.english?.renderings ?? [],
    note: entry.english?.note ?? '',
  };
}

/**
 * What goes into a term base: the whole glossary or its key entries only, and, on request, a
 * reader's own phrases (their meaning as the definition, their note as the note).
 */
export function termBaseRecords(
  entries: readonly GlossaryEntry[],
  options: { keyOnly?: boolean; own?: readonly OwnPhrase[] } = {},
): TermRecord[] {
  const glossary = (options.keyOnly ? entries.filter((e) => e.tier === 'key') : entries).map(termRecord);
  const own = (options.own ?? []).map((phrase) => ({ ...termRecord(ownPhraseAsEntry(phrase)), note: phrase.note }));
  return [...glossary, ...own];
}

/** The file name of an export, dated so that exports do not overwrite each other. */
export function termBaseFileName(format: TermBaseFormat, now = new Date()): string {
  return `tifa-lens-glossary-${now.toISOString().slice(0, 10)}.${format}`;
}

/** The media type of each format, for a download. */
export const TERM_BASE_TYPES: Record<TermBaseFormat, string> = {
  tbx: 'application/x-tbx+xml',
  csv: 'text/csv',
  json: 'application/json',
};

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

/** An XML id is a name: it cannot start with a digit (glossary ids may; none does today). */
const xmlId = (id: string) => (/^[0-9]/.test(id) ? `_${id}` : id);

/** The English a rendering's note gives: who gives it, and the full citation. */
const renderingNote = (r: Rendering) => `${r.kind}: ${citation(r.source)}`;

export function termBaseTbx(records: readonly TermRecord[], title = 'Tifa Lens glossary'): string {
  const line = (depth: number, xml: string) => `${'  '.repeat(depth)}${xml}`;
  const definition = (depth: number, text: string) =>
    text ? [line(depth, `<descrip type="definition">${escapeXml(text)}</descrip>`)] : [];
  const term = (depth: number, text: string, extra: string[] = []) => [
    line(depth, '<termSec>'),
    line(depth + 1, `<term>${escapeXml(text)}</term>`),
    line(depth + 1, '<termNote type="partOfSpeech">noun</termNote>'),
    ...extra.map((x) => line(depth + 1, x)),
    line(depth, '</termSec>'),
  ];
  const concepts = records.flatMap((r) => [
    line(3, `<conceptEntry id="${escapeXml(xmlId(r.id))}">`),
    line(4, `<descrip type="subjectField">${escapeXml(CATEGORY_LABELS[r.category].en)}</descrip>`),
    line(4, `<admin type="customerSubset">${escapeXml(r.tier)}</admin>`),
    ...(r.note ? [line(4, `<note>${escapeXml(r.note)}</note>`)] : []),
    line(4, '<langSec xml:lang="zh-Hans">'),
    ...definition(5, r.definitionZh),
    ...term(5, r.zhHans, r.pinyin ? [`<note>pinyin: ${escapeXml(r.pinyin)}</note>`] : []),
    line(4, '</langSec>'),
    line(4, '<langSec xml:lang="zh-Hant">'),
    ...term(5, r.zhHant),
    line(4, '</langSec>'),
    line(4, '<langSec xml:lang="en">'),
    ...definition(5, r.definitionEn),
    ...r.renderings.flatMap((rendering) => term(5, rendering.text, [`<note>${escapeXml(renderingNote(rendering))}</note>`])),
    line(4, '</langSec>'),
    line(3, '</conceptEntry>'),
  ]);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>',
    '<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">',
    line(1, '<tbxHeader>'),
    line(2, '<fileDesc>'),
    line(3, `<titleStmt><title>${escapeXml(title)}</title></titleStmt>`),
    line(
      3,
      '<sourceDesc><p>Official Chinese political phrases (提法), with their meanings and the English renderings that publishers give them, each cited. Exported by Tifa Lens.</p></sourceDesc>',
    ),
    line(2, '</fileDesc>'),
    line(1, '</tbxHeader>'),
    line(1, '<text>'),
    line(2, '<body>'),
    ...concepts,
    line(2, '</body>'),
    line(1, '</text>'),
    '</tbx>',
    '',
  ].join('\n');
}

/** The CSV's columns: the usual source term, target term and note first, then the rest. */
const CSV_COLUMNS = [
  'source_term',
  'target_term',
  'note',
  'id',
  'source_term_zh_hant',
  'pinyin',
  'category',
  'tier',
  'definition_en',
  'definition_zh',
  'target_kind',
  'target_publisher',
  'target_title',
  'target_year',
  'target_locator',
  'entry_note',
] as const;

export function termBaseCsv(records: readonly TermRecord[]): string {
  const rows = records.flatMap((r) => {
    const shared = (target: Rendering | undefined) => [
      r.zhHans,
      target?.text ?? '',
      target ? renderingNote(target) : '',
      r.id,
      r.zhHant,
      r.pinyin,
      r.category,
      r.tier,
      r.definitionEn,
      r.definitionZh,
      target?.kind ?? '',
      target?.source.publisher ?? '',
      target?.source.title ?? '',
      target?.source.year === null || target === undefined ? '' : String(target.source.year),
      target?.source.locator ?? '',
      r.note,
    ];
    return r.renderings.length === 0 ? [shared(undefined)] : r.renderings.map(shared);
  });
  return csvFile([[...CSV_COLUMNS], ...rows]);
}

/** The records of a CSV that termBaseCsv wrote (a translator's round trip): the inverse of it. */
export function readTermBaseCsv(csv: string): TermRecord[] {
  const [header, ...rows] = splitCsv(csv).rows.map((row) => row.cells);
  const at = (name: (typeof CSV_COLUMNS)[number]) => header.indexOf(name);
  const text = (row: string[], name: (typeof CSV_COLUMNS)[number]) => {
    const value = row[at(name)] ?? '';
    return value.startsWith("'") && startsLikeFormula(value.slice(1)) ? value.slice(1) : value;
  };
  const records = new Map<string, TermRecord>();
  for (const row of rows) {
    const id = text(row, 'id');
    let record = records.get(id);
    if (!record) {
      record = {
        id,
        zhHans: text(row, 'source_term'),
        zhHant: text(row, 'source_term_zh_hant'),
        pinyin: text(row, 'pinyin'),
        category: text(row, 'category') as TermRecord['category'],
        tier: text(row, 'tier') as TermRecord['tier'],
        definitionEn: text(row, 'definition_en'),
        definitionZh: text(row, 'definition_zh'),
        renderings: [],
        note: text(row, 'entry_note'),
      };
      records.set(id, record);
    }
    const target = text(row, 'target_term');
    if (target) {
      const year = text(row, 'target_year');
      const kind = text(row, 'target_kind');
      record.renderings.push({
        text: target,
        kind: (RENDERING_KINDS as readonly string[]).includes(kind) ? (kind as RenderingKind) : 'analytic',
        source: {
          publisher: text(row, 'target_publisher'),
          title: text(row, 'target_title'),
          year: year === '' ? null : Number(year),
          locator: text(row, 'target_locator'),
        },
      });
    }
  }
  return [...records.values()];
}

export function termBaseAs(format: TermBaseFormat, records: readonly TermRecord[]): string {
  if (format === 'tbx') return termBaseTbx(records);
  if (format === 'csv') return termBaseCsv(records);
  return `${JSON.stringify(records, null, 2)}\n`;
}
